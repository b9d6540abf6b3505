// A participant's answers checked against the questionnaire version they were given, scored, and
// stripped of anything that could identify them or that tells of harm. Skip logic, constraints and
// choice filters are worked out by form-logic.ts, the same code the phone's form runs.
import type { FieldError } from '../platform/http/problems.ts'
import { codeElement, joinCode, normaliseElement } from './code-elements.ts'
import { DONT_KNOW, OTHER, itemsOf, type Definition, type Item } from './questionnaire-schema.ts'
import { looksLikeDisclosure } from './shared/disclosure.ts'
import { formState, type Answers } from './shared/form-logic.ts'
import { blankPersonalData } from '../platform/personal-data.ts'

/** What arrives from the phone (JSON) or the plain HTML form, before any checking. */
export interface RawSubmission {
  id: string
  code: Record<string, string>
  answers: Record<string, string | string[]>
  /** The phone's day when the participant pressed send (YYYY-MM-DD); plain form posts, paper and imports have none. */
  answeredOn?: string
}

export interface CheckedSubmission {
  id: string
  code: string
  answers: Record<string, string | string[] | number>
  /** Right answers among the scored items that were shown; null when none was shown. */
  score: number | null
  /** Scored items that were shown (a skipped one counts neither right nor wrong), so it can differ per submission. */
  maxScore: number | null
  /** Free text routed to help instead of the data set. */
  disclosures: { itemId: string; text: string }[]
  /** Whether personal data (a phone number, an address…) was blanked out of a free-text answer. */
  blanked: boolean
  /** Items answered although the skip logic hid them: their answers were left out. */
  dropped: string[]
  /** Every item the skip logic hid, decided now and stored, so results never work it out differently later. */
  hidden: string[]
}

export interface CheckOptions {
  /** The date today() stands for (YYYY-MM-DD); by default the phone's answeredOn when plausible (answerDay), else today in Indonesia's western zone. */
  today?: string
  /**
   * What an answer to a hidden question does: the phone's form never sends one (dropped); staff typing a
   * paper or importing a file are told, and the row is refused, so nothing they entered changes silently.
   */
  hiddenAnswers?: 'drop' | 'refuse'
}

export const MAX_TEXT = 1000
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const choicesOf = (item: Item) => (item.kind === 'truefalse' ? ['true', 'false', ...(item.dontKnow ? [DONT_KNOW] : [])] : [...(item.options ?? []).map((o) => o.value), ...(item.other ? [OTHER] : [])])

/** Whether a checked answer is right (1) or wrong (0); unanswered (and "don't know") counts as wrong. */
export function isCorrect(item: Item, answer: unknown): boolean {
  if (item.answer === undefined || answer === undefined) return false
  if (Array.isArray(item.answer)) {
    const given = Array.isArray(answer) ? answer : [answer]
    return given.length === item.answer.length && item.answer.every((a) => given.includes(a))
  }
  return answer === item.answer
}

/** A real calendar date written YYYY-MM-DD, between 1900 and 2100. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return y >= 1900 && y <= 2100 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** How far the phone's date may lie before the server's (answers kept in the outbox while offline) or after it (a time zone east of Jakarta). */
export const ANSWERED_ON_DAYS_BEFORE = 30
export const ANSWERED_ON_DAYS_AFTER = 1

/**
 * The day today() stands for when checking answers: the phone's, so the server decides what the phone
 * showed, when it is a real date within [server's today − 30 days, today + 1]; else the server's own.
 */
export function answerDay(answeredOn: string | undefined, serverToday: string): string {
  if (answeredOn === undefined || !isIsoDate(answeredOn) || !isIsoDate(serverToday)) return serverToday
  const days = (Date.parse(`${answeredOn}T00:00:00Z`) - Date.parse(`${serverToday}T00:00:00Z`)) / 86_400_000
  return days >= -ANSWERED_ON_DAYS_BEFORE && days <= ANSWERED_ON_DAYS_AFTER ? answeredOn : serverToday
}

// Made once: building an Intl.DateTimeFormat took a fifth of the server's time per phone answer (bench/ingest.ts).
const jakartaDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' })
const todayInJakarta = () => jakartaDay.format(new Date())
const valuesOf = (given: unknown) => (Array.isArray(given) ? given : given === undefined || given === null ? [] : [given]).map((v) => String(v).trim()).filter((v) => v !== '')
const asNumber = (text: string) => Number(text.replace(',', '.'))

/** The answers as the expressions read them: trimmed, numbers as numbers, multiple choices as lists. */
function logicAnswers(definition: Definition, raw: RawSubmission['answers'] | undefined): Answers {
  const out: Answers = {}
  for (const item of itemsOf(definition)) {
    const values = valuesOf(raw?.[item.id])
    if (values.length === 0) continue
    if (item.kind === 'multiple') out[item.id] = values
    else if ((item.kind === 'number' || item.kind === 'likert') && Number.isFinite(asNumber(values[0]!))) out[item.id] = asNumber(values[0]!)
    else out[item.id] = values.join(' ')
    if (item.other) out[`${item.id}_other`] = valuesOf(raw?.[`${item.id}_other`]).join(' ') || undefined
  }
  return out
}

export function checkSubmission(definition: Definition, codeElements: readonly string[], raw: RawSubmission, keywords: readonly string[], options: CheckOptions = {}): { errors: FieldError[]; value?: CheckedSubmission } {
  const errors: FieldError[] = []
  if (!UUID.test(raw.id ?? '')) errors.push({ field: 'id', message: 'collect.badId' })
  const parts: string[] = []
  for (const key of codeElements) {
    const element = codeElement(key)!
    const part = normaliseElement(element, raw.code?.[key] ?? '')
    if (part === undefined) errors.push({ field: `code.${key}`, message: element.kind === 'letters' ? 'collect.codeLetters' : 'collect.codeNumber', params: { length: element.length, min: element.min ?? 0, max: element.max ?? 9 } })
    else parts.push(part)
  }
  const state = formState(definition, logicAnswers(definition, raw.answers), options.today ?? answerDay(raw.answeredOn, todayInJakarta()))
  const answers: CheckedSubmission['answers'] = {}
  const disclosures: CheckedSubmission['disclosures'] = []
  const dropped: string[] = []
  let blanked = false
  /** Free text as stored: too long is refused, personal data blanked, a disclosure routed to help. */
  const takeText = (key: string, field: string, text: string) => {
    if (text.length > MAX_TEXT) return void errors.push({ field, message: 'collect.tooLong', params: { max: MAX_TEXT } })
    // Personal data is blanked out of disclosures too: answers are anonymous whatever is written.
    const clean = blankPersonalData(text)
    blanked ||= clean.blanked
    if (looksLikeDisclosure(text, keywords)) disclosures.push({ itemId: key, text: clean.text })
    else answers[key] = clean.text
  }
  for (const item of itemsOf(definition)) {
    if (item.kind === 'note') continue
    const field = `a.${item.id}`
    const values = valuesOf(raw.answers?.[item.id])
    if (!state.relevant.has(item.id)) {
      // A hidden question's answer is neither stored, checked nor scored.
      if (values.length) {
        dropped.push(item.id)
        if (options.hiddenAnswers === 'refuse') errors.push({ field, message: 'logic.notShown' })
      }
      continue
    }
    if (values.length === 0) {
      if (state.required.has(item.id) || item.required) errors.push({ field, message: 'collect.required' })
      continue
    }
    const before = errors.length
    if (item.kind === 'single' || item.kind === 'truefalse' || item.kind === 'multiple') {
      const offered = state.options.get(item.id)
      const chosen = item.kind === 'multiple' ? [...new Set(values)] : values
      if ((item.kind !== 'multiple' && values.length !== 1) || chosen.some((v) => !choicesOf(item).includes(v))) errors.push({ field, message: 'collect.choose' })
      else if (offered && chosen.some((v) => v !== OTHER && !offered.includes(v))) errors.push({ field, message: 'logic.notOffered' })
      else {
        answers[item.id] = item.kind === 'multiple' ? chosen : chosen[0]!
        if (item.other && chosen.includes(OTHER)) {
          const text = valuesOf(raw.answers?.[`${item.id}_other`]).join(' ')
          if (text === '') errors.push({ field: `a.${item.id}_other`, message: 'logic.otherText' })
          else takeText(`${item.id}_other`, `a.${item.id}_other`, text)
        }
      }
    } else if (item.kind === 'likert') {
      const n = Number(values[0])
      if (values.length !== 1 || !Number.isInteger(n) || n < 1 || n > 5) errors.push({ field, message: 'collect.likert' })
      else answers[item.id] = n
    } else if (item.kind === 'number') {
      const n = asNumber(values[0]!)
      if (!Number.isFinite(n) || (item.min !== undefined && n < item.min) || (item.max !== undefined && n > item.max))
        errors.push({ field, message: 'collect.number', params: { min: item.min ?? '', max: item.max ?? '' } })
      else if (item.integer && !Number.isInteger(n)) errors.push({ field, message: 'logic.integer' })
      else answers[item.id] = n
    } else if (item.kind === 'date') {
      if (values.length !== 1 || !isIsoDate(values[0]!)) errors.push({ field, message: 'logic.date' })
      else answers[item.id] = values[0]!
    } else takeText(item.id, field, values.join(' '))
    // One message a field: a constraint is only worth reading once the answer itself is readable.
    if (errors.length === before && state.constraintFailures.includes(item.id)) {
      const own = item.constraintMessage
      errors.push(own ? { field, message: 'logic.constraintOwn', params: { id: own.id, en: own.en } } : { field, message: 'logic.constraint' })
    }
  }
  if (errors.length) return { errors }
  // A scored question that was not shown is not counted at all: 3 of 3, not 3 of 4.
  const scored = itemsOf(definition).filter((i) => i.answer !== undefined && state.relevant.has(i.id))
  const score = scored.length ? scored.filter((i) => isCorrect(i, answers[i.id])).length : null
  return { errors, value: { id: raw.id.toLowerCase(), code: joinCode(parts), answers, score, maxScore: scored.length || null, disclosures, blanked, dropped, hidden: itemsOf(definition).filter((i) => !state.relevant.has(i.id)).map((i) => i.id) } }
}

/** The hidden items stored with a submission; undefined for a row from before they were stored (or unreadable). */
function storedHidden(hiddenItems: string | null | undefined): Set<string> | undefined {
  if (hiddenItems === null || hiddenItems === undefined) return undefined
  try {
    const ids: unknown = JSON.parse(hiddenItems)
    return Array.isArray(ids) && ids.every((x) => typeof x === 'string') ? new Set(ids) : undefined
  } catch {
    return undefined
  }
}

/**
 * Whether a stored submission was shown an item: as decided when its answers were checked (hiddenItems).
 * Only a row from before that was stored is worked out again from its answers (hidden answers were never
 * stored, so they read as empty, as they did on the form), on the day it arrived.
 */
export function shownTo(definition: Definition) {
  const hasLogic = definition.sections.some((s) => s.relevant || s.items.some((i) => i.relevant))
  const cache = new Map<string, { hidden: Set<string> } | { shown: Set<string> }>()
  return (row: { id: string; receivedAt: string; hiddenItems?: string | null }, answers: Record<string, unknown>, item: Item): boolean => {
    let known = cache.get(row.id)
    if (!known) {
      const hidden = storedHidden(row.hiddenItems)
      if (hidden) known = { hidden }
      else if (!hasLogic) known = { hidden: new Set() }
      else known = { shown: formState(definition, answers as Answers, row.receivedAt.slice(0, 10)).relevant }
      cache.set(row.id, known)
    }
    return 'hidden' in known ? !known.hidden.has(item.id) : known.shown.has(item.id)
  }
}
