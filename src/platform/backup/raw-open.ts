// Opens the driver for a backup or restore target; its own file so raw-database.ts (the shared
// interface) is not imported back by the two drivers that implement it.
import type { RawDatabase } from './raw-database.ts'

/** `mustExist`: a backup of a SQLite file that is not there fails instead of creating an empty one. */
export async function openRawDatabase(target: { databaseUrl?: string | undefined; sqliteFile?: string }, mustExist = false): Promise<RawDatabase> {
  if (target.databaseUrl) {
    const { openPostgres } = await import('./raw-postgres.ts')
    return openPostgres(target.databaseUrl)
  }
  const { openSqlite } = await import('./raw-sqlite.ts')
  return openSqlite(target.sqliteFile!, mustExist)
}
