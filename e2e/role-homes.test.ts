import type { Browser, BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { fromMenu, jagaCommand, look, openMenu, phoneContext, signIn, useServerAndBrowser, watchConsole } from './browser.ts'

const journey = useServerAndBrowser()
const ADMIN = { email: 'admin@jaga.test', password: 'kata sandi admin yang panjang' }

/** The demo's accounts as `jaga demo load` prints them: role, email, password. */
function loadDemo(): Map<string, { email: string; password: string }> {
  jagaCommand(journey, ['user', 'create', '--email', ADMIN.email, '--role', 'admin', '--name', 'Admin Tim'], ADMIN.password + '\n')
  const out = jagaCommand(journey, ['demo', 'load'])
  const accounts = new Map<string, { email: string; password: string }>()
  for (const m of out.matchAll(/^\s+(coordinator|facilitator|partner)\s+(\S+@\S+)\s+(\S+)\s*$/gm)) if (!accounts.has(m[1]!)) accounts.set(m[1]!, { email: m[2]!, password: m[3]! })
  accounts.set('admin', ADMIN)
  return accounts
}

function desktopContext(browser: Browser, locale: 'id-ID' | 'en-GB'): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1366, height: 768 }, locale })
}

const HEADINGS = {
  admin: { id: ['Kegiatan yang belum dilaporkan', 'Kunjungan yang terlambat', 'Pengguna yang belum menerima undangan'], en: ['Sessions to report', 'Overdue visits', 'Users waiting to accept an invitation'] },
  coordinator: { id: ['Kegiatan yang belum dilaporkan', 'Kunjungan yang terlambat', 'Perkembangan program'], en: ['Sessions to report', 'Overdue visits', 'Programme progress'] },
  facilitator: { id: ['Kegiatan saya', 'Jawaban yang menunggu diperiksa', 'Pengungkapan yang menunggu'], en: ['My sessions', 'Answers waiting for review', 'Disclosures waiting'] },
  partner: { id: ['Program lembaga Anda'], en: ["Your institution's programmes"] },
} as const

/** Signs in, checks the start page has its role's sections and a menu with the current page marked. */
async function landOnStart(page: Page, account: { email: string; password: string }, role: keyof typeof HEADINGS, locale: 'id' | 'en', name: string) {
  await signIn(page, journey.server.url, account.email, account.password)
  expect(await page.getAttribute('html', 'lang')).toBe(locale)
  const main = (await page.textContent('main'))!
  for (const heading of HEADINGS[role][locale]) expect(main, `${role} ${locale}`).toContain(heading)
  await look(page, name)
  await openMenu(page)
  await expect(page.getAttribute('nav a[href="/home"]', 'aria-current')).resolves.toBe('page')
  expect(await page.locator('nav a[aria-current=page]').count()).toBe(1)
  await look(page, `${name}-menu`)
}

describe('each role lands on its start page and reaches its work from there', () => {
  it('on a phone in Bahasa Indonesia and on a desktop in English', async () => {
    const accounts = loadDemo()
    const watched: string[][] = []
    for (const role of ['facilitator', 'coordinator', 'partner', 'admin'] as const) {
      const account = accounts.get(role)!
      expect(account, role).toBeDefined()

      const phone = await phoneContext(journey.browser, 'id-ID')
      const p = await phone.newPage()
      watched.push(watchConsole(p))
      await landOnStart(p, account, role, 'id', `start-${role}-phone-id`)
      // The menu folds away again and the work is one tap from the start page.
      await p.locator('nav details.menu > summary').click()
      if (role === 'partner') {
        await p.click('main a:text("Laporan")')
        await p.waitForURL(/\/programmes\/[0-9a-f-]{36}\/report$/)
        await expect(p.textContent('main')).resolves.toContain('[DEMO]')
        await look(p, 'start-partner-report-phone-id')
        // The demo banner says the data is loaded, and tells a partner no command.
        const banner = (await p.textContent('.demo-banner'))!
        expect(banner).toContain('telah dimuat')
        expect(banner).not.toContain('npx jaga')
      } else if (role === 'facilitator') {
        const links = p.locator('main a:text("Tautan kuesioner")')
        if (await links.count()) {
          await links.first().click()
          await p.waitForURL(/\/sessions\/[0-9a-f-]{36}\/evaluation$/)
          await look(p, 'start-facilitator-links-phone-id')
        }
      } else {
        const schedule = p.locator('main a:text("Jadwalkan")')
        if (await schedule.count()) {
          await schedule.first().click()
          await p.waitForURL(/\/sessions\/new\?area=/)
          expect(await p.inputValue('#f-areaId')).not.toBe('')
          await look(p, `start-${role}-schedule-phone-id`)
        }
      }
      await phone.close()

      const desktop = await desktopContext(journey.browser, 'en-GB')
      const d = await desktop.newPage()
      watched.push(watchConsole(d))
      await landOnStart(d, account, role, 'en', `start-${role}-desktop-en`)
      // On a wide screen the menu's links are in view without opening anything.
      await expect(d.locator('nav details.menu > summary').isVisible()).resolves.toBe(false)
      await expect(d.locator('nav a[href="/home"]').isVisible()).resolves.toBe(true)
      if (role !== 'partner') {
        await fromMenu(d, 'Programmes')
        await d.waitForURL('**/programmes')
        await expect(d.getAttribute('nav a[href="/programmes"]', 'aria-current')).resolves.toBe('page')
      }
      await desktop.close()
    }
    expect(watched.flat().filter((e) => !/404|403|401|422|Failed to load resource/.test(e))).toEqual([])
  })
})
