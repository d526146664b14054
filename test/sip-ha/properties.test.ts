import { describe, expect, it } from 'vitest';
import { configs } from '../../model/sip-ha/config.ts';
import { sipHa } from '../../model/sip-ha/index.ts';
import { explore } from '../../properties/engine/explore.ts';
import { type ConfigCheck, offPin } from '../../properties/engine/property.ts';
import { sipHaProperties, sipHaSuite } from '../../properties/sip-ha/index.ts';

const pinOf = (name: string): ConfigCheck => sipHaSuite.checks.find((c) => c.config === name)!;

const exploreConfig = (name: keyof typeof configs, maxStates?: number) => {
  const config = configs[name];
  return explore(
    sipHa,
    sipHa.bind(config),
    sipHaProperties(config),
    maxStates === undefined ? {} : { maxStates },
  );
};

describe('sip-ha: exhaustive exploration of the real model', () => {
  it('should visit every reachable state of the small config, as pinned, and violate nothing', () => {
    const r = exploreConfig('small');
    expect(r.violation).toBeUndefined();
    expect(offPin(pinOf('small'), r)).toBeUndefined();
    expect(r.witnessed).toEqual(
      expect.arrayContaining([
        'sip-ha.witness.failover-with-live-calls',
        'sip-ha.witness.call-lost-in-failover',
        'sip-ha.witness.split-brain',
      ]),
    );
    expect(r.triggered['sip-ha.failover-within-bound']).toBeGreaterThan(0);
    expect(r.triggered['sip-ha.one-primary-after-heal']).toBeGreaterThan(0);
  });

  it.each(['default', 'recheck', 'fencing'] as const)(
    'should violate nothing in the first 60,000 states of the %s config',
    (name) => {
      const r = exploreConfig(name, 60_000);
      expect(r.violation).toBeUndefined();
      expect(r.distinct).toBe(60_000);
    },
  );
});
