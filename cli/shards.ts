/**
 * The results of a split search (`explore --shard i/n --out F`) and their merge (`merge F...`).
 * A shard's file holds its search's figures, its verdict per property and, when it found a
 * violation, the counterexample as a trace; the merge checks that the files are the n shards of
 * one search and combines them: a property broken in any shard is broken, a witness reached in
 * any shard is reached, a liveness property triggered in any shard is exercised, and a "holds" is
 * complete only when every shard's search was.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExploreResult } from '../properties/engine/explore.ts';
import type { Property } from '../properties/engine/property.ts';
import type { ShardFacts } from '../properties/engine/shard.ts';
import { parseTrace, type Trace, TraceError } from '../traces/format.ts';
import { CliError } from './args.ts';
import { verdictTable } from './report.ts';
import { boundedDepth, type CheckOutcome, type PropertyVerdict, type Verdict } from './run.ts';

export const SHARD_FORMAT = 'ha-verify-shard/1';

const VERDICTS: readonly Verdict[] = [
  'holds',
  'violated',
  'reached',
  'not reached',
  'not exercised',
  'not run',
];

export interface ShardRecord {
  readonly format: typeof SHARD_FORMAT;
  readonly model: string;
  readonly variant: string;
  readonly config: string;
  /** The config's value, so that the merge can tell two searches of one name apart. */
  readonly configValue: unknown;
  readonly reductions: readonly string[];
  readonly maxStates: number;
  /** 1-based, as on the command line. */
  readonly shard: Omit<ShardFacts, 'index'> & { readonly index: number };
  readonly search: {
    readonly distinct: number;
    readonly transitions: number;
    readonly depth: number;
    readonly complete: boolean;
    readonly stoppedBy?: string;
    readonly elapsedMs: number;
  };
  readonly verdicts: readonly {
    readonly property: string;
    readonly verdict: Verdict;
    /** For a bounded "holds": the deepest level this shard searched completely. */
    readonly toDepth?: number;
  }[];
  readonly triggered: Readonly<Record<string, number>>;
  /** A violation found by this shard, as a trace of the real model from its initial state. */
  readonly trace?: Trace;
}

/** The record of one shard's outcome (its explorer's result carries the shard facts). */
export function shardRecord(
  outcome: CheckOutcome,
  configValue: unknown,
  maxStates: number,
): ShardRecord {
  const r = outcome.explored as ExploreResult<{ type: string }> & { shard: ShardFacts };
  const saved = outcome.saved.find((s) => s.engine === 'explorer');
  return {
    format: SHARD_FORMAT,
    model: outcome.model.id,
    variant: outcome.variant,
    config: outcome.configName,
    configValue,
    reductions: r.reductions,
    maxStates,
    shard: { ...r.shard, index: r.shard.index + 1 },
    search: {
      distinct: r.distinct,
      transitions: r.transitions,
      depth: r.depth,
      complete: r.complete,
      ...(r.stoppedBy === undefined ? {} : { stoppedBy: r.stoppedBy }),
      elapsedMs: Math.round(r.elapsedMs),
    },
    verdicts: outcome.verdicts.map((v) => ({
      property: v.property.id,
      verdict: v.explorer,
      ...(v.verdict === 'holds' && v.toDepth !== undefined ? { toDepth: v.toDepth } : {}),
    })),
    triggered: r.triggered,
    ...(saved === undefined
      ? {}
      : { trace: JSON.parse(readFileSync(saved.file, 'utf8')) as Trace }),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads one shard's file, or a one-line error naming it and what is wrong. */
export function readShard(file: string): ShardRecord {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`cannot read shard result '${file}'`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CliError(
      `${file}: not JSON; a shard result is what 'explore --shard i/n --out F' wrote`,
    );
  }
  const bad = (what: string) =>
    new CliError(`${file}: ${what}; write it again with 'explore --shard i/n --out F'`);
  if (!isObject(value) || value.format !== SHARD_FORMAT)
    throw bad(`not a shard result (format '${SHARD_FORMAT}')`);
  for (const key of ['model', 'variant', 'config'] as const)
    if (typeof value[key] !== 'string') throw bad(`field ${key} must be a string`);
  const shard = value.shard;
  if (
    !isObject(shard) ||
    !Number.isSafeInteger(shard.index) ||
    !Number.isSafeInteger(shard.count) ||
    (shard.count as number) < 1 ||
    (shard.index as number) < 1 ||
    (shard.index as number) > (shard.count as number) ||
    !(shard.splitDepth === undefined || Number.isSafeInteger(shard.splitDepth))
  )
    throw bad('field shard must be {index, count, splitDepth} with 1 ≤ index ≤ count');
  const search = value.search;
  if (
    !isObject(search) ||
    typeof search.complete !== 'boolean' ||
    !Number.isSafeInteger(search.distinct) ||
    !Number.isSafeInteger(search.depth)
  )
    throw bad('field search must hold distinct, depth and complete');
  if (
    !Array.isArray(value.verdicts) ||
    !value.verdicts.every(
      (v) =>
        isObject(v) &&
        typeof v.property === 'string' &&
        (VERDICTS as readonly unknown[]).includes(v.verdict),
    )
  )
    throw bad(
      `field verdicts must be a list of {property, verdict}, a verdict one of ${VERDICTS.join(', ')}`,
    );
  if (!isObject(value.triggered)) throw bad('field triggered must be an object');
  if (value.trace !== undefined) {
    try {
      parseTrace(JSON.stringify(value.trace), `${file} (its trace)`);
    } catch (error) {
      if (error instanceof TraceError) throw new CliError(error.message);
      throw error;
    }
  }
  return value as unknown as ShardRecord;
}

export interface Merged {
  readonly model: string;
  readonly variant: string;
  readonly config: string;
  readonly configValue: unknown;
  readonly count: number;
  readonly splitDepth: number | undefined;
  readonly complete: boolean;
  readonly verdicts: readonly PropertyVerdict[];
  /** The shortest counterexample of all shards (the lowest shard's among equals). */
  readonly trace?: Trace;
  /** The shortest counterexample of each violated property, shortest first. */
  readonly traces: readonly Trace[];
  readonly shards: readonly ShardRecord[];
}

/**
 * Merges the results of the n shards of one search, in any order. The properties come from the
 * suite (`properties`), so a verdict is printed with its kind and clauses as `check` prints it.
 */
export function mergeShards(
  records: readonly ShardRecord[],
  properties: (config: unknown) => readonly Property<unknown, never>[],
): Merged {
  const first = records[0];
  if (first === undefined) throw new CliError('merge needs the result files of every shard');
  const key = (r: ShardRecord) =>
    JSON.stringify([
      r.model,
      r.variant,
      r.config,
      r.configValue,
      r.reductions,
      r.maxStates,
      r.shard.count,
    ]);
  const other = records.find((r) => key(r) !== key(first));
  if (other !== undefined)
    throw new CliError(
      `shard ${other.shard.index}/${other.shard.count} is of another search than shard ${first.shard.index}/${first.shard.count} (model, variant, config, reductions, --max-states and shard count must agree)`,
    );
  const count = first.shard.count;
  const seen = new Map<number, ShardRecord>();
  for (const r of records) {
    if (seen.has(r.shard.index))
      throw new CliError(`shard ${r.shard.index}/${count} is given twice`);
    seen.set(r.shard.index, r);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw new CliError(
      `missing shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')}: the merge needs every shard's result`,
    );
  const shards = [...seen.values()].sort((a, b) => a.shard.index - b.shard.index);
  // Shards that split split at the same level (the split is computed alike unless --split-depth
  // differed); a shard that ended above that level is of another split. A shard that a limit
  // stopped before it reached the level is one of this search, bounded by its limit.
  const split = shards.filter((r) => r.shard.splitDepth !== undefined);
  const ended = shards.filter((r) => r.shard.splitDepth === undefined && r.search.complete);
  if (
    new Set(split.map((r) => r.shard.splitDepth)).size > 1 ||
    (split.length > 0 && ended.length > 0)
  )
    throw new CliError(
      'the shards split at different levels: run every shard with the same --split-depth (or none)',
    );
  const complete = shards.every((r) => r.search.complete);
  const bounded = shards
    .filter((r) => !r.search.complete)
    .map((r) =>
      boundedDepth({
        complete: false,
        depth: r.search.depth,
        ...(r.search.stoppedBy === undefined ? {} : { stoppedBy: r.search.stoppedBy }),
      } as ExploreResult<unknown>),
    ) as number[];
  const toDepth = bounded.length === 0 ? undefined : Math.min(...bounded);
  const verdicts = properties(first.configValue).map((p): PropertyVerdict => {
    const of = shards.map((r) => r.verdicts.find((v) => v.property === p.id)?.verdict);
    if (of.some((v) => v === undefined))
      throw new CliError(
        `property ${p.id} is missing from a shard's result: were the shards run by another version?`,
      );
    const triggered = shards.reduce((n, r) => n + (r.triggered[p.id] ?? 0), 0);
    const verdict: Verdict = of.includes('violated')
      ? 'violated'
      : p.kind === 'witness'
        ? of.includes('reached')
          ? 'reached'
          : 'not reached'
        : p.kind === 'eventually' && triggered === 0
          ? 'not exercised'
          : 'holds';
    return {
      property: p,
      explorer: verdict,
      random: 'not run',
      verdict,
      ...(verdict === 'holds' && toDepth !== undefined ? { toDepth } : {}),
    };
  });
  // Per violated property the shortest counterexample (the lowest shard's among equals).
  const shortest = new Map<string, Trace>();
  for (const r of shards) {
    const t = r.trace;
    if (t === undefined) continue;
    const property = t.expect.violates ?? '';
    const best = shortest.get(property);
    if (best === undefined || t.events.length < best.events.length) shortest.set(property, t);
  }
  const traces = [...shortest.values()].sort((a, b) => a.events.length - b.events.length);
  const trace = traces[0];
  return {
    model: first.model,
    variant: first.variant,
    config: first.config,
    configValue: first.configValue,
    count,
    splitDepth: split[0]?.shard.splitDepth,
    complete,
    verdicts,
    ...(trace === undefined ? {} : { trace }),
    traces,
    shards,
  };
}

const n = (x: number) => x.toLocaleString('en-US');

/** The merged verdict table and the figures of every shard, as `merge` prints them. */
export function mergeReport(m: Merged, traceFiles: readonly string[]): string {
  const level = m.shards.find((r) => r.shard.splitDepth !== undefined)?.shard.levelStates ?? 0;
  const split =
    m.splitDepth !== undefined
      ? `split at depth ${m.splitDepth} (${n(level)} states there)`
      : m.complete
        ? 'the search ended above the split level, so every shard searched all of it'
        : 'no shard reached the split level before its limit, so every shard searched the same part';
  const lines = [
    `${m.model} / ${m.config}${m.variant === 'baseline' ? '' : ` / variant ${m.variant}`} — ${m.count} shards merged, ${split}`,
    ...m.shards.map(
      (r) =>
        `  shard ${r.shard.index}/${r.shard.count}: ${r.shard.splitDepth === undefined ? 'did not split' : `kept ${n(r.shard.kept)} states of the split level`}, searched ${n(r.search.distinct)} states to depth ${r.search.depth}, ${r.search.complete ? 'complete' : `stopped by ${r.search.stoppedBy === 'violation' ? 'a violation' : `the ${r.search.stoppedBy} limit`}`}`,
    ),
    `  ${m.complete ? 'complete: every shard searched its share to the end' : 'bounded: a shard stopped before the end of its share'}; ${n(m.shards.reduce((a, r) => a + r.search.distinct, 0))} states searched in all (a state reached from two shares is counted by both)`,
    verdictTable(m.verdicts),
  ];
  m.traces.forEach((t, i) => {
    const file = traceFiles[i];
    if (file === undefined) return;
    lines.push(
      `  counterexample to ${t.expect.violates} (${t.events.length} events): ${file}`,
      `    replay: npm run -s ha-verify -- replay ${file}`,
    );
  });
  return lines.join('\n');
}

/** Where the merge saves the shortest counterexample of a violated property. */
export function mergedTraceFile(dir: string, m: Merged, t: Trace): string {
  return join(
    dir,
    `${m.model}.${m.variant}.${m.config}.explorer.merged.${t.expect.violates ?? 'trace'}.trace.json`,
  );
}
