import type { Kysely } from 'kysely'

// Evaluation: questionnaires and their immutable versions, the per-session links participants
// answer through, the anonymous submissions, and disclosures kept apart from survey data.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('questionnaires')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('key', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('audience', 'varchar(20)', (c) => c.notNull())
    .addColumn('title_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('title_en', 'varchar(200)', (c) => c.notNull())
    .addColumn('intro_id', 'varchar(1000)', (c) => c.notNull())
    .addColumn('intro_en', 'varchar(1000)', (c) => c.notNull())
    /** 'shipped' (from content/questionnaires, updated by upgrades until someone edits it) or 'custom'. */
    .addColumn('origin', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('questionnaire_versions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('questionnaire_id', 'varchar(36)', (c) => c.notNull().references('questionnaires.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id'))
    .addUniqueConstraint('questionnaire_versions_unique', ['questionnaire_id', 'version'])
    .execute()
  await db.schema
    .createTable('collection_links')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    /** The short secret in the participant's URL and QR code. */
    .addColumn('token', 'varchar(20)', (c) => c.notNull().unique())
    // Deleting a session (the demo's removal) takes its links and answers with it.
    .addColumn('session_id', 'varchar(36)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('phase', 'varchar(12)', (c) => c.notNull())
    .addColumn('questionnaire_version_id', 'varchar(36)', (c) => c.notNull().references('questionnaire_versions.id'))
    /** The group answering (parents, teachers, …): the `group` of the analysis. */
    .addColumn('group_kind', 'varchar(20)', (c) => c.notNull())
    /** JSON list of the self-generated code elements asked, the same for pre and post of a session. */
    .addColumn('code_elements', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('closed_at', 'varchar(32)')
    .addUniqueConstraint('collection_links_session_phase_group', ['session_id', 'phase', 'group_kind'])
    .execute()
  await db.schema
    .createTable('submissions')
    /** Made on the participant's phone, so a submission sent twice is stored once. */
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('link_id', 'varchar(36)', (c) => c.notNull().references('collection_links.id').onDelete('cascade'))
    .addColumn('session_id', 'varchar(36)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('phase', 'varchar(12)', (c) => c.notNull())
    .addColumn('questionnaire_version_id', 'varchar(36)', (c) => c.notNull().references('questionnaire_versions.id'))
    .addColumn('group_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('code', 'varchar(60)', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('max_score', 'integer')
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('received_at', 'varchar(32)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('submissions_session_idx').on('submissions').columns(['session_id', 'phase']).execute()
  await db.schema
    .createTable('disclosures')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('session_id', 'varchar(36)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('submission_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('item_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('text', 'varchar(2000)', (c) => c.notNull())
    .addColumn('received_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('handled_at', 'varchar(32)')
    .addColumn('handled_by', 'varchar(36)', (c) => c.references('users.id'))
    .execute()
  await db.schema
    .createTable('disclosure_keywords')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('locale', 'varchar(2)', (c) => c.notNull())
    .addColumn('phrase', 'varchar(80)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('disclosure_keywords_unique', ['locale', 'phrase'])
    .execute()
  // The starting list; coordinators edit it at /disclosures/keywords. Whole words, any case.
  const now = new Date().toISOString()
  const rows = [
    ...['diperkosa', 'perkosa', 'dilecehkan', 'pelecehan', 'dicabuli', 'dipaksa', 'diancam', 'mengancam', 'diperas', 'memeras', 'disentuh', 'diraba', 'meraba', 'telanjang', 'bugil', 'disebar', 'disebarkan', 'kekerasan', 'dipukul', 'disiksa', 'tolong aku', 'tolong saya', 'takut pulang', 'vcs', 'sextortion'].map((phrase) => ({ locale: 'id', phrase })),
    ...['abused', 'abuse', 'raped', 'rape', 'molested', 'touched me', 'threatened', 'threatening me', 'blackmail', 'blackmailed', 'naked', 'nude', 'nudes', 'forced', 'hurt me', 'help me', 'scared to go home', 'sextortion'].map((phrase) => ({ locale: 'en', phrase })),
  ]
  await db.insertInto('disclosure_keywords').values(rows.map((r, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, ...r, created_at: now }))).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['disclosure_keywords', 'disclosures', 'submissions', 'collection_links', 'questionnaire_versions', 'questionnaires']) await db.schema.dropTable(table).execute()
}
