/** Shared test helpers: strict runs of hand-written event lists, and seeds from the environment. */

import { describe, expect, it } from 'vitest';
import { freeze, setAutoFreeze } from '../model/kernel/immer.ts';
import type { Model, ModelEvent } from '../model/kernel/model.ts';
import { NO_REDUCTIONS } from '../properties/engine/expand.ts';
import { explore } from '../properties/engine/explore.ts';
import { Judge } from '../properties/engine/judge.ts';
import type { Property } from '../properties/engine/property.ts';
import { DEFAULT_RUNS, randomCheck } from '../properties/engine/random.ts';
import type { Variant } from '../properties/variant.ts';
import { counterexampleTrace } from '../traces/counterexample.ts';
import { mermaidSequence, stepTable } from '../traces/render.ts';
import { replay } from '../traces/replay.ts';
import { FIXED_SEED } from './global-setup.ts';
import { withOneSchedule } from './one-schedule.ts';

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
  // Every state frozen, so a handler that writes to a state it was not given as its draft throws
  // here (the engines turn freezing off for speed).
  setAutoFreeze(true);
  const system = model.bind(config);
  const judge = new Judge(system, properties);
  let state = freeze(system.init, true);
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

/**
 * The run's seed of the random engine and of fast-check, which test/global-setup.ts picks before
 * any test file starts: FC_SEED, else fixed in CI, else drawn (and printed).
 */
export function seedFromEnv(): number {
  const raw = process.env.HA_VERIFY_SEED;
  if (raw === undefined || !/^\d+$/.test(raw))
    throw new Error(`the run's seed is '${raw}': FC_SEED must be a whole number`);
  return Number(raw);
}

/**
 * The seed of a run whose budget was tuned to reach every witness (the real models' random runs):
 * always the fixed seed the budget was tuned with, so neither a drawn seed nor FC_SEED changes it.
 */
export function tunedSeed(): number {
  return FIXED_SEED;
}

export function runsFromEnv(fallback: number): number {
  const raw = process.env.FC_RUNS;
  return raw !== undefined && raw !== '' ? Number(raw) : fallback;
}

type PropertiesOf = (config: never) => readonly Property<never, never>[];

/** One describe block per variant, with its model, config and properties built once. */
function eachVariant(
  variants: readonly Variant[],
  propertiesOf: PropertiesOf,
  body: (
    variant: Variant,
    model: ReturnType<Variant['build']>,
    config: unknown,
    properties: readonly Property<never, never>[],
  ) => void,
): void {
  describe.each(variants.map((v) => [v.id, v] as const))('%s', (_id, variant) => {
    const model = variant.build();
    const config = model.configs[variant.config];
    body(variant, model, config, propertiesOf(config as never));
  });
}

/**
 * The fast tier's test of every broken variant: the explorer finds it through the named property
 * and the counterexample replays. Registers one describe block per variant.
 */
export function checkVariantsByExplorer(
  variants: readonly Variant[],
  propertiesOf: PropertiesOf,
): void {
  eachVariant(variants, propertiesOf, (variant, model, config, properties) => {
    it(`should be caught by the explorer through ${variant.expect}, with a counterexample that replays, with and without reductions`, () => {
      const system = model.bind(config);
      const r = explore(model, system, properties, { maxStates: 300_000 });
      expect(r.violation?.property).toBe(variant.expect);
      if (r.reductions.length > 0) {
        // A reduced search must miss nothing the full one finds, and find it as early.
        const full = explore(model, system, properties, {
          maxStates: 300_000,
          reductions: NO_REDUCTIONS,
        });
        expect(full.violation?.property).toBe(variant.expect);
        expect(r.violation!.events.length).toBe(full.violation!.events.length);
      }
      const trace = counterexampleTrace(model, variant.id, config, r.violation!, 'explorer');
      const replayed = replay(model, propertiesOf as never, trace, variant.id);
      expect(replayed.asExpected).toBe(true);
      if (variant.liveness === 'lasso') {
        expect(r.violation!.loop, 'a lasso counterexample').toBeDefined();
        expect(trace.liveness?.loop).toBeDefined();
        expect(stepTable(replayed)).toContain('the cycle starts');
        expect(mermaidSequence(replayed, () => ({ from: 'a', to: 'b' }))).toContain('loop ');
      }
    });
  });
}

/**
 * The deep tier's tests of every broken variant: the random engine finds it at its default
 * budget, and a liveness variant marked 'other-order' passes the one vocabulary-order schedule
 * check (a complete search), which misses it.
 */
export function checkVariantsByRandom(
  variants: readonly Variant[],
  propertiesOf: PropertiesOf,
): void {
  eachVariant(variants, propertiesOf, (variant, model, config, properties) => {
    if (variant.liveness === 'other-order')
      it(`should pass the one vocabulary-order schedule check of ${variant.expect}, which misses it`, () => {
        const system = model.bind(config);
        const r = explore(model, system, withOneSchedule(model, system, properties), {
          maxStates: 300_000,
        });
        expect(r.complete, 'the one-schedule search is complete').toBe(true);
        expect(r.violation?.property).toBeUndefined();
      });

    it(`should be caught by the random engine at its default budget through ${variant.expect}`, () => {
      const seed = seedFromEnv();
      const r = randomCheck(model, model.bind(config), properties, {
        runs: runsFromEnv(DEFAULT_RUNS),
        seed,
      });
      expect(r.failure?.property, `seed ${seed}`).toBe(variant.expect);
    });
  });
}
