import { describe, expect, it } from 'vitest';
import { configs } from '../../model/sip-ha/config.ts';
import { sipHaProperties } from '../../properties/sip-ha/index.ts';
import { variantsOf } from '../../properties/variants.ts';
import { checkVariants } from '../helpers.ts';

const sipHaVariants = variantsOf('sip-ha');

describe('sip-ha: broken variants are caught by both engines', () => {
  checkVariants(sipHaVariants, sipHaProperties);

  it('should break every safety and liveness property of the model with some variant', () => {
    const caught = new Set(sipHaVariants.map((v) => v.expect));
    const mustFail = sipHaProperties(configs.default).filter((p) => p.kind !== 'witness');
    expect(mustFail.length).toBeGreaterThan(0);
    for (const p of mustFail) expect(caught.has(p.id), `${p.id} has no broken variant`).toBe(true);
  });
});
