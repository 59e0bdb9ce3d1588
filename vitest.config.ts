import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // CI reads the counts from the JSON report (.ci/run).
    reporters: process.env['CI'] ? ['default', 'json'] : ['default'],
    outputFile: process.env['CI'] ? { json: 'test-results.json' } : undefined,
  },
});
