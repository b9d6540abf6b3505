import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addDays, localNow } from '../src/outreach/session-rules.ts'
import { HARJOSARI_I } from '../test/outreach-builders.ts'
import { apiCaller, jagaCommand, look, phoneContext, signIn, useServerAndBrowser, watchConsole } from './browser.ts'

// A before-form and an after-form must not be mistaken for each other on a phone, nor their QR codes on the wall.
const journey = useServerAndBrowser()
const PASSWORD = 'kata sandi yang cukup panjang'
const today = () => localNow('Asia/Jakarta').slice(0, 10)

const jaga = (args: string[], input = '') => jagaCommand(journey, args, input)

const WORDS = {
  id: { pre: 'Sebelum kegiatan', post: 'Sesudah kegiatan', feedback: 'Umpan balik', next: 'Simpan kode Anda untuk formulir sesudah kegiatan', received: 'Jawaban Anda sudah diterima' },
  en: { pre: 'Before the session', post: 'After the session', feedback: 'Feedback', next: 'Keep your code for the after-session form', received: 'Your answers have been received' },
}

describe('rounds that cannot be confused, on a phone', () => {
  it('the before-form, the after-form and the QR sheet name their round and session, pass axe in both languages, and print one round per page', async () => {
    jaga(['user', 'create', '--email', 'admin@jaga.test', '--role', 'admin', '--name', 'Admin'], PASSWORD + '\n')
    const token = jaga(['token', 'create', '--email', 'admin@jaga.test']).trim().split('\n').pop()!
    const api = apiCaller(journey, token)
    const programme = await api('/api/v1/programmes', { name: 'Jaga Keluarga', startsOn: addDays(today(), -10), endsOn: addDays(today(), 100), status: 'active', areaIds: [HARJOSARI_I] })
    const session = await api('/api/v1/sessions', { programmeId: programme.id, title: 'Sosialisasi orang tua Harjosari', format: 'seminar', areaId: HARJOSARI_I, venue: 'Aula', startsAt: `${today()}T00:05`, endsAt: `${today()}T23:55`, audiences: ['parents'] })
    const { links } = (await api(`/api/v1/sessions/${session.id}/evaluation`, { groupKind: 'parents', feedback: true })) as { links: { phase: 'pre' | 'post' | 'feedback'; url: string }[] }
    const url = (phase: string) => new URL(links.find((l) => l.phase === phase)!.url).pathname

    for (const locale of ['id-ID', 'en-GB'] as const) {
      const lang = locale.slice(0, 2) as 'id' | 'en'
      const words = WORDS[lang]
      const context = await phoneContext(journey.browser, locale)
      const page: Page = await context.newPage()
      const errors = watchConsole(page)
      for (const phase of ['pre', 'post'] as const) {
        await page.goto(journey.server.url + url(phase))
        const band = page.locator('.round-band')
        await expect(band.textContent()).resolves.toContain(words[phase])
        await expect(band.textContent()).resolves.toContain('Sosialisasi orang tua Harjosari')
        // The bands differ by colour too, not only by words.
        const colour = await band.evaluate((e) => getComputedStyle(e).backgroundColor)
        expect(colour).toBe(phase === 'pre' ? 'rgb(31, 78, 150)' : 'rgb(107, 44, 145)')
        await expect(page.locator('fieldset.item').first().textContent()).resolves.toContain(lang === 'id' ? 'Pertanyaan 1 dari 15' : 'Question 1 of 15')
        await look(page, `round-${phase}-form-${lang}`)
      }
      // Sent with the script: success, and what comes next after a before-form.
      await page.goto(journey.server.url + url('pre'))
      await page.fill('#c-mother', 'RA')
      await page.fill('#c-day', '9')
      await page.fill('#c-own', 'I')
      await page.fill('#c-siblings', '1')
      for (const item of await page.$$('fieldset.item')) await (await item.$('input'))!.check()
      await page.click('form[data-collect] button[type=submit]')
      await page.waitForFunction((w) => (document.getElementById('collect-status')?.textContent ?? '').includes(w), words.received)
      await expect(page.isVisible('#collect-next')).resolves.toBe(true)
      await expect(page.textContent('#collect-next')).resolves.toContain(words.next)
      await look(page, `round-pre-sent-${lang}`)

      await signIn(page, journey.server.url, 'admin@jaga.test', PASSWORD)
      await page.goto(`${journey.server.url}/sessions/${session.id}/evaluation/qr`)
      const cards = page.locator('.qr-card')
      await expect(cards.count()).resolves.toBe(3)
      for (const [i, phase] of (['pre', 'post', 'feedback'] as const).entries()) await expect(cards.nth(i).locator('.round-band').textContent()).resolves.toContain(words[phase])
      await look(page, `round-qr-sheet-${lang}`)
      // Printed, each round is a page of its own; "all on one page" takes the breaks away.
      await page.emulateMedia({ media: 'print' })
      await expect(cards.first().evaluate((e) => getComputedStyle(e).breakAfter)).resolves.toBe('page')
      await page.emulateMedia({ media: 'screen' })
      await page.click('a[href$="layout=together"]')
      await page.waitForURL('**/qr?layout=together')
      await look(page, `round-qr-together-${lang}`)
      await page.emulateMedia({ media: 'print' })
      await expect(page.locator('.qr-card').first().evaluate((e) => getComputedStyle(e).breakAfter)).resolves.not.toBe('page')
      await page.emulateMedia({ media: 'screen' })
      expect(errors).toEqual([])
      await context.close()
    }
  })
})
