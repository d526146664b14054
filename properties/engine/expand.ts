/**
 * One level of breadth-first search, as the single-threaded explorer and each parallel worker
 * run it: expand every state of a frontier by every enabled event, judge each transition, and
 * keep the successors whose fingerprint is new. Shared by both so they judge identically.
 */
import type { Model, ModelEvent, Symmetry, System } from '../../model/kernel/model.ts';
import { Codec } from './codec.ts';
import { Fingerprinter, type FingerprintNode } from './fingerprint.ts';
import { Judge } from './judge.ts';
import { FairPaths } from './liveness.ts';
import type { Property } from './property.ts';
import { shardOf } from './shard.ts';
import { canonical } from './symmetry.ts';
import { applyPatch, TransitionCache } from './transitions.ts';
import type { Visited } from './visited.ts';

/**
 * A state on the frontier and its index in the shared memory. While a level is small an entry
 * keeps the state itself and its fingerprint tree (the hint that makes its successors'
 * fingerprints cheap); once the level has grown past `LIVE_BUDGET` entries it keeps only the
 * state packed (codec.ts), unpacked and fingerprinted again when it is expanded. The biggest
 * searches are bounded by memory, and a packed state is a few hundred bytes where the state and
 * its tree are a few kilobytes.
 */
export interface Entry {
  readonly state: object | undefined;
  readonly node: FingerprintNode | undefined;
  readonly packed: string | undefined;
  readonly index: number;
}

/**
 * The reductions a search may use, each where the bound model declares what it needs: symmetry
 * (System.symmetry) keeps one state per orbit of interchangeable identities.
 */
export interface Reductions {
  readonly symmetry: boolean;
}

export const ALL_REDUCTIONS: Reductions = { symmetry: true };
export const NO_REDUCTIONS: Reductions = { symmetry: false };

/** What a search of `system` with `reductions` reduces by, as reports name it. */
export function reductionsUsed(
  system: System<unknown, ModelEvent>,
  reductions: Reductions,
): string[] {
  return reductions.symmetry && system.symmetry !== undefined
    ? [`symmetry (${system.symmetry.identity})`]
    : [];
}

/** Entries of one level, per expander, kept unpacked with their fingerprint tree (by default). */
export const LIVE_BUDGET = 100_000;

/** A violation found while expanding, located by the state it was found at. */
export interface Found<E> {
  readonly property: string;
  readonly message: string;
  /** Index of the state reached (a step violation: the state before plus `event`). */
  readonly index: number;
  /** For a step property: the event whose transition broke it (not yet in the shared memory). */
  readonly event?: number;
  readonly schedule?: readonly E[];
  /** For a lasso: the index in `schedule` where the goal-free fair cycle starts. */
  readonly loop?: number;
}

export class Expander<S extends object, E extends ModelEvent> {
  readonly judge: Judge<S, E>;
  readonly triggered: Record<string, number>;
  transitions = 0;
  private readonly fair: FairPaths<S, E>;
  private readonly fp = new Fingerprinter();
  private readonly codec = new Codec();
  /** The system's transitions, learnt from its handlers (transitions.ts). */
  readonly cache: TransitionCache<S, E>;
  /** The symmetry states are reduced by: their orbits' representatives are fingerprinted. */
  private readonly symmetry: Symmetry | undefined;

  constructor(
    model: Model<unknown, S, E>,
    readonly system: System<S, E>,
    properties: readonly Property<S, E>[],
    readonly visited: Visited,
    private readonly liveBudget = LIVE_BUDGET,
    reductions: Reductions = ALL_REDUCTIONS,
    transitionCache = true,
  ) {
    this.judge = new Judge(system, properties);
    this.cache = new TransitionCache(system, transitionCache);
    this.symmetry = reductions.symmetry ? system.symmetry : undefined;
    this.fair = new FairPaths(system, model, this.cache);
    this.triggered = Object.fromEntries(this.judge.liveness.map((p) => [p.id, 0]));
  }

  /** Registers the initial state as index 0 and judges it. */
  root(): { entry: Entry; found?: Found<E> } {
    const state = this.system.init;
    const node = this.fp.node(state);
    this.fingerprint(state, node);
    const index = this.visited.add(this.fp.h1, this.fp.h2, -1, -1);
    const found = this.judgeNew(state, index, node);
    return {
      entry: { state, node, packed: undefined, index },
      ...(found === undefined ? {} : { found }),
    };
  }

  /**
   * Expands `frontier[from..to)` into `next`; stops early at the first violation or when told to
   * stop. Each expanded entry is cleared from `frontier`, so that what only it holds can be
   * collected while the next level grows: the peak is about one level, not two.
   */
  expand(
    frontier: (Entry | undefined)[],
    next: Entry[],
    from = 0,
    to = frontier.length,
  ): Found<E> | undefined {
    const vocabulary = this.system.vocabulary;
    const visited = this.visited;
    for (let f = from; f < to; f++) {
      if (((f - from) & 255) === 0 && visited.stopped) return undefined;
      const entry = frontier[f]!;
      frontier[f] = undefined;
      const state = this.stateOf(entry) as S;
      const index = entry.index;
      const node = entry.node ?? this.fp.node(state);
      for (let v = 0; v < vocabulary.length; v++) {
        const event = vocabulary[v]!;
        if (!this.system.isEnabled(state, event)) continue;
        this.transitions++;
        let after = this.cache.successor(state, v);
        const patch = this.cache.lastPatch;
        if (this.judge.judgesSteps) {
          after ??= applyPatch(state, patch!) as S;
          const bad = this.judge.checkStep(state, event, after);
          if (bad !== undefined) return { ...bad, index, event: v };
        }
        if (patch === undefined || this.symmetry !== undefined) {
          after ??= applyPatch(state, patch!) as S;
          this.fingerprint(after, node);
        } else if (!this.fp.patchedFrom(node, patch)) {
          after ??= applyPatch(state, patch) as S;
          this.fp.patched(node, after, patch);
        }
        const added = visited.add(this.fp.h1, this.fp.h2, index, v);
        if (added < 0) {
          if (visited.full) return undefined;
          continue;
        }
        after ??= applyPatch(state, patch!) as S;
        // The successor's own tree when it stays on the frontier unpacked, built before it is
        // judged so that the fair-path checks start from it.
        const afterNode = next.length < this.liveBudget ? this.fp.node(after, node) : undefined;
        const found = this.judgeNew(after, added, afterNode ?? node);
        if (found !== undefined) return found;
        next.push(
          afterNode !== undefined
            ? { state: after, node: afterNode, packed: undefined, index: added }
            : { state: undefined, node: undefined, packed: this.codec.pack(after), index: added },
        );
      }
    }
    return undefined;
  }

  /**
   * The fingerprint a state is kept under, into `fp.h1`/`fp.h2`: its own, or with symmetry its
   * orbit's representative's. The state itself is what is expanded and recorded, so paths stay
   * real runs of the model.
   */
  private fingerprint(state: S, hint: FingerprintNode): void {
    this.fp.fingerprint(
      this.symmetry === undefined ? state : canonical(this.symmetry, state),
      hint,
    );
  }

  /**
   * Whether an entry of the split level belongs to shard `index` of `count` (shard.ts): by its
   * fingerprint (its orbit's, with symmetry), so every shard computes the same partition.
   */
  inShard(entry: Entry, index: number, count: number): boolean {
    const state = this.stateOf(entry) as S;
    this.fingerprint(state, entry.node ?? this.fp.node(state));
    return shardOf(this.fp.h1, this.fp.h2, count) === index;
  }

  /** The state of an entry of this expander's frontier, unpacked if it was packed. */
  stateOf(entry: Entry): object {
    return entry.state ?? this.codec.unpack(entry.packed!);
  }

  /** Invariants and liveness of a state seen for the first time (`hint`: a fingerprint tree near it). */
  private judgeNew(state: S, index: number, hint?: FingerprintNode): Found<E> | undefined {
    const bad = this.judge.checkState(state);
    if (bad !== undefined) return { ...bad, index };
    for (const p of this.judge.liveness) {
      if (!p.trigger(state)) continue;
      this.triggered[p.id]! += 1;
      const miss = this.fair.check(p, state, hint);
      if (miss !== undefined)
        return {
          property: p.id,
          message: miss.message,
          index,
          schedule: miss.schedule,
          ...(miss.loop === undefined ? {} : { loop: miss.loop }),
        };
    }
    return undefined;
  }
}

/** The events from the initial state to a state, read from the shared parent links. */
export function pathTo<E>(visited: Visited, vocabulary: readonly E[], index: number): E[] {
  const events: E[] = [];
  for (let i = index; visited.parent[i]! >= 0; i = visited.parent[i]!)
    events.push(vocabulary[visited.via[i]!]!);
  return events.reverse();
}
