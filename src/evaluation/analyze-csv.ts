// `jaga analyze FILE.csv`: the CSV contract of ../shared/facts/evaluation-methods.md — reserved columns
// code/phase (+ group, area, session, gender, age_band, how, pair_id), every other column an item score —
// read, paired and analysed. Codes pair only within a session (when there is a session column), so files
// of several sessions joined keep each session's pairs. A file with a pair_id column (Jaga's own export)
// is paired by it, not by code: it holds the pairs the page made, tolerant and confirmed ones included.
import { parse } from 'csv-parse/sync'
import { analyzePairs, type PairedAnalysis } from './paired-analysis.ts'

export const RESERVED_COLUMNS = ['code', 'phase', 'group', 'area', 'session', 'gender', 'age_band', 'how', 'pair_id'] as const

export type CsvAnalysis = {
  pairs: number
  unmatched: { pre: number; post: number }
  duplicate_codes: number
} & PairedAnalysis

/** What is wrong with the file, as message keys and parameters so the CLI can say it in either language. */
export class CsvInputError extends Error {
  constructor(readonly problems: { key: string; params: Record<string, string | number> }[]) {
    super(problems.map((p) => `${p.key} ${JSON.stringify(p.params)}`).join('; '))
  }
}

const MAX_PROBLEMS = 10

/** One row of the file: its cells as text, or read straight as numbers (NaN when a cell is not one). */
export interface Row {
  readonly count: number
  text(cell: number): string
  number(cell: number): number
}

/**
 * Calls `visit` for every non-empty line with its line number in the file. Exports of score tables
 * are almost never quoted, so a file with no quote character is scanned in place, numbers read from
 * the characters without making a string per cell (400,000 rows × 22 cells in a fraction of a
 * second); anything quoted goes through csv-parse. A header with semicolons and no comma (Excel in
 * an Indonesian locale) is read with ';' and decimal commas.
 */
export function eachRow(text: string, visit: (row: Row, line: number) => void): void {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ','
  const decimal = delimiter === ';' ? ',' : '.'
  if (text.includes('"')) {
    const rows = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[]
    for (const { record, info } of rows) {
      visit(
        {
          count: record.length,
          text: (i) => (record[i] ?? '').trim(),
          number: (i) => toNumber((record[i] ?? '').trim(), decimal),
        },
        info.lines,
      )
    }
    return
  }
  const starts: number[] = []
  const ends: number[] = []
  const row: Row = {
    get count() {
      return starts.length
    },
    text: (i) => (i < starts.length ? text.slice(starts[i], ends[i]).trim() : ''),
    number: (i) => (i < starts.length ? scanNumber(text, starts[i]!, ends[i]!, decimal) : NaN),
  }
  let line = 0
  for (let at = 0; at < text.length; ) {
    line++
    let eol = text.indexOf('\n', at)
    if (eol < 0) eol = text.length
    const end = eol > at && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol
    starts.length = 0
    ends.length = 0
    for (let cell = at; ; ) {
      const next = text.indexOf(delimiter, cell)
      const cellEnd = next < 0 || next > end ? end : next
      starts.push(cell)
      ends.push(cellEnd)
      if (cellEnd === end) break
      cell = cellEnd + 1
    }
    if (!(starts.length === 1 && text.slice(at, end).trim() === '')) visit(row, line)
    at = eol + 1
  }
}

function toNumber(cell: string, decimal: string): number {
  return cell === '' ? NaN : Number(decimal === ',' ? cell.replace(',', '.') : cell)
}

/**
 * A plain decimal read from the characters: digits, an optional decimal mark and sign. The value
 * is (all digits as an integer) / 10^decimals, one correctly rounded division, so it equals
 * Number() on the same text; anything else (exponents, long digit strings) goes through Number().
 */
function scanNumber(text: string, start: number, end: number, decimal: string): number {
  while (start < end && text.charCodeAt(start) === 32) start++
  while (end > start && text.charCodeAt(end - 1) === 32) end--
  if (start === end) return NaN
  let i = start
  const negative = text.charCodeAt(i) === 45
  if (negative || text.charCodeAt(i) === 43) i++
  let digits = 0
  let fraction = -1
  let value = 0
  const mark = decimal.charCodeAt(0)
  for (; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48)
      digits++
      if (fraction >= 0) fraction++
    } else if (c === mark && fraction < 0) fraction = 0
    else return toNumber(text.slice(start, end), decimal)
  }
  if (digits === 0 || digits > 15) return toNumber(text.slice(start, end), decimal)
  const x = fraction > 0 ? value / 10 ** fraction : value
  return negative ? -x : x
}

const PHASES: Record<string, 'pre' | 'post'> = { pre: 'pre', pretest: 'pre', post: 'post', posttest: 'post' }

export function analyzeCsv(text: string): CsvAnalysis {
  const problems: CsvInputError['problems'] = []
  let header: string[] = []
  let codeAt = -1
  let phaseAt = -1
  let groupAt = -1
  let sessionAt = -1
  let pairIdAt = -1
  let itemAt: number[] = []
  // Each distinct code gets a number; per code number, the row it has in each phase: -1 none yet,
  // -2 more than one (ambiguous, never paired).
  const codeNumber = new Map<string, number>()
  const preAt: number[] = []
  const postAt: number[] = []
  // With a pair_id column: per pair number, its pre and post row (-1 none yet); per row, its code
  // number and whether it is a post row, to count what stays unpaired.
  const pairNumber = new Map<string, number>()
  const pairPre: number[] = []
  const pairPost: number[] = []
  const rowCode: number[] = []
  const rowIsPost: boolean[] = []
  let rowCount = 0
  const groups: string[] = []
  let values = new Float64Array(0)
  eachRow(text, (row, line) => {
    if (problems.length >= MAX_PROBLEMS) return
    if (header.length === 0) {
      header = Array.from({ length: row.count }, (_, i) => row.text(i))
      const lower = header.map((h) => h.toLowerCase())
      codeAt = lower.indexOf('code')
      phaseAt = lower.indexOf('phase')
      groupAt = lower.indexOf('group')
      sessionAt = lower.indexOf('session')
      pairIdAt = lower.indexOf('pair_id')
      itemAt = lower.flatMap((h, i) => ((RESERVED_COLUMNS as readonly string[]).includes(h) ? [] : [i]))
      if (codeAt < 0) problems.push({ key: 'analyze.missingColumn', params: { column: 'code' } })
      if (phaseAt < 0) problems.push({ key: 'analyze.missingColumn', params: { column: 'phase' } })
      if (itemAt.length === 0) problems.push({ key: 'analyze.noItems', params: {} })
      values = new Float64Array(itemAt.length * 1024)
      return
    }
    const r = rowCount++
    const code = row.text(codeAt).toUpperCase()
    if (!code) problems.push({ key: 'analyze.emptyCode', params: { line } })
    const session = sessionAt >= 0 ? row.text(sessionAt) : ''
    const key = sessionAt >= 0 ? `${session}\u0001${code}` : code
    let number = codeNumber.get(key)
    if (number === undefined) {
      number = preAt.length
      codeNumber.set(key, number)
      preAt.push(-1)
      postAt.push(-1)
    }
    const phase = PHASES[row.text(phaseAt).toLowerCase()]
    if (!phase) problems.push({ key: 'analyze.badPhase', params: { line, value: row.text(phaseAt) } })
    const seen = phase === 'post' ? postAt : preAt
    seen[number] = seen[number] === -1 ? r : -2
    if (pairIdAt >= 0) {
      rowCode.push(number)
      rowIsPost.push(phase === 'post')
      const pairId = row.text(pairIdAt)
      if (pairId) {
        let p = pairNumber.get(`${session}\u0001${pairId}`)
        if (p === undefined) {
          p = pairPre.length
          pairNumber.set(`${session}\u0001${pairId}`, p)
          pairPre.push(-1)
          pairPost.push(-1)
        }
        const side = phase === 'post' ? pairPost : pairPre
        if (side[p] !== -1) problems.push({ key: 'analyze.pairIdTwice', params: { line, value: pairId } })
        side[p] = r
      }
    }
    if (groupAt >= 0) groups.push(row.text(groupAt))
    const k = itemAt.length
    if ((r + 1) * k > values.length) {
      const grown = new Float64Array(values.length * 2)
      grown.set(values)
      values = grown
    }
    for (let j = 0; j < k; j++) {
      const x = row.number(itemAt[j]!)
      if (!Number.isFinite(x)) {
        problems.push({ key: 'analyze.badScore', params: { line, column: header[itemAt[j]!]!, value: row.text(itemAt[j]!) } })
        break
      }
      values[r * k + j] = x
    }
  })
  if (header.length === 0) problems.push({ key: 'analyze.missingColumn', params: { column: 'code' } })
  if (problems.length) throw new CsvInputError(problems)
  const k = itemAt.length
  const preRows: number[] = []
  const postRows: number[] = []
  let unmatchedPre = 0
  let unmatchedPost = 0
  let duplicateCodes = 0
  if (pairIdAt < 0) {
    for (let c = 0; c < preAt.length; c++) {
      const pre = preAt[c]!
      const post = postAt[c]!
      if (pre === -2 || post === -2) duplicateCodes++
      else if (pre >= 0 && post >= 0) {
        preRows.push(pre)
        postRows.push(post)
      } else if (pre >= 0) unmatchedPre++
      else unmatchedPost++
    }
  } else {
    // The file's own pairs; a row left without one counts as unmatched unless its code was written
    // twice in a phase (then it counts among the duplicate codes, as when pairing by code).
    const paired = new Uint8Array(rowCount)
    for (let p = 0; p < pairPre.length; p++) {
      if (pairPre[p]! >= 0 && pairPost[p]! >= 0) {
        preRows.push(pairPre[p]!)
        postRows.push(pairPost[p]!)
        paired[pairPre[p]!] = paired[pairPost[p]!] = 1
      }
    }
    const isDuplicate = (c: number) => preAt[c] === -2 || postAt[c] === -2
    for (let c = 0; c < preAt.length; c++) if (isDuplicate(c)) duplicateCodes++
    for (let r = 0; r < rowCount; r++) {
      if (paired[r] || isDuplicate(rowCode[r]!)) continue
      if (rowIsPost[r]) unmatchedPost++
      else unmatchedPre++
    }
  }

  // Copy the paired rows into item columns, reading each row once from start to end.
  const pairs = preRows.length
  const columns = (rows: number[]) => {
    const out = itemAt.map(() => new Float64Array(pairs))
    for (let r = 0; r < pairs; r++) {
      const base = rows[r]! * k
      for (let j = 0; j < k; j++) out[j]![r] = values[base + j]!
    }
    return out
  }
  const analysis = analyzePairs({
    items: itemAt.map((i) => header[i]!),
    pre: columns(preRows),
    post: columns(postRows),
    groups: groupAt >= 0 ? preRows.map((r) => groups[r]!) : undefined,
  })
  return { pairs, unmatched: { pre: unmatchedPre, post: unmatchedPost }, duplicate_codes: duplicateCodes, ...analysis }
}
