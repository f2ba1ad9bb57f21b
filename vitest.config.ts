import { configDefaults, defineConfig } from 'vitest/config';

// Two tiers. `unit` needs nothing but the repository: no database, no globalSetup, and no NEO4J_*
// variables (npm run test:unit). `integration` is the *.int.test.ts files against a real Neo4j, which
// its globalSetup starts (or reuses) unless NEO4J_URI is set; see test/support/global-setup.ts
// (npm run test:int). `npm test` runs both; the summary reporter's closing line counts both.
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/**/*.int.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.int.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
