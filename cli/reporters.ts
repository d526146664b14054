/**
 * Output for CI of the check and explore commands: `--reporter json` (one document, format
 * `ha-verify-results/1`) and `--reporter junit` (JUnit XML: a test suite per model and config, a
 * test case per property, a failure carrying the counterexample's replay command). Both say the
 * same as the text report: a bounded "holds" keeps its bound, a property guarded by construction
 * is skipped (it is not evidence), a shard's findings are its share's.
 *
 * Exit codes, by the worst verdict class of the run (the lowest code of the classes found):
 * 0 every verdict passes; 10 a safety property (invariant or step) violated; 11 a liveness
 * property violated; 12 nothing violated, but a witness never reached or a liveness property
 * never exercised (a vacuous verdict); 13 every verdict passes but a search's figures differ from
 * their pins (a changed model); 2 bad input or a search that cannot run (one line on stderr).
 */
import { DEFAULT_MAX_STATES } from '../properties/targets.ts';
import { replayCommand, rerunCommand } from './report.ts';
import { type ClauseVerdict, caughtVariant, type Review } from './review/collect.ts';
import { type CheckOutcome, isFailing, type PropertyVerdict, verdictLabel } from './run.ts';

export const REPORTERS = ['text', 'json', 'junit'] as const;
export type Reporter = (typeof REPORTERS)[number];

export const EXIT = {
  pass: 0,
  badInput: 2,
  safety: 10,
  liveness: 11,
  vacuous: 12,
  offPin: 13,
} as const;

/** The exit code of a run's verdicts (see above); pins off count only when nothing fails. */
export function exitCodeOf(outcomes: readonly CheckOutcome[], offPins: number): number {
  const failing = outcomes.flatMap((o) => o.verdicts).filter((v) => isFailing(v.verdict));
  const violated = failing.filter((v) => v.verdict === 'violated');
  if (violated.some((v) => v.property.kind !== 'eventually')) return EXIT.safety;
  if (violated.length > 0) return EXIT.liveness;
  if (failing.length > 0) return EXIT.vacuous;
  return offPins > 0 ? EXIT.offPin : EXIT.pass;
}

/** What a run was asked, for the documents' headers. */
export interface RunInfo {
  readonly command: 'check' | 'explore';
  readonly variant: string;
  /** For a broken variant: whether some verdict failed, as the text's "caught" says. */
  readonly caught: boolean;
  readonly engines: string;
  readonly seed: number;
  readonly runs: number;
  readonly maxStates: number;
  readonly maxDepth?: number;
  readonly offPins: readonly string[];
  readonly exitCode: number;
  /** check --deployment: the file, what was searched of it, and its names for the models' ids. */
  readonly deployment?: {
    readonly file: string;
    readonly name: string;
    readonly effective: readonly string[];
    readonly reductions: readonly string[];
    /** Per model, its ids → the deployment's names. */
    readonly names: Readonly<Record<string, Readonly<Record<string, string>>>>;
  };
}

/** How a saved counterexample is replayed, and for a random failure how it is run again. */
function replayOf(o: CheckOutcome, v: PropertyVerdict): { replay?: string; rerun?: string } {
  const saved = o.saved.find((s) => s.found.property === v.property.id);
  if (saved === undefined) return {};
  const failure = o.random?.failure;
  return {
    replay: replayCommand(saved.file),
    ...(saved.engine === 'random' && failure !== undefined
      ? { rerun: rerunCommand(o, failure) }
      : {}),
  };
}

function messageOf(o: CheckOutcome, v: PropertyVerdict): string | undefined {
  if (v.verdict === 'violated')
    return o.saved.find((s) => s.found.property === v.property.id)?.found.message;
  if (v.verdict === 'not reached') return 'the witness was never reached';
  if (v.verdict === 'not exercised') return 'the liveness property was never triggered';
  return undefined;
}

export function jsonReport(outcomes: readonly CheckOutcome[], info: RunInfo): string {
  const results = outcomes.map((o) => ({
    model: o.model.id,
    config: o.configName,
    variant: o.variant,
    ...(o.explored === undefined
      ? {}
      : {
          explorer: {
            distinct: o.explored.distinct,
            depth: o.explored.depth,
            transitions: o.explored.transitions,
            complete: o.explored.complete,
            ...(o.explored.complete ? {} : { stoppedBy: o.explored.stoppedBy }),
            reductions: o.explored.reductions,
            workers: o.explored.workers,
            elapsedMs: Math.round(o.explored.elapsedMs),
          },
        }),
    ...(o.random === undefined
      ? {}
      : {
          random: {
            runs: o.random.runs,
            steps: o.random.steps,
            seed: o.random.seed,
            workers: o.random.workers,
            elapsedMs: Math.round(o.random.elapsedMs),
          },
        }),
    verdicts: o.verdicts.map((v) => ({
      property: v.property.id,
      kind: v.property.kind,
      clauses: v.property.clauses,
      explorer: v.explorer,
      random: v.random,
      verdict: v.verdict,
      label: verdictLabel(v).toUpperCase(),
      ...(v.toDepth === undefined ? {} : { toDepth: v.toDepth }),
      failing: isFailing(v.verdict),
      ...(v.property.guarded === undefined ? {} : { guarded: v.property.guarded }),
      ...(messageOf(o, v) === undefined ? {} : { message: messageOf(o, v) }),
      ...replayOf(o, v),
    })),
  }));
  const all = outcomes.flatMap((o) => o.verdicts);
  return `${JSON.stringify(
    {
      format: 'ha-verify-results/1',
      command: info.command,
      variant: info.variant,
      engines: info.engines,
      seed: info.seed,
      runs: info.runs,
      maxStates: info.maxStates,
      ...(info.maxDepth === undefined ? {} : { maxDepth: info.maxDepth }),
      ...(info.deployment === undefined ? {} : { deployment: info.deployment }),
      summary: {
        verdicts: all.length,
        failing: all.filter((v) => isFailing(v.verdict)).length,
        // As the text counts them: guarded properties apart, they are not evidence.
        boundedHolds: all.filter(
          (v) =>
            v.verdict === 'holds' && v.toDepth !== undefined && v.property.guarded === undefined,
        ).length,
        guarded: all.filter((v) => v.property.guarded !== undefined).length,
        offPins: info.offPins,
        // A broken variant is meant to be caught: failing verdicts are what it should show.
        ...(info.variant === 'baseline' ? {} : { caught: info.caught }),
      },
      exitCode: info.exitCode,
      results,
    },
    null,
    2,
  )}\n`;
}

/** XML text, escaped; characters XML 1.0 cannot carry are dropped. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** An attribute value: as text, with line breaks and tabs kept (a parser folds them otherwise). */
function attr(text: string): string {
  return xml(text).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/**
 * A property's case. For the real model a failing verdict is a failure; for a broken variant it
 * is what the variant should show, so the verdict is reported in the case's output and whether
 * the variant was caught is one case of its own (junitReport).
 */
function testCase(o: CheckOutcome, v: PropertyVerdict): string {
  const open = `    <testcase classname="${attr(`${o.model.id}.${o.configName}`)}" name="${attr(v.property.id)}">`;
  const label = verdictLabel(v).toUpperCase();
  const out = `      <system-out>${xml(`${v.property.kind}: ${label} (explorer ${v.explorer}, random ${v.random})`)}</system-out>`;
  if (isFailing(v.verdict) && o.variant !== 'baseline') {
    const { replay } = replayOf(o, v);
    const shown = `${v.property.kind}: ${label}, as the broken variant may show${messageOf(o, v) === undefined ? '' : `: ${messageOf(o, v)}`}${replay === undefined ? '' : `\nreplay: ${replay}`}`;
    return [open, `      <system-out>${xml(shown)}</system-out>`, '    </testcase>'].join('\n');
  }
  if (isFailing(v.verdict)) {
    const { replay, rerun } = replayOf(o, v);
    const body = [messageOf(o, v), replay && `replay: ${replay}`, rerun && `rerun: ${rerun}`]
      .filter((x) => x !== undefined)
      .join('\n');
    return [
      open,
      `      <failure type="${attr(v.verdict)}" message="${attr(`${label}: ${messageOf(o, v) ?? ''}`)}">${xml(body)}</failure>`,
      out,
      '    </testcase>',
    ].join('\n');
  }
  if (v.property.guarded !== undefined)
    return [
      open,
      `      <skipped message="${attr(`guarded by construction (not evidence): ${v.property.guarded}`)}"/>`,
      out,
      '    </testcase>',
    ].join('\n');
  return [open, out, '    </testcase>'].join('\n');
}

export function junitReport(outcomes: readonly CheckOutcome[], info: RunInfo): string {
  const count = (o: CheckOutcome) => ({
    tests: o.verdicts.length,
    failures: o.verdicts.filter((v) => isFailing(v.verdict) && o.variant === 'baseline').length,
    skipped: o.verdicts.filter((v) => !isFailing(v.verdict) && v.property.guarded !== undefined)
      .length,
  });
  const suites = outcomes.map((o) => {
    const c = count(o);
    const seconds = ((o.explored?.elapsedMs ?? 0) + (o.random?.elapsedMs ?? 0)) / 1000;
    const scope =
      o.explored === undefined
        ? 'explorer not run'
        : o.explored.complete
          ? 'complete search'
          : o.explored.stoppedBy === 'violation'
            ? `search stopped at a violation at depth ${o.explored.depth}`
            : `search stopped by the ${o.explored.stoppedBy} limit at depth ${o.explored.depth}`;
    return [
      `  <testsuite name="${attr(`${o.model.id}/${o.configName}`)}" tests="${c.tests}" failures="${c.failures}" errors="0" skipped="${c.skipped}" time="${seconds.toFixed(3)}">`,
      `    <properties>`,
      `      <property name="variant" value="${attr(o.variant)}"/>`,
      `      <property name="scope" value="${attr(scope)}"/>`,
      ...(o.explored === undefined
        ? []
        : [`      <property name="distinct-states" value="${o.explored.distinct}"/>`]),
      `    </properties>`,
      ...o.verdicts.map((v) => testCase(o, v)),
      '  </testsuite>',
    ].join('\n');
  });
  const totals = outcomes.map(count).reduce(
    (a, b) => ({
      tests: a.tests + b.tests,
      failures: a.failures + b.failures,
      skipped: a.skipped + b.skipped,
    }),
    { tests: 0, failures: 0, skipped: 0 },
  );
  // A search whose figures differ from its pin: the model changed (exit 13), one failing case each.
  if (info.offPins.length > 0) {
    suites.push(
      [
        `  <testsuite name="pins" tests="${info.offPins.length}" failures="${info.offPins.length}" errors="0" skipped="0">`,
        ...info.offPins.map((line) =>
          [
            `    <testcase classname="pins" name="${attr(line.split(':')[0]!)}">`,
            `      <failure type="off-pin" message="${attr(line)}">${xml(line)}</failure>`,
            '    </testcase>',
          ].join('\n'),
        ),
        '  </testsuite>',
      ].join('\n'),
    );
    totals.tests += info.offPins.length;
    totals.failures += info.offPins.length;
  }
  // A broken variant: caught when some verdict fails, as the text report says.
  if (info.variant !== 'baseline') {
    suites.push(
      [
        `  <testsuite name="variant" tests="1" failures="${info.caught ? 0 : 1}" errors="0" skipped="0">`,
        `    <testcase classname="variant" name="${attr(`${info.variant} is caught`)}">`,
        ...(info.caught
          ? []
          : [
              `      <failure type="not caught" message="${attr(`no verdict fails on ${info.variant}`)}">${xml(`no verdict fails on ${info.variant}: the suite does not catch it`)}</failure>`,
            ]),
        '    </testcase>',
        '  </testsuite>',
      ].join('\n'),
    );
    totals.tests += 1;
    if (!info.caught) totals.failures += 1;
  }
  const limit = info.maxStates === DEFAULT_MAX_STATES ? '' : `, --max-states ${info.maxStates}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(`ha-verify ${info.command} (variant ${info.variant}, seed ${info.seed}${limit})`)}" tests="${totals.tests}" failures="${totals.failures}" errors="0" skipped="${totals.skipped}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/** Clause verdicts that fail the review (review/collect.ts): the rest pass or are skipped. */
const REVIEW_FAILS: readonly ClauseVerdict[] = ['document drift', 'no verdict', 'violated'];
const REVIEW_SKIPS: readonly ClauseVerdict[] = ['not modelled', 'guarded by construction'];

const caught = caughtVariant;

/**
 * The spec review as JUnit: a suite of the documents' clauses (a case per clause, failing on a
 * violation, document drift or no verdict, skipped when not modelled or guarded by construction)
 * and a suite of the broken variants (a case per variant, failing when neither engine caught it
 * through its property).
 */
export function reviewJunit(review: Review): string {
  const clauseCases = review.clauses.map((c) => {
    const open = `    <testcase classname="${attr(`clauses.${c.clause.document}`)}" name="${attr(`${c.clause.id}: ${c.clause.claim}`)}">`;
    const out = `      <system-out>${xml(`${c.verdict.toUpperCase()}: ${c.why}`)}</system-out>`;
    const inner = REVIEW_FAILS.includes(c.verdict)
      ? [
          `      <failure type="${attr(c.verdict)}" message="${attr(`${c.verdict}: ${c.why}`)}">${xml(c.why)}</failure>`,
        ]
      : REVIEW_SKIPS.includes(c.verdict)
        ? [`      <skipped message="${attr(`${c.verdict}: ${c.why}`)}"/>`]
        : [];
    return [open, ...inner, out, '    </testcase>'].join('\n');
  });
  const killCases = review.kills.map((k) =>
    [
      `    <testcase classname="${attr(`variants.${k.model}`)}" name="${attr(k.variant)}">`,
      ...(caught(k)
        ? []
        : [
            `      <failure type="not caught" message="${attr(`not caught through ${k.expected}`)}">${xml(`explorer: ${k.explorer.property ?? 'nothing'}; random: ${k.random.property ?? 'nothing'}`)}</failure>`,
          ]),
      `      <system-out>${xml(`${k.title}; expected ${k.expected}; explorer found ${k.explorer.property ?? 'nothing'}, random found ${k.random.property ?? 'nothing'}`)}</system-out>`,
      '    </testcase>',
    ].join('\n'),
  );
  const clauseFailures = review.clauses.filter((c) => REVIEW_FAILS.includes(c.verdict)).length;
  const clauseSkips = review.clauses.filter((c) => REVIEW_SKIPS.includes(c.verdict)).length;
  const killFailures = review.kills.filter((k) => !caught(k)).length;
  const b = review.budget;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(`ha-verify review (max-states ${b.maxStates}, runs ${b.runs}, seed ${b.seed})`)}" tests="${clauseCases.length + killCases.length}" failures="${clauseFailures + killFailures}" errors="0" skipped="${clauseSkips}">`,
    `  <testsuite name="clauses" tests="${clauseCases.length}" failures="${clauseFailures}" errors="0" skipped="${clauseSkips}">`,
    ...clauseCases,
    '  </testsuite>',
    `  <testsuite name="broken variants" tests="${killCases.length}" failures="${killFailures}" errors="0" skipped="0">`,
    ...killCases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** The spec review as JSON (`ha-verify-review/1`): clauses with their evidence, the variants. */
export function reviewJson(review: Review): string {
  return `${JSON.stringify(
    {
      format: 'ha-verify-review/1',
      budget: review.budget,
      counts: review.counts,
      failures: review.failures,
      clauses: review.clauses.map((c) => ({
        id: c.clause.id,
        document: c.clause.document,
        kind: c.clause.kind,
        claim: c.clause.claim,
        verdict: c.verdict,
        why: c.why,
        evidence: c.evidence.map((e) => ({
          model: e.model,
          config: e.config,
          property: e.property.id,
          verdict: e.verdict,
          ...(e.toDepth === undefined ? {} : { toDepth: e.toDepth }),
        })),
      })),
      variants: review.kills.map((k) => ({
        variant: k.variant,
        model: k.model,
        expected: k.expected,
        explorer: k.explorer.property,
        random: k.random.property,
        caught: caught(k),
      })),
    },
    null,
    2,
  )}\n`;
}
