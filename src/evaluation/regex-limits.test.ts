import crypto from 'node:crypto'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { aUser } from '../../test/agent.ts'
import { aCode, aSessionWithLinks } from '../../test/evaluation-builders.ts'
import { useTestApp } from '../../test/harness.ts'
import { useLogicQuestionnaire } from '../../test/logic-questionnaire.ts'
import { createApiToken } from '../accounts/users.ts'
import { definitionSchema } from './questionnaire-schema.ts'

const jaga = useTestApp()
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
// The reviewer's pattern: five repetitions in a row blocked the server 88 s on 300 digits.
const FIVE = '^\\d*\\d*\\d*\\d*\\d*x$'
const THREE = '^\\d*\\d*\\d*x$'

async function withConstraint(pattern: string) {
  const s = await aSessionWithLinks(jaga)
  const pre = s.links.find((l) => l.phase === 'pre')!
  const message = { id: 'Kode tidak cocok.', en: 'The code does not fit.' }
  await useLogicQuestionnaire(jaga, pre.id, definitionSchema.parse({ sections: [{ items: [{ id: 'phone_code', kind: 'text', label: { id: 'Kode', en: 'Code' }, constraint: `regex(., '${pattern}')`, constraintMessage: message }] }] }))
  return (answer: string) =>
    jaga.request(`http://localhost/api/v1/collect/${pre.token}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en' }, body: JSON.stringify({ id: crypto.randomUUID(), code: aCode('RE'), answers: { phone_code: answer } }) })
}

describe('a regex() constraint that could backtrack for a long time', () => {
  it('is not kept at import: the row is named and the constraint left out', async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('survey').addRows([
      ['type', 'name', 'label', 'constraint'],
      ['text', 'phone_code', 'Kode', `regex(., '${FIVE}')`],
    ])
    book.addWorksheet('settings').addRows([['form_id'], ['redos']])
    const bearer = await createApiToken(jaga.db, { id: null, label: 'test' }, (await aUser(jaga, 'coordinator')).email, 'questionnaires')
    const started = Date.now()
    const res = await jaga.request('http://localhost/api/v1/questionnaires/import?preview=true', { method: 'POST', body: new Uint8Array(await book.xlsx.writeBuffer()) as BodyInit, headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': XLSX, 'Accept-Language': 'en' } })
    const body = (await res.json()) as { items?: { id: string; constraint?: string }[]; notKept?: { sheet: string; row: number; message: string }[] }
    expect(res.status).toBe(200)
    expect(body.notKept).toContainEqual(expect.objectContaining({ sheet: 'survey', row: 2, message: expect.stringMatching(/at most 3/) }))
    expect(body.items?.find((i) => i.id === 'phone_code')?.constraint).toBeUndefined()
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('stored anyway (a definition built by other means) fails its constraint at once instead of blocking the server', async () => {
    const post = await withConstraint(FIVE)
    const started = Date.now()
    const res = await post('1'.repeat(300))
    expect(res.status).toBe(422)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('with three repetitions is tested up to 200 characters, and a longer answer fails with the questionnaire’s message', async () => {
    const post = await withConstraint(THREE)
    const started = Date.now()
    const worst = await post('1'.repeat(200))
    expect(worst.status).toBe(422)
    expect(Date.now() - started).toBeLessThan(2000)
    expect((await post('1'.repeat(199) + 'x')).status).toBe(201)
    const long = await post('1'.repeat(200) + 'x')
    expect(long.status).toBe(422)
    expect(JSON.stringify(await long.json())).toContain('The code does not fit.')
  })
})
