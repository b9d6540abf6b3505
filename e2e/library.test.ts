import { describe, expect, it } from 'vitest'
import { look, phoneContext, SCREENSHOT_DIR, screenshot, useServerAndBrowser, watchConsole } from './browser.ts'

const journey = useServerAndBrowser()

const PAGES = {
  id: ['/id/pustaka', '/id/pustaka/untuk/parents', '/id/pustaka/grooming-bujukan-daring', '/id/pustaka/hukum-yang-melindungi-anak', '/id/pustaka/bantuan', '/id/pustaka/cari?q=diamond', '/id/pustaka/kesepakatan-keluarga', '/id/pustaka/aman-di-internet-untuk-anak-6-9', '/id/pustaka/kuis', '/id/pustaka/panduan-fasilitator-sesi-orang-tua', '/id/pustaka/panduan-fasilitator-sesi-orang-tua/slides', '/id/pustaka/kuis/parents?check=1&q1=b&q2=a', '/id/pustaka/pengaturan-whatsapp', '/id/pustaka/topik/settings', '/id/pustaka/cari?q=memblokir', '/id/pustaka/pesan-singkat-untuk-warga', '/id/pustaka/menjelajah-dengan-aman'],
  en: ['/en/library', '/en/library/topic/what-to-do', '/en/library/sextortion', '/en/library/electronic-sexual-violence', '/en/library/help', '/en/library/search?q=report', '/en/library/when-a-child-tells-you', '/en/library/if-someone-threatens-you', '/en/library/quiz/teens', '/en/library/settings-tiktok', '/en/library/settings-games', '/en/library/short-messages-for-announcements', '/en/library/browsing-safely'],
}

describe('the public library on a phone', () => {
  for (const locale of ['id', 'en'] as const) {
    it(`passes axe on every library template in ${locale === 'id' ? 'Bahasa Indonesia' : 'English'}`, async () => {
      const context = await phoneContext(journey.browser, locale === 'id' ? 'id-ID' : 'en-GB')
      const page = await context.newPage()
      const errors = watchConsole(page)
      for (const path of PAGES[locale]) {
        const res = await page.goto(journey.server.url + path)
        expect(res?.status(), path).toBe(200)
        expect(await page.getAttribute('html', 'lang')).toBe(locale)
        await look(page, `library-${locale}${path.replace(/[/?=]/g, '_')}`)
      }
      expect(errors).toEqual([])
      await context.close()
    })
  }

  it('switches an article to its counterpart in the other language and remembers the choice', async () => {
    const context = await phoneContext(journey.browser, 'id-ID')
    const page = await context.newPage()
    await page.goto(journey.server.url + '/id/pustaka/pemerasan-seksual-sextortion')
    await page.click('header >> text=English')
    await page.waitForURL('**/en/library/sextortion')
    await expect(page.textContent('h1')).resolves.toContain('Sextortion')
    await page.goto(journey.server.url + '/')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await context.close()
  })

  it('finds a page with the search form', async () => {
    const context = await phoneContext(journey.browser, 'id-ID')
    const page = await context.newPage()
    await page.goto(journey.server.url + '/id/pustaka')
    await page.fill('#library-q', 'rahasia')
    await page.click('form[role=search] button')
    await page.waitForURL('**/id/pustaka/cari?q=rahasia')
    await expect(page.textContent('[role=status]')).resolves.toMatch(/\d+ hasil untuk “rahasia”/)
    await page.click('.cards li:first-child a')
    await expect(page.locator('h1').count()).resolves.toBe(1)
    await context.close()
  })
})

describe('sharing and finding the way', () => {
  it('copies a page link and a single message, and says so to screen readers', async () => {
    const context = await phoneContext(journey.browser, 'id-ID')
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: journey.server.url })
    const page = await context.newPage()
    const errors = watchConsole(page)
    await page.goto(journey.server.url + '/id/pustaka/pemerasan-seksual-sextortion')
    const bar = page.locator('.article > .share')
    await expect(bar.locator('a').getAttribute('href')).resolves.toMatch(/^https:\/\/wa\.me\/\?text=/)
    await bar.locator('button', { hasText: 'Salin tautan' }).click()
    await bar.locator('[role=status]', { hasText: 'Tautan disalin.' }).waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/id\/pustaka\/pemerasan-seksual-sextortion$/)
    await look(page, 'share-article-id')

    await page.goto(journey.server.url + '/id/pustaka/pesan-singkat-untuk-warga')
    const second = page.locator('.prose .share').nth(1)
    await second.locator('button').click()
    await second.locator('[role=status]', { hasText: 'Pesan disalin.' }).waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Hadiah dari orang baru/)
    await look(page, 'share-messages-id')
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows no copy button without JavaScript, while the WhatsApp link still works', async () => {
    const context = await journey.browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(journey.server.url + '/en/library/sextortion')
    expect(await page.locator('.article > .share button').isVisible()).toBe(false)
    expect(await page.locator('.article > .share a').isVisible()).toBe(true)
    await context.close()
  })

  for (const locale of ['id', 'en'] as const) {
    it(`offers the library search on the not-found page (${locale})`, async () => {
      const context = await phoneContext(journey.browser, locale === 'id' ? 'id-ID' : 'en-GB')
      const page = await context.newPage()
      const res = await page.goto(journey.server.url + (locale === 'id' ? '/id/pustaka/halaman-lama' : '/en/library/old-page'))
      expect(res?.status()).toBe(404)
      await look(page, `not-found-${locale}`)
      await page.fill('#library-q', locale === 'id' ? 'rahasia' : 'secret')
      await page.click('form[role=search] button')
      await page.waitForURL(locale === 'id' ? '**/id/pustaka/cari?q=rahasia' : '**/en/library/search?q=secret')
      await context.close()
    })
  }
})

describe('presenting a slide deck', () => {
  it('shows one slide at a time and moves with the arrow keys', async () => {
    const context = await phoneContext(journey.browser, 'en-GB')
    const page = await context.newPage()
    await page.goto(journey.server.url + '/en/library/facilitator-kit-parents-session/slides')
    await page.click('[data-present]')
    await expect(page.locator('.slide.current').textContent()).resolves.toContain('Keeping children safe online')
    await page.keyboard.press('ArrowRight')
    await expect(page.locator('.slide.current').textContent()).resolves.toContain('Our children are online every day')
    expect(await page.locator('.slide:visible').count()).toBe(1)
    await screenshot(page, 'slides-presenting-en')
    await page.keyboard.press('Escape')
    expect(await page.locator('.slide:visible').count()).toBe(11)
    await context.close()
  })
})

describe('reading comfort', () => {
  it('stays readable at 200% text size on a phone: nothing runs off the side of the screen', async () => {
    const context = await phoneContext(journey.browser, 'id-ID')
    const page = await context.newPage()
    for (const path of ['/id/pustaka', '/id/pustaka/hukum-yang-melindungi-anak', '/id/pustaka/kuis/parents', '/id/pustaka/bantuan']) {
      await page.goto(journey.server.url + path)
      // What a browser's "text size 200%" setting does: double the root font size.
      await page.evaluate(() => (document.documentElement.style.fontSize = '200%'))
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow, path).toBeLessThanOrEqual(0)
      await screenshot(page, `text-200-${path.replace(/\//g, '_')}`)
    }
    await context.close()
  })

  for (const [locale, path] of [['id', '/id/pustaka/pengaturan-whatsapp'], ['en', '/en/library/settings-whatsapp']] as const) {
    it(`shows a settings guide's drawn step cards loaded, with type at least 12 px on a 360 px phone (${locale})`, async () => {
      const context = await phoneContext(journey.browser, locale === 'id' ? 'id-ID' : 'en-GB')
      const page = await context.newPage()
      const errors = watchConsole(page)
      await page.goto(journey.server.url + path)
      const cards = page.locator('.prose img.step-card')
      expect(await cards.count()).toBe(5)
      for (const card of await cards.all()) {
        await card.scrollIntoViewIfNeeded()
        await card.evaluate((img: HTMLImageElement) => img.decode())
        const { natural, shown } = await card.evaluate((img: HTMLImageElement) => ({ natural: img.naturalWidth, shown: img.getBoundingClientRect().width }))
        expect(natural).toBeGreaterThan(0)
        // Drawn with 14 px type at 240 px wide: at this width or more, the type stays at least 12 px.
        expect(shown).toBeGreaterThanOrEqual((240 * 12) / 14)
      }
      await look(page, `step-cards-${locale}`)
      await page.locator('.prose ol').first().screenshot({ path: `${SCREENSHOT_DIR}/step-cards-list-${locale}.png` })
      expect(errors).toEqual([])
      await context.close()
    })
  }

  it('offers an install manifest and a read-aloud button where speech is available', async () => {
    const context = await phoneContext(journey.browser, 'en-GB')
    const page = await context.newPage()
    await page.goto(journey.server.url + '/en/library/sextortion')
    const manifestUrl = await page.getAttribute('link[rel=manifest]', 'href')
    const manifest = await (await page.request.get(journey.server.url + manifestUrl)).json()
    expect(manifest).toMatchObject({ short_name: 'Jaga', start_url: '/id/pustaka', display: 'standalone' })
    const speech = await page.evaluate(() => 'speechSynthesis' in window)
    expect(await page.locator('[data-read-aloud]').isVisible()).toBe(speech)
    await context.close()
  })
})

describe('children’s drawings and help numbers on a 360 px phone', () => {
  for (const [locale, paths] of [
    ['id', ['/id/pustaka/tekanan-mengirim-foto', '/id/pustaka/panduan-fasilitator-kunjungan-ulang/slides']],
    ['en', ['/en/library/pressure-to-send-photos', '/en/library/facilitator-kit-refresher-visits/slides']],
  ] as const) {
    it(`shows the drawing and keeps every phone number on one line (${locale})`, async () => {
      const context = await phoneContext(journey.browser, locale === 'id' ? 'id-ID' : 'en-GB')
      const page = await context.newPage()
      for (const path of paths) {
        await page.goto(journey.server.url + path)
        const numbers = await page.locator('.nowrap').evaluateAll((els) => els.map((el) => ({ text: el.textContent, lines: el.getClientRects().length, ws: getComputedStyle(el).whiteSpace })))
        expect(numbers.some((n) => n.text === '08111-129-129'), path).toBe(true)
        for (const n of numbers) expect(n, path).toMatchObject({ lines: 1, ws: 'nowrap' })
        await look(page, `phone-numbers-${locale}${path.replace(/[/?=]/g, '_')}`)
      }
      await page.goto(journey.server.url + paths[0])
      const drawing = await page.locator('img.illustration').evaluate(async (img: HTMLImageElement) => {
        await img.decode()
        const box = img.getBoundingClientRect()
        return { natural: img.naturalWidth, left: box.left, right: box.right, top: box.top }
      })
      expect(drawing.natural).toBeGreaterThan(0)
      expect(drawing.left).toBeGreaterThanOrEqual(0)
      expect(drawing.right).toBeLessThanOrEqual(360)
      await context.close()
    })
  }
})
