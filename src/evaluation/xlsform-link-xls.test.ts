import { describe, expect, it } from 'vitest'
import { aUser } from '../../test/agent.ts'
import { aSessionWithLinks } from '../../test/evaluation-builders.ts'
import { useTestApp } from '../../test/harness.ts'
import { createApiToken } from '../accounts/users.ts'

const jaga = useTestApp()
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

describe('a session link’s XLSForm on the session evaluation page', () => {
  it.each([
    ['id', 'Unduh sebagai XLSForm (untuk KoboToolbox/ODK)'],
    ['en', 'Download as XLSForm (for KoboToolbox/ODK)'],
  ] as const)('offers each link’s XLSForm for download (%s)', async (locale, text) => {
    const s = await aSessionWithLinks(jaga)
    s.agent.lang(locale)
    const html = await (await s.agent.get(`/sessions/${s.session.id}/evaluation`)).text()
    for (const link of s.links) {
      const href = `/sessions/${s.session.id}/evaluation/links/${link.id}/xlsform.xlsx`
      expect(html).toMatch(new RegExp(`<a href="${href}" download="?"?>\\s*${text.replace(/[()/]/g, '\\$&')}\\s*</a>`))
      expect((await s.agent.get(href)).status).toBe(200)
    }
  })
})

describe('an old .xls sent to the import API', () => {
  const xls = new Uint8Array(512)
  xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

  it.each([
    ['en', XLSX, 'save it as .xlsx'],
    ['id', XLSX, 'simpan sebagai .xlsx'],
    ['en', 'application/vnd.ms-excel', 'save it as .xlsx'],
    ['id', 'application/vnd.ms-excel', 'simpan sebagai .xlsx'],
  ] as const)('is asked to be saved as .xlsx (%s, sent as %s)', async (locale, type, text) => {
    const bearer = await createApiToken(jaga.db, { id: null, label: 'test' }, (await aUser(jaga, 'coordinator')).email, 'questionnaires')
    const res = await jaga.request('http://localhost/api/v1/questionnaires/import', { method: 'POST', body: xls as BodyInit, headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': type, 'Accept-Language': locale } })
    expect(res.status).toBe(422)
    expect(JSON.stringify(await res.json())).toContain(text)
  })
})
