// The codes of a score file, each numbered once within its session, group and test, without a string
// per row: the code's bytes (trimmed, upper-cased) are hashed and kept in one byte arena. A million
// codes take ~25 MB here, against ~100 MB as Map keys, and the lookup was the slowest step of a row.
import type { Row } from './csv-rows.ts'

const EMPTY = -1

export class CodeTable {
  private slots = new Int32Array(1 << 16).fill(EMPTY)
  private hashes = new Int32Array(1024)
  private withins = new Int32Array(1024)
  private offsets = new Int32Array(1025)
  private arena = new Uint8Array(1 << 14)
  private scratch = new Uint8Array(64)
  size = 0
  /** Whether the last code numbered was empty (numbered all the same, as the empty code). */
  empty = false

  /**
   * The number of the row's code (cell `cell`, trimmed and upper-cased as String#trim and
   * String#toUpperCase do) within `within`; a code not seen before gets the next number, `size - 1`.
   */
  number(row: Row, cell: number, within: number): number {
    const key = this.key(row, cell)
    this.empty = key === 0
    const bytes = this.scratch
    let hash = (within * 0x9e3779b1) | 0
    for (let i = 0; i < key; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193)
    const mask = this.slots.length - 1
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const n = this.slots[s]!
      if (n === EMPTY) {
        this.slots[s] = this.add(key, hash, within)
        if (this.size * 2 > this.slots.length) this.rehash()
        return this.size - 1
      }
      if (this.hashes[n] === hash && this.withins[n] === within && this.same(n, key)) return n
    }
  }

  /** Puts the normalised code into `scratch`; its length. */
  private key(row: Row, cell: number): number {
    const bytes = row.bytes
    let start = row.start(cell)
    let end = row.end(cell)
    if (start >= 0) {
      while (start < end && isAsciiSpace(bytes[start]!)) start++
      while (end > start && isAsciiSpace(bytes[end - 1]!)) end--
      if (start === end) return 0
      if (end - start > this.scratch.length) this.scratch = new Uint8Array((end - start) * 2)
      const out = this.scratch
      let ascii = true
      for (let i = start; i < end; i++) {
        const c = bytes[i]!
        if (c >= 0x80) {
          ascii = false
          break
        }
        out[i - start] = c >= 97 && c <= 122 ? c - 32 : c
      }
      if (ascii) return end - start
    }
    // Quoted, or beyond ASCII (where trimming and upper case follow Unicode): through a string.
    const text = Buffer.from(row.text(cell).toUpperCase(), 'utf8')
    if (text.length > this.scratch.length) this.scratch = new Uint8Array(text.length * 2)
    this.scratch.set(text)
    return text.length
  }

  private same(n: number, length: number): boolean {
    const from = this.offsets[n]!
    if (this.offsets[n + 1]! - from !== length) return false
    for (let i = 0; i < length; i++) if (this.arena[from + i] !== this.scratch[i]) return false
    return true
  }

  private add(length: number, hash: number, within: number): number {
    const n = this.size++
    if (this.size >= this.hashes.length) {
      this.hashes = grow(this.hashes, this.hashes.length * 2)
      this.withins = grow(this.withins, this.withins.length * 2)
      this.offsets = grow(this.offsets, this.offsets.length * 2)
    }
    const from = this.offsets[n]!
    if (from + length > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, from + length))
      arena.set(this.arena)
      this.arena = arena
    }
    this.arena.set(this.scratch.subarray(0, length), from)
    this.offsets[n + 1] = from + length
    this.hashes[n] = hash
    this.withins[n] = within
    return n
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY)
    const mask = slots.length - 1
    for (let n = 0; n < this.size; n++) {
      let s = this.hashes[n]! & mask
      while (slots[s] !== EMPTY) s = (s + 1) & mask
      slots[s] = n
    }
    this.slots = slots
  }
}

function grow(a: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(length)
  b.set(a)
  return b
}

/** What String#trim removes among ASCII bytes (tab, line feed, vertical tab, form feed, carriage return, space). */
function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13)
}
