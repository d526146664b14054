/**
 * Commands of the project run as whole processes, the way a user runs them: `npm start`'s check
 * (the main job) and `ha-verify explore`, each with the Node flags of its package.json script.
 * The wall time is the process's; the peak memory is its resident high-water mark (VmHWM in
 * /proc, which counts every thread and the shared buffers), read while it runs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './baseline.ts';

export interface WholeRun {
  readonly wallMs: number;
  /** 0 where /proc could not be read (no measurement). */
  readonly peakRssMb: number;
  /** The exit code, or -1 where a signal ended the process. */
  readonly exitCode: number;
  /** How the process ended, e.g. 'exit 0' or 'signal SIGKILL'. */
  readonly ended: string;
  /** The JSON document the command wrote with --reporter json; undefined if it wrote none. */
  readonly report: unknown;
}

/**
 * The Node arguments of a package.json script that runs `node … cli/main.ts <command>`, up to
 * and including cli/main.ts: the flags it is run with.
 */
function scriptNodeArgs(script: string): string[] {
  const start = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts[script];
  const words = start?.split(/\s+/) ?? [];
  const main = words.indexOf('cli/main.ts');
  if (words[0] !== 'node' || main < 0)
    throw new Error(`package.json's ${script} script does not run node … cli/main.ts`);
  return words.slice(1, main + 1);
}

/** The high-water mark of a process's resident memory in MB, or 0 once it has gone. */
function peakOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? 0 : Math.round(Number(kb) / 1024);
  } catch {
    return 0;
  }
}

/**
 * Runs `ha-verify <args> --reporter json` with the Node flags of package.json's `script`, from
 * the project's root; the command's text report is dropped, its JSON document returned.
 */
export function runWhole(script: string, args: readonly string[]): Promise<WholeRun> {
  const nodeArgs = scriptNodeArgs(script);
  const dir = mkdtempSync(join(tmpdir(), 'ha-verify-bench-'));
  const out = join(dir, 'report.json');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...nodeArgs, ...args, '--reporter', 'json', '--output-file', out],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  let peakRssMb = 0;
  const poll = setInterval(() => {
    if (child.pid !== undefined) peakRssMb = Math.max(peakRssMb, peakOf(child.pid));
  }, 250);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearInterval(poll);
      rmSync(dir, { recursive: true, force: true });
      reject(error);
    });
    // A process that ended without its report (killed, out of memory) is a result too: the
    // bench records it rather than losing what it measured before.
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      const wallMs = Math.round(performance.now() - started);
      let report: unknown;
      try {
        report = JSON.parse(readFileSync(out, 'utf8'));
      } catch {
        report = undefined;
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({
        wallMs,
        peakRssMb,
        exitCode: code ?? -1,
        ended: code === null ? `signal ${signal}` : `exit ${code}`,
        report,
      });
    });
  });
}
