import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { produce } from '../../model/kernel/immer.ts';
import type { EventKind, Model, System } from '../../model/kernel/model.ts';
import { FairPaths } from '../../properties/engine/liveness.ts';
import type { Eventually } from '../../properties/engine/property.ts';
import { TransitionCache } from '../../properties/engine/transitions.ts';
import { oneScheduleHolds } from '../one-schedule.ts';

/**
 * Tiny hand-written transition systems, small enough to check by eye: a state is a position and a
 * clock reading, an event moves between positions.
 */
interface Pos {
  readonly at: string;
  /** Where the walk has been lately (the random graphs' states only): a nested array. */
  readonly log?: { readonly seen: readonly string[] };
}
interface Move {
  readonly type: string;
  /** The position (or positions) the move is enabled at. */
  readonly from: string | readonly string[];
  readonly to: string;
  readonly kind: EventKind;
  readonly ms?: number;
}

/**
 * What a move does, as a recipe: the transition cache learns it (transitions.ts). With a log it
 * also keeps the last two positions, emptied by a length write: the cache's writes then reach
 * into a nested array and set its length, which the fingerprint cannot update by itself.
 */
const mutate = (d: { at: string; log?: { seen: string[] } }, e: Move): void => {
  d.at = e.to;
  if (d.log === undefined) return;
  if (d.log.seen.length >= 2) d.log.seen.length = 0;
  d.log.seen.push(e.to);
};

function system(
  moves: readonly Move[],
  start = 'a',
  log = false,
): { model: Model<unknown, Pos, Move>; sys: System<Pos, Move> } {
  const sys: System<Pos, Move> = {
    init: log ? { at: start, log: { seen: [] } } : { at: start },
    vocabulary: moves,
    isEnabled: (s, e) => (typeof e.from === 'string' ? s.at === e.from : e.from.includes(s.at)),
    reduce: (s, e) => produce(s, (d) => mutate(d, e)),
    mutate,
    elapsedMs: (_s, e) => e.ms ?? 0,
  };
  const model: Model<unknown, Pos, Move> = {
    id: 'tiny',
    title: 'tiny',
    configs: {},
    validate: (x) => x,
    bind: () => sys,
    kindOf: (e) => e.kind,
    describe: (e) => `${e.type} ${e.from}→${e.to}`,
    lifelines: () => ({ from: 'tiny', to: 'tiny' }),
  };
  return { model, sys };
}

function reach(goal: string, boundSteps: number, boundMs = 1_000_000): Eventually<Pos> {
  return {
    id: 'tiny.reach',
    kind: 'eventually',
    clauses: [],
    statement: `reaches ${goal}`,
    fairness: 'test',
    boundSteps,
    boundMs,
    trigger: (s) => s.at === 'a',
    goal: (s) => s.at === goal,
  };
}

const p = (type: string, from: Move['from'], to: string, ms?: number): Move => ({
  type,
  from,
  to,
  kind: 'protocol',
  ...(ms === undefined ? {} : { ms }),
});

describe('engine: liveness on every fair path', () => {
  it('should catch a goal missed only on a path other than the vocabulary-order schedule', () => {
    // In vocabulary order a→g at once; the other order a→b→c gets stuck without the goal.
    const { model, sys } = system([
      p('first', 'a', 'g'),
      p('second', 'a', 'b'),
      p('third', 'b', 'c'),
    ]);
    const prop = reach('g', 5);
    expect(oneScheduleHolds(model, sys, prop, sys.init)).toBe(true);
    const miss = new FairPaths(sys, model).check(prop, sys.init);
    expect(miss?.message).toContain('nothing more can happen after 2 steps');
    expect(miss?.schedule.map((e) => e.type)).toEqual(['second', 'third']);
  });

  it('should report a goal-free fair cycle as a lasso', () => {
    const { model, sys } = system([p('go', 'a', 'b'), p('loop', 'b', 'c'), p('back', 'c', 'b')]);
    const miss = new FairPaths(sys, model).check(reach('g', 10), sys.init);
    expect(miss?.loop).toBe(1);
    expect(miss?.schedule.map((e) => e.type)).toEqual(['go', 'loop', 'back']);
    expect(miss?.message).toBe(
      'after 1 step, a fair cycle of 2 steps repeats forever without reaching the goal',
    );
  });

  it('should not call a cycle fair that leaves an always-enabled event untaken, yet count its bound miss', () => {
    // b⇄c forever is unfair to 'exit' (one event, enabled at b and at c, never taken in the
    // cycle); going round it still misses a bound of 4 steps, and the report is that path.
    const { model, sys } = system([
      p('go', 'a', 'b'),
      p('loop', 'b', 'c'),
      p('back', 'c', 'b'),
      p('exit', ['b', 'c'], 'g'),
    ]);
    const miss = new FairPaths(sys, model).check(reach('g', 4), sys.init);
    expect(miss?.loop).toBeUndefined();
    expect(miss?.message).toBe('on a fair path the goal is not reached within 4 steps');
    expect(miss?.schedule).toHaveLength(4);
  });

  it('should judge the bound in steps and in model time on the worst path', () => {
    const { model, sys } = system([
      p('fast', 'a', 'g', 10),
      p('slow', 'a', 'b', 50),
      p('on', 'b', 'g', 60),
    ]);
    const paths = new FairPaths(sys, model);
    expect(paths.check(reach('g', 2, 110), sys.init)).toBeUndefined();
    expect(paths.check(reach('g', 1, 1000), sys.init)?.message).toContain(
      'not reached within 1 step',
    );
    const slow = paths.check({ ...reach('g', 2, 100), id: 'tiny.slow' }, sys.init);
    expect(slow?.message).toBe(
      'on a fair path the goal is reached only after 110 ms (bound 100 ms)',
    );
    expect(slow?.schedule.map((e) => e.type)).toEqual(['slow', 'on']);
  });

  it('should advance time only when no protocol step or delivery is enabled', () => {
    // The time step a→x is never taken while the protocol step a→g is enabled.
    const { model, sys } = system([
      { type: 'tick', from: 'a', to: 'x', kind: 'time' },
      p('step', 'a', 'g'),
    ]);
    expect(new FairPaths(sys, model).check(reach('g', 3), sys.init)).toBeUndefined();
  });

  it('should give the same verdict from memory as when computed afresh', () => {
    const moves = [
      p('m1', 'a', 'b'),
      p('m2', 'a', 'c'),
      p('m3', 'b', 'd'),
      p('m4', 'c', 'd'),
      p('m5', 'd', 'g'),
    ];
    const { model, sys } = system(moves);
    const paths = new FairPaths(sys, model);
    // The worst distance from a is 3 (a→b→d→g): asked with a tight bound, a loose one, and again.
    expect(paths.check(reach('g', 2), sys.init)).toBeDefined();
    expect(paths.check(reach('g', 3), sys.init)).toBeUndefined();
    expect(paths.check(reach('g', 2), sys.init)).toBeDefined();
    expect(new FairPaths(sys, model).check(reach('g', 3), sys.init)).toBeUndefined();
  });
});

describe('engine: the every-path check agrees with enumerating the paths', () => {
  const graph = fc.record({
    nodes: fc.integer({ min: 2, max: 7 }),
    goals: fc.array(fc.nat(6), { maxLength: 3 }),
    moves: fc.array(
      fc.record({
        from: fc.array(fc.nat(6), { minLength: 1, maxLength: 3 }),
        to: fc.nat(6),
        time: fc.boolean(),
        ms: fc.nat(4),
      }),
      { maxLength: 10 },
    ),
    boundSteps: fc.integer({ min: 1, max: 6 }),
    boundMs: fc.nat(14),
  });

  // The seed is the run's (test/global-setup.ts), printed at the start and on a failure.
  // Without the transition cache every successor is immer's; with it, successors come as
  // writes (the memo then knows goal states and distances by fingerprint, unbuilt).
  test.prop([graph, fc.boolean()], { numRuns: 3000 })(
    'should give the verdict of brute-force path enumeration on random small graphs, memo shared',
    (g, cached) => {
      const name = (i: number) => `n${i % g.nodes}`;
      const moves: Move[] = g.moves.map((m, i) => ({
        type: `e${i}`,
        from: m.from.map(name),
        to: name(m.to),
        kind: m.time ? 'time' : 'protocol',
        ms: m.ms,
      }));
      const goals = new Set(g.goals.map(name));
      const { model, sys } = system(moves, 'n0', cached);
      const paths = new FairPaths(sys, model, cached ? new TransitionCache(sys) : undefined);
      const prop: Eventually<Pos> = {
        ...reach('g', g.boundSteps, g.boundMs),
        goal: (s) => goals.has(s.at),
      };
      for (let start = 0; start < g.nodes; start++) {
        const state: Pos = { ...sys.init, at: name(start) };
        expect(paths.check(prop, state) !== undefined).toBe(
          missedByEnumeration(paths, prop, state),
        );
      }
    },
  );
});

/** Whether some path of the continuation misses the goal's bounds: every path enumerated. */
function missedByEnumeration(paths: FairPaths<Pos, Move>, p: Eventually<Pos>, start: Pos): boolean {
  const walk = (state: Pos, steps: number, ms: number): boolean => {
    if (p.goal(state)) return ms > p.boundMs;
    if (steps >= p.boundSteps) return true;
    const next = paths.successors(state);
    if (next.length === 0) return true;
    return next.some((v) => {
      const e = paths.system.vocabulary[v]!;
      return walk(paths.system.reduce(state, e), steps + 1, ms + paths.system.elapsedMs(state, e));
    });
  };
  return walk(start, 0, 0);
}
