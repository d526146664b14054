import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Test files known to take the longest, started first so that the two forks finish together.
 * Without a cache of earlier durations (a clean clone, as in CI) vitest starts larger files
 * first, and these are small files that run long searches: started last, one of them would run
 * alone on one core at the end of the tier.
 */
const LONGEST_FIRST = [
  'test/engine/shard-bc.deep.test.ts',
  'test/deployment/examples.deep.test.ts',
  'test/engine/shard-sip-ha.deep.test.ts',
  'test/engine/shard-backend.deep.test.ts',
  'test/engine/shard-recording.deep.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((path) => f.moduleId.endsWith(path));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    // Array.prototype.sort is stable: the others keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

// Two tiers: `npm test` runs the fast one (under 2 minutes on 2 cores); `npm run test:deep` the
// complete searches and long runs (*.deep.test.ts). .ci/run runs both.
export default defineConfig({
  test: {
    // No test that does bounded work may trip a wall-clock limit on a slow or busy machine.
    testTimeout: 600_000,
    pool: 'forks',
    // Both cores: test files are independent; vitest's default leaves one core idle here.
    maxWorkers: 2,
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/global-setup.ts', 'test/build-setup.ts'],
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: ['test/**/*.deep.test.ts'] },
      },
      { extends: true, test: { name: 'deep', include: ['test/**/*.deep.test.ts'] } },
    ],
  },
});
