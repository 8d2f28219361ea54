import { configDefaults, defineConfig } from 'vitest/config';

// One runner, three projects (see docs/decisions/0002-test-setup.md). Groups run in order
// unit → integration → e2e so the slow browser journeys never compete with the database tests
// for the two CI cores.
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.unit.test.ts', 'sdk/**/*.unit.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'sdk/**/*.test.ts', 'examples/**/*.test.ts'],
          exclude: [...configDefaults.exclude, '**/*.unit.test.ts', '**/*.e2e.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
