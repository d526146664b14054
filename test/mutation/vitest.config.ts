/**
 * The tests StrykerJS runs against each mutant (kill.ts); `npm test` does not run them.
 * MUTATION_MODELS (comma-separated model ids, set by mutation/run.ts) picks the models whose
 * checks a run uses; all four when unset.
 */
import { defineConfig } from 'vitest/config';

const models = process.env.MUTATION_MODELS?.split(',').filter((m) => m !== '');

export default defineConfig({
  test: {
    include:
      models === undefined || models.length === 0
        ? ['test/mutation/*.mutation.ts']
        : models.map((m) => `test/mutation/${m}.mutation.ts`),
    testTimeout: 600_000,
  },
});
