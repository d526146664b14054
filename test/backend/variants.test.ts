import { describe, expect, it } from 'vitest';
import { backendProperties } from '../../properties/backend/index.ts';
import { variantsOf } from '../../properties/variants.ts';
import { checkVariants } from '../helpers.ts';

const backendVariants = variantsOf('backend');

describe('backend: broken variants are caught by both engines', () => {
  checkVariants(backendVariants, backendProperties);

  it('should break every safety and liveness property of the model with some variant', () => {
    const expected = new Set(backendVariants.map((v) => v.expect));
    const all = backendVariants.flatMap((v) => backendProperties(v.build().configs[v.config]));
    for (const p of all.filter((q) => q.kind !== 'witness'))
      expect(expected.has(p.id), `${p.id} has no broken variant`).toBe(true);
  });
});
