import { type Kysely, sql } from 'kysely'

// Answers held after a flood to one link, per session, for the start page's review queue
// (src/evaluation/review-queue-queries.ts). Without it, counting them read every answer of a month's
// sessions to find none (~0.26 s of the start page with 196,000 answers, bench/national.ts). Partial:
// only held answers are in it, so it costs nothing while none are held. SQLite and PostgreSQL alike.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index submissions_held_idx on submissions (session_id) where excluded_reason = 'held'`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index submissions_held_idx`.execute(db)
}
