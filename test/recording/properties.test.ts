import { describe, expect, it } from 'vitest';
import { configs } from '../../model/recording/config.ts';
import { recording } from '../../model/recording/index.ts';
import { explore } from '../../properties/engine/explore.ts';
import { recordingProperties } from '../../properties/recording/index.ts';

type Name = keyof typeof configs;

const exploreConfig = (name: Name, maxStates?: number) => {
  const config = configs[name];
  return explore(
    recording,
    recording.bind(config),
    recordingProperties(config),
    maxStates === undefined ? {} : { maxStates },
  );
};

/** Distinct states of the configs the explorer searches completely in the fast tier (the larger ones: exhaustive.deep.test.ts). */
const complete: readonly (readonly [Name, number])[] = [
  ['small', 15_889],
  ['active-standby', 23_372],
  ['active-active', 29_209],
  ['lagged', 40_021],
  ['audio-lost', 13_107],
  ['single-mcp', 1_074],
];

describe('recording: exhaustive exploration of the real model', () => {
  it.each(complete)(
    'should visit every reachable state of the %s config (%i states), reach every witness and violate nothing',
    (name, states) => {
      const r = exploreConfig(name);
      expect(r.violation).toBeUndefined();
      expect(r.complete).toBe(true);
      expect(r.distinct).toBe(states);
      const properties = recordingProperties(configs[name]);
      const witnesses = properties.filter((p) => p.kind === 'witness').map((p) => p.id);
      expect(r.witnessed).toEqual(expect.arrayContaining(witnesses));
      for (const p of properties.filter((q) => q.kind === 'eventually')) {
        expect(r.triggered[p.id], `${p.id} never triggered`).toBeGreaterThan(0);
      }
    },
  );

  it("should describe issue 3's deployment in the exhaustive config: 2 RMs, 3 MCPs, 2 calls, 2 RM or MCP faults", () => {
    const { sip, mcps, faultBudget } = configs.exhaustive;
    expect(recording.bind(configs.exhaustive).init.rms).toHaveProperty('rm2');
    expect({ mcps, calls: sip.calls, faultBudget }).toEqual({ mcps: 3, calls: 2, faultBudget: 2 });
  });

  it('should violate nothing in the first 60,000 states of the default config (too big to finish)', () => {
    const r = exploreConfig('default', 60_000);
    expect(r.violation).toBeUndefined();
    expect(r.distinct).toBe(60_000);
  });
});
