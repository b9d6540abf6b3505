// Reading a score table's rows fast: `jaga analyze` reads files of hundreds of thousands of rows and is
// measured against R on them (bench/analyze.ts).
import { parse } from 'csv-parse/sync'

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
