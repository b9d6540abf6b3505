import { type Kysely, sql } from 'kysely'

// Past sessions still planned or held, newest first, for the start page's "sessions to report"
// (src/home/home-queries.ts). Without it PostgreSQL read and sorted every session of the country to
// show ten (0.1–0.4 s of the start page, PostgreSQL log with log_min_duration_statement, bench/national.ts).
// Partial: reported and cancelled sessions, most of them, are not in it. The query names the statuses as
// literals so that both databases can tell the index applies. SQLite and PostgreSQL alike.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index sessions_unreported_idx on sessions (starts_at, title) where status in ('planned', 'held')`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index sessions_unreported_idx`.execute(db)
}
