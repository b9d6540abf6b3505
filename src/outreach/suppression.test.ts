import { describe, expect, it } from 'vitest'
import { suppressOne, suppressRow, suppressTable } from './suppression.ts'

describe('small-cell suppression', () => {
  it('hides counts of 1 to 4 but shows 0 and 5 or more', () => {
    expect([0, 1, 4, 5, 120].map((n) => suppressOne(n))).toEqual([0, null, null, 5, 120])
  })

  it('hides a second cell when one hidden cell could be worked out from the row total', () => {
    expect(suppressRow([12, 3, 30, 0])).toEqual({ cells: [null, null, 30, 0], total: 45 })
  })

  it('needs no second cell when two are already hidden, and hides a small total', () => {
    expect(suppressRow([2, 3, 40])).toEqual({ cells: [null, null, 40], total: 45 })
    expect(suppressRow([1, 2, 0])).toEqual({ cells: [null, null, 0], total: null })
    expect(suppressRow([4, 0, 0])).toEqual({ cells: [null, 0, 0], total: null })
  })

  it('leaves a row without small cells untouched', () => {
    expect(suppressRow([5, 9, 0])).toEqual({ cells: [5, 9, 0], total: 14 })
  })

  it('hides enough cells in a table that no hidden one follows from a row or a column total', () => {
    const rows = [
      [20, 3, 11],
      [8, 15, 9],
      [0, 7, 30],
    ]
    const shown = suppressTable(rows)
    expect(shown.cells[0]![1]).toBeNull()
    // What is shown is the true count.
    shown.cells.forEach((r, i) => r.forEach((c, j) => c !== null && expect(c).toBe(rows[i]![j])))
    // Every row and column has zero or at least two hidden cells.
    for (const line of [...shown.cells, ...[0, 1, 2].map((j) => shown.cells.map((r) => r[j]))]) expect(line.filter((c) => c === null).length).not.toBe(1)
    expect(shown.rowTotals).toEqual([34, 32, 37])
    expect(shown.columnTotals).toEqual([28, 25, 50])
    expect(shown.total).toBe(103)
  })

  it('hides a row or column total when there is no other cell to hide beside a hidden one', () => {
    // 15 parents and 3 teachers in one kelurahan, nobody in the other.
    const shown = suppressTable([
      [15, 3],
      [0, 0],
    ])
    expect(shown.cells).toEqual([
      [null, null],
      [0, 0],
    ])
    expect(shown.columnTotals).toEqual([null, null])
    expect(shown.rowTotals).toEqual([18, 0])
    expect(shown.total).toBe(18)
  })
})
