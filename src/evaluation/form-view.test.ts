import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Agent, aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { aCode } from '../../test/evaluation-builders.ts'
import { useTestApp } from '../../test/harness.ts'
import { districtAndVillage, l } from '../../test/logic-questionnaire.ts'
import { aProgramme, aSession } from '../../test/outreach-builders.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import { definitionSchema, type Definition } from './questionnaire-schema.ts'
import { saveImportedQuestionnaire } from './questionnaires.ts'

const jaga = useTestApp()

const definition: Definition = definitionSchema.parse({
  sections: [
    {
      items: [
        { id: 'has_children', kind: 'single', required: true, label: l('Punya anak?', 'Any children?'), hint: l('Termasuk anak angkat.', 'Adopted children count too.'), options: [{ value: 'yes', label: l('Ya', 'Yes') }, { value: 'no', label: l('Tidak', 'No') }] },
        {
          id: 'Children.N',
          kind: 'number',
          integer: true,
          label: l('Berapa anak?', 'How many children?'),
          relevant: "${has_children} = 'yes'",
          constraint: '. >= 1 and . < 21',
          constraintMessage: l('Antara 1 dan 20 "anak".', 'Between 1 and 20 "children".'),
          requiredIf: "${has_children} = 'yes'",
        },
        { id: 'height', kind: 'number', label: l('Tinggi badan (m)', 'Height (m)'), default: '1.5' },
        { id: 'visit', kind: 'date', label: l('Tanggal kunjungan', 'Date of the visit'), constraint: ". <= today()" },
        { id: 'job', kind: 'single', other: true, label: l('Pekerjaan', 'Work'), options: [{ value: 'farmer', label: l('Petani', 'Farmer') }, { value: 'trader', label: l('Pedagang', 'Trader') }], default: 'trader' },
        ...districtAndVillage,
        { id: 'k1', kind: 'truefalse', dontKnow: true, label: l('Pernyataan satu', 'Statement one'), answer: 'true' },
      ],
    },
    { title: l('Untuk orang tua', 'For parents'), relevant: "${has_children} = 'yes'", items: [{ id: 'k2', kind: 'truefalse', label: l('Pernyataan dua', 'Statement two'), answer: 'false' }] },
  ],
})

/** A parents' session whose before-form is the given questionnaire, opened through the facilitator's page. */
async function formOf(questionnaire: Definition, key = 'logic-form') {
  const facilitator = await aUser(jaga, 'facilitator')
  await saveImportedQuestionnaire(jaga.db, { id: null, label: 'test' }, { key, title: l('Kuesioner logika', 'Logic questionnaire'), definition: questionnaire })
  const programme = await aProgramme(jaga, { facilitators: [facilitator] })
  const session = await aSession(jaga, programme.id, { audiences: ['parents'], facilitatorIds: [facilitator.id] })
  const staff = await sessionAgent(jaga, facilitator)
  const form = new URLSearchParams({ _csrf: staff.csrf, groupKind: 'parents', questionnaireKey: key, feedback: 'no' })
  for (const e of ['mother', 'day', 'own', 'siblings']) form.append('codeElements', e)
  expect((await staff.send(`/sessions/${session.id}/evaluation`, { method: 'POST', body: form })).status).toBe(303)
  const link = await jaga.db.selectFrom('collectionLinks').select('token').where('sessionId', '=', session.id).where('phase', '=', 'pre').executeTakeFirstOrThrow()
  return link.token
}

const formPage = async (token: string, locale: Locale) => (await new Agent(jaga).lang(locale).get(`/q/${token}`)).text()
/** The opening tag of the element that carries a question's logic. */
function tagOf(html: string, id: string): string {
  const at = html.indexOf(`data-item="${id}"`)
  expect(at, `question ${id}`).toBeGreaterThan(0)
  return html.slice(html.lastIndexOf('<', at), html.indexOf('>', at) + 1)
}
/** The input of a choice with this name and value. */
const inputOf = (html: string, name: string, value: string) => new RegExp(`<input[^>]*name="${name.replace(/\./g, '\\.')}" value="${value}"[^>]*>`).exec(html)?.[0]

describe('the participant form shows the questionnaire logic', () => {
  it('carries each question’s skip logic, check, required-if and cascading filter as escaped attributes, with the check’s message in the page’s language', async () => {
    const token = await formOf(definition)
    for (const locale of ['id', 'en'] as const) {
      const html = await formPage(token, locale)
      const children = tagOf(html, 'Children.N')
      expect(children).toContain('data-relevant="${has_children} = &#39;yes&#39;"')
      expect(children).toContain('data-constraint=". &gt;= 1 and . &lt; 21"')
      expect(children).toContain('data-required-if="${has_children} = &#39;yes&#39;"')
      expect(children).toContain(locale === 'id' ? 'data-msg-constraint="Antara 1 dan 20 &quot;anak&quot;."' : 'data-msg-constraint="Between 1 and 20 &quot;children&quot;."')
      // A constraint without its own message gets the form's general one.
      expect(tagOf(html, 'visit')).toContain(locale === 'id' ? 'data-msg-constraint="Jawaban ini tidak sesuai. Periksa lagi."' : 'data-msg-constraint="This answer does not fit. Please check it."')
      expect(tagOf(html, 'village')).toContain('data-choice-filter="district = ${district}"')
      expect(inputOf(html, 'a.village', 'harjosari')).toContain('data-filter="{&quot;district&quot;:&quot;amplas&quot;}"')
      expect(html).toMatch(/<section class="items" data-relevant="\$\{has_children\} = &#39;yes&#39;">/)
      // Nothing of an expression reaches the page as code; the engine comes as its own script, for forms with logic only.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/)
      expect(html).toMatch(/<script src="\/static\/form-logic.js\?v=\w+" defer="">/)
    }
  })

  it('shows hints, a date field, whole and decimal number keyboards, "other" with its text box and "don’t know", in both languages', async () => {
    const token = await formOf(definition)
    const words = {
      id: { hint: 'Termasuk anak angkat.', other: 'Lainnya (tuliskan)', otherText: 'Tuliskan jawaban lainnya', dontKnow: 'Tidak tahu' },
      en: { hint: 'Adopted children count too.', other: 'Other (please write)', otherText: 'Write the other answer', dontKnow: "Don't know" },
    }
    for (const locale of ['id', 'en'] as const) {
      const html = await formPage(token, locale)
      expect(html).toContain(`<p class="hint" id="q-has_children-hint">${words[locale].hint}</p>`)
      expect(html).toMatch(/<fieldset[^>]*id="q-has_children"[^>]*aria-describedby="q-has_children-hint"/)
      expect(html).toMatch(/<input[^>]*id="q-visit"[^>]*type="date"/)
      expect(html).toMatch(/<input[^>]*id="q-Children.N"[^>]*inputmode="numeric"/)
      expect(html).toMatch(/<input[^>]*id="q-height"[^>]*inputmode="decimal"/)
      expect(inputOf(html, 'a.job', 'other')).toContain('data-other-option')
      const text = textOf(html)
      expect(text).toContain(words[locale].other)
      expect(text).toContain(words[locale].otherText)
      expect(html).toMatch(/<input[^>]*name="a\.job_other" type="text"/)
      expect(inputOf(html, 'a.k1', 'dont_know')).toBeDefined()
      expect(textOf(html.slice(html.indexOf('data-item="k1"')))).toContain(words[locale].dontKnow)
      // Only the item that offers it.
      expect(inputOf(html, 'a.k2', 'dont_know')).toBeUndefined()
    }
  })

  it('fills in each default on a fresh form, and keeps what was sent when the form comes back with a message', async () => {
    const token = await formOf(definition)
    const fresh = await formPage(token, 'en')
    expect(fresh).toMatch(/<input[^>]*id="q-height"[^>]*value="1.5"/)
    expect(inputOf(fresh, 'a.job', 'trader')).toContain('checked')
    const phone = new Agent(jaga).lang('en')
    await phone.get(`/q/${token}`)
    // No code given: the form comes back (422) with what was written, and without the defaults put back.
    const back = await phone.post(`/q/${token}`, { id: crypto.randomUUID(), 'a.has_children': 'no', 'a.job': 'farmer' })
    expect(back.status).toBe(422)
    const html = await back.text()
    expect(inputOf(html, 'a.job', 'farmer')).toContain('checked')
    expect(inputOf(html, 'a.job', 'trader')).not.toContain('checked')
    expect(html).not.toMatch(/<input[^>]*id="q-height"[^>]*value="1.5"/)
  })

  it('says in the other language that a questionnaire is written in one language only', async () => {
    const english = definitionSchema.parse({ language: 'en', sections: [{ items: [{ id: 'q1', kind: 'truefalse', label: l('Children may keep a secret from a stranger online.', 'Children may keep a secret from a stranger online.') }] }] })
    const token = await formOf(english, 'english-only')
    const id = await formPage(token, 'id')
    expect(textOf(id)).toContain('Kuesioner ini hanya tersedia dalam bahasa Inggris.')
    // Its questions are marked as English for a screen reader on an Indonesian page.
    expect(id).toContain('<section class="items" lang="en">')
    const en = await formPage(token, 'en')
    expect(textOf(en)).not.toContain('only in')
    expect(en).toContain('<section class="items">')
    // No logic in it: the phone is not sent the expression engine.
    expect(en).not.toContain('form-logic.js')
  })

  it('still takes a plain form without a script, every question shown and answered', async () => {
    const token = await formOf(definition)
    const phone = new Agent(jaga).lang('id')
    await phone.get(`/q/${token}`)
    const code = Object.fromEntries(Object.entries(aCode('SR')).map(([k, v]) => [`code.${k}`, v]))
    const res = await phone.post(`/q/${token}`, { id: crypto.randomUUID(), ...code, 'a.has_children': 'yes', 'a.Children.N': '2', 'a.height': '1,6', 'a.visit': '2026-01-05', 'a.job': 'other', 'a.job_other': 'Guru ngaji', 'a.district': 'amplas', 'a.village': 'harjosari', 'a.k1': 'dont_know', 'a.k2': 'false' })
    expect(res.status).toBe(200)
    expect(textOf(await res.text())).toContain('Terima kasih!')
  })
})
