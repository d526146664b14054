/** Every broken variant, for the tests, the CLI (`--variant`, replay of bad traces) and the bench. */
import { backendVariants } from './backend/mutants.ts';
import { bcVariants } from './bc/mutants.ts';
import { recordingVariants } from './recording/mutants.ts';
import { sipHaVariants } from './sip-ha/mutants.ts';
import type { Variant } from './variant.ts';

export const variants: readonly Variant[] = [
  ...sipHaVariants,
  ...bcVariants,
  ...recordingVariants,
  ...backendVariants,
];

export function findVariant(model: string, id: string): Variant | undefined {
  return variants.find((v) => v.model === model && v.id === id);
}
