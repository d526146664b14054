/**
 * Deep tier: the complete searches that take more than a few seconds, and the first states of a
 * config too big for a test (searched completely by .ci/run and `npm run bench`). A complete
 * search pins its distinct states: a changed count is a changed model.
 */
import { describe, expect, it } from 'vitest';
import { explore } from '../properties/engine/explore.ts';
import { findSuite } from '../properties/registry.ts';

interface Search {
  readonly model: string;
  readonly config: string;
  /** Distinct states of a complete search, or the limit of a bounded one. */
  readonly states: number;
  readonly depth?: number;
  readonly bounded?: true;
}

const SEARCHES: readonly Search[] = [
  { model: 'bc', config: 'small', states: 104_493, depth: 17 },
  { model: 'recording', config: 'no-retry', states: 156_866 },
  // Issue 3's deployment: about 15 million states, searched completely by .ci/run.
  { model: 'recording', config: 'exhaustive', states: 60_000, bounded: true },
];

describe.each(SEARCHES.map((s) => [`${s.model} ${s.config}`, s] as const))('%s', (_name, s) => {
  const suite = findSuite(s.model)!;
  const config = suite.model.validate(suite.model.configs[s.config]);
  const properties = suite.properties(config);

  it(
    s.bounded
      ? `should violate nothing in the first ${s.states} states`
      : `should visit all ${s.states} reachable states, reach every witness, trigger every liveness property and violate nothing`,
    () => {
      const r = explore(
        suite.model,
        suite.model.bind(config),
        properties,
        s.bounded ? { maxStates: s.states } : {},
      );
      expect(r.violation).toBeUndefined();
      expect(r.distinct).toBe(s.states);
      if (s.bounded) return;
      expect(r.complete).toBe(true);
      if (s.depth !== undefined) expect(r.depth).toBe(s.depth);
      const ids = (kind: string) => properties.filter((p) => p.kind === kind).map((p) => p.id);
      expect(r.witnessed).toEqual(expect.arrayContaining(ids('witness')));
      for (const id of ids('eventually'))
        expect(r.triggered[id], `${id} never triggered`).toBeGreaterThan(0);
    },
  );
});
