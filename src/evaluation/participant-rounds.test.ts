import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Agent, textOf } from '../../test/agent.ts'
import { aCode, aSessionWithLinks, parentsAnswers } from '../../test/evaluation-builders.ts'
import { useTestApp } from '../../test/harness.ts'
import { day } from '../../test/outreach-builders.ts'
import { audienceUrl } from '../library/library-urls.ts'
import type { GroupKind } from '../outreach/target-group-form.ts'
import { formatDate, type Locale } from '../platform/i18n/i18n.ts'
import { scoredItems } from './questionnaire-schema.ts'
import { readShippedQuestionnaires } from './questionnaires.ts'

const jaga = useTestApp()

/** A session two days ago for one group, its links opened by its facilitator through the page. */
async function opened(group: GroupKind) {
  const { session, agent: staff, token } = await aSessionWithLinks(jaga, { group })
  return { session, staff, token }
}

const page = async (path: string, locale: Locale) => textOf(await (await new Agent(jaga).lang(locale).get(path)).text())

/** Sends a filled-in knowledge test without JavaScript and returns the thank-you page. */
async function sendWithoutScript(token: string, locale: Locale, answers: Record<string, string>) {
  const phone = new Agent(jaga).lang(locale)
  await phone.get(`/q/${token}`)
  const code = Object.fromEntries(Object.entries(aCode('SR')).map(([k, v]) => [`code.${k}`, v]))
  const fields = Object.fromEntries(Object.entries(answers).map(([k, v]) => [`a.${k}`, v]))
  const res = await phone.post(`/q/${token}`, { id: crypto.randomUUID(), ...code, ...fields })
  expect(res.status).toBe(200)
  return res.text()
}

describe('each participant form says which round it is', () => {
  it('names the round, the session and its date, on its own colour band, in both languages', async () => {
    const { session, staff, token } = await opened('parents')
    expect((await staff.post(`/sessions/${session.id}/evaluation/follow-up`, { groupKind: 'parents' })).status).toBe(303)
    const followUp = await jaga.db.selectFrom('collectionLinks').select('token').where('sessionId', '=', session.id).where('phase', '=', 'follow-up').executeTakeFirstOrThrow()
    const tokens = { pre: token('pre'), post: token('post'), feedback: token('feedback'), 'follow-up': followUp.token }
    const words = {
      id: { pre: 'Sebelum kegiatan', post: 'Sesudah kegiatan', feedback: 'Umpan balik', 'follow-up': 'Tindak lanjut 3 bulan' },
      en: { pre: 'Before the session', post: 'After the session', feedback: 'Feedback', 'follow-up': '3-month follow-up' },
    } as const
    for (const locale of ['id', 'en'] as const) {
      for (const [phase, t] of Object.entries(tokens) as [keyof typeof tokens, string][]) {
        const html = await (await new Agent(jaga).lang(locale).get(`/q/${t}`)).text()
        expect(html).toContain(`class="round-band round-${phase}"`)
        const band = textOf(html.slice(html.indexOf('round-band'), html.indexOf('<h1')))
        expect(band).toContain(words[locale][phase])
        expect(band).toContain(session.title)
        expect(band).toContain(formatDate(locale, day(-2)))
        for (const other of Object.keys(tokens).filter((p) => p !== phase)) expect(band).not.toContain(words[locale][other as keyof typeof tokens])
        expect(html).toMatch(new RegExp(`<title>${words[locale][phase]} · `))
      }
    }
  })

  it('shows progress on each question: "Question 5 of 15"', async () => {
    const { token } = await opened('parents')
    const id = await page(`/q/${token('pre')}`, 'id')
    expect(id).toContain('Pertanyaan 1 dari 15')
    expect(id).toContain('Pertanyaan 15 dari 15')
    expect(await page(`/q/${token('pre')}`, 'en')).toContain('Question 5 of 15')
  })

  it('the QR sheet gives each round its band, the session’s name and date, one round per printed page unless asked otherwise', async () => {
    const { session, staff } = await opened('parents')
    const html = await (await staff.get(`/sessions/${session.id}/evaluation/qr`)).text()
    expect(html).toContain('class="qr-sheet per-page"')
    for (const phase of ['pre', 'post', 'feedback']) expect(html).toContain(`class="qr-card round-${phase}"`)
    const text = textOf(html)
    for (const round of ['Before the session', 'After the session', 'Feedback']) expect(text).toContain(`${round} Session: ${session.title}, ${formatDate('en', day(-2))}`)
    expect(text).toContain('Each round prints on a page of its own')
    const together = await (await staff.get(`/sessions/${session.id}/evaluation/qr?layout=together`)).text()
    expect(together).toContain('class="qr-sheet together"')
    expect(together).not.toContain('per-page')
  })
})

describe('one register per audience', () => {
  const childWords = /\bkamu\b|rahasiamu|jawabanmu|kodemu|namamu|mengenalimu|pendapatmu/i

  it('speaks to adults with "Anda" on the form and the thank-you page', async () => {
    const { token } = await opened('parents')
    const form = await page(`/q/${token('pre')}`, 'id')
    expect(form).toContain('Kode rahasia Anda')
    expect(form).toContain('Jawab pertanyaan berikut untuk membuat kode Anda')
    expect(form).not.toMatch(childWords)
    const thanks = textOf(await sendWithoutScript(token('pre'), 'id', parentsAnswers(8)))
    expect(thanks).toContain('Jawaban Anda sudah diterima.')
    expect(thanks).not.toMatch(childWords)
  })

  it('speaks to children with "kamu" on the form and the thank-you page', async () => {
    const { token } = await opened('children-13-17')
    const form = await page(`/q/${token('pre')}`, 'id')
    expect(form).toContain('Kode rahasiamu')
    expect(form).toContain('Jawab pertanyaan berikut untuk membuat kodemu')
    expect(form).not.toContain('Kode rahasia Anda')
    const test = scoredItems(readShippedQuestionnaires().find((q) => q.key === 'knowledge-children-13-17')!.definition)
    const html = await sendWithoutScript(token('pre'), 'id', Object.fromEntries(test.map((i) => [i.id, String(i.answer)])))
    const thanks = textOf(html)
    expect(thanks).toContain('Jawabanmu sudah diterima.')
    expect(thanks).toContain('Ingat kodemu untuk formulir sesudah kegiatan')
    expect(thanks).not.toContain('Anda')
  })
})

describe('the thank-you page says what comes next', () => {
  it('after the before-form: keep the code for the after-session form, and a link to the group’s library shelf', async () => {
    const { token } = await opened('parents')
    for (const locale of ['id', 'en'] as const) {
      const html = await sendWithoutScript(token('pre'), locale, parentsAnswers(9))
      expect(html).toContain('class="success-panel"')
      expect(textOf(html)).toContain(locale === 'id' ? 'Simpan kode Anda untuk formulir sesudah kegiatan' : 'Keep your code for the after-session form')
      expect(html).toContain(`href="${audienceUrl(locale, 'parents')}"`)
      expect(textOf(html)).toContain(locale === 'id' ? 'Sebelum kegiatan' : 'Before the session')
    }
  })

  it('after the after-form: that was all, and no word of keeping a code', async () => {
    const { token } = await opened('parents')
    const text = textOf(await sendWithoutScript(token('post'), 'en', parentsAnswers(12)))
    expect(text).toContain('That is all for this session.')
    expect(text).not.toContain('Keep your code')
    expect(text).toContain('After the session')
  })

  it('is in the form too, hidden, for the phone’s script to show once the answers have arrived', async () => {
    const { token } = await opened('parents')
    const html = await (await new Agent(jaga).lang('en').get(`/q/${token('pre')}`)).text()
    expect(html).toMatch(/<div id="collect-next" hidden="">[\s\S]*Keep your code for the after-session form/)
  })
})
