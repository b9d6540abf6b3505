import { defineConfig } from 'vitest/config'

// The same HTTP and database tests run twice, on SQLite and on PostgreSQL; browser journeys run once.
// Unit files run two at a time (vitest's default on 2 cores is one: CPUs - 1): their time waiting on the
// database and on child processes overlaps. On this 2-core machine the SQLite and PostgreSQL projects took
// ~17 min of wall time with 2 workers, against 22-25 min with 1 in the last two CI runs (2026-12-02).
// Browser journeys stay one at a time: two at once took the same 1,011 s (they are CPU-bound: server +
// Chromium) and timed out twice.
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
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['src/**/*.test.{ts,tsx}'],
          env: { JAGA_TEST_DIALECT: 'postgres' },
          globalSetup: ['test/postgres-setup.ts'],
          testTimeout: 20_000,
          maxWorkers: 2,
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
