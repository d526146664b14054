/** Deep tier: long random fault sequences on the real model, at budgets tuned to reach every witness. */
import { describe, expect, it } from 'vitest';
import { configs } from '../../model/sip-ha/config.ts';
import { sipHa } from '../../model/sip-ha/index.ts';
import { randomCheck } from '../../properties/engine/random.ts';
import { sipHaProperties } from '../../properties/sip-ha/index.ts';
import { runsFromEnv, tunedSeed } from '../helpers.ts';

describe('sip-ha: random fault sequences on the real model', () => {
  it.each(['default', 'recheck', 'fencing'] as const)(
    'should violate nothing and reach every witness in the %s config',
    (name) => {
      const config = configs[name];
      const properties = sipHaProperties(config);
      const seed = tunedSeed();
      const r = randomCheck(sipHa, sipHa.bind(config), properties, {
        runs: runsFromEnv(1500),
        seed,
      });
      expect(r.failure, `seed ${seed}: ${JSON.stringify(r.failure)}`).toBeUndefined();
      const witnesses = properties.filter((p) => p.kind === 'witness').map((p) => p.id);
      expect(r.witnessed, `seed ${seed}`).toEqual(expect.arrayContaining(witnesses));
      for (const p of properties.filter((q) => q.kind === 'eventually')) {
        expect(r.triggered[p.id], `seed ${seed}: ${p.id} never triggered`).toBeGreaterThan(0);
      }
    },
  );
});
