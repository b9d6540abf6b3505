import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { Agent, aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { aProgramme, aSession } from '../../test/outreach-builders.ts'
import { sheetOf } from '../../test/xlsform-rules.ts'
import type { GroupKind } from '../outreach/target-group-form.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import { CODE_ELEMENTS } from './code-elements.ts'
import { LABEL_ID } from './xlsform-write.ts'

const jaga = useTestApp()

/** The children's register in a code question: "ibumu", "kakakmu", "nama depanmu"… */
const childWord = /\b(\w+mu|kamu)\b/i
const FIVE_PARTS = ['mother', 'day', 'own', 'siblings', 'father']

/** A session for one group, its links opened with five code parts by its facilitator through the page. */
async function opened(group: GroupKind, parts = FIVE_PARTS) {
  const facilitator = await aUser(jaga, 'facilitator')
  const programme = await aProgramme(jaga, { facilitators: [facilitator] })
  const session = await aSession(jaga, programme.id, { audiences: [group], facilitatorIds: [facilitator.id] })
  const staff = await sessionAgent(jaga, facilitator)
  const form = new URLSearchParams({ _csrf: staff.csrf, groupKind: group, feedback: 'no' })
  for (const e of parts) form.append('codeElements', e)
  expect((await staff.send(`/sessions/${session.id}/evaluation`, { method: 'POST', body: form })).status).toBe(303)
  const links = await jaga.db.selectFrom('collectionLinks').select(['id', 'phase', 'token']).where('sessionId', '=', session.id).execute()
  return { session, staff, pre: links.find((l) => l.phase === 'pre')! }
}

/** The labels of the form's code questions, as the participant reads them. */
async function codeLabels(token: string, locale: Locale) {
  const html = await (await new Agent(jaga).lang(locale).get(`/q/${token}`)).text()
  const box = html.slice(html.indexOf('<fieldset class="code-questions"'), html.indexOf('</fieldset>'))
  return [...box.matchAll(/<label for="c-[^"]+">([^<]*)<\/label>/g)].map((m) => textOf(m[1]!))
}

describe('the code questions speak in the participant’s register', () => {
  it('every code part has an adult question with "Anda" and a child question with "-mu", in both languages', () => {
    for (const e of CODE_ELEMENTS) {
      expect(e.label.id).toContain('Anda')
      expect(e.label.id).not.toMatch(childWord)
      expect(e.childLabel.id).toMatch(childWord)
      expect(e.childLabel.id).not.toContain('Anda')
      for (const l of [e.label, e.childLabel]) expect(l.en).toMatch(/\byour?\b/)
    }
  })

  it('an adult form asks "nama depan ibu Anda", never "ibumu"; a children’s form keeps "ibumu"', async () => {
    const adults = await opened('parents')
    const adultId = await codeLabels(adults.pre.token, 'id')
    expect(adultId).toHaveLength(5)
    expect(adultId).toContain('Dua huruf pertama nama depan ibu Anda')
    expect(adultId).toContain('Jumlah kakak Anda (0–9)')
    expect(adultId).toContain('Huruf pertama nama depan ayah Anda')
    for (const label of adultId) expect(label).not.toMatch(childWord)

    const children = await opened('children-10-12')
    const childId = await codeLabels(children.pre.token, 'id')
    expect(childId).toHaveLength(5)
    expect(childId).toContain('Dua huruf pertama nama depan ibumu')
    expect(childId).toContain('Jumlah kakakmu (0–9)')
    for (const label of childId) expect(label).not.toContain('Anda')

    expect(await codeLabels(adults.pre.token, 'en')).toContain("The first letter of your father's first name")
    expect(await codeLabels(children.pre.token, 'en')).toContain("The first two letters of your mother's first name")
  })

  it('a link’s XLSForm for Kobo asks its code questions in the group’s register', async () => {
    const labelsOf = async (s: Awaited<ReturnType<typeof opened>>) => {
      const res = await s.staff.get(`/sessions/${s.session.id}/evaluation/links/${s.pre.id}/xlsform.xlsx`)
      expect(res.status).toBe(200)
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(new Uint8Array(await res.arrayBuffer()) as never)
      return sheetOf(book, 'survey')!
        .rows.filter((r) => r.get('jaga_kind') === 'code')
        .map((r) => r.get(LABEL_ID) ?? '')
    }
    const adult = await labelsOf(await opened('parents', ['mother', 'day', 'own']))
    expect(adult).toEqual(['Dua huruf pertama nama depan ibu Anda', 'Tanggal lahir Anda, hanya angka tanggalnya (1–31)', 'Huruf terakhir nama depan Anda'])
    const child = await labelsOf(await opened('children-13-17', ['mother', 'day', 'own']))
    expect(child).toEqual(['Dua huruf pertama nama depan ibumu', 'Tanggal lahirmu, hanya angka tanggalnya (1–31)', 'Huruf terakhir nama depanmu'])
  })
})
