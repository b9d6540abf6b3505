// Uploaded spreadsheets and CSV files are parsed in a worker thread with a heap limit and a timeout,
// so a heavy file costs that worker, never the server's only thread (a 1 MB CSV takes 35–85 ms to
// parse; a large workbook seconds). The main thread only copies the result back (~2 ms for 1 MB).
//
// How the worker runs: workers get neither tsx's loader (bin/serve.js registers it in the main thread
// only) nor vitest's transform, and Node 20 cannot strip types. So, as in db/checkpointer.ts, the
// worker is plain CommonJS in a string (`eval: true`), and it requires exceljs and csv-parse by the
// absolute paths this module resolves. The same code runs under tsx, under vitest and in plain Node,
// and a bundler has no extra file to copy.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

const WORKER = `
const { workerData: task, parentPort } = require('node:worker_threads')
const text = (v) => {
  if (v === null || v === undefined) return ''
  if (typeof v === 'object' && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('').trim()
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim()
  if (typeof v === 'object' && 'text' in v) return String(v.text ?? '').trim()
  if (typeof v === 'object' && 'error' in v) return ''
  return String(v).trim()
}
async function readSheets() {
  const ExcelJS = require(task.module)
  const book = new ExcelJS.Workbook()
  try {
    await book.xlsx.load(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength))
  } catch {
    return { ok: false, reason: 'unreadable', params: {} }
  }
  const sheets = {}
  for (const name of task.sheets) {
    // Sheet names match whatever their case ("Survey", "SURVEY"); the result is keyed by the name asked for.
    const sheet = book.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase())
    if (!sheet) continue
    if (sheet.actualRowCount > task.maxRows) return { ok: false, reason: 'rows', params: { sheet: name, limit: task.maxRows } }
    const rows = []
    let wide = false
    sheet.eachRow((row, number) => {
      if (wide || row.cellCount > task.maxColumns) return void (wide = true)
      const cells = []
      for (let col = 1; col <= row.cellCount; col++) cells.push(text(row.getCell(col).value))
      rows.push({ number, cells })
    })
    if (wide) return { ok: false, reason: 'columns', params: { sheet: name, limit: task.maxColumns } }
    sheets[name] = rows
  }
  return { ok: true, value: sheets }
}
function parseCsv() {
  const { parse } = require(task.module)
  let records
  try {
    // "to" stops reading one record past the limit: enough to know the file is over it.
    records = parse(task.text, { delimiter: task.delimiter, relax_column_count: true, skip_empty_lines: true, to: task.maxRows + 2 })
  } catch {
    return { ok: false, reason: 'unreadable', params: {} }
  }
  if (records.length > task.maxRows + 1) return { ok: false, reason: 'rows', params: { limit: task.maxRows } }
  if (records.some((r) => r.length > task.maxColumns)) return { ok: false, reason: 'columns', params: { limit: task.maxColumns } }
  return { ok: true, value: records }
}
Promise.resolve(task.kind === 'sheets' ? readSheets() : parseCsv()).then(
  (outcome) => parentPort.postMessage(outcome),
  () => parentPort.postMessage({ ok: false, reason: 'unreadable', params: {} }),
)
`

export type ParseRefusalReason = 'unreadable' | 'rows' | 'columns' | 'memory' | 'timeout'
export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; reason: ParseRefusalReason; params: Record<string, string | number> }

export interface ParseLimits {
  maxRows: number
  maxColumns: number
  /** The worker is stopped after this long; a legitimate 1 MB file takes well under a second. */
  timeoutMs?: number
  /** V8 old-space limit of the worker; past it the worker dies with ERR_WORKER_OUT_OF_MEMORY. */
  heapMb?: number
}

export interface SheetRow {
  number: number
  cells: string[]
}

const resolve = createRequire(import.meta.url).resolve
const EXCELJS = resolve('exceljs')
const CSV_PARSE = resolve('csv-parse/sync')

// Two parses at once at most: each may hold a few hundred MB; imports are rare staff actions.
const MAX_PARALLEL = 2
let running = 0
const waiting: (() => void)[] = []
let started = 0

/** How many parse workers this process has started (tests use it to show a refused file never reached one). */
export function parseWorkersStarted(): number {
  return started
}

// A finishing parse hands its slot straight to the next waiting one, so the count never overshoots.
async function acquire(): Promise<void> {
  if (running < MAX_PARALLEL) running++
  else await new Promise<void>((go) => waiting.push(go))
}
function release(): void {
  const next = waiting.shift()
  if (next) next()
  else running--
}

async function run<T>(task: Record<string, unknown>, limits: ParseLimits): Promise<ParseOutcome<T>> {
  await acquire()
  started++
  const timeoutMs = limits.timeoutMs ?? 10_000
  try {
    return await new Promise<ParseOutcome<T>>((settle) => {
      const worker = new Worker(WORKER, {
        eval: true,
        workerData: { ...task, maxRows: limits.maxRows, maxColumns: limits.maxColumns },
        resourceLimits: { maxOldGenerationSizeMb: limits.heapMb ?? 384, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      })
      let done = false
      const finish = (outcome: ParseOutcome<T>) => {
        if (done) return
        done = true
        clearTimeout(timer)
        void worker.terminate()
        settle(outcome)
      }
      const timer = setTimeout(() => finish({ ok: false, reason: 'timeout', params: { seconds: Math.round(timeoutMs / 1000) } }), timeoutMs)
      worker.once('message', (outcome: ParseOutcome<T>) => finish(outcome))
      worker.once('error', (e: Error & { code?: string }) => finish({ ok: false, reason: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'unreadable', params: {} }))
      worker.once('exit', () => finish({ ok: false, reason: 'unreadable', params: {} }))
    })
  } finally {
    release()
  }
}

/** The named sheets of an .xlsx workbook as rows of cell texts (a missing sheet is left out). */
export function readSheetsInWorker(bytes: Uint8Array, sheets: string[], limits: ParseLimits): Promise<ParseOutcome<Record<string, SheetRow[]>>> {
  return run({ kind: 'sheets', module: EXCELJS, bytes, sheets }, limits)
}

/** CSV text as records (the first is the header row); empty lines are skipped, rows may differ in length. */
export function parseCsvInWorker(text: string, delimiter: string, limits: ParseLimits): Promise<ParseOutcome<string[][]>> {
  return run({ kind: 'csv', module: CSV_PARSE, text, delimiter }, { heapMb: 256, ...limits })
}
