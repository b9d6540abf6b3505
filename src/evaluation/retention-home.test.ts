import { describe, expect, it } from 'vitest'
import { loginAs, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { runRetention } from './retention.ts'

describe('the admin’s start page without a retention setting', () => {
  const jaga = useTestApp()

  it('says raw answers are kept with no time limit', async () => {
    const { agent } = await loginAs(jaga, 'admin')
    const text = textOf(await (await agent.get('/home')).text())
    expect(text).toContain('Answer retention Participants’ raw answers are kept with no time limit (JAGA_RETAIN_ANSWERS_MONTHS is not set).')
    expect(text).not.toContain('Not run yet')
  })
})

describe('the admin’s start page with JAGA_RETAIN_ANSWERS_MONTHS=18', () => {
  const jaga = useTestApp({ JAGA_RETAIN_ANSWERS_MONTHS: '18' })

  it('shows the setting and the last run, in both languages, and no coordinator sees it', async () => {
    const { agent } = await loginAs(jaga, 'admin')
    const page = async (lang: 'en' | 'id') => textOf(await (await agent.lang(lang).get('/home')).text())
    expect(await page('en')).toContain('Written comments and other raw answers are removed 18 months after the session; the scores and choices results need are kept. Not run yet.')
    await runRetention(jaga.db, { months: 18, timeZone: 'Asia/Jakarta', actor: { id: null, label: 'cli' } })
    expect(await page('en')).toMatch(/Last run .*\d.*: 0 submissions trimmed, 0 answers removed\./)
    const id = await page('id')
    expect(id).toContain('Retensi jawaban Komentar tertulis dan jawaban mentah lain dihapus 18 bulan sesudah kegiatan')
    expect(id).toMatch(/Terakhir dijalankan .*\d.*: 0 jawaban dipangkas, 0 isian dihapus\./)
    const coordinator = (await loginAs(jaga, 'coordinator')).agent
    expect(textOf(await (await coordinator.get('/home')).text())).not.toContain('Answer retention')
  })
})
