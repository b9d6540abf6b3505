import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from 'kysely'

export type Dialect = 'sqlite' | 'postgres'

export interface Store<DB> {
  db: Kysely<DB>
  dialect: Dialect
  /** Where the data lives, for humans (a file path or a URL without its password). */
  location: string
}

// PostgreSQL returns bigint (type 20, e.g. count(*)) and numeric as strings; every count Jaga
// takes fits in a double, so parse them once here instead of at every call site.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10))
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v))

export interface StoreOptions {
  databaseUrl?: string | undefined
  /** A SQLite file path, or ':memory:'. */
  sqliteFile?: string
}

export function openStore<DB>(options: StoreOptions): Store<DB> {
  const plugins = [new CamelCasePlugin()]
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 })
    return {
      db: new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins }),
      dialect: 'postgres',
      location: redactUrl(options.databaseUrl),
    }
  }
  const file = options.sqliteFile ?? ':memory:'
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new SQLite(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  return {
    db: new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), plugins }),
    dialect: 'sqlite',
    location: file,
  }
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return 'postgres://(unparseable URL)'
  }
}
