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
