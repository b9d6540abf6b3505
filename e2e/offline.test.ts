import { describe, expect, it } from 'vitest'
import { countingRelay } from '../test/counting-relay.ts'
import { expectAccessible, phoneContext, screenshot, useServerAndBrowser } from './browser.ts'

const journey = useServerAndBrowser()

describe('the library offline', () => {
  // Before the test below, which stops the server. Bytes counted where they leave the server, so the
  // service worker's downloads are in too; the relay is a new origin, so nothing is cached for it yet.
  it('a first visit of the home page transfers at most 30 KB, and the service worker then keeps only the reader\'s language', async () => {
    const relay = await countingRelay(new URL(journey.server.url))
    // Not phoneContext: its route() for the quick-exit site turns Playwright's HTTP cache off, which a phone has.
    const context = await journey.browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale: 'id-ID', isMobile: true, hasTouch: true })
    const page = await context.newPage()
    await page.goto(relay.url + '/')
    // The library home is the last thing the worker keeps once the page is idle.
    await page.evaluate(async () => {
      while (!(await caches.match('/id/pustaka'))) await new Promise((r) => setTimeout(r, 100))
    })
    expect(await page.evaluate(async () => !!(await caches.match('/en/library')))).toBe(false)
    expect(relay.sent()).toBeLessThanOrEqual(30 * 1024)
    await context.close()
    relay.close()
  })

  it('saves the whole library, then reads pages and searches with the server gone', async () => {
    const context = await phoneContext(journey.browser, 'id-ID')
    const page = await context.newPage()
    await page.goto(journey.server.url + '/id/pustaka')
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true))
    // The page that registered the worker is controlled only after a reload.
    await page.reload()
    const save = page.locator('[data-save-offline]')
    await expect(save.isVisible()).resolves.toBe(true)
    await expectAccessible(page)
    await save.click()
    await page.waitForFunction(() => /tersimpan/.test(document.querySelector('[data-save-status]')?.textContent ?? ''), null, { timeout: 60_000 })
    await screenshot(page, 'offline-saved-id')

    // No network at all: the server is stopped.
    expect(await journey.server.stop()).toBe(0)

    await page.goto(journey.server.url + '/id/pustaka/saat-anak-bercerita')
    await expect(page.textContent('h1')).resolves.toContain('Saat anak bercerita')
    await page.goto(journey.server.url + '/id/pustaka/bantuan')
    await expect(page.textContent('main')).resolves.toContain('SAPA 129')

    await page.goto(journey.server.url + '/id/pustaka/cari?q=diamond')
    await page.waitForFunction(() => document.querySelectorAll('[data-results] li').length > 0)
    await expect(page.textContent('[data-results-status]')).resolves.toMatch(/\d+ hasil untuk “diamond”/)
    await screenshot(page, 'offline-search-id')
    // The offline search knows word roots too: "memeras" (to extort) finds the page on "pemerasan".
    await page.goto(journey.server.url + '/id/pustaka/cari?q=memeras')
    await page.waitForFunction(() => document.querySelectorAll('[data-results] li').length > 0)
    await expect(page.textContent('[data-results]')).resolves.toContain('Pemerasan seksual (sextortion)')

    // Brochures were saved too: the PDF comes from the cache.
    const pdf = await page.evaluate(async () => {
      const res = await fetch('/id/pustaka/brosur/parents.pdf')
      return { status: res.status, type: res.headers.get('Content-Type'), head: new TextDecoder().decode((await res.arrayBuffer()).slice(0, 5)) }
    })
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' })

    // A quiz answered offline is checked in the page.
    await page.goto(journey.server.url + '/id/pustaka/kuis/parents')
    await page.check('#q1 input[value=b]')
    await page.check('#q2 input[value=a]')
    await page.click('form.quiz button[type=submit]')
    await page.waitForFunction(() => !document.querySelector<HTMLElement>('[data-quiz-score]')?.hidden)
    await expect(page.textContent('[data-quiz-score]')).resolves.toBe('1 dari 6 jawaban benar.')
    await expect(page.textContent('#q2 .feedback')).resolves.toContain('Belum tepat')
    await screenshot(page, 'offline-quiz-id')
    await context.close()
  })
})
