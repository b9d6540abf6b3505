import type { Kysely } from 'kysely'

// Which sessions have answers to a questionnaire version, for the start page's review queue (sessions
// with written answers waiting, src/evaluation/review-queue-queries.ts): without it, PostgreSQL read every
// answer of a month's ~2,000 sessions to check their version, ~0.5 s of every start page nationally
// (20 batches of 20–37 ms, PostgreSQL's log with log_min_duration_statement, bench/national.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('submissions_version_session_idx').on('submissions').columns(['questionnaire_version_id', 'session_id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('submissions_version_session_idx').execute()
}
