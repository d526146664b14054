import { describe, expect, it } from 'vitest';
import { configs } from '../../model/backend/config.ts';
import { backend } from '../../model/backend/index.ts';
import { backendProperties } from '../../properties/backend/index.ts';
import { explore } from '../../properties/engine/explore.ts';

type Name = keyof typeof configs;

// `npm start` searches all three configs completely (84,107 to 300,109 states, on 2 workers);
// here a first slice of each keeps the test run short.
describe('backend: exhaustive exploration of the real model', () => {
  it.each(['default', 'active-backup', 'mcp-failure'] as const)(
    'should violate nothing in the first 10,000 states of the %s config',
    (name: Name) => {
      const config = configs[name];
      const r = explore(backend, backend.bind(config), backendProperties(config), {
        maxStates: 10_000,
      });
      expect(r.violation).toBeUndefined();
      expect(r.distinct).toBe(10_000);
    },
  );
});
