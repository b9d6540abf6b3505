import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { createApiToken } from '../accounts/users.ts'

const jaga = useTestApp()
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

async function feedbackForm(formId: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  book.addWorksheet('survey').addRows([
    ['type', 'name', 'label::Indonesian (id)', 'label::English (en)'],
    ['select_one yn', 'useful', 'Berguna?', 'Useful?'],
  ])
  book.addWorksheet('choices').addRows([
    ['list_name', 'name', 'label::Indonesian (id)', 'label::English (en)'],
    ['yn', 'y', 'Ya', 'Yes'],
    ['yn', 'n', 'Tidak', 'No'],
  ])
  book.addWorksheet('settings').addRows([['form_title', 'form_id'], ['Ulang', formId]])
  return new Uint8Array(await book.xlsx.writeBuffer())
}

describe('importing a new version of a questionnaire', () => {
  it('keeps its audience and kind, and says so when the file alone would have changed the kind', async () => {
    const user = await aUser(jaga, 'coordinator')
    const bearer = await createApiToken(jaga.db, { id: null, label: 'test' }, user.email, 'questionnaires')
    const post = async (query: string, lang = 'en') =>
      jaga.request(`http://localhost/api/v1/questionnaires/import${query}`, { method: 'POST', body: (await feedbackForm('tes-ulang')) as BodyInit, headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': XLSX, 'Accept-Language': lang } })
    const first = await post('')
    expect(first.status).toBe(201)
    expect(((await first.json()) as { notKept: unknown[] }).notKept.filter((n) => JSON.stringify(n).includes('kind'))).toEqual([])
    const row = () => jaga.db.selectFrom('questionnaires').select(['kind', 'audience']).where('key', '=', 'tes-ulang').executeTakeFirstOrThrow()
    expect(await row()).toEqual({ kind: 'feedback', audience: 'adults' })
    // Staff made it a knowledge test for parents since.
    await jaga.db.updateTable('questionnaires').set({ kind: 'knowledge', audience: 'parents' }).where('key', '=', 'tes-ulang').execute()

    const preview = (await (await post('?preview=true')).json()) as { notKept: { sheet: string; row: number; message: string }[] }
    expect(preview.notKept).toContainEqual({ sheet: 'settings', row: 0, message: 'Questionnaire "tes-ulang" stays of the kind "Knowledge test", as before; this file alone would make it "Feedback". An import does not change the kind, so earlier answers and results are counted the same way.' })
    const saved = await post('', 'id')
    expect(saved.status).toBe(201)
    expect(JSON.stringify(await saved.json())).toContain('tetap berjenis \\"Tes pengetahuan\\" seperti sebelumnya; berkas ini sendiri akan menjadikannya \\"Umpan balik\\"')
    expect(await row()).toEqual({ kind: 'knowledge', audience: 'parents' })

    // The upload page's preview says it too.
    const coordinator = await sessionAgent(jaga, user)
    coordinator.lang('en')
    const form = new FormData()
    form.set('file', new File([(await feedbackForm('tes-ulang')) as BlobPart], 'ulang.xlsx'))
    const page = textOf(await (await coordinator.post('/questionnaires/import', form)).text())
    expect(page).toContain('stays of the kind "Knowledge test", as before')
  })
})
