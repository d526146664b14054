import { describe, expect, it } from 'vitest';
import { recordingProperties } from '../../properties/recording/index.ts';
import { variantsOf } from '../../properties/variants.ts';
import { checkVariants } from '../helpers.ts';

const recordingVariants = variantsOf('recording');

describe('recording: broken variants are caught by both engines', () => {
  checkVariants(recordingVariants, recordingProperties);

  it('should break every safety and liveness property of the model with some variant', () => {
    const expected = new Set(recordingVariants.map((v) => v.expect));
    const all = Object.values(
      Object.fromEntries(
        recordingVariants.map((v) => [v.config, v.build().configs[v.config]] as const),
      ),
    ).flatMap((c) => recordingProperties(c));
    for (const p of all.filter((q) => q.kind !== 'witness'))
      expect(expected.has(p.id), `${p.id} has no broken variant`).toBe(true);
  });
});
