import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServerProcess, type ServerProcess } from '../test/server-process.ts'
import { launchBrowser, look, phoneContext, watchConsole } from './browser.ts'

let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  server = await startServerProcess()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const PAGES = {
  id: ['/id/pustaka', '/id/pustaka/untuk/parents', '/id/pustaka/grooming-bujukan-daring', '/id/pustaka/hukum-yang-melindungi-anak', '/id/pustaka/bantuan', '/id/pustaka/cari?q=diamond', '/id/pustaka/kesepakatan-keluarga', '/id/pustaka/aman-di-internet-untuk-anak-6-9', '/id/pustaka/kuis', '/id/pustaka/kuis/parents?check=1&q1=b&q2=a'],
  en: ['/en/library', '/en/library/topic/what-to-do', '/en/library/sextortion', '/en/library/electronic-sexual-violence', '/en/library/help', '/en/library/search?q=report', '/en/library/when-a-child-tells-you', '/en/library/if-someone-threatens-you', '/en/library/quiz/teens'],
}

describe('the public library on a phone', () => {
  for (const locale of ['id', 'en'] as const) {
    it(`passes axe on every library template in ${locale === 'id' ? 'Bahasa Indonesia' : 'English'}`, async () => {
      const context = await phoneContext(browser, locale === 'id' ? 'id-ID' : 'en-GB')
      const page = await context.newPage()
      const errors = watchConsole(page)
      for (const path of PAGES[locale]) {
        const res = await page.goto(server.url + path)
        expect(res?.status(), path).toBe(200)
        expect(await page.getAttribute('html', 'lang')).toBe(locale)
        await look(page, `library-${locale}${path.replace(/[/?=]/g, '_')}`)
      }
      expect(errors).toEqual([])
      await context.close()
    })
  }

  it('switches an article to its counterpart in the other language and remembers the choice', async () => {
    const context = await phoneContext(browser, 'id-ID')
    const page = await context.newPage()
    await page.goto(server.url + '/id/pustaka/pemerasan-seksual-sextortion')
    await page.click('header >> text=English')
    await page.waitForURL('**/en/library/sextortion')
    await expect(page.textContent('h1')).resolves.toContain('Sextortion')
    await page.goto(server.url + '/')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await context.close()
  })

  it('finds a page with the search form', async () => {
    const context = await phoneContext(browser, 'id-ID')
    const page = await context.newPage()
    await page.goto(server.url + '/id/pustaka')
    await page.fill('#library-q', 'rahasia')
    await page.click('form[role=search] button')
    await page.waitForURL('**/id/pustaka/cari?q=rahasia')
    await expect(page.textContent('[role=status]')).resolves.toMatch(/\d+ hasil untuk “rahasia”/)
    await page.click('.cards li:first-child a')
    await expect(page.locator('h1').count()).resolves.toBe(1)
    await context.close()
  })
})
