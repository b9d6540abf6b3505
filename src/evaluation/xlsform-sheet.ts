// One XLSForm sheet as a table: headers are matched whatever their case and spelling (`list name`,
// `list_name`, `label:English`, `label::Bahasa Indonesia (id)`), and translatable columns carry the
// language they are in. Which language a plain `label` is in is decided once per form (languages()).
import type { SheetRow } from '../platform/parse-worker.ts'
import { problem, type XlsFormProblem } from './xlsform-problems.ts'
import type { Bilingual } from './questionnaire-schema.ts'

export type Lang = 'id' | 'en'
/** A column's language: one of Jaga's two, `plain` (no language written) or another one. */
export type ColumnLang = Lang | 'plain' | 'other'

export interface Column {
  index: number
  /** The header as written, for messages. */
  header: string
  /** The normalised column name without its language: `label`, `list_name`, `media`. */
  base: string
  lang?: ColumnLang
}

export interface Table {
  sheet: string
  columns: Column[]
  records: { row: number; cells: string[] }[]
}

export type Rec = Table['records'][number]

const TRANSLATABLE = new Set(['label', 'hint', 'constraint_message', 'required_message', 'guidance_hint'])
const ALIASES: Record<string, string> = {
  'list name': 'list_name',
  'constraint message': 'constraint_message',
  'required message': 'required_message',
  'guidance hint': 'guidance_hint',
  'choice filter': 'choice_filter',
  'read only': 'read_only',
  'default language': 'default_language',
  'form title': 'form_title',
  'form id': 'form_id',
}
const MEDIA = /^(media::)?(image|big-image|audio|video)(\s*::?.*)?$/

const ID_NAMES = new Set(['indonesian', 'indonesia', 'bahasa indonesia', 'bahasa', 'id', 'ind', 'in'])
const EN_NAMES = new Set(['english', 'en', 'eng', 'inggris', 'bahasa inggris'])

/** "English (en)", "Bahasa Indonesia", "id" → Jaga's language; anything else → undefined. */
export function languageOf(text: string): Lang | undefined {
  const m = /^(.*?)\s*(?:\(([^()]*)\))?\s*$/.exec(text.trim().toLowerCase())
  const name = (m?.[1] ?? '').replace(/\s+/g, ' ')
  const code = (m?.[2] ?? '').trim()
  for (const candidate of [code, name]) {
    if (ID_NAMES.has(candidate)) return 'id'
    if (EN_NAMES.has(candidate)) return 'en'
  }
  return undefined
}

function columnOf(header: string, index: number): Column {
  const lower = header.trim().toLowerCase().replace(/\s+/g, ' ')
  if (MEDIA.test(lower)) return { index, header, base: 'media' }
  const split = /^([a-z_ ]+?)\s*::?\s*(.+)$/.exec(lower)
  if (split) {
    const base = ALIASES[split[1]!] ?? split[1]!.replace(/ /g, '_')
    if (TRANSLATABLE.has(base)) return { index, header, base, lang: languageOf(split[2]!) ?? 'other' }
  }
  const base = ALIASES[lower] ?? lower
  return { index, header, base, ...(TRANSLATABLE.has(base) ? { lang: 'plain' as const } : {}) }
}

/** A sheet's rows under its first non-empty row, the header. */
export function readTable(sheet: string, rows: SheetRow[] | undefined, aliases: Record<string, string> = {}): Table | undefined {
  if (!rows) return undefined
  const headerAt = rows.findIndex((r) => r.cells.some(Boolean))
  if (headerAt < 0) return { sheet, columns: [], records: [] }
  const columns = rows[headerAt]!.cells.flatMap((h, i) => (h ? [columnOf(h, i)] : [])).map((c) => ({ ...c, base: aliases[c.base] ?? c.base }))
  return { sheet, columns, records: rows.slice(headerAt + 1).map((r) => ({ row: r.number, cells: r.cells })) }
}

/** The first non-empty cell of the row under a column with this name (and no language). */
export function cell(table: Table, rec: Rec, base: string): string {
  for (const c of table.columns) if (c.base === base && c.lang === undefined && rec.cells[c.index]) return rec.cells[c.index]!
  return ''
}

/** How a form's texts map to Jaga's languages: where a plain `label` goes, and whether the form has one language. */
export interface Languages {
  /** The language of plain (unmarked) columns; undefined: they fill whichever language is missing. */
  plain?: Lang
  /** Set when the form is in this one language only. */
  one?: Lang
  /** Plain columns are in a third language (settings' default_language): they are not read. */
  plainOther?: boolean
}

const ID_WORDS = new Set('yang dan di ke dari apakah anda tidak ini itu untuk dengan ada berapa anak ya atau saya kami pada adalah sudah belum bagaimana siapa kapan mana sangat setuju'.split(' '))
const EN_WORDS = new Set('the and of to is are you your do does what how many have has in for with child children yes no or which who when very agree'.split(' '))

/** Indonesian or English, from the words of the texts (used only when the form does not say). */
export function guessLanguage(texts: string[]): Lang {
  let id = 0
  let en = 0
  for (const word of texts.join(' ').toLowerCase().split(/[^a-z]+/)) {
    if (ID_WORDS.has(word)) id++
    if (EN_WORDS.has(word)) en++
  }
  return en > id ? 'en' : 'id'
}

/**
 * Decides the languages of a form from its label columns (survey and choices) and settings'
 * default_language; the problem to refuse the form with when it has neither Indonesian nor English labels.
 */
export function languages(tables: Table[], defaultLanguage: string, problems: XlsFormProblem[]): Languages | XlsFormProblem {
  const labelColumns = tables.flatMap((t) => t.columns.filter((c) => c.base === 'label').map((c) => ({ t, c })))
  const has = (lang: ColumnLang) => labelColumns.some(({ t, c }) => c.lang === lang && t.records.some((r) => r.cells[c.index]))
  const plainTexts = labelColumns.filter(({ c }) => c.lang === 'plain').flatMap(({ t, c }) => t.records.map((r) => r.cells[c.index] ?? '').filter(Boolean))
  let plain = defaultLanguage ? languageOf(defaultLanguage) : undefined
  const plainOther = Boolean(defaultLanguage) && !plain
  if (plainOther) {
    const headers = new Set(labelColumns.filter(({ c }) => c.lang === 'plain').map(({ c }) => c.header))
    for (const t of tables) for (const c of t.columns) if (c.lang === 'plain' && headers.has(c.header) && t.records.some((r) => r.cells[c.index])) problems.push(problem(t.sheet, 1, 'xlsform.column.language', { column: `${c.header} (${defaultLanguage})` }))
  }
  if (!plain && !plainOther && plainTexts.length && !(has('id') && has('en'))) {
    plain = guessLanguage(plainTexts)
    problems.push(problem('settings', 0, plain === 'id' ? 'xlsform.language.guessedId' : 'xlsform.language.guessedEn'))
  }
  const id = has('id') || (plain === 'id' && plainTexts.length > 0)
  const en = has('en') || (plain === 'en' && plainTexts.length > 0)
  if (!id && !en) {
    // Plain labels under a default_language that is neither Indonesian nor English: a third language only.
    return problem('survey', 1, 'xlsform.form.noLanguage', { columns: labelColumns.map(({ c }) => c.header).join(', ') || '—' })
  }
  return { ...(plain ? { plain } : {}), ...(id && en ? {} : { one: id ? 'id' : 'en' }), ...(plainOther ? { plainOther } : {}) }
}

/**
 * The text of a translatable column (label, hint, constraint_message) in both languages, and the
 * headers of language columns left empty on this row while the other language has text.
 */
export function textOf(table: Table, rec: Rec, base: string, langs: Languages): { text?: Bilingual; empty: string[] } {
  const columns = table.columns.filter((c) => c.base === base)
  const first = (pick: (c: Column) => boolean) => columns.filter(pick).map((c) => rec.cells[c.index] ?? '').find(Boolean) ?? ''
  const plain = langs.plainOther ? '' : first((c) => c.lang === 'plain')
  const inLang = (lang: Lang) => first((c) => c.lang === lang) || (langs.plain === lang ? plain : '')
  if (langs.one) {
    const text = inLang(langs.one) || (langs.plain === undefined ? plain : '')
    return { ...(text ? { text: { id: text, en: text } } : {}), empty: [] }
  }
  const id = inLang('id') || (langs.plain === undefined ? plain : '')
  const en = inLang('en') || (langs.plain === undefined ? plain : '')
  if (!id && !en) return { empty: [] }
  const empty = (lang: Lang, text: string) => (text ? [] : columns.filter((c) => c.lang === lang || (c.lang === 'plain' && langs.plain === lang)).map((c) => c.header).slice(0, 1))
  return { text: { id: id || en, en: en || id }, empty: [...empty('id', id), ...empty('en', en)] }
}
