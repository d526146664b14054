/**
 * The conformance suite of one model, the same for every model (small test files call it, one
 * per model and tier, so that vitest spreads the models over its workers). Fast tier
 * (<model>.test.ts): the explorer catches each broken variant through the property it names,
 * with a counterexample that replays, and every safety and liveness property of the model is
 * broken by some variant. Deep tier (<model>.deep.test.ts): the random engine catches each one
 * at its default budget, and each liveness variant marked 'other-order' passes the one
 * vocabulary-order schedule check that misses it.
 */
import { describe, expect, it } from 'vitest';
import { findSuite } from '../../properties/registry.ts';
import { variants, variantsOf } from '../../properties/variants.ts';
import { checkVariantsByExplorer, checkVariantsByRandom } from '../helpers.ts';

/**
 * One model's fast-tier conformance. `part` [i, n] runs the i-th of n shares of its variants (a
 * model with many slow ones is split over files, so over vitest's workers); the first share also
 * runs the check that every property is broken by some variant.
 */
export function conformance(id: string, part: readonly [number, number] = [1, 1]): void {
  const suite = findSuite(id);
  if (suite === undefined) throw new Error(`no model '${id}'`);
  const own = variantsOf(id);
  const [i, n] = part;
  const share = own.filter((_, k) => k % n === i - 1);

  describe(`${id}: broken variants caught by the explorer${n > 1 ? ` (part ${i} of ${n})` : ''}`, () => {
    checkVariantsByExplorer(share, suite.properties);
  });
  if (i !== 1) return;

  it(`${id}: should break every safety and liveness property of the model with some variant`, () => {
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
}

/** The deep tier's runs of one model's broken variants. */
export function randomConformance(id: string): void {
  const suite = findSuite(id);
  if (suite === undefined) throw new Error(`no model '${id}'`);
  describe(`${id}: broken variants caught by the random engine`, () => {
    checkVariantsByRandom(variantsOf(id), suite.properties);
  });
}

/** Over all models: the liveness variants show both ways the every-path check differs. */
export function livenessKinds(): void {
  describe('broken variants of liveness', () => {
    it('should keep a variant missed only off the vocabulary order, and one that loops', () => {
      const kinds = variants.map((v) => v.liveness).filter((k) => k !== undefined);
      expect(kinds).toEqual(expect.arrayContaining(['other-order', 'lasso']));
    });
  });
}
