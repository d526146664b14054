import { describe, expect, it } from 'vitest';
import { bcProperties } from '../../properties/bc/index.ts';
import { explore } from '../../properties/engine/explore.ts';
import { randomCheck } from '../../properties/engine/random.ts';
import { counterexampleTrace } from '../../traces/counterexample.ts';
import { replay } from '../../traces/replay.ts';
import { runsFromEnv, seedFromEnv } from '../helpers.ts';
import { bcVariants } from './mutants.ts';

describe('bc: broken variants are caught by both engines', () => {
  describe.each(bcVariants.map((v) => [v.id, v] as const))('%s', (_id, variant) => {
    const model = variant.build();
    const config = model.configs[variant.config];
    const properties = bcProperties(config);

    it(`should be caught by the explorer through ${variant.expect}, with a counterexample that replays`, () => {
      const r = explore(model, model.bind(config), properties, { maxStates: 300_000 });
      expect(r.violation?.property).toBe(variant.expect);
      const trace = counterexampleTrace(model, variant.id, config, r.violation!, 'explorer');
      const replayed = replay(model, bcProperties, trace, variant.id);
      expect(replayed.asExpected).toBe(true);
    });

    it(`should be caught by the random engine at its default budget through ${variant.expect}`, () => {
      const seed = seedFromEnv();
      const r = randomCheck(model, model.bind(config), properties, {
        runs: runsFromEnv(1000),
        seed,
      });
      expect(r.failure?.property, `seed ${seed}`).toBe(variant.expect);
    });
  });

  it('should keep one variant per broken design the issue names, and one per desktop invariant', () => {
    expect(bcVariants.map((v) => v.expect)).toEqual(
      expect.arrayContaining([
        'bc.one-peer-login',
        'bc.stat-loss-no-switchover',
        'bc.ha-failover-transparent',
        'bc.delivery-through-login-peer',
        'bc.connections-one-site',
        'bc.sip-with-csp',
      ]),
    );
  });
});
