/**
 * Searches split over machines without communication (`explore --shard i/n`). Every shard runs
 * the same breadth-first search to the split level, the first with at least
 * `SPLIT_STATES_PER_SHARD × n` states (or a depth named with `--split-depth`); there it keeps the
 * states whose fingerprint falls in its share and searches completely what is reachable from
 * them. The other states of the split level stay in its fingerprint set, so it does not search
 * them again.
 *
 * Why nothing is lost: every reachable state below the split level has a shortest path through
 * one state of that level, and the rest of that path lies below it; the shard owning that state
 * reaches it. States above the split level, and every transition leaving them, are judged by
 * every shard. Invariants, step properties, witnesses and liveness (whose fair paths start from
 * the state that triggers it) are judged state by state and step by step, so a property broken
 * anywhere is broken in some shard. What overlaps is work: a state reachable from two shares is
 * searched by both, so the shards' state counts add up to more than the single search's.
 */

/** A shard of a split search: `index` counts from 0 here, from 1 on the command line. */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
  /** The split level; by default the first with `SPLIT_STATES_PER_SHARD × count` states. */
  readonly splitDepth?: number;
}

/** What a shard's search reports about its split. */
export interface ShardFacts {
  readonly index: number;
  readonly count: number;
  /** The level it split at, or undefined when the search ended above any split level. */
  readonly splitDepth: number | undefined;
  /** States of the split level, and how many of them were this shard's. */
  readonly levelStates: number;
  readonly kept: number;
}

export const SPLIT_STATES_PER_SHARD = 64;

/** The shard a state with fingerprint (h1, h2) belongs to. */
export function shardOf(h1: number, h2: number, count: number): number {
  return (((h1 ^ Math.imul(h2, 0x9e3779b1)) >>> 0) % count) >>> 0;
}

/** Whether a level of `size` states at `depth` is where `shard` splits. */
export function isSplitLevel(shard: ShardSpec, depth: number, size: number): boolean {
  return shard.splitDepth === undefined
    ? size >= SPLIT_STATES_PER_SHARD * shard.count
    : depth === shard.splitDepth;
}

/** Parses `i/n` as the command line gives it (1 ≤ i ≤ n); undefined when it is malformed. */
export function parseShard(text: string): { index: number; count: number } | undefined {
  const m = /^([1-9][0-9]{0,5})\/([1-9][0-9]{0,5})$/.exec(text);
  if (m === null) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index <= count ? { index: index - 1, count } : undefined;
}
