import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { parseCsvInWorker, readSheetsInWorker } from './parse-worker.ts'

async function workbook(rows: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('survey')
  for (let i = 0; i < rows; i++) sheet.addRow([`a${i}`, { richText: [{ text: 'b' }, { text: String(i) }] }, { formula: '1+1', result: 2 }])
  return new Uint8Array(await book.xlsx.writeBuffer())
}

describe('parsing in a worker thread', () => {
  it('reads the named sheets as rows of cell texts and leaves out a missing one', async () => {
    const read = await readSheetsInWorker(await workbook(2), ['survey', 'choices'], { maxRows: 10, maxColumns: 5 })
    expect(read).toEqual({ ok: true, value: { survey: [{ number: 1, cells: ['a0', 'b0', '2'] }, { number: 2, cells: ['a1', 'b1', '2'] }] } })
  })

  it('stops a worker that runs out of its heap, and one that takes too long', async () => {
    const bytes = await workbook(3_000)
    expect(await readSheetsInWorker(bytes, ['survey'], { maxRows: 5_000, maxColumns: 5, heapMb: 8 })).toMatchObject({ ok: false, reason: 'memory' })
    expect(await readSheetsInWorker(bytes, ['survey'], { maxRows: 5_000, maxColumns: 5, timeoutMs: 0 })).toEqual({ ok: false, reason: 'timeout', params: { seconds: 0 } })
  })

  it('refuses CSV past its row or column limit, and CSV it cannot parse', async () => {
    expect(await parseCsvInWorker('a,b\n1,2\n3,4\n', ',', { maxRows: 2, maxColumns: 2 })).toEqual({ ok: true, value: [['a', 'b'], ['1', '2'], ['3', '4']] })
    expect(await parseCsvInWorker('a,b\n1,2\n3,4\n5,6\n', ',', { maxRows: 2, maxColumns: 2 })).toEqual({ ok: false, reason: 'rows', params: { limit: 2 } })
    expect(await parseCsvInWorker('a;b;c\n', ';', { maxRows: 2, maxColumns: 2 })).toEqual({ ok: false, reason: 'columns', params: { limit: 2 } })
    expect(await parseCsvInWorker('a,"b\n', ',', { maxRows: 2, maxColumns: 2 })).toMatchObject({ ok: false, reason: 'unreadable' })
  })
})
