import { type Kysely, sql, SqliteAdapter } from 'kysely'

// A referral can go to a channel of the library's help directory (SAPA 129, Polri 110, …: channel_id,
// the directory's id) or to a partner institution (partner_id): exactly one of the two. Nothing else
// about the person is added; the minimum-record rule stays.
//
// SQLite cannot drop a NOT NULL: the table is rebuilt (its documented 12 steps). Foreign keys are off
// during it, or dropping the old table would cascade and delete every referral's history.

const COLUMNS = ['id', 'programme_id', 'occurred_on', 'area_id', 'age_band', 'concern', 'partner_id', 'consent', 'status', 'next_follow_up', 'note', 'recorded_by', 'created_at', 'updated_at']

async function rebuildSqlite(db: Kysely<any>, withChannels: boolean): Promise<void> {
  await sql`PRAGMA foreign_keys = OFF`.execute(db)
  try {
    await db.transaction().execute(async (trx) => {
      let table = trx.schema
        .createTable('referrals_new')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('programme_id', 'varchar(36)', (c) => c.references('programmes.id'))
        .addColumn('occurred_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('area_id', 'varchar(36)', (c) => c.notNull().references('areas.id'))
        .addColumn('age_band', 'varchar(10)', (c) => c.notNull())
        .addColumn('concern', 'varchar(30)', (c) => c.notNull())
        .addColumn('partner_id', 'varchar(36)', (c) => (withChannels ? c.references('partners.id') : c.notNull().references('partners.id')))
      if (withChannels) table = table.addColumn('channel_id', 'varchar(60)')
      table = table
        .addColumn('consent', 'varchar(30)', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('next_follow_up', 'varchar(10)')
        .addColumn('note', 'varchar(280)')
        .addColumn('recorded_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      if (withChannels) table = table.addCheckConstraint('referrals_one_service', sql`(partner_id is null) <> (channel_id is null)`)
      await table.execute()
      const cols = sql.join(COLUMNS.map((c) => sql.ref(c)))
      // Going back, a referral to a help channel has no partner to keep it: it goes with its history.
      if (!withChannels) await sql`delete from referrals where partner_id is null`.execute(trx)
      await sql`insert into referrals_new (${cols}) select ${cols} from referrals`.execute(trx)
      await trx.schema.dropTable('referrals').execute()
      await sql`alter table referrals_new rename to referrals`.execute(trx)
      await trx.schema.createIndex('referrals_status_idx').on('referrals').columns(['status', 'next_follow_up']).execute()
      const broken = await sql`PRAGMA foreign_key_check`.execute(trx)
      if (broken.rows.length) throw new Error(`referrals rebuild left ${broken.rows.length} broken references`)
    })
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db)
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return rebuildSqlite(db, true)
  await db.schema.alterTable('referrals').alterColumn('partner_id', (c) => c.dropNotNull()).execute()
  await db.schema.alterTable('referrals').addColumn('channel_id', 'varchar(60)').execute()
  await db.schema.alterTable('referrals').addCheckConstraint('referrals_one_service', sql`(partner_id is null) <> (channel_id is null)`).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return rebuildSqlite(db, false)
  await db.deleteFrom('referrals').where('partner_id', 'is', null).execute()
  await db.schema.alterTable('referrals').dropConstraint('referrals_one_service').execute()
  await db.schema.alterTable('referrals').dropColumn('channel_id').execute()
  await db.schema.alterTable('referrals').alterColumn('partner_id', (c) => c.setNotNull()).execute()
}
