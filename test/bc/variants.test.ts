import { describe, expect, it } from 'vitest';
import { variantsOf } from '../../properties/variants.ts';

describe('bc: broken variants', () => {
  it('should keep a liveness variant missed only off the vocabulary order, and one that loops', () => {
    const kinds = variantsOf('bc')
      .map((v) => v.liveness)
      .filter((k) => k !== undefined);
    expect(kinds).toEqual(expect.arrayContaining(['other-order', 'lasso']));
  });

  it('should keep one variant per broken design the issue names, and one per desktop invariant', () => {
    expect(variantsOf('bc').map((v) => v.expect)).toEqual(
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
