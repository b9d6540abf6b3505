import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { countNumbers, differences } from '../../test/numbers.ts'
import { catalogue } from '../messages.ts'
import { createTranslator } from '../platform/i18n/i18n.ts'
import { formatAnalysis } from './analysis-text.ts'
import { analyzeCsv, analyzeCsvFile, CsvInputError } from './analyze-csv.ts'

const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures/analyze')
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8')

describe('jaga analyze agrees with R to 1e-9 relative', () => {
  for (const name of ['knowledge-300', 'knowledge-12', 'likert-40', 'two-sessions-38', 'two-tests-30', 'two-tests-30-codes']) {
    it(`on ${name}.csv`, () => {
      const reference = JSON.parse(fixture(`${name}.r.json`))
      const result = analyzeCsvFile(fixture(`${name}.csv`))
      expect(countNumbers(reference)).toBeGreaterThan(20)
      expect(differences(reference, result, 1e-9)).toEqual([])
    })
  }

  it('counts unmatched rows and codes written twice, and says which tests do not apply to Likert items', () => {
    const knowledge = analyzeCsv(fixture('knowledge-300.csv'))
    expect(knowledge).toMatchObject({ pairs: 300, unmatched: { pre: 6, post: 6 }, duplicate_codes: 6, items_count: 20, dichotomous: true })
    expect(knowledge.score.n_gain?.category).toBe('low')
    const likert = analyzeCsv(fixture('likert-40.csv'))
    expect(likert.dichotomous).toBe(false)
    expect(likert.score.n_gain).toBeNull()
    expect(likert.items.every((i) => !('mcnemar' in i))).toBe(true)
    expect('groups' in likert).toBe(false)
  })

  it('prints the keys in the documented order', () => {
    const result = analyzeCsv(fixture('knowledge-300.csv'))
    expect(Object.keys(result)).toEqual(['pairs', 'unmatched', 'duplicate_codes', 'items_count', 'dichotomous', 'score', 'alpha', 'items', 'groups'])
    expect(Object.keys(result.score)).toEqual(['pairs', 'pre', 'post', 'diff', 't_test', 'cohen_dz', 'wilcoxon', 'n_gain'])
    expect(Object.keys(result.items[0]!)).toEqual(['item', 'pre_mean', 'post_mean', 'mcnemar'])
    expect(Object.keys(result.items[0]!.mcnemar!)).toEqual(['b', 'c', 'p', 'p_holm'])
  })

  it('repeats the score block per group, taking the group from the pre row', () => {
    const text = fixture('knowledge-300.csv')
    const result = analyzeCsv(text)
    expect(Object.keys(result.groups!)).toEqual(['community', 'parents', 'teachers'])
    // Each group's block is what the analysis of that group's rows alone gives.
    const lines = text.trim().split('\n')
    for (const group of ['community', 'parents', 'teachers']) {
      const only = [lines[0]!.replace(',group', ''), ...lines.slice(1).filter((l) => l.split(',')[2] === group).map((l) => l.split(',').filter((_, i) => i !== 2).join(','))]
      const alone = analyzeCsv(only.join('\n'))
      expect(differences(alone.score, result.groups![group], 1e-12)).toEqual([])
      expect(result.groups![group]!.pairs).toBeGreaterThan(50)
    }
    const sum = Object.values(result.groups!).reduce((n, g) => n + g.pairs, 0)
    expect(sum).toBe(300)
  })
})

describe('questions the skip logic did not show (empty cells)', () => {
  it('agree with R to 1e-12 on skip-logic-42.csv: prorated totals, items over the pairs shown them both times, alpha over complete rows', () => {
    const reference = JSON.parse(fixture('skip-logic-42.r.json'))
    const result = analyzeCsv(fixture('skip-logic-42.csv'))
    expect(countNumbers(reference)).toBeGreaterThan(40)
    expect(differences(reference, result, 1e-12)).toEqual([])
    expect(result).toMatchObject({ pairs: 42, items_not_shown: reference.items_not_shown, pairs_without_total: 2, score: { pairs: 40 } })
    expect(result.items_not_shown).toBeGreaterThan(50)
  })

  it('count as missing, not wrong: a total is the shown items’ sum × k / shown, and a person shown nothing has no total', () => {
    // A: 1 of the 2 items shown before (prorated 1 × 4 / 2 = 2), all 4 after; B: shown nothing after.
    const r = analyzeCsv('code,phase,q1,q2,q3,q4\nA,pre,1,,0,\nA,post,1,1,1,0\nB,pre,1,1,1,1\nB,post,,,,\nC,pre,0,0,1,1\nC,post,1,1,1,1\n')
    expect(r).toMatchObject({ pairs: 3, items_count: 4, dichotomous: true, items_not_shown: 6, pairs_without_total: 1 })
    expect(r.score).toMatchObject({ pairs: 2, pre: { mean: (2 + 2) / 2 }, post: { mean: (3 + 4) / 2 } })
    expect(r.score.n_gain!.mean).toBeCloseTo((1 / 2 + 2 / 2) / 2, 12)
    // q1 and q3 shown both times to A and C (B saw nothing after), q2 and q4 only to C.
    expect(r.items.map((i) => [i.item, i.pre_mean, i.post_mean, i.mcnemar!.c])).toEqual([
      ['q1', 0.5, 1, 1],
      ['q2', 0, 1, 1],
      ['q3', 0.5, 1, 1],
      ['q4', 1, 1, 0],
    ])
    // Alpha before over the rows shown every item, B and C: item variances 0.5 + 0.5, total variance 2.
    expect(r.alpha.pre).toBeCloseTo((4 / 3) * (1 - (0.5 + 0.5) / 2), 12)
  })

  it('are counted in the text output in both languages, with the pairs left out of the score', () => {
    const r = analyzeCsvFile(fixture('skip-logic-42.csv'))
    const en = formatAnalysis(r, createTranslator(catalogue, 'en'))
    expect(en).toContain(`${(r as { items_not_shown: number }).items_not_shown} item answers empty = not shown (skip logic), not counted wrong; totals are prorated over the items shown`)
    expect(en).toContain('2 pairs left out of the total score: one of their answers was shown no item')
    expect(formatAnalysis(r, createTranslator(catalogue, 'id'))).toContain('2 pasangan tidak masuk skor total')
    expect(formatAnalysis(analyzeCsvFile(fixture('knowledge-12.csv')), createTranslator(catalogue, 'en'))).not.toContain('not shown')
  })

  it('make a test with a score other than 0 or 1 not dichotomous, wherever the empty cells are', () => {
    const r = analyzeCsv('code,phase,q1,q2\nA,pre,,1\nA,post,1,0\nB,pre,1,0\nB,post,2,\nC,pre,0,1\nC,post,1,1\n')
    expect(r).toMatchObject({ dichotomous: false, items_not_shown: 2 })
    expect(r.score.n_gain).toBeNull()
    expect(r.items.every((i) => i.mcnemar === undefined)).toBe(true)
    expect(analyzeCsv('code,phase,q1,q2\nA,pre,,1\nA,post,1,0\nB,pre,1,0\nB,post,1,\nC,pre,0,1\nC,post,1,1\n').dichotomous).toBe(true)
  })

  it('leave the JSON of a file without empty cells as it was: no items_not_shown, no pairs_without_total', () => {
    const r = analyzeCsv(fixture('knowledge-12.csv'))
    expect('items_not_shown' in r || 'pairs_without_total' in r).toBe(false)
  })
})

describe('pairing within a session, and by pair_id when the file has one', () => {
  it('pairs Jaga’s export by its pair_id: tolerant pairs too, codes repeated across sessions apart', () => {
    const r = analyzeCsv(fixture('two-sessions-38.csv'))
    // Per session: 16 exact and 3 tolerant pairs; 2 codes written twice; 2 pre and 1 post alone.
    expect(r).toMatchObject({ pairs: 38, unmatched: { pre: 4, post: 2 }, duplicate_codes: 4 })
  })

  it('pairs codes only within a session, so two sessions’ files joined keep both sessions’ pairs', () => {
    const text = 'code,phase,session,q1\nA,pre,s1,0\nA,post,s1,1\nA,pre,s2,1\nA,post,s2,1\nB,pre,s1,0\nB,post,s2,1\n'
    expect(analyzeCsv(text)).toMatchObject({ pairs: 2, unmatched: { pre: 1, post: 1 }, duplicate_codes: 0 })
    // Without the session column the same rows are one pool: A is written twice in each phase.
    const pooled = text.replace(/,s[12]/g, '').replace(',session', '')
    expect(analyzeCsv(pooled)).toMatchObject({ pairs: 1, unmatched: { pre: 0, post: 0 }, duplicate_codes: 1 })
  })

  it('refuses a pair_id given to two rows of one phase, and reads how and pair_id as no items', () => {
    expect(() => analyzeCsv('code,phase,how,pair_id,q1\nA,pre,exact,p1,0\nB,pre,exact,p1,1\nA,post,exact,p1,1\n')).toThrow(/analyze\.pairIdTwice.*"line":3/)
    const r = analyzeCsv('code,phase,how,pair_id,q1\nA,pre,confirmed,p1,0\nZ,post,confirmed,p1,1\nA,post,,,1\n')
    expect(r).toMatchObject({ pairs: 1, unmatched: { pre: 0, post: 1 }, items_count: 1 })
    expect(r.score.post.mean).toBe(1)
  })
})

describe('a file whose groups took different tests (a questionnaire column)', () => {
  it('analyses each test on the columns it fills, pairing codes within a group, and counts over the file', () => {
    const r = analyzeCsvFile(fixture('two-tests-30.csv'))
    if (!('tests' in r)) throw new Error('expected one analysis per test')
    expect(Object.keys(r)).toEqual(['pairs', 'unmatched', 'duplicate_codes', 'tests'])
    expect(Object.keys(r.tests)).toEqual(['behaviour-confidence', 'knowledge-parents'])
    expect(r.tests['knowledge-parents']).toMatchObject({ pairs: 14, items_count: 6, dichotomous: true, unmatched: { pre: 1, post: 0 }, duplicate_codes: 1 })
    expect(r.tests['behaviour-confidence']).toMatchObject({ pairs: 14, items_count: 4, dichotomous: false })
    expect(r).toMatchObject({ pairs: 28, unmatched: { pre: 2, post: 0 }, duplicate_codes: 2 })
  })

  it('pairs a code only within its group: the same code in two groups is two people', () => {
    const text = 'code,phase,group,q1\nA,pre,parents,0\nA,post,parents,1\nA,pre,teachers,1\nA,post,teachers,1\n'
    expect(analyzeCsv(text)).toMatchObject({ pairs: 2, duplicate_codes: 0 })
  })

  it('refuses a cell filled in another test’s column, and reads an empty cell in its own as a question not shown', () => {
    const head = 'code,phase,questionnaire,a:k1,b:k1\n'
    expect(() => analyzeCsvFile(`${head}A,pre,a,1,\nA,post,a,1,0\n`)).toThrow(/analyze\.notInTest.*"line":3.*"column":"b:k1"/)
    expect(analyzeCsvFile(`${head}A,pre,a,1,\nA,post,a,1,\nB,pre,b,,0\nB,post,b,,1\n`)).toMatchObject({ pairs: 2, tests: { a: { items_count: 1 }, b: { items_count: 1 } } })
    // Columns named after their test belong to it whatever its first row holds: a:k2 was not shown to A before.
    const named = analyzeCsv('code,phase,questionnaire,a:k1,a:k2,b:k1\nA,pre,a,1,,\nA,post,a,1,0,\n')
    expect(named).toMatchObject({ items_count: 2, items_not_shown: 1, score: { pairs: 1, pre: { mean: 2 }, post: { mean: 1 } } })
    // Without named columns a column belongs to the first test whose row fills it, even when that test's first row left it empty.
    const unnamed = analyzeCsvFile('code,phase,questionnaire,k1,k2,c1\nA,pre,a,1,,\nA,post,a,1,0,\nB,pre,b,,,4\nB,post,b,,,5\n')
    expect(unnamed).toMatchObject({ tests: { a: { items_count: 2, items_not_shown: 1 }, b: { items_count: 1 } } })
    expect(() => analyzeCsvFile('code,phase,questionnaire,k1,c1\nA,pre,a,1,\nB,pre,b,1,4\n')).toThrow(/analyze\.notInTest.*"line":3.*"column":"k1".*"test":"b"/)
    expect(() => analyzeCsvFile('code,phase,questionnaire,k1\nA,pre,a,1\nB,pre,b,\n')).toThrow(/analyze\.noItemsInTest.*"line":3.*"test":"b"/)
  })
})

describe('reading the CSV', () => {
  it('matches codes trimmed and upper-cased, and phases in any case and spelling', () => {
    const r = analyzeCsv('Code,PHASE,q1,q2\n ab1 , Pretest ,0,1\nAB1,POST,1,1\nxy2,pre,0,0\nXY2 ,posttest,1,0\n')
    expect(r.pairs).toBe(2)
    expect(r.score.pre.mean).toBe(0.5)
    expect(r.score.post.mean).toBe(1.5)
  })

  it('reads phases and groups the same whatever their spacing and case, past the spellings it recognises from bytes', () => {
    // 20 groups, each written in two spellings (padded and not), and phases in four: the same analysis as written plainly.
    const plain: string[] = ['code,phase,group,q1,q2']
    const varied: string[] = ['code,phase,group,q1,q2']
    for (let i = 0; i < 200; i++) {
      const group = `g${i % 20}`
      const scores = [`${i % 2},${(i >> 1) % 2}`, `${(i >> 2) % 2},1`]
      plain.push(`C${i},pre,${group},${scores[0]}`, `C${i},post,${group},${scores[1]}`)
      varied.push(`C${i},${i % 2 ? ' pre' : 'PRE'},${i % 3 ? ` ${group} ` : group},${scores[0]}`, `C${i},${i % 2 ? 'post' : 'Posttest'},${group},${scores[1]}`)
    }
    const expected = analyzeCsv(plain.join('\n'))
    expect(Object.keys(expected.groups!)).toHaveLength(20)
    expect(analyzeCsv(varied.join('\n'))).toEqual(expected)
  })

  it('pairs nothing of a code written twice in one phase', () => {
    const r = analyzeCsv('code,phase,q1\nA,pre,0\nA,pre,1\nA,post,1\nB,pre,0\nB,post,1\nC,pre,1\nD,post,0\nD,post,1\n')
    expect(r).toMatchObject({ pairs: 1, unmatched: { pre: 1, post: 0 }, duplicate_codes: 2 })
  })

  it('reads semicolons with decimal commas, quoted cells, a BOM and Windows line ends the same as plain commas', () => {
    const plain = analyzeCsv('code,phase,q1,q2\nA,pre,1.5,2\nA,post,3,4\nB,pre,2,2\nB,post,2.5,5\nC,pre,1,1\nC,post,4,4\n')
    const excel = analyzeCsv('\ufeffcode;phase;q1;q2\r\nA;pre;1,5;2\r\nA;post;3;4\r\nB;pre;2;2\r\nB;post;2,5;5\r\n\r\nC;pre;1;1\r\nC;post;4;4\r\n')
    const quoted = analyzeCsv('"code","phase","q1","q2"\n"A","pre","1.5","2"\n"A","post","3","4"\n"B","pre","2","2"\n"B","post","2.5","5"\n"C","pre","1","1"\n"C","post","4","4"\n')
    expect(plain.score.diff.mean).toBeCloseTo(13 / 3, 12)
    expect(excel).toEqual(plain)
    expect(quoted).toEqual(plain)
  })

  it('reads numbers exactly as Number() does', () => {
    const cells = ['0.1', '2.35', '-1.5', '+3', ' 7 ', '1e2', '0.30000000000000004', '12345678901234567']
    const r = analyzeCsv(`code,phase,${cells.map((_, i) => `q${i}`).join(',')}\nA,pre,${cells.join(',')}\nA,post,${cells.join(',')}\n`)
    expect(r.items.map((i) => i.pre_mean)).toEqual(cells.map(Number))
  })

  it('names every line and column it cannot read, in both languages', () => {
    let error: unknown
    try {
      analyzeCsv('code,phase,q1\nA,pre,1\n,post,1\nB,later,0\nC,pre,x\nD,post,\n')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(CsvInputError)
    // An empty cell (D's) is a question not shown, not an error.
    expect((error as CsvInputError).problems).toEqual([
      { key: 'analyze.emptyCode', params: { line: 3 } },
      { key: 'analyze.badPhase', params: { line: 4, value: 'later' } },
      { key: 'analyze.badScore', params: { line: 5, column: 'q1', value: 'x' } },
    ])
    expect(() => analyzeCsv('phase,group\npre,a\n')).toThrow(/missingColumn.*code.*noItems/)
    expect(() => analyzeCsv('')).toThrow(CsvInputError)
  })

  it('gives nulls, not numbers, where a value is undefined', () => {
    const r = analyzeCsv('code,phase,q1,q2\nA,pre,1,1\nA,post,1,1\n')
    expect(r.score).toMatchObject({ pairs: 1, pre: { mean: 2, sd: null }, diff: { ci95: null }, t_test: { t: null, df: null, p: null }, cohen_dz: null })
    expect(r.score.wilcoxon).toEqual({ w_plus: 0, n: 0, z: null, p: null })
    expect(r.score.n_gain).toEqual({ mean: null, of_means: null, category: null })
    expect(r.alpha).toEqual({ pre: null, post: null })
    expect(JSON.parse(JSON.stringify(r)).score.t_test.t).toBeNull()
  })
})
