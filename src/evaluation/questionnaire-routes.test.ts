import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { aProgramme, aSession } from '../../test/outreach-builders.ts'

const jaga = useTestApp()

async function xlsform(formId: string, extraRows: string[][] = []): Promise<Blob> {
  const book = new ExcelJS.Workbook()
  book.addWorksheet('survey').addRows([
    ['type', 'name', 'label::Indonesian (id)', 'label::English (en)', 'required', 'jaga_answer'],
    ['select_one yn', 'q1', 'Anak adalah yang belum 18 tahun?', 'A child is under 18?', 'yes', 'y'],
    ['select_one yn', 'q2', 'Membayar pemeras menghentikan ancaman?', 'Paying a blackmailer stops the threats?', 'yes', 'n'],
    ...extraRows,
  ])
  book.addWorksheet('choices').addRows([
    ['list_name', 'name', 'label::Indonesian (id)', 'label::English (en)'],
    ['yn', 'y', 'Ya', 'Yes'],
    ['yn', 'n', 'Tidak', 'No'],
  ])
  book.addWorksheet('settings').addRows([['form_title', 'form_id'], ['Tes singkat', formId]])
  return new Blob([await book.xlsx.writeBuffer()])
}

const upload = (blob: Blob, name = 'form.xlsx') => {
  const form = new FormData()
  form.set('file', new File([blob], name))
  return form
}

describe('questionnaires in the web UI', () => {
  it('lists every questionnaire with its version, downloads one as XLSForm, and takes one from KoboToolbox as a new questionnaire and then a new version', async () => {
    const coordinator = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    coordinator.lang('en')
    const list = textOf(await (await coordinator.get('/questionnaires')).text())
    expect(list).toContain('Knowledge test: parents and caregivers')
    expect(list).toContain('Three months later')
    const download = await coordinator.get('/questionnaires/knowledge-teachers/xlsform.xlsx')
    expect(download.headers.get('Content-Type')).toContain('spreadsheetml')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await download.arrayBuffer()) as never)
    expect(book.getWorksheet('survey')!.rowCount).toBe(16)

    const first = await coordinator.post('/questionnaires/import', upload(await xlsform('tes-singkat', [['geopoint', 'where', 'Lokasi', 'Location', '', '']])))
    expect(first.status).toBe(200)
    const firstText = textOf(await first.text())
    expect(firstText).toContain('Imported as "tes-singkat" version 1 with 2 questions.')
    expect(firstText).toContain('sheet survey, row 4: type "geopoint" is not supported')
    const second = textOf(await (await coordinator.post('/questionnaires/import', upload(await xlsform('tes-singkat')))).text())
    expect(second).toContain('Imported as "tes-singkat" version 2 with 2 questions.')

    // The imported test can be used before and after in a session.
    const programme = await aProgramme(jaga)
    const session = await aSession(jaga, programme.id, { audiences: ['community'] })
    const form = new URLSearchParams({ _csrf: coordinator.csrf, groupKind: 'community', questionnaireKey: 'tes-singkat' })
    for (const e of ['mother', 'day', 'own']) form.append('codeElements', e)
    expect((await coordinator.send(`/sessions/${session.id}/evaluation`, { method: 'POST', body: form })).status).toBe(303)
    const link = await jaga.db.selectFrom('collectionLinks').select('token').where('sessionId', '=', session.id).where('phase', '=', 'pre').executeTakeFirstOrThrow()
    expect(textOf(await (await coordinator.get(`/q/${link.token}`)).text())).toContain('Paying a blackmailer stops the threats?')
  })

  it('refuses a shipped questionnaire’s id, a file that is not an .xlsx, and the upload for anyone without programme.edit', async () => {
    const coordinator = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    coordinator.lang('en')
    const shipped = await coordinator.post('/questionnaires/import', upload(await xlsform('feedback')))
    expect(shipped.status).toBe(409)
    expect(textOf(await shipped.text())).toContain('form_id "feedback" belongs to a questionnaire that ships with Jaga')
    const png = await coordinator.post('/questionnaires/import', upload(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])]), 'photo.png'))
    expect(png.status).toBe(422)
    expect(textOf(await png.text())).toContain('This file is not an .xlsx.')
    const facilitator = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    expect((await facilitator.post('/questionnaires/import', upload(await xlsform('x')))).status).toBe(403)
    expect(textOf(await (await facilitator.get('/questionnaires')).text())).not.toContain('Upload an XLSForm')
  })
})
