import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addDays, localNow } from '../src/outreach/session-rules.ts'
import { HARJOSARI_I } from '../test/outreach-builders.ts'
import { jagaCommand, look, phoneContext, signIn, useServerAndBrowser, watchConsole } from './browser.ts'

// The pages the security audit (issue 11) added or changed, as people meet them on a phone.
const journey = useServerAndBrowser()
const PASSWORD = 'kata sandi yang cukup panjang'
const ADMIN = 'admin@jaga.test'
const PARTNER = 'mitra@jaga.test'
const today = () => localNow('Asia/Jakarta').slice(0, 10)
const main = (page: Page) => page.innerText('main').then((t) => t.replace(/\s+/g, ' '))

const jaga = (args: string[], input = '') => jagaCommand(journey, args, input)

describe('safety pages, on a phone', () => {
  it('shows an admin their API tokens to revoke, links a partner account to its institution, tells a participant their phone number was removed, and slows a guesser down', async () => {
    jaga(['user', 'create', '--email', ADMIN, '--role', 'admin', '--name', 'Admin Jaga'], PASSWORD + '\n')
    jaga(['user', 'create', '--email', PARTNER, '--role', 'partner', '--name', 'Mitra Sekolah'], PASSWORD + '\n')
    jaga(['token', 'create', '--email', ADMIN, '--label', 'Laptop kantor', '--expires-in-days', '30'])
    const bearer = jaga(['token', 'create', '--email', ADMIN, '--label', 'Integrasi lama']).trim().split('\n').pop()!
    const api = async (p: string, body: unknown) => {
      const res = await fetch(journey.server.url + p, { method: 'POST', headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      if (res.status !== 201) throw new Error(`${p}: ${res.status} ${await res.text()}`)
      return (await res.json()) as { id: string; links?: { phase: string; url: string }[] }
    }
    const partner = await api('/api/v1/partners', { name: 'SD Negeri 060843', kind: 'school' })
    const programme = await api('/api/v1/programmes', { name: 'Jaga Sekolah', startsOn: addDays(today(), -10), endsOn: addDays(today(), 200), status: 'active', areaIds: [HARJOSARI_I], partnerIds: [partner.id] })
    const session = await api('/api/v1/sessions', { programmeId: programme.id, title: 'Sosialisasi guru', format: 'seminar', areaId: HARJOSARI_I, venue: 'Aula sekolah', startsAt: `${today()}T00:05`, endsAt: `${today()}T23:55`, audiences: ['teachers'] })
    const opened = await api(`/api/v1/sessions/${session.id}/evaluation`, { groupKind: 'teachers', feedback: true })
    const feedbackUrl = opened.links!.find((l) => l.phase === 'feedback')!.url
    const base = journey.server.url

    // The admin's own tokens, with a revoke button each, in both languages.
    const context = await phoneContext(journey.browser, 'id-ID')
    const page = await context.newPage()
    const errors = watchConsole(page)
    await signIn(page, base, ADMIN, PASSWORD)
    await page.goto(base + '/account')
    await expect(main(page)).resolves.toContain('Laptop kantor')
    await look(page, 'account-tokens-id')
    await page.click('main form:has(button[aria-label*="Integrasi lama"]) button')
    await page.waitForLoadState()
    expect((await fetch(base + '/api/v1/programmes', { headers: { Authorization: `Bearer ${bearer}` } })).status).toBe(401)
    await page.goto(base + '/lang/en?next=/account')
    await look(page, 'account-tokens-en')

    // A partner account sees nothing until the admin links it to its institution; then that programme.
    await page.goto(base + '/admin/users')
    await page.click(`main a:has-text("Mitra Sekolah")`)
    await page.click('main a[href$="/access"]')
    await look(page, 'user-access-en')
    await page.selectOption('#f-partnerId', { label: 'SD Negeri 060843' })
    await page.click('main button[type=submit]')
    await page.waitForLoadState()
    const partnerContext = await phoneContext(journey.browser, 'id-ID')
    const mitra = await partnerContext.newPage()
    await signIn(mitra, base, PARTNER, PASSWORD)
    await mitra.goto(base + '/coverage')
    await expect(main(mitra)).resolves.toContain('Jaga Sekolah')
    await look(mitra, 'coverage-linked-partner-id')

    // A teacher writes her phone number into the feedback: it is removed, and she is told.
    const phone = await (await phoneContext(journey.browser, 'id-ID')).newPage()
    const phoneErrors = watchConsole(phone)
    await phone.goto(feedbackUrl)
    await phone.fill('#c-mother', 'SR')
    await phone.fill('#c-day', '9')
    await phone.fill('#c-own', 'I')
    await phone.fill('#c-siblings', '1')
    await phone.check('#q-useful input[value="5"]')
    await phone.check('#q-clear input[value="4"]')
    await phone.fill('#q-want_to_know', 'Materinya bagus. Kirim slidenya ke WA 0812-3456-7890 ya')
    await phone.click('form[data-collect] button[type=submit]')
    await phone.waitForFunction(() => /dihapus/.test(document.getElementById('collect-status')?.textContent ?? ''))
    await look(phone, 'feedback-blanked-id')

    // Someone guessing the admin's password from a browser that never signed in is slowed down, in words.
    const guesser = await (await phoneContext(journey.browser, 'en-GB')).newPage()
    for (let i = 0; i < 6; i++) {
      await guesser.goto(base + '/login')
      await guesser.fill('#f-email', ADMIN)
      await guesser.fill('#f-password', `tebakan ${i}`)
      await guesser.click('main button[type=submit]')
      await guesser.waitForLoadState()
    }
    await expect(guesser.textContent('body')).resolves.toContain('Too many failed attempts')
    await look(guesser, 'sign-in-slowed-en')

    expect([...errors, ...phoneErrors]).toEqual([])
  })
})
