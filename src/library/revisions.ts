import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import { Problem } from '../platform/http/problems.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import { ContentError, parseHelpChannels, parsePage, parseQuiz, splitSlides } from './content.ts'
import { HELP_SLUG, quizSlug } from './library-urls.ts'
import type { LibraryStore } from './library-store.ts'
import * as q from './revision-queries.ts'

export const MAX_SOURCE_BYTES = 200_000

export interface DraftInput {
  locale: Locale
  slug: string
  source: string
  /** The whole slide deck, for a page that has one; left out, the deck readers see now is kept. */
  slides?: string | undefined
  note: string
  submit: boolean
}

/**
 * Saves an edit of a page as a draft (or straight into review). The text must be a valid page
 * with the same key, so that a published edit can never break the library or its pairing.
 */
export async function saveRevision(db: Kysely<Database>, store: LibraryStore, actor: Actor, input: DraftInput): Promise<q.Revision> {
  const page = store.current.find(input.locale, input.slug)
  if (!page) throw new Problem('not-found')
  const source = input.source.replace(/\r\n/g, '\n')
  if (Buffer.byteLength(source) > MAX_SOURCE_BYTES) throw new Problem('validation', {}, [{ field: 'source', message: 'validation.tooLong', params: { max: MAX_SOURCE_BYTES } }])
  // A kit's deck is saved whole with every revision of its page, so a revision is a complete snapshot.
  const currentSlides = store.currentSlides(input.locale, input.slug)
  const slides = currentSlides === undefined ? null : (input.slides ?? currentSlides).replace(/\r\n/g, '\n')
  if (slides !== null) {
    if (Buffer.byteLength(slides) > MAX_SOURCE_BYTES) throw new Problem('validation', {}, [{ field: 'slides', message: 'validation.tooLong', params: { max: MAX_SOURCE_BYTES } }])
    if (splitSlides(slides).length === 0) throw new Problem('validation', {}, [{ field: 'slides', message: 'libraryEdit.slidesEmpty' }])
  }
  let parsed
  try {
    parsed = parsePage(input.locale, input.slug, source, 'edit', slides ?? undefined)
  } catch (e) {
    if (e instanceof ContentError) throw new Problem('validation', {}, [{ field: 'source', message: e.messageKey ?? 'libraryEdit.invalid', params: { detail: readableContentError(e.message) } }])
    throw e
  }
  if (parsed.key !== page.key) throw new Problem('validation', {}, [{ field: 'source', message: 'libraryEdit.keyChanged', params: { key: page.key } }])
  if (source === store.currentSource(input.locale, input.slug) && (slides ?? undefined) === currentSlides) throw new Problem('validation', {}, [{ field: 'source', message: 'libraryEdit.unchanged' }])
  return insertRevision(db, store, actor, { locale: input.locale, slug: input.slug, source, slides, note: input.note, submit: input.submit })
}

export interface QuizDraftInput {
  key: string
  source: string
  note: string
  submit: boolean
}

/**
 * Saves an edit of a quiz (its JSON, both languages) as a draft or into review. It must be a valid
 * quiz with the same key, every answer one of its options, every linked page one that exists.
 */
export async function saveQuizRevision(db: Kysely<Database>, store: LibraryStore, actor: Actor, input: QuizDraftInput): Promise<q.Revision> {
  if (!store.current.findQuiz(input.key)) throw new Problem('not-found')
  const source = input.source.replace(/\r\n/g, '\n')
  const invalid = (message: string, params: Record<string, string | number>) => new Problem('validation', {}, [{ field: 'source', message, params }])
  if (Buffer.byteLength(source) > MAX_SOURCE_BYTES) throw invalid('validation.tooLong', { max: MAX_SOURCE_BYTES })
  let quiz
  try {
    quiz = parseQuiz(source, 'edit')
  } catch (e) {
    if (e instanceof ContentError) throw invalid(e.messageKey ?? 'libraryEdit.invalid', { detail: readableContentError(e.message) })
    throw e
  }
  if (quiz.key !== input.key) throw invalid('libraryEdit.keyChanged', { key: input.key })
  const missing = quiz.questions.find((x) => x.page && !store.current.byKey('id', x.page))
  if (missing) throw invalid('libraryEdit.quizPage', { id: missing.id, page: missing.page! })
  if (source === store.currentQuizSource(input.key)) throw invalid('libraryEdit.unchanged', {})
  return insertRevision(db, store, actor, { locale: 'id', slug: quizSlug(input.key), source, slides: null, note: input.note, submit: input.submit })
}

/** Saves an edit of the help directory (its JSON, both languages); it must pass the same checks as the shipped file. */
export async function saveHelpRevision(db: Kysely<Database>, store: LibraryStore, actor: Actor, input: { source: string; note: string; submit: boolean }): Promise<q.Revision> {
  const source = input.source.replace(/\r\n/g, '\n')
  const invalid = (message: string, params: Record<string, string | number>) => new Problem('validation', {}, [{ field: 'source', message, params }])
  if (Buffer.byteLength(source) > MAX_SOURCE_BYTES) throw invalid('validation.tooLong', { max: MAX_SOURCE_BYTES })
  try {
    parseHelpChannels(source, 'edit')
  } catch (e) {
    if (e instanceof ContentError) throw invalid(e.messageKey ?? 'libraryEdit.invalid', { detail: readableContentError(e.message) })
    throw e
  }
  if (source === store.currentHelpSource()) throw invalid('libraryEdit.unchanged', {})
  return insertRevision(db, store, actor, { locale: 'id', slug: HELP_SLUG, source, slides: null, note: input.note, submit: input.submit })
}

async function insertRevision(
  db: Kysely<Database>,
  store: LibraryStore,
  actor: Actor,
  input: { locale: Locale; slug: string; source: string; slides: string | null; note: string; submit: boolean },
): Promise<q.Revision> {
  const now = new Date().toISOString()
  const revision: q.Revision = {
    id: crypto.randomUUID(),
    locale: input.locale,
    slug: input.slug,
    source: input.source,
    slides: input.slides,
    status: input.submit ? 'in_review' : 'draft',
    note: input.note.slice(0, 500) || null,
    authorId: actor.id,
    authorLabel: actor.label,
    createdAt: now,
    submittedAt: input.submit ? now : null,
    reviewerId: null,
    reviewerLabel: null,
    reviewedAt: null,
    reviewNote: null,
    shippedHash: store.shippedHash(input.locale, input.slug),
  }
  await db.transaction().execute(async (trx) => {
    await q.insertRevision(trx, revision)
    await insertAuditEntry(trx, actor, input.submit ? 'library.submit' : 'library.draft', { type: 'library-revision', id: revision.id }, { page: `${input.locale}/${input.slug}` })
  })
  return revision
}

export async function getRevision(db: Kysely<Database>, id: string): Promise<q.Revision> {
  const revision = await q.findRevision(db, id)
  if (!revision) throw new Problem('not-found')
  return revision
}

export async function submitRevision(db: Kysely<Database>, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const r = await getRevision(trx as Kysely<Database>, id)
    if (r.status !== 'draft') throw new Problem('conflict', {}, [], 'libraryEdit.notDraft')
    await q.updateRevision(trx, id, { status: 'in_review', submittedAt: new Date().toISOString() })
    await insertAuditEntry(trx, actor, 'library.submit', { type: 'library-revision', id }, { page: `${r.locale}/${r.slug}` })
  })
}

/** Publishes a revision in review. Four eyes: the reviewer is never its author. */
export async function publishRevision(db: Kysely<Database>, store: LibraryStore, actor: Actor, id: string, note: string): Promise<void> {
  await decide(db, actor, id, 'published', note)
  await store.reload()
}

export async function rejectRevision(db: Kysely<Database>, actor: Actor, id: string, note: string): Promise<void> {
  await decide(db, actor, id, 'rejected', note)
}

async function decide(db: Kysely<Database>, actor: Actor, id: string, status: 'published' | 'rejected', note: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const r = await getRevision(trx as Kysely<Database>, id)
    if (r.status !== 'in_review') throw new Problem('conflict', {}, [], 'libraryEdit.notInReview')
    if (r.authorId && r.authorId === actor.id) throw new Problem('conflict', {}, [], 'libraryEdit.ownRevision')
    await q.updateRevision(trx, id, { status, reviewerId: actor.id, reviewerLabel: actor.label, reviewedAt: new Date().toISOString(), reviewNote: note.slice(0, 500) || null })
    await insertAuditEntry(trx, actor, status === 'published' ? 'library.publish' : 'library.reject', { type: 'library-revision', id }, { page: `${r.locale}/${r.slug}`, author: r.authorLabel })
  })
}

/** zod's pretty error, as one sentence for a person: "✖ x\n  → at sources" becomes "x (at sources)". */
function readableContentError(message: string): string {
  return message
    .replace(/^edit: /, '')
    .replace(/✖\s*/g, '')
    .replace(/\n\s*→ at ([^\n]+)/g, ' (at $1)')
    .replace(/\n+/g, '; ')
}
