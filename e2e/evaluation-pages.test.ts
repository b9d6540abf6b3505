import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addDays, localNow } from '../src/outreach/session-rules.ts'
import { HARJOSARI_I } from '../test/outreach-builders.ts'
import { ROOT } from '../test/server-process.ts'
import { apiCaller, jagaCommand, look, phoneContext, signIn, useServerAndBrowser, watchConsole } from './browser.ts'

// Every staff page of evaluation, on a phone, in both languages: axe finds nothing, and each is photographed.
const journey = useServerAndBrowser()
const PASSWORD = 'kata sandi yang cukup panjang'
const today = () => localNow('Asia/Jakarta').slice(0, 10)

const jaga = (args: string[], input = '') => jagaCommand(journey, args, input)

describe('evaluation staff pages, on a phone', () => {
  it('pass axe in Indonesian and English: questionnaires, builder, paper grid, CSV import, programme results, disclosures and trigger words', async () => {
    jaga(['user', 'create', '--email', 'admin@jaga.test', '--role', 'admin', '--name', 'Admin'], PASSWORD + '\n')
    const token = jaga(['token', 'create', '--email', 'admin@jaga.test']).trim().split('\n').pop()!
    const api = apiCaller(journey, token)
    const programme = await api('/api/v1/programmes', { name: 'Jaga Remaja', startsOn: addDays(today(), -10), endsOn: addDays(today(), 100), status: 'active', areaIds: [HARJOSARI_I] })
    const session = await api('/api/v1/sessions', { programmeId: programme.id, title: 'Kelas remaja SMP', format: 'class', areaId: HARJOSARI_I, venue: 'SMP', startsAt: `${today()}T00:05`, endsAt: `${today()}T23:55`, audiences: ['children-13-17'] })
    const { links } = (await api(`/api/v1/sessions/${session.id}/evaluation`, { groupKind: 'children-13-17' })) as { links: { id: string; phase: string; url: string }[] }
    const pre = links.find((l) => l.phase === 'pre')!
    // One answer, so the answers review page has something to show: every question's first choice.
    const test = JSON.parse(fs.readFileSync(path.join(ROOT, 'content/questionnaires/knowledge-children-13-17.json'), 'utf8')) as { definition: { sections: { items: { id: string; kind: string; options?: { value: string }[] }[] }[] } }
    const answers = Object.fromEntries(test.definition.sections.flatMap((s) => s.items).filter((i) => i.kind !== 'note').map((i) => [i.id, i.kind === 'truefalse' ? 'true' : (i.options?.[0]?.value ?? '3')]))
    const sent = await fetch(`${journey.server.url}/api/v1/collect/${new URL(pre.url).pathname.split('/').at(-1)}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: crypto.randomUUID(), code: { mother: 'RA', day: '9', own: 'I', siblings: '1' }, answers }) })
    expect(sent.status).toBe(201)

    for (const locale of ['id-ID', 'en-GB'] as const) {
      const lang = locale.slice(0, 2)
      const context = await phoneContext(journey.browser, locale)
      const page: Page = await context.newPage()
      const errors = watchConsole(page)
      await signIn(page, journey.server.url, 'admin@jaga.test', PASSWORD)
      const visit = async (p: string, name: string) => {
        const res = await page.goto(journey.server.url + p)
        expect(res?.status(), p).toBe(200)
        await look(page, `${name}-${lang}`)
      }
      // A teenager's form: the age-appropriate test.
      await visit(new URL(pre.url).pathname, 'evaluation-teen-form')
      await expect(page.textContent('h1')).resolves.toMatch(/remaja 13–17|teenagers 13–17/)
      await visit('/questionnaires', 'questionnaires')
      await visit('/questionnaires/new', 'questionnaire-new')
      await visit('/questionnaires/feedback/edit', 'questionnaire-builder')
      await visit('/questionnaires/feedback/items/useful/edit', 'questionnaire-item')
      await visit('/questionnaires/behaviour-confidence/edit', 'questionnaire-builder-sections')
      await visit('/questionnaires/behaviour-confidence/items/agreement/edit', 'questionnaire-item-section')
      await visit(`/sessions/${session.id}/evaluation/links/${pre.id}/paper`, 'evaluation-paper')
      await visit(`/sessions/${session.id}/evaluation/links/${pre.id}/import`, 'evaluation-csv')
      await visit(`/programmes/${programme.id}/evaluation`, 'programme-evaluation')
      await visit(`/sessions/${session.id}/evaluation/answers`, 'evaluation-answers')
      await visit('/disclosures', 'disclosures')
      await visit('/disclosures/keywords', 'disclosure-keywords')
      // The paper grid moves on by itself after a one-letter cell.
      await page.goto(`${journey.server.url}/sessions/${session.id}/evaluation/links/${pre.id}/paper`)
      await page.focus('input[name="r0.a.k01"]')
      await page.keyboard.type('1')
      await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).name)).resolves.toBe('r0.a.k02')
      // A full row typed with no connection waits on the device and is saved once the connection is back.
      const preCount = async () => {
        const res = await fetch(`${journey.server.url}/api/v1/sessions/${session.id}/evaluation`, { headers: { Authorization: `Bearer ${token}` } })
        return ((await res.json()) as { links: { phase: string; submissions: number }[] }).links.find((l) => l.phase === 'pre')!.submissions
      }
      const before = await preCount()
      await page.fill('input[name="r0.code.mother"]', lang === 'id' ? 'PA' : 'PE')
      await page.fill('input[name="r0.code.day"]', '3')
      await page.fill('input[name="r0.code.own"]', 'R')
      await page.fill('input[name="r0.code.siblings"]', '0')
      for (const [id, value] of Object.entries(answers)) await page.fill(`input[name="r0.a.${id}"]`, value === 'true' ? '1' : value)
      const cdp = await context.newCDPSession(page)
      const network = (offline: boolean) => cdp.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
      await cdp.send('Network.enable')
      await network(true)
      await page.click('form.paper button[type=submit]')
      await page.waitForFunction(() => /kept on this device|disimpan di perangkat ini/.test(document.querySelector('[data-keep-status]')?.textContent ?? ''))
      await look(page, `evaluation-paper-offline`)
      // Opened again (here in a second tab that has a connection), the grid gets the rows back; Save stores them.
      const again = await context.newPage()
      await again.goto(`${journey.server.url}/sessions/${session.id}/evaluation/links/${pre.id}/paper`)
      await expect(again.inputValue('input[name="r0.code.mother"]')).resolves.toBe(lang === 'id' ? 'PA' : 'PE')
      await expect(again.textContent('[data-keep-status]')).resolves.toMatch(/put back|dikembalikan/)
      await again.click('form.paper button[type=submit]')
      await again.waitForFunction(() => /1 questionnaire saved|1 kuesioner disimpan/.test(document.querySelector('main')?.textContent ?? ''))
      // The first tab's connection returns: it has nothing left to send, so the row is stored once.
      await network(false)
      await page.evaluate(() => window.dispatchEvent(new Event('online')))
      await page.waitForTimeout(500)
      await expect(page.textContent('[data-keep-status]')).resolves.toMatch(/kept on this device|disimpan di perangkat ini/)
      await again.close()
      expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jaga-keep:')))).toEqual([])
      expect(await preCount()).toBe(before + 1)
      // The offline save's failed health check is the only console noise this page may make.
      expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([])
      await context.close()
    }
  })
})
