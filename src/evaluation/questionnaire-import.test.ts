import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf, type Agent } from '../../test/agent.ts'
import { aSessionWithLinks } from '../../test/evaluation-builders.ts'
import { useTestApp } from '../../test/harness.ts'
import { sheetOf } from '../../test/xlsform-rules.ts'
import { twoQuestionXlsform, upload } from '../../test/xlsform-upload.ts'

const jaga = useTestApp()

const xlsform = (formId: string, extraRows: string[][] = []) => twoQuestionXlsform(formId, 'Tes pratinjau', extraRows)
const GEOPOINT = ['geopoint', 'where', 'Lokasi', 'Location', '', '']

/** The hidden fields the preview carries to Save. */
const carried = (html: string) => ({ xlsx: /name="xlsx" value="([^"]*)"/.exec(html)?.[1] ?? '', fileName: /name="fileName" value="([^"]*)"/.exec(html)?.[1] ?? '' })
const versions = (key: string) =>
  jaga.db.selectFrom('questionnaireVersions as v').innerJoin('questionnaires as q', 'q.id', 'v.questionnaireId').select('v.version').where('q.key', '=', key).orderBy('v.version').execute()
const coordinator = async (locale: 'id' | 'en'): Promise<Agent> => (await sessionAgent(jaga, await aUser(jaga, 'coordinator'))).lang(locale)

describe('the XLSForm import preview', () => {
  it.each([
    ['en', 'Nothing has been saved yet.', 'Save creates a new questionnaire "tes-pratinjau-en", version 1.', 'sheet survey, row 4:', 'A child is under 18?', 'Imported as "tes-pratinjau-en" version 1 with 2 questions.'],
    ['id', 'Belum ada yang disimpan.', 'Simpan akan membuat kuesioner baru "tes-pratinjau-id", versi 1.', 'lembar survey, baris 4:', 'Anak adalah yang belum 18 tahun?', 'Diimpor sebagai "tes-pratinjau-id" versi 1 dengan 2 pertanyaan.'],
  ] as const)('shows the form as participants see it (%s), names what was not kept, saves nothing until Save', async (locale, nothing, willCreate, row, question, saved) => {
    const agent = await coordinator(locale)
    const key = `tes-pratinjau-${locale}`
    const res = await agent.post('/questionnaires/import', upload(await xlsform(key, [GEOPOINT])))
    expect(res.status).toBe(200)
    const html = await res.text()
    const text = textOf(html)
    expect(text).toContain(nothing)
    expect(text).toContain(willCreate)
    expect(text).toContain(row)
    expect(text).toContain(question)
    expect(text).not.toContain(locale === 'en' ? 'Anak adalah yang belum 18 tahun?' : 'A child is under 18?')
    // The participant's form is there, read-only, and sends nowhere.
    expect(html).toMatch(/<div inert="">\s*<article class="questionnaire">/)
    expect(await versions(key)).toEqual([])

    const save = await agent.post('/questionnaires/import/save', carried(html))
    expect(save.status).toBe(200)
    expect(textOf(await save.text())).toContain(saved)
    expect(await versions(key)).toEqual([{ version: 1 }])

    // The same key again: the preview says a new version will be made, before anything is saved.
    const again = textOf(await (await agent.post('/questionnaires/import', upload(await xlsform(key)))).text())
    expect(again).toContain(locale === 'en' ? `The questionnaire "${key}" already exists (latest version: 1). Save makes version 2` : `Kuesioner "${key}" sudah ada (versi terakhir: 1). Simpan akan membuat versi 2`)
    expect(again).toContain(locale === 'en' ? 'Every row of this file was kept.' : 'Semua baris berkas ini dimasukkan.')
    expect(await versions(key)).toEqual([{ version: 1 }])
  })

  it('reads the carried file again on Save: a damaged or changed field saves nothing', async () => {
    const agent = await coordinator('en')
    const html = await (await agent.post('/questionnaires/import', upload(await xlsform('tes-rusak')))).text()
    const damaged = await agent.post('/questionnaires/import/save', { xlsx: '<script>', fileName: 'x.xlsx' })
    expect(damaged.status).toBe(422)
    expect(textOf(await damaged.text())).toContain('The preview data is damaged or too large, so nothing was saved.')
    const notXlsx = await agent.post('/questionnaires/import/save', { xlsx: Buffer.from('code,phase\n').toString('base64url'), fileName: 'x.xlsx' })
    expect(notXlsx.status).toBe(422)
    expect(textOf(await notXlsx.text())).toContain('This file is not an .xlsx.')
    expect(await versions('tes-rusak')).toEqual([])
    expect((await agent.post('/questionnaires/import/save', carried(html))).status).toBe(200)
    expect(await versions('tes-rusak')).toEqual([{ version: 1 }])
  })

  it('says before saving that a shipped questionnaire’s form_id cannot be replaced, offers no Save, and refuses one sent anyway', async () => {
    const agent = await coordinator('en')
    const res = await agent.post('/questionnaires/import', upload(await xlsform('feedback')))
    const html = await res.text()
    expect(textOf(html)).toContain('form_id "feedback" belongs to a questionnaire that ships with Jaga and cannot be replaced.')
    expect(html).not.toContain('name="xlsx"')
    const bytes = Buffer.from(await (await xlsform('feedback')).arrayBuffer()).toString('base64url')
    expect((await agent.post('/questionnaires/import/save', { xlsx: bytes, fileName: 'f.xlsx' })).status).toBe(409)
  })

  it('takes back a questionnaire Jaga exported with its intro: shown in the preview, kept on Save, not made a question', async () => {
    const agent = await coordinator('en')
    expect((await agent.post('/questionnaires/import/save', carried(await (await agent.post('/questionnaires/import', upload(await xlsform('tes-intro')))).text()))).status).toBe(200)
    expect((await agent.post('/questionnaires/tes-intro/meta', { titleId: 'Tes intro', titleEn: 'Intro test', introId: 'Jawab dengan jujur.', introEn: 'Answer honestly.' })).status).toBe(303)
    const exported = await agent.get('/questionnaires/tes-intro/xlsform.xlsx')
    // Changed since the export: Save takes the file's intro back.
    await agent.post('/questionnaires/tes-intro/meta', { titleId: 'Tes intro', titleEn: 'Intro test', introId: 'Diubah.', introEn: 'Changed.' })
    const html = await (await agent.post('/questionnaires/import', upload(new Blob([await exported.arrayBuffer()]), 'tes-intro.xlsx'))).text()
    expect(textOf(html)).toContain('Answer honestly.')
    expect(textOf(html)).toContain('Save makes version 2')
    expect(textOf(html)).toContain('Every row of this file was kept.')
    expect((await agent.post('/questionnaires/import/save', carried(html))).status).toBe(200)
    const saved = await jaga.db.selectFrom('questionnaires').select(['introId', 'introEn']).where('key', '=', 'tes-intro').executeTakeFirstOrThrow()
    expect(saved).toEqual({ introId: 'Jawab dengan jujur.', introEn: 'Answer honestly.' })
    const latest = await jaga.db.selectFrom('questionnaireVersions as v').innerJoin('questionnaires as q', 'q.id', 'v.questionnaireId').select('v.definition').where('q.key', '=', 'tes-intro').orderBy('v.version', 'desc').executeTakeFirstOrThrow()
    expect(JSON.parse(latest.definition).sections.flatMap((s: { items: { id: string }[] }) => s.items.map((i) => i.id))).toEqual(['q1', 'q2'])
  })

  it.each([
    ['en', 'This is an old Excel file (.xls). Open it in Excel or LibreOffice, save it as .xlsx'],
    ['id', 'Ini file Excel lama (.xls). Buka di Excel atau LibreOffice, simpan sebagai .xlsx'],
  ] as const)('asks for an old .xls to be saved as .xlsx (%s)', async (locale, text) => {
    const xls = new Uint8Array(512)
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    const res = await (await coordinator(locale)).post('/questionnaires/import', upload(new Blob([xls]), 'lama.xls'))
    expect(res.status).toBe(422)
    expect(textOf(await res.text())).toContain(text)
  })

  it('lets only those who edit programmes preview or save', async () => {
    const facilitator = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    expect((await facilitator.post('/questionnaires/import', upload(await xlsform('x')))).status).toBe(403)
    expect((await facilitator.post('/questionnaires/import/save', { xlsx: 'UEsDBA', fileName: 'x.xlsx' })).status).toBe(403)
  })
})

describe('a session link’s XLSForm', () => {
  it('carries the link’s code questions and the intro; uploaded back, those rows are recognised and nothing else changes', async () => {
    const s = await aSessionWithLinks(jaga, { codeElements: ['mother', 'day', 'own'] })
    const link = s.links.find((l) => l.phase === 'pre')!
    const res = await s.agent.get(`/sessions/${s.session.id}/evaluation/links/${link.id}/xlsform.xlsx`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toContain('spreadsheetml')
    const bytes = new Uint8Array(await res.arrayBuffer())
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes as never)
    const survey = sheetOf(book, 'survey')!
    expect(survey.rows.filter((r) => r.get('jaga_kind') === 'code').map((r) => r.get('name'))).toEqual(['jaga_code_mother', 'jaga_code_day', 'jaga_code_own'])
    expect(survey.rows[0]!.get('jaga_kind')).toBe('intro')
    // Another session's link id under this session's address: not found.
    const other = await aSessionWithLinks(jaga)
    expect((await s.agent.get(`/sessions/${s.session.id}/evaluation/links/${other.links[0]!.id}/xlsform.xlsx`)).status).toBe(404)

    const agent = await coordinator('en')
    const preview = textOf(await (await agent.post('/questionnaires/import', upload(new Blob([bytes]), 'parents-pre.xlsx'))).text())
    expect(preview).toContain('Every row of this file was kept.')
    expect(preview).not.toContain('jaga_code')
  })
})
