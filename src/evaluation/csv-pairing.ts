// Pairing and analysing the rows analyze-csv.ts has read, one test at a time: by code (a code written
// twice in a phase never pairs) or by the file's own pair_id.
import { analyzePairs, type PairedAnalysis } from './paired-analysis.ts'
import type { ScoreStore } from './score-store.ts'

export interface Counts {
  pairs: number
  unmatched: { pre: number; post: number }
  duplicate_codes: number
}
/** The analysis of one test (a file without a questionnaire column, or with one test in it). */
export type TestAnalysis = Counts & PairedAnalysis

/** The rows a CSV file was read into: scores by row and item column, and who pairs with whom. */
export interface Rows {
  k: number
  header: string[]
  itemAt: number[]
  values: ScoreStore
  rowCount: number
  preAt: number[]
  postAt: number[]
  pairPre: number[]
  pairPost: number[]
  rowCode: number[]
  rowIsPost: boolean[]
  byPairId: boolean
  groups: { of: number[]; names: string[] } | undefined
}

/** Pairs and analyses the rows of one test (all rows when `only` is not given). */
export function analyseTest(d: Rows, only?: { test: number; columns: boolean[]; codeTest: number[]; pairTest: number[]; rowTest: number[] }): TestAnalysis {
  const { k, preAt, postAt, pairPre, pairPost, rowCode, rowIsPost } = d
  const inCode = (c: number) => !only || only.codeTest[c] === only.test
  const preRows: number[] = []
  const postRows: number[] = []
  let unmatchedPre = 0
  let unmatchedPost = 0
  let duplicateCodes = 0
  if (!d.byPairId) {
    for (let c = 0; c < preAt.length; c++) {
      if (!inCode(c)) continue
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
    const paired = new Uint8Array(d.rowCount)
    for (let p = 0; p < pairPre.length; p++) {
      if (only && only.pairTest[p] !== only.test) continue
      if (pairPre[p]! >= 0 && pairPost[p]! >= 0) {
        preRows.push(pairPre[p]!)
        postRows.push(pairPost[p]!)
        paired[pairPre[p]!] = paired[pairPost[p]!] = 1
      }
    }
    const isDuplicate = (c: number) => preAt[c] === -2 || postAt[c] === -2
    for (let c = 0; c < preAt.length; c++) if (inCode(c) && isDuplicate(c)) duplicateCodes++
    for (let r = 0; r < d.rowCount; r++) {
      if (paired[r] || isDuplicate(rowCode[r]!) || (only && only.rowTest[r] !== only.test)) continue
      if (rowIsPost[r]) unmatchedPost++
      else unmatchedPre++
    }
  }

  // Copy the paired rows into the test's item columns, reading each row once from start to end.
  const used = only ? d.itemAt.flatMap((_, j) => (only.columns[j] ? [j] : [])) : d.itemAt.map((_, j) => j)
  const pairs = preRows.length
  const columns = (rows: number[]) => d.values.columns(rows, k, used)
  const analysis = analyzePairs({
    items: used.map((j) => d.header[d.itemAt[j]!]!),
    pre: columns(preRows),
    post: columns(postRows),
    groups: d.groups ? preRows.map((r) => d.groups!.names[d.groups!.of[r]!]!) : undefined,
  })
  return { pairs, unmatched: { pre: unmatchedPre, post: unmatchedPost }, duplicate_codes: duplicateCodes, ...analysis }
}
