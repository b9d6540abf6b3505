import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { addDays, localNow } from '../src/outreach/session-rules.ts'
import { HARJOSARI_I } from '../test/outreach-builders.ts'
import { ROOT } from '../test/server-process.ts'
import { apiCaller, jagaCommand, look, phoneContext, signIn, useServerAndBrowser, watchConsole } from './browser.ts'

// The programme report with session notes and the knowledge chart, on a phone, in both languages.
const journey = useServerAndBrowser()
const PASSWORD = 'kata sandi yang cukup panjang'
const today = () => localNow('Asia/Jakarta').slice(0, 10)

describe('programme report, on a phone', () => {
  it('shows the session notes and the knowledge chart, axe clean, in Indonesian and English', async () => {
    jagaCommand(journey, ['user', 'create', '--email', 'admin@jaga.test', '--role', 'admin', '--name', 'Admin'], PASSWORD + '\n')
    const token = jagaCommand(journey, ['token', 'create', '--email', 'admin@jaga.test']).trim().split('\n').pop()!
    const api = apiCaller(journey, token)
    const call = async (method: string, p: string, body: unknown) => {
      const res = await fetch(journey.server.url + p, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      expect(res.status, p).toBeLessThan(300)
    }
    const programme = await api('/api/v1/programmes', { name: 'Jaga Amplas 2026', startsOn: addDays(today(), -10), endsOn: addDays(today(), 100), status: 'active', areaIds: [HARJOSARI_I] })
    const session = await api('/api/v1/sessions', { programmeId: programme.id, title: 'Seminar orang tua', format: 'seminar', areaId: HARJOSARI_I, venue: 'Aula', startsAt: `${today()}T00:05`, endsAt: `${today()}T23:55`, audiences: ['parents'] })
    const { links } = (await api(`/api/v1/sessions/${session.id}/evaluation`, { groupKind: 'parents' })) as { links: { phase: string; url: string }[] }
    const test = JSON.parse(fs.readFileSync(path.join(ROOT, 'content/questionnaires/knowledge-parents.json'), 'utf8')) as { definition: { sections: { items: { id: string; kind: string; answer?: unknown; options?: { value: string }[] }[] }[] } }
    const items = test.definition.sections.flatMap((s) => s.items).filter((i) => i.kind !== 'note')
    const wrong = Object.fromEntries(items.map((i) => [i.id, i.kind === 'truefalse' ? String(i.answer !== true) : (i.options?.find((o) => o.value !== String(i.answer))?.value ?? '1')]))
    const right = Object.fromEntries(items.map((i) => [i.id, String(i.answer)]))
    const send = async (phase: string, mother: string, answers: Record<string, string>) => {
      const link = links.find((l) => l.phase === phase)!
      const res = await fetch(`${journey.server.url}/api/v1/collect/${new URL(link.url).pathname.split('/').at(-1)}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: crypto.randomUUID(), code: { mother, day: '9', own: 'I', siblings: '1' }, answers }) })
      expect(res.status).toBe(201)
    }
    for (const mother of ['RA', 'SI', 'DE', 'NO', 'YA', 'LI']) {
      await send('pre', mother, wrong)
      await send('post', mother, right)
    }
    await call('PUT', `/api/v1/sessions/${session.id}/attendance`, { cells: [{ groupKind: 'parents', gender: 'female', ageBand: '18+', count: 14 }] })
    await call('POST', `/api/v1/sessions/${session.id}/report`, { notes: 'Peserta banyak bertanya tentang pengaturan privasi di TikTok dan grup WhatsApp sekolah.\nRuangan terlalu kecil untuk 14 orang.', followUps: 'Kunjungi lagi dalam 3 bulan; bawa brosur untuk guru.' })

    for (const locale of ['id-ID', 'en-GB'] as const) {
      const lang = locale.slice(0, 2)
      const context = await phoneContext(journey.browser, locale)
      const page = await context.newPage()
      const errors = watchConsole(page)
      await signIn(page, journey.server.url, 'admin@jaga.test', PASSWORD)
      expect((await page.goto(`${journey.server.url}/programmes/${programme.id}/report`))?.status()).toBe(200)
      await expect(page.textContent('main')).resolves.toContain('Ruangan terlalu kecil untuk 14 orang.')
      await expect(page.locator('main figure.chart svg').count()).resolves.toBeGreaterThan(0)
      await look(page, `programme-report-${lang}`)
      expect(errors).toEqual([])
      await context.close()
    }
  })
})
