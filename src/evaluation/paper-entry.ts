// Typing in paper questionnaires: one row per paper, one short cell per question, so a staff member
// can enter a stack of forms from the keyboard alone. Cells take what is quickest to type: the
// option's letter or number, 1/0 (or b/s, t/f, y/n) for true/false, 1–5 for a scale, ? for "don't
// know", a date as on paper (31/1/2026) or as YYYY-MM-DD.
import type { RawSubmission } from './answers.ts'
import { DONT_KNOW, type Item } from './questionnaire-schema.ts'

const TRUE = ['1', 'b', 't', 'y', 'true', 'benar', 'ya']
const FALSE = ['0', 's', 'f', 'n', 'false', 'salah', 'tidak']
const DONT_KNOWS = ['?', 'tt', 'dk', 'tidak tahu', "don't know", 'dont know', DONT_KNOW]

/** A date as people write it in Indonesia (day first: 31/1/2026, 31-01-2026, 31.1.2026) as YYYY-MM-DD; anything else unchanged, for the checks to name. */
export function isoDateOf(text: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim())
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : text.trim()
}

/** A choice item whose options include 'true' and 'false' (the shipped tests' Benar / Salah / Tidak tahu). */
export const isTrueFalseChoice = (item: Item) => item.kind === 'single' && ['true', 'false'].every((v) => (item.options ?? []).some((o) => o.value === v))

/** The answer a typed cell stands for; an unreadable cell is passed through so the checks name it. */
export function cellToAnswer(item: Item, cell: string): string | string[] | undefined {
  const typed = cell.trim().toLowerCase()
  if (typed === '') return undefined
  if (item.kind === 'truefalse') return TRUE.includes(typed) ? 'true' : FALSE.includes(typed) ? 'false' : item.dontKnow && DONT_KNOWS.includes(typed) ? DONT_KNOW : typed
  if (item.kind === 'date') return isoDateOf(typed)
  // A true/false statement asked with a third choice ("Tidak tahu") is a choice item; the true/false codes still work for it.
  if (isTrueFalseChoice(item) && (TRUE.includes(typed) || FALSE.includes(typed))) return TRUE.includes(typed) ? 'true' : 'false'
  const options = (item.options ?? []).map((o) => o.value)
  const option = (x: string) => (options.includes(x) ? x : /^\d$/.test(x) && options[Number(x) - 1] ? options[Number(x) - 1]! : x)
  if (item.kind === 'single') return option(typed)
  if (item.kind === 'multiple') return [...typed.replace(/[\s,;]+/g, '')].map(option)
  return cell.trim()
}

/** The filled rows of the grid as submissions; a row with nothing typed in is no paper. */
export function rowsToSubmissions(form: Record<string, string>, rows: number, codeElements: readonly string[], items: readonly Item[]): { row: number; raw: RawSubmission }[] {
  const out: { row: number; raw: RawSubmission }[] = []
  for (let r = 0; r < rows; r++) {
    const get = (name: string) => form[`r${r}.${name}`] ?? ''
    const cells = [...codeElements.map((k) => get(`code.${k}`)), ...items.flatMap((i) => [get(`a.${i.id}`), get(`a.${i.id}_other`)])]
    if (cells.every((c) => c.trim() === '')) continue
    const raw: RawSubmission = { id: get('id'), code: {}, answers: {} }
    for (const key of codeElements) raw.code[key] = get(`code.${key}`)
    for (const item of items) {
      const answer = cellToAnswer(item, get(`a.${item.id}`))
      if (answer !== undefined) raw.answers[item.id] = answer
      // The written "Other" answer, when the grid has a cell for it.
      if (item.other && get(`a.${item.id}_other`).trim()) raw.answers[`${item.id}_other`] = get(`a.${item.id}_other`).trim()
    }
    out.push({ row: r, raw })
  }
  return out
}
