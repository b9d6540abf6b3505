// Reading an XLSForm (KoboToolbox, ODK) as written after the spec, not one spelling of it: sheet and
// column names in any case, labels in `label`, `label:Lang`, `label::Lang (code)`, select and group
// types with spaces or underscores. Whatever cannot be kept is refused or dropped by name, per sheet
// and row (xlsform-messages.ts), with what a participant will see differently; nothing changes silently.
import { createHash } from 'node:crypto'
import { readSheetsInWorker, type ParseRefusalReason } from '../platform/parse-worker.ts'
import { findZipRefusal, type ZipRefusal } from '../platform/zip-limits.ts'
import { definitionSchema, itemsOf, type Bilingual, type Definition } from './questionnaire-schema.ts'
import { readChoices } from './xlsform-choices.ts'
import { checkLogic } from './xlsform-logic.ts'
import { inSheetOrder, problem, XlsFormError, type XlsFormProblem } from './xlsform-problems.ts'
import { cell, languages, readTable, type Table } from './xlsform-sheet.ts'
import { readSurvey } from './xlsform-survey.ts'
import { describeCycle, findLogicCycles } from './shared/logic-cycles.ts'

export { XlsFormError, type XlsFormProblem } from './xlsform-problems.ts'

export interface ImportedXlsForm {
  key: string
  title: Bilingual
  definition: Definition
  /** The introduction, when the form is one Jaga exported (a note marked jaga_kind `intro`). */
  intro?: Bilingual
  /** What was left out or changed, and why, by sheet and row. */
  skipped: XlsFormProblem[]
}

/** The largest .xlsx taken (upload-limits.ts refuses a larger body before it is read). */
export const MAX_XLSFORM_BYTES = 1024 * 1024

/** Rows and columns read per sheet: 5,000 questions or choices is far past any questionnaire a hall fills in. */
export const XLSFORM_LIMITS = { maxRows: 5_000, maxColumns: 100 }

/** A workbook refused before or while reading it, for its size; `key` names the message (builder-messages.ts). */
export class XlsxLimitError extends Error {
  constructor(
    readonly key: `xlsx.refused.${Exclude<ZipRefusal['reason'], 'not-zip'> | Exclude<ParseRefusalReason, 'unreadable'>}`,
    readonly params: Record<string, string | number>,
  ) {
    super(key)
  }
}

const SURVEY_COLUMNS = new Set(['type', 'name', 'label', 'hint', 'constraint_message', 'required_message', 'media', 'required', 'relevant', 'constraint', 'default', 'appearance', 'choice_filter', 'read_only', 'parameters', 'calculation', 'jaga_answer', 'jaga_topic', 'jaga_kind', 'jaga_limits'])
// Settings that change nothing a participant sees or Jaga stores (pages/theme, the submission's name).
const SETTINGS_COLUMNS = new Set(['form_title', 'form_id', 'version', 'default_language', 'style', 'instance_name', 'allow_choice_duplicates', 'namespaces'])
const EXTRA_SHEETS = ['external_choices', 'entities']

/**
 * Reads an XLSForm workbook. Throws XlsxLimitError for a file too big or too compressible to read
 * (checked before exceljs sees it), XlsFormError when nothing usable is left or the file is not one.
 * Without a form_id the key comes from the file name, so a new form never becomes a version of another.
 */
export async function fromXlsForm(input: ArrayBuffer | Uint8Array, fileName?: string): Promise<ImportedXlsForm> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input)
  // An old binary Excel file (OLE2) is not a zip: say what to do rather than "not a workbook".
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw new XlsFormError([problem('—', 0, 'xlsform.file.xls')])
  const refusal = await findZipRefusal(bytes)
  if (refusal?.reason === 'not-zip') throw new XlsFormError([problem('—', 0, 'xlsform.file.notXlsx')])
  if (refusal) {
    const { reason, ...params } = refusal
    throw new XlsxLimitError(`xlsx.refused.${reason}`, params)
  }
  const read = await readSheetsInWorker(bytes, ['survey', 'choices', 'settings', ...EXTRA_SHEETS], XLSFORM_LIMITS)
  if (!read.ok) {
    const { reason, params } = read
    if (reason === 'unreadable') throw new XlsFormError([problem('—', 0, 'xlsform.file.notXlsx')])
    throw new XlsxLimitError(`xlsx.refused.${reason}`, params)
  }
  const book = read.value
  const survey = readTable('survey', book['survey'])
  if (!survey) throw new XlsFormError([problem('survey', 0, 'xlsform.file.noSurvey')])
  // pyxform reads `value` in the choices sheet as `name`.
  const choices = readTable('choices', book['choices'], { value: 'name' })
  const settingsTable = readTable('settings', book['settings'])
  const settings = (column: string) => (settingsTable?.records[0] ? cell(settingsTable, settingsTable.records[0], column).trim() : '')

  const problems: XlsFormProblem[] = []
  for (const sheet of EXTRA_SHEETS) if (book[sheet]?.some((r) => r.number > 1 && r.cells.some(Boolean))) problems.push(problem(sheet, 0, 'xlsform.sheet.ignored', { sheet }))
  reportColumns(survey, (base) => SURVEY_COLUMNS.has(base), problems)
  if (choices) reportColumns(choices, () => true, problems)
  if (settingsTable) reportColumns(settingsTable, (base) => SETTINGS_COLUMNS.has(base), problems)

  const langs = languages(choices ? [survey, choices] : [survey], settings('default_language'), problems)
  if ('key' in langs) throw new XlsFormError(inSheetOrder([...problems, langs]))
  const lists = readChoices(choices, langs, problems)
  const found: { intro?: Bilingual } = {}
  const pending = readSurvey(survey, lists, langs, problems, found)
  const checked = checkLogic(pending, problems)
  const sections = checked.filter((s) => s.items.length > 0)
  if (!sections.some((s) => s.items.length)) throw new XlsFormError(inSheetOrder([...problems, problem('survey', 0, 'xlsform.form.empty')]))
  const parsed = definitionSchema.safeParse({ sections, ...(langs.one ? { language: langs.one } : {}) })
  if (!parsed.success) throw new XlsFormError(inSheetOrder([...problems, ...parsed.error.issues.map((i) => problem('survey', 0, 'xlsform.form.invalid', { detail: i.message }))]))
  if (!itemsOf(parsed.data).length) throw new XlsFormError(inSheetOrder([...problems, problem('survey', 0, 'xlsform.form.empty')]))
  const cycles = findLogicCycles(parsed.data)
  if (cycles.length) {
    // Show-if in a circle has no one answer to what is shown: refused at the row of its first question, naming the circle (groups by name).
    const rowOf = new Map(pending.flatMap((s) => s.items.map((p) => [p.item.id, p.row] as const)))
    const groupsOf = pending.filter((_, i) => checked[i]!.items.length > 0).map((s) => s.groups.filter((g) => g.relevant).map((g) => g.name).join('/'))
    const circles = cycles.map((c) => {
      const first = c.find((n) => 'item' in n) as { item: string }
      return problem('survey', rowOf.get(first.item) ?? 0, 'xlsform.logic.cycle', { name: first.item, cycle: describeCycle(c, (n) => groupsOf[n] || `#${n + 1}`) })
    })
    throw new XlsFormError(inSheetOrder([...problems, ...circles]))
  }

  const fileTitle = (fileName ?? '').replace(/\.[A-Za-z0-9]{1,5}$/, '').trim()
  let title = settings('form_title') || fileTitle
  if (title.length > 200) {
    title = title.slice(0, 200)
    problems.push(problem('settings', 2, 'xlsform.settings.titleCut'))
  }
  const key = slug(settings('form_id')) || slug(fileTitle) || slug(title) || `imported-${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}`
  return { key, title: { id: title || key, en: title || key }, definition: parsed.data, ...(found.intro ? { intro: found.intro } : {}), skipped: inSheetOrder(problems) }
}

/** A questionnaire key from a form_id or file name: "Pra-tes Orang Tua (final)" → "pra-tes-orang-tua-final". */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
}

/** Columns Jaga does not read, and label columns in a third language, named once per sheet if they hold anything. */
function reportColumns(table: Table, known: (base: string) => boolean, problems: XlsFormProblem[]): void {
  for (const c of table.columns) {
    if (!table.records.some((r) => r.cells[c.index])) continue
    if (c.lang === 'other') problems.push(problem(table.sheet, 1, 'xlsform.column.language', { column: c.header }))
    else if (c.lang === undefined ? !known(c.base) : c.base === 'guidance_hint') problems.push(problem(table.sheet, 1, 'xlsform.column.ignored', { column: c.header }))
  }
}
