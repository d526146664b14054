/** Deep tier: the parallel explorer's longer agreement runs (packed frontiers, a reused pool). */
import { describe, expect, it } from 'vitest';
import type { AnyModel } from '../../model/kernel/model.ts';
import { explore } from '../../properties/engine/explore.ts';
import { exploreParallel } from '../../properties/engine/explore-parallel.ts';
import { idleWorkers } from '../../properties/engine/pool.ts';
import { randomParallel } from '../../properties/engine/random-parallel.ts';
import { findSuite } from '../../properties/registry.ts';
import { targetSpec } from '../../properties/targets.ts';

describe('engine: the parallel explorer agrees with the single-threaded one, packed', () => {
  it('should find the same states when every frontier entry is packed', () => {
    const { model, config, properties } = target('sip-ha', 'small');
    const kept = explore(model, model.bind(config), properties, { maxStates: 200_000 });
    const packed = explore(model, model.bind(config), properties, {
      maxStates: 200_000,
      liveBudget: 0,
    });
    expect(packed.distinct).toBe(kept.distinct);
    expect(packed.transitions).toBe(kept.transitions);
    expect(packed.triggered).toEqual(kept.triggered);
  });

  it('should find the same states on two workers when every frontier entry is packed', async () => {
    const { model, config, properties } = target('sip-ha', 'small');
    const single = explore(model, model.bind(config), properties, { maxStates: 200_000 });
    const packed = await exploreParallel(
      targetSpec({ model: 'sip-ha', variant: 'baseline', config }),
      { workers: 2, maxStates: 200_000, liveBudget: 0 },
    );
    expect(packed.complete).toBe(true);
    expect(packed.distinct).toBe(single.distinct);
    expect(packed.transitions).toBe(single.transitions);
    expect(packed.triggered).toEqual(single.triggered);
  });
});

function target(modelId: string, configName: string) {
  const suite = findSuite(modelId)!;
  const model = suite.model as AnyModel;
  const config = model.configs[configName];
  return { model, config, properties: suite.properties(config) };
}

describe('engine: the worker pool, reused', () => {
  it('should run later searches and random runs on the same workers, with the same results', async () => {
    const { config } = target('sip-ha', 'small');
    const spec = targetSpec({ model: 'sip-ha', variant: 'baseline', config });
    const first = await exploreParallel(spec, { workers: 2, maxStates: 200_000 });
    expect(idleWorkers(2)).toBe(2);
    const random = await randomParallel(spec, { workers: 2, runs: 200, seed: 7 });
    expect(random.failure).toBeUndefined();
    expect(random.runs).toBe(200);
    const second = await exploreParallel(spec, { workers: 2, maxStates: 200_000 });
    expect(idleWorkers(2)).toBe(2);
    expect(second.distinct).toBe(first.distinct);
    expect(second.transitions).toBe(first.transitions);
    expect(second.triggered).toEqual(first.triggered);
  });
});
