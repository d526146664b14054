/**
 * The exhaustive engine on several cores: worker threads expand their shares of each BFS level
 * over one shared fingerprint set; a worker keeps the states it finds for the next level, and
 * hands some to another worker only when that one runs out of work inside a level (share.ts).
 * Levels are synchronized by this thread, so the first violation found still has a shortest
 * path. With one worker it runs the single-threaded explorer in this thread. The worker threads
 * come from the process's pool (pool.ts).
 *
 * Which violation of a level a worker meets first, and which parent a state reached twice
 * records, depend on how the threads were scheduled. So that a counterexample is the same on
 * every run and for every worker count, a search that stops at a violation at depth d is run
 * again in this thread to that depth: its counterexample is the first violation in the
 * single-threaded order (the BFS order, events in vocabulary order), which is canonical.
 */
import { MessageChannel } from 'node:worker_threads';
import type { ModelEvent } from '../../model/kernel/model.ts';
import { ALL_REDUCTIONS, type Found, reductionsUsed } from './expand.ts';
import {
  DEFAULT_EXPLORE_MAX_STATES,
  type ExploreOptions,
  type ExploreResult,
  explore,
  searchMemory,
  summarize,
  unsplit,
} from './explore.ts';
import type { FromWorker } from './explore-worker.ts';
import { acquire, defaultWorkers, release } from './pool.ts';
import { isSplitLevel, type ShardFacts } from './shard.ts';
import { allocateShare, Share } from './share.ts';
import { loadTarget, type TargetSpec } from './target.ts';
import { overBudget, Visited } from './visited.ts';

export { defaultWorkers, EngineLimitError } from './pool.ts';

export interface ParallelOptions extends ExploreOptions {
  /** Worker threads; defaults to the cores available (at most 8). */
  readonly workers?: number;
}

export async function exploreParallel<E extends ModelEvent>(
  spec: TargetSpec,
  options: ParallelOptions = {},
): Promise<ExploreResult<E>> {
  const target = await loadTarget(spec);
  const system = target.model.bind(target.config);
  const count = options.workers ?? defaultWorkers();
  if (count <= 1)
    return explore(target.model, system, target.properties, options) as unknown as ExploreResult<E>;

  const started = performance.now();
  const memory = searchMemory(options);
  const visited = new Visited(memory);
  const share = allocateShare(count);
  // ports[g][j]: worker g sends to worker j over it.
  const ports = Array.from({ length: count }, (_, g) =>
    Array.from({ length: count }, (_, j) => (g === j ? undefined : new MessageChannel())),
  );
  const channels = acquire(count);
  let clean = false;
  const progress =
    options.onProgress === undefined
      ? undefined
      : setInterval(
          () =>
            options.onProgress?.({
              depth,
              distinct: visited.count,
              frontier: sum(sizes),
              elapsedMs: performance.now() - started,
            }),
          1000,
        );
  let depth = 0;
  let sizes: number[] = channels.map(() => 0);
  try {
    await Promise.all(channels.map((c) => c.started));
    await Promise.all(
      channels.map((c, me) => {
        const outbox = ports[me]!.map((p) => p?.port1);
        const inbox = ports.map((row) => row[me]?.port2);
        return c.request(
          {
            type: 'search',
            target: spec,
            memory,
            me,
            share,
            outbox,
            inbox,
            liveBudget: options.liveBudget,
            reductions: options.reductions ?? ALL_REDUCTIONS,
            transitionCache: options.transitionCache,
            maxMemory: options.maxMemory,
          },
          [...outbox, ...inbox].filter((p) => p !== undefined),
        );
      }),
    );
    const root = (await channels[0]!.request({ type: 'root' })) as Extract<
      FromWorker,
      { type: 'level' }
    >;
    sizes[0] = 1;
    let stoppedBy: ExploreResult<E>['stoppedBy'];
    let found = root.found as Found<E> | undefined;
    if (found !== undefined) stoppedBy = 'violation';
    let shard: ShardFacts | undefined =
      options.shard === undefined ? undefined : unsplit(options.shard);
    while (stoppedBy === undefined && sum(sizes) > 0) {
      if (depth >= (options.maxDepth ?? Number.POSITIVE_INFINITY)) {
        stoppedBy = 'depth';
        break;
      }
      if (
        options.shard !== undefined &&
        shard?.splitDepth === undefined &&
        isSplitLevel(options.shard, depth, sum(sizes))
      ) {
        const { index, count } = options.shard;
        const levelStates = sum(sizes);
        const kept = (await Promise.all(
          channels.map((c) => c.request({ type: 'shard', index, count })),
        )) as Extract<FromWorker, { type: 'level' }>[];
        sizes = kept.map((r) => r.size);
        shard = { index, count, splitDepth: depth, levelStates, kept: sum(sizes) };
        if (sum(sizes) === 0) break;
      }
      Share.reset(share);
      const replies = (await Promise.all(
        channels.map((c) => c.request({ type: 'expand' })),
      )) as Extract<FromWorker, { type: 'level' }>[];
      sizes = replies.map((r) => r.size);
      const founds = replies.flatMap((r) =>
        r.found === undefined ? [] : [r.found as Found<E> & { error?: Error }],
      );
      const failed = founds.find((f) => f.error !== undefined);
      if (failed !== undefined) throw failed.error;
      if (founds.length > 0) {
        found = founds.reduce((a, b) => (b.index < a.index ? b : a));
        stoppedBy = 'violation';
        depth++;
      } else if (visited.overMemory) stoppedBy = 'memory';
      else if (visited.full) stoppedBy = 'states';
      else if (sum(sizes) > 0) {
        depth++;
        // Levels smaller than a worker's look at memory are judged here, once they are complete.
        if (overBudget(options.maxMemory)) stoppedBy = 'memory';
      }
    }
    const finals = (await Promise.all(
      channels.map((c) => c.request({ type: 'finish' })),
    )) as Extract<FromWorker, { type: 'finished' }>[];
    clean = true;
    const triggered: Record<string, number> = {};
    for (const f of finals)
      for (const [id, n] of Object.entries(f.triggered)) triggered[id] = (triggered[id] ?? 0) + n;
    if (found !== undefined) {
      // The canonical counterexample: the single-threaded search to the same depth.
      // Room for every state the workers found, and as many again: the single thread may go
      // further into the last level before it meets its first violation.
      // Bounded by the depth and states the workers reached, so not by the memory budget: a
      // budget the workers' heaps filled must not lose the violation they found.
      const { maxMemory: _budget, ...bounded } = options;
      const canonical = explore(target.model, system, target.properties, {
        ...bounded,
        maxStates: 2 * (options.maxStates ?? DEFAULT_EXPLORE_MAX_STATES),
        maxDepth: depth,
      }) as unknown as ExploreResult<E>;
      if (canonical.violation !== undefined)
        return {
          ...canonical,
          workers: count,
          elapsedMs: performance.now() - started,
        };
    }
    return summarize<E>({
      started,
      depth,
      visited,
      vocabulary: system.vocabulary as E[],
      workers: count,
      reductions: reductionsUsed(system, options.reductions ?? ALL_REDUCTIONS),
      transitions: sum(finals.map((f) => f.transitions)),
      cache: {
        hits: sum(finals.map((f) => f.cache.hits)),
        misses: sum(finals.map((f) => f.cache.misses)),
        immer: sum(finals.map((f) => f.cache.immer)),
        dropped: sum(finals.map((f) => f.cache.dropped)),
      },
      witnessed: [...new Set(finals.flatMap((f) => f.witnessed))],
      triggered,
      ...(stoppedBy === undefined ? {} : { stoppedBy }),
      ...(found === undefined ? {} : { found }),
      ...(shard === undefined ? {} : { shard }),
    });
  } finally {
    if (progress !== undefined) clearInterval(progress);
    await release(count, channels, clean);
  }
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
