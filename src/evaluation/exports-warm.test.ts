import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent } from '../../test/agent.ts'
import { aSessionWithLinks } from '../../test/evaluation-builders.ts'
import { useTestApp } from '../../test/harness.ts'
import { xlsxWarmth } from './exports-warm.ts'
import { pdfWarmth } from '../platform/pdf.ts'

const jaga = useTestApp()

describe('the session results page and its XLSX export', () => {
  it('gets the XLSX writer ready after the PDF machinery once the results page has been answered, and the export made after it reads back whole', async () => {
    const { session, pair } = await aSessionWithLinks(jaga)
    for (const [i, mother] of ['SI', 'RI', 'DE', 'NO', 'YA'].entries()) await pair(mother, 3 + i, 8 + i)
    const coordinator = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    expect(xlsxWarmth()).toBe('cold')
    const page = await coordinator.get(`/sessions/${session.id}/evaluation`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain(`/sessions/${session.id}/evaluation/answers.xlsx`)
    // One library after the other: the XLSX writer waits for the PDF machinery.
    expect(xlsxWarmth()).toBe('cold')
    // Generous: importing both libraries takes seconds on a loaded test machine.
    await expect.poll(pdfWarmth, { timeout: 30_000 }).toBe('warm')
    await expect.poll(xlsxWarmth, { timeout: 30_000 }).toBe('warm')
    const xlsx = await coordinator.get(`/sessions/${session.id}/evaluation/answers.xlsx`)
    expect(xlsx.status).toBe(200)
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await xlsx.arrayBuffer())
    expect(book.worksheets.map((s) => s.name)).toEqual(['answers', 'pairs', 'codebook', 'comments'])
    // A header and the five pairs' before and after rows.
    expect(book.getWorksheet('answers')!.rowCount).toBe(11)
  }, 90_000)
})
