/**
 * Deep tier: on every config the main job checks, the merged verdicts of 4 shards equal the
 * unsharded search's. A config the main job searches to its state limit is compared here with a
 * depth bound on both sides (the union argument of properties/engine/shard.ts holds for a search
 * bounded by depth; a bound in states would cut each shard at a different place).
 */
import { describe, expect, it } from 'vitest';
import { checkedConfigs } from '../../properties/engine/property.ts';
import { suites } from '../../properties/registry.ts';
import { mergedVerdicts, unshardedVerdicts } from './shards.ts';

/** The configs the main job stops at its state limit, and the depth both sides search them to. */
const BOUNDED: Readonly<Record<string, number>> = {
  'sip-ha/default': 8,
  'sip-ha/recheck': 8,
  'bc/default': 8,
  'recording/default': 8,
};

const cases = suites.flatMap((s) => checkedConfigs(s).map((c) => [s.model.id, c] as const));

describe('engine: 4 merged shards give the unsharded verdicts on every checked config', () => {
  it.each(cases)(
    'should merge 4 shards of %s %s into the single search verdicts',
    async (modelId, configName) => {
      const maxDepth = BOUNDED[`${modelId}/${configName}`];
      const whole = await unshardedVerdicts(modelId, 'baseline', configName, maxDepth);
      const merged = await mergedVerdicts(modelId, 'baseline', configName, 4, maxDepth);
      expect(merged.complete).toBe(maxDepth === undefined);
      // Every complete checked config is large enough to split.
      if (maxDepth === undefined) expect(merged.splitDepth).toBeDefined();
      expect(merged.verdicts).toEqual(whole);
    },
    // Five searches of one config: the time limit is a guard against a hang, not a speed test.
    3_600_000,
  );
});
