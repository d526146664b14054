/**
 * The reference model's search timed against the explorer of an earlier commit, in one run:
 * that commit's tree is unpacked into a temporary folder (`git archive`, so the repository is
 * left alone), the reference model written against it is copied in from the shared bench folder
 * beside the project, and the two searches run as whole processes, in pairs, in turn. A ratio is
 * the median over the pairs of (this tree's time / the baseline's time); each pair shares the
 * machine's state of the moment, so the noise of a shared machine cancels in the ratio.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The explorer the bench is measured against: the one the shared bench's figures were taken with. */
export const BASELINE_COMMIT = '50f28af';

/**
 * The project's root: the nearest folder above this file with a package.json, the same from the
 * sources and from the built product (dist/bench/).
 */
export const ROOT = ((dir: string): string => {
  while (!existsSync(resolve(dir, 'package.json')) && resolve(dir, '..') !== dir)
    dir = resolve(dir, '..');
  return dir;
})(import.meta.dirname);
const SHARED = resolve(ROOT, '../shared/bench/hotstandby');
const NODE_FLAGS = ['--single-threaded-gc', '--max-semi-space-size=64', '--import', 'tsx'];

export interface ReferenceRun {
  readonly distinct: number;
  readonly depth: number;
  readonly transitions: number;
  readonly complete: boolean;
  /** The search alone, as the explorer measured it. */
  readonly searchMs: number;
  /** The whole process, as the other tools were timed. */
  readonly wallMs: number;
}

/**
 * Unpacks the baseline commit with the reference model, or says why it cannot. The baseline runs
 * on this tree's node_modules, so both sides use the same immer and Node: only the engine differs.
 */
export function prepareBaseline(): { dir: string } | { missing: string } {
  if (!existsSync(SHARED)) return { missing: `${SHARED} is not there` };
  const dir = mkdtempSync(join(tmpdir(), 'ha-verify-baseline-'));
  try {
    const tar = join(dir, 'tree.tar');
    execFileSync('git', ['archive', '--format=tar', '-o', tar, BASELINE_COMMIT], { cwd: ROOT });
    execFileSync('tar', ['-xf', tar, '-C', dir]);
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return { missing: `commit ${BASELINE_COMMIT} is not in this clone's history` };
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  cpSync(join(SHARED, 'model/hotstandby'), join(dir, 'model/hotstandby'), { recursive: true });
  cpSync(join(SHARED, 'properties/hotstandby'), join(dir, 'properties/hotstandby'), {
    recursive: true,
  });
  cpSync(join(ROOT, 'bench/reference.ts'), join(dir, 'bench/reference.ts'));
  return { dir };
}

export function removeBaseline(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** One search of the reference model in the tree at `dir`, as a process of its own, by default without reductions. */
export function runReference(
  dir: string,
  config: string,
  workers: number,
  reductions: 'none' | 'all' = 'none',
): ReferenceRun {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [...NODE_FLAGS, 'bench/reference.ts', config, String(workers), reductions],
    { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  const wallMs = Math.round(performance.now() - started);
  if (run.status !== 0)
    throw new Error(`the reference search in ${dir} failed: ${run.stderr.trim().split('\n')[0]}`);
  return { ...(JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ReferenceRun), wallMs };
}
