import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // No test that does bounded work may trip a wall-clock limit on a slow or busy machine.
    testTimeout: 600_000,
    pool: 'forks',
    // Both cores: test files are independent; vitest's default leaves one core idle here.
    maxWorkers: 2,
  },
});
