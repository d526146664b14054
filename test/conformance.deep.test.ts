/**
 * Every model's broken variants, deep tier: the random engine catches each one at its default
 * budget (seed printed), and each liveness variant marked 'other-order' passes the one
 * vocabulary-order schedule check that misses it (a complete search).
 */
import { describe } from 'vitest';
import { suites } from '../properties/registry.ts';
import { variantsOf } from '../properties/variants.ts';
import { checkVariantsByRandom } from './helpers.ts';

describe.each(suites.map((s) => [s.model.id, s] as const))('%s: broken variants', (id, suite) => {
  checkVariantsByRandom(variantsOf(id), suite.properties);
});
