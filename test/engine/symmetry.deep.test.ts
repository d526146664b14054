/**
 * Deep tier of the symmetry tests: hotstandby c3 is symmetric in its calls on every reachable
 * state under every permutation, and the reduced search keeps exactly one state per orbit of the
 * reachable states, counted by brute force (the least permutation of each state, by its plain
 * data), with the same verdicts as the full search.
 */
import { describe, expect, it } from 'vitest';
import { type HotStandbyState, hotStandby } from '../../model/hotstandby/index.ts';
import type { ModelEvent } from '../../model/kernel/model.ts';
import { NO_REDUCTIONS } from '../../properties/engine/expand.ts';
import { explore } from '../../properties/engine/explore.ts';
import type { Property } from '../../properties/engine/property.ts';
import { permute } from '../../properties/engine/symmetry.ts';
import { hotStandbyProperties } from '../../properties/hotstandby/index.ts';
import { asymmetry, key, permutations, reachable } from './symmetry.ts';

const c3 = hotStandby.validate(hotStandby.configs.c3);
const system = hotStandby.bind(c3);
const symmetry = system.symmetry!;
const properties = hotStandbyProperties(c3) as Property<HotStandbyState, ModelEvent>[];
const states = reachable(system);
const PERMS = permutations(c3.calls);

describe('symmetry: hotstandby c3 declared symmetric in its calls', () => {
  it('should be symmetric on every reachable state under every permutation', () => {
    expect(states.length).toBe(55_001);
    expect(asymmetry(system, properties, symmetry, states, PERMS)).toBeUndefined();
  });

  it('should keep one state per orbit, as counted by brute force, and the same verdicts', () => {
    const orbits = new Set(
      states.map((s) => PERMS.map((p) => key(permute(symmetry, s, p))).sort()[0]),
    );
    const reduced = explore(hotStandby, system, properties);
    const full = explore(hotStandby, system, properties, { reductions: NO_REDUCTIONS });
    expect(full.distinct).toBe(states.length);
    expect(reduced.distinct).toBe(orbits.size);
    expect(reduced.reductions).toEqual(['symmetry (calls)']);
    expect(full.reductions).toEqual([]);
    expect([reduced.complete, reduced.violation, reduced.depth]).toEqual([
      true,
      undefined,
      full.depth,
    ]);
  });
});
