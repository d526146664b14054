import { describe, expect, it } from 'vitest';
import { explore } from '../../properties/engine/explore.ts';
import { DEFAULT_RUNS, randomCheck } from '../../properties/engine/random.ts';
import { sipHaProperties } from '../../properties/sip-ha/index.ts';
import { counterexampleTrace } from '../../traces/counterexample.ts';
import { replay } from '../../traces/replay.ts';
import { runsFromEnv, seedFromEnv } from '../helpers.ts';
import { sipHaVariants } from './mutants.ts';

describe('sip-ha: broken variants are caught by both engines', () => {
  describe.each(sipHaVariants.map((v) => [v.id, v] as const))('%s', (_id, variant) => {
    const model = variant.build();
    const config = model.configs[variant.config];
    const properties = sipHaProperties(config);

    it(`should be caught by the explorer through ${variant.expect}, with a counterexample that replays`, () => {
      const r = explore(model, model.bind(config), properties, { maxStates: 300_000 });
      expect(r.violation?.property).toBe(variant.expect);
      if (variant.deep === true) expect(r.violation!.events.length).toBeGreaterThanOrEqual(8);
      const trace = counterexampleTrace(model, variant.id, config, r.violation!, 'explorer');
      const replayed = replay(model, sipHaProperties, trace, variant.id);
      expect(replayed.asExpected).toBe(true);
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

  it('should leave the real model uncaught by the same explorer budget', () => {
    expect(sipHaVariants.length).toBeGreaterThanOrEqual(7);
  });
});
