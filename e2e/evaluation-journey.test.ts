import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import jsQRModule from 'jsqr'
import { describe, expect, it } from 'vitest'
import { addDays, localNow } from '../src/outreach/session-rules.ts'
import { HARJOSARI_I } from '../test/outreach-builders.ts'
import { jagaCommand, look, phoneContext, screenshot, SCREENSHOT_DIR, signIn, useServerAndBrowser, watchConsole } from './browser.ts'

const journey = useServerAndBrowser()
// jsqr is a UMD bundle whose module.exports is the function itself; its types describe an ES default export.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default
const PASSWORD = 'kata sandi yang cukup panjang'
const COORDINATOR = 'rina@jaga.test'
const today = () => localNow('Asia/Jakarta').slice(0, 10)
const main = (page: Page) => page.innerText('main').then((t) => t.replace(/\s+/g, ' '))

const jaga = (args: string[], input = '') => jagaCommand(journey, args, input)

/** A programme and a session held this morning for parents, made through the API as an integration would. */
async function aSessionThroughTheApi(): Promise<string> {
  jaga(['user', 'create', '--email', COORDINATOR, '--role', 'coordinator', '--name', 'Rina Koordinator'], PASSWORD + '\n')
  const token = jaga(['token', 'create', '--email', COORDINATOR]).trim().split('\n').pop()!
  const api = async (p: string, body: unknown) => {
    const res = await fetch(journey.server.url + p, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    if (res.status !== 201) throw new Error(`${p}: ${res.status} ${await res.text()}`)
    return (await res.json()) as { id: string }
  }
  const programme = await api('/api/v1/programmes', { name: 'Jaga Harjosari', startsOn: addDays(today(), -10), endsOn: addDays(today(), 200), status: 'active', areaIds: [HARJOSARI_I] })
  const session = await api('/api/v1/sessions', { programmeId: programme.id, title: 'Sosialisasi orang tua RW 03', format: 'seminar', areaId: HARJOSARI_I, venue: 'Balai warga', startsAt: `${today()}T00:05`, endsAt: `${today()}T23:55`, audiences: ['parents'] })
  return session.id
}

/** What a parent does on their own phone: open the link, make the code, answer, send. */
async function answer(page: Page, url: string, code: { mother: string; day: string; own: string; siblings: string }, answers: (page: Page) => Promise<void>) {
  await page.goto(url)
  await page.fill('#c-mother', code.mother)
  await page.fill('#c-day', code.day)
  await page.fill('#c-own', code.own)
  await page.fill('#c-siblings', code.siblings)
  await answers(page)
}

/** Decodes every QR code on the page from a screenshot of it (jsQR), so a code that would not scan fails the test. */
async function readQrCodes(page: Page): Promise<(string | null)[]> {
  const found: (string | null)[] = []
  for (const svg of await page.$$('.qr-card svg')) {
    const png = (await svg.screenshot()).toString('base64')
    // A blank page turns the PNG back into pixels (Jaga's own pages allow no data: images); jsQR reads them here.
    const blank = await page.context().newPage()
    const { width, height, data } = await blank.evaluate(async (b64) => {
      const img = new Image()
      img.src = `data:image/png;base64,${b64}`
      await img.decode()
      const canvas = document.createElement('canvas')
      canvas.width = img.width
      canvas.height = img.height
      const ctx = canvas.getContext('2d')!
      ctx.drawImage(img, 0, 0)
      return { width: img.width, height: img.height, data: Array.from(ctx.getImageData(0, 0, img.width, img.height).data) }
    }, png)
    await blank.close()
    found.push(jsQR(Uint8ClampedArray.from(data), width, height)?.data ?? null)
  }
  return found
}

/** Ticks an answer for every question: the first `right` knowledge items correctly (as shipped), the rest wrongly. */
async function knowledgeAnswers(page: Page, right: number) {
  const items = await page.$$eval('fieldset.item', (sets) => sets.map((s) => ({ id: s.id, values: Array.from(s.querySelectorAll('input'), (i) => (i as HTMLInputElement).value) })))
  // The shipped parents' test: its answers in order (content/questionnaires/knowledge-parents.json).
  const key = ['true', 'b', 'true', 'false', 'false', 'b', 'true', 'a', 'false', 'b', 'false', 'true', 'c', 'true', 'false']
  for (const [n, item] of items.entries()) {
    const value = n < right ? key[n]! : item.values.find((v) => v !== key[n])!
    await page.check(`#${item.id} input[value="${value}"]`)
  }
}

describe('evaluation, on phones', () => {
  it('opens a session’s questionnaires, takes pre answers (one sent after the network came back, once), post and feedback, and reports the matched pairs', async () => {
    const sessionId = await aSessionThroughTheApi()
    const base = journey.server.url

    // The coordinator opens the questionnaires on her phone and shows the QR codes.
    const staff = await phoneContext(journey.browser, 'id-ID')
    const page = await staff.newPage()
    const errors = watchConsole(page)
    await signIn(page, base, COORDINATOR, PASSWORD)
    await page.goto(`${base}/sessions/${sessionId}`)
    await page.click('text=Kuesioner pre/post, kode QR dan hasil')
    await page.waitForURL('**/evaluation')
    await look(page, 'evaluation-open-id')
    await page.selectOption('#f-groupKind', 'parents')
    await page.click('main form button.primary')
    await page.waitForURL('**/evaluation?opened=1')
    await expect(main(page)).resolves.toContain('Kuesioner dibuka.')
    await page.click('main a:has-text("Kode QR")')
    await page.waitForURL('**/evaluation/qr')
    await look(page, 'evaluation-qr-id')
    const urls = await page.$$eval('.qr-card strong', (s) => s.map((x) => x.textContent!.trim()))
    expect(urls).toHaveLength(3)
    expect(await page.$$eval('.qr-card svg[role=img]', (s) => s.length)).toBe(3)
    const [preUrl, postUrl, feedbackUrl] = urls as [string, string, string]
    expect(preUrl).toMatch(new RegExp(`^${base}/q/[a-z2-9]{10}$`))
    // Each printed QR code, as the phone's camera would see it on screen, reads as the address under it.
    expect(await readQrCodes(page)).toEqual(urls)

    // Parent 1 loads the pre questionnaire, then loses the connection before sending.
    const phones: BrowserContext[] = []
    const parent = async () => {
      const context = await phoneContext(journey.browser, 'id-ID')
      phones.push(context)
      return context.newPage()
    }
    const p1 = await parent()
    const p1Errors = watchConsole(p1)
    await answer(p1, preUrl, { mother: 'si', day: '7', own: 'a', siblings: '2' }, (pg) => knowledgeAnswers(pg, 6))
    await look(p1, 'evaluation-pre-form-id')
    const cdp = await p1.context().newCDPSession(p1)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
    await p1.click('form[data-collect] button[type=submit]')
    await p1.waitForFunction(() => /disimpan di HP ini/.test(document.getElementById('collect-status')?.textContent ?? ''))
    await screenshot(p1, 'evaluation-offline-saved-id')
    const outbox = await p1.evaluate(() => JSON.parse(localStorage.getItem('jaga-collect-outbox') ?? '[]').length)
    expect(outbox).toBe(1)
    // Back online: the saved answers go out by themselves, once.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
    await p1.waitForFunction(() => /sudah terkirim/.test(document.getElementById('collect-status')?.textContent ?? ''), null, { timeout: 30_000 })
    expect(await p1.evaluate(() => localStorage.getItem('jaga-collect-outbox'))).toBe('[]')
    // A second trigger (the browser's online event firing again) sends nothing more.
    await p1.evaluate(() => window.dispatchEvent(new Event('online')))
    await look(p1, 'evaluation-sent-later-id')

    // Parent 2 answers pre online, in English.
    const p2Context = await phoneContext(journey.browser, 'en-GB')
    phones.push(p2Context)
    const p2 = await p2Context.newPage()
    await answer(p2, preUrl, { mother: 'BU', day: '12', own: 'N', siblings: '0' }, (pg) => knowledgeAnswers(pg, 8))
    await look(p2, 'evaluation-pre-form-en')
    await p2.click('form[data-collect] button[type=submit]')
    await p2.waitForFunction(() => /Your answers have been received/.test(document.getElementById('collect-status')?.textContent ?? ''))

    // After the session: post on the same phones (parent 1 types day "07" this time: the same code), and feedback.
    await answer(p1, postUrl, { mother: 'SI', day: '07', own: 'A', siblings: '2' }, (pg) => knowledgeAnswers(pg, 13))
    await p1.click('form[data-collect] button[type=submit]')
    await p1.waitForFunction(() => /Jawaban Anda sudah diterima/.test(document.getElementById('collect-status')?.textContent ?? ''))
    await answer(p2, postUrl, { mother: 'BU', day: '12', own: 'N', siblings: '0' }, (pg) => knowledgeAnswers(pg, 14))
    await p2.click('form[data-collect] button[type=submit]')
    await p2.waitForFunction(() => /received/.test(document.getElementById('collect-status')?.textContent ?? ''))
    await answer(p1, feedbackUrl, { mother: 'SI', day: '7', own: 'A', siblings: '2' }, async (pg) => {
      await pg.check('#q-useful input[value="5"]')
      await pg.check('#q-clear input[value="4"]')
      await pg.fill('#q-want_to_know', 'Cara mengatur akun anak di TikTok')
    })
    await look(p1, 'evaluation-feedback-id')
    await p1.click('form[data-collect] button[type=submit]')
    await p1.waitForFunction(() => /Jawaban Anda sudah diterima/.test(document.getElementById('collect-status')?.textContent ?? ''))

    // Parent 2 opens the feedback link, closes it, and has no signal when she opens it again:
    // the form comes from her phone, her answers wait there, and go when the signal is back.
    await p2.goto(feedbackUrl)
    await p2.evaluate(() => navigator.serviceWorker.ready.then(() => true))
    // Polled inside one evaluate: waitForFunction would take the pending promise for a yes.
    await p2.evaluate(async (u) => {
      while (!(await caches.match(new URL(u).pathname, { ignoreVary: true }))) await new Promise((r) => setTimeout(r, 100))
    }, feedbackUrl)
    await p2.close()
    await p2Context.setOffline(true)
    const p2again = await p2Context.newPage()
    const p2Errors = watchConsole(p2again)
    await answer(p2again, feedbackUrl, { mother: 'BU', day: '12', own: 'N', siblings: '0' }, async (pg) => {
      await pg.check('#q-useful input[value="4"]')
      await pg.check('#q-clear input[value="5"]')
      await pg.fill('#q-want_to_know', 'How to report a fake account')
    })
    await look(p2again, 'evaluation-feedback-offline-en')
    await p2again.click('form[data-collect] button[type=submit]')
    await p2again.waitForFunction(() => /kept on this phone/.test(document.getElementById('collect-status')?.textContent ?? ''))
    // A link this phone never opened says so, in both languages, instead of the browser's error.
    const never = await p2Context.newPage()
    await never.goto(`${base}/q/zzzzzzzzzz`)
    await expect(never.textContent('body')).resolves.toContain('No connection')
    await never.close()
    await p2Context.setOffline(false)
    await p2again.evaluate(() => window.dispatchEvent(new Event('online')))
    await p2again.waitForFunction(() => /have been sent/.test(document.getElementById('collect-status')?.textContent ?? ''), null, { timeout: 30_000 })

    // The written answers wait for a referral person (here the coordinator) to read and release them.
    await page.goto(`${base}/sessions/${sessionId}/evaluation/comments`)
    await look(page, 'evaluation-comments-id')
    for (let n = 0; n < 2; n++) {
      await page.click('main form[action$="/release"] button')
      await page.waitForLoadState()
    }
    expect(await main(page)).toContain('Tidak ada komentar yang menunggu.')

    // The coordinator's report shows the matched pairs and the change in words.
    await page.goto(`${base}/sessions/${sessionId}/evaluation`)
    const report = await main(page)
    expect(report).toContain('2 dari 2 jawaban sebelum berpasangan dengan jawaban sesudah (100%)')
    expect(report).toMatch(/Pasangan 2/)
    // Paired: before (6 + 8) / 2 = 7 of 15 = 47%; after (13 + 14) / 2 = 13.5 = 90%.
    expect(report).toContain('pengetahuan naik dari 47% menjadi 90%')
    expect(report).toContain('Kelompok kecil')
    expect(report).toContain('Cara mengatur akun anak di TikTok')
    expect(report).toContain('How to report a fake account')
    await look(page, 'evaluation-report-id')
    await page.goto(`${base}/sessions/${sessionId}/evaluation/live`)
    await look(page, 'evaluation-live-id')
    await page.goto(`${base}/lang/en?next=${encodeURIComponent(`/sessions/${sessionId}/evaluation`)}`)
    await expect(main(page)).resolves.toContain('Among paired participants, knowledge rose from 47% to 90%.')
    await look(page, 'evaluation-report-en')

    // The PDF report, kept beside the screenshots as pages to look at.
    const pdf = await page.evaluate(async (p) => Array.from(new Uint8Array(await (await fetch(p)).arrayBuffer())), `/sessions/${sessionId}/evaluation/report.pdf`)
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
    fs.writeFileSync(path.join(SCREENSHOT_DIR, 'evaluation-report-en.pdf'), Buffer.from(pdf))
    execFileSync('pdftoppm', ['-png', '-r', '60', path.join(SCREENSHOT_DIR, 'evaluation-report-en.pdf'), path.join(SCREENSHOT_DIR, 'evaluation-report-en-pdf')])

    // Exactly one stored answer per phone and phase: the resend after the outage made no copy.
    const csv = await page.evaluate(async (p) => (await fetch(p)).text(), `/sessions/${sessionId}/evaluation/answers.csv`)
    const rows = csv.trim().split('\n').slice(1)
    expect(rows.map((r) => r.split(',').slice(0, 2).join(' ')).sort()).toEqual(['BU-12-N-0 post', 'BU-12-N-0 pre', 'SI-07-A-2 post', 'SI-07-A-2 pre'])
    expect([...errors, ...p1Errors, ...p2Errors].filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([])
    for (const c of [staff, ...phones]) await c.close()
  })
})
