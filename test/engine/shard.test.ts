import { describe, expect, it } from 'vitest';
import type { Symmetry } from '../../model/kernel/model.ts';
import { ALL_REDUCTIONS, NO_REDUCTIONS, type Reductions } from '../../properties/engine/expand.ts';
import { explore } from '../../properties/engine/explore.ts';
import { exploreParallel } from '../../properties/engine/explore-parallel.ts';
import type { Invariant, Property, StepProperty } from '../../properties/engine/property.ts';
import { parseShard, type ShardFacts, shardOf } from '../../properties/engine/shard.ts';
import { permute } from '../../properties/engine/symmetry.ts';
import { findSuite } from '../../properties/registry.ts';
import { targetSpec } from '../../properties/targets.ts';
import { findVariant } from '../../properties/variants.ts';
import { mergedVerdicts, unshardedVerdicts } from './shards.ts';
import { key, permutations, reachable } from './symmetry.ts';

/** A test-only invariant that holds everywhere and records the key of every state it is shown. */
function recorder(seen: Set<string>, orbitKey: (s: unknown) => string): Invariant<unknown> {
  return {
    kind: 'invariant',
    id: 'test.record',
    clauses: [],
    statement: 'records every state the search judges',
    check: (state) => {
      seen.add(orbitKey(state));
      return undefined;
    },
  };
}

/** How many ids a symmetry permutes: the length of its first column in a state. */
function ids(symmetry: Symmetry, state: unknown): number {
  const column = symmetry.columns[0]!.reduce<unknown>(
    (at, field) => (at as Record<string, unknown>)[field],
    state,
  );
  return (column as unknown[]).length;
}

function target(modelId: string, configName: string) {
  const suite = findSuite(modelId)!;
  // 'calls2' is a smaller pair than the reference's named configs, for the fast suite.
  const config =
    configName === 'calls2' ? { calls: 2, maxFaults: 2 } : suite.model.configs[configName];
  return { model: suite.model, system: suite.model.bind(config), config };
}

describe('engine: a split search loses no state', () => {
  it.each([
    ['hotstandby', 'calls2', NO_REDUCTIONS, undefined, true],
    ['hotstandby', 'calls2', NO_REDUCTIONS, 0, true],
    ['hotstandby', 'calls2', NO_REDUCTIONS, 12, true],
    ['hotstandby', 'calls2', ALL_REDUCTIONS, undefined, false],
    ['hotstandby', 'calls2', ALL_REDUCTIONS, 6, true],
    ['recording', 'single-mcp', NO_REDUCTIONS, undefined, false],
    ['recording', 'single-mcp', NO_REDUCTIONS, 3, true],
  ] as [string, string, Reductions, number | undefined, boolean][])(
    'should judge every reachable state of %s %s in some shard of 4 (%o, split depth %s)',
    (modelId, configName, reductions, splitDepth, splits) => {
      const { model, system } = target(modelId, configName);
      // The oracle: this test's own search, keyed by the states' plain data; under symmetry, by
      // the least key of the state's permutations (its orbit), found by trying every one.
      const symmetry = reductions.symmetry ? system.symmetry : undefined;
      const orbitKey = (s: unknown) =>
        symmetry === undefined
          ? key(s)
          : permutations(ids(symmetry, system.init))
              .map((p) => key(permute(symmetry, s as object, p)))
              .sort()[0]!;
      const all = new Set(reachable(system).map(orbitKey));
      const union = new Set<string>();
      const facts: ShardFacts[] = [];
      for (let index = 0; index < 4; index++) {
        const seen = new Set<string>();
        const r = explore(model, system, [recorder(seen, orbitKey) as Property<object, never>], {
          reductions,
          shard: { index, count: 4, ...(splitDepth === undefined ? {} : { splitDepth }) },
        });
        expect(r.complete).toBe(true);
        expect(r.shard?.index).toBe(index);
        if (splitDepth !== undefined) expect(r.shard?.splitDepth).toBe(splitDepth);
        facts.push(r.shard!);
        for (const s of seen) {
          expect(all.has(s)).toBe(true);
          union.add(s);
        }
      }
      expect(union.size).toBe(all.size);
      // Split or not, as the case says; where split, the shares of the split level partition it.
      expect(facts.every((f) => f.splitDepth !== undefined)).toBe(splits);
      if (splits) {
        const level = facts[0]!.levelStates;
        expect(facts.reduce((a, f) => a + f.kept, 0)).toBe(level);
        expect(facts.every((f) => f.levelStates === level)).toBe(true);
      }
    },
  );

  it.each([
    ['hotstandby', 'calls2'],
    ['recording', 'single-mcp'],
  ])(
    'should judge every transition of %s %s in some shard of 4 (split at depth 3)',
    (modelId, configName) => {
      const { model, system } = target(modelId, configName);
      // The oracle: every enabled event of every state this test's own search reaches.
      const step = (before: unknown, event: unknown) => `${key(before)} ${key(event)}`;
      const all = new Set(
        reachable(system).flatMap((s) =>
          system.vocabulary.filter((e) => system.isEnabled(s, e)).map((e) => step(s, e)),
        ),
      );
      const union = new Set<string>();
      for (let index = 0; index < 4; index++) {
        const recorder: StepProperty<unknown, unknown> = {
          kind: 'step',
          id: 'test.record-steps',
          clauses: [],
          statement: 'records every transition the search judges',
          check: (before, event) => {
            union.add(step(before, event));
            return undefined;
          },
        };
        const r = explore(model, system, [recorder as Property<object, never>], {
          reductions: NO_REDUCTIONS,
          shard: { index, count: 4, splitDepth: 3 },
        });
        expect(r.shard?.splitDepth).toBe(3);
      }
      for (const t of union) expect(all.has(t)).toBe(true);
      expect(union.size).toBe(all.size);
    },
  );

  it('should give each state of the split level to exactly one shard', () => {
    const { model, system } = target('hotstandby', 'calls2');
    const levels = [0, 1, 2, 3].map((index) =>
      explore(model, system, [], { reductions: NO_REDUCTIONS, shard: { index, count: 4 } }),
    );
    const level = levels[0]!.shard!.levelStates;
    expect(level).toBeGreaterThanOrEqual(64 * 4);
    for (const l of levels) expect(l.shard!.levelStates).toBe(level);
    expect(levels.reduce((a, l) => a + l.shard!.kept, 0)).toBe(level);
    // Not all in one share: each of the four holds some.
    for (const l of levels) expect(l.shard!.kept).toBeGreaterThan(0);
  });

  it('should split a search that ends above the split level nowhere: every shard searches all', () => {
    const { model, system } = target('recording', 'single-mcp');
    const whole = explore(model, system, [], { reductions: NO_REDUCTIONS });
    const shard = explore(model, system, [], {
      reductions: NO_REDUCTIONS,
      shard: { index: 2, count: 4, splitDepth: whole.depth + 5 },
    });
    expect(shard.shard?.splitDepth).toBeUndefined();
    expect(shard.distinct).toBe(whole.distinct);
  });

  it.each([
    ['hotstandby', 'calls2', NO_REDUCTIONS],
    ['hotstandby', 'c3', ALL_REDUCTIONS],
  ] as [string, string, Reductions][])(
    'should keep the same share of %s %s (%o) with 2 workers as with 1',
    async (modelId, configName, reductions) => {
      const { config } = target(modelId, configName);
      const spec = targetSpec({ model: modelId, variant: 'baseline', config });
      for (let index = 0; index < 2; index++) {
        const shard = { index, count: 2 };
        const one = await exploreParallel(spec, { workers: 1, shard, reductions });
        const two = await exploreParallel(spec, { workers: 2, shard, reductions });
        expect(one.shard?.splitDepth).toBeDefined();
        expect(one.shard?.kept).toBeGreaterThan(0);
        expect(two.shard).toEqual(one.shard);
        expect(two.distinct).toBe(one.distinct);
        expect(two.transitions).toBe(one.transitions);
      }
    },
  );
});

describe('engine: merged shards give the single search verdicts', () => {
  it.each([
    ['hotstandby', 'c3'],
    ['recording', 'small'],
    ['recording', 'single-mcp'],
  ])('should merge 4 shards of %s %s into the unsharded verdicts', async (modelId, configName) => {
    const whole = await unshardedVerdicts(modelId, 'baseline', configName);
    const merged = await mergedVerdicts(modelId, 'baseline', configName, 4);
    expect(merged.complete).toBe(true);
    // single-mcp is smaller than 64 states a shard at every level: it is the case with no split.
    expect(merged.splitDepth === undefined).toBe(configName === 'single-mcp');
    expect(merged.verdicts).toEqual(whole);
  });

  it.each([
    ['sip-ha', 'resync-drops-recording'],
    ['recording', 'no-rerecord'],
  ])(
    'should catch %s %s in the merge, with a counterexample that is a path of the real model',
    async (modelId, id) => {
      const variant = findVariant(modelId, id)!;
      const merged = await mergedVerdicts(modelId, id, variant.config, 4);
      expect(merged.splitDepth).toBeDefined();
      const broken = merged.verdicts.find((v) => v.verdict === 'violated');
      expect(broken?.property).toBe(variant.expect);
      expect(merged.trace?.expect.violates).toBe(variant.expect);
      // The trace replays from the initial state: every event enabled in turn.
      const model = variant.build();
      const system = model.bind(merged.trace!.config as never);
      let state = system.init;
      for (const e of merged.trace!.events) {
        expect(system.isEnabled(state, e as never)).toBe(true);
        state = system.reduce(state, e as never);
      }
    },
  );
});

describe('parseShard', () => {
  it.each([
    ['1/1', { index: 0, count: 1 }],
    ['2/4', { index: 1, count: 4 }],
    ['4/4', { index: 3, count: 4 }],
  ])('should read %s', (text, expected) => expect(parseShard(text)).toEqual(expected));

  it.each(['0/4', '5/4', '1/0', '1', '1/', '/4', 'a/b', '1/4/2', ' 1/4', '01/4', '-1/4', '1.5/4'])(
    'should refuse %s',
    (text) => expect(parseShard(text)).toBeUndefined(),
  );

  it('should spread fingerprints over every shard', () => {
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 5000; i++) counts[shardOf(Math.imul(i, 0x9e3779b1), i * 7919, 5)]! += 1;
    for (const c of counts) expect(c).toBeGreaterThan(800);
  });
});
