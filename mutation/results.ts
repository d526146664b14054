/**
 * Reads the results StrykerJS keeps in mutation/results/ (its incremental files, in the
 * mutation-testing-report schema) and turns them into scores. A mutant counts as killed only when
 * the check that failed named a property (test/mutation/kill.ts, "KILLED ..."); one that made the
 * model throw ("CRASH ...") or timed out is counted apart, in neither side of the score.
 * Score = killed / (killed + survived), where survived includes mutants no check covered;
 * mutants disabled with a reason (equivalents) and those the type checker rejected are left out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isCurrent } from './inputs.ts';
import { isMutated, resultsFile, TARGETS, type TargetName } from './targets.ts';

interface ReportMutant {
  readonly id: string;
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly location: {
    readonly start: { readonly line: number; readonly column: number };
    readonly end: { readonly line: number; readonly column: number };
  };
  readonly status: string;
  readonly statusReason?: string;
}

interface Report {
  readonly files: Readonly<
    Record<string, { readonly source: string; readonly mutants: readonly ReportMutant[] }>
  >;
}

export interface Mutant {
  readonly file: string;
  readonly line: number;
  readonly mutator: string;
  /** The code the mutation replaced, and what it put there. */
  readonly original: string;
  readonly replacement: string;
  /** For an equivalent, the reason its disable comment gives; for a crash, the error. */
  readonly reason?: string;
}

export interface TargetScore {
  readonly target: TargetName;
  readonly mutants: number;
  readonly killed: number;
  readonly survived: readonly Mutant[];
  readonly equivalent: readonly Mutant[];
  readonly crashed: readonly Mutant[];
  readonly timedOut: number;
  readonly compileErrors: number;
  /** Mutants of a mutator that the options of the run that tested them excluded. */
  readonly excluded: number;
  /** killed / (killed + survived), or undefined when nothing was scored. */
  readonly score: number | undefined;
  /**
   * False when the properties or the mutation check changed since the run (mutation/inputs.ts):
   * the score is then that of the earlier judges.
   */
  readonly current: boolean;
  /** Per property id: the mutants whose killing check named it. */
  readonly kills: Readonly<Record<string, number>>;
  /** The mutants killed by coverage (an event type that took effect on no step). */
  readonly coverageKills: number;
}

/** The text of a report location (lines and columns 1-based). */
function sourceAt(source: string, m: ReportMutant): string {
  const lines = source.split('\n');
  const { start, end } = m.location;
  if (start.line === end.line)
    return lines[start.line - 1]?.slice(start.column - 1, end.column - 1) ?? '';
  const first = lines[start.line - 1]?.slice(start.column - 1) ?? '';
  return `${first} …`;
}

const KILLED = /^KILLED [^:]+: (.*)$/s;

/** The property ids a killing check named, from its failure message. */
export function namedProperties(statusReason: string | undefined): string[] | undefined {
  const line = statusReason?.split('\n').find((l) => KILLED.test(l.replace(/^Error: /, '')));
  const match = line?.replace(/^Error: /, '').match(KILLED);
  if (match === undefined || match === null) return undefined;
  return match[1]!.split(', ').map((p) => p.replace(/ \(.*\)$/, ''));
}

export function scoreReport(target: TargetName, report: Report): TargetScore {
  let killed = 0;
  let timedOut = 0;
  let compileErrors = 0;
  let excluded = 0;
  let mutants = 0;
  const survived: Mutant[] = [];
  const equivalent: Mutant[] = [];
  const crashed: Mutant[] = [];
  const kills: Record<string, number> = {};
  let coverageKills = 0;
  for (const [file, { source, mutants: list }] of Object.entries(report.files)) {
    if (!isMutated(target, file)) continue;
    for (const m of list) {
      mutants++;
      const mutant: Mutant = {
        file,
        line: m.location.start.line,
        mutator: m.mutatorName,
        original: sourceAt(source, m),
        replacement: m.replacement ?? '',
        ...(m.statusReason === undefined ? {} : { reason: m.statusReason.split('\n')[0]! }),
      };
      switch (m.status) {
        case 'Killed': {
          const named = namedProperties(m.statusReason);
          if (named === undefined) crashed.push(mutant);
          else {
            killed++;
            for (const p of new Set(named)) kills[p] = (kills[p] ?? 0) + 1;
            if (named.some((p) => p.startsWith('coverage:'))) coverageKills++;
          }
          break;
        }
        case 'Survived':
        case 'NoCoverage':
          survived.push(mutant);
          break;
        case 'Ignored':
          if (m.statusReason?.startsWith('Ignored because of excluded mutation')) excluded++;
          else equivalent.push(mutant);
          break;
        case 'Timeout':
          timedOut++;
          break;
        case 'RuntimeError':
          crashed.push(mutant);
          break;
        default:
          compileErrors++;
      }
    }
  }
  const scored = killed + survived.length;
  return {
    target,
    mutants,
    killed,
    survived,
    equivalent,
    crashed,
    timedOut,
    compileErrors,
    excluded,
    score: scored === 0 ? undefined : killed / scored,
    kills,
    coverageKills,
    current: true,
  };
}

/** The scores of every target whose results are in the repository. */
export function readScores(root = '.'): TargetScore[] {
  const scores: TargetScore[] = [];
  for (const target of TARGETS) {
    const file = `${root}/${resultsFile(target)}`;
    if (!existsSync(file)) continue;
    scores.push({
      ...scoreReport(target, JSON.parse(readFileSync(file, 'utf8')) as Report),
      current: isCurrent(target, root),
    });
  }
  return scores;
}

/** killed / (killed + survived) over several targets. */
export function overallScore(scores: readonly TargetScore[]): number | undefined {
  const killed = scores.reduce((n, s) => n + s.killed, 0);
  const scored = killed + scores.reduce((n, s) => n + s.survived.length, 0);
  return scored === 0 ? undefined : killed / scored;
}

export const percent = (score: number | undefined): string =>
  score === undefined ? 'n/a' : `${(Math.floor(score * 1000) / 10).toFixed(1)} %`;
