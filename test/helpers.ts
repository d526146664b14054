/** Shared test helpers: strict runs of hand-written event lists, and seeds from the environment. */
import { setAutoFreeze } from 'immer';
import type { Model, ModelEvent } from '../model/kernel/model.ts';
import { Judge } from '../properties/engine/judge.ts';
import type { Property } from '../properties/engine/property.ts';

export interface Run<S> {
  readonly states: readonly S[];
  readonly final: S;
  /** Properties broken along the way, with the 1-based step. */
  readonly broken: readonly {
    readonly property: string;
    readonly message: string;
    readonly step: number;
  }[];
  readonly witnessed: ReadonlySet<string>;
  readonly elapsedMs: number;
}

/** Applies events one by one; a disabled event fails the test with its step number. */
export function runEvents<C, S, E extends ModelEvent>(
  model: Model<C, S, E>,
  config: C,
  properties: readonly Property<S, E>[],
  events: readonly E[],
): Run<S> {
  setAutoFreeze(false);
  const system = model.bind(config);
  const judge = new Judge(system, properties);
  let state = system.init;
  const states = [state];
  const broken: Run<S>['broken'][number][] = [];
  let elapsedMs = 0;
  events.forEach((event, i) => {
    if (!system.isEnabled(state, event))
      throw new Error(`step ${i + 1}: '${model.describe(event)}' is not enabled`);
    elapsedMs += system.elapsedMs(state, event);
    const judged = judge.apply(state, event);
    if (judged.violation !== undefined) broken.push({ ...judged.violation, step: i + 1 });
    state = judged.after;
    states.push(state);
  });
  return { states, final: state, broken, witnessed: judge.witnessed, elapsedMs };
}

/** FC_SEED and FC_RUNS override the random engine's seed and budget; the seed is always printed. */
export function seedFromEnv(): number {
  const raw = process.env.FC_SEED;
  return raw !== undefined && raw !== ''
    ? Number(raw)
    : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
}

export function runsFromEnv(fallback: number): number {
  const raw = process.env.FC_RUNS;
  return raw !== undefined && raw !== '' ? Number(raw) : fallback;
}
