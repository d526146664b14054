/**
 * What the shard tests share: the verdicts of one search and of its n shards merged, both through
 * the CLI's own path (checkOne with the explorer only, then shardRecord and mergeShards).
 */
import { expect, it } from 'vitest';
import { modelOf } from '../../cli/resolve.ts';
import { checkOne } from '../../cli/run.ts';
import { type Merged, mergeShards, shardRecord } from '../../cli/shards.ts';
import { checkedConfigs, type Property } from '../../properties/engine/property.ts';
import { findSuite } from '../../properties/registry.ts';

const MAX_STATES = 400_000;

function budget(shard?: { index: number; count: number }, maxDepth?: number) {
  return {
    maxStates: MAX_STATES,
    runs: 0,
    seed: 1,
    engines: 'explorer',
    workers: 1,
    ...(maxDepth === undefined ? {} : { maxDepth }),
    ...(shard === undefined ? {} : { shard }),
  } as const;
}

function target(modelId: string, variant: string, configName: string) {
  const suite = findSuite(modelId)!;
  const model = modelOf(suite, variant);
  const config = model.validate(model.configs[configName]);
  return { suite, model, config };
}

/** One search of a config through the CLI's path: the whole of it, or one shard. */
function search(
  modelId: string,
  variant: string,
  configName: string,
  shard: { index: number; count: number } | undefined,
  maxDepth: number | undefined,
) {
  const { suite, model, config } = target(modelId, variant, configName);
  return checkOne(suite, model, variant, configName, config, budget(shard, maxDepth));
}

/** A verdict as the merge reports it: the explorer's, with its bound. */
export interface Judged {
  readonly property: string;
  readonly verdict: string;
  readonly toDepth?: number;
}

const judged = (vs: Merged['verdicts']): Judged[] =>
  vs.map((v) => ({
    property: v.property.id,
    verdict: v.explorer,
    ...(v.toDepth === undefined ? {} : { toDepth: v.toDepth }),
  }));

/** The explorer's verdicts of the whole search. */
export async function unshardedVerdicts(
  modelId: string,
  variant: string,
  configName: string,
  maxDepth?: number,
): Promise<Judged[]> {
  const outcome = await search(modelId, variant, configName, undefined, maxDepth);
  return judged(outcome.verdicts);
}

/** The n shards of the same search, one after another, and their merge. */
export async function mergedVerdicts(
  modelId: string,
  variant: string,
  configName: string,
  count: number,
  maxDepth?: number,
): Promise<Omit<Merged, 'verdicts'> & { verdicts: Judged[] }> {
  const { suite, config } = target(modelId, variant, configName);
  const records = [];
  for (let index = 0; index < count; index++) {
    const outcome = await search(modelId, variant, configName, { index, count }, maxDepth);
    records.push(shardRecord(outcome, config, MAX_STATES));
  }
  // Merged in reverse order: the merge must not depend on it.
  const merged = mergeShards(
    records.reverse(),
    (c) => suite.properties(c) as Property<unknown, never>[],
  );
  return { ...merged, verdicts: judged(merged.verdicts) };
}

/**
 * The configs the main job stops at its state limit (and one it searches completely, below), and
 * the depth both sides search them to: the
 * union argument of properties/engine/shard.ts holds for a search bounded by depth, while a bound
 * in states would cut each shard at a different place.
 */
const BOUNDED: Readonly<Record<string, number>> = {
  'sip-ha/default': 8,
  'sip-ha/recheck': 8,
  'bc/default': 8,
  'recording/default': 8,
  // Complete in the main job, but five complete searches of it are the deep tier's longest
  // test: compared to depth 18 of its 30 here.
  'backend/active-backup': 18,
};

/** Checked configs with fewer than 4 × 64 states on every level. */
const NO_SPLIT: readonly string[] = ['recording/single-mcp'];

/** One test per checked config of the models: 4 merged shards against the single search. */
export function mergesLikeOneSearch(models: readonly string[]): void {
  const cases = models.flatMap((m) => checkedConfigs(findSuite(m)!).map((c) => [m, c] as const));
  it.each(cases)(
    'should merge 4 shards of %s %s into the single search verdicts',
    async (modelId, configName) => {
      const maxDepth = BOUNDED[`${modelId}/${configName}`];
      const whole = await unshardedVerdicts(modelId, 'baseline', configName, maxDepth);
      const merged = await mergedVerdicts(modelId, 'baseline', configName, 4, maxDepth);
      expect(merged.complete).toBe(maxDepth === undefined);
      // Every complete checked config splits, but one whose every level is narrower than the
      // split level's 64 states a shard.
      if (maxDepth === undefined)
        expect(merged.splitDepth === undefined).toBe(NO_SPLIT.includes(`${modelId}/${configName}`));
      expect(merged.verdicts).toEqual(whole);
    },
    // Five searches of one config: the time limit is a guard against a hang, not a speed test.
    3_600_000,
  );
}
