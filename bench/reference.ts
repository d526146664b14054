/**
 * One search of the benchmark's reference model (model/hotstandby), as a process of its own so
 * that the bench can time it whole, the way the other tools were timed. The same file runs in
 * a worktree of an earlier commit (bench/baseline.ts copies it there), so both searches are
 * started, loaded and measured alike.
 *
 *   node --import tsx bench/reference.ts <config> <workers> [none|all] [cache|nocache]
 *
 * prints one line of JSON: states, depth, transitions, whether it completed, and the search's own
 * time (the bench also times the whole process).
 */
import { exploreParallel } from '../properties/engine/explore-parallel.ts';
import { hotStandbySuite } from '../properties/hotstandby/index.ts';

/** The search target, rebuilt by each worker thread from `{ config }`. */
export function loadReference(arg: { config: string }) {
  const model = hotStandbySuite.model;
  const config = model.configs[arg.config];
  return { model, config, properties: hotStandbySuite.properties(config as never) };
}

async function main(): Promise<void> {
  const [config = 'c4', workers = '1', reduce = 'none', cache = 'cache'] = process.argv.slice(2);
  // Written out, not imported: the baseline's explorer has no reductions (and ignores the option).
  const reductions = { symmetry: reduce === 'all' };
  const r = await exploreParallel(
    { module: import.meta.url, exportName: 'loadReference', arg: { config } },
    {
      workers: Number(workers),
      maxStates: 3_000_000,
      reductions,
      transitionCache: cache === 'cache',
    },
  );
  process.stdout.write(
    `${JSON.stringify({ distinct: r.distinct, depth: r.depth, transitions: r.transitions, complete: r.complete, searchMs: Math.round(r.elapsedMs) })}\n`,
  );
  process.exit(0);
}

// Not awaited at the top level: the workers import this module for its loader, and a module
// still evaluating cannot be imported.
if (process.argv[1]?.endsWith('reference.ts')) void main();
