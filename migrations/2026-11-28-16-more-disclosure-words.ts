import type { Kysely } from 'kysely'

// More forms of the starting trigger words: the nouns and active verbs of words already on the list
// (ancaman beside diancam, pemerasan beside diperas). Matching is by whole words, so each form must be
// listed. Words a programme added itself stay as they are; the list stays editable at /disclosures/keywords.
const ADDED = ['ancaman', 'pemerasan', 'memperkosa', 'perkosaan', 'pemerkosaan', 'mencabuli', 'pencabulan', 'melecehkan']

export async function up(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString()
  for (const [i, phrase] of ADDED.entries()) {
    await db
      .insertInto('disclosure_keywords')
      .values({ id: `00000000-0000-4000-8001-${String(i).padStart(12, '0')}`, locale: 'id', phrase, created_at: now })
      .onConflict((oc) => oc.columns(['locale', 'phrase']).doNothing())
      .execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('disclosure_keywords').where('id', 'like', '00000000-0000-4000-8001-%').execute()
}
