/**
 * The check StrykerJS runs against a mutant of model/ (mutation/README.md): both engines over each
 * checked config of one model, in this thread (a mutant is switched on in this thread only), at a
 * fixed seed and a small budget. The test of a config fails in one of two recognisable ways (or
 * by Stryker's time-out, which its results report as such):
 *
 * - `KILLED <model>/<config>: <property> (<how>), ...`: a property is violated, a witness is not
 *   reached by either engine, or a liveness property is triggered by neither. Only these count as
 *   kills in the mutation score.
 * - `CRASH <model>/<config>: <error>`: the model threw. Stryker counts it as killed; the score
 *   reports it apart (mutation/results.ts).
 */
import { it } from 'vitest';
import { explore } from '../../properties/engine/explore.ts';
import { randomCheck } from '../../properties/engine/random.ts';
import { findSuite } from '../../properties/registry.ts';

/** The random engine's seed in every mutation check. */
export const MUTATION_SEED = 20261201;

export interface MutationBudget {
  /** Explorer state limit per config. */
  readonly maxStates: number;
  /** Random runs per config. */
  readonly runs: number;
}

/** What a config's check found: the properties that failed and how. */
export function findings(modelId: string, configName: string, budget: MutationBudget): string[] {
  const suite = findSuite(modelId);
  if (suite === undefined) throw new Error(`no model '${modelId}'`);
  const model = suite.model;
  const config = model.configs[configName];
  const properties = suite.properties(config);
  const explored = explore(model, model.bind(config), properties, { maxStates: budget.maxStates });
  const random = randomCheck(model, model.bind(config), properties, {
    runs: budget.runs,
    seed: MUTATION_SEED,
  });
  const found: string[] = [];
  const violated = new Set(
    [explored.violation?.property, random.failure?.property].filter((p) => p !== undefined),
  );
  // An engine that stopped at a violation did not go on to reach the rest: an unreached witness
  // or an unexercised liveness property is credited only when neither engine stopped early.
  const stopped = violated.size > 0;
  for (const p of properties) {
    if (violated.has(p.id)) found.push(`${p.id} (violated)`);
    else if (stopped) continue;
    else if (
      p.kind === 'witness' &&
      !explored.witnessed.includes(p.id) &&
      !random.witnessed.includes(p.id)
    )
      found.push(`${p.id} (not reached)`);
    else if (
      p.kind === 'eventually' &&
      (explored.triggered[p.id] ?? 0) === 0 &&
      (random.triggered[p.id] ?? 0) === 0
    )
      found.push(`${p.id} (not exercised)`);
  }
  return found;
}

/**
 * Per model: the configs its check runs, cheapest first, and the budget of each. The configs are
 * the model's checked ones, named here rather than read from its `checked` list, which a mutant
 * could empty (a test in results.test.ts keeps the two lists equal).
 */
export const MUTATION_CHECKS: Readonly<
  Record<string, { readonly configs: readonly string[]; readonly budget: MutationBudget }>
> = {
  'sip-ha': {
    configs: ['small', 'default', 'recheck', 'fencing'],
    budget: { maxStates: 8_000, runs: 300 },
  },
  bc: {
    configs: ['small', 'default', 'stat-trigger'],
    // bc.witness.outage-switchover-during-failover needs about 30,000 states of small.
    budget: { maxStates: 30_000, runs: 300 },
  },
  recording: {
    configs: [
      'single-mcp',
      'small',
      'audio-lost',
      'lagged',
      'active-standby',
      'active-active',
      'no-retry',
      'default',
    ],
    budget: { maxStates: 8_000, runs: 300 },
  },
  backend: {
    configs: ['default', 'active-backup', 'mcp-failure'],
    budget: { maxStates: 8_000, runs: 1_000 },
  },
};

/** One test per config of the model's mutation check. */
export function mutationChecks(modelId: string): void {
  const { configs, budget } = MUTATION_CHECKS[modelId]!;
  it.each(configs)(`${modelId}/%s: no property fails`, (configName) => {
    let found: string[];
    try {
      found = findings(modelId, configName, budget);
    } catch (error) {
      throw new Error(`CRASH ${modelId}/${configName}: ${String(error)}`);
    }
    if (found.length > 0) throw new Error(`KILLED ${modelId}/${configName}: ${found.join(', ')}`);
  });
}
