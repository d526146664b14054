/**
 * ha-verify: check every model, explore one exhaustively, replay a saved trace, list what exists.
 * Bad input (unknown model, variant, property or config; a missing or malformed trace) gets one
 * line on stderr and exit code 2; check and explore exit by verdict class (cli/reporters.ts).
 *
 * This file parses the command, answers `list` and `--help`, and loads the module of any other
 * command (commands.ts) only when it runs: the engines, fast-check and the review stay unloaded
 * for a listing.
 */

import { ConfigError } from '../model/kernel/model.ts';
import { EngineLimitError } from '../properties/engine/pool.ts';
import { checkedConfigs } from '../properties/engine/property.ts';
import { benchmarks, suites } from '../properties/registry.ts';
import { variants } from '../properties/variants.ts';
import { TraceError } from '../traces/format.ts';
import { CliError, parseArgs } from './args.ts';

const SEARCH_OPTIONS = `  --config C          a named config of the model (ha-verify list shows them)
  --variant V         a broken variant instead of the real model ('baseline')
  --max-states N      the explorer's limit of distinct states
  --depth D           search only to depth D (verdicts then hold to depth D)
  --workers W         threads (default: the cores, at most 8; capped at them)
  --reductions R      all (default), none, or a list: symmetry
  --max-memory SIZE   stop the search before the process passes SIZE (4G, 512M)
  --reporter R        text (default), json or junit: the document alone on stdout
  --output-file F     with --reporter json or junit: the document to F, the text on stdout`;

/** Exit codes of check and explore (cli/reporters.ts); pins are compared by check only. */
const exitCodes = (
  pins: boolean,
) => `exit codes: 0 every verdict passes; 10 a safety property violated; 11 a liveness property
  violated; 12 a witness never reached or a liveness property never exercised;${pins ? " 13 a search's\n  figures differ from their pins;" : ''}\n  2 bad input (a broken variant's run exits 0)`;

/** What each command does and takes, printed by `ha-verify <command> --help`. */
const HELP: Readonly<Record<string, string>> = {
  list: `usage: ha-verify list
  models, their configs (and which npm start checks), properties and broken variants`,
  check: `usage: ha-verify check [model] [options]
  both engines on every config npm start checks (or --config C), a verdict table per model and
  config (exit codes below)
${SEARCH_OPTIONS}
  --deployment F      check one's own deployment, a YAML or JSON file in Genesys terms
                      (schema/deployment.schema.json; examples/): one config of every model,
                      effective values printed, a verdict per clause, traces in its names
  --engine E          both (default), explorer or random
  --runs N            random runs per config (FC_RUNS)
  --seed S            the random engine's seed (FC_SEED; fixed when neither is given)
  --path P            replay one counterexample path an earlier random failure printed
  --fair-samples K    fair continuations the random engine samples per triggering state (3)
  --stats             the random runs' coverage of events
${exitCodes(true)}`,
  explore: `usage: ha-verify explore <model> [options]
  exhaustive breadth-first search of one config ('default' unless named), shortest
  counterexample saved as a trace
${SEARCH_OPTIONS}
  --shard I/N         shard I of N of a split search (needs --config and --out)
  --split-depth D     the depth where the shards split (default: the first level with 64·N states)
  --out F             the shard's result, a JSON file for ha-verify merge
${exitCodes(false)}`,
  merge: `usage: ha-verify merge <F1> <F2> ...
  the verdicts of the N shards of one split search (explore --shard), from their result files;
  exit 0 when every merged verdict passes (or the search was of a broken variant), 1 when not`,
  replay: `usage: ha-verify replay <trace.json> [options]
  strict replay of a saved trace; exit 0 when the trace ends as it expects, 1 when not
  --format F          table (a step table, the default), mermaid (a sequence diagram) or itf`,
  review: `usage: ha-verify review --docs <folder> [options]
  the spec review: every clause of the two documents, its evidence and verdict, written as
  REVIEW.md and index.html; exit 0 when it passes, 1 when a clause fails, 2 on bad input
  --docs <folder>     the folder with the two documents (e.g. ../shared/seeds)
  --out DIR           where REVIEW.md and index.html go (default review/)
  --max-states N      each search's limit of distinct states (default 200,000)
  --runs N            random runs per config (FC_RUNS)
  --seed S            the random engine's seed
  --workers W         threads (capped at the cores)
  --reporter R        text (default), json or junit: a case per clause and per broken variant
  --output-file F     with --reporter json or junit: the document to F, the text on stdout`,
  bench: `usage: ha-verify bench
  the benchmark, JSON on stdout (npm run bench)`,
};

const COMMANDS = Object.keys(HELP);

const USAGE = `usage: ha-verify <command> [options]   (ha-verify <command> --help for its options)
  list                 models, configs, properties and broken variants
  check [model]        both engines, a verdict table per model and config
  explore <model>      exhaustive breadth-first search of one config, shortest counterexample
  merge <F1> ...       the verdicts of the N shards of one split search
  replay <trace.json>  strict replay: step table, sequence diagram or ITF JSON
  review --docs <dir>  spec review: every clause, its evidence and verdict
  bench                the benchmark, JSON on stdout (npm run bench)`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || HELP_WORDS.includes(command)) {
    // `help check`, `--help check` and `help --help` alike: the first word that is no option.
    const topic = rest.find((a) => !HELP_WORDS.includes(a));
    if (topic !== undefined && HELP[topic] === undefined) throw unknownCommand(topic);
    console.log(topic === undefined ? USAGE : HELP[topic]);
    return 0;
  }
  if (HELP[command] === undefined) throw unknownCommand(command);
  if (asksHelp(rest)) {
    console.log(HELP[command]);
    return 0;
  }
  if (command === 'list') return list(rest);
  if (command === 'bench') {
    parseArgs(rest, {});
    await import('../bench/run.ts');
    return 0;
  }
  const commands = await import('./commands.ts');
  switch (command) {
    case 'check':
      return commands.check(rest, false);
    case 'explore':
      return commands.check(rest, true);
    case 'merge':
      return commands.mergeCommand(rest);
    case 'replay':
      return commands.replayCommand(rest);
    default:
      return commands.reviewCommand(rest);
  }
}

const HELP_WORDS: readonly string[] = ['help', '--help', '-h'];

/** Whether a command's arguments ask for its help: --help or -h before any '--'. */
function asksHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

function unknownCommand(command: string): CliError {
  return new CliError(`unknown command '${command}'; commands: ${COMMANDS.join(', ')}`);
}

function list(argv: readonly string[]): number {
  const parsed = parseArgs(argv, {});
  if (parsed.positional.length > 0)
    throw new CliError(`list takes no arguments, got: ${parsed.positional.join(' ')}`);
  for (const suite of [...suites, ...benchmarks]) {
    const m = suite.model;
    const bench = benchmarks.includes(suite)
      ? ' (a benchmark: not in npm start or the review)'
      : '';
    console.log(`${m.id} — ${m.title}${bench}`);
    console.log(
      `  configs: ${Object.keys(m.configs).join(', ')} (checked by npm start: ${checkedConfigs(suite).join(', ')})`,
    );
    for (const c of suite.checks)
      console.log(
        `  checked    ${c.config}: ${'bounded' in c ? `stopped by the states limit at depth ${c.depth}` : `${c.states.toLocaleString('en-US')} states, depth ${c.depth}, complete`}`,
      );
    for (const p of suite.properties(m.configs.default)) {
      console.log(`  ${p.kind.padEnd(10)} ${p.id}  [${p.clauses.join(', ')}]`);
    }
    for (const v of variants.filter((x) => x.model === m.id))
      console.log(`  variant    ${v.id}: ${v.title} (caught by ${v.expect})`);
  }
  return 0;
}

// A reader that stops early (`| head`) closes the pipe: the output it wanted was written.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  // After main returned, its exit code; a run cut short exits as a process killed by SIGPIPE does.
  process.exit(process.exitCode ?? 141);
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (
    error instanceof CliError ||
    error instanceof TraceError ||
    error instanceof ConfigError ||
    error instanceof EngineLimitError
  ) {
    console.error(`ha-verify: ${error.message}`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
