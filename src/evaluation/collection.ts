// Collecting answers: the pre, post and feedback links of a session, and the submissions that
// arrive through them from participants' phones, paper or an import.
import crypto from 'node:crypto'
import { PostgresAdapter, type Kysely } from 'kysely'
import type { Database, Db } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import type { Role } from '../accounts/permissions.ts'
import { Problem, type FieldError } from '../platform/http/problems.ts'
import { assertMayRecord, getSession } from '../outreach/sessions.ts'
import type { GroupKind } from '../outreach/target-group-form.ts'
import { checkSubmission, type RawSubmission } from './answers.ts'
import { CODE_ELEMENTS, MAX_CODE_PARTS, MIN_CODE_PARTS } from './code-elements.ts'
import * as q from './evaluation-queries.ts'
import { storeSubmission, type LinkExpected } from './submission-store-queries.ts'
import type { Phase } from './evaluation-tables.ts'
import { registerOf } from './participant-register.ts'
import { latestVersionOf, parseDefinition } from './questionnaires.ts'
import { linkState, secondsUntil } from './round-timing.ts'
import { itemsOf, type Definition } from './questionnaire-schema.ts'

/** The knowledge test each group gets unless the coordinator picks another; 6–9-year-olds take none (too young for a written test). */
export const KNOWLEDGE_TEST_FOR: Partial<Record<GroupKind, string>> = {
  parents: 'knowledge-parents',
  teachers: 'knowledge-teachers',
  community: 'knowledge-community',
  officials: 'knowledge-community',
  'children-10-12': 'knowledge-children-10-12',
  'children-13-17': 'knowledge-children-13-17',
}
export const FEEDBACK_QUESTIONNAIRE = 'feedback'
export const FOLLOW_UP_QUESTIONNAIRE = 'follow-up-3-months'
/** Children are spoken to with "kamu", adults with "Anda": each register has its own feedback and follow-up (same item ids where they ask the same). */
export const feedbackQuestionnaireFor = (groupKind: string) => (registerOf(groupKind) === 'child' ? `${FEEDBACK_QUESTIONNAIRE}-children` : FEEDBACK_QUESTIONNAIRE)
export const followUpQuestionnaireFor = (groupKind: string) => (registerOf(groupKind) === 'child' ? `${FOLLOW_UP_QUESTIONNAIRE}-children` : FOLLOW_UP_QUESTIONNAIRE)

export interface OpenCollectionInput {
  groupKind: GroupKind
  /** The questionnaire for pre and post; defaults to the group's knowledge test. */
  questionnaireKey?: string
  feedback: boolean
  codeElements: string[]
}

// No 0/O, 1/I/L: a token may be typed from a printed sheet.
const TOKEN_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'
export function newToken(length = 10): string {
  const bytes = crypto.randomBytes(length)
  return Array.from(bytes, (b) => TOKEN_ALPHABET[b % TOKEN_ALPHABET.length]).join('')
}

export function checkCodeElements(keys: string[]): FieldError[] {
  if (keys.length < MIN_CODE_PARTS || keys.length > MAX_CODE_PARTS || new Set(keys).size !== keys.length || keys.some((k) => !CODE_ELEMENTS.some((e) => e.key === k)))
    return [{ field: 'codeElements', message: 'code.partsCount' }]
  return []
}

/** Opens the pre and post links (and a feedback link) of a session for one group. */
export async function openCollection(db: Kysely<Database>, actor: Actor & { role: Role }, sessionId: string, input: OpenCollectionInput): Promise<void> {
  const session = await getSession(db, sessionId)
  assertMayRecord(actor.role, actor.id ?? '', session)
  if (session.status === 'cancelled') throw new Problem('conflict', {}, [], 'problem.session.cancelled')
  const errors: FieldError[] = []
  if (!session.audiences.includes(input.groupKind)) errors.push({ field: 'groupKind', message: 'collect.notAnAudience' })
  const key = input.questionnaireKey || KNOWLEDGE_TEST_FOR[input.groupKind]
  if (!key) errors.push({ field: 'groupKind', message: 'collect.noTestForGroup' })
  errors.push(...checkCodeElements(input.codeElements))
  if (errors.length) throw new Problem('validation', {}, errors)
  const test = await latestVersionOf(db, key!).catch((e: unknown) => {
    throw e instanceof Problem && e.code === 'not-found' ? new Problem('validation', {}, [{ field: 'questionnaireKey', message: 'collect.noSuchQuestionnaire' }]) : e
  })
  if (!itemsOf(definitionOf(test.version)).some((i) => i.kind !== 'note')) throw new Problem('validation', {}, [{ field: 'questionnaireKey', message: 'collect.emptyQuestionnaire' }])
  const feedback = input.feedback ? await latestVersionOf(db, feedbackQuestionnaireFor(input.groupKind)) : undefined
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('collectionLinks').select('id').where('sessionId', '=', sessionId).where('groupKind', '=', input.groupKind).executeTakeFirst()
    if (existing) throw new Problem('conflict', {}, [], 'problem.collect.alreadyOpen')
    const now = new Date().toISOString()
    const link = (phase: Phase, versionId: string) => ({
      id: crypto.randomUUID(),
      token: newToken(),
      sessionId,
      phase,
      questionnaireVersionId: versionId,
      groupKind: input.groupKind,
      codeElements: JSON.stringify(input.codeElements),
      createdAt: now,
      closedAt: null,
      opensAt: null,
      closesAt: null,
    })
    const links = [link('pre', test.version.id), link('post', test.version.id), ...(feedback ? [link('feedback', feedback.version.id)] : [])]
    await trx.insertInto('collectionLinks').values(links).execute()
    await insertAuditEntry(trx, actor, 'collect.open', { type: 'session', id: sessionId }, { group: input.groupKind, questionnaire: key, phases: links.map((l) => l.phase) })
  })
}

/**
 * Opens the 3-month follow-up for a group that answered before: the same code questions, so the
 * follow-up can be matched to the before answers.
 */
export async function openFollowUp(db: Kysely<Database>, actor: Actor & { role: Role }, sessionId: string, groupKind: string): Promise<void> {
  const session = await getSession(db, sessionId)
  assertMayRecord(actor.role, actor.id ?? '', session)
  const links = await db.selectFrom('collectionLinks').selectAll().where('sessionId', '=', sessionId).where('groupKind', '=', groupKind).execute()
  const pre = links.find((l) => l.phase === 'pre')
  if (!pre) throw new Problem('validation', {}, [{ field: 'groupKind', message: 'collect.noPreForFollowUp' }])
  if (links.some((l) => l.phase === 'follow-up')) throw new Problem('conflict', {}, [], 'problem.collect.alreadyOpen')
  const followUpKey = followUpQuestionnaireFor(groupKind)
  const followUp = await latestVersionOf(db, followUpKey)
  await db
    .insertInto('collectionLinks')
    .values({ id: crypto.randomUUID(), token: newToken(), sessionId, phase: 'follow-up', questionnaireVersionId: followUp.version.id, groupKind, codeElements: pre.codeElements, createdAt: new Date().toISOString(), closedAt: null, opensAt: null, closesAt: null })
    .execute()
  await insertAuditEntry(db, actor, 'collect.open', { type: 'session', id: sessionId }, { group: groupKind, questionnaire: followUpKey, phases: ['follow-up'] })
}

export async function setLinkOpen(db: Kysely<Database>, actor: Actor & { role: Role }, sessionId: string, linkId: string, open: boolean): Promise<void> {
  const session = await getSession(db, sessionId)
  assertMayRecord(actor.role, actor.id ?? '', session)
  const result = await db
    .updateTable('collectionLinks')
    // Reopening by hand also drops a closing time (else a passed one would keep the link closed).
    .set(open ? { closedAt: null, closesAt: null } : { closedAt: new Date().toISOString() })
    .where('id', '=', linkId)
    .where('sessionId', '=', sessionId)
    .executeTakeFirst()
  if (!Number(result.numUpdatedRows)) throw new Problem('not-found')
  await insertAuditEntry(db, actor, open ? 'collect.reopen' : 'collect.close', { type: 'session', id: sessionId }, { link: linkId })
}

/**
 * Parsed definitions by version id, read once per process: a version with answers or links never
 * changes. One still being built may, so the text is compared before the parsed copy is used.
 */
const definitions = new Map<string, { text: string; parsed: Definition }>()
export function definitionOf(version: { id: string; definition: string }): Definition {
  const cached = definitions.get(version.id)
  if (cached && cached.text === version.definition) return cached.parsed
  const parsed = parseDefinition(version.definition)
  definitions.set(version.id, { text: version.definition, parsed })
  return parsed
}

/**
 * The definition a link hands out. A version that a link uses is never changed (the builder makes a
 * new one), so it is read from the database once per process and the link query need not carry it.
 */
const linked = new Map<string, Definition>()
export async function linkDefinition(db: Db, versionId: string): Promise<Definition> {
  let definition = linked.get(versionId)
  if (!definition) {
    // Read afresh, not from definitionOf's cache: that may hold a draft seen before the link existed.
    const version = await q.findVersion(db, versionId)
    if (!version) throw new Problem('not-found')
    linked.set(versionId, (definition = parseDefinition(version.definition)))
  }
  return definition
}

/** The disclosure phrases, re-read at most every 30 s (they change rarely; every server sees an edit within that). */
let keywordCache: { at: number; phrases: string[] } | undefined
export async function disclosurePhrases(db: Db): Promise<string[]> {
  if (!keywordCache || Date.now() - keywordCache.at > 30_000) keywordCache = { at: Date.now(), phrases: (await q.listKeywords(db)).map((k) => k.phrase) }
  return keywordCache.phrases
}
export const forgetDisclosurePhrases = () => (keywordCache = undefined)

export interface SubmitResult {
  /** True when this id had arrived before: nothing was stored twice. */
  duplicate: boolean
  /** True when free text was routed to help: the participant is shown where to get it. */
  disclosure: boolean
  /** True when personal data was blanked out of free text: the participant is told so. */
  blanked: boolean
}

/**
 * Thrown by submit() given a link that may be out of date (a copy kept by token, collect-routes.tsx)
 * when anything it was checked against differs from the row read under lock, or when the copy led to a
 * refusal: nothing was stored or counted, and the caller tries again with the link read afresh.
 */
export class StaleLink extends Error {}

/**
 * Stores one participant's answers, exactly once per id (the id is made on the phone, so a
 * resend after a dropped connection is recognised). A closed link takes nothing from phones.
 */
export async function submit(db: Kysely<Database>, link: q.LinkWithQuestionnaire, raw: RawSubmission, source: 'phone' | 'paper' | 'import', options: { linkMayBeStale?: boolean } = {}): Promise<SubmitResult> {
  // Staff type in paper forms and imports after the session, when the phone link is already closed.
  if (source === 'phone') {
    const now = new Date()
    const state = linkState(link, now)
    // A kept copy never refuses: the link read afresh decides (StaleLink).
    if (options.linkMayBeStale && (state !== 'open' || link.sessionStatus === 'cancelled')) throw new StaleLink()
    if (state === 'closed' || link.sessionStatus === 'cancelled') throw new Problem('conflict', {}, [], 'problem.collect.closed')
    // Retry-After tells the phone's outbox to keep the answer and send it once the link opens (browser/outbox.ts).
    if (state === 'not-yet-open') throw new Problem('conflict', { at: link.opensAt! }, [], 'problem.collect.notYetOpen', { 'Retry-After': String(secondsUntil(link.opensAt!, now)) })
  }
  const checked = checkSubmission(await linkDefinition(db, link.questionnaireVersionId), JSON.parse(link.codeElements), raw, await disclosurePhrases(db), { hiddenAnswers: source === 'phone' ? 'drop' : 'refuse' })
  if (!checked.value) throw options.linkMayBeStale ? new StaleLink() : new Problem('validation', {}, checked.errors)
  const s = checked.value
  const now = new Date().toISOString()
  const row = {
    id: s.id,
    sessionId: link.sessionId,
    phase: link.phase,
    questionnaireVersionId: link.questionnaireVersionId,
    groupKind: link.groupKind,
    code: s.code,
    answers: JSON.stringify(s.answers),
    score: s.score,
    maxScore: s.maxScore,
    source,
    receivedAt: now,
    hiddenItems: JSON.stringify(s.hidden),
  }
  // The code was checked against the parts the link had when it was read: if staff changed them since
  // (changeCodeParts, allowed only while no answer is stored), this code would never match the new ones.
  // A kept copy is used only when it still reads as the row does: its opening and closing times, the
  // session's status and the code parts (the version never changes); else the caller reads it afresh.
  // storeSubmission checks and inserts in one statement (submission-store-queries.ts).
  const expected: LinkExpected = {
    id: link.id,
    codeElements: link.codeElements,
    whole: options.linkMayBeStale ? { closedAt: link.closedAt, opensAt: link.opensAt, closesAt: link.closesAt, sessionStatus: link.sessionStatus } : undefined,
  }
  const store = async (x: Db): Promise<boolean> => {
    const outcome = await storeSubmission(x, row, expected)
    if (outcome === 'stored') return false
    if (outcome === 'duplicate') return true
    if (options.linkMayBeStale) throw new StaleLink()
    throw new Problem('conflict', {}, [], 'problem.collect.codeChanged')
  }
  // A disclosure is stored with its submission or not at all: then a transaction holds both.
  const duplicate = !s.disclosures.length
    ? await store(db)
    : await db.transaction().execute(async (trx) => {
        if (await store(trx)) return true
        await trx
          .insertInto('disclosures')
          .values(s.disclosures.map((d) => ({ id: crypto.randomUUID(), sessionId: link.sessionId, submissionId: s.id, itemId: d.itemId, text: d.text, receivedAt: now, handledAt: null, handledBy: null })))
          .execute()
        return false
      })
  return { duplicate, disclosure: s.disclosures.length > 0, blanked: s.blanked }
}

/** PostgreSQL takes row locks (SELECT … FOR SHARE / FOR UPDATE); SQLite has none and needs none: one write transaction at a time. */
export const onPostgres = (db: Db): boolean => db.getExecutor().adapter instanceof PostgresAdapter
