// answers.xlsx is written row by row (exceljs's streaming writer, issue 17): the file must open and say
// exactly what answers.csv and codebook.csv say, cell by cell, for a session with two tests, pairs made
// exactly and by tolerance, unpaired answers and empty (different-test) cells.
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { aSessionWithGroups, testAnswers } from '../../test/group-builders.ts'
import { useTestApp } from '../../test/harness.ts'

const jaga = useTestApp()
const code = (letters: string, day = '7') => ({ mother: letters, day, own: 'A', siblings: '2' })

/** A CSV as the exports write it (a quoted cell may hold commas and doubled quotes; no line breaks here). */
const csvRows = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => {
      const cells: string[] = []
      for (let i = 0; i <= line.length; ) {
        if (line[i] === '"') {
          let cell = ''
          for (i++; i < line.length; i++) {
            if (line[i] === '"' && line[i + 1] === '"') cell += line[i++]
            else if (line[i] === '"') break
            else cell += line[i]
          }
          cells.push(cell)
          i += 2
        } else {
          const end = line.indexOf(',', i) < 0 ? line.length : line.indexOf(',', i)
          cells.push(line.slice(i, end))
          i = end + 1
        }
      }
      return cells
    })
/** A sheet's rows as exceljs reads them back, one array per row, empty cells as ''. */
const sheetRows = (sheet: ExcelJS.Worksheet) => {
  const rows: unknown[][] = []
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? '')))
  return rows
}

describe('answers.xlsx', () => {
  it('holds every cell of answers.csv and codebook.csv, and one pairs row per pair of the CSV', async () => {
    const { session, agent, send } = await aSessionWithGroups(jaga, [{ groupKind: 'parents' }, { groupKind: 'teachers' }])
    for (let i = 0; i < 6; i++) {
      const letters = `${String.fromCharCode(65 + i)}${String.fromCharCode(75 + i)}`
      await send('parents', 'pre', { code: code(letters), answers: testAnswers('knowledge-parents', 2 + i) })
      // One post code one part off (a tolerant pair), one participant without an after answer.
      if (i < 5) await send('parents', 'post', { code: code(letters, i === 2 ? '8' : '7'), answers: testAnswers('knowledge-parents', 7 + i) })
      await send('teachers', 'pre', { code: code(letters), answers: testAnswers('knowledge-teachers', 9 - i) })
      await send('teachers', 'post', { code: code(letters), answers: testAnswers('knowledge-teachers', 12 - (i % 3)) })
    }
    const base = `/sessions/${session.id}/evaluation`
    const csv = csvRows(await (await agent.get(`${base}/answers.csv`)).text())
    const codebook = csvRows(await (await agent.get(`${base}/codebook.csv`)).text())
    const res = await agent.get(`${base}/answers.xlsx`)
    expect(res.status).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await res.arrayBuffer()) as never)
    expect(book.worksheets.map((w) => w.name)).toEqual(['answers', 'pairs', 'codebook', 'comments'])

    const answers = sheetRows(book.getWorksheet('answers')!)
    expect(answers).toHaveLength(csv.length)
    expect(csv.length).toBe(1 + 23)
    const header = answers[0] as string[]
    expect(header.slice(7, 11)).toEqual(['source', 'received_at', 'score', 'max_score'])
    // Every CSV column, by name, in every row: numbers as numbers, an empty CSV cell as an empty cell.
    for (const [c, name] of csv[0]!.entries()) {
      const x = header.indexOf(name)
      expect(x, name).toBeGreaterThanOrEqual(0)
      for (let r = 1; r < csv.length; r++) expect([name, r, answers[r]![x]]).toEqual([name, r, csv[r]![c] === '' ? '' : x >= 11 ? Number(csv[r]![c]) : csv[r]![c]])
    }
    expect(csv.slice(1).some((row) => row.includes(''))).toBe(true)
    expect(answers.slice(1).every((row) => row[7] === 'phone' && typeof row[9] === 'number' && typeof row[10] === 'number')).toBe(true)

    // The pairs sheet: each pair_id of the CSV once, with its before and after codes.
    const pairs = sheetRows(book.getWorksheet('pairs')!)
    const fromCsv = new Map<string, string[]>()
    for (const row of csv.slice(1)) if (row[5]) fromCsv.set(row[5], [...(fromCsv.get(row[5]) ?? []), row[0]!])
    expect(pairs.slice(1).map((p) => [p[0], [p[2], p[3]]]).sort()).toEqual([...fromCsv.entries()].sort())
    expect(pairs.slice(1).filter((p) => p[1] === 'tolerant')).toHaveLength(1)

    expect(sheetRows(book.getWorksheet('codebook')!)).toEqual(codebook)
    expect(sheetRows(book.getWorksheet('comments')!)).toEqual([['phase', 'group', 'item', 'text']])
  })
})
