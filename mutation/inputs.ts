/**
 * What judges a mutant besides the model: the properties, the engines and the mutation check.
 * Stryker's incremental diff sees only the mutated files and the test files, so a run records a
 * hash of these beside its results, and a later reader can tell that a score was measured with
 * other properties (it is then stale until `npm run mutate -- <target> --force`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checksOf, type TargetName } from './targets.ts';

/** The files that judge a target's mutants: its models' properties, the engines, the check. */
function judges(target: TargetName): string[] {
  return [
    ...checksOf(target).map((m) => `properties/${m}`),
    'properties/engine',
    'properties/registry.ts',
    'test/mutation/checks.ts',
    'test/mutation/kill.ts',
    'mutation/targets.ts',
  ];
}

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

/** A hash of every file that judges a target's mutants, by path and content. */
export function judgesHash(target: TargetName, root = '.'): string {
  const hash = createHash('sha256');
  for (const file of judges(target).flatMap((p) => files(join(root, p)))) {
    hash.update(file.slice(root.length));
    hash.update('\u0000');
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

const judgesFile = (target: TargetName) => `mutation/results/${target}.judges`;

/** Records the judges a run measured with: the hash taken when the run started, by default now. */
export function recordJudges(
  target: TargetName,
  root = '.',
  hash = judgesHash(target, root),
): void {
  writeFileSync(join(root, judgesFile(target)), `${hash}\n`);
}

/** Whether a target's results were measured with the properties and check there are now. */
export function isCurrent(target: TargetName, root = '.'): boolean {
  const file = join(root, judgesFile(target));
  return existsSync(file) && readFileSync(file, 'utf8').trim() === judgesHash(target, root);
}
