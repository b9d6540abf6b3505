// What an XLSForm import could not keep: a message key and its values per sheet and row, so each reader
// sees it in their own language. `message` is the English text, for logs and callers without a locale.
import { createTranslator, type Params } from '../platform/i18n/i18n.ts'
import { xlsformMessages, type XlsFormMessageKey } from './xlsform-messages.ts'

export interface XlsFormProblem {
  sheet: string
  /** The spreadsheet row (1 is the header row); 0 for the whole file. */
  row: number
  key: XlsFormMessageKey
  params: Params
  message: string
}

const english = createTranslator(xlsformMessages, 'en')

export function problem(sheet: string, row: number, key: XlsFormMessageKey, params: Params = {}): XlsFormProblem {
  return { sheet, row, key, params, message: english(key, params) }
}

/** The file cannot become a questionnaire; `problems` says why, row by row. */
export class XlsFormError extends Error {
  constructor(readonly problems: XlsFormProblem[]) {
    super(problems.map((p) => `${p.sheet} row ${p.row}: ${p.message}`).join('; '))
  }
}

const SHEET_ORDER = ['—', 'settings', 'survey', 'choices']

/** File-level problems first, then settings, survey and choices, each in row order. */
export function inSheetOrder(problems: XlsFormProblem[]): XlsFormProblem[] {
  const rank = (s: string) => (SHEET_ORDER.includes(s) ? SHEET_ORDER.indexOf(s) : SHEET_ORDER.length)
  return problems.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p.sheet) - rank(b.p.sheet) || a.p.row - b.p.row || a.i - b.i).map((x) => x.p)
}
