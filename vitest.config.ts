import { defineConfig } from 'vitest/config';

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
    projects: [
      {
        extends: true,
        test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: ['test/**/*.deep.test.ts'] },
      },
      { extends: true, test: { name: 'deep', include: ['test/**/*.deep.test.ts'] } },
    ],
  },
});
