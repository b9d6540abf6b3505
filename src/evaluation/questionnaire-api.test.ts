import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { aUser } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { sheetOf } from '../../test/xlsform-rules.ts'
import { createApiToken } from '../accounts/users.ts'

const jaga = useTestApp()
const cli = { id: null, label: 'test' }
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

async function xlsform(formId: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  book.addWorksheet('survey').addRows([
    ['type', 'name', 'label::Indonesian (id)', 'label::English (en)', 'required', 'relevant'],
    ['select_one yn', 'kids', 'Punya anak?', 'Any children?', 'yes', ''],
    ['integer', 'count', 'Berapa?', 'How many?', '', "${kids} = 'y'"],
    ['image', 'photo', 'Foto', 'Photo', '', ''],
  ])
  book.addWorksheet('choices').addRows([
    ['list_name', 'name', 'label::Indonesian (id)', 'label::English (en)'],
    ['yn', 'y', 'Ya', 'Yes'],
    ['yn', 'n', 'Tidak', 'No'],
  ])
  book.addWorksheet('settings').addRows([['form_title', 'form_id'], ['Tes API', formId]])
  return new Uint8Array(await book.xlsx.writeBuffer())
}

const bearerFor = async (role: 'coordinator' | 'facilitator') => createApiToken(jaga.db, cli, (await aUser(jaga, role)).email, 'questionnaires')
const post = (bearer: string, query: string, body: Uint8Array | string, headers: Record<string, string> = {}) =>
  jaga.request(`http://localhost/api/v1/questionnaires/import${query}`, { method: 'POST', body: body as BodyInit, headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': XLSX, ...headers } })
const get = (bearer: string, path: string) => jaga.request(`http://localhost${path}`, { headers: { Authorization: `Bearer ${bearer}` } })
const versions = (key: string) =>
  jaga.db.selectFrom('questionnaireVersions as v').innerJoin('questionnaires as q', 'q.id', 'v.questionnaireId').select('v.version').where('q.key', '=', key).orderBy('v.version').execute()

interface Answer {
  key: string
  version: number
  created: boolean
  saved: boolean
  items: { id: string; relevant?: string }[]
  notKept: { sheet: string; row: number; message: string }[]
}

describe('the questionnaire API', () => {
  it('imports an .xlsx body: a preview saves nothing, then a new questionnaire, then a new version; what was not kept is listed in the caller’s language', async () => {
    const bearer = await bearerFor('coordinator')
    const bytes = await xlsform('tes-api')
    const preview = await post(bearer, '?preview=true', bytes, { 'Accept-Language': 'id' })
    expect(preview.status).toBe(200)
    const seen = (await preview.json()) as Answer
    expect(seen).toMatchObject({ key: 'tes-api', version: 1, created: true, saved: false })
    expect(seen.items.map((i) => i.id)).toEqual(['kids', 'count'])
    expect(seen.items[1]!.relevant).toBe("${kids} = 'y'")
    expect(seen.notKept).toHaveLength(1)
    expect(seen.notKept[0]).toMatchObject({ sheet: 'survey', row: 4 })
    expect(seen.notKept[0]!.message).toMatch(/photo/)
    const english = (await (await post(bearer, '?preview=true', bytes, { 'Accept-Language': 'en' })).json()) as Answer
    expect(english.notKept[0]!.message).not.toBe(seen.notKept[0]!.message)
    expect(await versions('tes-api')).toEqual([])

    const first = await post(bearer, '', bytes)
    expect(first.status).toBe(201)
    expect(await first.json()).toMatchObject({ key: 'tes-api', version: 1, created: true, saved: true })
    const second = await post(bearer, '', bytes)
    expect(await second.json()).toMatchObject({ version: 2, created: false, saved: true })
    expect(await versions('tes-api')).toEqual([{ version: 1 }, { version: 2 }])
    const again = (await (await post(bearer, '?preview=true', bytes)).json()) as Answer
    expect(again).toMatchObject({ version: 3, created: false, saved: false })
  })

  it('refuses another content type, a body that is not an .xlsx, a shipped form_id and callers without programme.edit', async () => {
    const bearer = await bearerFor('coordinator')
    expect((await post(bearer, '', await xlsform('x'), { 'Content-Type': 'application/octet-stream' })).status).toBe(422)
    const notXlsx = await post(bearer, '', 'code,phase\n', { 'Accept-Language': 'en' })
    expect(notXlsx.status).toBe(422)
    expect(JSON.stringify(await notXlsx.json())).toContain('This file is not an .xlsx.')
    expect((await post(bearer, '?preview=true', await xlsform('feedback'))).status).toBe(409)
    expect((await post(bearer, '', await xlsform('feedback'))).status).toBe(409)
    expect((await post(await bearerFor('facilitator'), '', await xlsform('y'))).status).toBe(403)
    expect((await jaga.request('http://localhost/api/v1/questionnaires/import', { method: 'POST', body: await xlsform('z') as BodyInit, headers: { 'Content-Type': XLSX } })).status).toBe(401)
    const big = await post(bearer, '', new Uint8Array(1_200_000).fill(0x50))
    expect(big.status).toBe(413)
    expect(await versions('y')).toEqual([])
  })

  it('answers a questionnaire as an XLSForm, the latest version or the one asked for', async () => {
    const bearer = await bearerFor('coordinator')
    await post(bearer, '', await xlsform('tes-unduh'))
    await post(bearer, '', await xlsform('tes-unduh'))
    const version = async (query: string) => {
      const res = await get(bearer, `/api/v1/questionnaires/tes-unduh/xlsform${query}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('Content-Type')).toBe(XLSX)
      const book = new ExcelJS.Workbook()
      await book.xlsx.load((await res.arrayBuffer()) as never)
      return sheetOf(book, 'settings')!.rows[0]!.get('version')
    }
    expect(await version('')).toBe('2')
    expect(await version('?version=1')).toBe('1')
    expect((await get(bearer, '/api/v1/questionnaires/tes-unduh/xlsform?version=9')).status).toBe(404)
    expect((await get(bearer, '/api/v1/questionnaires/tes-unduh/xlsform?version=satu')).status).toBe(422)
    expect((await get(bearer, '/api/v1/questionnaires/no-such/xlsform')).status).toBe(404)
    // Shipped questionnaires too, for anyone who sees programmes.
    expect((await get(await bearerFor('facilitator'), '/api/v1/questionnaires/knowledge-parents/xlsform')).status).toBe(200)
  })

  it('describes both operations in the OpenAPI document', async () => {
    const doc = (await (await jaga.request('http://localhost/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>> }
    expect(Object.keys(doc.paths['/api/v1/questionnaires/import']!)).toEqual(['post'])
    expect(Object.keys(doc.paths['/api/v1/questionnaires/import']!['post']!.requestBody!.content)).toEqual([XLSX])
    expect(Object.keys(doc.paths['/api/v1/questionnaires/{key}/xlsform']!)).toEqual(['get'])
  })
})
