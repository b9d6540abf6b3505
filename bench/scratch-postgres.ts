// A throwaway PostgreSQL database for one bench run: made on the server at `adminUrl`, dropped after.
import pg from 'pg'

/** The new database's URL and how to drop it, or undefined (said on stderr) when PostgreSQL cannot be reached. */
export async function scratchPostgres(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const name = `jaga_bench_${Date.now()}`
  const admin = new pg.Client({ connectionString: adminUrl })
  try {
    await admin.connect()
  } catch (e) {
    console.error(`bench: PostgreSQL not reachable at ${adminUrl} (${(e as Error).message}); skipping it`)
    return undefined
  }
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const drop = async () => {
    const c = new pg.Client({ connectionString: adminUrl })
    await c.connect()
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await c.end()
  }
  return { url: url.toString(), drop }
}

/** The PostgreSQL server benches make their scratch databases on. */
export const BENCH_PG_URL = process.env.JAGA_BENCH_PG_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres'

/**
 * The server environment for one dialect's run and how to clean up after it: SQLite needs nothing (the
 * server makes its own data folder); PostgreSQL a scratch database. Undefined when PostgreSQL cannot be reached.
 */
export async function benchDatabase(dialect: 'sqlite' | 'postgres', adminUrl = BENCH_PG_URL): Promise<{ env: NodeJS.ProcessEnv; drop: () => Promise<void> } | undefined> {
  if (dialect === 'sqlite') return { env: {}, drop: async () => {} }
  const scratch = await scratchPostgres(adminUrl)
  return scratch && { env: { DATABASE_URL: scratch.url }, drop: scratch.drop }
}
