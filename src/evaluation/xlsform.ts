// XLSForm (the spreadsheet format of KoboToolbox and ODK) to and from Jaga questionnaires: survey,
// choices and settings sheets; select_one, select_multiple, integer, decimal, text, note and groups;
// labels in `label::Indonesian (id)` and `label::English (en)` columns. Jaga's own columns
// `jaga_answer` and `jaga_topic` carry the key of a knowledge item and its library topic; other tools
// ignore them. Whatever cannot be brought over is reported by sheet and row, never dropped silently.
import { TOPICS } from '../library/content-schema.ts'
import { readSheetsInWorker, type ParseRefusalReason, type SheetRow } from '../platform/parse-worker.ts'
import { findZipRefusal, type ZipRefusal } from '../platform/zip-limits.ts'
import { definitionSchema, type Bilingual, type Definition, type Item } from './questionnaire-schema.ts'

// The writing half lives in xlsform-write.ts; re-exported so existing imports keep working.
export { LABEL_EN, LABEL_ID, toXlsForm, type XlsFormMeta } from './xlsform-write.ts'

export interface XlsFormProblem {
  sheet: string
  row: number
  message: string
}

export interface ImportedXlsForm {
  key: string
  title: Bilingual
  definition: Definition
  /** Rows that were left out, and why. */
  skipped: XlsFormProblem[]
}

/** A sheet's rows as records by its header row; each keeps its row number. */
function records(rows: SheetRow[] | undefined): { row: number; get: (column: string) => string; columns: string[] }[] {
  if (!rows) return []
  const header = rows.find((r) => r.number === 1)?.cells ?? []
  const find = (name: string) => header.findIndex((h) => h && h.toLowerCase() === name.toLowerCase())
  return rows
    .filter((r) => r.number > 1)
    .map((r) => ({
      row: r.number,
      get: (column: string) => {
        const at = find(column)
        return at < 0 ? '' : (r.cells[at] ?? '')
      },
      columns: header.filter(Boolean),
    }))
}

/** The Indonesian and English label of a row: language columns first, a plain `label` for either that is missing. */
function labelsOf(r: { get: (c: string) => string; columns: string[] }): Bilingual {
  const byLanguage = (code: string) => r.columns.find((c) => new RegExp(`^label::.*\\(${code}\\)\\s*$`, 'i').test(c))
  const plain = r.get('label')
  const id = (byLanguage('id') && r.get(byLanguage('id')!)) || plain
  const en = (byLanguage('en') && r.get(byLanguage('en')!)) || plain
  return { id: id || en, en: en || id }
}

const SUPPORTED = 'select_one, select_multiple, integer, decimal, text, note, begin_group, end_group'
const METADATA = new Set(['start', 'end', 'today', 'deviceid', 'subscriberid', 'simserial', 'phonenumber', 'username', 'email', 'audit', 'start-geopoint'])
const MEDIA = new Set(['image', 'audio', 'video', 'file', 'background-audio'])

export class XlsFormError extends Error {
  constructor(readonly problems: XlsFormProblem[]) {
    super(problems.map((p) => `${p.sheet} row ${p.row}: ${p.message}`).join('; '))
  }
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

const NOT_XLSX: XlsFormProblem = { sheet: '—', row: 0, message: 'the file is not an .xlsx workbook' }

/**
 * Reads an XLSForm workbook. Throws XlsxLimitError for a file too big or too compressible to read
 * (checked before exceljs sees it), XlsFormError when nothing usable is left or the file is not one.
 */
export async function fromXlsForm(input: ArrayBuffer | Uint8Array): Promise<ImportedXlsForm> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input)
  const refusal = await findZipRefusal(bytes)
  if (refusal?.reason === 'not-zip') throw new XlsFormError([NOT_XLSX])
  if (refusal) {
    const { reason, ...params } = refusal
    throw new XlsxLimitError(`xlsx.refused.${reason}`, params)
  }
  const read = await readSheetsInWorker(bytes, ['survey', 'choices', 'settings'], XLSFORM_LIMITS)
  if (!read.ok) {
    const { reason, params } = read
    if (reason === 'unreadable') throw new XlsFormError([NOT_XLSX])
    throw new XlsxLimitError(`xlsx.refused.${reason}`, params)
  }
  const book = read.value
  const surveySheet = book['survey']
  if (!surveySheet) throw new XlsFormError([{ sheet: 'survey', row: 0, message: 'the workbook has no "survey" sheet' }])
  const skipped: XlsFormProblem[] = []
  const lists = new Map<string, { value: string; label: Bilingual }[]>()
  for (const r of records(book['choices'])) {
    const list = r.get('list_name') || r.get('list name')
    const value = r.get('name')
    if (!list && !value) continue
    if (!/^[a-z0-9_]{1,32}$/i.test(value)) {
      skipped.push({ sheet: 'choices', row: r.row, message: `choice name "${value}" must be up to 32 letters, digits or _` })
      continue
    }
    const options = lists.get(list) ?? []
    options.push({ value: value.toLowerCase(), label: labelsOf(r) })
    lists.set(list, options)
  }

  const sections: Definition['sections'] = [{ items: [] }]
  const seen = new Set<string>()
  for (const r of records(surveySheet)) {
    const raw = r.get('type')
    if (!raw) continue
    const [type = '', list = ''] = raw.replace(/\s+/g, ' ').split(' ')
    const kind = type.toLowerCase().replace(' ', '_')
    const skip = (message: string) => skipped.push({ sheet: 'survey', row: r.row, message })
    if (kind === 'begin_group' || kind === 'begin') {
      sections.push({ title: labelsOf(r), items: [] })
      continue
    }
    if (kind === 'end_group' || kind === 'end' && list.toLowerCase() === 'group') {
      sections.push({ items: [] })
      continue
    }
    if (MEDIA.has(kind)) {
      skip(`type "${raw}" asks for a photo, sound, video or file: Jaga never takes those`)
      continue
    }
    if (METADATA.has(kind)) {
      skip(`type "${raw}" collects device or personal metadata, which Jaga does not keep`)
      continue
    }
    const name = r.get('name').toLowerCase().replace(/[^a-z0-9_]/g, '_').replace(/^[^a-z]+/, '').slice(0, 32)
    if (!name || seen.has(name)) {
      skip(name ? `name "${name}" is used twice` : 'the row has no usable name')
      continue
    }
    const label = labelsOf(r)
    if (!label.id) {
      skip(`"${name}" has no label`)
      continue
    }
    const required = /^(yes|true|true\(\))$/i.test(r.get('required'))
    const topic = r.get('jaga_topic')
    const answerCell = r.get('jaga_answer').toLowerCase()
    let item: Item
    if (kind === 'select_one' || kind === 'select_multiple') {
      if (/or_other/i.test(raw)) {
        skip(`"${raw}": "or_other" is not supported`)
        continue
      }
      const options = lists.get(list)
      if (!options?.length) {
        skip(`choice list "${list}" is missing from the choices sheet`)
        continue
      }
      const values = options.map((o) => o.value).sort().join(',')
      const multiple = kind === 'select_multiple'
      const itemKind = multiple ? 'multiple' : values === 'false,true' ? 'truefalse' : values === '1,2,3,4,5' ? 'likert' : 'single'
      item = {
        id: name,
        kind: itemKind,
        label,
        required,
        ...(itemKind === 'single' || itemKind === 'multiple' ? { options } : {}),
        ...(answerCell ? { answer: multiple ? answerCell.split(/\s+/) : answerCell } : {}),
      } as Item
    } else if (kind === 'integer' || kind === 'decimal') item = { id: name, kind: 'number', label, required }
    else if (kind === 'text' || kind === 'note') item = { id: name, kind, label, required: kind === 'text' && required }
    else {
      skip(`type "${raw}" is not supported (supported: ${SUPPORTED})`)
      continue
    }
    if (topic) {
      if ((TOPICS as readonly string[]).includes(topic)) item.topic = topic as Item['topic']
      else skip(`"${name}": topic "${topic}" is not a library topic (kept without one)`)
    }
    seen.add(name)
    sections[sections.length - 1]!.items.push(item)
  }
  const parsed = definitionSchema.safeParse({ sections: sections.filter((s) => s.items.length > 0) })
  if (!parsed.success) throw new XlsFormError([...skipped, ...parsed.error.issues.map((i) => ({ sheet: 'survey', row: 0, message: i.message }))])

  const settings = records(book['settings'])[0]
  const title = settings ? { id: settings.get('form_title'), en: settings.get('form_title') } : { id: '', en: '' }
  const key = (settings?.get('form_id') ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
  return { key: key || 'imported', title: { id: title.id || key || 'Kuesioner impor', en: title.en || key || 'Imported questionnaire' }, definition: parsed.data, skipped }
}
