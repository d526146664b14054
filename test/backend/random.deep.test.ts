/** Deep tier: long random fault sequences on the real model, at budgets tuned to reach every witness. */
import { describe, expect, it } from 'vitest';
import { configs } from '../../model/backend/config.ts';
import { backend } from '../../model/backend/index.ts';
import { backendProperties } from '../../properties/backend/index.ts';
import { randomCheck } from '../../properties/engine/random.ts';
import { runsFromEnv, tunedSeed } from '../helpers.ts';

type Name = keyof typeof configs;

describe('backend: random fault sequences on the real model', () => {
  it.each(['default', 'active-backup'] as const)(
    'should violate nothing, exercise every liveness property and reach the takeover and retry witnesses in the %s config',
    (name: Name) => {
      const config = configs[name];
      const properties = backendProperties(config);
      const seed = tunedSeed();
      const r = randomCheck(backend, backend.bind(config), properties, {
        runs: runsFromEnv(1500),
        seed,
      });
      expect(r.failure, `seed ${seed}: ${JSON.stringify(r.failure)}`).toBeUndefined();
      // A Web Services node failing mid-request is rare at this budget; the explorer reaches it.
      const witnesses = properties
        .filter(
          (p) => p.kind === 'witness' && p.id !== 'backend.witness.web-services-request-retried',
        )
        .map((p) => p.id);
      expect(r.witnessed, `seed ${seed}`).toEqual(expect.arrayContaining(witnesses));
      for (const p of properties.filter((q) => q.kind === 'eventually'))
        expect(r.triggered[p.id], `seed ${seed}: ${p.id} never triggered`).toBeGreaterThan(0);
    },
  );
});
