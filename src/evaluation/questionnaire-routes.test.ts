import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { aProgramme, aSession } from '../../test/outreach-builders.ts'
import { twoQuestionXlsform, upload } from '../../test/xlsform-upload.ts'

const jaga = useTestApp()

const xlsform = (formId: string, extraRows: string[][] = []) => twoQuestionXlsform(formId, 'Tes singkat', extraRows)

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
    expect(book.getWorksheet('survey')!.rowCount).toBe(17) // the intro note, then the questions

    // An upload shows a preview; Save (carrying the file in the page) imports it.
    const preview = await coordinator.post('/questionnaires/import', upload(await xlsform('tes-singkat', [['geopoint', 'where', 'Lokasi', 'Location', '', '']])))
    expect(preview.status).toBe(200)
    const previewHtml = await preview.text()
    expect(textOf(previewHtml)).toContain('sheet survey, row 4: type "geopoint" is not supported')
    const save = (html: string) => coordinator.post('/questionnaires/import/save', { xlsx: /name="xlsx" value="([^"]*)"/.exec(html)![1]!, fileName: 'form.xlsx' })
    const first = await save(previewHtml)
    expect(first.status).toBe(200)
    const firstText = textOf(await first.text())
    expect(firstText).toContain('Imported as "tes-singkat" version 1 with 2 questions.')
    expect(firstText).toContain('sheet survey, row 4: type "geopoint" is not supported')
    const second = textOf(await (await save(await (await coordinator.post('/questionnaires/import', upload(await xlsform('tes-singkat')))).text())).text())
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
    expect(shipped.status).toBe(200) // the preview says so, and offers no Save
    expect(textOf(await shipped.text())).toContain('form_id "feedback" belongs to a questionnaire that ships with Jaga')
    const png = await coordinator.post('/questionnaires/import', upload(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])]), 'photo.png'))
    expect(png.status).toBe(422)
    expect(textOf(await png.text())).toContain('This file is not an .xlsx.')
    const facilitator = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    expect((await facilitator.post('/questionnaires/import', upload(await xlsform('x')))).status).toBe(403)
    expect(textOf(await (await facilitator.get('/questionnaires')).text())).not.toContain('Upload an XLSForm')
  })
})

describe('the questionnaire builder', () => {
  it('builds a bilingual questionnaire question by question, and changes a version in use only by making a new one', async () => {
    const coordinator = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    coordinator.lang('en')
    expect((await coordinator.get('/questionnaires/new')).status).toBe(200)
    const bad = await coordinator.post('/questionnaires', { key: 'Tes Guru!', kind: 'knowledge', audience: 'teachers', titleId: '', titleEn: 'Teachers' })
    expect(bad.status).toBe(422)
    expect(textOf(await bad.text())).toContain('Use lower-case letters, digits and hyphens only.')
    const created = await coordinator.post('/questionnaires', { key: 'tes-guru', kind: 'knowledge', audience: 'teachers', titleId: 'Tes guru', titleEn: 'Teachers’ test', introId: '', introEn: '' })
    expect(created.headers.get('Location')).toBe('/questionnaires/tes-guru/edit?created=1')

    const add = (fields: Record<string, string>) => coordinator.post('/questionnaires/tes-guru/items', { kind: 'truefalse', required: 'yes', section: '0', labelId: 'Pertanyaan', labelEn: 'Question', ...fields })
    expect((await add({ id: 'g1', labelId: 'Anak adalah yang belum 18 tahun.', labelEn: 'A child is under 18.', answer: 'true', topic: 'law' })).status).toBe(303)
    expect((await add({ id: 'g2', kind: 'single', options: 'a | Memarahi | Scold\nb | Mendengarkan | Listen', answer: 'b', topic: 'disclosure' })).status).toBe(303)
    const noOptions = await add({ id: 'g3', kind: 'single', options: 'a | Satu | One' })
    expect(textOf(await noOptions.text())).toContain('Write at least two options')
    const badKey = await add({ id: 'g3', answer: 'maybe' })
    expect(textOf(await badKey.text())).toContain('The answer key must be one of the option codes')
    const twice = await add({ id: 'g1' })
    expect(textOf(await twice.text())).toContain('This question id is already used.')
    expect((await coordinator.post('/questionnaires/tes-guru/items/g2/up')).status).toBe(303)
    const page = textOf(await (await coordinator.get('/questionnaires/tes-guru/edit')).text())
    // Shown in the reader's language, in the order set: g2 was moved up.
    expect(page).not.toContain('Mendengarkan')
    expect(page.indexOf('Listen')).toBeGreaterThan(0)
    expect(page.indexOf('Listen')).toBeLessThan(page.indexOf('A child is under 18.'))
    expect(page).toContain('This version has not been used: changes are made to it directly.')
    const versions = async () => (await jaga.db.selectFrom('questionnaireVersions as v').innerJoin('questionnaires as q', 'q.id', 'v.questionnaireId').select(['v.version', 'v.definition']).where('q.key', '=', 'tes-guru').orderBy('v.version').execute())
    expect((await versions()).map((v) => v.version)).toEqual([1])

    // Once a session hands it out, a change makes version 2 and the link keeps version 1.
    const programme = await aProgramme(jaga)
    const session = await aSession(jaga, programme.id, { audiences: ['teachers'] })
    const form = new URLSearchParams({ _csrf: coordinator.csrf, groupKind: 'teachers', questionnaireKey: 'tes-guru' })
    for (const e of ['mother', 'day', 'own']) form.append('codeElements', e)
    expect((await coordinator.send(`/sessions/${session.id}/evaluation`, { method: 'POST', body: form })).status).toBe(303)
    const changed = await coordinator.post('/questionnaires/tes-guru/items/g1', { kind: 'truefalse', labelId: 'Anak: belum berusia 18 tahun.', labelEn: 'A child: under 18.', answer: 'true', required: 'yes', topic: 'law' })
    expect(changed.headers.get('Location')).toBe('/questionnaires/tes-guru/edit?saved=2&new=1')
    expect((await versions()).map((v) => v.version)).toEqual([1, 2])
    expect(JSON.parse((await versions())[0]!.definition).sections[0].items[1].label.en).toBe('A child is under 18.')
    const link = await jaga.db.selectFrom('collectionLinks').select('token').where('sessionId', '=', session.id).where('phase', '=', 'pre').executeTakeFirstOrThrow()
    expect(textOf(await (await coordinator.get(`/q/${link.token}`)).text())).toContain('A child is under 18.')
    expect((await coordinator.post('/questionnaires/tes-guru/items/g2/delete')).status).toBe(303)
    expect((await versions()).map((v) => v.version)).toEqual([1, 2])
    expect(JSON.parse((await versions())[1]!.definition).sections[0].items.map((i: { id: string }) => i.id)).toEqual(['g1'])
    // Sections: add one, rename it, delete it while empty; a section with questions stays.
    expect((await coordinator.post('/questionnaires/tes-guru/sections', { sectionId: 'Bagian B', sectionEn: 'Part B' })).status).toBe(303)
    expect((await coordinator.post('/questionnaires/tes-guru/sections/1', { sectionId: 'Bagian kedua', sectionEn: 'Second part' })).status).toBe(303)
    expect(textOf(await (await coordinator.get('/questionnaires/tes-guru/edit')).text())).toContain('Second part')
    const notEmpty = await coordinator.post('/questionnaires/tes-guru/sections/0/delete')
    expect(notEmpty.status).toBe(422)
    expect(textOf(await notEmpty.text())).toContain('Only an empty section can be deleted')
    expect((await coordinator.post('/questionnaires/tes-guru/sections/1/delete')).status).toBe(303)
    expect(JSON.parse((await versions()).at(-1)!.definition).sections).toHaveLength(1)
    // Titles and introductions are corrected in place.
    expect((await coordinator.post('/questionnaires/tes-guru/meta', { titleId: 'Tes guru SMP', titleEn: 'Junior teachers’ test', introId: 'Jawab sendiri.', introEn: 'Answer alone.' })).status).toBe(303)
    expect(textOf(await (await coordinator.get(`/q/${link.token}`)).text())).toContain('Junior teachers’ test')
    const blank = await coordinator.post('/questionnaires/tes-guru/meta', { titleId: '', titleEn: 'x', introId: '', introEn: '' })
    expect(blank.status).toBe(422)
    const facilitator = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    expect((await facilitator.post('/questionnaires/tes-guru/items/g1/delete')).status).toBe(403)
  })

  it('moves questions between sections and reorders sections', async () => {
    const coordinator = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    coordinator.lang('en')
    await coordinator.post('/questionnaires', { key: 'tes-bagian', kind: 'knowledge', audience: 'parents', titleId: 'Tes bagian', titleEn: 'Sections test', introId: '', introEn: '' })
    const add = (id: string, section: string) => coordinator.post('/questionnaires/tes-bagian/items', { kind: 'truefalse', required: 'yes', section, id, labelId: `Soal ${id}`, labelEn: `Question ${id}`, answer: 'true' })
    await add('a1', '0')
    await add('a2', '0')
    expect((await coordinator.post('/questionnaires/tes-bagian/sections', { sectionId: 'Bagian B', sectionEn: 'Part B' })).status).toBe(303)
    await add('b1', '1')
    const layout = async () => {
      const row = await jaga.db.selectFrom('questionnaireVersions as v').innerJoin('questionnaires as q', 'q.id', 'v.questionnaireId').select('v.definition').where('q.key', '=', 'tes-bagian').orderBy('v.version', 'desc').executeTakeFirstOrThrow()
      return (JSON.parse(row.definition) as { sections: { title?: { en: string }; items: { id: string }[] }[] }).sections.map((s) => `${s.title?.en ?? '-'}: ${s.items.map((i) => i.id).join(' ')}`)
    }
    expect(await layout()).toEqual(['-: a1 a2', 'Part B: b1'])
    // Down from the bottom of a section: to the top of the next one; up from the top: back.
    expect((await coordinator.post('/questionnaires/tes-bagian/items/a2/down')).status).toBe(303)
    expect(await layout()).toEqual(['-: a1', 'Part B: a2 b1'])
    await coordinator.post('/questionnaires/tes-bagian/items/a2/up')
    expect(await layout()).toEqual(['-: a1 a2', 'Part B: b1'])
    // Up past the first question of the first section changes nothing.
    await coordinator.post('/questionnaires/tes-bagian/items/a1/up')
    expect(await layout()).toEqual(['-: a1 a2', 'Part B: b1'])
    // Sections move up and down, with their questions.
    const builder = await (await coordinator.get('/questionnaires/tes-bagian/edit')).text()
    expect(builder).toContain('aria-label="Move section up: Part B"')
    expect(builder).not.toContain('aria-label="Move section down: Part B"')
    expect((await coordinator.post('/questionnaires/tes-bagian/sections/1/up')).status).toBe(303)
    expect(await layout()).toEqual(['Part B: b1', '-: a1 a2'])
    // The question form offers its section; choosing another moves it to the end of that one.
    const edit = await (await coordinator.get('/questionnaires/tes-bagian/items/a1/edit')).text()
    expect(edit).toMatch(/<option value="1" selected="">Section 2<\/option>/)
    expect((await coordinator.post('/questionnaires/tes-bagian/items/a1', { kind: 'truefalse', required: 'yes', section: '0', labelId: 'Soal a1', labelEn: 'Question a1', answer: 'true' })).status).toBe(303)
    expect(await layout()).toEqual(['Part B: b1 a1', '-: a2'])
  })
})
