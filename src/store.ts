import path from 'node:path'
import type { Config } from './config.ts'
import type { Database } from './database.ts'
import { openStore, type Store } from './platform/db/connect.ts'
import { migrateToLatest } from './platform/db/migrate.ts'

export const SQLITE_FILE = 'jaga.sqlite'

/** Opens the configured database (SQLite under JAGA_DATA_DIR, or PostgreSQL from DATABASE_URL) and migrates it. */
export async function openMigratedStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Store<Database> & { applied: string[] }> {
  const store = openStore<Database>({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, SQLITE_FILE) })
  try {
    const applied = await migrateToLatest(store.db)
    return { ...store, applied }
  } catch (e) {
    await store.db.destroy()
    throw e
  }
}
