/**
 * The transition cache (properties/engine/transitions.ts): on every model, config and broken
 * variant its successors are immer's (same values, keys in the same order), and the fingerprint
 * it computes from a successor's writes is the successor's own; its recording draft follows
 * what handlers do with drafts (arrays grown, cut and spliced, keys deleted and tested, objects
 * spread and iterated) or refuses, and then immer runs; a handler whose writes are not a function
 * of its reads is caught and dropped; and a search gives the same states, transitions and
 * verdicts with the cache as without it.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Draft, produce, setAutoFreeze } from '../../model/kernel/immer.ts';
import type { AnyModel, ModelEvent, System } from '../../model/kernel/model.ts';
import { NO_REDUCTIONS } from '../../properties/engine/expand.ts';
import { explore } from '../../properties/engine/explore.ts';
import { exploreParallel } from '../../properties/engine/explore-parallel.ts';
import { Fingerprinter } from '../../properties/engine/fingerprint.ts';
import { TransitionCache } from '../../properties/engine/transitions.ts';
import { benchmarks, findSuite, suites } from '../../properties/registry.ts';
import { targetSpec } from '../../properties/targets.ts';
import { findVariant, variants } from '../../properties/variants.ts';

setAutoFreeze(false);

/**
 * Plain data with its keys in order, keys whose value is undefined included: what "the same
 * state" means for the cache.
 */
function text(state: unknown): string {
  const shape = (v: unknown): unknown =>
    typeof v === 'object' && v !== null
      ? [
          Array.isArray(v) ? 'array' : 'object',
          Reflect.ownKeys(v).map((k) => [String(k), shape((v as Record<PropertyKey, unknown>)[k])]),
        ]
      : v === undefined
        ? 'undefined'
        : v;
  return JSON.stringify(shape(state));
}

function fingerprintOf(state: object): [number, number] {
  const fp = new Fingerprinter();
  fp.fingerprint(structuredClone(state));
  return [fp.h1, fp.h2];
}

/**
 * Walks a system, taking every enabled event of each state on the way through the cache and
 * through immer, and follows one of them (a fixed LCG picks it). Returns the cache's figures.
 */
function compareWalk<S extends object, E extends ModelEvent>(system: System<S, E>, steps: number) {
  const cache = new TransitionCache(system);
  const fp = new Fingerprinter();
  let state = system.init;
  let seed = 20261204;
  let compared = 0;
  let fromWrites = 0;
  for (let i = 0; i < steps; i++) {
    const enabled = system.vocabulary.flatMap((e, v) => (system.isEnabled(state, e) ? [v] : []));
    if (enabled.length === 0) {
      state = system.init;
      continue;
    }
    const node = fp.node(state);
    let next: S | undefined;
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const pick = enabled[seed % enabled.length]!;
    for (const v of enabled) {
      const immer = system.reduce(state, system.vocabulary[v]!);
      const cached = cache.reduce(state, v);
      expect(text(cached)).toBe(text(immer));
      expect(cached).toStrictEqual(immer);
      const patch = cache.lastPatch;
      if (patch !== undefined) {
        const truth = fingerprintOf(immer);
        if (fp.patchedFrom(node, patch)) {
          expect([fp.h1, fp.h2]).toEqual(truth);
          fromWrites++;
        }
        fp.patched(node, cached, patch);
        expect([fp.h1, fp.h2]).toEqual(truth);
      }
      compared++;
      if (v === pick) next = immer;
    }
    state = next!;
  }
  return { ...cache.stats, compared, fromWrites };
}

describe('engine: the transition cache', () => {
  for (const suite of [...suites, ...benchmarks]) {
    const model = suite.model as AnyModel;
    for (const name of Object.keys(model.configs)) {
      it(`should give immer's successors and their fingerprints on ${model.id} ${name}`, () => {
        const stats = compareWalk(model.bind(model.configs[name]), 150);
        expect(stats.compared).toBeGreaterThan(150);
        // Learnt and used: most successors come from the cache, and no event was dropped.
        expect(stats.hits).toBeGreaterThan(stats.misses);
        expect(stats.dropped).toBe(0);
        // Most fingerprints came from the writes alone.
        expect(stats.fromWrites).toBeGreaterThan(stats.hits / 2);
      });
    }
  }

  it("should give immer's successors on every broken variant", () => {
    for (const variant of variants) {
      const broken = variant.build() as AnyModel;
      const stats = compareWalk(broken.bind(broken.configs[variant.config]), 60);
      expect(stats.dropped, variant.id).toBe(0);
    }
  });
});

/** A state with arrays, records of objects and optional keys, for handlers of every kind. */
interface Toy {
  list: number[];
  n?: number;
  rec: Record<string, { n: number } | undefined>;
  items: { id: number; v: number }[];
  flag: boolean;
  note?: string;
}

type ToyEvent = { readonly type: string; readonly k: number };

/** Handlers that use drafts the ways models do, and some ways the recording draft refuses. */
const TOY: Record<string, (d: Draft<Toy>, k: number) => void> = {
  push: (d, k) => {
    d.list.push(k);
  },
  cut: (d, k) => {
    d.list.length = Math.min(d.list.length, k);
  },
  splice: (d, k) => {
    if (d.list.length > 0) d.list.splice(k % d.list.length, 1, k, k + 1);
  },
  sort: (d) => {
    d.list.sort((a, b) => a - b);
  },
  beyond: (d, k) => {
    d.list[d.list.length + (k % 2)] = k;
  },
  // Writes past the end without reading the length first; the length read after the write.
  pastEnd: (d, k) => {
    d.list[k] = k;
    d.n = d.list.length;
  },
  cutThenRead: (d, k) => {
    d.list.length = Math.min(d.list.length, k);
    d.n = d.list[3] ?? -1;
  },
  iterate: (d, k) => {
    d.list[k] = 0;
    let sum = 0;
    for (const x of d.list) sum += x ?? 0;
    d.n = sum;
  },
  sum: (d) => {
    d.flag = d.list.reduce((a, b) => a + b, 0) % 2 === 0;
  },
  put: (d, k) => {
    const key = `r${k % 3}`;
    if (key in d.rec) d.rec[key]!.n += 1;
    else d.rec[key] = { n: k };
  },
  drop: (d, k) => {
    delete d.rec[`r${k % 3}`];
  },
  keys: (d) => {
    for (const key of Object.keys(d.rec)) if (d.rec[key] !== undefined) d.rec[key]!.n *= 2;
  },
  forIn: (d) => {
    let count = 0;
    for (const key in d.rec) if (d.rec[key] !== undefined) count++;
    d.note = `${count}`;
  },
  spread: (d, k) => {
    d.rec.copy = { ...d.rec[`r${k % 3}`]!, n: k };
  },
  unnote: (d) => {
    if (d.note !== undefined) delete d.note;
    else d.note = undefined;
  },
  find: (d, k) => {
    const item = d.items.find((i) => i.id === k % 3);
    if (item !== undefined) item.v += 1;
    else d.items.push({ id: k % 3, v: 0 });
  },
  same: (d) => {
    const flag = d.flag;
    d.flag = flag;
  },
  // Refused by the recording draft: a draft written into the state, and drafts in a new array.
  alias: (d) => {
    if (d.items.length > 0) d.items.push(d.items[0]!);
  },
  filter: (d, k) => {
    d.items = d.items.filter((i) => i.id !== k % 3);
  },
  named: (d) => {
    (d.list as unknown as Record<string, number>).extra = 1;
  },
  map: (d, k) => {
    (d as unknown as Record<string, unknown>).seen = new Map([[k, d.items[0]]]);
  },
};

const toySystem = (handlers = TOY): System<Toy, ToyEvent> => {
  const vocabulary = Object.keys(handlers).flatMap((type) =>
    [0, 1, 2, 3].map((k) => ({ type, k })),
  );
  const mutate = (d: Draft<Toy>, e: ToyEvent) => handlers[e.type]!(d, e.k);
  return {
    init: { list: [], rec: {}, items: [], flag: false },
    vocabulary,
    isEnabled: (s, e) => e.type !== 'spread' || s.rec[`r${e.k % 3}`] !== undefined,
    reduce: (s, e) => produce(s, (d) => mutate(d, e)),
    mutate,
    elapsedMs: () => 0,
  };
};

describe('engine: the transition cache on handlers of every kind', () => {
  it("should give immer's successors and fingerprints for random runs of every kind of write", () => {
    const system = toySystem();
    const cache = new TransitionCache(system);
    const fp = new Fingerprinter();
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: system.vocabulary.length - 1 }), { minLength: 1, maxLength: 40 }),
        (path) => {
          let state = system.init;
          for (const v of path) {
            const event = system.vocabulary[v]!;
            if (!system.isEnabled(state, event)) continue;
            const node = fp.node(state);
            const immer = system.reduce(state, event);
            const cached = cache.reduce(state, v);
            expect(text(cached)).toBe(text(immer));
            expect(cached).toStrictEqual(immer);
            if (cache.lastPatch !== undefined) {
              fp.patched(node, cached, cache.lastPatch);
              expect([fp.h1, fp.h2]).toEqual(fingerprintOf(immer));
              if (fp.patchedFrom(node, cache.lastPatch))
                expect([fp.h1, fp.h2]).toEqual(fingerprintOf(immer));
            }
            state = immer;
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(cache.stats.hits).toBeGreaterThan(cache.stats.misses);
    // The handlers that write drafts into the state ran on immer, and none was dropped.
    expect(cache.stats.immer).toBeGreaterThan(0);
    expect(cache.stats.dropped).toBe(0);
  });

  it('should follow the reads of keys that take the same text, and frozen or foreign objects in a state', () => {
    type Odd = Record<string, unknown> & { r?: number };
    const handlers: Record<string, (d: Draft<Odd>) => void> = {
      // Two paths whose keys joined with a separator would read alike.
      nul: (d) => {
        const a = d['a\u0000b'] as { c: number };
        const b = (d.a as { b: { c: number } }).b;
        d.r = a.c + b.c;
      },
      frozen: (d) => {
        d.r =
          Object.keys(d.fixed as object).length + Object.keys({ ...(d.fixed as object) }).length;
      },
      date: (d) => {
        d.r = (d.when as Date).getTime();
      },
    };
    const vocabulary = Object.keys(handlers).map((type) => ({ type, k: 0 }));
    const mutate = (d: Draft<Odd>, e: ToyEvent) => handlers[e.type]!(d);
    const system: System<Odd, ToyEvent> = {
      init: {},
      vocabulary,
      isEnabled: () => true,
      reduce: (s, e) => produce(s, (d) => mutate(d, e)),
      mutate,
      elapsedMs: () => 0,
    };
    const cache = new TransitionCache(system);
    const states: Odd[] = [1, 5, 2].map((c) => ({
      'a\u0000b': { c: 1 },
      a: { b: { c } },
      fixed: Object.freeze(c === 5 ? { x: 1, y: 2 } : { x: 1 }),
      when: new Date(c * 1000),
    }));
    for (const state of states)
      for (let v = 0; v < vocabulary.length; v++) {
        const immer = system.reduce(state, vocabulary[v]!);
        expect(text(cache.reduce(state, v))).toBe(text(immer));
      }
    // The Date is not plain data: that event runs immer.
    expect(cache.stats.immer).toBeGreaterThan(0);
    expect(cache.stats.dropped).toBe(0);
  });

  it('should leave the state itself when a handler writes what is already there', () => {
    const system = toySystem();
    const cache = new TransitionCache(system);
    const v = system.vocabulary.findIndex((e) => e.type === 'same');
    for (let i = 0; i < 3; i++) expect(cache.reduce(system.init, v)).toBe(system.init);
  });

  it('should drop an event whose writes are not a function of its reads, and give immer the rest', () => {
    let calls = 0;
    // Impure on purpose: the handler reads a counter outside the state.
    const system = toySystem({
      tick: (d) => {
        calls++;
        d.list.push(calls);
      },
    });
    const cache = new TransitionCache(system);
    let state = system.init;
    for (let i = 0; i < 5; i++) {
      const after = cache.reduce(state, 0);
      expect(after.list.length).toBe(state.list.length + 1);
      state = after;
    }
    expect(cache.stats.dropped).toBe(1);
    expect(cache.stats.hits).toBe(0);
  });

  it('should give every successor by immer when it is off', () => {
    const system = toySystem();
    const cache = new TransitionCache(system, false);
    for (let v = 0; v < 8; v++) cache.reduce(system.init, v);
    expect(cache.stats).toEqual({ hits: 0, misses: 0, immer: 8, dropped: 0 });
  });
});

describe('engine: a search with the transition cache and without', () => {
  // Bounded by depth, not by states: whole levels, the same with 2 workers on every run.
  it.each([
    ['hotstandby', 'c3', 1, 40],
    ['sip-ha', 'small', 1, 12],
    ['bc', 'default', 2, 5],
    ['recording', 'default', 2, 6],
    ['backend', 'default', 1, 11],
  ] as const)(
    'should find the same states and verdicts on %s %s (%i workers)',
    async (id, name, workers, maxDepth) => {
      const suite = findSuite(id)!;
      const spec = targetSpec({
        model: id,
        variant: 'baseline',
        config: suite.model.configs[name],
      });
      const options = { workers, maxDepth, reductions: NO_REDUCTIONS };
      const on = await exploreParallel(spec, options);
      const off = await exploreParallel(spec, { ...options, transitionCache: false });
      expect(on.distinct).toBe(off.distinct);
      expect(on.depth).toBe(off.depth);
      expect(on.complete).toBe(off.complete);
      expect(on.transitions).toBe(off.transitions);
      expect(on.distinct).toBeGreaterThan(1_000);
      // The cache gave most successors in one search and none in the other.
      expect(on.cache.hits).toBeGreaterThan(on.transitions / 2);
      expect(off.cache.hits).toBe(0);
      expect(on.violation).toEqual(off.violation);
      // With 2 workers the witnesses come in the order the workers reached them.
      expect([...on.witnessed].sort()).toEqual([...off.witnessed].sort());
      expect(on.triggered).toEqual(off.triggered);
    },
  );

  it.each([
    ['sip-ha', 'resync-drops-recording'],
    ['recording', 'no-rerecord'],
    ['bc', 'a1-never-switches'],
    ['hotstandby', 'ack-before-replication'],
  ])('should find the same counterexample to %s %s', (modelId, id) => {
    const variant = findVariant(modelId, id)!;
    const broken = variant.build() as AnyModel;
    const system = broken.bind(broken.configs[variant.config]);
    const properties = findSuite(modelId)!.properties(broken.configs[variant.config] as never);
    const on = explore(broken, system, properties, { maxStates: 300_000 });
    const off = explore(broken, system, properties, { maxStates: 300_000, transitionCache: false });
    expect(on.violation?.property).toBe(variant.expect);
    expect(on.violation).toEqual(off.violation);
    expect(on.distinct).toBe(off.distinct);
  });
});
