/**
 * `npm run mutate [target...] [-- --force | --check]`: runs StrykerJS over model/ (every target
 * when none is named), incrementally from the results kept in mutation/results/, then prints the
 * scores. --force tests every mutant again (needed after a change outside model/, which Stryker's
 * incremental diff does not see). --check is CI's gate: it fails when a mutant survives that did
 * not survive in the results committed before the run (targets without results, or with stale
 * ones, are named and not gated).
 */

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Stryker } from '@stryker-mutator/core';
import { isCurrent, judgesHash, recordJudges } from './inputs.ts';
import {
  type Mutant,
  overallScore,
  percent,
  readScores,
  scoreReport,
  type TargetScore,
} from './results.ts';
import {
  checksOf,
  isTarget,
  mutateGlobs,
  resultsFile,
  TARGETS,
  type TargetName,
} from './targets.ts';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const named = args.filter((a) => !a.startsWith('--'));
const bad = [
  ...named.filter((a) => !isTarget(a)),
  ...[...flags].filter((f) => f !== '--force' && f !== '--check'),
];
if (bad.length > 0) {
  console.error(
    `npm run mutate: unknown argument '${bad[0]}': name targets among ${TARGETS.join(', ')}, with --force or --check`,
  );
  process.exit(2);
}
const chosen: readonly TargetName[] = named.length > 0 ? (named as TargetName[]) : TARGETS;
const check = flags.has('--check');

/** A target's results as committed (HEAD), or as on disk outside a git checkout. */
function committed(target: TargetName): Parameters<typeof scoreReport>[1] {
  let text: string;
  try {
    text = execFileSync('git', ['show', `HEAD:${resultsFile(target)}`], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    text = readFileSync(resultsFile(target), 'utf8');
  }
  return JSON.parse(text);
}

/** A survivor as the gate compares it, independent of line numbers. */
const key = (m: Mutant) => `${m.file}\u0000${m.mutator}\u0000${m.original}\u0000${m.replacement}`;

const baseline = new Map<TargetName, TargetScore>();
let targets = chosen;
if (check) {
  // The gate compares with the committed results; a target without any has nothing to compare
  // with (its first run is a full one, about half an hour): it is named and left out.
  const missing = chosen.filter((t) => !existsSync(resultsFile(t)));
  for (const t of missing)
    console.log(
      `no committed mutation results for ${t}: not gated (run 'npm run mutate ${t}' and commit ${resultsFile(t)})`,
    );
  // Stale results were measured with other judges: a gate run would compare survivors of two
  // different checks (and retest most of the target). They are named and left out until a forced
  // run with today's judges is committed; the review and npm start mark them stale meanwhile.
  const stale = chosen.filter((t) => !missing.includes(t) && !isCurrent(t));
  for (const t of stale)
    console.log(
      `mutation results for ${t} are stale (measured with other properties or check): not gated until 'npm run mutate -- ${t} --force' is committed`,
    );
  targets = chosen.filter((t) => !missing.includes(t) && !stale.includes(t));
  for (const target of targets) baseline.set(target, scoreReport(target, committed(target)));
}

for (const target of targets) {
  console.log(
    `mutation: ${target} (${mutateGlobs(target).join(' ')}), judged by ${checksOf(target).join(', ')}`,
  );
  process.env.MUTATION_MODELS = checksOf(target).join(',');
  const stryker = new Stryker({
    mutate: mutateGlobs(target),
    testRunner: 'vitest',
    vitest: { configFile: 'test/mutation/vitest.config.ts', related: false },
    checkers: ['typescript'],
    tsconfigFile: 'test/mutation/tsconfig.json',
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    plugins: [
      '@stryker-mutator/vitest-runner',
      '@stryker-mutator/typescript-checker',
      './mutation/presentation-ignorer.mjs',
    ],
    ignorers: ['presentation'],
    coverageAnalysis: 'perTest',
    incremental: true,
    incrementalFile: resultsFile(target),
    force: flags.has('--force'),
    concurrency: 2,
    // Generous: a wall-clock time-out on a busy machine would count a mutant apart that a quiet
    // one decides; a mutant that really loops costs this once.
    timeoutFactor: 3,
    timeoutMS: 30_000,
    reporters: ['progress'],
    tempDirName: '.stryker-tmp',
    // The built CLI (cli/build.mjs): no mutant's test reads it.
    ignorePatterns: ['dist'],
    cleanTempDir: 'always',
  });
  // An incremental run retests only mutants whose code changed, so results measured with other
  // judges stay stale until a forced (or first) run measures them all with today's.
  const measuredAll = flags.has('--force') || !existsSync(resultsFile(target)) || isCurrent(target);
  // Taken before the run: the sandbox holds the judges as they were then, whatever is edited since.
  const judges = judgesHash(target);
  await stryker.runMutationTest();
  if (measuredAll) recordJudges(target, '.', judges);
}

const scores = readScores().filter((s) => targets.includes(s.target));
console.log('');
console.log('target      mutants  killed  survived  equivalent  crashed  timed out  score');
for (const s of scores)
  console.log(
    `${s.target.padEnd(10)} ${String(s.mutants).padStart(8)} ${String(s.killed).padStart(7)} ${String(s.survived.length).padStart(9)} ${String(s.equivalent.length).padStart(11)} ${String(s.crashed.length).padStart(8)} ${String(s.timedOut).padStart(10)}  ${percent(s.score)}`,
  );
console.log(
  `overall: ${percent(overallScore(scores))} (killed / (killed + survived); compile errors, equivalents, crashes and time-outs apart)`,
);

let fresh = 0;
for (const s of scores) {
  const known = new Map<string, number>();
  for (const m of baseline.get(s.target)?.survived ?? [])
    known.set(key(m), (known.get(key(m)) ?? 0) + 1);
  for (const m of s.survived) {
    const left = known.get(key(m)) ?? 0;
    if (check && left > 0) {
      known.set(key(m), left - 1);
      continue;
    }
    if (check) fresh++;
    console.log(
      `${check ? 'NEW SURVIVOR' : 'survived'} ${m.file}:${m.line} ${m.mutator}: ${m.original} → ${m.replacement}`,
    );
  }
}
if (check && fresh > 0) {
  console.error(
    `${fresh} new surviving mutant(s): kill each with a property, config or budget, or disable it with '// Stryker disable next-line <mutator>: <why it is equivalent>'`,
  );
  process.exit(1);
}
