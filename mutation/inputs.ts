/**
 * What judges a mutant besides the model: the properties, the engines and the mutation check.
 * Stryker's incremental diff sees only the mutated files and the test files, so a run records a
 * hash of these beside its results, and a later reader can tell that a score was measured with
 * other properties (it is then stale until `npm run mutate -- <target> --force`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { checksOf, type TargetName } from './targets.ts';

/**
 * The files that judge a target's mutants: its models' properties with every property file they
 * import (the back end's reuse the recording solution's, for one), the engines, the registry
 * and the check.
 */
function judges(target: TargetName, root: string): string[] {
  return [
    ...imported(
      checksOf(target).map((m) => `properties/${m}/index.ts`),
      root,
    ),
    'properties/engine',
    'properties/registry.ts',
    'test/mutation/checks.ts',
    'test/mutation/kill.ts',
    'mutation/targets.ts',
  ];
}

/**
 * The files under properties/ that the entries import, directly or not, the entries included,
 * sorted. Imports are read from the source text (`from './x.ts'`); model/ is left out, since
 * Stryker's own diff sees changes there.
 */
function imported(entries: readonly string[], root: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !file.startsWith('properties/') || !existsSync(join(root, file))) return;
    seen.add(file);
    const text = readFileSync(join(root, file), 'utf8');
    for (const [, spec] of text.matchAll(/from '(\.{1,2}\/[^']+)'/g))
      visit(posix.normalize(posix.join(posix.dirname(file), spec!)));
  };
  for (const entry of entries) visit(entry);
  return [...seen].sort();
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
  for (const file of judges(target, root).flatMap((p) => files(join(root, p)))) {
    // The path as the project names it, whatever the root's spelling ('.', absolute, with '/').
    hash.update(relative(root, file).split(sep).join('/'));
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
