import type { Kysely } from 'kysely'

// Keeping only what is needed (JAGA_RETAIN_ANSWERS_MONTHS, src/evaluation/retention.ts): a submission
// whose session is older than the setting keeps its code, scores and choices (what results read) and
// loses its written and other raw answers; these columns say when and under which setting. One row
// in retention_runs per run: the daily run's id is 'daily-YYYY-MM-DD', so that of several servers on
// one database only the one whose insert succeeds does the day's work.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('submissions').addColumn('answers_removed_at', 'varchar(32)').execute()
  await db.schema.alterTable('submissions').addColumn('answers_kept_months', 'integer').execute()
  await db.schema
    .createTable('retention_runs')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .addColumn('months', 'integer', (c) => c.notNull())
    /** Sessions that started before this local date (YYYY-MM-DD) were in scope. */
    .addColumn('cutoff', 'varchar(10)', (c) => c.notNull())
    .addColumn('submissions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('texts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reviews', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disclosures', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.createIndex('retention_runs_started_at_idx').on('retention_runs').column('started_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('retention_runs').execute()
  await db.schema.alterTable('submissions').dropColumn('answers_kept_months').execute()
  await db.schema.alterTable('submissions').dropColumn('answers_removed_at').execute()
}
