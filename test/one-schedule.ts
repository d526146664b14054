/**
 * The liveness check this suite used to make, kept only to show what it missed: from a
 * triggering state, one deterministic schedule (the first enabled protocol event in vocabulary
 * order, then deliveries, then time). A broken variant whose goal is missed only on another fair
 * path passes it; the explorer's every-path check (properties/engine/liveness.ts) catches it.
 */
import type { Model, ModelEvent, System } from '../model/kernel/model.ts';
import type { Eventually, Invariant, Property } from '../properties/engine/property.ts';

const ORDER = ['protocol', 'delivery', 'time'] as const;

/** Whether the one vocabulary-order schedule from `start` reaches the goal within the bounds. */
export function oneScheduleHolds<S, E extends ModelEvent>(
  model: Model<unknown, S, E>,
  system: System<S, E>,
  p: Eventually<S>,
  start: S,
): boolean {
  const byKind = ORDER.map((kind) => system.vocabulary.filter((e) => model.kindOf(e) === kind));
  let state = start;
  let elapsedMs = 0;
  for (let steps = 0; ; steps++) {
    if (p.goal(state)) return elapsedMs <= p.boundMs;
    if (steps >= p.boundSteps) return false;
    const event = byKind.flat().find((e) => system.isEnabled(state, e));
    if (event === undefined) return false;
    elapsedMs += system.elapsedMs(state, event);
    state = system.reduce(state, event);
  }
}

/**
 * The properties with each liveness property judged the old way: as an invariant that runs the
 * one schedule from every state where its trigger holds. Searching with these shows whether the
 * one-schedule check would have passed a model.
 */
export function withOneSchedule<S, E extends ModelEvent>(
  model: Model<unknown, S, E>,
  system: System<S, E>,
  properties: readonly Property<S, E>[],
): Property<S, E>[] {
  return properties.map((p): Property<S, E> => {
    if (p.kind !== 'eventually') return p;
    const judged: Invariant<S> = {
      id: p.id,
      kind: 'invariant',
      clauses: p.clauses,
      statement: `${p.statement} (one vocabulary-order schedule only)`,
      check: (state) =>
        p.trigger(state) && !oneScheduleHolds(model, system, p, state)
          ? 'the one vocabulary-order schedule misses the goal'
          : undefined,
    };
    return judged;
  });
}
