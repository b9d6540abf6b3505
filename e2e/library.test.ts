import { describe, expect, it } from 'vitest'
import { look, phoneContext, screenshot, useServerAndBrowser, watchConsole } from './browser.ts'

const journey = useServerAndBrowser()

const PAGES = {
  id: ['/id/pustaka', '/id/pustaka/untuk/parents', '/id/pustaka/grooming-bujukan-daring', '/id/pustaka/hukum-yang-melindungi-anak', '/id/pustaka/bantuan', '/id/pustaka/cari?q=diamond', '/id/pustaka/kesepakatan-keluarga', '/id/pustaka/aman-di-internet-untuk-anak-6-9', '/id/pustaka/kuis', '/id/pustaka/panduan-fasilitator-sesi-orang-tua', '/id/pustaka/panduan-fasilitator-sesi-orang-tua/slides', '/id/pustaka/kuis/parents?check=1&q1=b&q2=a', '/id/pustaka/pengaturan-whatsapp', '/id/pustaka/topik/settings', '/id/pustaka/cari?q=memblokir'],
  en: ['/en/library', '/en/library/topic/what-to-do', '/en/library/sextortion', '/en/library/electronic-sexual-violence', '/en/library/help', '/en/library/search?q=report', '/en/library/when-a-child-tells-you', '/en/library/if-someone-threatens-you', '/en/library/quiz/teens', '/en/library/settings-tiktok', '/en/library/settings-games'],
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
    expect(await page.locator('.slide:visible').count()).toBe(10)
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
