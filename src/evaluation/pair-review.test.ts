import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { aCode, aSessionWithLinks, parentsAnswers } from '../../test/evaluation-builders.ts'
import { useTestApp } from '../../test/harness.ts'
import { analyzeCsv } from './analyze-csv.ts'
import { sessionResults } from './session-results.ts'

const jaga = useTestApp()

/** A session where AN and BU pair exactly and JU wrote day 10 before and 11 after (paired by tolerance). */
async function withTolerantPair() {
  const s = await aSessionWithLinks(jaga)
  s.agent.lang('en')
  await s.pair('AN', 5, 12)
  await s.pair('BU', 6, 13)
  const ju = { pre: crypto.randomUUID(), post: crypto.randomUUID() }
  await s.send('pre', { id: ju.pre, code: aCode('JU', '10'), answers: parentsAnswers(5) })
  await s.send('post', { id: ju.post, code: aCode('JU', '11'), answers: parentsAnswers(14) })
  const page = async () => textOf(await (await s.agent.get(`/sessions/${s.session.id}/evaluation`)).text())
  const csv = async () => (await s.agent.get(`/sessions/${s.session.id}/evaluation/answers.csv`)).text()
  return { ...s, ju, page, csv }
}

const rowsOf = (csv: string) => {
  const [header, ...rows] = csv.trim().split('\n').map((l) => l.split(','))
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])))
}

describe('a pair made by tolerance', () => {
  it('is listed with the code part that differed, and undone it stays unpaired in the page, the CSV and the programme', async () => {
    const { session, agent, programmeId, ju, page, csv } = await withTolerantPair()
    const before = await page()
    expect(before).toContain('3 of 3 answers before are paired')
    expect(before).toContain('JU-10-A-2 with JU-11-A-2: the day of birth differs')
    expect(before).toContain('Not the same person: undo')
    expect(before).not.toContain('Many codes in this group look alike')
    expect(textOf(await (await agent.lang('id').get(`/sessions/${session.id}/evaluation`)).text())).toContain('JU-10-A-2 dengan JU-11-A-2: tanggal lahir berbeda')
    agent.lang('en')

    // The CSV keeps the codes as written and says how each answer was paired.
    const rows = rowsOf(await csv())
    const juRows = rows.filter((r) => r['code']!.startsWith('JU-'))
    expect(juRows.map((r) => [r['code'], r['how']])).toEqual([['JU-10-A-2', 'tolerant'], ['JU-11-A-2', 'tolerant']])
    expect(juRows[0]!['pair_id']).toBe(juRows[1]!['pair_id'])
    expect(juRows[0]!['pair_id']).not.toBe('')

    // Another facilitator may not undo it; an exact pair cannot be "undone" as tolerant.
    const stranger = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    expect((await stranger.post(`/sessions/${session.id}/evaluation/pairs/reject`, { pre: ju.pre, post: ju.post })).status).toBe(403)
    const an = await jaga.db.selectFrom('submissions').select(['id', 'phase']).where('sessionId', '=', session.id).where('code', '=', 'AN-07-A-2').execute()
    const exact = await agent.post(`/sessions/${session.id}/evaluation/pairs/reject`, { pre: an.find((r) => r.phase === 'pre')!.id, post: an.find((r) => r.phase === 'post')!.id })
    expect(exact.status).toBe(409)
    expect(textOf(await exact.text())).toContain('This is not a pair made with tolerance')

    expect((await agent.post(`/sessions/${session.id}/evaluation/pairs/reject`, { pre: ju.pre, post: ju.post })).status).toBe(303)
    const after = await page()
    expect(after).toContain('2 of 3 answers before are paired')
    expect(after).toContain('Kept apart by staff (not paired):')
    expect(after).toContain('Pair again: JU-10-A-2 with JU-11-A-2')
    const undone = analyzeCsv(await csv())
    expect(undone).toMatchObject({ pairs: 2, unmatched: { pre: 1, post: 1 } })
    expect(rowsOf(await csv()).filter((r) => r['code']!.startsWith('JU-')).map((r) => `${r['how']}${r['pair_id']}`)).toEqual(['', ''])
    const coordinator = (await sessionAgent(jaga, await aUser(jaga, 'coordinator'))).lang('en')
    expect(textOf(await (await coordinator.get(`/programmes/${programmeId}/evaluation`)).text())).toContain('Among 2 paired participants')
    // Undone twice is refused; the decision itself can be undone, and the pair comes back.
    expect((await agent.post(`/sessions/${session.id}/evaluation/pairs/reject`, { pre: ju.pre, post: ju.post })).status).toBe(409)
    const rejection = await jaga.db.selectFrom('rejectedPairs').select('id').where('sessionId', '=', session.id).executeTakeFirstOrThrow()
    expect((await agent.post(`/sessions/${session.id}/evaluation/pairs/rejected/${rejection.id}/undo`)).status).toBe(303)
    expect(await page()).toContain('3 of 3 answers before are paired')
    expect(analyzeCsv(await csv()).pairs).toBe(3)
  })
})

describe('pairing by hand', () => {
  it('refuses two answers the page never offered, such as a code two people wrote, so the page and the CSV keep the same pairs', async () => {
    const { session, agent, send, pair } = await aSessionWithLinks(jaga)
    agent.lang('en')
    await pair('AN', 5, 12)
    await pair('BU', 6, 13)
    // Two people wrote SA-07-A-2 before, one after: Jaga cannot tell whose it is, and the page offers nothing.
    const sa = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()]
    await send('pre', { id: sa[0], code: aCode('SA'), answers: parentsAnswers(4) })
    await send('pre', { id: sa[1], code: aCode('SA'), answers: parentsAnswers(9) })
    await send('post', { id: sa[2], code: aCode('SA'), answers: parentsAnswers(15) })
    const page = textOf(await (await agent.get(`/sessions/${session.id}/evaluation`)).text())
    expect(page).toContain('Codes used by more than one person (not paired): SA-07-A-2')
    expect(page).not.toContain('Pair SA-07-A-2')
    const refused = await agent.post(`/sessions/${session.id}/evaluation/pairs`, { pre: sa[0]!, post: sa[2]! })
    expect(refused.status).toBe(409)
    expect(textOf(await refused.text())).toContain('These two answers are not offered for pairing')
    const shown = (await sessionResults(jaga.db, session.id)).groups[0]!
    const csv = analyzeCsv(await (await agent.get(`/sessions/${session.id}/evaluation/answers.csv`)).text())
    expect(textOf(await (await agent.get(`/sessions/${session.id}/evaluation`)).text())).toMatch(/Pairs\s*2/)
    expect([shown.match.pairs, csv.pairs]).toEqual([2, 2])
    expect(csv.score.t_test.t).toBe(shown.analysis!.score.t_test.t)
  })
})

describe('many codes alike', () => {
  it('are a warning on the evaluation page that says in plain words why fewer people are paired', async () => {
    const { session, agent, send, pair } = await aSessionWithLinks(jaga)
    for (const who of ['AN', 'BU', 'CI', 'DO', 'EK', 'FA', 'GE']) await pair(who, 5, 10)
    // Two people share SA; RI resembles two answers after (day 8 and day 9).
    for (const who of ['SA', 'SA', 'RI']) await send('pre', { id: crypto.randomUUID(), code: aCode(who), answers: parentsAnswers(4) })
    for (const day of ['8', '9']) await send('post', { id: crypto.randomUUID(), code: aCode('RI', day), answers: parentsAnswers(9) })
    const en = textOf(await (await agent.lang('en').get(`/sessions/${session.id}/evaluation`)).text())
    expect(en).toContain('Many codes in this group look alike: 3 of 10 answers before share their code with someone else or resemble more than one answer after.')
    expect(en).toContain('in a large group different people often give the same ones')
    const id = textOf(await (await agent.lang('id').get(`/sessions/${session.id}/evaluation`)).text())
    expect(id).toContain('Banyak kode di kelompok ini mirip: 3 dari 10 jawaban sebelum')
  })
})

describe('jaga analyze on two sessions’ exports joined', () => {
  it('keeps each session’s pairs: by pair_id, and by code within a session when the pair columns are dropped', async () => {
    const programme = await aSessionWithLinks(jaga)
    const other = await aSessionWithLinks(jaga, { programmeId: programme.programmeId, facilitator: programme.facilitator })
    // The same codes in both sessions (different people, or the same people twice); one tolerant pair each.
    for (const s of [programme, other]) {
      await s.pair('AN', 5, 12)
      await s.pair('BU', 6, 13)
      await s.send('pre', { id: crypto.randomUUID(), code: aCode('JU', '10'), answers: parentsAnswers(5) })
      await s.send('post', { id: crypto.randomUUID(), code: aCode('JU', '11'), answers: parentsAnswers(14) })
    }
    const files = await Promise.all([programme, other].map(async (s) => (await s.agent.get(`/sessions/${s.session.id}/evaluation/answers.csv`)).text()))
    const joined = files[0] + files[1]!.split('\n').slice(1).join('\n')
    expect(analyzeCsv(joined)).toMatchObject({ pairs: 6, unmatched: { pre: 0, post: 0 }, duplicate_codes: 0 })
    // Without how and pair_id, a file pairs by code: within each session, so the tolerant pairs are left out.
    const dropPairs = (text: string) => text.split('\n').map((l) => l.split(',').filter((_, i) => i !== 4 && i !== 5).join(',')).join('\n')
    expect(analyzeCsv(dropPairs(joined))).toMatchObject({ pairs: 4, unmatched: { pre: 2, post: 2 }, duplicate_codes: 0 })
    // Without the session either, the codes of the two sessions collide.
    const dropSession = (text: string) => text.split('\n').map((l) => l.split(',').filter((_, i) => i !== 3).join(',')).join('\n')
    expect(analyzeCsv(dropSession(dropPairs(joined)))).toMatchObject({ pairs: 0, duplicate_codes: 4 })
  })
})
