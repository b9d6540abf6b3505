// `jaga analyze FILE.csv`: the CSV contract of ../shared/facts/evaluation-methods.md — reserved columns
// code/phase (+ group, area, session, gender, age_band, how, pair_id), every other column an item score —
// read, paired and analysed. Codes pair only within a session and a group (when the file has those
// columns), as on Jaga's page, so files of several sessions joined keep each session's pairs. A file with a
// pair_id column (Jaga's own export) is paired by it, not by code: it holds the pairs the page made,
// tolerant and confirmed ones included. A `questionnaire` column names each row's test: groups of one
// session may take different tests, each row fills only its own test's columns (the others stay empty),
// and each test is analysed on its own (`tests`), since scores of different tests cannot be pooled.
// An empty cell in a test's own column is a question the skip logic did not show that person (Jaga's
// export writes 0 for one shown and left unanswered): missing, never wrong (docs/decisions/0010).
import { MAX_ROW_BYTES, RowReader, RowTooLongError, type Row } from './csv-rows.ts'
import { CodeTable } from './code-table.ts'
import { analyseTest, type Counts, type Rows, type TestAnalysis } from './csv-pairing.ts'
import { ScoreStore } from './score-store.ts'

export type { TestAnalysis } from './csv-pairing.ts'

export const RESERVED_COLUMNS = ['code', 'phase', 'group', 'area', 'session', 'gender', 'age_band', 'how', 'pair_id', 'questionnaire'] as const

/** A file with several tests: the counts over the file, and each test's analysis by its name. */
export type SeveralTests = Counts & { tests: Record<string, TestAnalysis> }
export type CsvAnalysis = TestAnalysis | SeveralTests

/** What is wrong with the file, as message keys and parameters so the CLI can say it in either language. */
export class CsvInputError extends Error {
  constructor(readonly problems: { key: string; params: Record<string, string | number> }[]) {
    super(problems.map((p) => `${p.key} ${JSON.stringify(p.params)}`).join('; '))
  }
}

const MAX_PROBLEMS = 10

const PHASES: Record<string, 'pre' | 'post'> = { pre: 'pre', pretest: 'pre', post: 'post', posttest: 'post' }
// The phases as most files write them, recognised from the bytes without making a string per row.
const PRE = Buffer.from('pre')
const POST = Buffer.from('post')
/** How many distinct spellings of group names are recognised from their bytes; others go through text. */
const RAW_GROUPS = 16

/** One test's analysis, for callers that know the file holds one test; a file with several is refused. */
export function analyzeCsv(text: string): TestAnalysis {
  const result = analyzeCsvFile(text)
  if ('tests' in result) throw new CsvInputError([{ key: 'analyze.severalTests', params: { tests: Object.keys(result.tests).join(', ') } }])
  return result
}

export function analyzeCsvFile(text: string): CsvAnalysis {
  return analyzeCsvChunks((push) => push(Buffer.from(text, 'utf8')))
}

/** The same for a file read in chunks: `feed` pushes its bytes in order; memory grows with rows, not bytes. */
export function analyzeCsvChunks(feed: (push: (chunk: Uint8Array) => void) => void): CsvAnalysis {
  const problems: CsvInputError['problems'] = []
  let header: string[] = []
  let codeAt = -1
  let phaseAt = -1
  let groupAt = -1
  let sessionAt = -1
  let pairIdAt = -1
  let testAt = -1
  let itemAt: number[] = []
  // Each distinct code (within its session, group and test) gets a number; per code number, the row it
  // has in each phase: -1 none yet, -2 more than one (ambiguous, never paired).
  const codes = new CodeTable()
  // Each distinct session + group + test, as a number (a file holds few).
  const withinNumber = new Map<string, number>()
  const preAt: number[] = []
  const postAt: number[] = []
  // With a pair_id column: per pair number, its pre and post row (-1 none yet); per row, its code
  // number and whether it is a post row, to count what stays unpaired.
  const pairNumber = new Map<string, number>()
  const pairPre: number[] = []
  const pairPost: number[] = []
  const rowCode: number[] = []
  const rowIsPost: boolean[] = []
  // With a questionnaire column: each test's number, its name, the line of its first row and whether
  // columns are named after it; per item column, the test it belongs to (-1 none yet): the test it is
  // named after, else the first test whose row fills it; per code, pair and row, the test it belongs to.
  const testNumber = new Map<string, number>()
  const testNames: string[] = []
  const testLine: number[] = []
  const testNamed: boolean[] = []
  let owner: Int32Array = new Int32Array(0)
  const codeTest: number[] = []
  const pairTest: number[] = []
  const rowTest: number[] = []
  let rowCount = 0
  // Each row's group as a number (a file has a few groups and many rows); the names by number.
  const groupOf: number[] = []
  const groupNumber = new Map<string, number>()
  const groupNames: string[] = []
  const groupRaw: Uint8Array[] = []
  const groupRawNumber: number[] = []
  let values = new ScoreStore(0)
  const visit = (row: Row, line: number) => {
    if (problems.length >= MAX_PROBLEMS) return
    if (header.length === 0) {
      header = Array.from({ length: row.count }, (_, i) => row.text(i))
      const lower = header.map((h) => h.toLowerCase())
      codeAt = lower.indexOf('code')
      phaseAt = lower.indexOf('phase')
      groupAt = lower.indexOf('group')
      sessionAt = lower.indexOf('session')
      pairIdAt = lower.indexOf('pair_id')
      testAt = lower.indexOf('questionnaire')
      itemAt = lower.flatMap((h, i) => ((RESERVED_COLUMNS as readonly string[]).includes(h) ? [] : [i]))
      owner = new Int32Array(itemAt.length).fill(-1)
      if (codeAt < 0) problems.push({ key: 'analyze.missingColumn', params: { column: 'code' } })
      if (phaseAt < 0) problems.push({ key: 'analyze.missingColumn', params: { column: 'phase' } })
      if (itemAt.length === 0) problems.push({ key: 'analyze.noItems', params: {} })
      values = new ScoreStore(itemAt.length * 1024)
      return
    }
    const r = rowCount++
    let test = 0
    if (testAt >= 0) {
      const name = row.text(testAt)
      const known = testNumber.get(name)
      test = known ?? testNames.length
      if (known === undefined) {
        testNumber.set(name, test)
        testNames.push(name)
        testLine.push(line)
        // Jaga names a test's columns `test:item` when a file holds several; otherwise the cells its rows fill say.
        let named = false
        itemAt.forEach((i, j) => {
          if (header[i]!.startsWith(`${name}:`) && owner[j] === -1) {
            owner[j] = test
            named = true
          }
        })
        testNamed.push(named)
      }
      rowTest.push(test)
    }
    let group = 0
    if (groupAt >= 0) {
      let raw = 0
      while (raw < groupRaw.length && !row.is(groupAt, groupRaw[raw]!)) raw++
      if (raw < groupRaw.length) group = groupRawNumber[raw]!
      else {
        const name = row.text(groupAt)
        const g = groupNumber.get(name)
        group = g ?? groupNames.push(name) - 1
        if (g === undefined) groupNumber.set(name, group)
        const start = row.start(groupAt)
        if (start >= 0 && groupRaw.length < RAW_GROUPS) {
          groupRaw.push(row.bytes.slice(start, row.end(groupAt)))
          groupRawNumber.push(group)
        }
      }
      groupOf.push(group)
    }
    let within = group
    if (sessionAt >= 0 || testAt >= 0) {
      const key = `${sessionAt >= 0 ? row.text(sessionAt) : ''}\u0001${group}\u0001${test}`
      within = withinNumber.get(key) ?? withinNumber.size
      if (within === withinNumber.size) withinNumber.set(key, within)
    }
    const number = codes.number(row, codeAt, within)
    if (codes.empty) problems.push({ key: 'analyze.emptyCode', params: { line } })
    if (number === preAt.length) {
      preAt.push(-1)
      postAt.push(-1)
      codeTest.push(test)
    }
    const phase = row.is(phaseAt, PRE) ? 'pre' : row.is(phaseAt, POST) ? 'post' : PHASES[row.text(phaseAt).toLowerCase()]
    if (!phase) problems.push({ key: 'analyze.badPhase', params: { line, value: row.text(phaseAt) } })
    const seen = phase === 'post' ? postAt : preAt
    seen[number] = seen[number] === -1 ? r : -2
    if (pairIdAt >= 0) {
      rowCode.push(number)
      rowIsPost.push(phase === 'post')
      const pairId = row.text(pairIdAt)
      if (pairId) {
        const pairKey = `${sessionAt >= 0 ? row.text(sessionAt) : ''}\u0001${test}\u0001${pairId}`
        let p = pairNumber.get(pairKey)
        if (p === undefined) {
          p = pairPre.length
          pairNumber.set(pairKey, p)
          pairPre.push(-1)
          pairPost.push(-1)
          pairTest.push(test)
        }
        const side = phase === 'post' ? pairPost : pairPre
        if (side[p] !== -1) problems.push({ key: 'analyze.pairIdTwice', params: { line, value: pairId } })
        side[p] = r
      }
    }
    const k = itemAt.length
    values.reserve((r + 1) * k)
    for (let j = 0; j < k; j++) {
      const x = row.number(itemAt[j]!)
      if (Number.isNaN(x)) {
        const text = row.text(itemAt[j]!)
        if (text === '') {
          // Not shown to this person (or a column of another test, which stays empty in this test's rows).
          values.set(r * k + j, NaN)
          continue
        }
        problems.push({ key: 'analyze.badScore', params: { line, column: header[itemAt[j]!]!, value: text } })
        break
      }
      if (testAt >= 0 && owner[j] !== test) {
        if (owner[j] === -1 && !testNamed[test]) owner[j] = test
        else {
          problems.push({ key: 'analyze.notInTest', params: { line, column: header[itemAt[j]!]!, test: testNames[test]! } })
          break
        }
      }
      if (!Number.isFinite(x)) {
        problems.push({ key: 'analyze.badScore', params: { line, column: header[itemAt[j]!]!, value: row.text(itemAt[j]!) } })
        break
      }
      values.set(r * k + j, x)
    }
  }
  const reader = new RowReader(visit)
  try {
    feed((chunk) => reader.push(chunk))
    reader.end()
  } catch (e) {
    if (!(e instanceof RowTooLongError)) throw e
    problems.push({ key: 'analyze.rowTooLong', params: { line: e.line, limit: MAX_ROW_BYTES >> 10 } })
  }
  if (header.length === 0) problems.push({ key: 'analyze.missingColumn', params: { column: 'code' } })
  // A test's columns: those it owns; in a file of one test whose columns are not named after it, every
  // item column (one no row fills is an item shown to nobody). A test that owns none cannot be analysed.
  const single = testNames.length <= 1
  const columnsOf = (test: number) => Array.from(owner, (o) => o === test || (single && o === -1 && !testNamed[test]))
  testNames.forEach((name, test) => {
    if (problems.length < MAX_PROBLEMS && !columnsOf(test).some(Boolean)) problems.push({ key: 'analyze.noItemsInTest', params: { line: testLine[test]!, test: name } })
  })
  if (problems.length) throw new CsvInputError(problems)
  const rows: Rows = { k: itemAt.length, header, itemAt, values, rowCount, preAt, postAt, pairPre, pairPost, rowCode, rowIsPost, byPairId: pairIdAt >= 0, groups: groupAt >= 0 ? { of: groupOf, names: groupNames } : undefined }
  if (single) return analyseTest(rows, testAt >= 0 ? { test: 0, columns: columnsOf(0), codeTest, pairTest, rowTest } : undefined)
  const tests: Record<string, TestAnalysis> = {}
  for (const [test, name] of [...testNames.entries()].sort(([, a], [, b]) => a.localeCompare(b))) tests[name] = analyseTest(rows, { test, columns: columnsOf(test), codeTest, pairTest, rowTest })
  const all = Object.values(tests)
  const sum = (f: (a: TestAnalysis) => number) => all.reduce((n, a) => n + f(a), 0)
  return { pairs: sum((a) => a.pairs), unmatched: { pre: sum((a) => a.unmatched.pre), post: sum((a) => a.unmatched.post) }, duplicate_codes: sum((a) => a.duplicate_codes), tests }
}
