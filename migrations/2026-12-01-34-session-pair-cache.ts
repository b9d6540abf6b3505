import { type Kysely, sql, SqliteAdapter } from 'kysely'

// Each session's before/after pairs, kept so a programme's pages need not read and pair every answer
// on every request (src/evaluation/pair-cache.ts). Derived data: left out of `jaga backup`.
// - session_pair_cache: the pairs as JSON, the pairing rules' version (algo) they were made with, and a
//   generation that a reader checks before replacing the row (a slower reader must not overwrite
//   newer pairs with older ones).
// - pair_changes: one row each time something a session's pairs depend on changes (its answers, its
//   confirmed or rejected pairs), written by triggers in the writer's own transaction, so no code path
//   can forget it. A reader deletes exactly the rows it read before pairing. No foreign key: append-only.

const WATCHED = ['submissions', 'confirmed_pairs', 'rejected_pairs']

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  await db.schema
    .createTable('session_pair_cache')
    .addColumn('session_id', 'varchar(36)', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
    .addColumn('algo', 'integer', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pairs', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('pair_changes')
    .addColumn('id', 'integer', (c) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()))
    .addColumn('session_id', 'varchar(36)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('pair_changes_session_idx').on('pair_changes').column('session_id').execute()

  if (sqlite) {
    // SQLite has row triggers only: one change row per row written.
    for (const table of WATCHED) {
      const t = sql.raw(table)
      await sql`create trigger ${sql.raw(`${table}_pair_change_insert`)} after insert on ${t}
        begin insert into pair_changes (session_id) values (new.session_id); end`.execute(db)
      await sql`create trigger ${sql.raw(`${table}_pair_change_delete`)} after delete on ${t}
        begin insert into pair_changes (session_id) values (old.session_id); end`.execute(db)
      await sql`create trigger ${sql.raw(`${table}_pair_change_update`)} after update on ${t}
        begin
          insert into pair_changes (session_id) values (new.session_id);
          insert into pair_changes (session_id) select old.session_id where old.session_id <> new.session_id;
        end`.execute(db)
    }
    return
  }
  // PostgreSQL: statement triggers with transition tables, so importing 10,000 answers of one session
  // writes one change row, not 10,000. (A transition table allows one event per trigger: three each.)
  await sql`create or replace function jaga_pair_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into pair_changes (session_id) select distinct session_id from new_rows;
      elsif tg_op = 'DELETE' then
        insert into pair_changes (session_id) select distinct session_id from old_rows;
      else
        insert into pair_changes (session_id) select session_id from new_rows union select session_id from old_rows;
      end if;
      return null;
    end $$`.execute(db)
  for (const table of WATCHED) {
    const t = sql.raw(table)
    await sql`create trigger ${sql.raw(`${table}_pair_change_insert`)} after insert on ${t}
      referencing new table as new_rows for each statement execute function jaga_pair_change()`.execute(db)
    await sql`create trigger ${sql.raw(`${table}_pair_change_delete`)} after delete on ${t}
      referencing old table as old_rows for each statement execute function jaga_pair_change()`.execute(db)
    await sql`create trigger ${sql.raw(`${table}_pair_change_update`)} after update on ${t}
      referencing old table as old_rows new table as new_rows for each statement execute function jaga_pair_change()`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  for (const table of WATCHED) {
    for (const event of ['insert', 'delete', 'update']) {
      const name = sql.raw(`${table}_pair_change_${event}`)
      await (sqlite ? sql`drop trigger if exists ${name}` : sql`drop trigger if exists ${name} on ${sql.raw(table)}`).execute(db)
    }
  }
  if (!sqlite) await sql`drop function if exists jaga_pair_change()`.execute(db)
  await db.schema.dropTable('pair_changes').execute()
  await db.schema.dropTable('session_pair_cache').execute()
}
