import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addDays, localNow } from '../src/outreach/session-rules.ts'
import { toXlsForm } from '../src/evaluation/xlsform-write.ts'
import type { Definition } from '../src/evaluation/questionnaire-schema.ts'
import { parentsAnswers } from '../test/evaluation-builders.ts'
import { HARJOSARI_I, TIMBANG_DELI } from '../test/outreach-builders.ts'
import { ROOT } from '../test/server-process.ts'
import { apiCaller, jagaCommand, look, phoneContext, signIn, useServerAndBrowser, watchConsole } from './browser.ts'

// Wide staff tables on a 1366×768 laptop and a 360 px phone, in both languages (issue 15): the coverage
// table's knowledge, last-visit and due columns in view without scrolling the page; the paper grid shows
// every item, scrolls inside its own box, and keeps the participant code in view while scrolling right.
const journey = useServerAndBrowser()
const PASSWORD = 'kata sandi yang cukup panjang'
const HARJOSARI_II = '0b7f4a52-2b41-4c4e-9a57-127109100500'
const today = () => localNow('Asia/Jakarta').slice(0, 10)
const jaga = (args: string[], input = '') => jagaCommand(journey, args, input)

const laptop = (browser: Browser, locale: 'id-ID' | 'en-GB') => browser.newContext({ viewport: { width: 1366, height: 768 }, locale })

/** The shipped community test's statements, repeated under new ids until there are `count` items. */
function aLongTest(count: number): { key: string; definition: Definition } {
  const shipped = JSON.parse(fs.readFileSync(path.join(ROOT, 'content/questionnaires/knowledge-community.json'), 'utf8')) as { definition: Definition }
  const items = shipped.definition.sections.flatMap((s) => s.items).filter((i) => i.kind !== 'note')
  const long = Array.from({ length: count }, (_, n) => ({ ...items[n % items.length]!, id: `w${String(n + 1).padStart(2, '0')}` }))
  return { key: `wide-${count}`, definition: { sections: [{ items: long }] } as Definition }
}

async function seed() {
  jaga(['user', 'create', '--email', 'admin@jaga.test', '--role', 'admin', '--name', 'Admin'], PASSWORD + '\n')
  const token = jaga(['token', 'create', '--email', 'admin@jaga.test']).trim().split('\n').pop()!
  const api = apiCaller(journey, token)
  const kelurahan = [HARJOSARI_I, HARJOSARI_II, TIMBANG_DELI]
  const lingkungan: string[] = []
  for (const parentId of kelurahan) for (const n of ['I', 'II', 'III']) lingkungan.push((await api('/api/v1/areas', { parentId, kind: 'lingkungan', name: `Lingkungan ${n}` })).id)
  const programme = await api('/api/v1/programmes', { name: 'Jaga Keluarga Amplas', startsOn: addDays(today(), -60), endsOn: addDays(today(), 200), status: 'active', areaIds: kelurahan })
  const session = (areaId: string, title: string, audiences: string[]) =>
    api('/api/v1/sessions', { programmeId: programme.id, title, format: 'seminar', areaId, venue: 'Balai', startsAt: `${today()}T00:05`, endsAt: `${today()}T23:55`, audiences })
  // Knowledge before and after in one lingkungan: five matched pairs, enough to be shown.
  const parents = await session(lingkungan[0]!, 'Sosialisasi orang tua', ['parents'])
  const { links } = (await api(`/api/v1/sessions/${parents.id}/evaluation`, { groupKind: 'parents' })) as { links: { id: string; phase: string; url: string }[] }
  const send = async (phase: string, mother: string, right: number) => {
    const token = new URL(links.find((l) => l.phase === phase)!.url).pathname.split('/').at(-1)
    const answers = parentsAnswers(right)
    const res = await fetch(`${journey.server.url}/api/v1/collect/${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: crypto.randomUUID(), code: { mother, day: '7', own: 'A', siblings: '2' }, answers }) })
    expect(res.status).toBe(201)
  }
  for (const [i, mother] of ['AN', 'BU', 'CI', 'DE', 'EK'].entries()) {
    await send('pre', mother, 5 + i)
    await send('post', mother, 9 + i)
  }
  // The 40-question test, imported as an XLSForm and used for a community session's paper forms.
  const wide = aLongTest(40)
  const bytes = await toXlsForm({ key: wide.key, title: { id: 'Tes panjang 40 soal', en: 'Long test, 40 questions' }, version: 1 }, wide.definition)
  const imported = await fetch(`${journey.server.url}/api/v1/questionnaires/import`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, body: new Uint8Array(bytes) })
  expect(imported.status, await imported.clone().text()).toBe(201)
  const community = await session(lingkungan[4]!, 'Pertemuan warga', ['community'])
  const paper40 = ((await api(`/api/v1/sessions/${community.id}/evaluation`, { groupKind: 'community', questionnaireKey: wide.key })) as { links: { id: string; phase: string }[] }).links.find((l) => l.phase === 'pre')!
  return { programme, paper: { 40: `/sessions/${community.id}/evaluation/links/${paper40.id}/paper`, 15: `/sessions/${parents.id}/evaluation/links/${links.find((l) => l.phase === 'pre')!.id}/paper` } }
}

/** Edges of what the page shows: the page's own width, a box's visible inside, a cell. */
const pageFits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
const box = (page: Page, selector: string) =>
  page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect()
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, innerLeft: r.left + el.clientLeft, innerTop: r.top + el.clientTop, innerRight: r.left + el.clientLeft + el.clientWidth }
  })
const scrollBox = (page: Page, selector: string, to: { left?: number; top?: number }) =>
  page.$eval(selector, (el, to) => {
    if (to.left !== undefined) el.scrollLeft = to.left < 0 ? el.scrollWidth : to.left
    if (to.top !== undefined) el.scrollTop = to.top < 0 ? el.scrollHeight : to.top
    return { scrolled: el.scrollWidth > el.clientWidth, left: el.scrollLeft }
  }, to)

/** The paper grid: one column per item, and the code column at the grid's left edge once scrolled to the far right. */
async function expectStickyCodeColumn(page: Page, items: number) {
  expect(await page.locator('table.paper-grid thead th.item').count()).toBe(items)
  await expect(page.textContent('table.paper-grid thead th.item >> nth=-1')).resolves.toBe(String(items))
  const { scrolled } = await scrollBox(page, '.grid-scroll', { left: -1 })
  const grid = await box(page, '.grid-scroll')
  for (const cell of ['table.paper-grid thead th.code-col', 'table.paper-grid tbody tr:first-child th.code-col', 'table.paper-grid tbody tr:last-child th.code-col']) {
    expect((await box(page, cell)).left, cell).toBeCloseTo(grid.innerLeft, 0)
    // …and drawn over the item cells scrolled beneath it, not under them.
    const onTop = await page.$eval(cell, (el) => {
      // Into the window's view by scrolling the page only (scrollIntoView would scroll the grid back as well).
      window.scrollBy(0, Math.max(0, el.getBoundingClientRect().bottom - window.innerHeight + 8))
      const r = el.getBoundingClientRect()
      return el.contains(document.elementFromPoint(r.left + 4, r.top + r.height / 2))
    })
    expect(onTop, cell).toBe(true)
  }
  // The last item's column is in view, right of the code column rather than under it.
  const last = await box(page, 'table.paper-grid thead th.item >> nth=-1')
  expect(last.right).toBeLessThanOrEqual(grid.innerRight + 1)
  expect(last.left).toBeGreaterThanOrEqual((await box(page, 'table.paper-grid thead th.code-col')).right - 1)
  await scrollBox(page, '.grid-scroll', { left: 0 })
  return scrolled
}

describe('wide staff tables', () => {
  it('fit a 1366 px laptop and stay usable on a 360 px phone, in Indonesian and English', async () => {
    const s = await seed()
    for (const locale of ['id-ID', 'en-GB'] as const) {
      const lang = locale.slice(0, 2)
      const context = await laptop(journey.browser, locale)
      const page: Page = await context.newPage()
      const errors = watchConsole(page)
      await signIn(page, journey.server.url, 'admin@jaga.test', PASSWORD)

      // Coverage: the knowledge, last-visit and due columns are in view, and neither page nor table scrolls sideways.
      await page.goto(`${journey.server.url}/coverage?programme=${s.programme.id}`)
      await look(page, `wide-coverage-1366-${lang}`)
      expect(await pageFits(page)).toBe(true)
      const table = await box(page, 'table.coverage')
      const wrap = await box(page, 'main .table-wrap')
      expect(table.right).toBeLessThanOrEqual(wrap.innerRight + 1)
      for (const cell of ['th.knowledge', 'th.date >> nth=0', 'th.date >> nth=1']) {
        const edge = await box(page, `table.coverage thead ${cell}`)
        expect(edge.right, cell).toBeLessThanOrEqual(1366)
        expect(edge.left, cell).toBeGreaterThanOrEqual(0)
      }
      expect(await page.locator('table.coverage tbody tr').count()).toBe(12)
      await expect(page.textContent('table.coverage tbody')).resolves.toMatch(lang === 'id' ? /sebelum \d+%, sesudah \d+% \(5 pasang\)/ : /before \d+%, after \d+% \(5 pairs\)/)

      // The paper grid, 40 questions: it scrolls inside its own box and the code column stays at its left edge.
      await page.goto(journey.server.url + s.paper[40])
      expect(await pageFits(page)).toBe(true)
      expect(await expectStickyCodeColumn(page, 40)).toBe(true)
      await scrollBox(page, '.grid-scroll', { left: 900 })
      await look(page, `wide-paper-40-scrolled-1366-${lang}`)
      await scrollBox(page, '.grid-scroll', { left: 0 })
      // Keyboard entry still moves on by itself, cell after cell, to the 40th question, which is in view beside the code.
      await page.focus('input[name="r0.a.w01"]')
      for (let n = 1; n < 40; n++) await page.keyboard.type('1')
      await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).name)).resolves.toBe('r0.a.w40')
      const focused = await box(page, 'input[name="r0.a.w40"]')
      expect(focused.left).toBeGreaterThanOrEqual((await box(page, 'tbody tr:first-child th.code-col')).right - 1)
      expect(focused.right).toBeLessThanOrEqual((await box(page, '.grid-scroll')).innerRight + 1)
      await page.keyboard.type('1')
      await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).name)).resolves.toBe('r1.code.mother')
      // On a short screen the question numbers stay on top while the rows scroll.
      await page.setViewportSize({ width: 1366, height: 480 })
      await scrollBox(page, '.grid-scroll', { top: -1 })
      expect((await box(page, 'table.paper-grid thead th.item >> nth=0')).top).toBeCloseTo((await box(page, '.grid-scroll')).innerTop, 0)
      await page.setViewportSize({ width: 1366, height: 768 })

      // 15 questions (the shipped parents' test): every one shown, the code column in place.
      await page.goto(journey.server.url + s.paper[15])
      expect(await pageFits(page)).toBe(true)
      await expectStickyCodeColumn(page, 15)
      await look(page, `wide-paper-15-1366-${lang}`)
      expect(errors).toEqual([])
      await context.close()

      // A 360 px phone: no sideways page scroll; each table scrolls in its own box with its first column kept.
      const phone = await phoneContext(journey.browser, locale)
      const small = await phone.newPage()
      await signIn(small, journey.server.url, 'admin@jaga.test', PASSWORD)
      await small.goto(`${journey.server.url}/coverage?programme=${s.programme.id}`)
      expect(await pageFits(small)).toBe(true)
      expect((await scrollBox(small, 'main .table-wrap', { left: -1 })).scrolled).toBe(true)
      const phoneWrap = await box(small, 'main .table-wrap')
      expect((await box(small, 'table.coverage tbody tr:first-child th')).left).toBeCloseTo(phoneWrap.innerLeft, 0)
      await look(small, `wide-coverage-360-scrolled-${lang}`)
      await small.goto(journey.server.url + s.paper[40])
      expect(await pageFits(small)).toBe(true)
      await expectStickyCodeColumn(small, 40)
      await scrollBox(small, '.grid-scroll', { left: 400 })
      await look(small, `wide-paper-40-360-${lang}`)
      await phone.close()
    }
  })
})
