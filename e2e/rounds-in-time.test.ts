import crypto from 'node:crypto'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { parentsAnswers } from '../test/evaluation-builders.ts'
import { addDays, localNow } from '../src/outreach/session-rules.ts'
import { formatDateTime } from '../src/platform/i18n/i18n.ts'
import { HARJOSARI_I } from '../test/outreach-builders.ts'
import { apiCaller, jagaCommand, look, phoneContext, useServerAndBrowser, watchConsole } from './browser.ts'

// Rounds in time on a phone, in both languages: a before-form that opens an hour before its session, answers that
// arrived out of order, a fifth code part chosen before answers and refused after, participants named by number.
const journey = useServerAndBrowser()
const PASSWORD = 'kata sandi yang cukup panjang'
const ZONE = 'Asia/Jakarta'
const today = () => localNow(ZONE).slice(0, 10)

const jaga = (args: string[], input = '') => jagaCommand(journey, args, input)

const WORDS = {
  id: {
    openBefore: 'Buka formulir sebelum kegiatan mulai 1 jam sebelum kegiatan',
    timesSaved: 'Waktu buka dan tutup tautan disimpan.',
    notYetOpen: 'belum dibuka',
    notYetOpenTitle: 'Formulir ini belum dibuka',
    opensOn: (at: string) => `Formulir ini dibuka pada ${at}.`,
    change: 'Ubah bagian kode untuk Orang tua',
    partsSaved: 'Bagian kode disimpan.',
    fiveParts: '5 bagian',
    locked: 'Bagian kode tidak dapat diubah: sudah ada jawaban untuk kelompok ini',
    lockedOnPage: 'Bagian kode tidak dapat diubah lagi',
    flagHeading: 'Jawaban yang datang di luar urutan',
    flagShow: 'Lihat semuanya di tabel jawaban',
    flagBadge: 'Di luar urutan',
    participant: 'Peserta',
    code: 'Kode',
  },
  en: {
    openBefore: 'Open the before-form from 1 hour before the session',
    timesSaved: 'The link’s opening and closing times are saved.',
    notYetOpen: 'not open yet',
    notYetOpenTitle: 'This form is not open yet',
    opensOn: (at: string) => `This form opens on ${at}.`,
    change: 'Change the code parts for Parents',
    partsSaved: 'The code parts were saved.',
    fiveParts: '5 parts',
    locked: 'The code parts cannot be changed: answers have already come in for this group',
    lockedOnPage: 'The code parts can no longer be changed',
    flagHeading: 'Answers that arrived out of order',
    flagShow: 'See them all in the answers table',
    flagBadge: 'Out of order',
    participant: 'Participant',
    code: 'Code',
  },
}

type Links = { links: { phase: string; url: string }[] }
const tokenOf = (l: Links, phase: string) => new URL(l.links.find((x) => x.phase === phase)!.url).pathname.split('/').at(-1)!

describe('rounds in time, on a phone', () => {
  it('opens the before-form an hour early, flags an answer out of order, locks the code parts once answers exist, and names participants by number, passing axe in Indonesian and English', async () => {
    jaga(['user', 'create', '--email', 'coord@jaga.test', '--role', 'coordinator', '--name', 'Koordinator'], PASSWORD + '\n')
    const token = jaga(['token', 'create', '--email', 'coord@jaga.test']).trim().split('\n').pop()!
    const api = apiCaller(journey, token)
    const programme = await api('/api/v1/programmes', { name: 'Jaga Keluarga', startsOn: addDays(today(), -10), endsOn: addDays(today(), 100), status: 'active', areaIds: [HARJOSARI_I] })
    const phone = async (links: Links, phase: string, mother: string, right: number) => {
      const res = await fetch(`${journey.server.url}/api/v1/collect/${tokenOf(links, phase)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: crypto.randomUUID(), code: { mother, day: '7', own: 'A', siblings: '2' }, answers: parentsAnswers(right) }),
      })
      expect(res.status).toBe(201)
    }

    for (const locale of ['id-ID', 'en-GB'] as const) {
      const lang = locale.slice(0, 2) as 'id' | 'en'
      const words = WORDS[lang]
      // Tomorrow at 10:00 in Medan's time zone, and one today that has already begun.
      const tomorrow = addDays(today(), 1)
      const later = await api('/api/v1/sessions', { programmeId: programme.id, title: `Sosialisasi besok ${lang}`, format: 'seminar', areaId: HARJOSARI_I, venue: 'Balai', startsAt: `${tomorrow}T10:00`, endsAt: `${tomorrow}T12:00`, audiences: ['parents'] })
      const laterLinks = (await api(`/api/v1/sessions/${later.id}/evaluation`, { groupKind: 'parents' })) as Links
      const now = await api('/api/v1/sessions', { programmeId: programme.id, title: `Sosialisasi hari ini ${lang}`, format: 'seminar', areaId: HARJOSARI_I, venue: 'Aula', startsAt: `${today()}T00:05`, endsAt: `${today()}T23:55`, audiences: ['parents'] })
      const nowLinks = (await api(`/api/v1/sessions/${now.id}/evaluation`, { groupKind: 'parents' })) as Links

      const context = await phoneContext(journey.browser, locale)
      const page: Page = await context.newPage()
      const errors = watchConsole(page)
      // signIn() in browser.ts waits for /areas; a coordinator now lands on /home.
      await page.goto(`${journey.server.url}/login`)
      await page.fill('#f-email', 'coord@jaga.test')
      await page.fill('#f-password', PASSWORD)
      await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/login')), page.click('main button[type=submit]')])

      // 1. Tomorrow's before-form opens one hour before the session, with one click.
      await page.goto(`${journey.server.url}/sessions/${later.id}/evaluation`)
      await look(page, `timing-evaluation-${lang}`)
      await Promise.all([page.waitForURL(/times=1/), page.getByRole('button', { name: words.openBefore }).click()])
      await expect(page.textContent('main')).resolves.toContain(words.timesSaved)
      await expect(page.locator('.link-timing').first().textContent()).resolves.toContain(words.notYetOpen)
      await look(page, `timing-open-before-${lang}`)

      // 2. A fifth code part, chosen while no answer has come in.
      await page.click(`#code-parts summary:text("${words.change}")`)
      await page.check('#code-parts input[name=codeElements][value=father]')
      await Promise.all([page.waitForURL(/parts=1/), page.click('#code-parts button[type=submit]')])
      await expect(page.textContent('main')).resolves.toContain(words.partsSaved)
      await expect(page.textContent('#code-parts')).resolves.toContain(words.fiveParts)
      await look(page, `timing-five-parts-${lang}`)

      // 3. The participant, before it opens: when it opens, in local time.
      const participant = await (await phoneContext(journey.browser, locale)).newPage()
      const participantErrors = watchConsole(participant)
      const opensAt = formatDateTime(lang, new Date(`${tomorrow}T02:00:00Z`).toISOString(), ZONE)
      await participant.goto(`${journey.server.url}/q/${tokenOf(laterLinks, 'pre')}`)
      await expect(participant.textContent('h1')).resolves.toBe(words.notYetOpenTitle)
      await expect(participant.textContent('main')).resolves.toContain(words.opensOn(opensAt))
      expect(await participant.locator('form[data-collect]').count()).toBe(0)
      await look(participant, `timing-not-yet-open-${lang}`)
      expect(participantErrors).toEqual([])
      await participant.context().close()

      // 4. Today's session: the code-parts form is open on the page when the answers come in, the first an after-form.
      await page.goto(`${journey.server.url}/sessions/${now.id}/evaluation`)
      await page.click(`#code-parts summary:text("${words.change}")`)
      await page.check('#code-parts input[name=codeElements][value=father]')
      await phone(nowLinks, 'post', 'ZA', 12)
      for (const [i, mother] of ['AN', 'BU', 'CI', 'DE', 'EK'].entries()) await phone(nowLinks, 'pre', mother, 5 + i)
      for (const [i, mother] of ['AN', 'BU', 'CI'].entries()) await phone(nowLinks, 'post', mother, 10 + i)
      const refused = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/evaluation/code-parts')), page.click('#code-parts button[type=submit]')])
      expect(refused[0].status()).toBe(409)
      await expect(page.textContent('main')).resolves.toContain(words.locked)
      await look(page, `timing-parts-refused-${lang}`)

      // 5. The session's page: the part list is locked, the out-of-order answer is named, and leads to the table.
      await page.goto(`${journey.server.url}/sessions/${now.id}/evaluation`)
      await expect(page.textContent('#code-parts')).resolves.toContain(words.lockedOnPage)
      expect(await page.locator('#code-parts form').count()).toBe(0)
      const notice = page.locator('section.out-of-order')
      await expect(notice.textContent()).resolves.toContain(words.flagHeading)
      expect(await notice.locator('li').count()).toBe(1)
      await look(page, `timing-flagged-${lang}`)
      await Promise.all([page.waitForURL(/answers\?flag=timing/), notice.getByRole('link', { name: words.flagShow }).click()])
      expect(await page.locator('tbody tr').count()).toBe(1)
      await expect(page.textContent('tbody')).resolves.toContain(words.flagBadge)
      // The flag is what this view is for: in sight on the phone without scrolling the table sideways.
      const badge = (await page.locator('tbody .tag').first().boundingBox())!
      const shown = (await page.locator('.table-wrap').first().boundingBox())!
      expect(badge.x + badge.width).toBeLessThanOrEqual(shown.x + shown.width)
      expect(badge.height).toBeLessThan(30) // one line, not "Out / of / order"
      await look(page, `timing-answers-flagged-${lang}`)

      // 6. The whole table: participants by number, no code column and no code anywhere; the flag filter through the form.
      await page.goto(`${journey.server.url}/sessions/${now.id}/evaluation/answers`)
      expect(await page.locator('tbody tr').count()).toBe(9)
      const headers = await page.locator('thead th').allTextContents()
      expect(headers).toContain(words.participant)
      expect(headers).not.toContain(words.code)
      const table = (await page.textContent('table'))!
      expect(table).toMatch(new RegExp(`${words.participant} \\d`))
      expect(table).not.toMatch(/[A-Z]{2}-07-A-2/)
      await look(page, `timing-answers-${lang}`)
      await page.selectOption('#f-flag', 'timing')
      await Promise.all([page.waitForURL(/flag=timing/), page.click('form.filters button[type=submit]')])
      expect(await page.locator('tbody tr').count()).toBe(1)
      await expect(page.textContent('tbody')).resolves.toContain(words.flagBadge)

      // The one refusal this journey asks for (step 4) is the only thing the console reports.
      expect(errors).toEqual([`Failed to load resource: the server responded with a status of 409 (Conflict) (${journey.server.url}/sessions/${now.id}/evaluation/code-parts)`])
      await context.close()
    }
  })
})
