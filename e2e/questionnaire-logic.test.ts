import ExcelJS from 'exceljs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { addDays, localNow } from '../src/outreach/session-rules.ts'
import { HARJOSARI_I } from '../test/outreach-builders.ts'
import { apiCaller, jagaCommand, look, phoneContext, signIn, submitKept, useServerAndBrowser, watchConsole } from './browser.ts'

// Issue 14's staff pages in Chromium, on a phone and a desktop, in Indonesian and English: the builder's
// show-if picker and limits reaching the participant's form, an advanced expression refused at its field,
// and the XLSForm import preview naming what it leaves out before anything is saved.
const journey = useServerAndBrowser()
const PASSWORD = 'kata sandi yang cukup panjang'
const COORDINATOR = 'koordinator@jaga.test'
const today = () => localNow('Asia/Jakarta').slice(0, 10)
let api: (path: string, body: unknown) => Promise<any>

const SCREENS = [
  { device: 'phone', lang: 'id' },
  { device: 'phone', lang: 'en' },
  { device: 'desktop', lang: 'id' },
  { device: 'desktop', lang: 'en' },
] as const
type Screen = (typeof SCREENS)[number]

const WORDS = {
  id: {
    limit: 'Isi jumlah anak 1 sampai 20.',
    unknownFunction: 'Fungsi "pulldata()" tidak dikenal Jaga.',
    repeat: 'lembar survey, baris 4: Kelompok berulang "anak" (begin repeat) tidak dimasukkan',
    photo: 'lembar survey, baris 7: "foto" (type image) meminta foto, suara, video atau file',
    preview: 'Pratinjau impor',
    saved: 'Diimpor sebagai',
  },
  en: {
    limit: 'Write a number of children from 1 to 20.',
    unknownFunction: 'Jaga does not know the function "pulldata()".',
    repeat: 'sheet survey, row 4: Repeat "anak" (begin repeat) was left out',
    photo: 'sheet survey, row 7: "foto" (type image) asks for a photo, sound, video or file',
    preview: 'Import preview',
    saved: 'Imported as',
  },
}

async function contextFor(browser: Browser, screen: Screen): Promise<BrowserContext> {
  const locale = screen.lang === 'id' ? 'id-ID' : 'en-GB'
  return screen.device === 'phone' ? phoneContext(browser, locale) : browser.newContext({ viewport: { width: 1366, height: 768 }, locale })
}

/** A signed-in coordinator's page on this screen, with its console watched. */
async function coordinatorPage(screen: Screen): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await contextFor(journey.browser, screen)
  const page = await context.newPage()
  const errors = watchConsole(page)
  await signIn(page, journey.server.url, COORDINATOR, PASSWORD)
  return { page, context, errors }
}

/** Checked with axe, photographed, and no wider than the screen (a phone must not scroll sideways). */
async function see(page: Page, name: string): Promise<void> {
  await look(page, name)
  const { scroll, screen } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, screen: window.innerWidth }))
  expect(scroll, `${name} is wider than the screen`).toBeLessThanOrEqual(screen)
}

const value = (page: Page, selector: string) => page.locator(selector).inputValue()
const checkText = (page: Page, id: string) => page.evaluate((x) => (document.getElementById(`q-${x}-check`)?.hidden ? '' : (document.getElementById(`q-${x}-check`)?.textContent ?? '')), id)

beforeAll(() => {
  jagaCommand(journey, ['user', 'create', '--email', 'admin@jaga.test', '--role', 'admin', '--name', 'Admin'], PASSWORD + '\n')
  jagaCommand(journey, ['user', 'create', '--email', COORDINATOR, '--role', 'coordinator', '--name', 'Rina Koordinator'], PASSWORD + '\n')
  const token = jagaCommand(journey, ['token', 'create', '--email', 'admin@jaga.test']).trim().split('\n').pop()!
  api = apiCaller(journey, token)
})

describe('the questionnaire builder with logic', () => {
  for (const screen of SCREENS) {
    const tag = `${screen.device}-${screen.lang}`
    it(`builds a show-only-when question by the picker, opens it again as the same pick, adds limits in both languages, and the participant sees it only when the answer fits (${tag})`, async () => {
      const words = WORDS[screen.lang]
      const key = `logika-${tag}`
      const { page, context, errors } = await coordinatorPage(screen)
      await page.goto(`${journey.server.url}/questionnaires/new`)
      await page.fill('#f-key', key)
      await page.selectOption('#f-kind', 'feedback')
      await page.selectOption('#f-audience', 'adults')
      await page.fill('#f-titleId', 'Survei keluarga')
      await page.fill('#f-titleEn', 'Family survey')
      await Promise.all([page.waitForURL(`**/questionnaires/${key}/edit?created=1`), page.click('main form[action="/questionnaires"] button[type=submit]')])

      const addForm = `main form[action="/questionnaires/${key}/items"]`
      await page.fill('#f-id', 'has_children')
      await page.selectOption('#f-kind', 'single')
      await page.fill('#f-labelId', 'Apakah Anda punya anak?')
      await page.fill('#f-labelEn', 'Do you have children?')
      await page.fill('#f-options', 'yes | Ya | Yes\nno | Tidak | No')
      await page.selectOption('#f-required', 'always')
      await submitKept(page, `${addForm} button[type=submit]`)

      // The picker: question, operator, value; no expression written.
      await page.fill('#f-id', 'children')
      await page.selectOption('#f-kind', 'number')
      await page.fill('#f-labelId', 'Berapa anak Anda?')
      await page.fill('#f-labelEn', 'How many children do you have?')
      await page.selectOption('#f-required', 'never')
      await page.selectOption('#f-showQ', 'has_children')
      await page.selectOption('#f-showOp', 'eq')
      await page.fill('#f-showValue', 'yes')
      await see(page, `questionnaire-logic-picker-${tag}`)
      await submitKept(page, `${addForm} button[type=submit]`)
      await expect(page.locator('main ol.builder-items').textContent()).resolves.toContain("${has_children} = 'yes'")
      // Edit, Up, Down and Delete sit together under each question (a form inside a <p> used to split them).
      const together = await page.locator('main ol.builder-items > li').first().evaluate((li) => li.querySelector('a[href$="/edit"]')?.parentElement === li.querySelector('form[action$="/delete"]')?.parentElement)
      expect(together).toBe(true)
      await see(page, `questionnaire-logic-builder-${tag}`)

      // Opened again: the same pick, with the value now one of the question's options.
      await page.goto(`${journey.server.url}/questionnaires/${key}/items/children/edit`)
      await expect(value(page, '#f-showQ')).resolves.toBe('has_children')
      await expect(value(page, '#f-showOp')).resolves.toBe('eq')
      await expect(page.locator('#f-showValue').evaluate((e) => e.tagName)).resolves.toBe('SELECT')
      await expect(value(page, '#f-showValue')).resolves.toBe('yes')
      await expect(page.locator('details:has(#f-showExpr)').evaluate((e) => (e as HTMLDetailsElement).open)).resolves.toBe(false)
      await page.fill('#f-min', '1')
      await page.fill('#f-max', '20')
      await page.check('#f-integer')
      await page.fill('#f-constraintMsgId', WORDS.id.limit)
      await page.fill('#f-constraintMsgEn', WORDS.en.limit)
      await see(page, `questionnaire-logic-item-${tag}`)
      await submitKept(page, `main form[action="/questionnaires/${key}/items/children"] button[type=submit]`)
      await expect(page.locator('main ol.builder-items').textContent()).resolves.toContain('. >= 1 and . <= 20')

      // An advanced expression with a function Jaga does not have: refused at its field, the page still accessible.
      await page.fill('#f-id', 'note_later')
      await page.selectOption('#f-kind', 'text')
      await page.fill('#f-labelId', 'Catatan')
      await page.fill('#f-labelEn', 'Notes')
      await page.locator('details:has(#f-showExpr) > summary').click()
      await page.fill('#f-showExpr', 'pulldata(${children}, 1)')
      await submitKept(page, `${addForm} button[type=submit]`)
      await expect(page.locator('#f-showExpr-error').textContent()).resolves.toContain(words.unknownFunction)
      await expect(page.getAttribute('#f-showExpr', 'aria-describedby')).resolves.toContain('f-showExpr-error')
      await expect(page.locator('#f-showExpr').isVisible()).resolves.toBe(true)
      await see(page, `questionnaire-logic-expr-error-${tag}`)
      // The refused form's 422 is the browser's only note; nothing else may reach the console.
      expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([])
      await context.close()

      // A participant on the same kind of screen: the question appears only with "yes", with the limit's own words.
      const programme = await api('/api/v1/programmes', { name: `Jaga Keluarga ${tag}`, startsOn: addDays(today(), -10), endsOn: addDays(today(), 100), status: 'active', areaIds: [HARJOSARI_I] })
      const session = await api('/api/v1/sessions', { programmeId: programme.id, title: 'Sosialisasi keluarga', format: 'seminar', areaId: HARJOSARI_I, venue: 'Aula', startsAt: `${today()}T00:05`, endsAt: `${today()}T23:55`, audiences: ['parents'] })
      const { links } = (await api(`/api/v1/sessions/${session.id}/evaluation`, { groupKind: 'parents', questionnaireKey: key, feedback: false })) as { links: { phase: string; url: string }[] }
      const participant = await contextFor(journey.browser, screen)
      const form = await participant.newPage()
      const formErrors = watchConsole(form)
      await form.goto(journey.server.url + new URL(links.find((l) => l.phase === 'pre')!.url).pathname)
      await expect(form.isHidden('#q-children')).resolves.toBe(true)
      await form.check('#q-has_children input[value=no]')
      await expect(form.isHidden('#q-children')).resolves.toBe(true)
      await form.check('#q-has_children input[value=yes]')
      await expect(form.isVisible('#q-children')).resolves.toBe(true)
      await form.fill('#q-children', '25')
      await form.press('#q-children', 'Tab')
      await expect(checkText(form, 'children')).resolves.toBe(words.limit)
      await see(form, `questionnaire-logic-participant-${tag}`)
      await form.check('#q-has_children input[value=no]')
      await expect(form.isHidden('#q-children')).resolves.toBe(true)
      expect(formErrors).toEqual([])
      await participant.close()
    })
  }
})

/** An XLSForm as KoboToolbox writes one: skip logic, a repeat group and a photo question. */
async function anXlsForm(formId: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.addWorksheet('survey').addRows([
    ['type', 'name', 'label::Indonesian (id)', 'label::English (en)', 'relevant', 'required'],
    ['select_one yn', 'punya_anak', 'Apakah Anda punya anak?', 'Do you have children?', '', 'yes'],
    ['integer', 'jumlah_anak', 'Berapa anak Anda?', 'How many children do you have?', "${punya_anak} = 'ya'", ''],
    ['begin repeat', 'anak', 'Anak', 'Child', '', ''],
    ['integer', 'umur_anak', 'Umur anak', "Child's age", '', ''],
    ['end repeat', '', '', '', '', ''],
    ['image', 'foto', 'Foto rumah', 'Photo of the home', '', ''],
    ['text', 'catatan', 'Catatan lain', 'Anything else', '', ''],
  ])
  book.addWorksheet('choices').addRows([
    ['list_name', 'name', 'label::Indonesian (id)', 'label::English (en)'],
    ['yn', 'ya', 'Ya', 'Yes'],
    ['yn', 'tidak', 'Tidak', 'No'],
  ])
  book.addWorksheet('settings').addRows([
    ['form_title', 'form_id'],
    ['Survei rumah tangga', formId],
  ])
  return Buffer.from(await book.xlsx.writeBuffer())
}

describe('the XLSForm import preview', () => {
  for (const screen of SCREENS) {
    const tag = `${screen.device}-${screen.lang}`
    it(`shows the participant's form and names the repeat and photo rows by sheet and row, and saves nothing until Save (${tag})`, async () => {
      const words = WORDS[screen.lang]
      const key = `survei-rt-${tag}`
      const { page, context, errors } = await coordinatorPage(screen)
      await page.goto(`${journey.server.url}/questionnaires`)
      await see(page, `questionnaire-import-list-${tag}`)
      await page.setInputFiles('#f-xlsform', { name: 'survei rumah tangga.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await anXlsForm(key) })
      await Promise.all([page.waitForURL('**/questionnaires/import'), page.click('main form[action="/questionnaires/import"] button[type=submit]')])
      await expect(page.textContent('h1')).resolves.toContain(words.preview)
      const notKept = await page.locator('section[aria-labelledby="not-kept-title"]').textContent()
      expect(notKept).toContain(words.repeat)
      expect(notKept).toContain(words.photo)
      // The participant's form: the kept questions in the page's language, none of the left-out ones.
      const sample = page.locator('section.import-preview')
      await expect(sample.locator('#q-punya_anak').textContent()).resolves.toContain(screen.lang === 'id' ? 'Apakah Anda punya anak?' : 'Do you have children?')
      await expect(sample.locator('#q-catatan').count()).resolves.toBe(1)
      // "This preview shows them all": the skip-logic question is in view, not hidden until an answer that cannot be given here.
      await expect(sample.locator('#q-jumlah_anak').isVisible()).resolves.toBe(true)
      await expect(sample.locator('label[for=q-catatan] .item-number').textContent()).resolves.toBe(screen.lang === 'id' ? 'Pertanyaan 3 dari 3' : 'Question 3 of 3')
      for (const gone of ['umur_anak', 'foto']) await expect(sample.locator(`#q-${gone}`).count()).resolves.toBe(0)
      await see(page, `questionnaire-import-preview-${tag}`)

      // Nothing exists before Save.
      const list = await context.newPage()
      await list.goto(`${journey.server.url}/questionnaires`)
      await expect(list.locator('main table').textContent()).resolves.not.toContain(key)
      await list.close()

      await Promise.all([page.waitForURL('**/questionnaires/import/save'), page.click('main form[action="/questionnaires/import/save"] button[type=submit]')])
      await expect(page.locator('main .alert-success, main [role=status]').first().textContent()).resolves.toContain(words.saved)
      await expect(page.locator('main table').textContent()).resolves.toContain(key)
      await see(page, `questionnaire-import-saved-${tag}`)
      expect(errors).toEqual([])
      await context.close()
    })
  }
})
