// Typing in paper questionnaires: one row per paper, one short cell per question, so a staff member
// can enter a stack of forms from the keyboard alone. Cells take what is quickest to type: the
// option's letter or number, 1/0 (or b/s, t/f, y/n) for true/false, 1–5 for a scale.
import type { RawSubmission } from './answers.ts'
import type { Item } from './questionnaire-schema.ts'

const TRUE = ['1', 'b', 't', 'y', 'true', 'benar', 'ya']
const FALSE = ['0', 's', 'f', 'n', 'false', 'salah', 'tidak']

/** A choice item whose options include 'true' and 'false' (the shipped tests' Benar / Salah / Tidak tahu). */
export const isTrueFalseChoice = (item: Item) => item.kind === 'single' && ['true', 'false'].every((v) => (item.options ?? []).some((o) => o.value === v))

/** The answer a typed cell stands for; an unreadable cell is passed through so the checks name it. */
export function cellToAnswer(item: Item, cell: string): string | string[] | undefined {
  const typed = cell.trim().toLowerCase()
  if (typed === '') return undefined
  if (item.kind === 'truefalse') return TRUE.includes(typed) ? 'true' : FALSE.includes(typed) ? 'false' : typed
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
    const cells = [...codeElements.map((k) => get(`code.${k}`)), ...items.map((i) => get(`a.${i.id}`))]
    if (cells.every((c) => c.trim() === '')) continue
    const raw: RawSubmission = { id: get('id'), code: {}, answers: {} }
    for (const key of codeElements) raw.code[key] = get(`code.${key}`)
    for (const item of items) {
      const answer = cellToAnswer(item, get(`a.${item.id}`))
      if (answer !== undefined) raw.answers[item.id] = answer
    }
    out.push({ row: r, raw })
  }
  return out
}
