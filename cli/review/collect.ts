/**
 * The spec review: runs every property of every model with both engines, every broken variant
 * with both engines (the kill matrix), and gives each clause of the catalog a verdict backed by
 * that evidence. Anchor phrases are looked up in the documents given, so an edited document
 * shows up as "document drift" on the clauses it breaks.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Assumption,
  allAssumptions,
  allClauses,
  type Clause,
  DOCUMENT_FILES,
  type DocumentId,
} from '../../properties/catalog/index.ts';
import { explore } from '../../properties/engine/explore.ts';
import { checkedConfigs, type Property } from '../../properties/engine/property.ts';
import { randomCheck } from '../../properties/engine/random.ts';
import { findSuite, suites } from '../../properties/registry.ts';
import { BASELINE } from '../../properties/variant.ts';
import { variants } from '../../properties/variants.ts';
import { counterexampleTrace } from '../../traces/counterexample.ts';
import type { Trace } from '../../traces/format.ts';
import { replay } from '../../traces/replay.ts';
import { CliError } from '../args.ts';
import { type CheckOutcome, checkOne, verdictLabel } from '../run.ts';
import { collectIndex, type ReviewIndex, type Shown } from './links.ts';
import { collectMutation, type MutationReview } from './mutation.ts';

export type ClauseVerdict =
  | 'holds'
  | 'holds to depth'
  | 'guarded by construction'
  | 'violated'
  | 'vacuous'
  | 'not modelled'
  | 'document drift'
  | 'no verdict';

export const CLAUSE_VERDICTS: readonly ClauseVerdict[] = [
  'holds',
  'holds to depth',
  'guarded by construction',
  'violated',
  'vacuous',
  'not modelled',
  'document drift',
  'no verdict',
];

export interface Evidence {
  readonly model: string;
  readonly config: string;
  readonly property: Property<unknown, never>;
  readonly verdict: string;
  /** The bounds this verdict holds within, in words. */
  readonly bounds: string;
  /** The deepest level explored completely when the search stopped at a limit. */
  readonly toDepth?: number;
}

export interface ClauseReview {
  readonly clause: Clause;
  readonly verdict: ClauseVerdict;
  readonly why: string;
  readonly anchorFound: boolean;
  readonly evidence: readonly Evidence[];
  readonly assumptions: readonly Assumption[];
  readonly counterexample?: Shown;
}

/** Whether a broken variant was caught through the property it must break, by either engine. */
export function caughtVariant(k: Kill): boolean {
  return k.explorer.property === k.expected || k.random.property === k.expected;
}

export interface Kill {
  readonly variant: string;
  readonly model: string;
  readonly title: string;
  readonly expected: string;
  readonly explorer: {
    readonly property: string | null;
    readonly ms: number;
    readonly steps: number;
  };
  readonly random: {
    readonly property: string | null;
    readonly ms: number;
    readonly steps: number;
  };
  readonly shown?: Shown;
}

export interface Review {
  readonly docs: string;
  readonly budget: { readonly maxStates: number; readonly runs: number; readonly seed: number };
  readonly outcomes: readonly CheckOutcome[];
  readonly kills: readonly Kill[];
  readonly clauses: readonly ClauseReview[];
  readonly assumptions: readonly Assumption[];
  readonly counts: Readonly<Record<ClauseVerdict, number>>;
  readonly failures: readonly string[];
  /** The mutation score of the last `npm run mutate`, read from mutation/results/. */
  readonly mutation: MutationReview;
  /** Properties with their code, variants with their saved traces, the good traces. */
  readonly index: ReviewIndex;
}

export interface ReviewOptions {
  readonly docs: string;
  readonly maxStates: number;
  readonly runs: number;
  readonly seed: number;
  readonly workers: number;
  readonly log: (line: string) => void;
}

export async function collectReview(options: ReviewOptions): Promise<Review> {
  const documents = readDocuments(options.docs);
  const outcomes: CheckOutcome[] = [];
  for (const suite of suites) {
    for (const name of checkedConfigs(suite)) {
      options.log(`checking ${suite.model.id} / ${name}`);
      const config = suite.model.validate(suite.model.configs[name]);
      outcomes.push(
        await checkOne(suite, suite.model, BASELINE, name, config, {
          maxStates: options.maxStates,
          runs: options.runs,
          seed: options.seed,
          engines: 'both',
          workers: options.workers,
        }),
      );
    }
  }
  options.log('running the broken variants');
  // The documents' variants only: a benchmark model is not reviewed.
  const reviewed = new Set(suites.map((s) => s.model.id));
  const kills = variants.filter((v) => reviewed.has(v.model)).map((v) => killOf(v, options));
  const clauses = allClauses.map((c) => reviewClause(c, documents, outcomes, kills));
  const counts = Object.fromEntries(
    CLAUSE_VERDICTS.map((v) => [v, clauses.filter((c) => c.verdict === v).length]),
  ) as Record<ClauseVerdict, number>;
  const failures = [
    ...clauses
      .filter((c) => c.verdict === 'document drift')
      .map(
        (c) =>
          `document drift: ${c.clause.id} anchor "${c.clause.anchor}" not found in its document`,
      ),
    ...clauses
      .filter((c) => c.verdict === 'no verdict')
      .map((c) => `${c.clause.id} has no verdict: ${c.why}`),
    ...clauses
      .filter((c) => c.verdict === 'violated')
      .map((c) => `${c.clause.id} is violated: ${c.why}`),
    ...kills
      .filter((k) => !caughtVariant(k))
      .map((k) => `broken variant ${k.model}/${k.variant} is not caught through ${k.expected}`),
  ];
  return {
    docs: options.docs,
    budget: { maxStates: options.maxStates, runs: options.runs, seed: options.seed },
    outcomes,
    kills,
    clauses,
    assumptions: allAssumptions,
    counts,
    failures,
    mutation: collectMutation(),
    index: collectIndex(outcomes, kills),
  };
}

/** Each document's text with whitespace collapsed, found by its file-name prefix. */
function readDocuments(folder: string): Record<DocumentId, string> {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    throw new CliError(`cannot read the documents folder '${folder}'`);
  }
  const out = {} as Record<DocumentId, string>;
  for (const [id, prefix] of Object.entries(DOCUMENT_FILES) as [DocumentId, string][]) {
    const file = names.find((n) => n.startsWith(prefix));
    if (file === undefined)
      throw new CliError(`no document starting with '${prefix}' (${id}) in '${folder}'`);
    out[id] = readFileSync(join(folder, file), 'utf8').replace(/\s+/g, ' ');
  }
  return out;
}

function killOf(v: (typeof variants)[number], options: ReviewOptions): Kill {
  const suite = findSuite(v.model)!;
  const model = v.build();
  const config = model.validate(model.configs[v.config]);
  const system = model.bind(config);
  const properties = suite.properties(config);
  const e = explore(model, system, properties, { maxStates: options.maxStates });
  const r = randomCheck(model, system, properties, { runs: options.runs, seed: options.seed });
  const shown =
    e.violation === undefined
      ? undefined
      : (() => {
          const trace = counterexampleTrace(model, v.id, config, e.violation, 'explorer') as Trace;
          return {
            trace,
            replay: replay(model, suite.properties, trace, v.id),
            lifelines: suite.model.lifelines,
          };
        })();
  return {
    variant: v.id,
    model: v.model,
    title: v.title,
    expected: v.expect,
    explorer: {
      property: e.violation?.property ?? null,
      ms: Math.round(e.elapsedMs),
      steps: e.violation?.events.length ?? 0,
    },
    random: {
      property: r.failure?.property ?? null,
      ms: Math.round(r.elapsedMs),
      steps: r.failure?.events.length ?? 0,
    },
    ...(shown === undefined ? {} : { shown }),
  };
}

function reviewClause(
  clause: Clause,
  documents: Record<DocumentId, string>,
  outcomes: readonly CheckOutcome[],
  kills: readonly Kill[],
): ClauseReview {
  const anchorFound = documents[clause.document].includes(clause.anchor);
  const all: Evidence[] = outcomes.flatMap((o) =>
    o.verdicts
      .filter((v) => v.property.clauses.includes(clause.id))
      .map((v) => ({
        model: o.model.id,
        config: o.configName,
        property: v.property,
        verdict:
          v.property.guarded === undefined
            ? verdictLabel(v)
            : `${verdictLabel(v)}, guarded by construction`,
        bounds: boundsOf(o),
        ...(v.toDepth === undefined ? {} : { toDepth: v.toDepth }),
      })),
  );
  // A property the model makes true by construction is shown, but is not evidence.
  const evidence = all.filter((e) => e.property.guarded === undefined);
  const assumptions = allAssumptions.filter((a) => clause.assumptions.includes(a.id));
  const base = { clause, anchorFound, evidence: all, assumptions };
  if (!anchorFound)
    return {
      ...base,
      verdict: 'document drift',
      why: 'its anchor phrase is no longer in the document',
    };
  if (clause.notModelled !== undefined)
    return { ...base, verdict: 'not modelled', why: clause.notModelled };
  if (all.length === 0) return { ...base, verdict: 'no verdict', why: 'no property checks it' };
  if (evidence.length === 0 && !all.some((e) => e.verdict.startsWith('violated')))
    return {
      ...base,
      verdict: 'guarded by construction',
      why: `every property of it is guarded by construction (${[...new Set(all.map((e) => e.property.id))].join(', ')}): the model cannot express what it excludes, so it is not evidence`,
    };
  // A guarded property that breaks is a finding too: its guard regressed.
  const violated = all.find((e) => e.verdict.startsWith('violated'));
  if (violated !== undefined) {
    const outcome = outcomes.find(
      (o) => o.model.id === violated.model && o.configName === violated.config,
    )!;
    const saved = outcome.saved.find((s) => s.found.property === violated.property.id);
    return {
      ...base,
      verdict: 'violated',
      why: `${violated.property.id} in ${violated.model}/${violated.config}`,
      ...(saved === undefined ? {} : { counterexample: showSaved(saved.file, violated.model) }),
    };
  }
  const unreached = evidence.find(
    (e) => e.verdict === 'not reached' || e.verdict === 'not exercised',
  );
  if (unreached !== undefined)
    return {
      ...base,
      verdict: 'vacuous',
      why: `${unreached.property.id} ${unreached.verdict} in ${unreached.model}/${unreached.config}`,
    };
  const unkilled = evidence.find(
    (e) =>
      e.property.kind !== 'witness' &&
      !kills.some(
        (k) => k.explorer.property === e.property.id || k.random.property === e.property.id,
      ),
  );
  if (unkilled !== undefined)
    return {
      ...base,
      verdict: 'vacuous',
      why: `no broken variant makes ${unkilled.property.id} fail`,
    };
  const properties = new Set(evidence.map((e) => e.property.id)).size;
  const configs = new Set(evidence.map((e) => `${e.model}/${e.config}`)).size;
  const bounded = evidence.filter((e) => e.toDepth !== undefined);
  if (bounded.length > 0)
    return {
      ...base,
      verdict: 'holds to depth',
      why: `${properties} properties hold in ${configs} configs, some only to a depth: ${[...new Set(bounded.map((e) => `${e.model}/${e.config} to depth ${e.toDepth}`))].join(', ')}`,
    };
  return {
    ...base,
    verdict: 'holds',
    why: `${properties} properties hold in ${configs} configs, every search complete`,
  };
}

function boundsOf(o: CheckOutcome): string {
  const e = o.explored;
  const r = o.random;
  const explored =
    e === undefined
      ? ''
      : `explorer ${e.complete ? 'complete' : 'bounded'}: ${e.distinct.toLocaleString('en-US')} states, depth ${e.depth}, ${e.reductions.length === 0 ? 'no reduction' : `reduced by ${e.reductions.join(', ')}`}`;
  const random =
    r === undefined ? '' : `random: ${r.runs.toLocaleString('en-US')} runs, seed ${r.seed}`;
  return [explored, random].filter((x) => x !== '').join('; ');
}

function showSaved(file: string, modelId: string): Shown {
  const suite = findSuite(modelId)!;
  const trace = JSON.parse(readFileSync(file, 'utf8')) as Trace;
  return {
    trace,
    replay: replay(suite.model, suite.properties, trace, file),
    lifelines: suite.model.lifelines,
  };
}
