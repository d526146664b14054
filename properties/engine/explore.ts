/**
 * The exhaustive engine: breadth-first search over every enabled event from the initial state,
 * deduplicating states by their canonical id. Because the search is breadth-first, the first
 * violation found has a shortest path. Liveness is checked at every new state where a trigger
 * holds, by running the fair schedule from it.
 */
import { setAutoFreeze } from 'immer';
import type { Model, ModelEvent, System } from '../../model/kernel/model.ts';
import { Judge } from './judge.ts';
import { Interner, type KeyNode } from './key.ts';
import { FairSchedule } from './liveness.ts';
import type { Property } from './property.ts';

export interface ExploreOptions {
  readonly maxDepth?: number;
  readonly maxStates?: number;
  /** Called about once a second on long runs. */
  readonly onProgress?: (p: ExploreProgress) => void;
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
  /** For liveness: the fair schedule run from the triggering state. */
  readonly schedule?: readonly E[];
}

export interface ExploreResult<E> {
  readonly distinct: number;
  readonly transitions: number;
  /** Depth of the deepest level fully expanded. */
  readonly depth: number;
  /** True when every reachable state was visited (no limit was hit, no violation stopped it). */
  readonly complete: boolean;
  readonly stoppedBy?: 'depth' | 'states' | 'violation';
  readonly elapsedMs: number;
  readonly statesPerSecond: number;
  readonly violation?: Counterexample<E>;
  readonly witnessed: readonly string[];
  /** Per liveness property: how many states triggered it (all of them checked). */
  readonly triggered: Readonly<Record<string, number>>;
}

export function explore<C, S extends object, E extends ModelEvent>(
  model: Model<C, S, E>,
  system: System<S, E>,
  properties: readonly Property<S, E>[],
  options: ExploreOptions = {},
): ExploreResult<E> {
  setAutoFreeze(false);
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const maxStates = options.maxStates ?? Number.POSITIVE_INFINITY;
  const judge = new Judge(system, properties);
  const fair = new FairSchedule(system, model as Model<unknown, S, E>);
  const triggered: Record<string, number> = Object.fromEntries(
    judge.liveness.map((p) => [p.id, 0]),
  );
  const vocabulary = system.vocabulary;
  const interner = new Interner();
  const seen = new Map<number, number>();
  const parent: number[] = [-1];
  const via: number[] = [-1];
  const started = performance.now();
  let transitions = 0;
  let nextReport = started + 1000;

  const pathTo = (index: number): E[] => {
    const events: E[] = [];
    for (let i = index; parent[i]! >= 0; i = parent[i]!) events.push(vocabulary[via[i]!]!);
    return events.reverse();
  };
  const finish = (
    depth: number,
    stoppedBy: ExploreResult<E>['stoppedBy'],
    violation?: Counterexample<E>,
  ): ExploreResult<E> => {
    const elapsedMs = performance.now() - started;
    return {
      distinct: parent.length,
      transitions,
      depth,
      complete: stoppedBy === undefined,
      ...(stoppedBy === undefined ? {} : { stoppedBy }),
      elapsedMs,
      statesPerSecond: parent.length / Math.max(elapsedMs / 1000, 1e-9),
      ...(violation === undefined ? {} : { violation }),
      witnessed: [...judge.witnessed],
      triggered,
    };
  };
  /** Invariants and liveness of a state seen for the first time. */
  const judgeNew = (state: S, index: number): Counterexample<E> | undefined => {
    const bad = judge.checkState(state);
    if (bad !== undefined) return { ...bad, events: pathTo(index) };
    for (const p of judge.liveness) {
      if (!p.trigger(state)) continue;
      triggered[p.id]! += 1;
      const miss = fair.check(p, state);
      if (miss !== undefined) {
        return {
          property: p.id,
          message: miss.message,
          events: pathTo(index),
          schedule: miss.schedule,
        };
      }
    }
    return undefined;
  };

  const root = interner.intern(system.init);
  seen.set(root.id, 0);
  const initialBad = judgeNew(system.init, 0);
  if (initialBad !== undefined) return finish(0, 'violation', initialBad);

  let frontier: KeyNode[] = [root];
  let frontierIndex: number[] = [0];
  let depth = 0;
  while (frontier.length > 0) {
    if (depth >= maxDepth) return finish(depth, 'depth');
    const next: KeyNode[] = [];
    const nextIndex: number[] = [];
    for (let f = 0; f < frontier.length; f++) {
      const node = frontier[f]!;
      const state = node.value as S;
      const index = frontierIndex[f]!;
      for (let v = 0; v < vocabulary.length; v++) {
        const event = vocabulary[v]!;
        if (!system.isEnabled(state, event)) continue;
        transitions++;
        const after = system.reduce(state, event);
        const stepBad = judge.checkStep(state, event, after);
        if (stepBad !== undefined)
          return finish(depth, 'violation', { ...stepBad, events: [...pathTo(index), event] });
        const afterNode = interner.intern(after, node);
        const id = afterNode.id;
        if (seen.has(id)) continue;
        const newIndex = parent.length;
        seen.set(id, newIndex);
        parent.push(index);
        via.push(v);
        const bad = judgeNew(after, newIndex);
        if (bad !== undefined) return finish(depth + 1, 'violation', bad);
        if (parent.length >= maxStates) return finish(depth, 'states');
        next.push(afterNode);
        nextIndex.push(newIndex);
      }
      if (options.onProgress !== undefined && (f & 1023) === 0 && performance.now() > nextReport) {
        nextReport = performance.now() + 1000;
        options.onProgress({
          depth,
          distinct: parent.length,
          frontier: frontier.length - f + next.length,
          elapsedMs: performance.now() - started,
        });
      }
    }
    frontier = next;
    frontierIndex = nextIndex;
    if (next.length > 0) depth++;
  }
  return finish(depth, undefined);
}
