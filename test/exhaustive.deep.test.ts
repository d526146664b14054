/**
 * Deep tier: the complete searches that take more than a few seconds, and the first states of a
 * config too big for a test (searched completely by .ci/run and `npm run bench`). A complete
 * search must find its manifest's pinned figures (the suite's `checks`): a changed count is a
 * changed model.
 */
import { describe, expect, it } from 'vitest';
import { explore } from '../properties/engine/explore.ts';
import { offPin } from '../properties/engine/property.ts';
import { findSuite } from '../properties/registry.ts';

interface Search {
  readonly model: string;
  readonly config: string;
  /** The limit of a bounded search; a complete one's figures are the manifest's. */
  readonly states?: number;
}

const SEARCHES: readonly Search[] = [
  { model: 'bc', config: 'small' },
  { model: 'recording', config: 'no-retry' },
  // Issue 3's deployment: about 15 million states, searched completely by .ci/run.
  { model: 'recording', config: 'exhaustive', states: 60_000 },
];

describe.each(SEARCHES.map((s) => [`${s.model} ${s.config}`, s] as const))('%s', (_name, s) => {
  const suite = findSuite(s.model)!;
  const config = suite.model.validate(suite.model.configs[s.config]);
  const properties = suite.properties(config);

  const pin = suite.checks.find((c) => c.config === s.config);
  it(
    s.states !== undefined
      ? `should violate nothing in the first ${s.states} states`
      : 'should visit every reachable state (its pinned figures), reach every witness, trigger every liveness property and violate nothing',
    () => {
      const r = explore(
        suite.model,
        suite.model.bind(config),
        properties,
        s.states !== undefined ? { maxStates: s.states } : {},
      );
      expect(r.violation).toBeUndefined();
      if (s.states !== undefined) {
        expect(r.distinct).toBe(s.states);
        return;
      }
      expect(pin, `${s.model}/${s.config} is pinned in its manifest`).toBeDefined();
      expect(offPin(pin!, r)).toBeUndefined();
      const ids = (kind: string) => properties.filter((p) => p.kind === kind).map((p) => p.id);
      expect(r.witnessed).toEqual(expect.arrayContaining(ids('witness')));
      for (const id of ids('eventually'))
        expect(r.triggered[id], `${id} never triggered`).toBeGreaterThan(0);
    },
  );
});
