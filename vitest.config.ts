import { defineConfig } from 'vitest/config'

// The same HTTP and database tests run twice, on SQLite and on PostgreSQL; browser journeys run once.
export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'sqlite',
          include: ['src/**/*.test.{ts,tsx}'],
          env: { JAGA_TEST_DIALECT: 'sqlite' },
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['src/**/*.test.{ts,tsx}'],
          env: { JAGA_TEST_DIALECT: 'postgres' },
          globalSetup: ['test/postgres-setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
