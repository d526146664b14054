import { describe, expect, it } from 'vitest';
import type { AnyModel } from '../../model/kernel/model.ts';
import { explore } from '../../properties/engine/explore.ts';
import { exploreParallel } from '../../properties/engine/explore-parallel.ts';
import { idleWorkers } from '../../properties/engine/pool.ts';
import { findSuite } from '../../properties/registry.ts';
import { targetSpec } from '../../properties/targets.ts';
import { findVariant } from '../../properties/variants.ts';

describe('engine: the parallel explorer agrees with the single-threaded one', () => {
  it('should find the same states, transitions, witnesses and liveness triggers on sip-ha small', async () => {
    const { model, config, properties } = target('sip-ha', 'small');
    const single = explore(model, model.bind(config), properties, { maxStates: 200_000 });
    const parallel = await exploreParallel(
      targetSpec({ model: 'sip-ha', variant: 'baseline', config }),
      { workers: 3, maxStates: 200_000 },
    );
    expect(parallel.complete).toBe(true);
    expect(parallel.distinct).toBe(single.distinct);
    expect(parallel.transitions).toBe(single.transitions);
    expect(parallel.depth).toBe(single.depth);
    expect([...parallel.witnessed].sort()).toEqual([...single.witnessed].sort());
    expect(parallel.triggered).toEqual(single.triggered);
  });

  it('should find a shortest counterexample of a broken variant seven steps deep, as long as the single-threaded one', async () => {
    const variant = findVariant('sip-ha', 'unsynced-recording-counted-synced')!;
    const broken = variant.build();
    const config = broken.configs[variant.config];
    const properties = findSuite('sip-ha')!.properties(config);
    const single = explore(broken, broken.bind(config), properties, { maxStates: 300_000 });
    const parallel = await exploreParallel(
      targetSpec({ model: 'sip-ha', variant: variant.id, config }),
      { workers: 2, maxStates: 300_000 },
    );
    expect(parallel.violation?.property).toBe(variant.expect);
    expect(parallel.violation?.events.length).toBe(single.violation?.events.length);
  });

  it.each([
    ['sip-ha', 'resync-drops-recording'],
    ['sip-ha', 'scs-ignores-addp'],
    ['recording', 'no-rerecord'],
    ['bc', 'a1-never-switches'],
  ])(
    'should return the same counterexample to %s %s with 1 worker and with 2',
    async (modelId, id) => {
      const variant = findVariant(modelId, id)!;
      const broken = variant.build();
      const spec = targetSpec({
        model: modelId,
        variant: id,
        config: broken.configs[variant.config],
      });
      const one = await exploreParallel(spec, { workers: 1, maxStates: 300_000 });
      const two = await exploreParallel(spec, { workers: 2, maxStates: 300_000 });
      const again = await exploreParallel(spec, { workers: 2, maxStates: 300_000 });
      expect(one.violation?.property).toBe(variant.expect);
      expect(two.violation).toEqual(one.violation);
      expect(again.violation).toEqual(one.violation);
    },
  );

  it('should stop at the state limit with every worker', async () => {
    const { config } = target('sip-ha', 'small');
    const parallel = await exploreParallel(
      targetSpec({ model: 'sip-ha', variant: 'baseline', config }),
      { workers: 2, maxStates: 5_000 },
    );
    expect(parallel.complete).toBe(false);
    expect(parallel.stoppedBy).toBe('states');
    expect(parallel.distinct).toBe(5_000);
  });
});

function target(modelId: string, configName: string) {
  const suite = findSuite(modelId)!;
  const model = suite.model as AnyModel;
  const config = model.configs[configName];
  return { model, config, properties: suite.properties(config) };
}

describe('engine: the worker pool', () => {
  it('should keep the workers of a search stopped by a violation and find it again', async () => {
    const variant = findVariant('sip-ha', 'resync-drops-recording')!;
    const broken = variant.build();
    const spec = targetSpec({
      model: 'sip-ha',
      variant: variant.id,
      config: broken.configs[variant.config],
    });
    const first = await exploreParallel(spec, { workers: 2, maxStates: 300_000 });
    const second = await exploreParallel(spec, { workers: 2, maxStates: 300_000 });
    expect(first.violation?.property).toBeDefined();
    expect(second.violation?.events).toEqual(first.violation?.events);
    expect(idleWorkers(2)).toBe(2);
  });
});
