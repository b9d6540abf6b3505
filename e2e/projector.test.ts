import crypto from 'node:crypto'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { addDays, localNow } from '../src/outreach/session-rules.ts'
import { HARJOSARI_I, TIMBANG_DELI } from '../test/outreach-builders.ts'
import { yesNoXlsform } from '../test/xlsform-upload.ts'
import { apiCaller, jagaCommand, look, phoneContext, screenshot, SCREENSHOT_DIR, signIn, useServerAndBrowser, watchConsole } from './browser.ts'

// Issue 15, "pages built for where they are used": the projector view in a hall, and charts on a phone.
const journey = useServerAndBrowser()
const PASSWORD = 'kata sandi yang cukup panjang'
const EMAIL = 'admin@jaga.test'
const today = () => localNow('Asia/Jakarta').slice(0, 10)
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const LONG = 'Apa yang sebaiknya dilakukan orang tua ketika anak bercerita tentang pesan dari orang asing yang meminta foto di media sosial'

/** A knowledge questionnaire of n yes/no items (q1…qn, the right answer always "y"). */
const knowledgeXlsform = (formId: string, title: string, n: number, label: (i: number) => [string, string]): Promise<Blob> =>
  yesNoXlsform(formId, title, Array.from({ length: n }, (_, i) => ['select_one yn', `q${i + 1}`, ...label(i + 1), 'yes', 'y']))

const ids = { few: '', long: '', many: '', groups: '', programme: '' }

beforeAll(async () => {
  jagaCommand(journey, ['user', 'create', '--email', EMAIL, '--role', 'admin', '--name', 'Admin'], PASSWORD + '\n')
  const token = jagaCommand(journey, ['token', 'create', '--email', EMAIL]).trim().split('\n').pop()!
  const api = apiCaller(journey, token)
  const send = async (method: string, p: string, body: BodyInit, type: string) => {
    const res = await fetch(journey.server.url + p, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': type }, body })
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`)
    return res.json()
  }
  await send('POST', '/api/v1/questionnaires/import', await knowledgeXlsform('tiga-butir', 'Tiga butir', 3, (i) => [`Butir pendek ${i}`, `Short item ${i}`]), XLSX)
  await send('POST', '/api/v1/questionnaires/import', await knowledgeXlsform('empat-puluh-butir', `${LONG} (empat puluh butir)`, 40, (i) => [`${LONG}, butir ${i}?`, `What should a parent do when a child tells of a stranger asking for photos on social media, item ${i}?`]), XLSX)
  const programme = await api('/api/v1/programmes', { name: 'Jaga Aula', startsOn: addDays(today(), -10), endsOn: addDays(today(), 100), status: 'active', areaIds: [HARJOSARI_I, TIMBANG_DELI] })
  ids.programme = programme.id
  const session = (title: string, audiences: string[], areaId = HARJOSARI_I) => api('/api/v1/sessions', { programmeId: programme.id, title, format: 'seminar', areaId, venue: 'Aula kelurahan', startsAt: `${today()}T00:05`, endsAt: `${today()}T23:55`, audiences })
  let person = 0
  /** n people answer before and after (the same code), getting more right after. */
  const pairs = async (sessionId: string, groupKind: string, n: number, questionnaireKey: string, items: number) => {
    const { links } = (await api(`/api/v1/sessions/${sessionId}/evaluation`, { groupKind, questionnaireKey })) as { links: { phase: string; url: string; token: string }[] }
    const answers = async (phase: string, code: Record<string, string>, right: number) => {
      const link = links.find((l) => l.phase === phase)!
      const res = await fetch(`${journey.server.url}/api/v1/collect/${link.token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: crypto.randomUUID(), code, answers: Object.fromEntries(Array.from({ length: items }, (_, i) => [`q${i + 1}`, i < right ? 'y' : 'n'])) }) })
      if (res.status !== 201) throw new Error(`collect ${phase}: ${res.status} ${await res.text()}`)
    }
    for (let i = 0; i < n; i++) {
      person++
      const code = { mother: String.fromCharCode(65 + (person % 26)) + String.fromCharCode(65 + Math.floor(person / 26)), day: String((person % 28) + 1), own: 'A', siblings: String(person % 5) }
      await answers('pre', code, i % items)
      await answers('post', code, Math.min(items, (i % items) + 3))
    }
  }
  const few = await session('Sosialisasi', ['parents'])
  await pairs(few.id, 'parents', 1, 'tiga-butir', 3)
  const long = await session('Kelas orang tua', ['parents'])
  await pairs(long.id, 'parents', 5, 'empat-puluh-butir', 40)
  const many = await session(`${LONG}: seminar Kelurahan Harjosari I`.slice(0, 160), ['parents', 'teachers', 'community'])
  await pairs(many.id, 'parents', 40, 'empat-puluh-butir', 40)
  await pairs(many.id, 'teachers', 3, 'empat-puluh-butir', 40)
  await pairs(many.id, 'community', 2, 'tiga-butir', 3)
  const all = ['parents', 'teachers', 'children-6-9', 'children-10-12', 'children-13-17', 'community', 'officials']
  const groups = await session('Hari anak', all, TIMBANG_DELI)
  for (const g of all) await pairs(groups.id, g, 1, 'tiga-butir', 3)
  Object.assign(ids, { few: few.id, long: long.id, many: many.id, groups: groups.id })
  const cell = (groupKind: string, count: number) => ({ groupKind, gender: 'female', ageBand: '18+', count })
  for (const [s, cells] of [[few.id, [cell('parents', 12)]], [many.id, [cell('parents', 60), cell('teachers', 7)]], [groups.id, [cell('parents', 25), cell('community', 9)]]] as const) await send('PUT', `/api/v1/sessions/${s}/attendance`, JSON.stringify({ cells }), 'application/json')
})

async function signedIn(locale: 'id-ID' | 'en-GB', viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = viewport ? await journey.browser.newContext({ viewport, locale }) : await phoneContext(journey.browser, locale)
  const page = await context.newPage()
  const errors = watchConsole(page)
  await signIn(page, journey.server.url, EMAIL, PASSWORD)
  return { context, page, errors }
}

describe('the projector view in a hall', () => {
  it('fits 1366×768 and 1920×1080 without scrolling, in both languages, with one pair and three items, one group of 40 long items, three groups with 40 pairs, or seven groups', async () => {
    for (const locale of ['id-ID', 'en-GB'] as const) {
      for (const viewport of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
        const { context, page, errors } = await signedIn(locale, viewport)
        for (const [name, id] of [['few', ids.few], ['long', ids.long], ['many', ids.many], ['groups', ids.groups]] as const) {
          await page.goto(`${journey.server.url}/sessions/${id}/evaluation/live`)
          const where = `${name} ${locale} ${viewport.width}`
          const fit = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth, innerHeight, innerWidth }))
          expect(fit.height, where).toBeLessThanOrEqual(fit.innerHeight)
          expect(fit.width, where).toBeLessThanOrEqual(fit.innerWidth)
          expect(await page.locator('nav, header, footer, [role=banner], [role=navigation], [role=contentinfo], .demo-banner').count(), where).toBe(0)
          // Every piece of text on the screen, not only the paragraphs: the smallest decides what the back row reads.
          const smallest = await page.evaluate(() => {
            const sizes = [...document.querySelectorAll('body *')].filter((e) => e.getClientRects().length && [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())).map((e) => parseFloat(getComputedStyle(e).fontSize))
            return Math.min(...sizes)
          })
          expect(smallest, where).toBeGreaterThanOrEqual(viewport.width === 1366 ? 28 : 38)
          const headline = await page.evaluate(() => Math.max(...[...document.querySelectorAll('.pj-stat strong')].map((e) => parseFloat(getComputedStyle(e).fontSize))))
          expect(headline, where).toBeGreaterThanOrEqual(2 * smallest)
          await look(page, `projector-${name}-${locale.slice(0, 2)}-${viewport.width}`)
        }
        // What did not fit is said, not cut off: the seventh group, and the items after the first six.
        expect(await page.innerText('main')).toMatch(locale === 'id-ID' ? /\+1 kelompok lain ada di halaman evaluasi/ : /\+1 more group on the evaluation page/)
        await page.goto(`${journey.server.url}/sessions/${ids.many}/evaluation/live`)
        // Teachers (3 pairs) and community (2) answered too few for percentages: one row goes to saying so.
        expect(await page.innerText('main')).toMatch(locale === 'id-ID' ? /\+36 butir lain ada di halaman evaluasi[\s\S]*setelah dijawab 5 orang atau lebih/ : /\+36 more items on the evaluation page[\s\S]*once 5 or more people have answered it/)
        await page.goto(`${journey.server.url}/sessions/${ids.long}/evaluation/live`)
        expect(await page.innerText('main')).toMatch(locale === 'id-ID' ? /\+31 butir lain ada di halaman evaluasi/ : /\+31 more items on the evaluation page/)
        expect(errors).toEqual([])
        await context.close()
      }
    }
  })

  it('goes full screen with its button and with F, and leads back to the session', async () => {
    const { context, page, errors } = await signedIn('en-GB', { width: 1366, height: 768 })
    await page.goto(`${journey.server.url}/sessions/${ids.few}/evaluation/live`)
    const isFull = () => page.evaluate(() => document.fullscreenElement !== null)
    await page.click('button:has-text("Full screen (F)")')
    await page.waitForFunction(() => document.fullscreenElement !== null)
    await expect(page.textContent('[data-fullscreen]')).resolves.toBe('Leave full screen (F)')
    await page.keyboard.press('f')
    await page.waitForFunction(() => document.fullscreenElement === null)
    await page.keyboard.press('F')
    await page.waitForFunction(() => document.fullscreenElement !== null)
    expect(await isFull()).toBe(true)
    await page.keyboard.press('f')
    await page.waitForFunction(() => document.fullscreenElement === null)
    // Ctrl+F is the browser's find, not full screen.
    await page.keyboard.press('Control+f')
    expect(await isFull()).toBe(false)
    await page.click(`a:has-text("Back to the session's evaluation")`)
    await page.waitForURL(`**/sessions/${ids.few}/evaluation`)
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('charts on a phone', () => {
  it('keep every label at 12 px or more at 360 px on coverage, a session’s results and a programme’s results, in both languages', async () => {
    for (const locale of ['id-ID', 'en-GB'] as const) {
      for (const viewport of [undefined, { width: 1366, height: 768 }]) {
        const { context, page, errors } = await signedIn(locale, viewport)
        for (const [name, p] of [['coverage', `/coverage?programme=${ids.programme}`], ['session-results', `/sessions/${ids.many}/evaluation`], ['programme-results', `/programmes/${ids.programme}/evaluation`]] as const) {
          await page.goto(journey.server.url + p)
          // The size drawn on the screen: the font size times the scale from the SVG's units to CSS pixels.
          const sizes = await page.evaluate(() =>
            [...document.querySelectorAll<SVGTextElement>('figure.chart svg text')].map((e) => {
              const m = e.getScreenCTM()!
              return { text: e.textContent, px: parseFloat(getComputedStyle(e).fontSize) * Math.hypot(m.a, m.b) }
            }),
          )
          const where = `${name} ${locale} ${viewport?.width ?? 360}`
          expect(sizes.length, where).toBeGreaterThan(4)
          expect(sizes.filter((s) => s.px < 12), where).toEqual([])
          // The bars still say which is longer: the chart is not flattened into labels alone.
          expect(await page.locator('figure.chart svg rect[width$="%"]').count(), where).toBeGreaterThan(2)
          if (viewport) await screenshot(page, `chart-${name}-${locale.slice(0, 2)}-1366`)
          else {
            await look(page, `chart-${name}-${locale.slice(0, 2)}-360`)
            // The page is long on a phone: the first chart alone (the 40 long items on the session's page), to look at its labels.
            await page.locator('figure.chart').first().screenshot({ path: path.join(SCREENSHOT_DIR, `chart-${name}-${locale.slice(0, 2)}-360-figure.png`) })
          }
        }
        expect(errors).toEqual([])
        await context.close()
      }
    }
  })
})
