import pg from 'pg'

export const DEFAULT_PG_URL = 'postgres://postgres:postgres@127.0.0.1:5432/postgres'

/** Fails the PostgreSQL project at once, with the fix, when no server answers. */
export default async function setup(): Promise<void> {
  const url = process.env.JAGA_TEST_PG_URL ?? DEFAULT_PG_URL
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('select 1')
  } catch (e) {
    throw new Error(
      `PostgreSQL is not reachable at ${url.replace(/:[^:@/]+@/, ':***@')} (${(e as Error).message}).\n` +
        'Start it (bash .ci/run does: pg_ctlcluster 15 main start, and sets the postgres password) or set JAGA_TEST_PG_URL. ' +
        'To run only the SQLite tests: npm run test:sqlite',
    )
  } finally {
    await client.end().catch(() => {})
  }
}
