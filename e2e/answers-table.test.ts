import crypto from 'node:crypto'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { parentsAnswers } from '../test/evaluation-builders.ts'
import { addDays, localNow } from '../src/outreach/session-rules.ts'
import { HARJOSARI_I } from '../test/outreach-builders.ts'
import { apiCaller, jagaCommand, look, phoneContext, signIn, useServerAndBrowser, watchConsole } from './browser.ts'

// The answers table of a session on a phone, in both languages: filter, open one, leave two out.
const journey = useServerAndBrowser()
const PASSWORD = 'kata sandi yang cukup panjang'
const today = () => localNow('Asia/Jakarta').slice(0, 10)

const jaga = (args: string[], input = '') => jagaCommand(journey, args, input)

describe('the answers table, on a phone', () => {
  it('filters, opens one answer and leaves the chosen out, passing axe in Indonesian and English', async () => {
    jaga(['user', 'create', '--email', 'coord@jaga.test', '--role', 'coordinator', '--name', 'Koordinator'], PASSWORD + '\n')
    const token = jaga(['token', 'create', '--email', 'coord@jaga.test']).trim().split('\n').pop()!
    const api = apiCaller(journey, token)
    const programme = await api('/api/v1/programmes', { name: 'Jaga Keluarga', startsOn: addDays(today(), -10), endsOn: addDays(today(), 100), status: 'active', areaIds: [HARJOSARI_I] })
    const session = await api('/api/v1/sessions', { programmeId: programme.id, title: 'Sosialisasi orang tua', format: 'seminar', areaId: HARJOSARI_I, venue: 'Balai', startsAt: `${today()}T00:05`, endsAt: `${today()}T23:55`, audiences: ['parents'] })
    const { links } = (await api(`/api/v1/sessions/${session.id}/evaluation`, { groupKind: 'parents' })) as { links: { phase: string; url: string }[] }
    const send = async (phase: string, mother: string, right: number) => {
      const url = links.find((l) => l.phase === phase)!.url
      const res = await fetch(`${journey.server.url}/api/v1/collect/${new URL(url).pathname.split('/').at(-1)}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: crypto.randomUUID(), code: { mother, day: '7', own: 'A', siblings: '2' }, answers: parentsAnswers(right) }) })
      expect(res.status).toBe(201)
    }
    for (const [i, mother] of ['AN', 'BU', 'CI', 'DE', 'EK'].entries()) {
      await send('pre', mother, 5 + i)
      await send('post', mother, 10 + i)
    }

    for (const locale of ['id-ID', 'en-GB'] as const) {
      const lang = locale.slice(0, 2)
      const context = await phoneContext(journey.browser, locale)
      const page: Page = await context.newPage()
      const errors = watchConsole(page)
      await signIn(page, journey.server.url, 'coord@jaga.test', PASSWORD)
      await page.goto(`${journey.server.url}/sessions/${session.id}/evaluation/answers`)
      await look(page, `answers-table-${lang}`)
      // Only the before answers, through the filter form.
      await page.selectOption('#f-phase', 'pre')
      await Promise.all([page.waitForURL(/phase=pre/), page.click('form.filters button[type=submit]')])
      expect(await page.locator('input[name="ids"]').count()).toBe(5)
      await look(page, `answers-table-filtered-${lang}`)
      // One answer in full, then back to the same filter.
      // Rows name people by their number in the session (AN wrote first: participant 1), never by their code.
      expect(await page.locator('main table').textContent()).not.toContain('AN-07-A-2')
      const first = lang === 'id' ? 'Peserta 1' : 'Participant 1'
      await Promise.all([page.waitForURL(/answers\/[0-9a-f-]{36}\?phase=pre/), page.click(`main table a:text-is("${first}")`)])
      await look(page, `answers-detail-${lang}`)
      await Promise.all([page.waitForURL(/answers\?phase=pre$/), page.click('main p a')])
      if (lang === 'id') {
        // Leave two out with one reason.
        await page.check('input[aria-label^="Pilih jawaban peserta 1 "]')
        await page.check('input[aria-label^="Pilih jawaban peserta 2 "]')
        await page.selectOption('#f-reason', 'test')
        await Promise.all([page.waitForURL(/changed=2/), page.click('button[value=exclude]')])
        await expect(page.textContent('[role=status].alert, .alert')).resolves.toContain('2 jawaban diubah')
        await look(page, 'answers-table-bulk-id')
      } else {
        await page.goto(`${journey.server.url}/sessions/${session.id}/evaluation/answers?status=left-out`)
        expect(await page.locator('input[name="ids"]').count()).toBe(2)
        await look(page, 'answers-table-left-out-en')
      }
      expect(errors).toEqual([])
      await context.close()
    }
  })
})
