import crypto from 'node:crypto'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { Agent, aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { useTestApp, type TestApp } from '../../test/harness.ts'
import { aPartnerAccount } from '../../test/partner-builders.ts'
import { readPdf } from '../../test/pdf.ts'
import { aHeldSession, aProgramme, aSession, cli, HARJOSARI_I, TIMBANG_DELI } from '../../test/outreach-builders.ts'
import { createApiToken } from '../accounts/users.ts'
import { analyzeCsv } from './analyze-csv.ts'
import { DISCLOSURE_PAGE } from './disclosure-routes.tsx'
import { installShippedQuestionnaires, readShippedQuestionnaires } from './questionnaires.ts'
import { itemsOf, scoredItems, shippedQuestionnaireSchema } from './questionnaire-schema.ts'

const jaga = useTestApp()

async function sessionWithLinks(groups: ('parents' | 'teachers' | 'children-6-9')[] = ['parents', 'teachers']) {
  const facilitator = await aUser(jaga, 'facilitator')
  const programme = await aProgramme(jaga, { facilitators: [facilitator] })
  const session = await aSession(jaga, programme.id, { audiences: groups, facilitatorIds: [facilitator.id] })
  const agent = await sessionAgent(jaga, facilitator)
  const form = new URLSearchParams({ _csrf: agent.csrf, groupKind: 'parents', feedback: 'yes' })
  for (const e of ['mother', 'day', 'own', 'siblings']) form.append('codeElements', e)
  const opened = await agent.send(`/sessions/${session.id}/evaluation`, { method: 'POST', body: form })
  expect(opened.status).toBe(303)
  const links = await jaga.db.selectFrom('collectionLinks').selectAll().where('sessionId', '=', session.id).execute()
  const token = (phase: string) => links.find((l) => l.phase === phase)!.token
  return { facilitator, programme, session, agent, links, token }
}

/** The parents' test answered with `right` correct answers (the first ones), the rest wrong. */
async function parentsAnswers(jaga: TestApp, right: number): Promise<Record<string, string>> {
  const items = scoredItems(readShippedQuestionnaires().find((q) => q.key === 'knowledge-parents')!.definition)
  void jaga
  return Object.fromEntries(
    items.map((item, i) => {
      const correct = String(item.answer)
      const options = item.kind === 'truefalse' ? ['true', 'false'] : item.options!.map((o) => o.value)
      return [item.id, i < right ? correct : options.find((o) => o !== correct)!]
    }),
  )
}

const code = (mother: string, day = '7', own = 'A', siblings = '2') => ({ mother, day, own, siblings })
const send = (token: string, body: unknown) => jaga.request(`http://localhost/api/v1/collect/${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })

describe('shipped questionnaires', () => {
  it('ship a 15–20 item knowledge test for each audience, a Likert scale, feedback and a 3-month follow-up, every label in both languages', () => {
    const shipped = readShippedQuestionnaires()
    const byKey = new Map(shipped.map((q) => [q.key, q]))
    for (const key of ['knowledge-parents', 'knowledge-teachers', 'knowledge-community', 'knowledge-children-10-12', 'knowledge-children-13-17']) {
      const test = byKey.get(key)!
      expect(scoredItems(test.definition).length, key).toBeGreaterThanOrEqual(15)
      expect(scoredItems(test.definition).length, key).toBeLessThanOrEqual(20)
      expect(itemsOf(test.definition).every((i) => i.topic), `${key}: every item names its library topic`).toBe(true)
    }
    // The scale's statements are Likert items; what people did is asked with choices, as in the follow-up, so the two compare.
    const scale = byKey.get('behaviour-confidence')!.definition.sections
    expect(scale[0]!.items.every((i) => i.kind === 'likert')).toBe(true)
    expect(scale[1]!.items.map((i) => i.id)).toEqual(['agreement', 'talked', 'settings_set'])
    for (const item of scale[1]!.items) expect(item, item.id).toEqual(itemsOf(byKey.get('follow-up-3-months')!.definition).find((i) => i.id === item.id))
    expect(itemsOf(byKey.get('feedback')!.definition).map((i) => i.id)).toEqual(expect.arrayContaining(['useful', 'clear', 'want_to_know']))
    expect(itemsOf(byKey.get('follow-up-3-months')!.definition).map((i) => i.id)).toEqual(expect.arrayContaining(['settings_set', 'talked', 'know_where']))
    for (const q of shipped) {
      expect(shippedQuestionnaireSchema.safeParse(q).success).toBe(true)
      const labels = JSON.stringify(q).match(/"id":"[^"]*","en":"[^"]*"/g) ?? []
      expect(labels.length).toBeGreaterThan(3)
    }
  })

  it('are installed once, get a new version when a release changes them, and are left alone once edited in Jaga', async () => {
    const shipped = readShippedQuestionnaires()
    await installShippedQuestionnaires(jaga.db, shipped)
    const count = async () => (await jaga.db.selectFrom('questionnaireVersions').select('id').execute()).length
    const before = await count()
    expect(before).toBeGreaterThanOrEqual(shipped.length)
    await installShippedQuestionnaires(jaga.db, shipped)
    expect(await count()).toBe(before)
    const changed = shipped.map((q) => (q.key === 'feedback' ? { ...q, definition: { sections: [{ items: [...q.definition.sections[0]!.items, { id: 'extra', kind: 'text' as const, label: { id: 'Lain', en: 'Other' }, required: false }] }] } } : q))
    await installShippedQuestionnaires(jaga.db, changed)
    const feedback = await jaga.db.selectFrom('questionnaires').selectAll().where('key', '=', 'feedback').executeTakeFirstOrThrow()
    const versions = await jaga.db.selectFrom('questionnaireVersions').select('version').where('questionnaireId', '=', feedback.id).orderBy('version').execute()
    expect(versions.map((v) => v.version).slice(-2)).toEqual([versions.length - 1, versions.length])
    await jaga.db.updateTable('questionnaires').set({ origin: 'custom' }).where('id', '=', feedback.id).execute()
    await installShippedQuestionnaires(jaga.db, shipped)
    expect(await count()).toBe(before + 1)
    // Put it back as it shipped, for the other tests.
    await jaga.db.updateTable('questionnaires').set({ origin: 'shipped' }).where('id', '=', feedback.id).execute()
    await installShippedQuestionnaires(jaga.db, shipped)
  })
})

describe('collecting answers', () => {
  it('opens pre, post and feedback links for an audience of the session, and refuses a group without a test or not in the session', async () => {
    const { session, agent, links } = await sessionWithLinks(['parents', 'teachers', 'children-6-9'])
    expect(links.map((l) => l.phase).sort()).toEqual(['feedback', 'post', 'pre'])
    expect(new Set(links.map((l) => l.token)).size).toBe(3)
    const page = textOf(await (await agent.get(`/sessions/${session.id}/evaluation`)).text())
    expect(page).toContain('Before the session')
    expect(page).toMatch(/http:\/\/localhost(:\d+)?\/q\/[a-z2-9]{10}/)
    const tryGroup = async (groupKind: string, elements = ['mother', 'day', 'own']) => {
      const form = new URLSearchParams({ _csrf: agent.csrf, groupKind })
      for (const e of elements) form.append('codeElements', e)
      return agent.send(`/sessions/${session.id}/evaluation`, { method: 'POST', body: form })
    }
    const young = await tryGroup('children-6-9')
    expect(young.status).toBe(422)
    expect(textOf(await young.text())).toContain('children aged 6–9 get no written test')
    const stranger = await tryGroup('community')
    expect(stranger.status).toBe(422)
    expect(textOf(await stranger.text())).toContain('This session is not for this group.')
    const twoElements = await tryGroup('teachers', ['mother', 'day'])
    expect(textOf(await twoElements.text())).toContain('Choose 3 to 5 different code questions.')
    expect((await tryGroup('parents')).status).toBe(409)
    const other = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    const form = new URLSearchParams({ _csrf: other.csrf, groupKind: 'teachers', codeElements: 'mother' })
    expect((await other.send(`/sessions/${session.id}/evaluation`, { method: 'POST', body: form })).status).toBe(403)
  })

  it('shows a participant the form without signing in, in their language, with code questions and no personal fields', async () => {
    const { token } = await sessionWithLinks()
    const anonymous = new Agent(jaga).lang('id')
    const res = await anonymous.get(`/q/${token('pre')}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const html = await res.text()
    const text = textOf(html)
    expect(text).toContain('Tes pengetahuan: orang tua dan pengasuh')
    expect(text).toContain('Dua huruf pertama nama depan ibu Anda')
    expect(text).toContain('Menurut Undang-Undang Perlindungan Anak')
    expect(html).not.toMatch(/type="file"|name="(name|phone|email|nama)"/)
    expect((await new Agent(jaga).get('/q/nosuchtoken')).status).toBe(404)
  })

  it('stores a submission exactly once however often the phone sends it, and explains what is wrong per field', async () => {
    const { session, token } = await sessionWithLinks()
    const id = crypto.randomUUID()
    const body = { id, code: code('si'), answers: await parentsAnswers(jaga, 10) }
    const first = await send(token('pre'), body)
    expect(first.status).toBe(201)
    expect(await first.json()).toEqual({ duplicate: false, disclosure: false, blanked: false })
    const again = await send(token('pre'), body)
    expect(again.status).toBe(200)
    expect((await again.json()).duplicate).toBe(true)
    const rows = await jaga.db.selectFrom('submissions').selectAll().where('sessionId', '=', session.id).execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ id, code: 'SI-07-A-2', score: 10, maxScore: 15, phase: 'pre', groupKind: 'parents' })

    const bad = await send(token('pre'), { id: crypto.randomUUID(), code: { mother: 'S1', day: '32', own: 'A', siblings: '2' }, answers: { ...(await parentsAnswers(jaga, 3)), k01: 'maybe', k02: undefined } })
    expect(bad.status).toBe(422)
    const problem = await bad.json()
    expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(['a.k01', 'a.k02', 'code.day', 'code.mother'])
    expect(await jaga.db.selectFrom('submissions').select('id').where('sessionId', '=', session.id).execute()).toHaveLength(1)
  })

  it('takes a plain HTML form from a phone without JavaScript, and shows its errors next to the questions', async () => {
    const { session, token } = await sessionWithLinks()
    const phone = new Agent(jaga).lang('en')
    await phone.get(`/q/${token('pre')}`)
    const answers = await parentsAnswers(jaga, 15)
    const fields: Record<string, string> = { id: crypto.randomUUID(), 'code.mother': 'Ra', 'code.day': '03', 'code.own': 'i', 'code.siblings': '0' }
    for (const [k, v] of Object.entries(answers)) fields[`a.${k}`] = v
    const missing = { ...fields }
    delete missing['a.k05']
    const refused = await phone.post(`/q/${token('pre')}`, missing)
    expect(refused.status).toBe(422)
    const again = await refused.text()
    expect(textOf(again)).toContain('Please answer this question.')
    expect(again).toContain(`value="${fields['id']}"`)
    const ok = await phone.post(`/q/${token('pre')}`, fields)
    expect(ok.status).toBe(200)
    expect(textOf(await ok.text())).toContain('Your answers have been received.')
    const row = await jaga.db.selectFrom('submissions').selectAll().where('sessionId', '=', session.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ code: 'RA-03-I-0', score: 15 })
  })

  it('routes free text that looks like a disclosure to help: out of the data, shown to referral roles only, help shown at once', async () => {
    const { session, token, agent } = await sessionWithLinks()
    const res = await send(token('feedback'), { id: crypto.randomUUID(), code: code('DE'), answers: { useful: '5', clear: '4', want_to_know: 'Adik saya diancam fotonya disebar, tolong', comments: 'Hubungi 0812 3456 7890 untuk info' } })
    expect(await res.json()).toEqual({ duplicate: false, disclosure: true, blanked: true })
    const stored = await jaga.db.selectFrom('submissions').selectAll().where('sessionId', '=', session.id).executeTakeFirstOrThrow()
    expect(stored.answers).not.toContain('diancam')
    expect(JSON.parse(stored.answers)).toEqual({ useful: 5, clear: 4, comments: 'Hubungi […] untuk info' })
    const disclosure = await jaga.db.selectFrom('disclosures').selectAll().where('sessionId', '=', session.id).executeTakeFirstOrThrow()
    expect(disclosure).toMatchObject({ itemId: 'want_to_know', text: 'Adik saya diancam fotonya disebar, tolong' })

    // The plain form shows help channels on the thank-you page.
    const phone = new Agent(jaga).lang('en')
    await phone.get(`/q/${token('feedback')}`)
    const thanks = await phone.post(`/q/${token('feedback')}`, { id: crypto.randomUUID(), 'code.mother': 'XY', 'code.day': '1', 'code.own': 'B', 'code.siblings': '1', 'a.useful': '3', 'a.clear': '3', 'a.comments': 'I was blackmailed online' })
    const thanksText = textOf(await thanks.text())
    expect(thanksText).toContain('You are not alone')
    expect(thanksText).toContain('129')

    const facilitatorView = textOf(await (await agent.get(`/sessions/${session.id}/evaluation`)).text())
    expect(facilitatorView).toContain('2 answers held writing that may be about harm')
    expect(facilitatorView).not.toContain('diancam')
    // The session's facilitator reads them (to offer help to the group); another facilitator does not.
    const ownList = textOf(await (await agent.get('/disclosures')).text())
    expect(ownList).toContain('Adik saya diancam fotonya disebar, tolong')
    expect(ownList).not.toContain('Trigger words')
    const stranger = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    expect(textOf(await (await stranger.get('/disclosures')).text())).not.toContain('diancam')
    expect((await stranger.post(`/disclosures/${disclosure.id}/handled`)).status).toBe(404)
    expect((await jaga.request('http://localhost/disclosures')).status).toBe(303)
    const coordinator = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    const list = textOf(await (await coordinator.get('/disclosures')).text())
    expect(list).toContain('Adik saya diancam fotonya disebar, tolong')
    expect(list).toContain('I was blackmailed online')
  })

  it('leaves a test answer out of every result, keeps it, and counts it again on request', async () => {
    const { session, token, agent, programme } = await sessionWithLinks()
    agent.lang('en')
    for (const [who, before, after] of [['AN', 5, 12], ['BU', 6, 13], ['TE', 15, 0]] as const) {
      expect((await send(token('pre'), { id: crypto.randomUUID(), code: code(who), answers: await parentsAnswers(jaga, before) })).status).toBe(201)
      expect((await send(token('post'), { id: crypto.randomUUID(), code: code(who), answers: await parentsAnswers(jaga, after) })).status).toBe(201)
    }
    const results = async () => textOf(await (await agent.get(`/sessions/${session.id}/evaluation`)).text())
    expect(await results()).toMatch(/Pairs\s*3/)
    // TE was the facilitator trying the link before the session: both answers are left out.
    // The table names people by number; the code filter finds TE's two answers.
    const review = await (await agent.get(`/sessions/${session.id}/evaluation/answers?code=TE`)).text()
    expect(textOf(review)).toContain('Answers 1–2 of 2')
    const te = await jaga.db.selectFrom('submissions').select(['id', 'phase']).where('sessionId', '=', session.id).where('code', '=', 'TE-07-A-2').execute()
    const noReason = await agent.post(`/sessions/${session.id}/evaluation/answers/${te[0]!.id}/exclude`, { reason: '' })
    expect(noReason.status).toBe(422)
    expect(textOf(await noReason.text())).toContain('Choose the reason first.')
    for (const row of te) expect((await agent.post(`/sessions/${session.id}/evaluation/answers/${row.id}/exclude`, { reason: 'test' })).status).toBe(303)
    const after = await results()
    expect(after).toMatch(/Pairs\s*2/)
    expect(after).toContain('2 answers left out by staff are not counted.')
    expect(textOf(await (await agent.get(`/sessions/${session.id}/evaluation/answers`)).text())).toContain('Left out: a test by staff')
    // Nor in the export, the programme's results or its coverage.
    expect(await (await agent.get(`/sessions/${session.id}/evaluation/answers.csv`)).text()).not.toContain('TE-07-A-2')
    const coordinator = (await sessionAgent(jaga, await aUser(jaga, 'coordinator'))).lang('en')
    expect(textOf(await (await coordinator.get(`/programmes/${programme.id}/evaluation`)).text())).toContain('Among 2 paired participants')
    // Kept, not deleted, and audited; another facilitator may not touch it; it can be counted again.
    expect(await jaga.db.selectFrom('submissions').select('excludedReason').where('id', '=', te[0]!.id).executeTakeFirstOrThrow()).toEqual({ excludedReason: 'test' })
    const stranger = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    expect((await stranger.post(`/sessions/${session.id}/evaluation/answers/${te[0]!.id}/include`)).status).toBe(403)
    for (const row of te) expect((await agent.post(`/sessions/${session.id}/evaluation/answers/${row.id}/include`)).status).toBe(303)
    expect(await results()).toMatch(/Pairs\s*3/)
    const audit = await jaga.db.selectFrom('auditEntries').select('action').where('subjectId', '=', session.id).where('action', 'in', ['evaluation.exclude', 'evaluation.include']).execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['evaluation.exclude', 'evaluation.exclude', 'evaluation.include', 'evaluation.include'])
    const partner = await sessionAgent(jaga, await aUser(jaga, 'partner'))
    expect((await partner.get(`/sessions/${session.id}/evaluation/answers`)).status).toBe(403)

    // The same through the API: the list (codes and scores, no answers), leave out, count again.
    const boss = await aUser(jaga, 'coordinator')
    const bearer = await createApiToken(jaga.db, cli, boss.email, 'test')
    const api = (path: string, body?: unknown) =>
      jaga.request(`http://localhost${path}`, { method: body ? 'POST' : 'GET', headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) })
    const listed = (await (await api(`/api/v1/sessions/${session.id}/evaluation/answers`)).json()) as { answers: { id: string; code: string; excludedReason: string | null; answers?: unknown }[] }
    expect(listed.answers).toHaveLength(6)
    expect(listed.answers[0]).not.toHaveProperty('answers')
    expect((await api(`/api/v1/sessions/${session.id}/evaluation/answers/${te[0]!.id}/exclude`, { reason: 'maybe' })).status).toBe(422)
    expect((await api(`/api/v1/sessions/${session.id}/evaluation/answers/${te[0]!.id}/exclude`, { reason: 'duplicate' })).status).toBe(204)
    expect((await api(`/api/v1/sessions/${session.id}/evaluation/answers/${te[0]!.id}/exclude`, { reason: 'duplicate' })).status).toBe(404)
    const again = (await (await api(`/api/v1/sessions/${session.id}/evaluation/answers`)).json()) as typeof listed
    expect(again.answers.find((a) => a.id === te[0]!.id)!.excludedReason).toBe('duplicate')
    expect((await api(`/api/v1/sessions/${session.id}/evaluation/answers/${te[0]!.id}/include`, {})).status).toBe(204)
  })

  it('gathers the feedback of a programme’s sessions on its results page, for staff only', async () => {
    const { programme, token, session } = await sessionWithLinks()
    for (const [useful, text] of [['5', 'Cara mengatur TikTok anak'], ['3', 'Contoh kasus di sekolah']] as const) {
      expect((await send(token('feedback'), { id: crypto.randomUUID(), code: code('FB'), answers: { useful, clear: '4', want_to_know: text } })).status).toBe(201)
    }
    const coordinator = (await sessionAgent(jaga, await aUser(jaga, 'coordinator'))).lang('en')
    // Written answers show once a referral person released them (free-text-review.test.ts).
    for (const s of await jaga.db.selectFrom('submissions').select('id').where('sessionId', '=', session.id).where('phase', '=', 'feedback').execute())
      expect((await coordinator.post(`/sessions/${session.id}/evaluation/comments/${s.id}/want_to_know/release`)).status).toBe(303)
    const page = textOf(await (await coordinator.get(`/programmes/${programme.id}/evaluation`)).text())
    expect(page).toContain('Feedback from every session (2 answers): for planning the next visits')
    expect(page).toContain('Cara mengatur TikTok anak')
    expect(page).toContain('Contoh kasus di sekolah')
    expect(page).toMatch(/mean 4[.,]0 of 5/)
    const pdf = await readPdf(await coordinator.get(`/programmes/${programme.id}/evaluation.pdf`))
    expect(pdf.text.replace(/\s+/g, ' ')).toContain('Cara mengatur TikTok anak | Contoh kasus di sekolah')
    const partner = (await sessionAgent(jaga, await aPartnerAccount(jaga, programme.id))).lang('en')
    const partnerPage = textOf(await (await partner.get(`/programmes/${programme.id}/evaluation`)).text())
    expect(partnerPage).not.toContain('Cara mengatur TikTok anak')
    expect(partnerPage).not.toContain('Feedback from every session')
    expect((await readPdf(await partner.get(`/programmes/${programme.id}/evaluation.pdf`))).text).not.toContain('Cara mengatur TikTok anak')
  })

  it('pages the disclosures with the ones not yet handled first, however old', async () => {
    const { session } = await sessionWithLinks()
    const coordinator = (await sessionAgent(jaga, await aUser(jaga, 'coordinator'))).lang('en')
    const already = Number((await jaga.db.selectFrom('disclosures').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    const openBefore = Number((await jaga.db.selectFrom('disclosures').select((eb) => eb.fn.countAll().as('n')).where('handledAt', 'is', null).executeTakeFirstOrThrow()).n)
    const row = (n: number, handled: boolean) => ({
      id: crypto.randomUUID(),
      sessionId: session.id,
      submissionId: crypto.randomUUID(),
      itemId: 'want_to_know',
      text: `${handled ? 'Handled' : 'Waiting'} note ${n}`,
      // The waiting one is the oldest of all; the handled ones are newer than anything else.
      receivedAt: handled ? `2099-01-01T00:${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}.000Z` : '2000-01-01T00:00:00.000Z',
      handledAt: handled ? '2099-02-01T00:00:00.000Z' : null,
      handledBy: null,
    })
    await jaga.db.insertInto('disclosures').values([row(0, false), ...Array.from({ length: 101 }, (_, n) => row(n, true))]).execute()
    const first = textOf(await (await coordinator.get('/disclosures')).text())
    expect(first).toContain(`Not yet handled: ${openBefore + 1}`)
    expect(first).toContain('Waiting note 0')
    expect(first).toContain('Handled note 100')
    // 100 a page: with the waiting ones on page 1, the oldest handled ones move to later pages.
    const total = already + 102
    const lastPage = Math.ceil(total / DISCLOSURE_PAGE)
    expect(lastPage).toBeGreaterThan(1)
    expect(first).toContain('Next')
    expect(first).not.toContain('Previous')
    const last = textOf(await (await coordinator.get(`/disclosures?page=${lastPage}`)).text())
    expect(last).toContain('Previous')
    expect(last).not.toContain('Next')
    expect(last).not.toContain('Waiting note 0')
    const pagesText = (await Promise.all(Array.from({ length: lastPage }, async (_, i) => textOf(await (await coordinator.get(`/disclosures?page=${i + 1}`)).text())))).join('\n')
    for (let n = 0; n <= 100; n++) expect(pagesText).toContain(`Handled note ${n}`)
    // A page number that is not one shows the first page.
    expect(textOf(await (await coordinator.get('/disclosures?page=abc')).text())).toContain('Waiting note 0')
  })

  it('lets referral roles edit the trigger words, and an added word routes the next answer', async () => {
    const { token } = await sessionWithLinks()
    const coordinator = (await sessionAgent(jaga, await aUser(jaga, 'coordinator'))).lang('en')
    const feedback = (text: string) => send(token('feedback'), { id: crypto.randomUUID(), code: code('KW'), answers: { useful: '4', clear: '4', want_to_know: text } })
    // Built-in signs already catch asking for photos; a slang phrase only the staff know is added here.
    expect(await (await feedback('Teman saya ditawari open bo')).json()).toMatchObject({ disclosure: false })
    // Nouns and active verbs of the starting words are on the list too.
    expect(await (await feedback('Ada ancaman dan pemerasan di grup')).json()).toMatchObject({ disclosure: true })
    const added = await coordinator.post('/disclosures/keywords', { locale: 'id', phrase: 'Open BO' })
    expect(added.status).toBe(303)
    expect(textOf(await (await coordinator.get(added.headers.get('Location')!)).text())).toContain('"open bo" added.')
    expect(await (await feedback('Teman saya ditawari open bo')).json()).toMatchObject({ disclosure: true })
    const again = await coordinator.post('/disclosures/keywords', { locale: 'id', phrase: 'OPEN  bo!' })
    expect(textOf(await again.text())).toContain('This word is already on the list.')
    expect(textOf(await (await coordinator.post('/disclosures/keywords', { locale: 'en', phrase: 'ab' })).text())).toContain('At least 3 letters')
    const row = await jaga.db.selectFrom('disclosureKeywords').select('id').where('phrase', '=', 'open bo').executeTakeFirstOrThrow()
    expect((await coordinator.post(`/disclosures/keywords/${row.id}/delete`)).status).toBe(303)
    expect(await (await feedback('Ada yang nawarin open bo lagi')).json()).toMatchObject({ disclosure: false })
    const facilitator = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    expect((await facilitator.post('/disclosures/keywords', { locale: 'id', phrase: 'apa saja' })).status).toBe(403)
  })

  it('takes nothing through a closed link, and says so to the participant', async () => {
    const { session, agent, links, token } = await sessionWithLinks()
    const pre = links.find((l) => l.phase === 'pre')!
    expect((await agent.post(`/sessions/${session.id}/evaluation/links/${pre.id}/close`)).status).toBe(303)
    const page = await new Agent(jaga).lang('en').get(`/q/${token('pre')}`)
    expect(page.status).toBe(409)
    expect(textOf(await page.text())).toContain('This questionnaire is closed')
    const res = await send(token('pre'), { id: crypto.randomUUID(), code: code('AB'), answers: await parentsAnswers(jaga, 5) })
    expect(res.status).toBe(409)
    expect((await agent.post(`/sessions/${session.id}/evaluation/links/${pre.id}/reopen`)).status).toBe(303)
    expect((await send(token('pre'), { id: crypto.randomUUID(), code: code('AB'), answers: await parentsAnswers(jaga, 5) })).status).toBe(201)
  })
})

describe('codes too alike to pair on their own', () => {
  it('are listed for review; a person pairs them (and can undo it), and every result uses that decision', async () => {
    const { session, agent, token } = await sessionWithLinks()
    await agent.lang('en')
    const preId = crypto.randomUUID()
    await send(token('pre'), { id: preId, code: code('AB', '7'), answers: await parentsAnswers(jaga, 5) })
    const posts = [crypto.randomUUID(), crypto.randomUUID()]
    await send(token('post'), { id: posts[0], code: code('AB', '8'), answers: await parentsAnswers(jaga, 12) })
    await send(token('post'), { id: posts[1], code: code('AB', '9'), answers: await parentsAnswers(jaga, 13) })
    const before = textOf(await (await agent.get(`/sessions/${session.id}/evaluation`)).text())
    expect(before).toContain('0 of 1 answer before is paired')
    expect(before).toContain('Pair AB-07-A-2 with AB-08-A-2')
    expect(before).toContain('Pair AB-07-A-2 with AB-09-A-2')
    expect((await agent.post(`/sessions/${session.id}/evaluation/pairs`, { pre: preId, post: posts[1]! })).status).toBe(303)
    const after = textOf(await (await agent.get(`/sessions/${session.id}/evaluation`)).text())
    expect(after).toContain('1 of 1 answer before is paired with an answer after (100%); 0 with the same code, 1 differing in one part. Answers after without a pair: 1.')
    expect(after).toContain('Undo: AB-07-A-2 with AB-09-A-2')
    expect(analyzeCsv(await (await agent.get(`/sessions/${session.id}/evaluation/answers.csv`)).text()).score.post.mean).toBe(13)
    expect((await agent.post(`/sessions/${session.id}/evaluation/pairs`, { pre: preId, post: posts[0]! })).status).toBe(409)
    const other = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    expect((await other.post(`/sessions/${session.id}/evaluation/pairs`, { pre: preId, post: posts[0]! })).status).toBe(403)
    const pair = await jaga.db.selectFrom('confirmedPairs').select('id').where('sessionId', '=', session.id).executeTakeFirstOrThrow()
    expect((await agent.post(`/sessions/${session.id}/evaluation/pairs/${pair.id}/undo`)).status).toBe(303)
    expect(textOf(await (await agent.get(`/sessions/${session.id}/evaluation`)).text())).toContain('0 of 1 answer before is paired')
  })
})

describe('a Likert scale before and after', () => {
  it('is analysed on the statements’ points: mean per statement, the paired tests, and the change in words', async () => {
    const facilitator = await aUser(jaga, 'facilitator')
    const programme = await aProgramme(jaga, { facilitators: [facilitator] })
    const session = await aSession(jaga, programme.id, { audiences: ['parents'], facilitatorIds: [facilitator.id] })
    const agent = (await sessionAgent(jaga, facilitator)).lang('en')
    const form = new URLSearchParams({ _csrf: agent.csrf, groupKind: 'parents', questionnaireKey: 'behaviour-confidence' })
    for (const e of ['mother', 'day', 'own']) form.append('codeElements', e)
    expect((await agent.send(`/sessions/${session.id}/evaluation`, { method: 'POST', body: form })).status).toBe(303)
    const links = await jaga.db.selectFrom('collectionLinks').select(['phase', 'token']).where('sessionId', '=', session.id).execute()
    const tokenOf = (phase: string) => links.find((l) => l.phase === phase)!.token
    const ids = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']
    const did = { agreement: 'no', talked: 'once', settings_set: 'na' }
    // Six people answer every statement 2 before and 4 after, except one who answers 3 after.
    for (let n = 0; n < 6; n++) {
      const c = { mother: `S${'ABCDEF'[n]}`, day: '5', own: 'A' }
      expect((await send(tokenOf('pre'), { id: crypto.randomUUID(), code: c, answers: { ...did, ...Object.fromEntries(ids.map((i) => [i, '2'])) } })).status).toBe(201)
      expect((await send(tokenOf('post'), { id: crypto.randomUUID(), code: c, answers: { ...did, ...Object.fromEntries(ids.map((i) => [i, n === 5 ? '3' : '4'])) } })).status).toBe(201)
    }
    const page = textOf(await (await agent.get(`/sessions/${session.id}/evaluation`)).text())
    // After: (5 × 4 + 3) / 6 = 3.83 per statement.
    expect(page).toContain('Among paired participants, the mean answer rose from 2.0 to 3.8 (scale 1–5).')
    expect(page).toMatch(/I know the signs that a child is being groomed online\.\s*2\.0\s*\(0 · 6 · 0 · 0 · 0\)\s*3\.8\s*\(0 · 0 · 1 · 5 · 0\)/)
    expect(page).toMatch(/Paired t-test\s*t\(5\) = /)
    expect(page).not.toContain('Normalised gain')
  })
})

describe('the 3-month follow-up', () => {
  it('opens with the same code questions, and reports its answers and how many match a before code', async () => {
    const { session, agent, token } = await sessionWithLinks()
    await agent.lang('en')
    expect((await send(token('pre'), { id: crypto.randomUUID(), code: code('FU'), answers: await parentsAnswers(jaga, 7) })).status).toBe(201)
    expect((await agent.post(`/sessions/${session.id}/evaluation/follow-up`, { groupKind: 'parents' })).status).toBe(303)
    expect((await agent.post(`/sessions/${session.id}/evaluation/follow-up`, { groupKind: 'parents' })).status).toBe(409)
    const link = await jaga.db.selectFrom('collectionLinks').selectAll().where('sessionId', '=', session.id).where('phase', '=', 'follow-up').executeTakeFirstOrThrow()
    expect(link.codeElements).toBe(JSON.stringify(['mother', 'day', 'own', 'siblings']))
    const followUp = { settings_set: 'yes', talked: 'often', agreement: 'yes', know_where: 'yes', where: 'SAPA 129', confidence: '4' }
    expect((await send(link.token, { id: crypto.randomUUID(), code: code('FU'), answers: followUp })).status).toBe(201)
    expect((await send(link.token, { id: crypto.randomUUID(), code: code('NEW'.slice(0, 2), '30'), answers: { ...followUp, settings_set: 'no' } })).status).toBe(201)
    // Written answers show once a referral person (here the session's facilitator) released them.
    expect(textOf(await (await agent.get(`/sessions/${session.id}/evaluation`)).text())).toContain('2 comments waiting for review')
    for (const s of await jaga.db.selectFrom('submissions').select('id').where('linkId', '=', link.id).execute())
      expect((await agent.post(`/sessions/${session.id}/evaluation/comments/${s.id}/where/release`)).status).toBe(303)
    const page = textOf(await (await agent.get(`/sessions/${session.id}/evaluation`)).text())
    expect(page).toContain('3-month follow-up: Parents and caregivers (2 answers)')
    expect(page).toContain('1 of 2 follow-up answers match a code from before the activity.')
    // The behaviour questions before (the knowledge test did not ask them) and three months later.
    expect(page).toMatch(/set privacy or parental controls[^?]*\?\s*Answer\s*Before\s*Three months later\s*Yes\s*not asked\s*1 \(50%\)\s*Not yet\s*not asked\s*1 \(50%\)/)
    expect(page).toContain('SAPA 129')
  })
})

describe('paper questionnaires', () => {
  it('are typed in a grid, one row per paper: good rows are saved, a row with a mistake stays as typed with its message, and saving twice stores nothing twice', async () => {
    const { session, agent, links } = await sessionWithLinks()
    const pre = links.find((l) => l.phase === 'pre')!
    await agent.lang('en')
    const grid = await (await agent.get(`/sessions/${session.id}/evaluation/links/${pre.id}/paper`)).text()
    expect(grid).toContain('aria-label="Row 1, question 1"')
    const ids = [...grid.matchAll(/name="r(\d)\.id" value="([^"]+)"/g)].map((m) => m[2]!)
    expect(ids).toHaveLength(10)
    // Row 1: all right, typed the quick way (1 = true, 0 = false, option letters); row 2: all wrong by numbers, "don't know" (3) first; row 3: a mistake in question 4.
    const key = ['1', 'b', '1', '0', '0', 'b', '1', 'a', '0', 'b', '0', '1', 'c', '1', '0']
    const wrong = ['3', '1', '0', '1', '1', '1', '0', '2', '1', '1', '1', '0', '2', '0', '1']
    const form: Record<string, string> = {}
    const row = (r: number, code: string[], cells: string[]) => {
      form[`r${r}.id`] = ids[r]!
      ;['mother', 'day', 'own', 'siblings'].forEach((k, i) => (form[`r${r}.code.${k}`] = code[i]!))
      cells.forEach((v, i) => (form[`r${r}.a.k${String(i + 1).padStart(2, '0')}`] = v))
    }
    row(0, ['PA', '4', 'R', '1'], key)
    row(1, ['QU', '15', 'E', '0'], wrong)
    row(2, ['RO', '9', 'I', '3'], key.map((v, i) => (i === 3 ? 'x' : v)))
    const res = await agent.post(`/sessions/${session.id}/evaluation/links/${pre.id}/paper`, form)
    expect(res.status).toBe(422)
    const page = await res.text()
    expect(textOf(page)).toContain('2 questionnaires saved.')
    expect(textOf(page)).toContain('Row 1: question 4 — Choose one of the answers given.')
    expect(page).toContain(`name="r0.code.mother" value="RO"`)
    const stored = await jaga.db.selectFrom('submissions').select(['code', 'score', 'source']).where('sessionId', '=', session.id).orderBy('code').execute()
    expect(stored).toEqual([
      { code: 'PA-04-R-1', score: 15, source: 'paper' },
      { code: 'QU-15-E-0', score: 0, source: 'paper' },
    ])
    // The same page sent again (a double click, a refresh): nothing new.
    await agent.post(`/sessions/${session.id}/evaluation/links/${pre.id}/paper`, form)
    expect(await jaga.db.selectFrom('submissions').select('id').where('sessionId', '=', session.id).execute()).toHaveLength(2)
    const other = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    expect((await other.get(`/sessions/${session.id}/evaluation/links/${pre.id}/paper`)).status).toBe(403)
  })
})

describe('the evaluation API', () => {
  it('opens a session’s links and reads its results as JSON, with the paired analysis in the analyze shape', async () => {
    const coordinator = await aUser(jaga, 'coordinator')
    const token = await createApiToken(jaga.db, cli, coordinator.email, 'test')
    const programme = await aProgramme(jaga)
    const session = await aSession(jaga, programme.id, { audiences: ['teachers'] })
    const api = (path: string, body?: unknown) =>
      jaga.request(`http://localhost${path}`, { method: body ? 'POST' : 'GET', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) })
    const opened = await api(`/api/v1/sessions/${session.id}/evaluation`, { groupKind: 'teachers', feedback: false })
    expect(opened.status).toBe(201)
    const { links } = (await opened.json()) as { links: { phase: string; token: string; open: boolean }[] }
    expect(links.map((l) => [l.phase, l.open])).toEqual([['pre', true], ['post', true]])
    expect((await api(`/api/v1/sessions/${session.id}/evaluation`, { groupKind: 'teachers' })).status).toBe(409)
    const items = scoredItems(readShippedQuestionnaires().find((q) => q.key === 'knowledge-teachers')!.definition)
    const answers = Object.fromEntries(items.map((i) => [i.id, String(i.answer)]))
    for (const [phase, mother] of [['pre', 'AA'], ['post', 'AA'], ['pre', 'BB'], ['post', 'BB']] as const)
      expect((await send(links.find((l) => l.phase === phase)!.token, { id: crypto.randomUUID(), code: code(mother), answers })).status).toBe(201)
    const results = (await (await api(`/api/v1/sessions/${session.id}/evaluation`)).json()) as { groups: { groupKind: string; pairs: number; matchRate: number; analysis: { score: { pairs: number; pre: { mean: number } }; items: unknown[] } }[] }
    expect(results.groups).toHaveLength(1)
    expect(results.groups[0]).toMatchObject({ groupKind: 'teachers', pairs: 2, matchRate: 1, analysis: { score: { pairs: 2, pre: { mean: 15 } } } })
    expect(results.groups[0]!.analysis.items).toHaveLength(15)
    // Two pairs: staff see them in the coverage; a partner sees that there are some, not how they did.
    const staffRow = ((await (await api(`/api/v1/coverage?programme=${programme.id}`)).json()) as { rows: { name: string; knowledge: unknown }[] }).rows.find((r) => r.name === 'Harjosari I')!
    expect(staffRow.knowledge).toEqual({ pairs: 2, preShare: 1, postShare: 1 })
    const partnerToken = await createApiToken(jaga.db, cli, (await aPartnerAccount(jaga, programme.id)).email, 'test')
    const partnerView = await jaga.request(`http://localhost/api/v1/coverage?programme=${programme.id}`, { headers: { Authorization: `Bearer ${partnerToken}` } })
    const partnerRow = ((await partnerView.json()) as { rows: { name: string; knowledge: unknown }[] }).rows.find((r) => r.name === 'Harjosari I')!
    expect(partnerRow.knowledge).toEqual({ pairs: null, preShare: null, postShare: null })
    const spec = (await (await jaga.request('http://localhost/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> }
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/sessions/{id}/evaluation', '/api/v1/collect/{token}']))
  })
})

describe('planning from results', () => {
  it('puts the area where knowledge stayed lowest first among visits due in the same month', async () => {
    const coordinator = await aUser(jaga, 'coordinator')
    const token = await createApiToken(jaga.db, cli, coordinator.email, 'test')
    const api = async (path: string, body?: unknown) =>
      jaga.request(`http://localhost${path}`, { method: body ? 'POST' : 'GET', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) })
    const programme = await aProgramme(jaga)
    for (const areaId of [HARJOSARI_I, TIMBANG_DELI]) expect((await api(`/api/v1/programmes/${programme.id}/visit-plans`, { areaId, everyMonths: 1 })).status).toBeLessThan(300)
    const before = ((await (await api(`/api/v1/programmes/${programme.id}/visits`)).json()) as { visits: { areaName: string }[] }).visits
    expect(before.map((v) => v.areaName)).toEqual(['Harjosari I', 'Timbang Deli'])
    for (const [areaId, right] of [[HARJOSARI_I, 14], [TIMBANG_DELI, 4]] as const) {
      const session = await aHeldSession(jaga, programme.id, { female: 3, male: 2 }, { areaId })
      const { links } = (await (await api(`/api/v1/sessions/${session.id}/evaluation`, { groupKind: 'parents', feedback: false })).json()) as { links: { phase: string; token: string }[] }
      for (const phase of ['pre', 'post']) expect((await send(links.find((l) => l.phase === phase)!.token, { id: crypto.randomUUID(), code: code('ZZ'), answers: await parentsAnswers(jaga, phase === 'pre' ? 2 : right) })).status).toBe(201)
    }
    const after = ((await (await api(`/api/v1/programmes/${programme.id}/visits`)).json()) as { visits: { areaName: string; nextDue: string; knowledge: number }[] }).visits
    expect(after[0]!.nextDue).toBe(after[1]!.nextDue)
    expect(after.map((v) => [v.areaName, Math.round(v.knowledge * 15)])).toEqual([['Timbang Deli', 4], ['Harjosari I', 14]])
  })
})

describe('session results', () => {
  it('pairs pre and post by code (one differing part tolerated), reports the match rate and the change in plain words, and exports a file jaga analyze reads the same way', async () => {
    const { session, agent, token, programme } = await sessionWithLinks()
    const people = [
      { pre: code('AN', '1'), post: code('AN', '1'), before: 6, after: 12 },
      { pre: code('BU', '2'), post: code('BU', '2'), before: 7, after: 13 },
      { pre: code('CI', '3'), post: code('CI', '3'), before: 5, after: 12 },
      { pre: code('DO', '4'), post: code('DO', '4'), before: 8, after: 14 },
      { pre: code('EK', '5'), post: code('EK', '5'), before: 9, after: 13 },
      { pre: code('FA', '6'), post: code('FA', '6'), before: 4, after: 11 },
      { pre: code('GE', '7'), post: code('GE', '7'), before: 6, after: 10 },
      { pre: code('HA', '8'), post: code('HA', '8'), before: 7, after: 15 },
      { pre: code('IN', '9'), post: code('IN', '9'), before: 8, after: 13 },
      // Wrote a different day afterwards: paired by tolerance.
      { pre: code('JU', '10'), post: code('JU', '11'), before: 5, after: 12 },
      // Answered only before.
      { pre: code('KI', '12'), post: undefined, before: 6, after: 0 },
    ]
    for (const p of people) {
      expect((await send(token('pre'), { id: crypto.randomUUID(), code: p.pre, answers: await parentsAnswers(jaga, p.before) })).status).toBe(201)
      if (p.post) expect((await send(token('post'), { id: crypto.randomUUID(), code: p.post, answers: await parentsAnswers(jaga, p.after) })).status).toBe(201)
    }
    const page = textOf(await (await agent.get(`/sessions/${session.id}/evaluation`)).text())
    expect(page).toContain('10 of 11 answers before are paired with an answer after (91%); 9 with the same code, 1 differing in one part. Answers after without a pair: 0.')
    // Paired: before (6+7+5+8+9+4+6+7+8+5)/10 = 6.5 of 15 = 43%; after (12+13+12+14+13+11+10+15+13+12)/10 = 12.5 = 83%.
    expect(page).toContain('Among paired participants, knowledge rose from 43% to 83%. A change this large is very unlikely to be chance (p < 0.001).')
    expect(page).toMatch(/Pairs\s*10/)
    expect(page).toContain('Limits: only paired participants are analysed')

    const csv = await agent.get(`/sessions/${session.id}/evaluation/answers.csv`)
    expect(csv.headers.get('Content-Type')).toContain('text/csv')
    const analysis = analyzeCsv(await csv.text())
    expect(analysis).toMatchObject({ pairs: 10, unmatched: { pre: 1, post: 0 }, items_count: 15, dichotomous: true })
    expect(analysis.score.pre.mean).toBeCloseTo(6.5, 12)
    expect(analysis.score.post.mean).toBeCloseTo(12.5, 12)

    // The programme's coverage shows knowledge before and after in the session's kelurahan.
    const coordinator = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    const coverage = textOf(await (await coordinator.get(`/coverage?programme=${programme.id}`)).text())
    expect(coverage).toMatch(/Harjosari I .*before 43%, after 83% \(10 pairs\)/)
    const programmePdf = await readPdf(await coordinator.get(`/programmes/${programme.id}/report.pdf`))
    expect(programmePdf.text).toMatch(/Harjosari I .*before 43%, after 83%.*\(10 pairs\)/)
    const partner = await sessionAgent(jaga, await aPartnerAccount(jaga, programme.id))
    const api = (await (await partner.get(`/coverage?programme=${programme.id}`)).text())
    expect(textOf(api)).toContain('before 43%, after 83% (10 pairs)')

    // The XLSX: the same rows, one row per matched pair, and a codebook naming every question.
    const xlsx = await agent.get(`/sessions/${session.id}/evaluation/answers.xlsx`)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await xlsx.arrayBuffer()) as never)
    expect(book.worksheets.map((w) => w.name)).toEqual(['answers', 'pairs', 'codebook', 'comments'])
    expect(book.getWorksheet('answers')!.rowCount).toBe(1 + 21)
    expect(book.getWorksheet('pairs')!.rowCount).toBe(1 + 10)
    // Codes as written; the pair made by tolerance says so, and its id is in both answers' rows.
    const juPair = book.getWorksheet('pairs')!.getRows(2, 10)!.map((r) => r.values as unknown[]).find((v) => v[3] === 'JU-10-A-2')!
    expect(juPair.slice(2)).toEqual(['tolerant', 'JU-10-A-2', 'JU-11-A-2', 'parents', 5, 12, 15, 7, 0.7])
    const juRows = book.getWorksheet('answers')!.getRows(2, 21)!.map((r) => r.values as unknown[]).filter((v) => v[6] === juPair[1])
    expect(juRows.map((v) => [v[1], v[2], v[5]])).toEqual([['JU-10-A-2', 'pre', 'tolerant'], ['JU-11-A-2', 'post', 'tolerant']])
    const codebookText = await (await agent.get(`/sessions/${session.id}/evaluation/codebook.csv`)).text()
    expect(codebookText).toContain('k08,"1 = benar, 0 = salah atau tidak dijawab, sel kosong = tidak ditampilkan (lompatan pertanyaan): Nomor layanan SAPA')
    // Header, 11 answer columns, 15 items, and the line saying how many written comments wait for review.
    expect(codebookText.trim().split('\n')).toHaveLength(1 + 11 + 15 + 1)
    expect(codebookText).toContain('comments')

    // The PDF report says the same in words, in the reader's language.
    const pdf = await agent.get(`/sessions/${session.id}/evaluation/report.pdf`)
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf')
    const { text, info } = await readPdf(pdf)
    expect(info).toMatch(/Pages:\s+[2-9]/)
    expect(text).toContain('Among paired participants, knowledge rose from 43% to 83%. A change this large is very unlikely to be chance (p < 0.001).')
    expect(text).toContain('Score distribution')

    // The programme's results, by group, kelurahan and format, with the same pooled numbers.
    const programmeResults = textOf(await (await coordinator.get(`/programmes/${programme.id}/evaluation`)).text())
    expect(programmeResults).toContain('Among 10 paired participants, knowledge went from 43% to 83%.')
    expect(programmeResults).toMatch(/By kelurahan.*Harjosari I\s*10\s*43%\s*83%\s*\+40[.,]0/)
    expect(programmeResults).toMatch(/By session format.*Seminar\s*10/)
    expect(textOf(await (await coordinator.get(`/programmes/${programme.id}`)).text())).toContain('The programme’s before-and-after results')
    // The area report: the same for one kelurahan, as a page and a PDF.
    const areaPage = textOf(await (await coordinator.get(`/programmes/${programme.id}/evaluation?area=${HARJOSARI_I}`)).text())
    expect(areaPage).toContain(`Evaluation results · ${programme.name} · Harjosari I`)
    expect(areaPage).toContain('Among 10 paired participants, knowledge went from 43% to 83%.')
    expect((await coordinator.get(`/programmes/${programme.id}/evaluation?area=${TIMBANG_DELI}`)).status).toBe(200)
    expect(textOf(await (await coordinator.get(`/programmes/${programme.id}/evaluation?area=${TIMBANG_DELI}`)).text())).toContain('No before/after pairs yet.')
    const programmeEvalPdf = await readPdf(await coordinator.get(`/programmes/${programme.id}/evaluation.pdf`))
    expect(programmeEvalPdf.text).toContain('Among 10 paired participants, knowledge went from 43% to 83%. A change this large is very unlikely to be chance (p < 0.001).')
    expect(programmeEvalPdf.text).toMatch(/By kelurahan .*Harjosari I\s+10\s+43%\s+83%\s+\+40[.,]0/)
    // A partner sees the same results (every row here has 10 pairs), reached from the programme report, and is led back to coverage.
    partner.lang('en')
    expect(await (await partner.get(`/programmes/${programme.id}/report`)).text()).toContain(`href="/programmes/${programme.id}/evaluation"`)
    const partnerResults = await (await partner.get(`/programmes/${programme.id}/evaluation`)).text()
    expect(textOf(partnerResults)).toContain('Among 10 paired participants, knowledge went from 43% to 83%.')
    expect(partnerResults).toContain('href="/coverage"')
    expect((await partner.get(`/programmes/${programme.id}/evaluation.pdf`)).status).toBe(200)
    // Its area report is the area's headline only, with no breakdown to subtract from the programme's.
    const partnerArea = textOf(await (await partner.get(`/programmes/${programme.id}/evaluation?area=${HARJOSARI_I}`)).text())
    expect(partnerArea).toContain('Among 10 paired participants, knowledge went from 43% to 83%.')
    expect(partnerArea).not.toContain('By group')
    expect(areaPage).toContain('By group')

    const live = await agent.get(`/sessions/${session.id}/evaluation/live`)
    const liveHtml = await live.text()
    expect(liveHtml).toContain('data-live="10000"')
    expect(textOf(liveHtml)).toMatch(/Before 43% 11 answers After 83% 10 answers/)
    const qr = await (await agent.get(`/sessions/${session.id}/evaluation/qr`)).text()
    expect(qr.match(/<svg class="qr"/g)).toHaveLength(3)
    expect(qr).toContain(`/q/${token('post')}`)
  })
})
