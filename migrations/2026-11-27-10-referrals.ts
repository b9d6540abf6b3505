import type { Kysely } from 'kysely'

// Referrals after a disclosure of harm: the minimum to follow up, never a name, contact or image.
// Only roles with referral.* permissions read them, and every read is written to the audit log.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('referrals')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('programme_id', 'varchar(36)', (c) => c.references('programmes.id'))
    .addColumn('occurred_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('area_id', 'varchar(36)', (c) => c.notNull().references('areas.id'))
    .addColumn('age_band', 'varchar(10)', (c) => c.notNull())
    .addColumn('concern', 'varchar(30)', (c) => c.notNull())
    .addColumn('partner_id', 'varchar(36)', (c) => c.notNull().references('partners.id'))
    .addColumn('consent', 'varchar(30)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('next_follow_up', 'varchar(10)')
    .addColumn('note', 'varchar(280)')
    .addColumn('recorded_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('referrals_status_idx').on('referrals').columns(['status', 'next_follow_up']).execute()
  await db.schema
    .createTable('referral_updates')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('referral_id', 'varchar(36)', (c) => c.notNull().references('referrals.id').onDelete('cascade'))
    .addColumn('on_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('note', 'varchar(280)')
    .addColumn('by_user', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('referral_updates').execute()
  await db.schema.dropTable('referrals').execute()
}
