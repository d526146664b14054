/**
 * Every model the suite checks, with its properties and its broken variants: one entry per
 * model. `suites` are the readings of the documents: the catalog, the review and `npm start`
 * read them. `benchmarks` are models that are not (the bench's reference model): checked,
 * tested and timed like the others, but kept out of those three.
 */

import { backendSuite } from './backend/index.ts';
import { backendVariants } from './backend/variants/index.ts';
import { bcSuite } from './bc/index.ts';
import { bcVariants } from './bc/variants/index.ts';
import type { AnySuite } from './engine/property.ts';
import { hotStandbySuite } from './hotstandby/index.ts';
import { hotStandbyVariants } from './hotstandby/variants.ts';
import { recordingSuite } from './recording/index.ts';
import { recordingVariants } from './recording/variants/index.ts';
import { sipHaSuite } from './sip-ha/index.ts';
import { sipHaVariants } from './sip-ha/variants/index.ts';
import type { VariantSpec } from './variant.ts';

/** A model as the registry holds it: its suite and the variants that must break it. */
interface Entry {
  readonly suite: AnySuite;
  readonly variants: readonly VariantSpec[];
}

const documents: readonly Entry[] = [
  { suite: sipHaSuite, variants: sipHaVariants },
  { suite: bcSuite, variants: bcVariants },
  { suite: recordingSuite, variants: recordingVariants },
  { suite: backendSuite, variants: backendVariants },
];

const bench: readonly Entry[] = [{ suite: hotStandbySuite, variants: hotStandbyVariants }];

export const suites: readonly AnySuite[] = documents.map((e) => e.suite);

export const benchmarks: readonly AnySuite[] = bench.map((e) => e.suite);

/** Every model's variants as written, in registry order (properties/variants.ts resolves them). */
export const variantSpecs: readonly VariantSpec[] = [...documents, ...bench].flatMap(
  (e) => e.variants,
);

export function findSuite(id: string): AnySuite | undefined {
  return [...suites, ...benchmarks].find((s) => s.model.id === id);
}
