/**
 * The commands that search, replay and review (check, explore, merge, replay, review), loaded by
 * cli/main.ts only when one of them runs, so that `list` and `--help` start at once.
 */

import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { ConfigError } from '../model/kernel/model.ts';
import { ALL_REDUCTIONS, NO_REDUCTIONS, type Reductions } from '../properties/engine/expand.ts';
import { DEFAULT_EXPLORE_MAX_STATES } from '../properties/engine/explore.ts';
import { defaultWorkers } from '../properties/engine/explore-parallel.ts';
import { checkedConfigs, offPin, type Property } from '../properties/engine/property.ts';
import { DEFAULT_FAIR_SAMPLES } from '../properties/engine/random.ts';
import { parseShard, type ShardSpec } from '../properties/engine/shard.ts';
import { suites } from '../properties/registry.ts';
import { DEFAULT_MAX_STATES } from '../properties/targets.ts';
import { BASELINE } from '../properties/variant.ts';
import { saveTrace } from '../traces/counterexample.ts';
import { parseTrace } from '../traces/format.ts';
import { type Names, rename } from '../traces/names.ts';
import { itf, mermaidSequence, stepTable } from '../traces/render.ts';
import { replay } from '../traces/replay.ts';
import { CliError, intFlag, parseArgs, parseInteger, stringFlag } from './args.ts';
import {
  clauseTable,
  configNameOf,
  DEPLOYMENT_MODELS,
  deploymentHeader,
  loadDeployment,
} from './deployment/index.ts';
import { searchProgress } from './progress.ts';
import { coverageTable, outcomeReport } from './report.ts';
import {
  EXIT,
  exitCodeOf,
  jsonReport,
  junitReport,
  REPORTERS,
  type Reporter,
  type RunInfo,
  reviewJson,
  reviewJunit,
} from './reporters.ts';
import { configOf, modelOf, suiteOf } from './resolve.ts';
import { collectReview } from './review/collect.ts';
import { reviewHtml } from './review/html.ts';
import { reviewMarkdown, summaryLine } from './review/markdown.ts';
import { collectMutation, mutationSummary } from './review/mutation.ts';
import { type CheckOutcome, COUNTEREXAMPLE_DIR, checkOne, DEFAULT_RUNS, isFailing } from './run.ts';
import { mergedTraceFile, mergeReport, mergeShards, readShard, shardRecord } from './shards.ts';

/** The seed when neither --seed nor FC_SEED is given: fixed, so every run prints the same verdicts. */
const DEFAULT_SEED = 20261201;

/** --seed, else FC_SEED, else the fixed default seed (always printed with the results). */
function seedFrom(parsed: ReturnType<typeof parseArgs>): number {
  const raw = parsed.flags.get('seed');
  if (raw !== undefined) return parseInteger(raw, '--seed');
  const env = process.env.FC_SEED;
  if (env !== undefined && env !== '') return parseInteger(env, 'FC_SEED');
  return DEFAULT_SEED;
}

/** --runs, else FC_RUNS, else the default budget. */
function runsFrom(parsed: ReturnType<typeof parseArgs>): number {
  const env = process.env.FC_RUNS;
  const fallback = env !== undefined && env !== '' ? parseInteger(env, 'FC_RUNS', 1) : DEFAULT_RUNS;
  return intFlag(parsed, 'runs', fallback, 1);
}

const CHECK_OPTIONS = {
  config: 'value',
  deployment: 'value',
  variant: 'value',
  runs: 'value',
  seed: 'value',
  path: 'value',
  'max-states': 'value',
  depth: 'value',
  engine: 'value',
  workers: 'value',
  'fair-samples': 'value',
  stats: 'switch',
  reductions: 'value',
  'max-memory': 'value',
  reporter: 'value',
  'output-file': 'value',
} as const;
const EXPLORE_OPTIONS = {
  config: 'value',
  variant: 'value',
  'max-states': 'value',
  depth: 'value',
  workers: 'value',
  reductions: 'value',
  'max-memory': 'value',
  shard: 'value',
  'split-depth': 'value',
  out: 'value',
  reporter: 'value',
  'output-file': 'value',
} as const;

/** `--shard i/n` with `--split-depth` and `--out`, or undefined without --shard. */
function shardFrom(parsed: ReturnType<typeof parseArgs>): ShardSpec | undefined {
  const text = stringFlag(parsed, 'shard');
  if (text === undefined) {
    for (const flag of ['split-depth', 'out'])
      if (parsed.flags.has(flag)) throw new CliError(`--${flag} goes with --shard i/n`);
    return undefined;
  }
  const shard = parseShard(text);
  if (shard === undefined)
    throw new CliError(`--shard must be i/n with 1 ≤ i ≤ n (e.g. 2/4), got '${text}'`);
  if (!parsed.flags.has('out'))
    throw new CliError('--shard needs --out F: the file the shard writes its result to, for merge');
  if (parsed.flags.has('config') === false)
    throw new CliError('--shard needs --config C: every shard must search the same config');
  return parsed.flags.has('split-depth')
    ? { ...shard, splitDepth: intFlag(parsed, 'split-depth', 0, 0) }
    : shard;
}

/**
 * `--workers W`, capped at the machine's cores: more threads than cores only share them, and
 * each holds a copy of the model and its own heap.
 */
function workersFrom(parsed: ReturnType<typeof parseArgs>): number {
  const asked = intFlag(parsed, 'workers', defaultWorkers(), 1);
  const cores = availableParallelism();
  if (asked <= cores) return asked;
  console.error(
    `ha-verify: --workers ${asked} is more than this machine's ${cores} cores: using ${cores}`,
  );
  return cores;
}

/** `--max-memory SIZE` in bytes (e.g. 4G, 512M; a bare number is megabytes), or undefined. */
function memoryFrom(parsed: ReturnType<typeof parseArgs>): number | undefined {
  const text = stringFlag(parsed, 'max-memory');
  if (text === undefined) return undefined;
  const m = /^([1-9][0-9]{0,6})([MG]?)$/.exec(text);
  const bytes = m === null ? 0 : Number(m[1]) * 2 ** (m[2] === 'G' ? 30 : 20);
  if (bytes < 64 * 2 ** 20)
    throw new CliError(
      `--max-memory must be a size of at least 64M, like 4G or 512M (a bare number is megabytes), got '${text}'`,
    );
  return bytes;
}

/** `--reductions`: all (the default), none, or a comma-separated list of reductions. */
function reductionsFrom(parsed: ReturnType<typeof parseArgs>): Reductions {
  const value = stringFlag(parsed, 'reductions') ?? 'all';
  if (value === 'all') return ALL_REDUCTIONS;
  if (value === 'none') return NO_REDUCTIONS;
  const names = value.split(',');
  const known = Object.keys(ALL_REDUCTIONS);
  const unknown = names.filter((r) => !known.includes(r));
  if (unknown.length > 0)
    throw new CliError(
      `--reductions must be all, none or a list of ${known.join(', ')}; got '${unknown.join(',')}'`,
    );
  return { ...NO_REDUCTIONS, ...Object.fromEntries(names.map((r) => [r, true])) };
}

export async function check(argv: readonly string[], exhaustiveOnly: boolean): Promise<number> {
  const parsed = parseArgs(argv, exhaustiveOnly ? EXPLORE_OPTIONS : CHECK_OPTIONS);
  if (parsed.positional.length > 1)
    throw new CliError(`expected at most one model, got: ${parsed.positional.join(' ')}`);
  const modelId = parsed.positional[0];
  if (exhaustiveOnly && modelId === undefined)
    throw new CliError('explore needs a model; see ha-verify list');
  const engine = exhaustiveOnly ? 'explorer' : (stringFlag(parsed, 'engine') ?? 'both');
  if (engine !== 'both' && engine !== 'explorer' && engine !== 'random') {
    throw new CliError(`--engine must be both, explorer or random, got '${engine}'`);
  }
  const deploymentFile = stringFlag(parsed, 'deployment');
  if (deploymentFile !== undefined)
    for (const flag of ['config', 'variant'])
      if (parsed.flags.has(flag))
        throw new CliError(
          `--${flag} goes without --deployment: a deployment file is the config of every model`,
        );
  if (
    deploymentFile !== undefined &&
    modelId !== undefined &&
    !(DEPLOYMENT_MODELS as readonly string[]).includes(modelId)
  )
    throw new CliError(
      `a deployment is checked on ${DEPLOYMENT_MODELS.join(', ')}; '${modelId}' is not one of them`,
    );
  const deployment = deploymentFile === undefined ? undefined : loadDeployment(deploymentFile);
  // A deployment's report is in its own names (its agents, sites, hosts), model by model.
  const namesOf = (model: string): Names =>
    deployment?.names[model as (typeof DEPLOYMENT_MODELS)[number]] ?? {};
  const chosen =
    modelId !== undefined
      ? [suiteOf(modelId)]
      : deployment !== undefined
        ? DEPLOYMENT_MODELS.map((id) => suiteOf(id))
        : suites;
  const variant = stringFlag(parsed, 'variant') ?? BASELINE;
  const shard = exhaustiveOnly ? shardFrom(parsed) : undefined;
  const reporter = reporterFrom(parsed);
  const outputFile = stringFlag(parsed, 'output-file');
  if (shard !== undefined && (reporter !== 'text' || outputFile !== undefined))
    throw new CliError(
      'a shard writes its result with --out, for ha-verify merge; --reporter is for check and explore without --shard',
    );
  // With --reporter json or junit the document goes to stdout, alone, unless --output-file F
  // takes it: then the text report stays on stdout beside it.
  const say = (text: string) => {
    if (reporter === 'text' || outputFile !== undefined) console.log(text);
  };
  const budget = {
    maxStates: intFlag(
      parsed,
      'max-states',
      exhaustiveOnly ? DEFAULT_EXPLORE_MAX_STATES : DEFAULT_MAX_STATES,
      1,
    ),
    ...(parsed.flags.has('depth') ? { maxDepth: intFlag(parsed, 'depth', 0, 0) } : {}),
    runs: runsFrom(parsed),
    seed: seedFrom(parsed),
    ...(stringFlag(parsed, 'path') === undefined ? {} : { path: stringFlag(parsed, 'path')! }),
    engines: engine,
    workers: workersFrom(parsed),
    reductions: reductionsFrom(parsed),
    ...(memoryFrom(parsed) === undefined ? {} : { maxMemory: memoryFrom(parsed)! }),
    ...(shard === undefined ? {} : { shard }),
    fairSamples: exhaustiveOnly
      ? DEFAULT_FAIR_SAMPLES
      : intFlag(parsed, 'fair-samples', DEFAULT_FAIR_SAMPLES, 1),
  } as const;
  // Every model and config named, resolved before any search: bad input fails at once.
  const plan = chosen.map((suite) => {
    const model = modelOf(suite, variant);
    // check covers every config the main job checks; explore searches one, 'default' unless named.
    if (deployment !== undefined)
      return {
        suite,
        model,
        configs: [
          [
            configNameOf(deployment),
            deployment.configs[suite.model.id as (typeof DEPLOYMENT_MODELS)[number]],
          ] as const,
        ],
      };
    const configNames = parsed.flags.has('config')
      ? [stringFlag(parsed, 'config')!]
      : exhaustiveOnly
        ? ['default']
        : checkedConfigs(suite);
    return {
      suite,
      model,
      configs: configNames.map((name) => [name, configOf(model, name)] as const),
    };
  });
  // Found unwritable before the search, not after it; an earlier report stays until replaced.
  if (outputFile !== undefined) canWrite(reporter, outputFile);
  const outcomes: CheckOutcome[] = [];
  if (deployment !== undefined) say(`${deploymentHeader(deployment)}\n`);
  // A config's pinned figures hold for the real model searched with the default limit only.
  const pinned =
    deployment === undefined &&
    !exhaustiveOnly &&
    variant === BASELINE &&
    budget.maxStates === DEFAULT_MAX_STATES &&
    !parsed.flags.has('depth') &&
    !parsed.flags.has('max-memory');
  const offPins: string[] = [];
  for (const { suite, model, configs } of plan) {
    for (const [name, config] of configs) {
      const view = searchProgress(`${suite.model.id}/${name}`, budget.workers);
      const outcome = await checkOne(
        suite,
        model,
        variant,
        name,
        config,
        { ...budget, onProgress: view.update, onExploreEnd: view.stop },
        deployment === undefined
          ? undefined
          : { file: deploymentFile!, names: namesOf(suite.model.id) },
      ).finally(view.stop);
      outcomes.push(outcome);
      say(`${outcomeReport(outcome, namesOf(suite.model.id))}\n`);
      if (shard !== undefined) {
        const record = shardRecord(outcome, config, budget.maxStates);
        const out = stringFlag(parsed, 'out')!;
        try {
          writeFileSync(out, `${JSON.stringify(record, null, 1)}\n`);
        } catch {
          throw new CliError(`cannot write the shard's result to '${out}'`);
        }
        const s = record.shard;
        console.log(
          `shard ${s.index}/${s.count}: ${s.splitDepth === undefined ? 'the search ended above the split level, so this shard searched all of it' : `kept ${s.kept.toLocaleString('en-US')} of the ${s.levelStates.toLocaleString('en-US')} states at depth ${s.splitDepth}`}; result written to ${out} (combine the shards with: ha-verify merge <files>)`,
        );
        return 0;
      }
      const pin = suite.checks.find((c) => c.config === name);
      const off = pinned && pin && outcome.explored ? offPin(pin, outcome.explored) : undefined;
      if (off !== undefined) {
        const line = `${suite.model.id}/${name}: the search's figures changed: ${off}`;
        offPins.push(line);
        say(
          `  ✗ ${line}\n    a changed count is a changed model: if the change is meant, update the pin in properties/${suite.model.id}/index.ts and say why\n`,
        );
      }
      if (parsed.flags.has('stats') && outcome.random !== undefined)
        say(`${coverageTable(outcome.random)}\n`);
    }
  }
  const failing = outcomes.flatMap((o) =>
    o.verdicts
      .filter((v) => isFailing(v.verdict))
      .map(
        (v) =>
          `${o.model.id}/${o.configName}: ${rename(v.property.id, namesOf(o.model.id))} ${v.verdict}`,
      ),
  );
  const total = outcomes.reduce((sum, o) => sum + o.verdicts.length, 0);
  const info = {
    command: exhaustiveOnly ? 'explore' : 'check',
    variant,
    caught: failing.length > 0,
    engines: engine,
    seed: budget.seed,
    runs: budget.runs,
    maxStates: budget.maxStates,
    ...(budget.maxDepth === undefined ? {} : { maxDepth: budget.maxDepth }),
    offPins,
    ...(deployment === undefined
      ? {}
      : {
          deployment: {
            file: deploymentFile!,
            name: deployment.name,
            effective: deployment.effective,
            reductions: deployment.reductions,
            names: deployment.names,
          },
        }),
  } as const;
  if (variant !== BASELINE) {
    say(
      `variant ${variant}: ${failing.length === 0 ? 'not caught' : `caught (${failing.join('; ')})`}`,
    );
    // A broken variant is meant to be caught: its verdicts are reported, not failed.
    emitReport(reporter, outputFile, outcomes, { ...info, exitCode: EXIT.pass });
    return EXIT.pass;
  }
  // The main job (every model) ends with the mutation score of the last npm run mutate.
  if (deployment === undefined && chosen.length === suites.length)
    say(mutationSummary(collectMutation()));
  if (deployment !== undefined) say(`${clauseTable(outcomes, namesOf)}\n`);
  say(
    failing.length === 0
      ? `all ${total} verdicts pass (${verdictCounts(outcomes)})`
      : `${failing.length} of ${total} verdicts fail:\n  ${failing.join('\n  ')}\n(${verdictCounts(outcomes)})`,
  );
  if (offPins.length > 0)
    say(
      `${offPins.length} search(es) found other figures than their pins:\n  ${offPins.join('\n  ')}`,
    );
  const exitCode = exitCodeOf(outcomes, offPins.length);
  emitReport(reporter, outputFile, outcomes, { ...info, exitCode });
  return exitCode;
}

/** `--reporter`: text (the default), json or junit. */
function reporterFrom(parsed: ReturnType<typeof parseArgs>): Reporter {
  const value = stringFlag(parsed, 'reporter') ?? 'text';
  if (!(REPORTERS as readonly string[]).includes(value))
    throw new CliError(`--reporter must be ${REPORTERS.join(', ')}, got '${value}'`);
  if (value === 'text' && parsed.flags.has('output-file'))
    throw new CliError('--output-file goes with --reporter json or junit');
  return value as Reporter;
}

/** The json or junit document of a check: to --output-file if given, else to stdout. */
function emitReport(
  reporter: Reporter,
  outputFile: string | undefined,
  outcomes: readonly CheckOutcome[],
  info: RunInfo,
): void {
  emit(reporter, outputFile, () =>
    reporter === 'json' ? jsonReport(outcomes, info) : junitReport(outcomes, info),
  );
}

/** A json or junit document (none for text): to the output file if given, else to stdout. */
function emit(reporter: Reporter, outputFile: string | undefined, document: () => string): void {
  if (reporter === 'text') return;
  if (outputFile === undefined) process.stdout.write(document());
  else writeReport(reporter, outputFile, document());
}

/**
 * Whether a report file can be written (its folder made if need be), touching neither an
 * existing file nor, when there is none, the folder beyond making it.
 */
function canWrite(reporter: Reporter, file: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    if (existsSync(file)) closeSync(openSync(file, 'a'));
    else accessSync(dirname(file), constants.W_OK);
  } catch {
    throw new CliError(`cannot write the ${reporter} report to '${file}'`);
  }
}

/** Writes a report file whole or not at all (a temporary file renamed), or says it cannot. */
function writeReport(reporter: Reporter, file: string, text: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
  } catch {
    throw new CliError(`cannot write the ${reporter} report to '${file}'`);
  }
}

/** The verdicts counted by kind, complete and bounded holds apart. */
function verdictCounts(outcomes: readonly CheckOutcome[]): string {
  const all = outcomes.flatMap((o) => o.verdicts);
  const count = (f: (v: (typeof all)[number]) => boolean) => all.filter(f).length;
  return [
    `${count((v) => v.verdict === 'holds' && v.toDepth === undefined && v.property.guarded === undefined)} hold on complete searches`,
    `${count((v) => v.verdict === 'holds' && v.toDepth !== undefined && v.property.guarded === undefined)} hold only to a depth (search stopped at its limit)`,
    `${count((v) => v.verdict === 'holds' && v.property.guarded !== undefined)} guarded by construction (not evidence)`,
    `${count((v) => v.verdict === 'reached')} witnesses reached`,
    `${count((v) => isFailing(v.verdict))} failing`,
  ].join(', ');
}

export function mergeCommand(argv: readonly string[]): number {
  const parsed = parseArgs(argv, {});
  if (parsed.positional.length === 0)
    throw new CliError(
      'merge needs the result file of every shard, e.g. ha-verify merge shard-*.json',
    );
  const records = parsed.positional.map(readShard);
  const suite = suiteOf(records[0]!.model);
  const model = modelOf(suite, records[0]!.variant);
  let properties: (c: unknown) => readonly Property<unknown, never>[];
  try {
    model.validate(records[0]!.configValue);
    properties = (c) => suite.properties(c) as readonly Property<unknown, never>[];
  } catch (error) {
    if (error instanceof ConfigError)
      throw new CliError(`${parsed.positional[0]}: ${error.message}`);
    throw error;
  }
  const merged = mergeShards(records, properties);
  const files = merged.traces.map((t) => {
    const file = mergedTraceFile(COUNTEREXAMPLE_DIR, merged, t);
    saveTrace(t, file);
    return file;
  });
  console.log(mergeReport(merged, files));
  const failing = merged.verdicts.filter((v) => isFailing(v.verdict));
  console.log(
    failing.length === 0
      ? `all ${merged.verdicts.length} verdicts pass${merged.complete ? '' : ' (bounded: see above)'}`
      : `${failing.length} of ${merged.verdicts.length} verdicts fail: ${failing.map((v) => `${v.property.id} ${v.verdict}`).join('; ')}`,
  );
  // A broken variant is meant to be caught: its verdicts are reported, not failed.
  return failing.length === 0 || merged.variant !== BASELINE ? 0 : 1;
}

export function replayCommand(argv: readonly string[]): number {
  const parsed = parseArgs(argv, { format: 'value' });
  const format = stringFlag(parsed, 'format') ?? 'table';
  if (format !== 'table' && format !== 'mermaid' && format !== 'itf') {
    throw new CliError(`--format must be table, mermaid or itf, got '${format}'`);
  }
  const file = parsed.positional[0];
  if (file === undefined || parsed.positional.length > 1)
    throw new CliError('replay needs exactly one trace file');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`cannot read trace file '${file}'`);
  }
  const trace = parseTrace(text, file);
  const suite = suiteOf(trace.model);
  const model = modelOf(suite, trace.variant);
  const result = replay(model, suite.properties, trace, file);
  if (format === 'mermaid') {
    console.log(mermaidSequence(result, suite.model.lifelines));
    return result.asExpected ? 0 : 1;
  }
  if (format === 'itf') {
    process.stdout.write(
      itf(result, {
        source: file,
        model: trace.model,
        variant: trace.variant,
        description: trace.title,
      }),
    );
    return result.asExpected ? 0 : 1;
  }
  // A deployment's trace is read in its names (its title and story are saved in them); its
  // events keep the model's ids.
  const say = (text: string) => console.log(rename(text, trace.names ?? {}));
  console.log(
    `${trace.title}\nmodel ${trace.model}, variant ${trace.variant}, ${trace.events.length} events`,
  );
  for (const line of trace.story) console.log(`  ${line}`);
  say(`\n${stepTable(result)}\n`);
  const expected =
    trace.expect.violates === null ? 'no property broken' : `${trace.expect.violates} broken`;
  say(
    `verdict: ${result.verdict}\nexpected: ${expected} — ${result.asExpected ? 'as expected' : 'NOT as expected'}`,
  );
  return result.asExpected ? 0 : 1;
}

export async function reviewCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv, {
    docs: 'value',
    out: 'value',
    'max-states': 'value',
    runs: 'value',
    seed: 'value',
    workers: 'value',
    reporter: 'value',
    'output-file': 'value',
  });
  const docs = stringFlag(parsed, 'docs');
  if (docs === undefined)
    throw new CliError(
      'review needs --docs <folder with the two documents>, e.g. --docs ../shared/seeds',
    );
  if (parsed.positional.length > 0)
    throw new CliError(`review takes no positional arguments, got: ${parsed.positional.join(' ')}`);
  const reporter = reporterFrom(parsed);
  const outputFile = stringFlag(parsed, 'output-file');
  const out = stringFlag(parsed, 'out') ?? 'review';
  if (outputFile !== undefined) {
    const at = resolve(outputFile);
    if (at.startsWith(`${resolve(docs)}${sep}`) || at.startsWith(`${resolve(out)}${sep}`))
      throw new CliError(
        `--output-file ${outputFile} is inside --docs or --out: give a file of its own`,
      );
    canWrite(reporter, outputFile);
  }
  const review = await collectReview({
    docs,
    maxStates: intFlag(parsed, 'max-states', 200_000, 1),
    runs: runsFrom(parsed),
    seed: parsed.flags.has('seed') ? seedFrom(parsed) : 20261122,
    workers: workersFrom(parsed),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'REVIEW.md'), reviewMarkdown(review));
  writeFileSync(join(out, 'index.html'), reviewHtml(review));
  const text = [
    `${summaryLine(review)}\nwrote ${join(out, 'REVIEW.md')} and ${join(out, 'index.html')}`,
    ...review.failures.map((f) => `  ✗ ${f}`),
  ].join('\n');
  if (reporter === 'text' || outputFile !== undefined) console.log(text);
  emit(reporter, outputFile, () =>
    reporter === 'json' ? reviewJson(review) : reviewJunit(review),
  );
  return review.failures.length === 0 ? 0 : 1;
}
