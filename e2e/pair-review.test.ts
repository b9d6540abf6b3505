import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addDays, localNow } from '../src/outreach/session-rules.ts'
import { HARJOSARI_I } from '../test/outreach-builders.ts'
import { ROOT } from '../test/server-process.ts'
import { apiCaller, jagaCommand, look, phoneContext, signIn, useServerAndBrowser, watchConsole } from './browser.ts'

// Checking the pairing on a phone, in both languages: the warning about codes alike, a pair made by
// tolerance listed with the part that differed, undone with its button and paired again.
const journey = useServerAndBrowser()
const PASSWORD = 'kata sandi yang cukup panjang'
const today = () => localNow('Asia/Jakarta').slice(0, 10)

const jaga = (args: string[], input = '') => jagaCommand(journey, args, input)

describe('the pairing review, on a phone', () => {
  it('warns about codes alike and undoes a tolerant pair with its button, in Indonesian and English, passing axe', async () => {
    jaga(['user', 'create', '--email', 'admin@jaga.test', '--role', 'admin', '--name', 'Admin'], PASSWORD + '\n')
    const token = jaga(['token', 'create', '--email', 'admin@jaga.test']).trim().split('\n').pop()!
    const api = apiCaller(journey, token)
    const programme = await api('/api/v1/programmes', { name: 'Jaga Keluarga', startsOn: addDays(today(), -10), endsOn: addDays(today(), 100), status: 'active', areaIds: [HARJOSARI_I] })
    const session = await api('/api/v1/sessions', { programmeId: programme.id, title: 'Penyuluhan orang tua', format: 'seminar', areaId: HARJOSARI_I, venue: 'Balai', startsAt: `${today()}T00:05`, endsAt: `${today()}T23:55`, audiences: ['parents'] })
    const { links } = (await api(`/api/v1/sessions/${session.id}/evaluation`, { groupKind: 'parents' })) as { links: { phase: string; url: string }[] }
    const test = JSON.parse(fs.readFileSync(path.join(ROOT, 'content/questionnaires/knowledge-parents.json'), 'utf8')) as { definition: { sections: { items: { id: string; kind: string; options?: { value: string }[] }[] }[] } }
    const answers = Object.fromEntries(test.definition.sections.flatMap((s) => s.items).filter((i) => i.kind !== 'note').map((i) => [i.id, i.kind === 'truefalse' ? 'true' : (i.options?.[0]?.value ?? '3')]))
    const send = async (phase: string, mother: string, day = '7') => {
      const link = links.find((l) => l.phase === phase)!
      const res = await fetch(`${journey.server.url}/api/v1/collect/${new URL(link.url).pathname.split('/').at(-1)}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: crypto.randomUUID(), code: { mother, day, own: 'A', siblings: '2' }, answers }) })
      expect(res.status).toBe(201)
    }
    for (const who of ['AN', 'BU', 'CI', 'DO', 'EK', 'FA']) for (const phase of ['pre', 'post']) await send(phase, who)
    // JU wrote another day afterwards (paired by tolerance); two people wrote SA; RI resembles two answers after.
    await send('pre', 'JU', '10')
    await send('post', 'JU', '11')
    await send('pre', 'SA')
    await send('pre', 'SA')
    await send('pre', 'RI')
    await send('post', 'RI', '8')
    await send('post', 'RI', '9')

    for (const locale of ['id-ID', 'en-GB'] as const) {
      const lang = locale.slice(0, 2)
      const context = await phoneContext(journey.browser, locale)
      const page: Page = await context.newPage()
      const errors = watchConsole(page)
      await signIn(page, journey.server.url, 'admin@jaga.test', PASSWORD)
      await page.goto(`${journey.server.url}/sessions/${session.id}/evaluation`)
      const main = () => page.textContent('main')
      await expect(main()).resolves.toContain(lang === 'id' ? 'Banyak kode di kelompok ini mirip: 3 dari 10 jawaban sebelum' : 'Many codes in this group look alike: 3 of 10 answers before')
      await expect(main()).resolves.toContain(lang === 'id' ? 'JU-10-A-2 dengan JU-11-A-2: tanggal lahir berbeda' : 'JU-10-A-2 with JU-11-A-2: the day of birth differs')
      await page.locator('.pair-review').scrollIntoViewIfNeeded()
      await look(page, `pair-review-${lang}`)

      await page.getByRole('button', { name: lang === 'id' ? 'Bukan orang yang sama: batalkan JU-10-A-2 dengan JU-11-A-2' : 'Not the same person: undo JU-10-A-2 with JU-11-A-2' }).click()
      await page.waitForLoadState('load')
      await expect(main()).resolves.toContain(lang === 'id' ? 'Pasangkan lagi: JU-10-A-2 dengan JU-11-A-2' : 'Pair again: JU-10-A-2 with JU-11-A-2')
      await expect(main()).resolves.toContain(lang === 'id' ? '6 dari 10' : '6 of 10 answers before are paired')
      await page.locator('.pair-review').scrollIntoViewIfNeeded()
      await look(page, `pair-review-kept-apart-${lang}`)
      await page.getByRole('button', { name: lang === 'id' ? 'Pasangkan lagi: JU-10-A-2 dengan JU-11-A-2' : 'Pair again: JU-10-A-2 with JU-11-A-2' }).click()
      await page.waitForLoadState('load')
      await expect(main()).resolves.toContain(lang === 'id' ? '7 dari 10' : '7 of 10 answers before are paired')
      expect(errors).toEqual([])
      await context.close()
    }
  })
})
