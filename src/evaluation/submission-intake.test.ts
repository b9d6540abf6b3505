import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Agent, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { aSessionWithLinks } from '../../test/evaluation-builders.ts'
import { DEFAULT_COLLECT_HOLD_AFTER, loadConfig } from '../config.ts'
import { createLogger } from '../platform/log.ts'
import { HOLD_WINDOW_MS, hourOf, LINK_HOLD_TOTAL, LINK_MAX_PHONE_ANSWERS, receivePhoneSubmission } from './submission-intake.ts'
import { findLinkByToken } from './evaluation-queries.ts'
import { flushSubmissionCounts } from './submission-counts.ts'
import { Problem } from '../platform/http/problems.ts'

/** A hold threshold of 500: a hall of 500 must pass, the 501st on is held. */
const HOLD_AFTER = 500
const jaga = useTestApp({ JAGA_COLLECT_HOLD_AFTER: String(HOLD_AFTER) })

async function feedbackLink() {
  const { session, agent, links } = await aSessionWithLinks(jaga, { codeElements: ['mother', 'day', 'own'] })
  return { session, agent, link: links.find((l) => l.phase === 'feedback')! }
}

/** Every phone in the hall is behind the same Wi-Fi router: one address. */
const send = (token: string, body: unknown) =>
  jaga.request(`http://localhost/api/v1/collect/${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '10.0.0.1' }, body: JSON.stringify(body) })
const answer = (id: string, n: number) => ({ id, code: { mother: 'SI', day: String((n % 31) + 1), own: 'A' }, answers: { useful: String((n % 5) + 1), clear: '4' } })

/** What the intake records per answer, for answers written straight into the table to keep a test short. */
async function alsoCounted(linkId: string, n: number, at: string) {
  await jaga.db.insertInto('linkSubmissionCounts').values({ linkId, hour: hourOf(new Date(at)), outcome: 'accepted', count: n }).execute()
}

async function countsOf(linkId: string) {
  // The counts wait in memory for up to a second (submission-counts.ts): write them first.
  await flushSubmissionCounts(jaga.db)
  const rows = await jaga.db.selectFrom('linkSubmissionCounts').selectAll().where('linkId', '=', linkId).execute()
  const by: Record<string, number> = {}
  for (const r of rows) by[r.outcome] = (by[r.outcome] ?? 0) + Number(r.count)
  return { rows, by }
}

describe('a flood to one questionnaire link', () => {
  it('stores all 600 answers from one address, counts the first 500 and holds the rest for review, and counts every outcome per link and hour', { timeout: 240_000 }, async () => {
    const { link } = await feedbackLink()
    const ids: string[] = []
    for (let n = 0; n < 600; n++) {
      const id = crypto.randomUUID()
      ids.push(id)
      const res = await send(link.token, answer(id, n))
      expect(res.status, `answer ${n}`).toBe(201)
      // The sender is never told it was held: a script learns nothing, a participant is not worried.
      expect(await res.json()).toEqual({ duplicate: false, disclosure: false, blanked: false })
    }
    for (const id of ids.slice(0, 7)) expect((await send(link.token, answer(id, 0))).status).toBe(200)
    for (let n = 0; n < 3; n++) expect((await send(link.token, { id: crypto.randomUUID(), code: { mother: 'SI', day: '1', own: 'A' }, answers: { useful: '9' } })).status).toBe(422)

    const stored = await jaga.db.selectFrom('submissions').select(['id', 'excludedAt', 'excludedReason', 'excludedBy']).where('linkId', '=', link.id).execute()
    expect(stored).toHaveLength(600)
    const held = new Set(stored.filter((s) => s.excludedReason === 'held').map((s) => s.id))
    expect(held).toEqual(new Set(ids.slice(HOLD_AFTER)))
    expect(stored.filter((s) => !held.has(s.id)).every((s) => s.excludedAt === null)).toBe(true)
    expect(stored.filter((s) => held.has(s.id)).every((s) => s.excludedAt !== null && s.excludedBy === null)).toBe(true)

    const { rows, by } = await countsOf(link.id)
    expect(by).toEqual({ accepted: 500, held: 100, duplicate: 7, refused: 3 })
    // Per link, hour and outcome, and nothing else: no address, no browser, no answer.
    expect(Object.keys(rows[0]!).sort()).toEqual(['count', 'hour', 'linkId', 'outcome'])
    expect(rows.every((r) => r.hour === hourOf(new Date()) || r.hour === hourOf(new Date(Date.now() - 3_600_000)))).toBe(true)
    expect(JSON.stringify(rows)).not.toContain('10.0.0.1')
  })

  it('shows staff how many answers are held and lets them count a held answer again', async () => {
    const { session, agent, link } = await feedbackLink()
    // A flood that arrived a moment ago: 500 answers already in the window (written directly, to keep the test short).
    const now = new Date().toISOString()
    await jaga.db
      .insertInto('submissions')
      .values(
        Array.from({ length: HOLD_AFTER }, (_, n) => ({
          id: crypto.randomUUID(),
          linkId: link.id,
          sessionId: session.id,
          phase: 'feedback' as const,
          questionnaireVersionId: link.questionnaireVersionId,
          groupKind: 'parents',
          code: `SI-${n}-A`,
          answers: '{}',
          score: null,
          maxScore: null,
          source: 'phone' as const,
          receivedAt: now,
        })),
      )
      .execute()
    await alsoCounted(link.id, HOLD_AFTER, now)
    const id = crypto.randomUUID()
    expect((await send(link.token, answer(id, 1))).status).toBe(201)
    // Sent again after the flood: stays held, counted as a resend.
    expect((await send(link.token, answer(id, 1))).status).toBe(200)
    expect((await jaga.db.selectFrom('submissions').select('excludedReason').where('id', '=', id).executeTakeFirstOrThrow()).excludedReason).toBe('held')

    const page = textOf(await (await agent.get(`/sessions/${session.id}/evaluation`)).text())
    expect(page).toContain(`1 answer is held and not counted: more than ${HOLD_AFTER} answers arrived through one link within 10 minutes.`)
    expect(page).toContain('received 500 · resent 1 · refused 0 · held 1')
    const review = textOf(await (await agent.lang('id').get(`/sessions/${session.id}/evaluation/answers`)).text())
    expect(review).toContain('Dikeluarkan: ditahan untuk diperiksa')
    expect((await agent.post(`/sessions/${session.id}/evaluation/answers/${id}/include`)).status).toBe(303)
    expect((await jaga.db.selectFrom('submissions').select('excludedAt').where('id', '=', id).executeTakeFirstOrThrow()).excludedAt).toBeNull()
    expect(textOf(await (await agent.lang('en').get(`/sessions/${session.id}/evaluation`)).text())).not.toContain('are held and not counted')
  })

  it('counts only the last 10 minutes, so a link that was busy earlier takes answers normally again', async () => {
    const { session, link } = await feedbackLink()
    const earlier = new Date(Date.now() - HOLD_WINDOW_MS - 60_000).toISOString()
    await jaga.db
      .insertInto('submissions')
      .values(
        Array.from({ length: HOLD_AFTER + 20 }, (_, n) => ({
          id: crypto.randomUUID(),
          linkId: link.id,
          sessionId: session.id,
          phase: 'feedback' as const,
          questionnaireVersionId: link.questionnaireVersionId,
          groupKind: 'parents',
          code: `OLD-${n}-A`,
          answers: '{}',
          score: null,
          maxScore: null,
          source: 'phone' as const,
          receivedAt: earlier,
        })),
      )
      .execute()
    await alsoCounted(link.id, HOLD_AFTER + 20, earlier)
    const id = crypto.randomUUID()
    expect((await send(link.token, answer(id, 2))).status).toBe(201)
    expect((await jaga.db.selectFrom('submissions').select('excludedAt').where('id', '=', id).executeTakeFirstOrThrow()).excludedAt).toBeNull()
    expect((await countsOf(link.id)).by).toEqual({ accepted: HOLD_AFTER + 20 + 1 })
  })

  it('holds answers sent through the form without JavaScript too, and thanks the sender as usual', async () => {
    const { session, link } = await feedbackLink()
    const now = new Date().toISOString()
    await jaga.db
      .insertInto('submissions')
      .values(Array.from({ length: HOLD_AFTER }, (_, n) => ({ id: crypto.randomUUID(), linkId: link.id, sessionId: session.id, phase: 'feedback' as const, questionnaireVersionId: link.questionnaireVersionId, groupKind: 'parents', code: `F-${n}-A`, answers: '{}', score: null, maxScore: null, source: 'phone' as const, receivedAt: now })))
      .execute()
    await alsoCounted(link.id, HOLD_AFTER, now)
    const phone = new Agent(jaga).lang('en')
    await phone.get(`/q/${link.token}`)
    const id = crypto.randomUUID()
    const res = await phone.post(`/q/${link.token}`, { id, 'code.mother': 'NO', 'code.day': '3', 'code.own': 'C', 'a.useful': '4', 'a.clear': '4' })
    expect(res.status).toBe(200)
    expect(textOf(await res.text())).toContain('Your answers have been received.')
    expect((await jaga.db.selectFrom('submissions').select('excludedReason').where('id', '=', id).executeTakeFirstOrThrow()).excludedReason).toBe('held')
  })
})

describe('the hold threshold', () => {
  it('lets a hall of 500 phones answering within 10 minutes pass by default, and can be set with JAGA_COLLECT_HOLD_AFTER', () => {
    expect(DEFAULT_COLLECT_HOLD_AFTER).toBeGreaterThanOrEqual(500)
    expect(loadConfig({}).collectHoldAfter).toBe(DEFAULT_COLLECT_HOLD_AFTER)
    expect(loadConfig({ JAGA_COLLECT_HOLD_AFTER: '2000' }).collectHoldAfter).toBe(2000)
    expect(() => loadConfig({ JAGA_COLLECT_HOLD_AFTER: '0' })).toThrow('JAGA_COLLECT_HOLD_AFTER must be a whole number of at least 1')
  })
})

describe('a slow flood to one link', () => {
  /** Sends `count` answers one by one straight to the intake (hold past 3, refuse past 5), optionally writing the counts to the table after each. */
  async function slowFlood(count: number, flushBetween: boolean) {
    const { link } = await feedbackLink()
    const full = (await findLinkByToken(jaga.db, link.token))!
    const deps = { db: jaga.db, log: createLogger('silent'), holdAfter: 1000, holdTotal: 3, maxPerLink: 5 }
    const outcomes: string[] = []
    for (let n = 0; n < count; n++) {
      try {
        outcomes.push((await receivePhoneSubmission(deps, full, answer(crypto.randomUUID(), n))).held ? 'held' : 'counted')
      } catch (e) {
        outcomes.push(e instanceof Problem ? `${e.code}` : 'error')
      }
      if (flushBetween) await flushSubmissionCounts(jaga.db)
    }
    return { link, outcomes }
  }

  it('holds what comes past the link\'s total and refuses (429, kept on the phone) past its maximum, however slowly it arrives', async () => {
    expect(LINK_HOLD_TOTAL).toBeGreaterThanOrEqual(1000)
    expect(LINK_MAX_PHONE_ANSWERS).toBeGreaterThan(LINK_HOLD_TOTAL)
    const { link, outcomes } = await slowFlood(6, false)
    expect(outcomes).toEqual(['counted', 'counted', 'counted', 'held', 'held', 'rate-limited'])
    expect(await jaga.db.selectFrom('submissions').select('id').where('linkId', '=', link.id).execute()).toHaveLength(5)
  })

  it('holds and refuses at the same totals when the counts are written to the table between answers', async () => {
    // The table's part of a link's total is kept for a second (keptStoredTotal): each flush must make it read again.
    const { link, outcomes } = await slowFlood(7, true)
    expect(outcomes).toEqual(['counted', 'counted', 'counted', 'held', 'held', 'rate-limited', 'rate-limited'])
    expect((await countsOf(link.id)).by).toEqual({ accepted: 3, held: 2, refused: 2 })
  })
})
