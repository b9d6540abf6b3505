import type { Browser, BrowserContext, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, fromMenu, look, openMenu, phoneContext, signIn, useServerAndBrowser, watchConsole } from './browser.ts'
import { QUESTIONNAIRE_TITLE, seedRoleHomes, TODAY_SESSION, type Account, type Role } from './role-homes-seed.ts'

// Each role signs in and reaches each task of its start page (issue 15), on a phone (360×740) and a
// desktop (1366×768), in Bahasa Indonesia and English: 16 journeys, axe on every page they visit.
const journey = useServerAndBrowser()

type Lang = 'id' | 'en'
type Device = 'phone' | 'desktop'
const COMBOS: { device: Device; lang: Lang }[] = [
  { device: 'phone', lang: 'id' },
  { device: 'phone', lang: 'en' },
  { device: 'desktop', lang: 'id' },
  { device: 'desktop', lang: 'en' },
]

function contextFor(browser: Browser, device: Device, lang: Lang): Promise<BrowserContext> {
  const locale = lang === 'id' ? 'id-ID' : 'en-GB'
  return device === 'phone' ? phoneContext(browser, locale) : browser.newContext({ viewport: { width: 1366, height: 768 }, locale })
}

const HEADINGS: Record<Role, Record<Lang, string[]>> = {
  admin: { id: ['Kegiatan yang belum dilaporkan', 'Kunjungan yang terlambat', 'Kuesioner yang menunggu pemeriksaan', 'Pengguna yang belum menerima undangan', 'Cadangan data'], en: ['Sessions to report', 'Overdue visits', 'Questionnaires waiting for review', 'Users waiting to accept an invitation', 'Backups'] },
  coordinator: { id: ['Kegiatan yang belum dilaporkan', 'Kunjungan yang terlambat', 'Suntingan pustaka yang menunggu tinjauan', 'Kuesioner yang menunggu pemeriksaan', 'Perkembangan program'], en: ['Sessions to report', 'Overdue visits', 'Library edits waiting for review', 'Questionnaires waiting for review', 'Programme progress'] },
  facilitator: { id: ['Kegiatan saya', 'Jawaban yang menunggu diperiksa', 'Pengungkapan yang menunggu'], en: ['My sessions', 'Answers waiting for review', 'Disclosures waiting'] },
  partner: { id: ['Program lembaga Anda'], en: ["Your institution's programmes"] },
}

interface Visit {
  page: Page
  base: string
  name: string
  lang: Lang
}

/**
 * From the start page, follows a link and checks where it lands, with axe there; then back to the start
 * page. Screenshots are of the start pages (and the phone menu) and the questionnaire check, to keep the
 * file's run time down.
 */
async function task(v: Visit, link: string, lands: RegExp, check?: () => Promise<void>, shot?: string) {
  await Promise.all([v.page.waitForURL(lands), v.page.click(link)])
  await check?.()
  if (shot) await look(v.page, `${v.name}-${shot}`)
  else await expectAccessible(v.page)
  await v.page.goto(`${v.base}/home`)
}

const TASKS: Record<Role, (v: Visit) => Promise<void>> = {
  facilitator: async (v) => {
    const today = `main li:has(a:text-is("${TODAY_SESSION}"))`
    // Under "Today": the list right after the section's first subheading.
    expect(await v.page.locator(`#start-sessions + h3 + ul li:has(a:text-is("${TODAY_SESSION}"))`).count()).toBe(1)
    // Its links hand out a questionnaire nobody has checked: the page says so.
    await task(v, `${today} a[href$="/evaluation"]`, /\/sessions\/[0-9a-f-]{36}\/evaluation$/, async () => expect(await v.page.locator('#unchecked-questionnaires').textContent()).toContain(QUESTIONNAIRE_TITLE), 'links')
    await task(v, `${today} a[href$="/evaluation/qr"]`, /\/evaluation\/qr$/)
    await task(v, `${today} a[href$="#attendance"]`, /#attendance$/, async () => expect(await v.page.locator('#attendance').count()).toBe(1))
    // Yesterday's session: its report, a written answer to read and a pair to decide.
    await task(v, '#start-report ~ ul a[href$="#report"]', /#report$/, async () => expect(await v.page.locator('#report ~ form textarea[name=notes]').count()).toBe(1))
    await task(v, '#start-review ~ ul a[href$="/evaluation/comments"]', /\/evaluation\/comments$/)
    await task(v, '#start-review ~ ul .row-actions a[href$="/evaluation"]', /\/evaluation$/, async () => expect(await v.page.textContent('main')).toContain('AN'))
    await task(v, 'main a[href="/disclosures"]', /\/disclosures$/, async () => expect(await v.page.textContent('main')).toContain('diancam'))
  },
  coordinator: async (v) => {
    await task(v, '#start-report ~ ul a[href$="#report"]', /\/sessions\/[0-9a-f-]{36}#report$/)
    await task(v, '#start-overdue ~ ul a[href*="/sessions/new?area="]', /\/sessions\/new\?area=/, async () => expect(await v.page.inputValue('#f-areaId')).not.toBe(''))
    await task(v, '#start-library ~ ul a', /\/admin\/library\/revisions\/[0-9a-f-]{36}$/)
    await task(v, '#start-questionnaires ~ ul a', /\/questionnaires\/tes-singkat-uji\/edit$/, async () => {
      // Not its author: the coordinator who imported it cannot check it; the form is for the others.
      expect(await v.page.textContent('main')).toContain(QUESTIONNAIRE_TITLE)
      expect(await v.page.locator('main form[action$="/versions/1/check"]').count()).toBe(0)
    }, 'questionnaire')
    await task(v, '#start-progress ~ ul a[href$="/evaluation"]', /\/programmes\/[0-9a-f-]{36}\/evaluation$/)
  },
  partner: async (v) => {
    await task(v, '#start-partner ~ ul li > a', /\/programmes\/[0-9a-f-]{36}\/report$/, async () => {
      expect(await v.page.textContent('main')).toContain('[DEMO]')
      // The demo banner says the data is loaded, and tells a partner no command.
      expect(await v.page.textContent('.demo-banner')).not.toContain('npx jaga')
    })
    await task(v, '#start-partner ~ ul a[href$="/evaluation"]', /\/programmes\/[0-9a-f-]{36}\/evaluation$/)
  },
  admin: async (v) => {
    await task(v, '#start-invited ~ ul a', /\/admin\/users\/[0-9a-f-]{36}$/, async () => expect(await v.page.textContent('main')).toContain('Pengguna Baru'))
    expect(await v.page.textContent('main')).toContain(v.lang === 'id' ? 'Belum ada cadangan yang tercatat' : 'No backup has been recorded yet')
    await task(v, '#start-questionnaires ~ ul a', /\/questionnaires\/tes-singkat-uji\/edit$/, async () => expect(await v.page.locator('main form[action$="/versions/1/check"]').count()).toBe(1), 'questionnaire')
    await task(v, '#start-library ~ ul a', /\/admin\/library\/revisions\/[0-9a-f-]{36}$/)
  },
}

/** Signs in, checks the start page has its role's sections and a menu with the current page marked. */
async function landOnStart(page: Page, device: Device, account: Account, role: Role, lang: Lang, name: string) {
  await signIn(page, journey.server.url, account.email, account.password)
  expect(await page.getAttribute('html', 'lang')).toBe(lang)
  const main = (await page.textContent('main'))!
  for (const heading of HEADINGS[role][lang]) expect(main, `${role} ${lang}`).toContain(heading)
  await look(page, name)
  if (device === 'phone') {
    await openMenu(page)
    await expect(page.getAttribute('nav a[href="/home"]', 'aria-current')).resolves.toBe('page')
    expect(await page.locator('nav a[aria-current=page]').count()).toBe(1)
    await look(page, `${name}-menu`)
    await page.locator('nav details.menu > summary').click()
  } else {
    // On a wide screen the menu's links are in view without opening anything.
    await expect(page.locator('nav details.menu > summary').isVisible()).resolves.toBe(false)
    await expect(page.getAttribute('nav a[href="/home"]', 'aria-current')).resolves.toBe('page')
  }
}

describe('each role lands on its start page and reaches its work from there, on a phone and a desktop, in both languages', () => {
  let accounts: Map<Role, Account>
  const watched: string[][] = []
  beforeAll(async () => {
    accounts = await seedRoleHomes(journey)
  })

  for (const role of ['facilitator', 'coordinator', 'partner', 'admin'] as const) {
    it(`the ${role}`, async () => {
      const account = accounts.get(role)
      expect(account, role).toBeDefined()
      for (const { device, lang } of COMBOS) {
        const context = await contextFor(journey.browser, device, lang)
        const page = await context.newPage()
        watched.push(watchConsole(page))
        const name = `start-${role}-${device}-${lang}`
        await landOnStart(page, device, account!, role, lang, name)
        await TASKS[role]({ page, base: journey.server.url, name, lang })
        if (role !== 'partner' && device === 'desktop' && lang === 'en') {
          await fromMenu(page, 'Programmes')
          await page.waitForURL('**/programmes')
          await expect(page.getAttribute('nav a[href="/programmes"]', 'aria-current')).resolves.toBe('page')
        }
        await context.close()
      }
      expect(watched.flat().filter((e) => !/404|403|401|422|Failed to load resource/.test(e))).toEqual([])
    })
  }
})
