// Building a questionnaire in Jaga: one change at a time (add, change, move or delete a question,
// add a section), each checked against the questionnaire rules. A version that has answers is never
// changed: the change makes a new version, and links already handed out keep the old one.
import crypto from 'node:crypto'
import { z } from 'zod'
import type { Db } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import { TOPICS } from '../library/content-schema.ts'
import { Problem, type FieldError } from '../platform/http/problems.ts'
import { definitionOf } from './collection.ts'
import * as q from './evaluation-queries.ts'
import type { FormValues } from '../platform/http/forms.ts'
import { LOGIC_FIELDS, logicFromInput, referencesTo, type ItemPlace } from './item-logic.ts'
import { parseExpression, referencedNames } from './shared/expression.ts'
import { describeCycle, findLogicCycles } from './shared/logic-cycles.ts'
import { definitionSchema, ITEM_KINDS, OTHER, QUESTIONNAIRE_AUDIENCES, QUESTIONNAIRE_KINDS, type Definition, type Item } from './questionnaire-schema.ts'

const text = (max: number) => z.string().trim().min(1, { error: 'validation.required' }).max(max, { error: 'validation.tooLong' })

export const newQuestionnaireInput = z.object({
  key: z.string().trim().toLowerCase().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'builder.badKey' }).max(80),
  kind: z.enum(QUESTIONNAIRE_KINDS, { error: 'validation.choice' }),
  audience: z.enum(QUESTIONNAIRE_AUDIENCES, { error: 'validation.choice' }),
  titleId: text(200),
  titleEn: text(200),
  introId: z.string().trim().max(1000),
  introEn: z.string().trim().max(1000),
})

const logicField = z.string().trim().max(1000).optional()

/** The question form: options one per line as "value | label in Indonesian | label in English". */
export const itemInput = z.object({
  // Names as XLSForm allows and as written (case kept), so an imported question can be edited.
  id: z.string().trim().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, { error: 'builder.badItemId' }),
  kind: z.enum(ITEM_KINDS, { error: 'validation.choice' }),
  labelId: text(500),
  labelEn: text(500),
  options: z.string().default(''),
  answer: z.string().trim().default(''),
  topic: z.union([z.enum(TOPICS), z.literal('')]).default(''),
  required: z.string().optional(),
  ...(Object.fromEntries(LOGIC_FIELDS.map((f) => [f, logicField])) as Record<(typeof LOGIC_FIELDS)[number], typeof logicField>),
})
export type ItemInput = z.output<typeof itemInput>

const OPTION_VALUE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/

/** The options typed one per line; each value that cannot be one is named in the error. */
function optionsFromInput(lines: string, other: boolean): { options: NonNullable<Item['options']>; error?: FieldError } {
  const options = lines
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [value = '', id = '', en = ''] = line.split('|').map((s) => s.trim())
      return { value, label: { id: id || en, en: en || id } }
    })
  const bad = options.find((o) => !OPTION_VALUE.test(o.value))
  if (bad) return { options, error: { field: 'options', message: 'builder.badOptionValue', params: { value: bad.value || '""' } } }
  const twice = options.find((o, i) => options.findIndex((x) => x.value === o.value) !== i)
  if (twice) return { options, error: { field: 'options', message: 'builder.optionTwice', params: { value: twice.value } } }
  if (other && options.some((o) => o.value === OTHER)) return { options, error: { field: 'options', message: 'builder.otherTaken' } }
  if (options.length < 2 || options.some((o) => !o.label.id)) return { options, error: { field: 'options', message: 'builder.badOptions' } }
  return { options }
}

/** The form's fields as an item, or the field errors that stop it. `place` says which questions its logic may name. */
export function itemFromInput(input: ItemInput, place: ItemPlace = { earlier: [], all: [] }): { item?: Item; errors: FieldError[] } {
  const errors: FieldError[] = []
  const choice = input.kind === 'single' || input.kind === 'multiple'
  const parsedOptions = choice ? optionsFromInput(input.options, input.other === 'yes') : { options: [] }
  if (parsedOptions.error) errors.push(parsedOptions.error)
  const options = parsedOptions.options
  // The key is matched to an option as written, or else whatever its case (true/false are lower-case).
  const known = input.kind === 'truefalse' ? ['true', 'false'] : options.map((o) => o.value)
  const asOption = (v: string) => known.find((k) => k === v) ?? known.find((k) => k.toLowerCase() === v.toLowerCase()) ?? v
  const answer = input.answer === '' ? undefined : input.kind === 'multiple' ? input.answer.split(/[\s,]+/).map(asOption) : asOption(input.answer)
  const logic = logicFromInput(input as FormValues, input.kind, input.id, place)
  errors.push(...logic.errors)
  const item = {
    id: input.id,
    kind: input.kind,
    label: { id: input.labelId, en: input.labelEn },
    ...logic.fields,
    ...(choice ? { options } : {}),
    ...(answer !== undefined ? { answer } : {}),
    ...(input.topic ? { topic: input.topic } : {}),
  }
  if (errors.length) return { errors }
  const parsed = definitionSchema.safeParse({ sections: [{ items: [item] }] })
  if (!parsed.success) errors.push({ field: 'answer', message: 'builder.badAnswer' })
  return errors.length ? { errors } : { item: parsed.data!.sections[0]!.items[0]!, errors }
}

/** Fields the question form does not show, kept from the stored item while they still fit its kind. */
function keepUnshown(old: Item, item: Item): Item {
  const choice = item.kind === 'single' || item.kind === 'multiple'
  const sameChoice = choice && (old.kind === 'single' || old.kind === 'multiple')
  const filters = new Map((old.options ?? []).map((o) => [o.value, o.filter]))
  return {
    ...item,
    ...(sameChoice && old.list ? { list: old.list } : {}),
    ...(sameChoice && old.choiceFilter ? { choiceFilter: old.choiceFilter } : {}),
    ...(item.kind === 'likert' && old.kind === 'likert' && old.anchors ? { anchors: old.anchors } : {}),
    ...(item.kind === 'number' && old.kind === 'number' ? { ...(old.min !== undefined ? { min: old.min } : {}), ...(old.max !== undefined ? { max: old.max } : {}) } : {}),
    ...(item.options ? { options: item.options.map((o) => (filters.get(o.value) ? { ...o, filter: filters.get(o.value)! } : o)) } : {}),
  }
}

export type Change =
  | { kind: 'add'; section: number; item: Item }
  /** `section`, when given and different, moves the question to the end of that section. */
  | { kind: 'replace'; itemId: string; item: Item; section?: number }
  | { kind: 'delete'; itemId: string }
  | { kind: 'move'; itemId: string; by: -1 | 1 }
  | { kind: 'section'; title: { id: string; en: string } }
  /** `relevant` replaces the section's show-if (undefined: shown always). */
  | { kind: 'renameSection'; section: number; title: { id: string; en: string }; relevant?: string | undefined }
  | { kind: 'deleteSection'; section: number }
  | { kind: 'moveSection'; section: number; by: -1 | 1 }

/** The definition with one change made; throws a validation problem when the result breaks a rule. */
export function applyChange(definition: Definition, change: Change): Definition {
  const sections = definition.sections.map((s) => ({ ...s, items: [...s.items] }))
  const where = (id: string) => {
    for (const [s, section] of sections.entries()) {
      const i = section.items.findIndex((x) => x.id === id)
      if (i >= 0) return { s, i }
    }
    throw new Problem('not-found')
  }
  if (change.kind === 'add') {
    if (sections.flatMap((s) => s.items).some((x) => x.id === change.item.id)) throw new Problem('validation', {}, [{ field: 'id', message: 'builder.idTaken' }])
    sections[Math.min(change.section, sections.length - 1)]!.items.push(change.item)
  } else if (change.kind === 'replace') {
    const { s, i } = where(change.itemId)
    const item = keepUnshown(sections[s]!.items[i]!, { ...change.item, id: change.itemId })
    const to = change.section
    if (to === undefined || to === s) sections[s]!.items[i] = item
    else {
      if (!sections[to]) throw new Problem('not-found')
      sections[s]!.items.splice(i, 1)
      sections[to]!.items.push(item)
    }
  } else if (change.kind === 'delete') {
    const { s, i } = where(change.itemId)
    assertUnreferenced(change.itemId, sections)
    sections[s]!.items.splice(i, 1)
  } else if (change.kind === 'move') {
    const { s, i } = where(change.itemId)
    const items = sections[s]!.items
    const j = i + change.by
    if (j >= 0 && j < items.length) [items[i], items[j]] = [items[j]!, items[i]!]
    // Past the edge of its section: into the neighbouring one, at the near end (up: last, down: first).
    else if (sections[s + change.by]) {
      const [item] = items.splice(i, 1)
      if (change.by < 0) sections[s - 1]!.items.push(item!)
      else sections[s + 1]!.items.unshift(item!)
    }
  } else if (change.kind === 'section') sections.push({ title: change.title, items: [] })
  else if (change.kind === 'moveSection') {
    const j = change.section + change.by
    if (!sections[change.section]) throw new Problem('not-found')
    if (sections[j]) [sections[change.section], sections[j]] = [sections[j]!, sections[change.section]!]
  }
  else {
    const section = sections[change.section]
    if (!section) throw new Problem('not-found')
    if (change.kind === 'renameSection') {
      section.title = change.title
      if (change.relevant) section.relevant = change.relevant
      else delete section.relevant
    }
    else if (section.items.length || sections.length === 1) throw new Problem('validation', {}, [{ field: 'section', message: 'builder.sectionNotEmpty' }])
    else sections.splice(change.section, 1)
  }
  assertNamesFree(sections, change)
  const result = definitionSchema.parse({ sections })
  assertNoCycle(result, change)
  return result
}

/** Show-if logic that goes round in a circle (after a move, a question may name a later one): refused, naming it. */
function assertNoCycle(definition: Definition, change: Change): void {
  const cycle = findLogicCycles(definition)[0]
  if (!cycle) return
  const field = change.kind === 'add' || change.kind === 'replace' ? 'showExpr' : 'references'
  throw new Problem('validation', {}, [{ field, message: 'builder.logicCycle', params: { cycle: describeCycle(cycle) } }])
}

/** An id, or the `<id>_other` column of an item with "Other", used twice: refused on the field that made it. */
function assertNamesFree(sections: Definition['sections'], change: Change): void {
  if (change.kind !== 'add' && change.kind !== 'replace') return
  const names = sections.flatMap((s) => s.items).flatMap((i) => (i.other ? [i.id, `${i.id}_other`] : [i.id]))
  if (new Set(names).size !== names.length) throw new Problem('validation', {}, [{ field: change.kind === 'add' ? 'id' : 'other', message: 'builder.idTaken' }])
}

/** A question that other questions or sections name in their logic cannot go: the error names them. */
function assertUnreferenced(id: string, sections: Definition['sections']): void {
  const by = referencesTo(id, sections, (source) => {
    try {
      return referencedNames(parseExpression(source))
    } catch {
      return []
    }
  })
  const errors: FieldError[] = []
  if (by.items.length) errors.push({ field: 'references', message: 'builder.referenced', params: { id, by: by.items.join(', ') } })
  if (by.sections.length) errors.push({ field: 'sectionReferences', message: 'builder.referencedBySection', params: { id, sections: by.sections.join(', ') } })
  if (errors.length) throw new Problem('validation', {}, errors)
}

/** The editors column with this user added (ids each followed by a space; see questionnaire-review-queries.ts). */
const editorsWith = (editors: string | null, userId: string | null): string | null =>
  !userId ? editors : (editors ?? '').split(' ').includes(userId) ? editors : `${editors ?? ''}${userId} `

export const metaInput = newQuestionnaireInput.pick({ titleId: true, titleEn: true, introId: true, introEn: true })

/** Titles and introductions are not versioned: a correction shows at once, also on links already handed out. */
export async function renameQuestionnaire(db: Db, actor: Actor, key: string, input: z.output<typeof metaInput>): Promise<void> {
  const questionnaire = await q.findQuestionnaireByKey(db, key)
  if (!questionnaire) throw new Problem('not-found')
  await db.updateTable('questionnaires').set({ ...input, origin: 'custom', updatedAt: new Date().toISOString() }).where('id', '=', questionnaire.id).execute()
  await insertAuditEntry(db, actor, 'questionnaire.rename', { type: 'questionnaire', id: questionnaire.id }, { key })
}

export async function createQuestionnaire(db: Db, actor: Actor, input: z.output<typeof newQuestionnaireInput>): Promise<void> {
  if (await q.findQuestionnaireByKey(db, input.key)) throw new Problem('validation', {}, [{ field: 'key', message: 'builder.keyTaken' }])
  const now = new Date().toISOString()
  const id = crypto.randomUUID()
  await db.insertInto('questionnaires').values({ id, key: input.key, kind: input.kind, audience: input.audience, titleId: input.titleId, titleEn: input.titleEn, introId: input.introId, introEn: input.introEn, origin: 'custom', createdAt: now, updatedAt: now }).execute()
  await db.insertInto('questionnaireVersions').values({ id: crypto.randomUUID(), questionnaireId: id, version: 1, definition: JSON.stringify({ sections: [{ items: [] }] }), createdAt: now, createdBy: actor.id, editors: editorsWith(null, actor.id) }).execute()
  await insertAuditEntry(db, actor, 'questionnaire.create', { type: 'questionnaire', id }, { key: input.key })
}

/**
 * Makes one change to the latest version: in place while nothing has been answered with it, else as
 * a new version. An edited shipped questionnaire becomes the organisation's own (releases leave it be).
 */
export async function changeQuestionnaire(db: Db, actor: Actor, key: string, change: Change): Promise<{ version: number; newVersion: boolean }> {
  const questionnaire = await q.findQuestionnaireByKey(db, key)
  const latest = questionnaire && (await q.findLatestVersion(db, questionnaire.id))
  if (!questionnaire || !latest) throw new Problem('not-found')
  const definition = JSON.stringify(applyChange(definitionOf(latest), change))
  const now = new Date().toISOString()
  const answered = await q.hasSubmissions(db, latest.id)
  // A link hands out a version; once handed out, even before answers arrive, it must not change under it.
  const linked = !!(await db.selectFrom('collectionLinks').select('id').where('questionnaireVersionId', '=', latest.id).limit(1).executeTakeFirst())
  let version = latest.version
  if (answered || linked) {
    version = latest.version + 1
    await db.insertInto('questionnaireVersions').values({ id: crypto.randomUUID(), questionnaireId: questionnaire.id, version, definition, createdAt: now, createdBy: actor.id, editors: editorsWith(null, actor.id) }).execute()
  } else {
    // A new version is born unchecked; one changed in place must be checked again, by none of those who wrote or changed it.
    await db.updateTable('questionnaireVersions').set({ definition, createdBy: actor.id, editors: editorsWith(latest.editors, actor.id), checkedBy: null, checkedAt: null, checkNote: null }).where('id', '=', latest.id).execute()
  }
  await db.updateTable('questionnaires').set({ origin: 'custom', updatedAt: now }).where('id', '=', questionnaire.id).execute()
  await insertAuditEntry(db, actor, 'questionnaire.change', { type: 'questionnaire', id: questionnaire.id }, { key, change: change.kind, version })
  return { version, newVersion: version !== latest.version }
}
