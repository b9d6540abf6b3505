import SQLite from 'better-sqlite3'
import { NOT_BACKED_UP, quote, type RawDatabase, type TableInfo, type Value } from './raw-database.ts'

// In WAL mode a read transaction sees the database as it was at its first read, while the server's
// connection keeps writing; so a backup is one BEGIN, every table read in it, then COMMIT. (Copying
// the file instead loses what still sits in the -wal file: issue 16 measured 25 of 1,525 answers.)
export function openSqlite(file: string, mustExist = false): RawDatabase {
  const db = new SQLite(file, { fileMustExist: mustExist })
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  if (file !== ':memory:') db.pragma('journal_mode = WAL')

  const listTables = async (): Promise<TableInfo[]> => {
    const names = db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).pluck().all() as string[]
    return names
      .filter((n) => !NOT_BACKED_UP.has(n))
      .map((name) => {
        const cols = db.prepare(`pragma table_info(${quote(name)})`).all() as { name: string; pk: number }[]
        const fks = db.prepare(`pragma foreign_key_list(${quote(name)})`).all() as { table: string }[]
        return {
          name,
          columns: cols.map((c) => c.name),
          primaryKey: cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
          references: [...new Set(fks.map((f) => f.table))],
        }
      })
  }

  return {
    dialect: 'sqlite',
    location: file,
    listTables,
    isEmpty: async () => (db.prepare(`select count(*) from sqlite_master where type = 'table' and name not like 'sqlite_%'`).pluck().get() as number) === 0,
    beginSnapshot: async () => {
      db.exec('begin')
      // The snapshot is taken at the first read, so read at once.
      db.prepare('select count(*) from sqlite_master').get()
    },
    endSnapshot: async () => {
      if (db.inTransaction) db.exec('commit')
    },
    lastMigration: async () => {
      const has = db.prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`).get()
      if (!has) return undefined
      return (db.prepare('select name from kysely_migration order by name desc limit 1').pluck().get() as string | undefined) ?? undefined
    },
    count: async (table) => db.prepare(`select count(*) from ${quote(table)}`).pluck().get() as number,
    async *rows(table, batch) {
      const order = table.primaryKey.length ? table.primaryKey.map(quote).join(', ') : 'rowid'
      const statement = db.prepare(`select ${table.columns.map(quote).join(', ')} from ${quote(table.name)} order by ${order}`).raw(true)
      let rows: Value[][] = []
      // The iterator keeps its place across awaits; the connection does nothing else meanwhile.
      for (const row of statement.iterate() as IterableIterator<Value[]>) {
        rows.push(row)
        if (rows.length >= batch) {
          yield rows
          rows = []
        }
      }
      if (rows.length) yield rows
    },
    begin: async () => {
      db.exec('begin immediate')
      // Rows arrive table by table in dependency order, but a table that names itself may list a
      // row before the one it points at: check the foreign keys once, at commit.
      db.pragma('defer_foreign_keys = ON')
    },
    commit: async () => {
      db.exec('commit')
    },
    rollback: async () => {
      if (db.inTransaction) db.exec('rollback')
    },
    deleteAll: async (table) => {
      db.prepare(`delete from ${quote(table)}`).run()
    },
    insert: async (table, columns, rows) => {
      const statement = db.prepare(`insert into ${quote(table)} (${columns.map(quote).join(', ')}) values (${columns.map(() => '?').join(', ')})`)
      for (const row of rows) statement.run(row.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)))
    },
    resetSequences: async () => {},
    dropEverything: async () => {
      const names = db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`).pluck().all() as string[]
      db.pragma('foreign_keys = OFF')
      for (const n of names) db.exec(`drop table if exists ${quote(n)}`)
      db.pragma('foreign_keys = ON')
    },
    close: async () => {
      db.close()
    },
  }
}
