/**
 * The exhaustive engine: breadth-first search over every enabled event from the initial state,
 * deduplicating states by fingerprint. Because the search goes level by level, the first
 * violation found has a shortest path. Liveness is checked at every new state where a trigger
 * holds, over every fair path of its fault-free continuation (liveness.ts). explore-parallel.ts runs the same levels on
 * several worker threads over shared memory.
 */
import { setAutoFreeze } from '../../model/kernel/immer.ts';
import type { Model, ModelEvent, System } from '../../model/kernel/model.ts';
import {
  ALL_REDUCTIONS,
  type Entry,
  Expander,
  type Found,
  pathTo,
  type Reductions,
  reductionsUsed,
} from './expand.ts';
import { collisionProbability } from './fingerprint.ts';
import { EngineLimitError } from './pool.ts';
import type { Property } from './property.ts';
import { isSplitLevel, type ShardFacts, type ShardSpec } from './shard.ts';
import type { CacheStats } from './transitions.ts';
import {
  allocateMemory,
  bytesOf,
  MEMORY_CHECK,
  overBudget,
  type SharedMemory,
  Visited,
} from './visited.ts';

export interface ExploreOptions {
  readonly maxDepth?: number;
  readonly maxStates?: number;
  /** Entries of a level kept unpacked with their fingerprint tree; the rest are packed (expand.ts). */
  readonly liveBudget?: number;
  /** Called about once a second on long runs. */
  readonly onProgress?: (p: ExploreProgress) => void;
  /** Which reductions to use where the model declares them; all by default. */
  readonly reductions?: Reductions;
  /** Search only this shard's share of the split level and what it reaches (shard.ts). */
  readonly shard?: ShardSpec;
  /**
   * A budget of resident memory in bytes: the search stops (stoppedBy 'memory', its levels so
   * far complete) when the process goes above it. Checked every MEMORY_CHECK states.
   */
  readonly maxMemory?: number;
  /**
   * Whether successors come from the transition cache (transitions.ts) where it has learnt them;
   * true by default. Off, every successor is immer's: the same states, found more slowly.
   */
  readonly transitionCache?: boolean;
}

export interface ExploreProgress {
  readonly depth: number;
  readonly distinct: number;
  readonly frontier: number;
  readonly elapsedMs: number;
}

export interface Counterexample<E> {
  readonly property: string;
  readonly message: string;
  /** Events from the initial state to the violation (for liveness: to the triggering state). */
  readonly events: readonly E[];
  /** For liveness: the fair path from the triggering state on which the goal is missed. */
  readonly schedule?: readonly E[];
  /** For a lasso: the index in `schedule` where the goal-free fair cycle starts. */
  readonly loop?: number;
}

export interface ExploreResult<E> {
  readonly distinct: number;
  readonly transitions: number;
  /**
   * Successors the transition cache gave, learnt, or left to immer, over the search and its
   * fair-path checks (transitions.ts).
   */
  readonly cache: CacheStats;
  /** Depth of the deepest level reached. */
  readonly depth: number;
  /** True when every reachable state was visited (no limit was hit, no violation stopped it). */
  readonly complete: boolean;
  readonly stoppedBy?: 'depth' | 'states' | 'memory' | 'violation';
  readonly elapsedMs: number;
  readonly statesPerSecond: number;
  /** Chance that two distinct states shared a fingerprint in this run. */
  readonly collisionProbability: number;
  readonly workers: number;
  /** The reductions this search used (empty: every state was kept apart), e.g. 'symmetry (calls)'. */
  readonly reductions: readonly string[];
  readonly violation?: Counterexample<E>;
  readonly witnessed: readonly string[];
  /** Per liveness property: how many states triggered it (all of them checked). */
  readonly triggered: Readonly<Record<string, number>>;
  /** For one shard of a split search: where it split and what it kept. */
  readonly shard?: ShardFacts;
}

export const DEFAULT_EXPLORE_MAX_STATES = 2_000_000;

export function explore<C, S extends object, E extends ModelEvent>(
  model: Model<C, S, E>,
  system: System<S, E>,
  properties: readonly Property<S, E>[],
  options: ExploreOptions = {},
): ExploreResult<E> {
  setAutoFreeze(false);
  const started = performance.now();
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const visited = new Visited(searchMemory(options));
  const expander = new Expander(
    model as Model<unknown, S, E>,
    system,
    properties,
    visited,
    options.liveBudget,
    options.reductions,
    options.transitionCache,
  );
  const summary = (depth: number, stoppedBy?: ExploreResult<E>['stoppedBy'], found?: Found<E>) => {
    return summarize({
      started,
      depth,
      visited,
      vocabulary: system.vocabulary,
      workers: 1,
      reductions: reductionsUsed(system, options.reductions ?? ALL_REDUCTIONS),
      transitions: expander.transitions,
      cache: expander.cache.stats,
      witnessed: [...expander.judge.witnessed],
      triggered: expander.triggered,
      ...(stoppedBy === undefined ? {} : { stoppedBy }),
      ...(found === undefined ? {} : { found }),
      ...(shard === undefined ? {} : { shard }),
    });
  };

  let shard: ShardFacts | undefined =
    options.shard === undefined ? undefined : unsplit(options.shard);
  const root = expander.root();
  if (root.found !== undefined) return summary(0, 'violation', root.found);
  let frontier: (Entry | undefined)[] = [root.entry];
  let depth = 0;
  let lastReport = started;
  while (frontier.length > 0) {
    if (depth >= maxDepth) return summary(depth, 'depth');
    if (
      options.shard !== undefined &&
      shard?.splitDepth === undefined &&
      isSplitLevel(options.shard, depth, frontier.length)
    ) {
      const { index, count } = options.shard;
      const levelStates = frontier.length;
      frontier = frontier.filter((e) => expander.inShard(e!, index, count));
      shard = { index, count, splitDepth: depth, levelStates, kept: frontier.length };
      if (frontier.length === 0) break;
    }
    const next: Entry[] = [];
    // Expand in slices so progress can be reported on long levels.
    for (let from = 0; from < frontier.length; from += MEMORY_CHECK) {
      const to = Math.min(from + MEMORY_CHECK, frontier.length);
      const found = expander.expand(frontier, next, from, to);
      if (found !== undefined) return summary(depth + 1, 'violation', found);
      if (visited.full) return summary(depth, 'states');
      // A search that has just finished is complete, whatever its memory.
      const more = to < frontier.length || next.length > 0;
      if (more && overBudget(options.maxMemory)) return summary(depth, 'memory');
      if (options.onProgress !== undefined && performance.now() - lastReport > 1000) {
        lastReport = performance.now();
        options.onProgress({
          depth,
          distinct: visited.count,
          frontier: frontier.length - from + next.length,
          elapsedMs: lastReport - started,
        });
      }
    }
    frontier = next;
    if (next.length > 0) depth++;
  }
  return summary(depth);
}

/**
 * The shared buffers of a search of at most `maxStates` states, or an EngineLimitError when they
 * alone would not fit the memory budget.
 */
export function searchMemory(options: ExploreOptions): SharedMemory {
  const maxStates = options.maxStates ?? DEFAULT_EXPLORE_MAX_STATES;
  const memory = allocateMemory(maxStates);
  if (options.maxMemory !== undefined && bytesOf(memory) > options.maxMemory / 2)
    throw new EngineLimitError(
      `--max-states ${maxStates} needs ${mb(bytesOf(memory))} for its fingerprint set alone, more than half of --max-memory (${mb(options.maxMemory)}): lower --max-states or raise --max-memory`,
    );
  return memory;
}

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MB`;

/** A shard's facts before it splits: the whole search so far. */
export function unsplit(spec: ShardSpec): ShardFacts {
  return { index: spec.index, count: spec.count, splitDepth: undefined, levelStates: 0, kept: 0 };
}

export interface RunFacts<E> {
  readonly started: number;
  readonly depth: number;
  readonly visited: Visited;
  readonly vocabulary: readonly E[];
  readonly workers: number;
  readonly reductions: readonly string[];
  readonly transitions: number;
  readonly cache: CacheStats;
  readonly witnessed: readonly string[];
  readonly triggered: Readonly<Record<string, number>>;
  readonly stoppedBy?: ExploreResult<E>['stoppedBy'];
  readonly found?: Found<E>;
  readonly shard?: ShardFacts;
}

/** The result of a search from what it left in shared memory. */
export function summarize<E>(facts: RunFacts<E>): ExploreResult<E> {
  const elapsedMs = performance.now() - facts.started;
  const distinct = Math.min(facts.visited.count, facts.visited.capacity);
  const found = facts.found;
  const violation: Counterexample<E> | undefined =
    found === undefined
      ? undefined
      : {
          property: found.property,
          message: found.message,
          events: [
            ...pathTo(facts.visited, facts.vocabulary, found.index),
            ...(found.event === undefined ? [] : [facts.vocabulary[found.event]!]),
          ],
          ...(found.schedule === undefined ? {} : { schedule: found.schedule }),
          ...(found.loop === undefined ? {} : { loop: found.loop }),
        };
  return {
    distinct,
    transitions: facts.transitions,
    cache: { ...facts.cache },
    depth: facts.depth,
    complete: facts.stoppedBy === undefined,
    ...(facts.stoppedBy === undefined ? {} : { stoppedBy: facts.stoppedBy }),
    elapsedMs,
    statesPerSecond: distinct / Math.max(elapsedMs / 1000, 1e-9),
    collisionProbability: collisionProbability(distinct),
    workers: facts.workers,
    reductions: facts.reductions,
    ...(violation === undefined ? {} : { violation }),
    witnessed: facts.witnessed,
    triggered: facts.triggered,
    ...(facts.shard === undefined ? {} : { shard: facts.shard }),
  };
}
