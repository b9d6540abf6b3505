// Answers exported from Google Forms or KoboToolbox as CSV, brought into a session's questionnaire
// through a column mapping: which column holds which code part and which question. Each row gets an
// id made from the link and the row's content, so importing the same file twice stores nothing twice.
import crypto from 'node:crypto'
import { parse } from 'csv-parse/sync'
import { parseCsvInWorker } from '../platform/parse-worker.ts'
import type { RawSubmission } from './answers.ts'
import { cellToAnswer, isoDateOf } from './paper-entry.ts'
import { DONT_KNOW, type Item } from './questionnaire-schema.ts'

export interface CsvTable {
  header: string[]
  rows: string[][]
}

/**
 * One import: 1 MB is ~4,000 rows of a 25-question export; 5,000 rows is more than any session's
 * hall, and a Google Forms export has a column per question plus a few, far under 200.
 */
export const CSV_LIMITS = { maxBytes: 1024 * 1024, maxRows: 5_000, maxColumns: 200 }

/** Without a byte-order mark, and with the delimiter its first line uses (Excel in Indonesia writes ";"). */
function prepare(text: string): { clean: string; delimiter: string } {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const firstLine = clean.slice(0, clean.search(/\r?\n|$/))
  return { clean, delimiter: !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',' }
}

const tableOf = (records: string[][]): CsvTable => ({ header: (records[0] ?? []).map((h) => h.trim()), rows: records.slice(1) })

/** Small, trusted text only (tests, tools); an upload goes through readCsvUpload. */
export function readCsv(text: string): CsvTable {
  const { clean, delimiter } = prepare(text)
  return tableOf(parse(clean, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][])
}

export type CsvRefusal = { key: 'csvImport.tooLarge' | 'csvImport.tooManyRows' | 'csvImport.tooManyColumns' | 'csvImport.unreadable' | 'csvImport.tooHeavy'; params: Record<string, string | number> }

/**
 * An uploaded CSV within CSV_LIMITS, parsed in a worker thread: a 1 MB file takes 35–85 ms to parse,
 * which would hold up every other request (measured on a 4,173-row, 25-column export).
 */
export async function readCsvUpload(text: string): Promise<{ table: CsvTable } | CsvRefusal> {
  // Counted with LF line ends: a browser sends the text back from the mapping form with CRLF.
  if (Buffer.byteLength(text.replace(/\r\n/g, '\n'), 'utf8') > CSV_LIMITS.maxBytes) return { key: 'csvImport.tooLarge', params: { limitMb: CSV_LIMITS.maxBytes / (1024 * 1024) } }
  const { clean, delimiter } = prepare(text)
  const read = await parseCsvInWorker(clean, delimiter, CSV_LIMITS)
  if (read.ok) return { table: tableOf(read.value) }
  if (read.reason === 'rows') return { key: 'csvImport.tooManyRows', params: read.params }
  if (read.reason === 'columns') return { key: 'csvImport.tooManyColumns', params: read.params }
  if (read.reason === 'unreadable') return { key: 'csvImport.unreadable', params: {} }
  return { key: 'csvImport.tooHeavy', params: {} }
}

const norm = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim()

/** The column that most likely holds a field: same name, or a header that starts with its label. */
export function guessColumn(header: string[], names: string[]): string {
  const wanted = names.map(norm).filter(Boolean)
  const exact = header.find((h) => wanted.includes(norm(h)))
  if (exact) return exact
  return header.find((h) => wanted.some((w) => w.length > 8 && (norm(h).startsWith(w.slice(0, 40)) || w.startsWith(norm(h).slice(0, 40)) && norm(h).length > 8))) ?? ''
}

/** A cell as the answer it stands for: option name, option label in either language, or the quick codes of paper entry. */
export function csvCellToAnswer(item: Item, cell: string): string | string[] | undefined {
  const text = cell.trim()
  if (text === '') return undefined
  const byLabel = (part: string) => {
    const n = norm(part)
    const option = (item.options ?? []).find((o) => norm(o.value) === n || norm(o.label.id) === n || norm(o.label.en) === n)
    return option?.value
  }
  if (item.kind === 'single') return byLabel(text) ?? cellToAnswer(item, text)
  if (item.kind === 'multiple') {
    // Google Forms joins the chosen labels with ", "; KoboToolbox joins option names with spaces.
    const labels = text.split(/\s*[;,]\s*/).map(byLabel)
    if (labels.every(Boolean)) return labels as string[]
    return text.split(/[\s;,]+/).map((part) => byLabel(part) ?? part.toLowerCase())
  }
  if (item.kind === 'truefalse') {
    const n = norm(text)
    if (['true', 'benar', 'ya', 'yes', 'b'].includes(n)) return 'true'
    if (['false', 'salah', 'tidak', 'no', 's'].includes(n)) return 'false'
    if (item.dontKnow && ['dont know', 'don t know', 'tidak tahu'].includes(n)) return DONT_KNOW
    return cellToAnswer(item, text)
  }
  if (item.kind === 'likert') return /^[1-5]/.test(text) ? text[0]! : text
  // KoboToolbox writes YYYY-MM-DD; a spreadsheet saved in Indonesia often 31/01/2026.
  if (item.kind === 'date') return isoDateOf(text)
  return text
}

export type Mapping = Record<string, string>

/** The submissions of every row under a mapping (field → column header); fields mapped to no column stay empty. */
export function mapRows(table: CsvTable, mapping: Mapping, linkId: string, codeElements: readonly string[], items: readonly Item[]): { line: number; raw: RawSubmission }[] {
  const at = (field: string) => (mapping[field] ? table.header.indexOf(mapping[field]!) : -1)
  return table.rows.map((row, i) => {
    const cell = (field: string) => (at(field) >= 0 ? (row[at(field)] ?? '') : '')
    const id = crypto.createHash('sha256').update(`${linkId}\n${JSON.stringify(row)}`).digest('hex')
    const raw: RawSubmission = { id: `${id.slice(0, 8)}-${id.slice(8, 12)}-4${id.slice(13, 16)}-8${id.slice(17, 20)}-${id.slice(20, 32)}`, code: {}, answers: {} }
    for (const key of codeElements) raw.code[key] = cell(`code.${key}`)
    for (const item of items) {
      const answer = csvCellToAnswer(item, cell(`a.${item.id}`))
      if (answer !== undefined) raw.answers[item.id] = answer
      // KoboToolbox exports the written "Other" answer in a column <name>_other; used when no mapping names one.
      if (item.other) {
        const other = mapping[`a.${item.id}_other`] !== undefined ? cell(`a.${item.id}_other`) : (row[table.header.indexOf(`${item.id}_other`)] ?? '')
        if (other.trim()) raw.answers[`${item.id}_other`] = other.trim()
      }
    }
    return { line: i + 2, raw }
  })
}
