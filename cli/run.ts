/**
 * Runs both engines on one model (or broken variant) under one config and turns the results into
 * per-property verdicts. Counterexamples are saved as traces.
 */
import { join } from 'node:path';
import type { AnyModel } from '../model/kernel/model.ts';
import type { Reductions } from '../properties/engine/expand.ts';
import type { ExploreProgress, ExploreResult } from '../properties/engine/explore.ts';
import { exploreParallel } from '../properties/engine/explore-parallel.ts';
import type { AnySuite, Property } from '../properties/engine/property.ts';
import {
  DEFAULT_FAIR_SAMPLES,
  DEFAULT_RUNS,
  type RandomResult,
} from '../properties/engine/random.ts';
import type { ShardSpec } from '../properties/engine/shard.ts';

export { DEFAULT_RUNS };

import { randomParallel } from '../properties/engine/random-parallel.ts';
import { targetSpec } from '../properties/targets.ts';
import { counterexampleTrace, type Found, named, saveTrace } from '../traces/counterexample.ts';
import type { Names } from '../traces/names.ts';

export const COUNTEREXAMPLE_DIR = '.ha-verify/counterexamples';

export type Verdict =
  | 'holds'
  | 'violated'
  | 'reached'
  | 'not reached'
  | 'not exercised'
  | 'not run';

export interface PropertyVerdict {
  readonly property: Property<unknown, never>;
  readonly explorer: Verdict;
  readonly random: Verdict;
  readonly verdict: Verdict;
  /**
   * When the verdict is 'holds' but the search stopped at a limit (or did not run): the deepest
   * level explored completely, so the verdict reads "holds to depth N", never a plain "holds".
   * Undefined for a complete search.
   */
  readonly toDepth?: number;
}

/** A verdict as people read it: "HOLDS" only for a complete search, else "HOLDS TO DEPTH N". */
export function verdictLabel(v: PropertyVerdict): string {
  if (v.toDepth === undefined) return v.verdict;
  return v.explorer === 'not run'
    ? `${v.verdict} in random runs only`
    : `${v.verdict} to depth ${v.toDepth}`;
}

/**
 * The deepest level a search explored completely, or undefined when it was complete. A search
 * stopped by a violation reports the violation's depth, whose level it entered but did not finish.
 */
export function boundedDepth(explored: ExploreResult<unknown> | undefined): number | undefined {
  if (explored === undefined) return 0;
  if (explored.complete) return undefined;
  return explored.stoppedBy === 'violation' ? Math.max(0, explored.depth - 1) : explored.depth;
}

export interface Budget {
  readonly maxStates: number;
  readonly maxDepth?: number;
  readonly runs: number;
  readonly seed: number;
  readonly path?: string;
  readonly engines: 'both' | 'explorer' | 'random';
  /** Explorer worker threads; 1 searches in this thread. */
  readonly workers: number;
  /** The explorer's reductions, where the model declares them; all when unset. */
  readonly reductions?: Reductions;
  /** Random fair continuations per liveness trigger state (random engine). */
  readonly fairSamples?: number;
  /** The explorer's budget of resident memory in bytes (explore.ts), if any. */
  readonly maxMemory?: number;
  /** The explorer searches only this shard of a split search (explore --shard). */
  readonly shard?: ShardSpec;
  readonly onProgress?: (p: ExploreProgress) => void;
  /** Called when the explorer's search has ended (its progress is then done with). */
  readonly onExploreEnd?: () => void;
}

export interface Saved {
  readonly engine: 'explorer' | 'random';
  readonly file: string;
  readonly found: Found<{ type: string }>;
}

export interface CheckOutcome {
  readonly model: AnyModel;
  readonly variant: string;
  readonly configName: string;
  readonly explored?: ExploreResult<{ type: string }>;
  readonly random?: RandomResult<{ type: string }>;
  readonly verdicts: readonly PropertyVerdict[];
  readonly saved: readonly Saved[];
  /** Random fair continuations per liveness trigger state the random engine drew. */
  readonly fairSamples: number;
  /** The deployment file the config came from (check --deployment), if any. */
  readonly deployment?: string;
}

/** Where a config came from: a deployment file, with its names for the model's ids. */
export interface FromDeployment {
  readonly file: string;
  readonly names: Names;
}

export async function checkOne(
  suite: AnySuite,
  model: AnyModel,
  variant: string,
  configName: string,
  config: unknown,
  budget: Budget,
  deployment?: FromDeployment,
): Promise<CheckOutcome> {
  const properties = suite.properties(config) as Property<unknown, never>[];
  const explored =
    budget.engines === 'random'
      ? undefined
      : await exploreParallel<{ type: string }>(targetSpec({ model: model.id, variant, config }), {
          workers: budget.workers,
          maxStates: budget.maxStates,
          ...(budget.reductions === undefined ? {} : { reductions: budget.reductions }),
          ...(budget.maxDepth === undefined ? {} : { maxDepth: budget.maxDepth }),
          ...(budget.shard === undefined ? {} : { shard: budget.shard }),
          ...(budget.maxMemory === undefined ? {} : { maxMemory: budget.maxMemory }),
          ...(budget.onProgress === undefined ? {} : { onProgress: budget.onProgress }),
        });
  budget.onExploreEnd?.();
  const random =
    budget.engines === 'explorer'
      ? undefined
      : await randomParallel<{ type: string }>(targetSpec({ model: model.id, variant, config }), {
          workers: budget.workers,
          runs: budget.runs,
          seed: budget.seed,
          ...(budget.fairSamples === undefined ? {} : { fairSamples: budget.fairSamples }),
          ...(budget.path === undefined ? {} : { path: budget.path }),
        });
  const saved: Saved[] = [];
  const save = (engine: 'explorer' | 'random', found: Found<{ type: string }>) => {
    const shard =
      budget.shard === undefined ? '' : `.shard-${budget.shard.index + 1}-of-${budget.shard.count}`;
    const file = join(
      COUNTEREXAMPLE_DIR,
      `${model.id}.${variant}.${configName}.${engine}${shard}.trace.json`,
    );
    const trace = counterexampleTrace(model, variant, config, found, engine);
    saveTrace(deployment === undefined ? trace : named(trace, deployment.names), file);
    saved.push({ engine, file, found });
  };
  if (explored?.violation !== undefined) save('explorer', explored.violation);
  if (random?.failure !== undefined) save('random', random.failure);
  const verdicts = properties.map((p) => ({
    property: p,
    explorer: engineVerdict(
      p,
      explored && {
        violated: explored.violation?.property,
        witnessed: explored.witnessed,
        triggered: explored.triggered,
        stopped: explored.stoppedBy === 'violation',
      },
    ),
    random: engineVerdict(
      p,
      random && {
        violated: random.failure?.property,
        witnessed: random.witnessed,
        triggered: random.triggered,
        stopped: random.failure !== undefined,
      },
    ),
  }));
  return {
    model,
    variant,
    configName,
    ...(explored === undefined ? {} : { explored }),
    ...(random === undefined ? {} : { random }),
    fairSamples: budget.fairSamples ?? DEFAULT_FAIR_SAMPLES,
    ...(deployment === undefined ? {} : { deployment: deployment.file }),
    verdicts: verdicts.map((v) => {
      const verdict = combine(v.property, v.explorer, v.random);
      // A violation, a witness and an unexercised trigger are facts; a "holds" has the bounds
      // of the search (a violation elsewhere stops it short, too).
      const toDepth =
        verdict === 'holds' && v.property.kind !== 'witness' ? boundedDepth(explored) : undefined;
      return { ...v, verdict, ...(toDepth === undefined ? {} : { toDepth }) };
    }),
    saved,
  };
}

interface EngineFacts {
  readonly violated: string | undefined;
  readonly witnessed: readonly string[];
  readonly triggered: Readonly<Record<string, number>>;
  /** The engine stopped at a violation, so other properties were not checked to the end. */
  readonly stopped: boolean;
}

function engineVerdict(p: Property<unknown, never>, facts: EngineFacts | undefined): Verdict {
  if (facts === undefined) return 'not run';
  if (facts.violated === p.id) return 'violated';
  switch (p.kind) {
    case 'witness':
      return facts.witnessed.includes(p.id) ? 'reached' : 'not reached';
    case 'eventually':
      return (facts.triggered[p.id] ?? 0) > 0 ? 'holds' : 'not exercised';
    default:
      return 'holds';
  }
}

function combine(p: Property<unknown, never>, a: Verdict, b: Verdict): Verdict {
  const both = [a, b];
  if (both.includes('violated')) return 'violated';
  if (p.kind === 'witness') return both.includes('reached') ? 'reached' : 'not reached';
  if (p.kind === 'eventually' && !both.includes('holds')) return 'not exercised';
  return 'holds';
}

/** Whether a verdict fails the main job: a violation, a witness never reached, an unexercised liveness property. */
export function isFailing(v: Verdict): boolean {
  return v === 'violated' || v === 'not reached' || v === 'not exercised';
}
