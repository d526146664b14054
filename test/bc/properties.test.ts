import { describe, expect, it } from 'vitest';
import { configs } from '../../model/bc/config.ts';
import { bc } from '../../model/bc/index.ts';
import { bcProperties, bcSuite } from '../../properties/bc/index.ts';
import { expectedSite } from '../../properties/bc/preferred.ts';
import { explore } from '../../properties/engine/explore.ts';
import { checkedConfigs } from '../../properties/engine/property.ts';

const exploreConfig = (name: keyof typeof configs, maxStates?: number) => {
  const config = configs[name];
  return explore(
    bc,
    bc.bind(config),
    bcProperties(config),
    maxStates === undefined ? {} : { maxStates },
  );
};

describe('bc: every option is exercised by a checked config', () => {
  it('should let each level of the preferred-site hierarchy (Tenant, Agent Group, Person) decide some agent', () => {
    const levels = new Set(
      checkedConfigs(bcSuite).flatMap((name) => {
        const config = configs[name as keyof typeof configs];
        return Array.from(
          { length: config.agents },
          (_, i) => expectedSite(config, `a${i + 1}`).level,
        );
      }),
    );
    expect([...levels].sort()).toEqual(['Agent Group', 'Person', 'Tenant']);
  });
});

describe('bc: exhaustive exploration of the real model', () => {
  it.each(['default', 'stat-trigger'] as const)(
    'should violate nothing in the first 30,000 states of the %s config',
    (name) => {
      const r = exploreConfig(name, 30_000);
      expect(r.violation).toBeUndefined();
      expect(r.distinct).toBe(30_000);
    },
  );
});
