/**
 * What `npm run mutate` mutates: the kernel and each model's folder, one Stryker run and one
 * results file apiece, so a run can be done (and committed) a part at a time.
 */

export const TARGETS = ['kernel', 'sip-ha', 'bc', 'recording', 'backend'] as const;
export type TargetName = (typeof TARGETS)[number];

export function isTarget(name: string): name is TargetName {
  return (TARGETS as readonly string[]).includes(name);
}

/** The results file of a target, kept in the repository: Stryker's incremental file. */
export function resultsFile(target: TargetName): string {
  return `mutation/results/${target}.json`;
}

/**
 * The files a target mutates: the folder's sources except config.ts. A config file holds the
 * named configs, which are the check's inputs rather than model behaviour (a changed value is
 * another valid config, for which every property must hold as well), and the validation of
 * untrusted configs, which no model step runs (it is unit-tested in test/cli and test/backend).
 */
export function mutateGlobs(target: TargetName): string[] {
  return [`model/${target}/**/*.ts`, `!model/${target}/config.ts`];
}

/**
 * The models whose checks judge a target's mutants: a model's folder by its own properties, the
 * kernel, which every model uses, by all four.
 */
export function checksOf(target: TargetName): readonly string[] {
  return target === 'kernel' ? ['sip-ha', 'bc', 'recording', 'backend'] : [target];
}

/**
 * Whether a target mutates a file now: Stryker's incremental file keeps the results of files an
 * earlier run mutated and this one no longer does, and those are not counted.
 */
export function isMutated(target: TargetName, file: string): boolean {
  return file.startsWith(`model/${target}/`) && file !== `model/${target}/config.ts`;
}
