import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // Both cores: test files are independent; vitest's default leaves one core idle here.
    maxWorkers: 2,
  },
});
