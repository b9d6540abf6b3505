import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readShippedQuestionnaires } from './questionnaires.ts'
import { fromXlsForm, LABEL_EN, LABEL_ID, toXlsForm, XlsFormError } from './xlsform.ts'

async function workbook(sheets: Record<string, (string | number)[][]>): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook()
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows)
  const buffer = await book.xlsx.writeBuffer()
  return buffer as ArrayBuffer
}

describe('XLSForm', () => {
  it('exports a shipped questionnaire with survey, choices and settings sheets, and reads it back unchanged', async () => {
    for (const key of ['knowledge-parents', 'behaviour-confidence', 'feedback']) {
      const shipped = readShippedQuestionnaires().find((q) => q.key === key)!
      const bytes = await toXlsForm({ key, title: shipped.title, version: 3 }, shipped.definition)
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(bytes as never)
      expect(book.worksheets.map((w) => w.name)).toEqual(['survey', 'choices', 'settings'])
      expect((book.getWorksheet('survey')!.getRow(1).values as string[]).slice(1, 5)).toEqual(['type', 'name', LABEL_ID, LABEL_EN])
      expect((book.getWorksheet('settings')!.getRow(2).values as string[]).slice(1)).toEqual([shipped.title.id, key, '3', 'Indonesian (id)'])
      const back = await fromXlsForm(bytes)
      expect(back.skipped).toEqual([])
      expect(back.key).toBe(key)
      expect(back.definition).toEqual(shipped.definition)
    }
  })

  // Reading other tools' forms is tested by the corpus in xlsform-read.test.ts (test/fixtures/xlsforms/).

  it('refuses what is not a workbook, or one with no usable question', async () => {
    await expect(fromXlsForm(new TextEncoder().encode('code,phase\n').buffer as ArrayBuffer)).rejects.toThrow(XlsFormError)
    await expect(fromXlsForm(await workbook({ survey: [['type', 'name', 'label'], ['image', 'p', 'Foto']] }))).rejects.toThrow(/image/)
    await expect(fromXlsForm(await workbook({ other: [['x']] }))).rejects.toThrow(/no "survey" sheet/)
  })
})
