/** Deep tier: long random fault sequences on the real model, at budgets tuned to reach every witness. */
import { describe, expect, it } from 'vitest';
import { configs } from '../../model/recording/config.ts';
import { recording } from '../../model/recording/index.ts';
import { randomCheck } from '../../properties/engine/random.ts';
import { recordingProperties } from '../../properties/recording/index.ts';
import { runsFromEnv, tunedSeed } from '../helpers.ts';

describe('recording: random fault sequences on the real model', () => {
  it.each(['default', 'small', 'active-active', 'lagged'] as const)(
    'should violate nothing and reach every witness in the %s config',
    (name) => {
      const config = configs[name];
      const properties = recordingProperties(config);
      const seed = tunedSeed();
      const r = randomCheck(recording, recording.bind(config), properties, {
        runs: runsFromEnv(1500),
        seed,
      });
      expect(r.failure, `seed ${seed}: ${JSON.stringify(r.failure)}`).toBeUndefined();
      // Every MCP failing in one run is rare at this budget; the explorer reaches that witness.
      const witnesses = properties
        .filter((p) => p.kind === 'witness' && p.id !== 'recording.witness.no-mcp-available')
        .map((p) => p.id);
      expect(r.witnessed, `seed ${seed}`).toEqual(expect.arrayContaining(witnesses));
      for (const p of properties.filter((q) => q.kind === 'eventually')) {
        expect(r.triggered[p.id], `seed ${seed}: ${p.id} never triggered`).toBeGreaterThan(0);
      }
    },
  );
});
