import crypto from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { Agent, aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { aCode, aSessionWithLinks, parentsAnswers } from '../../test/evaluation-builders.ts'
import { useTestApp } from '../../test/harness.ts'
import { aProgramme, aSession, cli } from '../../test/outreach-builders.ts'
import { createApiToken } from '../accounts/users.ts'
import { numberParticipants } from './participant-numbers.ts'

const jaga = useTestApp()

const FIVE = ['mother', 'day', 'own', 'siblings', 'father']
const partsForm = (agent: Agent, groupKind: string, parts: string[]) => {
  const form = new URLSearchParams({ _csrf: agent.csrf, groupKind })
  for (const p of parts) form.append('codeElements', p)
  return form
}
const linkParts = async (sessionId: string) =>
  (await jaga.db.selectFrom('collectionLinks').select(['phase', 'codeElements']).where('sessionId', '=', sessionId).execute()).map((l) => [l.phase, JSON.parse(l.codeElements) as string[]])

describe('participant numbers', () => {
  it('follow the order of each code’s first answer, the same code in the same group keeping one number', () => {
    const numberOf = numberParticipants([
      { groupKind: 'parents', code: 'BU-07-A-2', first: '2026-11-20T08:05:00.000Z' },
      { groupKind: 'parents', code: 'AN-07-A-2', first: '2026-11-20T08:01:00.000Z' },
      { groupKind: 'teachers', code: 'AN-07-A-2', first: '2026-11-20T08:05:00.000Z' },
    ])
    expect(numberOf('parents', 'AN-07-A-2')).toBe(1)
    // Same moment: the group, then the code, decide, so the numbers never depend on the order rows came from the database.
    expect(numberOf('parents', 'BU-07-A-2')).toBe(2)
    expect(numberOf('teachers', 'AN-07-A-2')).toBe(3)
    expect(numberOf('parents', 'ZZ-01-A-1')).toBeUndefined()
  })
})

describe('codes in staff views', () => {
  it('are left out of the answers table, which names people by a stable number; the code filter and one answer’s details still show the code for checking pairs', async () => {
    const s = await aSessionWithLinks(jaga)
    s.agent.lang('en')
    await s.pair('AN', 5, 12)
    await s.pair('BU', 6, 13)
    const ci = crypto.randomUUID()
    await s.send('pre', { id: ci, code: aCode('CI'), answers: parentsAnswers(4) })
    const base = `/sessions/${s.session.id}/evaluation/answers`
    const html = await (await s.agent.get(base)).text()
    expect(textOf(html)).toContain('Participant 1')
    expect(textOf(html)).toContain('Participant 3')
    expect(html).not.toContain('AN-07-A-2')
    expect(html).not.toContain('CI-07-A-2')
    expect(html).toContain('aria-label="See the answer of participant 2 (After the session)"')

    // A later answer takes the next number, even with a code that sorts first; leaving one out moves none.
    await sleep(5)
    await s.send('pre', { id: crypto.randomUUID(), code: aCode('AA'), answers: parentsAnswers(4) })
    expect((await s.agent.post(`${base}/${ci}/exclude`, { reason: 'test' })).status).toBe(303)
    const later = textOf(await (await s.agent.get(`${base}?code=AA`)).text())
    expect(later).toContain('Participant 4')
    const bu = await (await s.agent.get(`${base}?code=bu`)).text()
    expect(textOf(bu)).toContain('Answers 1–2 of 2')
    expect((textOf(bu).match(/Participant 2/g) ?? []).length).toBe(2)
    expect(textOf(await (await s.agent.get(`${base}?code=CI`)).text())).toContain('Participant 3')

    const post = await jaga.db.selectFrom('submissions').select('id').where('sessionId', '=', s.session.id).where('code', '=', 'BU-07-A-2').where('phase', '=', 'post').executeTakeFirstOrThrow()
    const detail = textOf(await (await s.agent.get(`${base}/${post.id}`)).text())
    expect(detail).toContain('Answer of Participant 2 · After the session')
    expect(detail).toContain('Code (only for checking pairs) BU-07-A-2')
    const id = textOf(await (await s.agent.lang('id').get(`${base}/${post.id}`)).text())
    expect(id).toContain('Jawaban Peserta 2 · Sesudah kegiatan')

    const bearer = await createApiToken(jaga.db, cli, (await aUser(jaga, 'coordinator')).email, 'answers')
    const res = await jaga.request(`http://localhost/api/v1/sessions/${s.session.id}/evaluation/answers?code=AN`, { headers: { Authorization: `Bearer ${bearer}` } })
    const api = (await res.json()) as { answers: { code: string; participant: number }[] }
    expect(api.answers.map((a) => [a.code, a.participant])).toEqual([
      ['AN-07-A-2', 1],
      ['AN-07-A-2', 1],
    ])
  })

  it('stay in the CSV for the analysis, and the evaluation page says so next to the downloads, with the participants’ round words', async () => {
    const s = await aSessionWithLinks(jaga)
    await s.pair('AN', 5, 12)
    const en = textOf(await (await s.agent.lang('en').get(`/sessions/${s.session.id}/evaluation`)).text())
    expect(en).toContain('The CSV and XLSX downloads hold participants’ codes as written, because the analysis pairs answers by them')
    expect(en).toContain('Before the session · Parents')
    expect(en).toContain('After the session · Parents')
    expect(en).toContain('Before-and-after evaluation')
    expect(en).not.toMatch(/\((pre|post)\)|Pre\/post/)
    const id = textOf(await (await s.agent.lang('id').get(`/sessions/${s.session.id}/evaluation`)).text())
    expect(id).toContain('Sebelum kegiatan · Orang tua')
    expect(id).toContain('Unduhan CSV dan XLSX memuat kode peserta seperti ditulis')
    expect(id).not.toMatch(/\((pre|post)\)|pre\/post/)
    expect(await (await s.agent.get(`/sessions/${s.session.id}/evaluation/answers.csv`)).text()).toContain('AN-07-A-2')
  })

  it('are listed where pairs are checked, and only counted in the results someone sees who checks no pairs', async () => {
    const s = await aSessionWithLinks(jaga)
    await s.pair('AN', 5, 12)
    for (const who of ['SA', 'SA', 'RI']) await s.send('pre', { id: crypto.randomUUID(), code: aCode(who), answers: parentsAnswers(4) })
    for (const day of ['8', '9']) await s.send('post', { id: crypto.randomUUID(), code: aCode('RI', day), answers: parentsAnswers(9) })
    const reviewer = textOf(await (await s.agent.lang('en').get(`/sessions/${s.session.id}/evaluation`)).text())
    expect(reviewer).toContain('Codes used by more than one person (not paired): SA-07-A-2')
    expect(reviewer).toContain('Pair RI-07-A-2 with RI-08-A-2')
    expect(reviewer).toContain('1 code was written by more than one person and was not paired.')
    expect(reviewer).toContain('1 code before resembles more than one code after and was not paired.')
    const onlookerAgent = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    const onlooker = textOf(await (await onlookerAgent.lang('en').get(`/sessions/${s.session.id}/evaluation`)).text())
    expect(onlooker).toContain('1 code was written by more than one person and was not paired.')
    expect(onlooker).toContain('1 code before resembles more than one code after and was not paired.')
    expect(onlooker).not.toMatch(/SA-07|RI-0|AN-07/)
  })
})

describe('the participant form’s word on the code', () => {
  it('promises only what is true: made of short answers, seen by the team only to match the two forms, never with a name', async () => {
    const { token } = await aSessionWithLinks(jaga)
    const en = textOf(await (await new Agent(jaga).lang('en').get(`/q/${token('pre')}`)).text())
    expect(en).toContain('The team sees it only to match your two forms, never with your name.')
    expect(en).not.toContain('cannot be used to identify you')
    const id = textOf(await (await new Agent(jaga).lang('id').get(`/q/${token('pre')}`)).text())
    expect(id).toContain('Tim melihatnya hanya untuk mencocokkan kedua formulir Anda, tidak pernah bersama nama Anda.')
    expect(id).not.toContain('tidak bisa dipakai untuk mengenali')

    const facilitator = await aUser(jaga, 'facilitator')
    const programme = await aProgramme(jaga, { facilitators: [facilitator] })
    const session = await aSession(jaga, programme.id, { audiences: ['children-10-12'], facilitatorIds: [facilitator.id] })
    const agent = await sessionAgent(jaga, facilitator)
    expect((await agent.send(`/sessions/${session.id}/evaluation`, { method: 'POST', body: partsForm(agent, 'children-10-12', ['mother', 'day', 'own']) })).status).toBe(303)
    const childLink = await jaga.db.selectFrom('collectionLinks').select('token').where('sessionId', '=', session.id).where('phase', '=', 'pre').executeTakeFirstOrThrow()
    const child = textOf(await (await new Agent(jaga).lang('id').get(`/q/${childLink.token}`)).text())
    expect(child).toContain('Tim melihatnya hanya untuk mencocokkan kedua formulirmu, tidak pernah bersama namamu.')
    expect(child).not.toContain('nama Anda')
  })
})

describe('a fifth code part', () => {
  it('can be chosen when opening the questionnaires, is asked on the form and joins the code; six parts are refused', async () => {
    const s = await aSessionWithLinks(jaga, { codeElements: FIVE })
    expect((await linkParts(s.session.id)).map(([, parts]) => parts)).toEqual([FIVE, FIVE, FIVE])
    const form = textOf(await (await new Agent(jaga).lang('en').get(`/q/${s.token('pre')}`)).text())
    expect(form).toContain("The first letter of your father's first name")
    await s.send('pre', { id: crypto.randomUUID(), code: { ...aCode('AN'), father: 'b' }, answers: parentsAnswers(5) })
    expect((await jaga.db.selectFrom('submissions').select('code').where('sessionId', '=', s.session.id).executeTakeFirstOrThrow()).code).toBe('AN-07-A-2-B')

    const other = await aSessionWithLinks(jaga, { codeElements: ['mother', 'day', 'own', 'own2'] })
    await other.send('pre', { id: crypto.randomUUID(), code: { mother: 'an', day: '7', own: 'a', own2: 'n' }, answers: parentsAnswers(5) })
    expect((await jaga.db.selectFrom('submissions').select('code').where('sessionId', '=', other.session.id).executeTakeFirstOrThrow()).code).toBe('AN-07-A-N')

    const facilitator = await aUser(jaga, 'facilitator')
    const programme = await aProgramme(jaga, { facilitators: [facilitator] })
    const session = await aSession(jaga, programme.id, { audiences: ['parents'], facilitatorIds: [facilitator.id] })
    const agent = await sessionAgent(jaga, facilitator)
    const six = await agent.send(`/sessions/${session.id}/evaluation`, { method: 'POST', body: partsForm(agent, 'parents', [...FIVE, 'own2']) })
    expect(six.status).toBe(422)
    expect(textOf(await six.text())).toContain('Choose 3 to 5 different code questions.')
  })

  it('may replace the parts while no answer has come in, and is refused with the reason once one has', async () => {
    const s = await aSessionWithLinks(jaga)
    s.agent.lang('en')
    const path = `/sessions/${s.session.id}/evaluation/code-parts`
    const page = async () => textOf(await (await s.agent.get(`/sessions/${s.session.id}/evaluation`)).text())
    expect(await page()).toContain('Change the code parts for Parents and caregivers')

    const stranger = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    expect((await stranger.send(path, { method: 'POST', body: partsForm(stranger, 'parents', FIVE) })).status).toBe(403)
    const two = await s.agent.send(path, { method: 'POST', body: partsForm(s.agent, 'parents', ['mother', 'day']) })
    expect(two.status).toBe(422)
    expect(textOf(await two.text())).toContain('Choose 3 to 5 different code questions.')

    const changed = await s.agent.send(path, { method: 'POST', body: partsForm(s.agent, 'parents', FIVE) })
    expect(changed.status).toBe(303)
    expect((await linkParts(s.session.id)).every(([, parts]) => JSON.stringify(parts) === JSON.stringify(FIVE))).toBe(true)
    expect(await jaga.db.selectFrom('auditEntries').select('action').where('action', '=', 'collect.codeParts').execute()).toHaveLength(1)
    expect(await page()).toContain('Parents and caregivers : the letters of the mother’s name · the day of birth · the last letter of the name · the number of older siblings · the father’s initial (5 parts)')

    // One answer (even one left out later) carries a code of five parts: four would never match it.
    await s.send('pre', { id: crypto.randomUUID(), code: { ...aCode('AN'), father: 'B' }, answers: parentsAnswers(5) })
    const refused = await s.agent.send(path, { method: 'POST', body: partsForm(s.agent, 'parents', ['mother', 'day', 'own', 'siblings']) })
    expect(refused.status).toBe(409)
    expect(textOf(await refused.text())).toContain('The code parts cannot be changed: answers have already come in for this group, and codes made of other parts would not match the codes already written.')
    expect((await linkParts(s.session.id)).every(([, parts]) => JSON.stringify(parts) === JSON.stringify(FIVE))).toBe(true)
    const after = await page()
    expect(after).toContain('The code parts can no longer be changed: 1 answer already carries codes made of these parts')
    expect(after).not.toContain('Change the code parts for Parents and caregivers')
  })

  it('is suggested in plain words for a large group, before answers and in the warning about shared codes', async () => {
    const s = await aSessionWithLinks(jaga)
    const en = async () => textOf(await (await s.agent.lang('en').get(`/sessions/${s.session.id}/evaluation`)).text())
    expect(await en()).not.toContain('This group is large')
    expect(await en()).toContain('For a group of 60 people or more, choose a fifth part')
    await jaga.db.insertInto('attendance').values([{ sessionId: s.session.id, groupKind: 'parents', gender: 'female', ageBand: '18+', count: 40 }, { sessionId: s.session.id, groupKind: 'parents', gender: 'male', ageBand: '18+', count: 25 }]).execute()
    expect(await en()).toContain('This group is large (65 people). Add a fifth code part before participants fill in the form')
    const id = textOf(await (await s.agent.lang('id').get(`/sessions/${s.session.id}/evaluation`)).text())
    expect(id).toContain('Kelompok ini besar (65 orang). Tambahkan bagian kode kelima')

    // Once answers came in, the advice is for next time; and the warning on shared codes says it too.
    for (const who of ['AN', 'BU', 'CI', 'DO', 'EK', 'FA', 'GE']) await s.pair(who, 5, 10)
    for (const who of ['SA', 'SA', 'RI']) await s.send('pre', { id: crypto.randomUUID(), code: aCode(who), answers: parentsAnswers(4) })
    for (const day of ['8', '9']) await s.send('post', { id: crypto.randomUUID(), code: aCode('RI', day), answers: parentsAnswers(9) })
    const later = await en()
    expect(later).toContain('for the next session with a group like this, choose a fifth part')
    expect(later).toContain('Next time, add a fifth code part (such as the father’s initial) when opening the questionnaires')

    // Five parts chosen: nothing to suggest.
    const five = await aSessionWithLinks(jaga, { codeElements: FIVE })
    await jaga.db.insertInto('attendance').values({ sessionId: five.session.id, groupKind: 'parents', gender: 'female', ageBand: '18+', count: 80 }).execute()
    expect(textOf(await (await five.agent.lang('en').get(`/sessions/${five.session.id}/evaluation`)).text())).not.toContain('This group is large')
  })
})
