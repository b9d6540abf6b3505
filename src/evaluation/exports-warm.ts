// exceljs for the answers.xlsx export: imported on first use, not at start (20–26 MB of an idle
// server's memory, src/lazy-modules.test.ts), and made ready by warmXlsx while staff read the results
// page that links to the export (as warmPdf does for report.pdf). A fresh server's first XLSX otherwise
// spent ~0.5 s importing exceljs and setting up its zip writer (issue 17).
import { PassThrough } from 'node:stream'
import type ExcelJSModule from 'exceljs'

type ExcelJS = typeof ExcelJSModule
let loading: Promise<ExcelJS> | undefined

export function loadExcel(): Promise<ExcelJS> {
  loading ??= import('exceljs').then((m) => (m as { default: ExcelJS }).default)
  // A failed import is tried again by the next caller, which then reports it.
  loading.catch(() => (loading = undefined))
  return loading
}

/** An XLSX written row by row with exceljs's streaming writer into one Buffer; `fill` adds and commits the sheets. */
export async function streamedXlsx(fill: (book: ExcelJSModule.stream.xlsx.WorkbookWriter) => void): Promise<Buffer> {
  const ExcelJS = await loadExcel()
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  // The writer resolves when the zip is written into `out`; the last chunk is read after that.
  const ended = new Promise((resolve) => out.once('end', resolve))
  // Strings inline (no shared-strings table) and no styles: what a reader gets back is the same.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false })
  fill(book)
  await book.commit()
  await ended
  return Buffer.concat(chunks)
}

const WARM_ROWS = 1000
let warming: Promise<void> | undefined
let warm = false

/** Whether warmXlsx has not started, is under way, or has finished. */
export const xlsxWarmth = (): 'cold' | 'warming' | 'warm' => (warm ? 'warm' : warming ? 'warming' : 'cold')

/**
 * Imports exceljs and writes a throw-away workbook of WARM_ROWS rows (the zip writer's modules and first-use set-up),
 * each in a turn of the event loop of its own. Idempotent; a failure is left for the real export to report.
 */
export function warmXlsx(): Promise<void> {
  warming ??= (async () => {
    await new Promise((resolve) => setImmediate(resolve))
    await loadExcel()
    await new Promise((resolve) => setImmediate(resolve))
    // Rows like an export's (text, numbers, blanks), enough of them for V8 to compile the writer's hot
    // paths: after a two-row workbook the first real 2,000-pair export still took ~0.55 s, warm ~0.26 s.
    await streamedXlsx((book) => {
      const sheet = book.addWorksheet('warm')
      for (let i = 0; i < WARM_ROWS; i++) sheet.addRow(['AB-12-x', 'pre', 'phone', '2026-12-01T08:00:00Z', i, 7, 10, null, 'ya', 3, 4, 5, 1, 0, 2, 'teks']).commit()
      sheet.commit()
    })
    warm = true
  })().catch(() => {
    warming = undefined
  })
  return warming
}
