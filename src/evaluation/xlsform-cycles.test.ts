import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { aUser } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { createApiToken } from '../accounts/users.ts'
import { fromXlsForm, XlsFormError } from './xlsform.ts'

const jaga = useTestApp()
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

async function book(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('survey').addRows(rows)
  wb.addWorksheet('settings').addRows([['form_id', 'default_language'], ['lingkaran', 'English (en)']])
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

const problemsOf = async (bytes: Uint8Array) => {
  const e = await fromXlsForm(bytes, 'x.xlsx').catch((x: unknown) => x)
  expect(e).toBeInstanceOf(XlsFormError)
  return (e as XlsFormError).problems
}

describe('an XLSForm whose show-if conditions go round in a circle', () => {
  it('is refused at the row of the circle’s first question, naming the questions', async () => {
    const problems = await problemsOf(await book([['type', 'name', 'label', 'relevant'], ['text', 'a', 'A', "${b} = ''"], ['text', 'b', 'B', "${a} != ''"], ['text', 'c', 'C', '']]))
    expect(problems).toEqual([expect.objectContaining({ sheet: 'survey', row: 2, key: 'xlsform.logic.cycle', params: { name: 'a', cycle: 'a → b → a' } })])
  })

  it('names a group by its name when its relevant closes the circle', async () => {
    const problems = await problemsOf(await book([
      ['type', 'name', 'label', 'relevant'],
      ['text', 'a', 'A', "${b} != ''"],
      ['begin group', 'g', 'G', "${a} = ''"],
      ['text', 'b', 'B', ''],
      ['end group', '', '', ''],
    ]))
    expect(problems).toEqual([expect.objectContaining({ row: 2, params: { name: 'a', cycle: 'a → b → g → a' } })])
  })

  it('is refused through the API with the row and the circle in the caller’s language', async () => {
    const bearer = await createApiToken(jaga.db, { id: null, label: 'test' }, (await aUser(jaga, 'coordinator')).email, 'questionnaires')
    const bytes = await book([['type', 'name', 'label', 'relevant'], ['text', 'a', 'A', "${b} = ''"], ['text', 'b', 'B', "${a} != ''"]])
    const res = await jaga.request('http://localhost/api/v1/questionnaires/import', { method: 'POST', body: bytes as BodyInit, headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': XLSX, 'Accept-Language': 'id' } })
    expect(res.status).toBe(422)
    expect(JSON.stringify(await res.json())).toContain('"a\\": kondisi tampil (relevant) membuat lingkaran: a → b → a.')
    expect(await jaga.db.selectFrom('questionnaires').select('id').where('key', '=', 'lingkaran').executeTakeFirst()).toBeUndefined()
  })
})
