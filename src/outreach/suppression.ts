// Small-cell suppression for aggregates shown to partners or the public: a count of 1–4 people could
// point at a person, so it is hidden. When a row's total is published too, one hidden cell could be
// worked out by subtraction, so the next smallest non-zero cell is hidden as well (secondary suppression).

export const SMALL_CELL = 5

/** A count as shown: the number, or null when it is hidden. */
export type Shown = number | null

export function isSmall(n: number, threshold = SMALL_CELL): boolean {
  return n > 0 && n < threshold
}

/**
 * Hides the small cells of one row whose total is also shown, plus enough others that none can be
 * recovered from the total. Returns the row's cells and its total as shown.
 */
export function suppressRow(cells: number[], threshold = SMALL_CELL): { cells: Shown[]; total: Shown } {
  const total = cells.reduce((a, b) => a + b, 0)
  const hidden = new Set(cells.flatMap((n, i) => (isSmall(n, threshold) ? [i] : [])))
  if (hidden.size === 1 && !isSmall(total, threshold)) {
    // Hide the smallest other non-zero cell so the hidden one cannot be worked out from the total.
    const other = cells
      .map((n, i) => ({ n, i }))
      .filter(({ n, i }) => n > 0 && !hidden.has(i))
      .sort((a, b) => a.n - b.n)[0]
    if (other) hidden.add(other.i)
  }
  return { cells: cells.map((n, i) => (hidden.has(i) ? null : n)), total: isSmall(total, threshold) ? null : total }
}

/**
 * Suppresses a table whose row and column totals are both published: small cells are hidden, then
 * every row and column with exactly one hidden cell hides one more non-zero cell, or, when it has none
 * to give, hides its own total; until nothing changes. No hidden cell can then be worked out by
 * subtracting what is shown from a total.
 */
export function suppressTable(rows: number[][], threshold = SMALL_CELL): { cells: Shown[][]; rowTotals: Shown[]; columnTotals: Shown[]; total: Shown } {
  const width = rows[0]?.length ?? 0
  const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0)
  const hidden = rows.map((r) => r.map((n) => isSmall(n, threshold)))
  const lines = [
    ...rows.map((r, i) => ({ cells: r.map((_, j) => ({ i, j })), totalHidden: false })),
    ...Array.from({ length: width }, (_, j) => ({ cells: rows.map((_, i) => ({ i, j })), totalHidden: false })),
  ]
  for (const line of lines) line.totalHidden = isSmall(sum(line.cells.map(({ i, j }) => rows[i]![j]!)), threshold)
  for (let changed = true; changed; ) {
    changed = false
    for (const line of lines) {
      if (line.totalHidden || line.cells.filter(({ i, j }) => hidden[i]![j]).length !== 1) continue
      const next = line.cells.filter(({ i, j }) => !hidden[i]![j] && rows[i]![j]! > 0).sort((a, b) => rows[a.i]![a.j]! - rows[b.i]![b.j]!)[0]
      if (next) hidden[next.i]![next.j] = true
      else line.totalHidden = true
      changed = true
    }
  }
  const totals = lines.map((l) => (l.totalHidden ? null : sum(l.cells.map(({ i, j }) => rows[i]![j]!))))
  return {
    cells: rows.map((r, i) => r.map((n, j) => (hidden[i]![j] ? null : n))),
    rowTotals: totals.slice(0, rows.length),
    columnTotals: totals.slice(rows.length),
    total: suppressOne(sum(rows.map(sum)), threshold),
  }
}

/** A single published count. */
export function suppressOne(n: number, threshold = SMALL_CELL): Shown {
  return isSmall(n, threshold) ? null : n
}
