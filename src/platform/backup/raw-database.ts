import type { Dialect } from '../db/connect.ts'

/** A table as the backup sees it: its columns in order, its primary key, and the tables its foreign keys name. */
export interface TableInfo {
  name: string
  columns: string[]
  primaryKey: string[]
  references: string[]
}

export type Value = string | number | boolean | null | Buffer

/**
 * The few things backup and restore need from a database, on the driver itself (better-sqlite3 or pg)
 * rather than Kysely: column names exactly as stored (no camel-casing), rows as arrays, cursors.
 */
export interface RawDatabase {
  dialect: Dialect
  location: string
  /** Every table except Kysely's migration bookkeeping and derived data (NOT_BACKED_UP). */
  listTables(): Promise<TableInfo[]>
  /** Whether the database has no table at all (bookkeeping included). */
  isEmpty(): Promise<boolean>
  /** Starts a read-only transaction that sees one snapshot until endSnapshot(). */
  beginSnapshot(): Promise<void>
  endSnapshot(): Promise<void>
  /** Inside the snapshot: the last applied migration, or undefined when none. */
  lastMigration(): Promise<string | undefined>
  count(table: string): Promise<number>
  /** The rows in primary-key order, in batches, never the whole table at once. */
  rows(table: TableInfo, batch: number): AsyncIterable<Value[][]>
  begin(): Promise<void>
  commit(): Promise<void>
  rollback(): Promise<void>
  deleteAll(table: string): Promise<void>
  insert(table: string, columns: string[], rows: Value[][]): Promise<void>
  /** PostgreSQL: moves every sequence past the highest value restored. */
  resetSequences(): Promise<void>
  /** Drops every table (used only to undo a failed restore into a database that was empty). */
  dropEverything(): Promise<void>
  close(): Promise<void>
}

const BOOKKEEPING = new Set(['kysely_migration', 'kysely_migration_lock'])

/**
 * Left out of backup and restore: Kysely's bookkeeping, and data derived from other tables that a
 * restored database makes again (each session's kept pairs, and the log of changes that marks them
 * stale: restored answers add to that log through its triggers, so a restored row could take an id a
 * trigger already used).
 */
export const NOT_BACKED_UP = new Set([...BOOKKEEPING, 'session_pair_cache', 'pair_changes'])

export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Tables ordered so each comes after those its foreign keys name (self-references ignored); a cycle keeps file order. */
export function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]))
  const done = new Set<string>()
  const visiting = new Set<string>()
  const out: TableInfo[] = []
  const visit = (t: TableInfo) => {
    if (done.has(t.name) || visiting.has(t.name)) return
    visiting.add(t.name)
    for (const ref of t.references) {
      const target = byName.get(ref)
      if (target && ref !== t.name) visit(target)
    }
    visiting.delete(t.name)
    done.add(t.name)
    out.push(t)
  }
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t)
  return out
}
