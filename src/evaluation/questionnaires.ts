// Questionnaires and their versions. The shipped ones (content/questionnaires/*.json) are put in
// the database on start; a version that has answers never changes: an edit makes a new version.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { Db } from '../database.ts'
import { CONTENT_DIR } from '../library/content.ts'
import { Problem } from '../platform/http/problems.ts'
import * as q from './evaluation-queries.ts'
import { definitionSchema, itemsOf, scoredItems, shippedQuestionnaireSchema, type Definition, type ShippedQuestionnaire } from './questionnaire-schema.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'

export function readShippedQuestionnaires(contentDir = CONTENT_DIR): ShippedQuestionnaire[] {
  const dir = path.join(contentDir, 'questionnaires')
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = shippedQuestionnaireSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')))
      if (!parsed.success) throw new Error(`content/questionnaires/${file}: ${z.prettifyError(parsed.error)}`)
      return parsed.data
    })
}

/**
 * Adds shipped questionnaires that are missing, and a new version of a shipped one whose text
 * changed in this release, unless someone has edited it in Jaga (origin 'custom'): edits win.
 * A shipped version counts as checked (by the release: checkedAt set, checkedBy null).
 */
export async function installShippedQuestionnaires(db: Db, shipped: readonly ShippedQuestionnaire[]): Promise<void> {
  const now = new Date().toISOString()
  for (const s of shipped) {
    const definition = JSON.stringify(s.definition)
    const row = { kind: s.kind, audience: s.audience, titleId: s.title.id, titleEn: s.title.en, introId: s.intro.id, introEn: s.intro.en, updatedAt: now }
    // Idempotent under a race: two servers starting together both try, and the loser's inserts do nothing.
    await db
      .insertInto('questionnaires')
      .values({ id: crypto.randomUUID(), key: s.key, origin: 'shipped', createdAt: now, ...row })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute()
    const questionnaire = (await q.findQuestionnaireByKey(db, s.key))!
    if (questionnaire.origin === 'custom') continue
    const latest = await q.findLatestVersion(db, questionnaire.id)
    if (latest?.definition === definition) continue
    await db.updateTable('questionnaires').set(row).where('id', '=', questionnaire.id).execute()
    await db
      .insertInto('questionnaireVersions')
      .values({ id: crypto.randomUUID(), questionnaireId: questionnaire.id, version: (latest?.version ?? 0) + 1, definition, createdAt: now, createdBy: null, checkedAt: now })
      .onConflict((oc) => oc.columns(['questionnaireId', 'version']).doNothing())
      .execute()
  }
}

export function parseDefinition(json: string): Definition {
  return definitionSchema.parse(JSON.parse(json))
}

export async function latestVersionOf(db: Db, key: string) {
  const questionnaire = await q.findQuestionnaireByKey(db, key)
  if (!questionnaire) throw new Problem('not-found')
  const version = await q.findLatestVersion(db, questionnaire.id)
  if (!version) throw new Problem('not-found')
  return { questionnaire, version }
}

export interface SavedImport {
  key: string
  version: number
  items: number
}

/** The kind a questionnaire read from a file has: scored items make a knowledge test, Likert items only a scale. */
export function importedKind(definition: Definition): 'knowledge' | 'scale' | 'feedback' {
  return scoredItems(definition).length ? 'knowledge' : itemsOf(definition).every((i) => i.kind === 'likert') ? 'scale' : 'feedback'
}

/**
 * Stores an imported questionnaire: a new one, or a new version of one imported before under the
 * same id. A shipped questionnaire's id is refused (its text comes from releases). A new version keeps
 * the questionnaire's audience and kind (the file has no audience; a changed kind would count earlier
 * answers differently): the preview and the result say so (questionnaire-import.ts kindKeptNote).
 */
export async function saveImportedQuestionnaire(db: Db, actor: Actor, imported: { key: string; title: { id: string; en: string }; intro?: { id: string; en: string }; definition: Definition }): Promise<SavedImport> {
  return db.transaction().execute(async (trx) => {
    const existing = await q.findQuestionnaireByKey(trx, imported.key)
    if (existing?.origin === 'shipped') throw new Problem('conflict', { key: imported.key }, [], 'problem.questionnaire.shippedKey')
    const items = itemsOf(imported.definition)
    const now = new Date().toISOString()
    // The intro comes back from a form Jaga exported (its jaga_kind `intro` note); a form without one (or one too long for the column) keeps the current intro.
    const row = { ...(existing ? {} : { kind: importedKind(imported.definition), audience: 'adults' as const }), titleId: imported.title.id, titleEn: imported.title.en, ...(imported.intro && imported.intro.id.length <= 1000 && imported.intro.en.length <= 1000 ? { introId: imported.intro.id, introEn: imported.intro.en } : {}), updatedAt: now } as const
    const id = existing?.id ?? crypto.randomUUID()
    if (existing) await trx.updateTable('questionnaires').set(row).where('id', '=', id).execute()
    else await trx.insertInto('questionnaires').values({ id, key: imported.key, origin: 'custom', introId: '', introEn: '', createdAt: now, kind: importedKind(imported.definition), audience: 'adults', ...row }).execute()
    const version = ((await q.findLatestVersion(trx, id))?.version ?? 0) + 1
    await trx.insertInto('questionnaireVersions').values({ id: crypto.randomUUID(), questionnaireId: id, version, definition: JSON.stringify(imported.definition), createdAt: now, createdBy: actor.id, editors: actor.id ? `${actor.id} ` : null }).execute()
    await insertAuditEntry(trx, actor, 'questionnaire.import', { type: 'questionnaire', id }, { key: imported.key, version, items: items.length })
    return { key: imported.key, version, items: items.length }
  })
}
