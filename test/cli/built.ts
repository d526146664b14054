/** What the CLI tests share: a run of the built CLI, as users run it. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The built CLI (dist/, cli/build.mjs; test/build-setup.ts keeps it current) from the project's
 * root, without the environment's FC_RUNS and FC_SEED, so every run uses the CLI's defaults.
 */
export function cli(...args: string[]): Run {
  const env = { ...process.env };
  delete env.FC_RUNS;
  delete env.FC_SEED;
  const result = spawnSync(process.execPath, ['dist/cli/main.js', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Stderr without the plain progress lines a search of more than a few seconds writes. */
export const withoutProgress = (stderr: string): string =>
  stderr
    .split('\n')
    .filter((line) => !line.startsWith('progress '))
    .join('\n');
