import { describe, expect, it } from 'vitest'
import { twoQuestionXlsform } from '../test/xlsform-upload.ts'
import { jagaCommand, look, phoneContext, signIn, useServerAndBrowser } from './browser.ts'

// The builder's check form on a phone: it carries the fingerprint of the text shown (a check approves
// only what the checker read), and a note over 500 characters comes back as a field error, not cut.
const journey = useServerAndBrowser()

const AUTHOR = { email: 'penyusun@jaga.test', password: 'kata sandi penyusun yang panjang' }
const CHECKER = { email: 'pemeriksa@jaga.test', password: 'kata sandi pemeriksa yang panjang' }

async function importAs(email: string, key: string, title: string): Promise<void> {
  const token = jagaCommand(journey, ['token', 'create', '--email', email]).trim().split('\n').pop()!
  const xlsx = new Uint8Array(await (await twoQuestionXlsform(key, title)).arrayBuffer())
  const res = await fetch(`${journey.server.url}/api/v1/questionnaires/import`, { method: 'POST', body: xlsx, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } })
  expect(res.status).toBe(201)
}

describe('checking a questionnaire on a phone', () => {
  it('shows a note that is too long next to its field, then marks the version checked, in both languages', async () => {
    jagaCommand(journey, ['user', 'create', '--email', AUTHOR.email, '--role', 'coordinator', '--name', 'Ani Penyusun'], AUTHOR.password + '\n')
    jagaCommand(journey, ['user', 'create', '--email', CHECKER.email, '--role', 'coordinator', '--name', 'Budi Pemeriksa'], CHECKER.password + '\n')
    for (const lang of ['id', 'en'] as const) {
      const key = `tes-cek-${lang}`
      await importAs(AUTHOR.email, key, `Tes cek ${lang}`)
      const context = await phoneContext(journey.browser, lang === 'id' ? 'id-ID' : 'en-GB')
      const page = await context.newPage()
      await signIn(page, journey.server.url, CHECKER.email, CHECKER.password)
      await page.goto(`${journey.server.url}/questionnaires/${key}/edit`)
      expect(await page.locator('main form[action$="/versions/1/check"] input[name="fingerprint"]').getAttribute('value')).toMatch(/^[0-9a-f]{32}$/)
      // The textarea stops typing at 500; an old browser or a pasted form may not.
      await page.locator('#f-review-note').evaluate((e) => e.removeAttribute('maxlength'))
      await page.fill('#f-review-note', `${'catatan '.repeat(70)}akhir`)
      const refused = await Promise.all([page.waitForNavigation(), page.click('main form[action$="/versions/1/check"] button[type=submit]')])
      expect(refused[0]?.status()).toBe(422)
      expect(await page.locator('main').textContent()).toContain(lang === 'id' ? 'Maksimal 500 karakter.' : 'At most 500 characters.')
      expect(await page.inputValue('#f-review-note')).toMatch(/akhir$/)
      await look(page, `questionnaire-check-note-too-long-${lang}`)

      await page.fill('#f-review-note', lang === 'id' ? 'Kunci jawaban sudah benar.' : 'The answer key is right.')
      await Promise.all([page.waitForURL(`**/questionnaires/${key}/edit?checked=1`), page.click('main form[action$="/versions/1/check"] button[type=submit]')])
      expect(await page.locator('main').textContent()).toContain(lang === 'id' ? 'Versi 1 diperiksa oleh Budi Pemeriksa' : 'Version 1 was checked by Budi Pemeriksa')
      await look(page, `questionnaire-check-done-${lang}`)
      await context.close()
    }
  })
})
