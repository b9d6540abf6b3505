import { sql, type Kysely } from 'kysely'

// Everyone who wrote or changed a questionnaire version's text, so that none of them checks it
// (questionnaire-review.ts): created_by only names the last editor of a version changed in place.
// User ids separated and ended by a space ("a b "); text, as the list has no fixed bound. Filled from
// created_by and from the audit log's questionnaire.create (version 1) and questionnaire.change entries.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('questionnaire_versions').addColumn('editors', 'text').execute()
  await sql`update questionnaire_versions set editors = created_by || ' ' where created_by is not null`.execute(db)
  // Raw SQL with one-word names: the migrator's connection may or may not map snake_case to camelCase.
  const entries = await sql<{ actor: string; action: string; subject: string | null; summary: string }>`select actor_id as actor, action, subject_id as subject, summary from audit_entries
    where action in ('questionnaire.create', 'questionnaire.change') and actor_id is not null order by at`.execute(db)
  for (const e of entries.rows) {
    let version: unknown = 1
    if (e.action === 'questionnaire.change') {
      try {
        version = (JSON.parse(e.summary.slice(0, 10_000)) as { version?: unknown }).version
      } catch {
        continue
      }
    }
    if (!e.subject || typeof version !== 'number') continue
    const found = await sql<{ vid: string; editors: string | null }>`select id as vid, editors from questionnaire_versions where questionnaire_id = ${e.subject} and version = ${version}`.execute(db)
    const row = found.rows[0]
    const editors = row?.editors ?? ''
    if (!row || editors.split(' ').includes(e.actor)) continue
    await sql`update questionnaire_versions set editors = ${`${editors}${e.actor} `} where id = ${row.vid}`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('questionnaire_versions').dropColumn('editors').execute()
}
