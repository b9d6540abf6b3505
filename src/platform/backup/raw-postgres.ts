import pg from 'pg'
import { NOT_BACKED_UP, quote, type RawDatabase, type TableInfo, type Value } from './raw-database.ts'
import { redactUrl } from '../db/connect.ts'

// Dates, times and JSON arrive as the text PostgreSQL stores, so a backup holds them "as stored" and
// SQLite receives the same text; bigint and numeric as numbers (as src/platform/db/connect.ts does).
const AS_TEXT = new Set([1082, 1083, 1114, 1184, 1266, 114, 3802])
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (AS_TEXT.has(oid)) return (v: string) => v
    if (oid === 20) return (v: string) => Number.parseInt(v, 10)
    if (oid === 1700) return (v: string) => Number.parseFloat(v)
    return pg.types.getTypeParser(oid, format)
  }) as typeof pg.types.getTypeParser,
}

/** One connection, so the snapshot, the cursor and the restore transaction are all on it. */
export async function openPostgres(url: string): Promise<RawDatabase> {
  const client = new pg.Client({ connectionString: url, types })
  await client.connect()
  const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> => (await client.query(text, values)).rows as T[]
  let cursors = 0

  const listTables = async (): Promise<TableInfo[]> => {
    const names = (await q<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`)).map((r) => r.name)
    const cols = await q<{ tbl: string; col: string }>(`select table_name as tbl, column_name as col from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position`)
    const keys = await q<{ tbl: string; col: string; pos: number }>(
      `select t.relname as tbl, a.attname as col, array_position(c.conkey, a.attnum) as pos
         from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
         join pg_attribute a on a.attrelid = t.oid and a.attnum = any(c.conkey)
        where c.contype = 'p' and n.nspname = current_schema() order by t.relname, pos`,
    )
    const fks = await q<{ tbl: string; ref: string }>(
      `select t.relname as tbl, r.relname as ref from pg_constraint c join pg_class t on t.oid = c.conrelid
         join pg_class r on r.oid = c.confrelid join pg_namespace n on n.oid = t.relnamespace
        where c.contype = 'f' and n.nspname = current_schema()`,
    )
    return names
      .filter((n) => !NOT_BACKED_UP.has(n))
      .map((name) => ({
        name,
        columns: cols.filter((c) => c.tbl === name).map((c) => c.col),
        primaryKey: keys.filter((k) => k.tbl === name).map((k) => k.col),
        references: [...new Set(fks.filter((f) => f.tbl === name).map((f) => f.ref))],
      }))
  }

  return {
    dialect: 'postgres',
    location: redactUrl(url),
    listTables,
    isEmpty: async () => (await q<{ n: number }>(`select count(*)::int as n from information_schema.tables where table_schema = current_schema()`))[0]!.n === 0,
    beginSnapshot: async () => {
      // One snapshot for every table, while the servers keep writing.
      await client.query('begin isolation level repeatable read read only')
      await client.query('select 1')
    },
    endSnapshot: async () => {
      await client.query('commit')
    },
    lastMigration: async () => {
      const has = await q(`select 1 from information_schema.tables where table_schema = current_schema() and table_name = 'kysely_migration'`)
      if (!has.length) return undefined
      return (await q<{ name: string }>('select name from kysely_migration order by name desc limit 1'))[0]?.name
    },
    count: async (table) => (await q<{ n: number }>(`select count(*)::int as n from ${quote(table)}`))[0]!.n,
    async *rows(table, batch) {
      const name = `jaga_backup_${++cursors}`
      const order = (table.primaryKey.length ? table.primaryKey : table.columns).map(quote).join(', ')
      await client.query(`declare ${name} no scroll cursor for select ${table.columns.map(quote).join(', ')} from ${quote(table.name)} order by ${order}`)
      try {
        for (;;) {
          const result = await client.query({ text: `fetch ${batch} from ${name}`, rowMode: 'array' })
          if (result.rows.length === 0) break
          yield result.rows as Value[][]
        }
      } finally {
        await client.query(`close ${name}`)
      }
    },
    begin: async () => {
      await client.query('begin')
    },
    commit: async () => {
      await client.query('commit')
    },
    rollback: async () => {
      await client.query('rollback').catch(() => {})
    },
    deleteAll: async (table) => {
      await client.query(`delete from ${quote(table)}`)
    },
    insert: async (table, columns, rows) => {
      // At most 65,535 parameters in one statement.
      const per = Math.max(1, Math.min(500, Math.floor(60_000 / columns.length)))
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per)
        const values: Value[] = []
        const tuples = chunk.map((row) => `(${row.map((v) => `$${values.push(v)}`).join(', ')})`)
        await client.query(`insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${tuples.join(', ')}`, values)
      }
    },
    resetSequences: async () => {
      const owned = await q<{ tbl: string; col: string; seq: string }>(
        `select t.relname as tbl, a.attname as col, s.relname as seq from pg_depend d
           join pg_class s on s.oid = d.objid and s.relkind = 'S' join pg_class t on t.oid = d.refobjid
           join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid join pg_namespace n on n.oid = s.relnamespace
          where n.nspname = current_schema()`,
      )
      for (const o of owned) await client.query(`select setval('${quote(o.seq).replace(/'/g, "''")}', coalesce((select max(${quote(o.col)}) from ${quote(o.tbl)}), 0) + 1, false)`)
    },
    dropEverything: async () => {
      const names = (await q<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`)).map((r) => r.name)
      if (names.length) await client.query(`drop table if exists ${names.map(quote).join(', ')} cascade`)
    },
    close: async () => {
      await client.end()
    },
  }
}

