// Exports of sessions whose groups take different questionnaires, and of scale questionnaires: the file
// holds every item the page analyses, and `jaga analyze` gives each test the page's numbers.
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { createTranslator } from '../platform/i18n/i18n.ts'
import { catalogue } from '../messages.ts'
import { aSessionWithGroups, testAnswers } from '../../test/group-builders.ts'
import { useTestApp } from '../../test/harness.ts'
import { differences } from '../../test/numbers.ts'
import { analyzeCsv, analyzeCsvFile, CsvInputError, type TestAnalysis } from './analyze-csv.ts'
import { formatAnalysis } from './analysis-text.ts'
import { sessionResults, type GroupResult } from './session-results.ts'

const jaga = useTestApp()
/** A code per person: the letter, then A–H for the person's number. */
const code = (tag: string) => ({ mother: `${tag[0]}${String.fromCharCode(65 + Number(tag.slice(1)))}`, day: '7', own: 'A', siblings: '2' })
const behaviour = (point: number, talked: string) => ({ ...Object.fromEntries(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'].map((c, i) => [c, ((point + i) % 5) + 1])), agreement: 'yes', talked, settings_set: 'na' })

/** The page's analysis of a group, with its item names as the file writes them. */
const named = (g: GroupResult, prefix: string) => ({ ...g.analysis!, items: g.analysis!.items.map((i) => ({ ...i, item: prefix + i.item })) })

describe('answers.csv of a session whose groups take different questionnaires', () => {
  it('names each knowledge test’s columns apart and jaga analyze gives each test the page’s pairs and statistics', async () => {
    const { session, agent, send } = await aSessionWithGroups(jaga, [{ groupKind: 'parents' }, { groupKind: 'teachers' }])
    // The same codes in both groups: they pair within their group only, as on the page.
    for (let i = 0; i < 7; i++) {
      await send('parents', 'pre', { code: code(`P${i}`), answers: testAnswers('knowledge-parents', 3 + i) })
      await send('parents', 'post', { code: code(`P${i}`), answers: testAnswers('knowledge-parents', 6 + i + (i % 3)) })
      await send('teachers', 'pre', { code: code(`P${i}`), answers: testAnswers('knowledge-teachers', 8 - i) })
      if (i < 6) await send('teachers', 'post', { code: code(`P${i}`), answers: testAnswers('knowledge-teachers', 12 - (i % 4)) })
    }
    const text = await (await agent.get(`/sessions/${session.id}/evaluation/answers.csv`)).text()
    const header = text.split('\n')[0]!.split(',')
    expect(header.slice(0, 8)).toEqual(['code', 'phase', 'group', 'session', 'how', 'pair_id', 'questionnaire', 'knowledge-parents:k01'])
    expect(header).toContain('knowledge-teachers:k15')
    expect(header.filter((h) => h.endsWith(':k01'))).toHaveLength(2)

    const file = analyzeCsvFile(text)
    if (!('tests' in file)) throw new Error('expected one analysis per test')
    expect(Object.keys(file.tests)).toEqual(['knowledge-parents', 'knowledge-teachers'])
    expect(file).toMatchObject({ pairs: 13, unmatched: { pre: 1, post: 0 }, duplicate_codes: 0 })
    const page = await sessionResults(jaga.db, session.id)
    for (const [group, test] of [['parents', 'knowledge-parents'], ['teachers', 'knowledge-teachers']] as const) {
      const shown = page.groups.find((g) => g.groupKind === group)!
      const csv = file.tests[test]!
      expect(csv.pairs).toBe(shown.match.pairs)
      expect(csv.items_count).toBe(15)
      expect(differences(named(shown, `${test}:`), csv, 1e-12)).toEqual([])
      expect(differences(shown.analysis!.score, csv.groups![group], 1e-12)).toEqual([])
    }
    // The readable output says which test each block is; one-test callers are told the file has several.
    expect(formatAnalysis(file, createTranslator(catalogue, 'en'))).toMatch(/Questionnaire knowledge-parents\n[\s\S]*Questionnaire knowledge-teachers\n/)
    expect(() => analyzeCsv(text)).toThrow(CsvInputError)
    expect(() => analyzeCsv(text)).toThrow(/analyze\.severalTests/)
  })

  it('keeps a knowledge test and a scale apart, where the file had empty cells jaga analyze refused', async () => {
    const { session, agent, send } = await aSessionWithGroups(jaga, [{ groupKind: 'parents' }, { groupKind: 'teachers', questionnaireKey: 'behaviour-confidence' }])
    for (let i = 0; i < 6; i++) {
      await send('parents', 'pre', { code: code(`Q${i}`), answers: testAnswers('knowledge-parents', 4 + i) })
      await send('parents', 'post', { code: code(`Q${i}`), answers: testAnswers('knowledge-parents', 9 + (i % 4)) })
      await send('teachers', 'pre', { code: code(`T${i}`), answers: behaviour(i, 'never') })
      await send('teachers', 'post', { code: code(`T${i}`), answers: behaviour(i + 1 + (i % 2), 'once') })
    }
    const text = await (await agent.get(`/sessions/${session.id}/evaluation/answers.csv`)).text()
    const file = analyzeCsvFile(text)
    if (!('tests' in file)) throw new Error('expected one analysis per test')
    const page = await sessionResults(jaga.db, session.id)
    const teachers = page.groups.find((g) => g.groupKind === 'teachers')!
    expect(teachers.kind).toBe('scale')
    expect(differences(named(teachers, 'behaviour-confidence:'), file.tests['behaviour-confidence'], 1e-12)).toEqual([])
    expect(file.tests['behaviour-confidence']!.items.map((i) => i.item)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'].map((c) => `behaviour-confidence:${c}`))
    expect(differences(named(page.groups.find((g) => g.groupKind === 'parents')!, 'knowledge-parents:'), file.tests['knowledge-parents'], 1e-12)).toEqual([])
  })
})

describe('a scale questionnaire’s export', () => {
  it('has a column per statement, 1–5, in answers.csv, the XLSX and the codebook, and jaga analyze gives the page’s numbers', async () => {
    const { session, agent, send } = await aSessionWithGroups(jaga, [{ groupKind: 'parents', questionnaireKey: 'behaviour-confidence' }])
    for (let i = 0; i < 8; i++) {
      await send('parents', 'pre', { code: code(`S${i}`), answers: behaviour(i, 'never') })
      await send('parents', 'post', { code: code(`S${i}`), answers: behaviour(i + 2 + (i % 3), 'often') })
    }
    const base = `/sessions/${session.id}/evaluation`
    const text = await (await agent.get(`${base}/answers.csv`)).text()
    const lines = text.trim().split('\n')
    expect(lines[0]).toBe('code,phase,group,session,how,pair_id,questionnaire,c1,c2,c3,c4,c5,c6,c7')
    // Rows are in the order answers arrived; two can arrive in the same millisecond, so find S0's before row.
    const s0pre = lines.find((l) => l.startsWith('SA-07-A-2,pre,'))
    expect(s0pre!.split(',').slice(6)).toEqual(['behaviour-confidence', '1', '2', '3', '4', '5', '1', '2'])
    const shown = (await sessionResults(jaga.db, session.id)).groups[0]!
    const csv: TestAnalysis = analyzeCsv(text)
    expect(csv).toMatchObject({ pairs: 8, items_count: 7, dichotomous: false })
    expect(differences(shown.analysis, csv, 1e-12)).toEqual([])

    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(await (await agent.get(`${base}/answers.xlsx`)).arrayBuffer()) as never)
    const sheet = book.getWorksheet('answers')!
    const head = (sheet.getRow(1).values as unknown[]).slice(1)
    expect(head.slice(-7)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'])
    expect((sheet.getRow(2).values as unknown[]).slice(-7)).toEqual([1, 2, 3, 4, 5, 1, 2])
    expect(book.getWorksheet('pairs')!.rowCount).toBe(1)
    const codebook = await (await agent.get(`${base}/codebook.csv`)).text()
    expect(codebook).toMatch(/^c1,.*unanswered counts as 3/m)
  })
})
