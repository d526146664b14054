import { describe, expect, it } from 'vitest';
import { bcProperties } from '../../properties/bc/index.ts';
import { variantsOf } from '../../properties/variants.ts';
import { checkVariants } from '../helpers.ts';

const bcVariants = variantsOf('bc');

describe('bc: broken variants are caught by both engines', () => {
  checkVariants(bcVariants, bcProperties);

  it('should keep a liveness variant missed only off the vocabulary order, and one that loops', () => {
    const kinds = bcVariants.map((v) => v.liveness).filter((k) => k !== undefined);
    expect(kinds).toEqual(expect.arrayContaining(['other-order', 'lasso']));
  });

  it('should keep one variant per broken design the issue names, and one per desktop invariant', () => {
    expect(bcVariants.map((v) => v.expect)).toEqual(
      expect.arrayContaining([
        'bc.one-peer-login',
        'bc.stat-loss-no-switchover',
        'bc.ha-failover-transparent',
        'bc.delivery-through-login-peer',
        'bc.connections-one-site',
        'bc.sip-with-csp',
        'bc.survivor-takes-new-calls',
        'bc.surviving-site-calls-survive',
        'bc.login-at-preferred-site',
      ]),
    );
  });
});
