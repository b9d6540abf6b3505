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
      expect((book.getWorksheet('survey')!.getRow(1).values as string[]).slice(1)).toEqual(['type', 'name', LABEL_ID, LABEL_EN, 'required', 'jaga_answer', 'jaga_topic'])
      expect((book.getWorksheet('settings')!.getRow(2).values as string[]).slice(1)).toEqual([shipped.title.id, key, '3', 'Indonesian (id)'])
      const back = await fromXlsForm(bytes)
      expect(back.skipped).toEqual([])
      expect(back.key).toBe(key)
      expect(back.definition).toEqual(shipped.definition)
    }
  })

  it('imports a KoboToolbox-style form, and names every row it could not bring over', async () => {
    const bytes = await workbook({
      survey: [
        ['type', 'name', 'label::Indonesian (id)', 'label::English (en)', 'required', 'jaga_answer', 'jaga_topic'],
        ['start', 'start', '', '', '', '', ''],
        ['begin group', 'g1', 'Bagian A', 'Part A', '', '', ''],
        ['select_one yn', 'Q-1', 'Anak = di bawah 18 tahun?', 'A child is under 18?', 'yes', 'y', 'law'],
        ['select_multiple apps', 'apps', 'Aplikasi apa?', 'Which apps?', '', '', ''],
        ['integer', 'age', 'Umur anak tertua', 'Age of the eldest child', '', '', ''],
        ['image', 'photo', 'Foto', 'Photo', '', '', ''],
        ['geopoint', 'where', 'Lokasi', 'Location', '', '', ''],
        ['end group', '', '', '', '', '', ''],
        ['text', 'comments', 'Komentar', 'Comments', '', '', 'nonsense'],
        ['select_one missing', 'm', 'Hilang', 'Missing', '', '', ''],
      ],
      choices: [
        ['list_name', 'name', 'label::Indonesian (id)', 'label::English (en)'],
        ['yn', 'y', 'Ya', 'Yes'],
        ['yn', 'n', 'Tidak', 'No'],
        ['apps', 'wa', 'WhatsApp', 'WhatsApp'],
        ['apps', 'tiktok', 'TikTok', 'TikTok'],
      ],
      settings: [
        ['form_title', 'form_id'],
        ['Survei Kobo', 'Survei_Kobo_2027'],
      ],
    })
    const form = await fromXlsForm(bytes)
    expect(form.key).toBe('survei-kobo-2027')
    expect(form.definition.sections).toHaveLength(2)
    expect(form.definition.sections[0]!.title).toEqual({ id: 'Bagian A', en: 'Part A' })
    expect(form.definition.sections[0]!.items.map((i) => [i.id, i.kind])).toEqual([
      ['q_1', 'single'],
      ['apps', 'multiple'],
      ['age', 'number'],
    ])
    expect(form.definition.sections[0]!.items[0]).toMatchObject({ answer: 'y', topic: 'law', required: true })
    expect(form.skipped).toEqual([
      { sheet: 'survey', row: 2, message: 'type "start" collects device or personal metadata, which Jaga does not keep' },
      { sheet: 'survey', row: 7, message: 'type "image" asks for a photo, sound, video or file: Jaga never takes those' },
      { sheet: 'survey', row: 8, message: expect.stringContaining('type "geopoint" is not supported') },
      { sheet: 'survey', row: 10, message: '"comments": topic "nonsense" is not a library topic (kept without one)' },
      { sheet: 'survey', row: 11, message: 'choice list "missing" is missing from the choices sheet' },
    ])
  })

  it('refuses what is not a workbook, or one with no usable question', async () => {
    await expect(fromXlsForm(new TextEncoder().encode('code,phase\n').buffer as ArrayBuffer)).rejects.toThrow(XlsFormError)
    await expect(fromXlsForm(await workbook({ survey: [['type', 'name', 'label'], ['image', 'p', 'Foto']] }))).rejects.toThrow(/image/)
    await expect(fromXlsForm(await workbook({ other: [['x']] }))).rejects.toThrow(/no "survey" sheet/)
  })
})
