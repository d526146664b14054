/**
 * Symmetry reduction (properties/engine/symmetry.ts, used by the explorer): the representative of a
 * state is one of its permutations and the same for every state of its orbit; a model declared
 * symmetric is, on the first states of a search (its guards, handlers and properties treat
 * every id alike); a model that does tell an id apart fails the symmetry check, so the check can
 * fail. symmetry.deep.test.ts checks every reachable state and counts the orbits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createHotStandby,
  type HotStandbyState,
  hotStandby,
} from '../../model/hotstandby/index.ts';
import { handlers } from '../../model/hotstandby/pair.ts';
import type { Model, ModelEvent } from '../../model/kernel/model.ts';
import type { Property } from '../../properties/engine/property.ts';
import { canonical, permute } from '../../properties/engine/symmetry.ts';
import { hotStandbyProperties } from '../../properties/hotstandby/index.ts';
import { asymmetry, key, permutations, reachable } from './symmetry.ts';

const c3 = hotStandby.validate(hotStandby.configs.c3);
const system = hotStandby.bind(c3);
const symmetry = system.symmetry!;
const properties = hotStandbyProperties(c3) as Property<HotStandbyState, ModelEvent>[];
/** The first states of a search, every permutation, and two that generate them all. */
const states = reachable(system, 5_000);
const PERMS = permutations(c3.calls);
const GENERATORS = [
  [1, 0, 2],
  [1, 2, 0],
];

describe('symmetry: the representative of an orbit', () => {
  it('should be a permutation of the state, the same for every permutation of it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: states.length - 1 }),
        fc.constantFrom(...PERMS),
        (i, p) => {
          const s = states[i]!;
          const rep = canonical(symmetry, s);
          expect(PERMS.some((q) => key(permute(symmetry, s, q)) === key(rep))).toBe(true);
          expect(key(canonical(symmetry, permute(symmetry, s, p)))).toBe(key(rep));
        },
      ),
    );
  });

  it('should be the state itself, unchanged and uncopied, when its ids are already in order', () => {
    const init = system.init;
    expect(canonical(symmetry, init)).toBe(init);
    const s: HotStandbyState = {
      ...init,
      client: ['idle', 'est', 'setup'],
      mem: { P: [false, true, true], B: [false, true, false] },
    };
    const rep = canonical(symmetry, s);
    // Columns (client, mem.P, mem.B, ...): 'est' < 'idle' < 'setup'.
    expect(rep.client).toEqual(['est', 'idle', 'setup']);
    expect(rep.mem).toEqual({ P: [true, false, true], B: [true, false, false] });
    expect(rep.up).toBe(s.up);
    expect(s.client).toEqual(['idle', 'est', 'setup']);
  });
});

describe('symmetry: hotstandby c3 declared symmetric in its calls', () => {
  it(`should be symmetric on the first ${states.length} states under two permutations that generate all`, () => {
    expect(asymmetry(system, properties, symmetry, states, GENERATORS)).toBeUndefined();
  });

  it('should find a model that tells a call apart not symmetric', () => {
    // Call 0 is never replicated to the backup: a different call is broken in each orbit member.
    const lopsided: Model<typeof c3, HotStandbyState, ModelEvent> = createHotStandby({
      handlers: {
        callEstablished: (draft, event, ctx) => {
          handlers.callEstablished(draft, event, ctx);
          if (event.call === 0) draft.msgs.B[0] = false;
        },
      },
    }) as never;
    const bound = lopsided.bind(c3);
    const sample = reachable(bound, 2_000);
    expect(asymmetry(bound, properties, bound.symmetry!, sample, GENERATORS)).toMatch(/successors/);
  });
});
