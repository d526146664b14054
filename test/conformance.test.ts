/**
 * Every model's broken variants, fast tier: the explorer catches each one through the property it
 * names, with a counterexample that replays; and every safety and liveness property of a model is
 * broken by some variant. The random engine's runs of the same variants are in
 * conformance.deep.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { suites } from '../properties/registry.ts';
import { variants, variantsOf } from '../properties/variants.ts';
import { checkVariantsByExplorer } from './helpers.ts';

describe.each(suites.map((s) => [s.model.id, s] as const))('%s: broken variants', (id, suite) => {
  const own = variantsOf(id);

  describe('caught by the explorer', () => {
    checkVariantsByExplorer(own, suite.properties);
  });

  it('should break every safety and liveness property of the model with some variant', () => {
    const caught = new Set(own.map((v) => v.expect));
    const configs = new Set(['default', ...own.map((v) => v.config)]);
    const mustFail = [...configs]
      .flatMap((name) => {
        const model = own.find((v) => v.config === name)?.build() ?? suite.model;
        return suite.properties(model.validate(model.configs[name]));
      })
      .filter((p) => p.kind !== 'witness');
    expect(mustFail.length).toBeGreaterThan(0);
    for (const p of mustFail) expect(caught.has(p.id), `${p.id} has no broken variant`).toBe(true);
  });
});

describe('broken variants of liveness', () => {
  it('should keep a variant missed only off the vocabulary order, and one that loops', () => {
    const kinds = variants.map((v) => v.liveness).filter((k) => k !== undefined);
    expect(kinds).toEqual(expect.arrayContaining(['other-order', 'lasso']));
  });
});
