/** Terminal output of the check and explore commands. */
import type { ExploreResult } from '../properties/engine/explore.ts';
import { FAIRNESS_READING } from '../properties/engine/liveness.ts';
import type { Eventually } from '../properties/engine/property.ts';
import type { RandomResult } from '../properties/engine/random.ts';
import { type Names, rename } from '../traces/names.ts';
import { type CheckOutcome, type PropertyVerdict, verdictLabel } from './run.ts';

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Whether a search is one shard of a split search that did split (its findings cover its share). */
const splitShard = (r: ExploreResult<unknown> | undefined) => r?.shard?.splitDepth !== undefined;

export function exploreSummary(r: ExploreResult<{ type: string }>): string {
  const scope = r.complete
    ? splitShard(r)
      ? 'its share searched to the end'
      : 'complete'
    : r.stoppedBy === 'violation'
      ? 'stopped at a violation'
      : r.stoppedBy === 'memory'
        ? 'stopped by the memory limit (--max-memory): raise it, or split the search with --shard'
        : `stopped by the ${r.stoppedBy} limit`;
  const workers = r.workers === 1 ? '1 thread' : `${r.workers} workers`;
  const reduced = r.reductions.length === 0 ? '' : `, reduced by ${r.reductions.join(', ')}`;
  return `explorer: ${n(r.distinct)} distinct states${reduced}, depth ${r.depth}, ${n(r.transitions)} transitions, ${s(r.elapsedMs)} (${n(r.statesPerSecond)} states/s, ${workers}), ${scope}; fingerprint collision chance ${r.collisionProbability.toExponential(1)}`;
}

export function randomSummary(r: RandomResult<{ type: string }>): string {
  const seeds =
    r.workers === 1
      ? `seed ${r.seed}`
      : `seeds ${r.seed}..${r.seed + r.workers - 1} (${r.workers} workers)`;
  return `random: ${n(r.runs)} runs, ${seeds}, ${n(r.steps)} steps, ${s(r.elapsedMs)} (${n(r.stepsPerSecond)} steps/s)`;
}

const explorerCell = (r: PropertyVerdict) =>
  r.explorer === 'holds' && r.toDepth !== undefined ? `holds to depth ${r.toDepth}` : r.explorer;

export function verdictTable(rows: readonly PropertyVerdict[], names: Names = {}): string {
  return table(
    names,
    ['property', 'kind', 'explorer', 'random', 'verdict'],
    rows.map((r) => [
      r.property.id,
      r.property.kind,
      explorerCell(r),
      r.random,
      verdictLabel(r).toUpperCase(),
    ]),
  );
}

/**
 * What one shard of a split search found in its share: not verdicts (a "holds" there says nothing
 * of the other shares) until the shards are merged.
 */
function shardTable(rows: readonly PropertyVerdict[]): string {
  return table(
    {},
    ['property', 'kind', "in this shard's share"],
    rows.map((r) => [r.property.id, r.property.kind, explorerCell(r)]),
  );
}

/** A table whose cells are in the deployment's names (renamed before the columns are sized). */
function table(names: Names, header: readonly string[], cells: readonly string[][]): string {
  const body = cells.map((row) => row.map((c) => rename(c, names)));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [line(header), ...body.map(line)].join('\n');
}

/** The command that replays a saved counterexample. */
export const replayCommand = (file: string) => `npm run ha-verify -- replay ${file}`;

/** The command that runs a random engine's failure again: its seed, its path, its budget. */
export function rerunCommand(
  o: CheckOutcome,
  failure: { readonly seed: number; readonly path: string },
): string {
  const source =
    o.deployment === undefined ? `--config ${o.configName}` : `--deployment ${o.deployment}`;
  return `npm run ha-verify -- check ${o.model.id} ${source}${o.variant === 'baseline' ? '' : ` --variant ${o.variant}`} --engine random --seed=${failure.seed} --fair-samples ${o.fairSamples} --path ${failure.path}`;
}

/** One search's report; for a deployment, in its names (`names`: the models' ids → its names). */
export function outcomeReport(o: CheckOutcome, names: Names = {}): string {
  const lines = [
    `${o.model.id} / ${o.configName}${o.variant === 'baseline' ? '' : ` / variant ${o.variant}`}`,
  ];
  if (o.explored !== undefined) lines.push(`  ${exploreSummary(o.explored)}`);
  if (o.random !== undefined) lines.push(`  ${randomSummary(o.random)}`);
  if (splitShard(o.explored))
    lines.push(
      `  shard ${o.explored!.shard!.index + 1}/${o.explored!.shard!.count} of a split search: findings in its share, not verdicts until every shard is merged (ha-verify merge)`,
      shardTable(o.verdicts),
    );
  else lines.push(verdictTable(o.verdicts, names));
  // Ids in prose are put in the deployment's names; files and commands are left as they are.
  const r = (text: string) => rename(text, names);
  const liveness = o.verdicts.filter((v) => v.property.kind === 'eventually');
  if (liveness.length > 0)
    lines.push(
      `  eventually: judged on ${FAIRNESS_READING}; bounds:`,
      ...liveness.map((v) => {
        const p = v.property as Eventually<unknown>;
        const n = (x: number | undefined) => (x ?? 0).toLocaleString('en-US');
        return `    ${r(p.id)}: within ${p.boundSteps} steps and ${n(p.boundMs)} ms; triggered in ${n(o.explored?.triggered[p.id])} explored states, ${n(o.random?.triggered[p.id])} random-run states`;
      }),
    );
  const guarded = o.verdicts.filter((v) => v.property.guarded !== undefined);
  for (const v of guarded)
    lines.push(
      `  guarded by construction (not evidence): ${r(v.property.id)}: ${v.property.guarded}`,
    );
  for (const saved of o.saved) {
    const f = saved.found;
    lines.push(`  ✗ ${saved.engine} found ${r(f.property)}: ${r(f.message)}`);
    lines.push(
      `    ${f.events.length} steps${f.schedule === undefined ? '' : ` + ${f.schedule.length} fair steps`}, saved to ${saved.file}`,
    );
    // A deployment's counterexample is read here, in its names; a catalog config's by replay.
    if (o.deployment !== undefined) {
      const describe = (e: { type: string }) => r(o.model.describe(e as never));
      lines.push(...f.events.map((e, i) => `      ${i + 1}. ${describe(e)}`));
      if (f.schedule !== undefined)
        lines.push(
          '      then, with faults, repairs and traffic stopped, on a fair path:',
          ...f.schedule.map((e, i) => `      ${f.events.length + i + 1}. ${describe(e)}`),
          ...(f.loop === undefined
            ? []
            : [`      and from step ${f.events.length + f.loop + 1} on, round again forever`]),
        );
    }
    if (saved.engine === 'random' && o.random?.failure !== undefined) {
      const r = o.random.failure;
      lines.push(
        `    seed ${r.seed}, path ${r.path}, ${r.shrinks} shrinks; rerun: ${rerunCommand(o, r)}`,
      );
    }
    lines.push(`    replay: ${replayCommand(saved.file)}`);
  }
  return lines.join('\n');
}

/** Event coverage of the random engine: how often each event type was applied. */
export function coverageTable(r: RandomResult<{ type: string }>): string {
  const rows = Object.entries(r.coverage).sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, count]) => sum + count, 0);
  const width = Math.max(...rows.map(([type]) => type.length), 5);
  const lines = rows.map(
    ([type, count]) =>
      `  ${type.padEnd(width)}  ${n(count).padStart(10)}  ${((100 * count) / total).toFixed(1).padStart(5)}%`,
  );
  return [`  event coverage (random engine, ${n(total)} applied events):`, ...lines].join('\n');
}
