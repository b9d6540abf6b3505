// Reading a score table's rows fast: `jaga analyze` reads files of a million rows and more and is
// measured against R on them (bench/analyze.ts). The file arrives as byte chunks (a file read piece by
// piece, so memory stays flat whatever its size); cells are found and numbers read straight from the
// bytes, without a string per cell. Quoted cells (RFC 4180: a cell that starts with `"`, `""` inside
// it for a quote, delimiters and line breaks kept) are rare in score tables and decoded on their own.
// A header with semicolons and no comma (Excel in an Indonesian locale) is read with ';' and decimal commas.

/** One row of the file: its cells as text, or read straight as numbers (NaN when a cell is not one). */
export interface Row {
  readonly count: number
  text(cell: number): string
  number(cell: number): number
  /** Where a plain cell lies in `bytes` (valid during the visit); -1 for a quoted or absent cell. */
  readonly bytes: Uint8Array
  start(cell: number): number
  end(cell: number): number
  /** Whether a plain cell holds exactly these bytes (no trimming, no case folding); false for a quoted or absent cell. */
  is(cell: number, bytes: Uint8Array): boolean
}

/** A row longer than this is refused rather than buffered without end (an unclosed quote, a binary file). */
export const MAX_ROW_BYTES = 1 << 20

/** A row over MAX_ROW_BYTES, named by the line it starts on. */
export class RowTooLongError extends Error {
  constructor(readonly line: number) {
    super(`line ${line}: a row longer than ${MAX_ROW_BYTES} bytes`)
  }
}

const QUOTE = 34
const CR = 13
const LF = 10
const SPACE = 32

/**
 * The row being visited: where each cell lies in the bytes (typed arrays reused from row to row, so a
 * row costs no allocation), and the decoded text of the few quoted cells.
 */
class RowView implements Row {
  bytes: Buffer = Buffer.alloc(0)
  count = 0
  decimal = 46
  starts = new Int32Array(64)
  ends = new Int32Array(64)
  private quoted: (string | undefined)[] = []
  private anyQuoted = false

  reset(): void {
    this.count = 0
    if (this.anyQuoted) {
      this.quoted.length = 0
      this.anyQuoted = false
    }
  }

  add(start: number, end: number, quoted: string | undefined): void {
    if (this.count === this.starts.length) {
      const starts = new Int32Array(this.count * 2)
      const ends = new Int32Array(this.count * 2)
      starts.set(this.starts)
      ends.set(this.ends)
      this.starts = starts
      this.ends = ends
    }
    if (quoted !== undefined) {
      this.quoted[this.count] = quoted
      this.anyQuoted = true
    }
    this.starts[this.count] = start
    this.ends[this.count++] = end
  }

  /** The decoded text of cell `i` when it was quoted. */
  private quotedText(i: number): string | undefined {
    return this.anyQuoted ? this.quoted[i] : undefined
  }

  /** A lone plain cell that is empty or only spaces. */
  blank(): boolean {
    return this.count === 1 && this.quotedText(0) === undefined && isBlank(this.bytes, this.starts[0]!, this.ends[0]!)
  }

  start(i: number): number {
    return i < this.count && this.quotedText(i) === undefined ? this.starts[i]! : -1
  }

  end(i: number): number {
    return i < this.count && this.quotedText(i) === undefined ? this.ends[i]! : -1
  }

  text(i: number): string {
    if (i >= this.count) return ''
    return (this.quotedText(i) ?? this.bytes.toString('utf8', this.starts[i], this.ends[i])).trim()
  }

  number(i: number): number {
    if (i >= this.count) return NaN
    const q = this.quotedText(i)
    if (q !== undefined) return toNumber(q.trim(), this.decimal)
    const start = this.starts[i]!
    // A single digit, the usual score, read directly.
    if (this.ends[i]! - start === 1) {
      const c = this.bytes[start]!
      if (c >= 48 && c <= 57) return c - 48
    }
    return scanNumber(this.bytes, start, this.ends[i]!, this.decimal)
  }

  is(i: number, bytes: Uint8Array): boolean {
    if (i >= this.count || this.quotedText(i) !== undefined) return false
    const start = this.starts[i]!
    if (this.ends[i]! - start !== bytes.length) return false
    for (let j = 0; j < bytes.length; j++) if (this.bytes[start + j] !== bytes[j]) return false
    return true
  }
}

/**
 * Feeds `visit` every non-empty row with the line number it starts on. `push` the file's bytes in
 * chunks of any size (a row may be split across them), then `end`. The row passed to `visit` is only
 * valid during the call.
 */
export class RowReader {
  private carry: Uint8Array = new Uint8Array(0)
  private started = false
  private delimiter = 44
  private line = 1
  private readonly row = new RowView()

  constructor(private readonly visit: (row: Row, line: number) => void) {}

  push(chunk: Uint8Array): void {
    const bytes = this.carry.length ? Buffer.concat([this.carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    const used = this.rows(bytes, false)
    this.carry = used < bytes.length ? Uint8Array.prototype.slice.call(bytes, used) : new Uint8Array(0)
    if (this.carry.length > MAX_ROW_BYTES) throw new RowTooLongError(this.line)
  }

  end(): void {
    if (this.carry.length) this.rows(Buffer.from(this.carry.buffer, this.carry.byteOffset, this.carry.byteLength), true)
    this.carry = new Uint8Array(0)
  }

  /** Visits the complete rows in `bytes` (all of them when `last`); returns how many bytes were used. */
  private rows(bytes: Buffer, last: boolean): number {
    let at = 0
    if (!this.started) {
      const eol = bytes.indexOf(LF)
      if (eol < 0 && !last) return 0
      this.started = true
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) at = 3
      const first = bytes.subarray(at, eol < 0 ? bytes.length : eol)
      if (!first.includes(44) && first.includes(59)) {
        this.delimiter = 59
        this.row.decimal = 44
      }
    }
    const { row, delimiter } = this
    row.bytes = bytes
    const n = bytes.length
    while (at < n) {
      const line = this.line
      row.reset()
      let lines = 0
      let cell = at
      let complete = false
      for (;;) {
        let p = cell
        while (p < n && bytes[p] === SPACE) p++
        if (p < n && bytes[p] === QUOTE) {
          // A quoted cell: its text (quotes undone) goes aside; what follows the closing quote up to
          // the delimiter is kept as written, as a lenient reader would.
          const parts: string[] = []
          let from = p + 1
          let q = from
          let closed = false
          while (q < n) {
            const c = bytes[q]!
            if (c === LF) lines++
            if (c !== QUOTE) {
              q++
              continue
            }
            if (q + 1 >= n && !last) break
            parts.push(bytes.toString('utf8', from, q))
            if (bytes[q + 1] === QUOTE) {
              parts.push('"')
              from = q = q + 2
              continue
            }
            closed = true
            q++
            break
          }
          if (!closed) {
            if (!last) return at
            parts.push(bytes.toString('utf8', from, n))
            q = n
          }
          let stop = q
          while (stop < n && bytes[stop] !== delimiter && bytes[stop] !== LF) stop++
          if (stop === n && !last) return at
          let tail = stop
          if (stop < n && bytes[stop] === LF && tail > q && bytes[tail - 1] === CR) tail--
          parts.push(bytes.toString('utf8', q, tail))
          row.add(cell, tail, parts.join(''))
          if (stop < n && bytes[stop] === delimiter) {
            cell = stop + 1
            continue
          }
          at = stop + 1
          lines++
          complete = true
          break
        }
        // A plain cell: up to the delimiter or the end of the line.
        let q = cell
        while (q < n && bytes[q] !== delimiter && bytes[q] !== LF) q++
        if (q === n && !last) return at
        const end = q < n && bytes[q] === LF && q > cell && bytes[q - 1] === CR ? q - 1 : q
        row.add(cell, end === n && q === n && n > cell && bytes[n - 1] === CR ? n - 1 : end, undefined)
        if (q < n && bytes[q] === delimiter) {
          cell = q + 1
          continue
        }
        at = q + 1
        lines++
        complete = true
        break
      }
      this.line += lines
      if (!complete) break
      if (row.blank()) continue
      this.visit(row, line)
    }
    return Math.min(at, n)
  }
}

/** Calls `visit` for every non-empty row of a whole text (the same reader as for a file's bytes). */
export function eachRow(text: string, visit: (row: Row, line: number) => void): void {
  const reader = new RowReader(visit)
  reader.push(Buffer.from(text, 'utf8'))
  reader.end()
}

function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = bytes[i]!
    if (c !== SPACE && c !== 9 && c !== CR && c !== 11 && c !== 12) return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8').trim() === ''
  }
  return true
}

function toNumber(cell: string, decimal: number): number {
  return cell === '' ? NaN : Number(decimal === 44 ? cell.replace(',', '.') : cell)
}

/**
 * A plain decimal read from the bytes: digits, an optional decimal mark and sign. The value is (all
 * digits as an integer) / 10^decimals, one correctly rounded division, so it equals Number() on the
 * same text; anything else (exponents, long digit strings, other spaces) goes through Number().
 */
function scanNumber(bytes: Buffer, start: number, end: number, mark: number): number {
  while (start < end && bytes[start] === SPACE) start++
  while (end > start && bytes[end - 1] === SPACE) end--
  if (start === end) return NaN
  let i = start
  const negative = bytes[i] === 45
  if (negative || bytes[i] === 43) i++
  let digits = 0
  let fraction = -1
  let value = 0
  for (; i < end; i++) {
    const c = bytes[i]!
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48)
      digits++
      if (fraction >= 0) fraction++
    } else if (c === mark && fraction < 0) fraction = 0
    else return toNumber(bytes.toString('utf8', start, end).trim(), mark)
  }
  if (digits === 0 || digits > 15) return toNumber(bytes.toString('utf8', start, end).trim(), mark)
  const x = fraction > 0 ? value / 10 ** fraction : value
  return negative ? -x : x
}
