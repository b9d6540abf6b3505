// The item scores of every row of a file, one cell after another, in as little memory as they fit: a
// byte per cell while every score is a whole number from -127 to 127 (almost every questionnaire: 0/1,
// Likert 1–5), eight bytes (a double, read back exactly) from the first one that is not. A million
// pairs of 20 items are 40 MB, not 320. NaN (a question not shown) is kept in both.

const MISSING = -128

export class ScoreStore {
  private small: Int8Array | undefined
  private wide: Float64Array | undefined

  constructor(capacity: number) {
    this.small = new Int8Array(Math.max(capacity, 16))
  }

  get length(): number {
    return this.small ? this.small.length : this.wide!.length
  }

  /** Makes room for cells 0 … `size` - 1, doubling so that filling row by row copies little. */
  reserve(size: number): void {
    if (size <= this.length) return
    let capacity = this.length
    while (capacity < size) capacity *= 2
    if (this.small) {
      const grown = new Int8Array(capacity)
      grown.set(this.small)
      this.small = grown
    } else {
      const grown = new Float64Array(capacity)
      grown.set(this.wide!)
      this.wide = grown
    }
  }

  set(at: number, x: number): void {
    if (this.small) {
      if (x === (x | 0) && x >= -127 && x <= 127 && (x !== 0 || 1 / x > 0)) {
        this.small[at] = x
        return
      }
      if (Number.isNaN(x)) {
        this.small[at] = MISSING
        return
      }
      this.widen()
    }
    this.wide![at] = x
  }

  get(at: number): number {
    if (this.small) {
      const x = this.small[at]!
      return x === MISSING ? NaN : x
    }
    return this.wide![at]!
  }

  /**
   * Cells `row * k + used[u]` of the given rows, as one column per entry of `used` (column u, row i:
   * the score at rows[i], used[u]); NaN where a question was not shown. Reads each row once, in order.
   */
  columns(rows: readonly number[], k: number, used: readonly number[]): Float64Array[] {
    const out = used.map(() => new Float64Array(rows.length))
    const small = this.small
    const wide = this.wide
    for (let i = 0; i < rows.length; i++) {
      const base = rows[i]! * k
      for (let u = 0; u < used.length; u++) {
        let x: number
        if (small) {
          const b = small[base + used[u]!]!
          x = b === MISSING ? NaN : b
        } else x = wide![base + used[u]!]!
        out[u]![i] = x
      }
    }
    return out
  }

  /** The first score that is not a small whole number: every cell so far becomes a double. */
  private widen(): void {
    const small = this.small!
    const wide = new Float64Array(small.length)
    for (let i = 0; i < small.length; i++) wide[i] = small[i] === MISSING ? NaN : small[i]!
    this.wide = wide
    this.small = undefined
  }
}
