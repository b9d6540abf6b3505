import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import type PgModule from 'pg'
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import { StorableTextPlugin } from './storable-text.ts'
import { WAL_LIMIT_BYTES } from './checkpointer.ts'

export type Dialect = 'sqlite' | 'postgres'

export interface Store<DB> {
  db: Kysely<DB>
  dialect: Dialect
  /** Where the data lives, for humans (a file path or a URL without its password). */
  location: string
}

// Required when a PostgreSQL store is opened, not at start: on SQLite, pg would only cost memory (~10 MB, issue 17).
let pgLoaded: typeof PgModule | undefined
function loadPg(): typeof PgModule {
  if (pgLoaded) return pgLoaded
  const pg = createRequire(import.meta.url)('pg') as typeof PgModule
  // PostgreSQL returns bigint (type 20, e.g. count(*)) and numeric as strings; every count Jaga
  // takes fits in a double, so parse them once here instead of at every call site.
  pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10))
  pg.types.setTypeParser(1700, (v) => Number.parseFloat(v))
  return (pgLoaded = pg)
}

/** Connection figures for /metrics, read when scraped. */
export interface PoolFigures {
  /** Connections open (PostgreSQL) or the one SQLite connection. */
  total: number
  /** Open and not lending a query right now; undefined for SQLite. */
  idle?: number
  /** Queries waiting for a free connection; undefined for SQLite. */
  waiting?: number
  max: number
}

// Kept beside each Kysely made here, so /metrics can read the pool of the database the app was given
// without the pool travelling through every layer. A WeakMap: a destroyed store leaves nothing behind.
const pools = new WeakMap<object, () => PoolFigures>()

/** The pool figures of a database opened by openStore (undefined for one made elsewhere). */
export function poolFigures(db: object): (() => PoolFigures) | undefined {
  return pools.get(db)
}

export interface StoreOptions {
  databaseUrl?: string | undefined
  /** A SQLite file path, or ':memory:'. */
  sqliteFile?: string
}

export function openStore<DB>(options: StoreOptions): Store<DB> {
  const plugins = [new CamelCasePlugin(), new StorableTextPlugin()]
  if (options.databaseUrl) {
    const pool = new (loadPg().Pool)({ connectionString: options.databaseUrl, max: 10 })
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins })
    pools.set(db, () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: 10 }))
    return {
      db,
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
  // When the log starts over, its file is cut back to this size rather than kept at its largest (checkpointer.ts).
  sqlite.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`)
  cacheStatements(sqlite)
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), plugins })
  // One connection, used by one query at a time (Kysely's SQLite driver queues the rest in process):
  // there is no pool to report beyond it; time spent in that queue shows in the query-time histogram.
  pools.set(db, () => ({ total: 1, max: 1 }))
  return {
    db,
    dialect: 'sqlite',
    location: file,
  }
}

/**
 * Kysely's SQLite driver prepares every query anew; a better-sqlite3 statement can be run again and
 * again, and preparing was a tenth of the server's time when phones sent answers (bench/ingest.ts).
 * Statements are kept by their SQL text, the oldest dropped past `size`; SQLite re-prepares one by
 * itself if a migration changes the schema under it.
 */
export function cacheStatements(sqlite: SQLite.Database, size = 500): void {
  const prepare = sqlite.prepare.bind(sqlite)
  const cache = new Map<string, SQLite.Statement>()
  sqlite.prepare = ((sql: string) => {
    let statement = cache.get(sql)
    if (statement === undefined) {
      statement = prepare(sql)
      if (cache.size >= size) cache.delete(cache.keys().next().value!)
      cache.set(sql, statement)
    }
    return statement
  }) as typeof sqlite.prepare
}

/** A database URL fit for logs and messages: the password replaced by ***. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return 'postgres://(unparseable URL)'
  }
}
