/** Deep tier: long random fault sequences on the real model, at budgets tuned to reach every witness. */
import { describe, expect, it } from 'vitest';
import { configs } from '../../model/bc/config.ts';
import { bc } from '../../model/bc/index.ts';
import { bcProperties } from '../../properties/bc/index.ts';
import { randomCheck } from '../../properties/engine/random.ts';
import { runsFromEnv, tunedSeed } from '../helpers.ts';

const idsOf = (name: keyof typeof configs, kind: 'witness' | 'eventually') =>
  bcProperties(configs[name])
    .filter((p) => p.kind === kind)
    .map((p) => p.id);

describe('bc: random fault sequences on the real model', () => {
  it.each(['small', 'default', 'stat-trigger'] as const)(
    'should violate nothing, reach every witness and exercise every liveness property in the %s config',
    (name) => {
      const config = configs[name];
      const properties = bcProperties(config);
      const seed = tunedSeed();
      const r = randomCheck(bc, bc.bind(config), properties, { runs: runsFromEnv(1500), seed });
      expect(r.failure, `seed ${seed}: ${JSON.stringify(r.failure)}`).toBeUndefined();
      // In small, the exemption's witness needs a crash at the very instant a DR timer runs out,
      // which the complete search (exhaustive.deep.test.ts) reaches and 1,500 random runs seldom do.
      const rare = name === 'small' ? ['bc.witness.outage-switchover-during-failover'] : [];
      const witnesses = idsOf(name, 'witness').filter((id) => !rare.includes(id));
      expect(r.witnessed, `seed ${seed}`).toEqual(expect.arrayContaining(witnesses));
      for (const id of idsOf(name, 'eventually'))
        expect(r.triggered[id], `seed ${seed}: ${id} never triggered`).toBeGreaterThan(0);
    },
  );
});
