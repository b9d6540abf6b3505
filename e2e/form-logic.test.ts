import crypto from 'node:crypto'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addDays, localNow } from '../src/outreach/session-rules.ts'
import { definitionSchema } from '../src/evaluation/questionnaire-schema.ts'
import { SQLITE_FILE } from '../src/store.ts'
import { districtAndVillage, l } from '../test/logic-questionnaire.ts'
import { HARJOSARI_I } from '../test/outreach-builders.ts'
import { apiCaller, jagaCommand, look, phoneContext, signIn, useServerAndBrowser, watchConsole } from './browser.ts'

// Issue 14 on a phone: the questionnaire's skip logic and checks run in the page, with no connection too,
// and what the page leaves out is what the server stores; a direct POST that bypasses the page is refused.
const journey = useServerAndBrowser()
const PASSWORD = 'kata sandi yang cukup panjang'
const today = () => localNow('Asia/Jakarta').slice(0, 10)

const definition = definitionSchema.parse({
  sections: [
    {
      items: [
        { id: 'has_children', kind: 'single', required: true, label: l('Apakah Anda punya anak?', 'Do you have children?'), options: [{ value: 'yes', label: l('Ya', 'Yes') }, { value: 'no', label: l('Tidak', 'No') }] },
        {
          id: 'children',
          kind: 'number',
          integer: true,
          required: true,
          label: l('Berapa anak Anda?', 'How many children do you have?'),
          hint: l('Termasuk anak angkat.', 'Adopted children count too.'),
          relevant: "${has_children} = 'yes'",
          constraint: '. >= 1 and . <= 20',
          constraintMessage: l('Jumlah anak antara 1 dan 20.', 'The number of children is between 1 and 20.'),
        },
        { id: 'reason', kind: 'single', requiredIf: "${has_children} = 'no'", label: l('Untuk siapa Anda ikut?', 'Who are you here for?'), options: [{ value: 'grandchild', label: l('Cucu', 'A grandchild') }, { value: 'pupils', label: l('Murid', 'Pupils') }] },
        ...districtAndVillage,
        { id: 'job', kind: 'single', other: true, label: l('Pekerjaan', 'Work'), options: [{ value: 'farmer', label: l('Petani', 'Farmer') }, { value: 'trader', label: l('Pedagang', 'Trader') }] },
        { id: 'k1', kind: 'truefalse', dontKnow: true, label: l('Anak boleh menyimpan rahasia dari orang asing di internet.', 'A child may keep a secret from a stranger online.'), answer: 'false' },
      ],
    },
  ],
})

const WORDS = {
  id: { required: 'Pertanyaan ini perlu dijawab.', fix: 'Ada jawaban yang perlu diperbaiki. Lihat pesan di pertanyaan yang ditandai.', limit: 'Jumlah anak antara 1 dan 20.', whole: 'Tulis bilangan bulat, tanpa koma.', dontKnow: 'Tidak tahu', other: 'Lainnya (tuliskan)', received: 'Jawaban Anda sudah diterima', offline: 'disimpan di HP ini', later: 'sudah terkirim' },
  en: { required: 'Please answer this question.', fix: 'Some answers need correcting. See the message at the marked questions.', limit: 'The number of children is between 1 and 20.', whole: 'Write a whole number, without a decimal point.', dontKnow: "Don't know", other: 'Other (please write)', received: 'Your answers have been received', offline: 'kept on this phone', later: 'have been sent' },
}

/** A custom questionnaire put in the server's database as an import would store it (the XLSForm import is another change's). */
function installQuestionnaire(key: string): void {
  const db = new Database(path.join(journey.server.dataDir!, SQLITE_FILE))
  const now = new Date().toISOString()
  const id = crypto.randomUUID()
  db.prepare('insert into questionnaires (id, key, kind, audience, title_id, title_en, intro_id, intro_en, origin, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(id, key, 'knowledge', 'adults', 'Kuesioner keluarga', 'Family questionnaire', '', '', 'custom', now, now)
  db.prepare('insert into questionnaire_versions (id, questionnaire_id, version, definition, created_at, created_by) values (?, ?, 1, ?, ?, null)').run(crypto.randomUUID(), id, JSON.stringify(definition), now)
  db.close()
}

async function fillCode(page: Page, mother: string) {
  await page.fill('#c-mother', mother)
  await page.fill('#c-day', '9')
  await page.fill('#c-own', 'I')
  await page.fill('#c-siblings', '1')
}
const statusHas = (page: Page, words: string) => page.waitForFunction((w) => (document.getElementById('collect-status')?.textContent ?? '').includes(w), words, { timeout: 30_000 })
const checkText = (page: Page, id: string) => page.evaluate((x) => (document.getElementById(`q-${x}-check`)?.hidden ? '' : (document.getElementById(`q-${x}-check`)?.textContent ?? '')), id)

describe('the questionnaire logic on a phone', () => {
  it('hides skipped questions and leaves their answers out, shows checks in both languages, works offline, and the server refuses the same answers sent around the page', async () => {
    jagaCommand(journey, ['user', 'create', '--email', 'admin@jaga.test', '--role', 'admin', '--name', 'Admin'], PASSWORD + '\n')
    const token = jagaCommand(journey, ['token', 'create', '--email', 'admin@jaga.test']).trim().split('\n').pop()!
    const api = apiCaller(journey, token)
    installQuestionnaire('family-logic')
    const programme = await api('/api/v1/programmes', { name: 'Jaga Keluarga', startsOn: addDays(today(), -10), endsOn: addDays(today(), 100), status: 'active', areaIds: [HARJOSARI_I] })
    const session = await api('/api/v1/sessions', { programmeId: programme.id, title: 'Sosialisasi keluarga', format: 'seminar', areaId: HARJOSARI_I, venue: 'Aula', startsAt: `${today()}T00:05`, endsAt: `${today()}T23:55`, audiences: ['parents'] })
    const { links } = (await api(`/api/v1/sessions/${session.id}/evaluation`, { groupKind: 'parents', questionnaireKey: 'family-logic', feedback: false })) as { links: { phase: string; url: string; token: string }[] }
    const pre = links.find((l) => l.phase === 'pre')!
    const formUrl = journey.server.url + new URL(pre.url).pathname

    const contexts: BrowserContext[] = []
    for (const locale of ['id-ID', 'en-GB'] as const) {
      const lang = locale.slice(0, 2) as 'id' | 'en'
      const words = WORDS[lang]
      const context = await phoneContext(journey.browser, locale)
      contexts.push(context)
      const page = await context.newPage()
      const errors = watchConsole(page)
      await page.goto(formUrl)
      // Skipped until "yes": hidden, and its input cannot be sent.
      await expect(page.isHidden('#q-children')).resolves.toBe(true)
      await look(page, `form-logic-start-${lang}`)
      await fillCode(page, lang === 'id' ? 'RA' : 'EN')
      await page.check('#q-has_children input[value=yes]')
      await expect(page.isVisible('#q-children')).resolves.toBe(true)
      // A number outside the limits: the questionnaire's own message, at the field, once the field is left.
      await page.fill('#q-children', '25')
      await expect(checkText(page, 'children')).resolves.toBe('')
      await page.press('#q-children', 'Tab')
      await expect(checkText(page, 'children')).resolves.toBe(words.limit)
      await expect(page.getAttribute('#q-children', 'aria-describedby')).resolves.toContain('q-children-check')
      await look(page, `form-logic-constraint-${lang}`)
      await page.fill('#q-children', '2.5')
      await page.press('#q-children', 'Tab')
      await expect(checkText(page, 'children')).resolves.toBe(words.whole)
      // Sending is stopped while a check fails.
      await page.click('form[data-collect] button[type=submit]')
      await expect(page.evaluate(() => localStorage.getItem('jaga-collect-outbox'))).resolves.toBeNull()
      await expect(page.textContent('#collect-status')).resolves.toBe(words.fix)
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('q-children')
      await page.fill('#q-children', '3')
      await expect(checkText(page, 'children')).resolves.toBe('')
      await expect(page.textContent('#collect-status')).resolves.toBe('')
      await expect(page.isVisible('#q-reason [data-optional]')).resolves.toBe(true)
      // "No" after all: the question goes, and the 3 written in it stays on the phone.
      await page.check('#q-has_children input[value=no]')
      // Required only for those without children.
      await expect(page.isHidden('#q-reason [data-optional]')).resolves.toBe(true)
      await expect(page.isHidden('#q-children')).resolves.toBe(true)
      await expect(page.isDisabled('#q-children')).resolves.toBe(true)
      // The questions shown are counted again: no gap where the skipped one was.
      await expect(page.textContent('#q-reason .item-number')).resolves.toBe(lang === 'id' ? 'Pertanyaan 2 dari 6' : 'Question 2 of 6')
      // Cascading: only the villages of the chosen district.
      await page.check('#q-district input[value=johor]')
      await expect(page.isVisible('#q-village input[value=kedai_durian]')).resolves.toBe(true)
      await expect(page.isHidden('#q-village input[value=harjosari]')).resolves.toBe(true)
      await page.check('#q-village input[value=kedai_durian]')
      // "Other" opens its text box; "don't know" is an answer of its own.
      await expect(page.isHidden('#q-job-other')).resolves.toBe(true)
      await expect(page.textContent('#q-job')).resolves.toContain(words.other)
      await page.check('#q-job input[value=other]')
      await page.fill('#q-job-other', 'Guru ngaji')
      await expect(page.textContent('#q-k1')).resolves.toContain(words.dontKnow)
      await page.check('#q-k1 input[value=dont_know]')
      // Sending without the now-required answer is stopped with the form's own words.
      await page.click('form[data-collect] button[type=submit]')
      await expect(checkText(page, 'reason')).resolves.toBe(words.required)
      await page.check('#q-reason input[value=grandchild]')
      await look(page, `form-logic-filled-${lang}`)
      const sent = page.waitForRequest((r) => r.url().includes('/api/v1/collect/') && r.method() === 'POST')
      await page.click('form[data-collect] button[type=submit]')
      const body = JSON.parse((await sent).postData() ?? '{}') as { answers: Record<string, unknown> }
      expect(body.answers).toEqual({ has_children: 'no', reason: 'grandchild', district: 'johor', village: 'kedai_durian', job: 'other', job_other: 'Guru ngaji', k1: 'dont_know' })
      await statusHas(page, words.received)
      expect(errors).toEqual([])
    }

    // Offline: the form opened once comes from the phone, and its logic runs there.
    const context = contexts[0]!
    const first = await context.newPage()
    await first.goto(formUrl)
    await first.evaluate(() => navigator.serviceWorker.ready.then(() => true))
    await first.evaluate(async (u) => {
      while (!(await caches.match(u, { ignoreVary: true }))) await new Promise((r) => setTimeout(r, 100))
    }, new URL(formUrl).pathname)
    await first.close()
    await context.setOffline(true)
    const page = await context.newPage()
    const errors = watchConsole(page)
    await page.goto(formUrl)
    await fillCode(page, 'OF')
    await page.check('#q-has_children input[value=yes]')
    await page.fill('#q-children', '0')
    await page.press('#q-children', 'Tab')
    await expect(checkText(page, 'children')).resolves.toBe(WORDS.id.limit)
    await page.fill('#q-children', '2')
    await page.check('#q-district input[value=amplas]')
    await expect(page.isHidden('#q-village input[value=kedai_durian]')).resolves.toBe(true)
    await page.check('#q-village input[value=harjosari]')
    await page.check('#q-k1 input[value=false]')
    await look(page, 'form-logic-offline-id')
    await page.click('form[data-collect] button[type=submit]')
    await statusHas(page, WORDS.id.offline)
    const waiting = await page.evaluate(() => JSON.parse(localStorage.getItem('jaga-collect-outbox') ?? '[]') as { body: { answers: Record<string, unknown> } }[])
    expect(waiting.map((w) => w.body.answers)).toEqual([{ has_children: 'yes', children: '2', district: 'amplas', village: 'harjosari', k1: 'false' }])
    await context.setOffline(false)
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    await statusHas(page, WORDS.id.later)
    // The sending attempts made with no connection are expected to fail (one or more: the outbox tries again every
    // few seconds, and one may be cut as the connection comes back, which Chromium reports as ERR_FAILED); nothing
    // else may.
    const sendUrl = new URL(formUrl.replace('/q/', '/api/v1/collect/')).href
    expect(errors.filter((e) => !(e.startsWith('Failed to load resource: net::ERR_') && e.endsWith(`(${sendUrl})`)))).toEqual([])

    // Around the page: the server runs the same logic and refuses what the page would have stopped.
    const direct = (answers: Record<string, string>) =>
      fetch(`${journey.server.url}/api/v1/collect/${pre.token}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en' }, body: JSON.stringify({ id: crypto.randomUUID(), code: { mother: 'DP', day: '4', own: 'B', siblings: '3' }, answers }) })
    for (const wrong of [{ has_children: 'yes', children: '25' }, { has_children: 'yes', children: '2.5' }, { has_children: 'yes' }, { has_children: 'no' }] as Record<string, string>[]) expect((await direct(wrong)).status, JSON.stringify(wrong)).toBe(422)
    // A skipped question's answer sent anyway is not kept.
    expect((await direct({ has_children: 'no', reason: 'pupils', children: '4', k1: 'true' })).status).toBe(201)

    // What the server stored, as the answers page shows it: the skipped number nowhere, the offline one as written.
    const listed = (await (await fetch(`${journey.server.url}/api/v1/sessions/${session.id}/evaluation/answers`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { answers: { id: string; code: string }[] }
    expect(listed.answers).toHaveLength(4)
    const staff = await journey.browser.newContext({ locale: 'en-GB' })
    const desk = await staff.newPage()
    await signIn(desk, journey.server.url, 'admin@jaga.test', PASSWORD)
    const childrenAnswer = async (mother: string) => {
      await desk.goto(`${journey.server.url}/sessions/${session.id}/evaluation/answers/${listed.answers.find((a) => a.code.startsWith(mother))!.id}`)
      return desk.locator('main li', { hasText: 'How many children' }).textContent()
    }
    await expect(childrenAnswer('RA')).resolves.not.toMatch(/\d/)
    await expect(childrenAnswer('EN')).resolves.not.toMatch(/\d/)
    await expect(childrenAnswer('DP')).resolves.not.toMatch(/\d/)
    await expect(childrenAnswer('OF')).resolves.toMatch(/\b2\b/)
    await look(desk, 'form-logic-stored-en')
    await staff.close()
    for (const c of contexts) await c.close()
  })
})
