// A participant's answers checked against the questionnaire version they were given, scored, and
// stripped of anything that could identify them or that tells of harm.
import type { FieldError } from '../platform/http/problems.ts'
import { codeElement, joinCode, normaliseElement } from './code-elements.ts'
import { itemsOf, type Definition, type Item } from './questionnaire-schema.ts'
import { looksLikeDisclosure } from './shared/disclosure.ts'
import { blankPersonalData } from '../platform/personal-data.ts'

/** What arrives from the phone (JSON) or the plain HTML form, before any checking. */
export interface RawSubmission {
  id: string
  code: Record<string, string>
  answers: Record<string, string | string[]>
}

export interface CheckedSubmission {
  id: string
  code: string
  answers: Record<string, string | string[] | number>
  score: number | null
  maxScore: number | null
  /** Free text routed to help instead of the data set. */
  disclosures: { itemId: string; text: string }[]
  /** Whether personal data (a phone number, an address…) was blanked out of a free-text answer. */
  blanked: boolean
}

export const MAX_TEXT = 1000
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const choicesOf = (item: Item) => (item.kind === 'truefalse' ? ['true', 'false'] : (item.options ?? []).map((o) => o.value))

/** Whether a checked answer is right (1) or wrong (0); unanswered counts as wrong. */
export function isCorrect(item: Item, answer: unknown): boolean {
  if (item.answer === undefined || answer === undefined) return false
  if (Array.isArray(item.answer)) {
    const given = Array.isArray(answer) ? answer : [answer]
    return given.length === item.answer.length && item.answer.every((a) => given.includes(a))
  }
  return answer === item.answer
}

export function checkSubmission(definition: Definition, codeElements: readonly string[], raw: RawSubmission, keywords: readonly string[]): { errors: FieldError[]; value?: CheckedSubmission } {
  const errors: FieldError[] = []
  if (!UUID.test(raw.id ?? '')) errors.push({ field: 'id', message: 'collect.badId' })
  const parts: string[] = []
  for (const key of codeElements) {
    const element = codeElement(key)!
    const part = normaliseElement(element, raw.code?.[key] ?? '')
    if (part === undefined) errors.push({ field: `code.${key}`, message: element.kind === 'letters' ? 'collect.codeLetters' : 'collect.codeNumber', params: { length: element.length, min: element.min ?? 0, max: element.max ?? 9 } })
    else parts.push(part)
  }
  const answers: CheckedSubmission['answers'] = {}
  const disclosures: CheckedSubmission['disclosures'] = []
  let blanked = false
  for (const item of itemsOf(definition)) {
    if (item.kind === 'note') continue
    const given = raw.answers?.[item.id]
    const values = (Array.isArray(given) ? given : given === undefined ? [] : [given]).map((v) => String(v).trim()).filter((v) => v !== '')
    if (values.length === 0) {
      if (item.required) errors.push({ field: `a.${item.id}`, message: 'collect.required' })
      continue
    }
    const field = `a.${item.id}`
    if (item.kind === 'single' || item.kind === 'truefalse') {
      if (values.length !== 1 || !choicesOf(item).includes(values[0]!)) errors.push({ field, message: 'collect.choose' })
      else answers[item.id] = values[0]!
    } else if (item.kind === 'multiple') {
      if (values.some((v) => !choicesOf(item).includes(v))) errors.push({ field, message: 'collect.choose' })
      else answers[item.id] = [...new Set(values)]
    } else if (item.kind === 'likert') {
      const n = Number(values[0])
      if (values.length !== 1 || !Number.isInteger(n) || n < 1 || n > 5) errors.push({ field, message: 'collect.likert' })
      else answers[item.id] = n
    } else if (item.kind === 'number') {
      const n = Number(values[0]!.replace(',', '.'))
      if (!Number.isFinite(n) || (item.min !== undefined && n < item.min) || (item.max !== undefined && n > item.max))
        errors.push({ field, message: 'collect.number', params: { min: item.min ?? '', max: item.max ?? '' } })
      else answers[item.id] = n
    } else {
      const text = values.join(' ')
      if (text.length > MAX_TEXT) errors.push({ field, message: 'collect.tooLong', params: { max: MAX_TEXT } })
      else {
        // Personal data is blanked out of disclosures too: answers are anonymous whatever is written.
        const clean = blankPersonalData(text)
        blanked ||= clean.blanked
        if (looksLikeDisclosure(text, keywords)) disclosures.push({ itemId: item.id, text: clean.text })
        else answers[item.id] = clean.text
      }
    }
  }
  if (errors.length) return { errors }
  const scored = itemsOf(definition).filter((i) => i.answer !== undefined)
  const score = scored.length ? scored.filter((i) => isCorrect(i, answers[i.id])).length : null
  return { errors, value: { id: raw.id.toLowerCase(), code: joinCode(parts), answers, score, maxScore: scored.length || null, disclosures, blanked } }
}
