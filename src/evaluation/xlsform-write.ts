// A questionnaire version as an XLSForm workbook that KoboToolbox, ODK and pyxform accept: survey,
// choices and settings sheets; labels, hints and constraint messages per language
// (`label::Indonesian (id)`); relevant, constraint, required (yes or an expression), default,
// choice_filter with the options' filter columns, "Other" as an explicit choice and text row
// (xlsform-other.ts: pyxform warns of or_other with translations), min/max as a constraint marked in
// `jaga_limits` (xlsform-limits.ts). Jaga's own kinds (Likert, true/false,
// true/false with "don't know") are written as ordinary select lists AND named in the `jaga_kind`
// column, so another tool shows them and Jaga reads them back as they were. Rows that are not
// questions of the questionnaire (its intro, a session's code questions) are marked in `jaga_kind`
// (JAGA_ROW_KINDS) and named with the JAGA_ROW_PREFIX, so a reader recognises and skips them.
import type ExcelJSModule from 'exceljs'
import { createTranslator, type Locale } from '../platform/i18n/i18n.ts'
import { codeElement, codeLabel } from './code-elements.ts'
import type { Register } from './participant-register.ts'
import { collectFormMessages } from './collect-form-messages.ts'
import { DONT_KNOW, OTHER, type Bilingual, type Definition, type Item } from './questionnaire-schema.ts'
import { limitsCell, LIMITS_COLUMN, writtenConstraint } from './xlsform-limits.ts'
import { filterWithOther, OTHER_LABEL, OTHER_TEXT_KIND, OTHER_TEXT_LABEL, otherRelevant, otherTextName } from './xlsform-other.ts'

export const LANGUAGE_COLUMN: Record<Locale, string> = { id: 'Indonesian (id)', en: 'English (en)' }
export const LABEL_ID = `label::${LANGUAGE_COLUMN.id}`
export const LABEL_EN = `label::${LANGUAGE_COLUMN.en}`

/** Values of `jaga_kind` on survey rows: an item's own kind, or a row that is not an item (skipped on import). */
export const JAGA_KINDS = { likert: 'likert', truefalse: 'truefalse', truefalseDontKnow: 'truefalse_dontknow' } as const
export const JAGA_ROW_KINDS = { intro: 'intro', code: 'code' } as const
/** Names of the rows that are not items: `jaga_intro`, `jaga_code_<element>`. Item ids never start with it in exports Jaga makes. */
export const JAGA_ROW_PREFIX = 'jaga_'
/** A survey row Jaga wrote that is not an item (the intro, a code question): a reader skips it. */
export const isJagaOwnRow = (name: string, jagaKind: string): boolean =>
  name.startsWith(JAGA_ROW_PREFIX) && (Object.values(JAGA_ROW_KINDS) as string[]).includes(jagaKind.trim().toLowerCase())

export interface XlsFormMeta {
  key: string
  title: Bilingual
  version: number
  /** The questionnaire's introduction, written as the first note. */
  intro?: Bilingual
  /** A session link's code elements (code-elements.ts): written as text questions with their constraints. */
  codeElements?: readonly string[]
  /** Whose words the code questions use ('Anda' for adults, the default; 'kamu' for a children's group). */
  register?: Register
}

const LIKERT_LIST = 'likert5'
const LIKERT_LABELS: Bilingual[] = [
  { id: 'Sangat tidak setuju', en: 'Strongly disagree' },
  { id: 'Tidak setuju', en: 'Disagree' },
  { id: 'Ragu-ragu', en: 'Not sure' },
  { id: 'Setuju', en: 'Agree' },
  { id: 'Sangat setuju', en: 'Strongly agree' },
]
const TRUE_FALSE: { value: string; label: Bilingual }[] = [
  { value: 'true', label: { id: 'Benar', en: 'True' } },
  { value: 'false', label: { id: 'Salah', en: 'False' } },
]
const DONT_KNOW_OPTION = { value: DONT_KNOW, label: { id: 'Tidak tahu', en: "Don't know" } }

type Option = { value: string; label: Bilingual; filter?: Record<string, string> }
/** One survey row by column name; columns nobody uses are not written. */
type Row = Record<string, string>

const bilingualOf = (key: 'collect.codeLetters' | 'collect.codeNumber', params: Record<string, number>): Bilingual => ({
  id: createTranslator(collectFormMessages, 'id')(key, params),
  en: createTranslator(collectFormMessages, 'en')(key, params),
})

/** The survey rows asking a session's code questions, as Kobo enforces them (letters, or a number in range). */
function codeRows(keys: readonly string[], register: Register): Row[] {
  return keys.flatMap((key) => {
    const element = codeElement(key)
    if (!element) return []
    const letters = element.kind === 'letters'
    const constraint = letters ? `regex(., '^[A-Za-z]{${element.length}}$')` : `regex(., '^[0-9]{1,2}$') and . >= ${element.min ?? 0} and . <= ${element.max ?? 99}`
    const message = letters ? bilingualOf('collect.codeLetters', { length: element.length }) : bilingualOf('collect.codeNumber', { min: element.min ?? 0, max: element.max ?? 99 })
    return [{ type: 'text', name: `${JAGA_ROW_PREFIX}code_${key}`, ...labelCells('label', codeLabel(element, register)), required: 'yes', constraint, ...labelCells('constraint_message', message), jaga_kind: JAGA_ROW_KINDS.code }]
  })
}

function labelCells(column: string, text: Bilingual | undefined): Row {
  if (!text) return {}
  return { [`${column}::${LANGUAGE_COLUMN.id}`]: text.id, [`${column}::${LANGUAGE_COLUMN.en}`]: text.en }
}

/** A questionnaire version as an XLSForm workbook (xlsx bytes). */
export async function toXlsForm(meta: XlsFormMeta, definition: Definition): Promise<Buffer> {
  const rows: Row[] = []
  const lists = new Map<string, Option[]>()
  const sameOptions = (a: Option[], b: Option[]) => JSON.stringify(a) === JSON.stringify(b)
  /** Writes a list once; a list name already holding other options gets the item's id added. */
  const listFor = (wanted: string, options: Option[], id: string): string => {
    for (const name of [wanted, `${wanted}_${id}`]) {
      const existing = lists.get(name)
      if (!existing) lists.set(name, options)
      if (!existing || sameOptions(existing, options)) return name
    }
    return wanted // unreachable: `${wanted}_${id}` is unique per item
  }

  if (meta.intro && (meta.intro.id || meta.intro.en)) rows.push({ type: 'note', name: `${JAGA_ROW_PREFIX}intro`, ...labelCells('label', meta.intro), jaga_kind: JAGA_ROW_KINDS.intro })
  rows.push(...codeRows(meta.codeElements ?? [], meta.register ?? 'adult'))

  definition.sections.forEach((section, s) => {
    const group = !!(section.title || section.relevant)
    if (group) rows.push({ type: 'begin_group', name: `section_${s + 1}`, ...labelCells('label', section.title), ...(section.relevant ? { relevant: section.relevant } : {}) })
    for (const item of section.items) rows.push(...itemRows(item, listFor))
    if (group) rows.push({ type: 'end_group' })
  })

  // Imported here, not at start: exceljs costs ~25 MB of an idle server's memory (issue 17).
  const ExcelJS = ((await import('exceljs')) as { default: typeof ExcelJSModule }).default
  const book = new ExcelJS.Workbook()
  const only = definition.language
  const languages: Locale[] = only ? [only] : ['id', 'en']
  // A one-language questionnaire gets that language's columns only (both label fields hold the same text).
  const labels = languages.map((l) => `label::${LANGUAGE_COLUMN[l]}`)
  const optional = ['hint', 'relevant', 'constraint', 'constraint_message', 'required', 'default', 'choice_filter', 'jaga_kind', 'jaga_answer', 'jaga_topic', LIMITS_COLUMN]
  const used = new Set(rows.flatMap((r) => Object.keys(r)))
  const surveyColumns = ['type', 'name', ...labels, ...optional.flatMap((c) => (c === 'hint' || c === 'constraint_message' ? languages.map((l) => `${c}::${LANGUAGE_COLUMN[l]}`) : [c])).filter((c) => used.has(c) || c === 'required')]
  const survey = book.addWorksheet('survey')
  survey.addRow(surveyColumns)
  for (const r of rows) survey.addRow(surveyColumns.map((c) => r[c] ?? ''))

  const filterColumns = [...new Set([...lists.values()].flatMap((options) => options.flatMap((o) => Object.keys(o.filter ?? {}))))]
  const choices = book.addWorksheet('choices')
  const choiceColumns = ['list_name', 'name', ...labels, ...filterColumns]
  choices.addRow(choiceColumns)
  for (const [list, options] of lists)
    for (const o of options) choices.addRow([list, o.value, ...languages.map((l) => o.label[l]), ...filterColumns.map((c) => o.filter?.[c] ?? '')])

  const settings = book.addWorksheet('settings')
  settings.addRow(['form_title', 'form_id', 'version', 'default_language'])
  // `version` is a string in XLSForm: a cell typed as text, never a number.
  settings.addRow([meta.title[languages[0]!], meta.key, String(meta.version), LANGUAGE_COLUMN[languages[0]!]])
  return Buffer.from(await book.xlsx.writeBuffer())
}

/** An item's survey row, and for a choice item with "Other" the text row that asks for it. */
function itemRows(item: Item, listFor: (wanted: string, options: Option[], id: string) => string): Row[] {
  const row = itemRow(item, listFor)
  if (!item.other) return [row]
  if (item.choiceFilter) row['choice_filter'] = filterWithOther(item.choiceFilter)
  const name = otherTextName(item.id)
  return [row, { type: 'text', name, ...labelCells('label', OTHER_TEXT_LABEL), required: 'yes', relevant: otherRelevant(item.id), jaga_kind: OTHER_TEXT_KIND }]
}

function itemRow(item: Item, listFor: (wanted: string, options: Option[], id: string) => string): Row {
  let type: string
  let jagaKind = ''
  if (item.kind === 'single' || item.kind === 'multiple') {
    const options = [...(item.options ?? []), ...(item.other ? [{ value: OTHER, label: OTHER_LABEL }] : [])]
    type = `${item.kind === 'single' ? 'select_one' : 'select_multiple'} ${listFor(item.list ?? `${item.id}_choices`, options, item.id)}`
  } else if (item.kind === 'truefalse') {
    const options = item.dontKnow ? [...TRUE_FALSE, DONT_KNOW_OPTION] : TRUE_FALSE
    type = `select_one ${listFor(item.list ?? (item.dontKnow ? 'truefalse_dontknow' : 'truefalse'), options, item.id)}`
    jagaKind = item.dontKnow ? JAGA_KINDS.truefalseDontKnow : JAGA_KINDS.truefalse
  } else if (item.kind === 'likert') {
    const labels = LIKERT_LABELS.map((label, i) => (item.anchors && (i === 0 || i === 4) ? item.anchors[i === 0 ? 0 : 1] : label))
    type = `select_one ${listFor(item.list ?? LIKERT_LIST, labels.map((label, i) => ({ value: String(i + 1), label })), item.id)}`
    jagaKind = JAGA_KINDS.likert
  } else if (item.kind === 'number') type = item.integer ? 'integer' : 'decimal'
  else type = item.kind
  const answer = item.answer === undefined ? '' : Array.isArray(item.answer) ? item.answer.join(' ') : item.answer
  // min/max become a constraint other tools enforce (xlsform-limits.ts). Jaga enforces them on number
  // items only (answers.ts), so only those get one.
  const limits = item.kind === 'number' ? { ...(item.min !== undefined ? { min: item.min } : {}), ...(item.max !== undefined ? { max: item.max } : {}) } : {}
  const constraint = writtenConstraint(item.constraint, limits)
  const row: Row = { type, name: item.id, ...labelCells('label', item.label), ...labelCells('hint', item.hint), required: item.required ? 'yes' : (item.requiredIf ?? '') }
  if (item.relevant) row['relevant'] = item.relevant
  if (constraint) row['constraint'] = constraint
  if (constraint && item.kind === 'number') row[LIMITS_COLUMN] = limitsCell(limits)
  Object.assign(row, labelCells('constraint_message', item.constraintMessage))
  if (item.default !== undefined) row['default'] = item.default
  if (item.choiceFilter) row['choice_filter'] = item.choiceFilter
  if (jagaKind) row['jaga_kind'] = jagaKind
  if (answer) row['jaga_answer'] = answer
  if (item.topic) row['jaga_topic'] = item.topic
  return row
}

