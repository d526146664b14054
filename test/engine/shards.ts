/**
 * What the shard tests share: the verdicts of one search and of its n shards merged, both through
 * the CLI's own path (checkOne with the explorer only, then shardRecord and mergeShards).
 */
import { modelOf } from '../../cli/resolve.ts';
import { checkOne } from '../../cli/run.ts';
import { type Merged, mergeShards, shardRecord } from '../../cli/shards.ts';
import type { Property } from '../../properties/engine/property.ts';
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
  const { suite, model, config } = target(modelId, variant, configName);
  const outcome = await checkOne(
    suite,
    model,
    variant,
    configName,
    config,
    budget(undefined, maxDepth),
  );
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
  const { suite, model, config } = target(modelId, variant, configName);
  const records = [];
  for (let index = 0; index < count; index++) {
    const outcome = await checkOne(
      suite,
      model,
      variant,
      configName,
      config,
      budget({ index, count }, maxDepth),
    );
    records.push(shardRecord(outcome, config, MAX_STATES));
  }
  // Merged in reverse order: the merge must not depend on it.
  const merged = mergeShards(
    records.reverse(),
    (c) => suite.properties(c) as Property<unknown, never>[],
  );
  return { ...merged, verdicts: judged(merged.verdicts) };
}
