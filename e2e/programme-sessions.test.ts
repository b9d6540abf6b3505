import { describe, expect, it } from 'vitest'
import { addDays, localNow } from '../src/outreach/session-rules.ts'
import { HARJOSARI_I } from '../test/outreach-builders.ts'
import { apiCaller, jagaCommand, look, phoneContext, signIn, useServerAndBrowser, watchConsole } from './browser.ts'

// A programme with more sessions than its page lists: the glance and the paged full list, on a phone.
const journey = useServerAndBrowser()
const PASSWORD = 'kata sandi yang cukup panjang'
const today = () => localNow('Asia/Jakarta').slice(0, 10)

describe("a big programme's sessions, on a phone", () => {
  it('shows the sessions coming up and the most recent with counts, and pages through all, axe clean, in Indonesian and English', async () => {
    jagaCommand(journey, ['user', 'create', '--email', 'admin@jaga.test', '--role', 'admin', '--name', 'Admin'], PASSWORD + '\n')
    const token = jagaCommand(journey, ['token', 'create', '--email', 'admin@jaga.test']).trim().split('\n').pop()!
    const api = apiCaller(journey, token)
    const programme = await api('/api/v1/programmes', { name: 'Jaga Amplas 2026', startsOn: addDays(today(), -90), endsOn: addDays(today(), 90), status: 'active', areaIds: [HARJOSARI_I] })
    for (let i = 1; i <= 62; i++) {
      const d = addDays(today(), i <= 34 ? -i : i - 34)
      await api('/api/v1/sessions', { programmeId: programme.id, title: `${i <= 34 ? 'Seminar orang tua' : 'Kelas anak'} ${i}`, format: i % 2 ? 'seminar' : 'class', areaId: HARJOSARI_I, venue: 'Aula', startsAt: `${d}T09:00`, endsAt: `${d}T11:00`, audiences: ['parents'] })
    }

    for (const locale of ['id-ID', 'en-GB'] as const) {
      const lang = locale.slice(0, 2)
      const context = await phoneContext(journey.browser, locale)
      const page = await context.newPage()
      const errors = watchConsole(page)
      await signIn(page, journey.server.url, 'admin@jaga.test', PASSWORD)
      expect((await page.goto(`${journey.server.url}/programmes/${programme.id}`))?.status()).toBe(200)
      await expect(page.textContent('main')).resolves.toContain(lang === 'en' ? 'Showing 20 of 62 sessions' : 'Menampilkan 20 dari 62 kegiatan')
      await look(page, `programme-sessions-glance-${lang}`)
      await page.click(`main a[href="/programmes/${programme.id}/sessions"] >> nth=0`)
      await page.click('a[rel="next"]')
      await expect(page.textContent('main')).resolves.toContain(lang === 'en' ? 'Sessions 51–62 of 62' : 'Kegiatan 51–62 dari 62')
      await look(page, `programme-sessions-page2-${lang}`)
      expect(errors).toEqual([])
      await context.close()
    }
  })
})
