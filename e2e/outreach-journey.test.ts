import { spawnSync } from 'node:child_process'
import path from 'node:path'
import ICAL from 'ical.js'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addDays, localNow } from '../src/outreach/session-rules.ts'
import { HARJOSARI_I, TIMBANG_DELI } from '../test/outreach-builders.ts'
import { ROOT } from '../test/server-process.ts'
import { look, phoneContext, signIn, submitKept, useServerAndBrowser, watchConsole } from './browser.ts'

const journey = useServerAndBrowser()
const PASSWORD = 'kata sandi yang cukup panjang'
const people = { coordinator: 'sari@jaga.test', facilitator: 'dedi@jaga.test', partner: 'uptd@jaga.test' } as const

function createUser(role: keyof typeof people, name: string, extra: string[] = []) {
  const env = { ...process.env, JAGA_DATA_DIR: journey.server.dataDir }
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/jaga.js'), 'user', 'create', '--email', people[role], '--role', role, '--name', name, ...extra], { input: PASSWORD + '\n', env, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
}

const today = () => localNow('Asia/Jakarta').slice(0, 10)
const main = (page: Page) => page.innerText('main').then((t) => t.replace(/\s+/g, ' '))

describe('outreach, on a phone', () => {
  it('plans a programme and sessions in two kelurahan, records attendance, and shows coverage, the calendar feed and a partner’s suppressed view', async () => {
    createUser('coordinator', 'Sari Koordinator')
    createUser('facilitator', 'Dedi Fasilitator')
    const base = journey.server.url

    // The coordinator plans the programme on her phone.
    const coordinatorContext = await phoneContext(journey.browser, 'id-ID')
    const page = await coordinatorContext.newPage()
    const errors = watchConsole(page)
    await signIn(page, base, people.coordinator, PASSWORD)
    // The partner institution first: a partner account sees only the programmes its institution is in.
    await page.goto(base + '/partners/new')
    await page.fill('#f-name', 'UPTD PPA Kota Medan')
    await page.selectOption('#f-kind', 'women-children-service-unit')
    await page.click('main button[type=submit]')
    await page.waitForURL('**/partners?saved=1')
    createUser('partner', 'Mitra UPTD', ['--partner', 'UPTD PPA Kota Medan'])
    await page.goto(base + '/programmes/new')
    await page.fill('#f-name', 'Jaga Amplas 2027')
    await page.fill('#f-startsOn', addDays(today(), -30))
    await page.fill('#f-endsOn', addDays(today(), 300))
    await page.selectOption('#f-status', 'active')
    await page.check(`input[name=areaIds][value="${HARJOSARI_I}"]`)
    await page.check(`input[name=areaIds][value="${TIMBANG_DELI}"]`)
    await page.check('label:has-text("Dedi Fasilitator") input[name=facilitatorIds]')
    await page.check('label:has-text("UPTD PPA Kota Medan") input[name=partnerIds]')
    await look(page, 'programme-form-id')
    await page.click('main button[type=submit]')
    // Saving opens the new programme's page.
    await page.waitForURL('**/programmes/*?saved=1')
    await expect(page.textContent('main h1')).resolves.toContain('Jaga Amplas 2027')
    const programmeUrl = page.url().replace(/\?.*$/, '')

    // A session yesterday in Harjosari I, for parents and teachers.
    await page.click('text=Jadwalkan kegiatan')
    await page.fill('#f-title', 'Sosialisasi orang tua dan guru')
    await page.selectOption('#f-areaId', { label: 'Harjosari I' })
    await page.fill('#f-venue', 'Aula Kelurahan Harjosari I')
    await page.fill('#f-startsAt', `${addDays(today(), -1)}T09:00`)
    await page.fill('#f-endsAt', `${addDays(today(), -1)}T11:00`)
    await page.check('input[name=audiences][value=parents]')
    await page.check('input[name=audiences][value=teachers]')
    await page.click('summary:has-text("Materi yang dipakai")')
    await page.check('input[name=materials][value=kit-parents]')
    await look(page, 'session-form-id')
    await page.click('main button[type=submit]')
    await page.waitForURL('**/sessions/*?saved=1')
    await expect(main(page)).resolves.toContain('Kegiatan disimpan.')

    // A second one at the same hour in Timbang Deli: the facilitator would be double-booked.
    await page.goto(programmeUrl)
    await page.click('text=Jadwalkan kegiatan')
    await page.fill('#f-title', 'Kelas remaja Timbang Deli')
    await page.selectOption('#f-format', 'class')
    await page.selectOption('#f-areaId', { label: 'Timbang Deli' })
    await page.fill('#f-startsAt', `${addDays(today(), -1)}T10:00`)
    await page.fill('#f-endsAt', `${addDays(today(), -1)}T11:30`)
    await page.check('input[name=audiences][value=children-13-17]')
    await submitKept(page, 'main button[type=submit]')
    await expect(main(page)).resolves.toContain('Fasilitator sudah punya jadwal lain')
    await look(page, 'session-clash-id')
    await page.fill('#f-startsAt', `${addDays(today(), 6)}T10:00`)
    await page.fill('#f-endsAt', `${addDays(today(), 6)}T11:30`)
    await page.click('main button[type=submit]')
    await page.waitForURL('**/sessions/*?saved=1')

    // Every lingkungan (here: each kelurahan) every 3 months.
    await page.goto(programmeUrl)
    await page.selectOption('#f-visit-areaId', { label: 'Timbang Deli' })
    await page.fill('#f-visit-everyMonths', '3')
    await page.click('form[action$="/visit-plans"] button[type=submit]')
    await expect(main(page)).resolves.toContain('Timbang Deli: setiap 3 bulan')
    await look(page, 'programme-detail-id')

    // The facilitator records who came, as counts.
    const facilitatorContext = await phoneContext(journey.browser, 'id-ID')
    const phone = await facilitatorContext.newPage()
    const facilitatorErrors = watchConsole(phone)
    await signIn(phone, base, people.facilitator, PASSWORD)
    await phone.goto(base + `/calendar?month=${addDays(today(), -1).slice(0, 7)}`)
    await look(phone, 'calendar-month-id')
    await phone.click('a.event:has-text("Sosialisasi orang tua dan guru")')
    await phone.fill('input[name="n.parents.female.18+"]', '12')
    // The keyboard offers digits only; a count no session could have is refused by the server.
    await phone.fill('input[name="n.parents.male.18+"]', '9000')
    await submitKept(phone, 'form.attendance button[type=submit]')
    await expect(phone.textContent('[id="n.parents.male.18+-error"]')).resolves.toContain('Jumlah ini terlalu besar untuk satu kegiatan (paling banyak 5.000).')
    await look(phone, 'attendance-error-id')
    await phone.fill('input[name="n.parents.male.18+"]', '3')
    await phone.fill('input[name="n.teachers.female.18+"]', '3')
    // The hall has no signal when she presses save: the counts wait on the phone and go when it returns.
    const cdp = await facilitatorContext.newCDPSession(phone)
    await cdp.send('Network.enable')
    const network = (offline: boolean) => cdp.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
    await network(true)
    await phone.click('form.attendance button[type=submit]')
    await phone.waitForFunction(() => /disimpan di perangkat ini/.test(document.querySelector('[data-keep-status]')?.textContent ?? ''))
    await look(phone, 'attendance-offline-id')
    await network(false)
    await Promise.all([phone.waitForNavigation(), phone.evaluate(() => window.dispatchEvent(new Event('online')))])
    await expect(main(phone)).resolves.toContain('Kehadiran disimpan: 18 orang.')
    await look(phone, 'session-held-id')

    // Her phone calendar subscribes to her sessions.
    await phone.goto(base + '/calendar/feeds')
    await phone.click('main button:has-text("Buat alamat untuk kegiatan saya")')
    const feedUrl = (await phone.textContent('code.code-line'))!.trim()
    await look(phone, 'calendar-feeds-id')
    const feed = await (await phone.request.get(feedUrl.replace(/^http:\/\/localhost:\d+/, base))).text()
    const summaries = new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).summary)
    expect(summaries.sort()).toEqual(['Kelas remaja Timbang Deli (Kelas)', 'Sosialisasi orang tua dan guru (Seminar)'])

    // Coverage for the coordinator: exact numbers and a chart.
    await page.goto(base + '/coverage')
    await expect(main(page)).resolves.toContain('1 dari 2 kelurahan sudah dijangkau · 1 kegiatan terlaksana · 18 orang')
    expect(await page.locator('svg[role=img]').count()).toBe(2)
    await look(page, 'coverage-coordinator-id')

    // The partner sees aggregates only: 3 teachers are hidden, and the 15 parents beside them too.
    const partnerContext = await phoneContext(journey.browser, 'en-GB')
    const partner = await partnerContext.newPage()
    const partnerErrors = watchConsole(partner)
    await signIn(partner, base, people.partner, PASSWORD)
    await partner.goto(base + '/lang/en?next=/coverage')
    const partnerView = await main(partner)
    expect(partnerView).toContain('Counts under 5 people are hidden')
    expect(partnerView).toMatch(/Harjosari I 1 18 <5 <5 0/)
    // 15 would give the 3 teachers away (18 − 15): it is hidden in the cells, the column totals and the chart.
    expect(partnerView).not.toMatch(/\b15\b/)
    await look(partner, 'coverage-partner-en')
    expect((await partner.goto(programmeUrl))!.status()).toBe(403)
    // The programme's report and its evaluation results are open to the partner, the latter with small groups left out.
    await partner.goto(programmeUrl + '/report')
    await partner.click('main a:has-text("Evaluation results")')
    // No pairs and a few pairs read alike for a partner, so neither gives away that someone answered.
    await expect(main(partner)).resolves.toContain('Results are shown to partners from 5 before/after pairs; there are fewer here so far')
    await look(partner, 'programme-evaluation-partner-en')

    // The report, and the pages above in English too.
    await page.goto(base + '/lang/en?next=' + encodeURIComponent(new URL(programmeUrl).pathname + '/report'))
    await expect(main(page)).resolves.toContain('Programme report: Jaga Amplas 2027')
    await look(page, 'programme-report-en')
    for (const [url, name] of [[new URL(programmeUrl).pathname, 'programme-detail-en'], ['/calendar?view=list', 'calendar-list-en'], ['/coverage', 'coverage-coordinator-en'], ['/referrals/new', 'referral-form-en']] as const) {
      await page.goto(base + url)
      await look(page, name)
    }
    // A refused form (422) and the partner's refused programme page (403) are answers this journey asked for.
    expect([...errors, ...facilitatorErrors, ...partnerErrors].filter((e) => !/status of (422|403)|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([])
  })
})
