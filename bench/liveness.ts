/**
 * What judging liveness on every fair path costs: every config `npm start` checks, searched with
 * one thread to the main job's state limit, once with every property and once with the liveness
 * properties left out (safety and witnesses only), in turn. Reports states, depth, completeness
 * and both times, and their ratio (the goal is at most 2).
 */
import type { AnyModel } from '../model/kernel/model.ts';
import { explore } from '../properties/engine/explore.ts';
import { checkedConfigs } from '../properties/engine/property.ts';
import { suites } from '../properties/registry.ts';

export interface LivenessCost {
  readonly model: string;
  readonly config: string;
  readonly distinct: number;
  readonly depth: number;
  readonly complete: boolean;
  readonly safetyOnlyMs: number;
  readonly withLivenessMs: number;
  readonly ratio: number;
  readonly triggered: Readonly<Record<string, number>>;
}

export function livenessCost(maxStates: number, log: (line: string) => void): LivenessCost[] {
  const rows: LivenessCost[] = [];
  for (const suite of suites) {
    const model = suite.model as AnyModel;
    for (const name of checkedConfigs(suite)) {
      const config = model.configs[name];
      const system = model.bind(config);
      const all = suite.properties(config);
      const safety = all.filter((p) => p.kind !== 'eventually');
      const without = explore(model, system, safety, { maxStates });
      const withLiveness = explore(model, system, all, { maxStates });
      const row = {
        model: model.id,
        config: name,
        distinct: withLiveness.distinct,
        depth: withLiveness.depth,
        complete: withLiveness.complete,
        safetyOnlyMs: Math.round(without.elapsedMs),
        withLivenessMs: Math.round(withLiveness.elapsedMs),
        ratio: Number((withLiveness.elapsedMs / Math.max(without.elapsedMs, 1)).toFixed(2)),
        triggered: withLiveness.triggered,
      };
      log(
        `  ${row.model}/${row.config}: ${row.distinct} states, depth ${row.depth}${row.complete ? ', complete' : ''}; safety only ${row.safetyOnlyMs} ms, with liveness ${row.withLivenessMs} ms (×${row.ratio})`,
      );
      rows.push(row);
    }
  }
  return rows;
}
