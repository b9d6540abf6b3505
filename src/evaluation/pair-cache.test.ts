import crypto from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { KyselyPlugin } from 'kysely'
import { useTestApp, type TestApp } from '../../test/harness.ts'
import { aCode, aSessionWithLinks, parentsAnswers } from '../../test/evaluation-builders.ts'
import { evaluateProgramme, pairedNow, programmePairs } from './programme-knowledge.ts'
import { compactPairChanges, pairCacheSeam, pairsToDecide, pairsToDecideNow } from './pair-cache.ts'
import { PAIRING_VERSION } from './code-matching.ts'

type Session = Awaited<ReturnType<typeof aSessionWithLinks>>

/** Sends one answer and returns its id. */
async function answer(s: Session, phase: 'pre' | 'post', mother: string, right: number, day = '7', own = 'A') {
  const id = crypto.randomUUID()
  await s.send(phase, { id, code: aCode(mother, day, own), answers: parentsAnswers(right) })
  return id
}

/**
 * Two sessions of one programme: exact pairs, a tolerant pair (day 7 → 8), a confirmed pair whose
 * codes differ in two parts, and a rejected tolerant pair.
 */
async function aProgrammeWithPairs(jaga: TestApp) {
  const a = await aSessionWithLinks(jaga)
  const b = await aSessionWithLinks(jaga, { programmeId: a.programmeId, facilitator: a.facilitator })
  await a.pair('AN', 2, 5)
  await a.pair('BU', 3, 4)
  const tolerantPre = await answer(a, 'pre', 'CI', 1, '7')
  const tolerantPost = await answer(a, 'post', 'CI', 6, '8')
  const farPre = await answer(a, 'pre', 'DE', 2, '7', 'A')
  const farPost = await answer(a, 'post', 'DE', 6, '9', 'B')
  await b.pair('EF', 4, 6)
  await b.pair('GH', 1, 3)
  const rejectedPre = await answer(b, 'pre', 'IJ', 2, '7')
  const rejectedPost = await answer(b, 'post', 'IJ', 5, '8')
  const now = new Date().toISOString()
  await jaga.db.insertInto('confirmedPairs').values({ id: crypto.randomUUID(), sessionId: a.session.id, preId: farPre, postId: farPost, confirmedBy: null, confirmedAt: now }).execute()
  await jaga.db.insertInto('rejectedPairs').values({ id: crypto.randomUUID(), sessionId: b.session.id, preId: rejectedPre, postId: rejectedPost, rejectedBy: null, rejectedAt: now }).execute()
  return { a, b, programmeId: a.programmeId, tolerantPre, tolerantPost, farPre, farPost, rejectedPre, rejectedPost }
}

/** The kept pairs, checked against pairing every answer now (same pairs, order and numbers). */
async function cachedAndChecked(jaga: TestApp, programmeId: string) {
  const cached = await programmePairs(jaga.db, programmeId)
  expect(cached).toEqual(await programmePairs(jaga.db, programmeId, pairedNow))
  return cached
}

const cache = (jaga: TestApp) => jaga.db.withTables<{ sessionPairCache: { sessionId: string; algo: number; pairs: string } }>()

describe('the per-session pair cache', () => {
  const jaga = useTestApp()
  afterEach(() => {
    delete pairCacheSeam.beforeSave
  })

  it('gives the same pairs, order and statistics as pairing every answer, on the first read and on later ones', async () => {
    const p = await aProgrammeWithPairs(jaga)
    const first = await cachedAndChecked(jaga, p.programmeId)
    expect(first.map((x) => x.id)).toEqual(expect.arrayContaining([p.tolerantPre, p.farPre]))
    expect(first.map((x) => x.id)).not.toContain(p.rejectedPre)
    expect(first).toHaveLength(6)
    const again = await cachedAndChecked(jaga, p.programmeId)
    expect(again).toEqual(first)
    expect(evaluateProgramme(again)).toEqual(evaluateProgramme(await programmePairs(jaga.db, p.programmeId, pairedNow)))
  })

  it('keeps how many codes wait for a decision, counting answers without a score too, and shows a change at the next read', async () => {
    const p = await aProgrammeWithPairs(jaga)
    const ids = [p.a.session.id, p.b.session.id]
    const checked = async () => {
      const kept = await pairsToDecide(jaga.db, ids)
      expect(kept).toEqual(await pairsToDecideNow(jaga.db, ids))
      return ids.map((id) => kept.get(id))
    }
    // a: the tolerant pair (day 7 → 8) waits; b: its tolerant pair was rejected.
    expect(await checked()).toEqual([1, 0])
    // Two after answers one part away from a new before answer: a code with two candidates.
    await answer(p.b, 'pre', 'WX', 1, '7')
    await answer(p.b, 'post', 'WX', 5, '8')
    await answer(p.b, 'post', 'WX', 5, '9')
    expect(await checked()).toEqual([1, 1])
    // An answer without a score (a survey given before and after) can wait for a decision as well.
    const unscored = await answer(p.a, 'pre', 'YZ', 1, '7')
    await answer(p.a, 'post', 'YZ', 2, '8')
    await jaga.db.updateTable('submissions').set({ score: null, maxScore: null }).where('id', '=', unscored).execute()
    expect(await checked()).toEqual([2, 1])
    expect((await programmePairs(jaga.db, p.programmeId)).map((x) => x.id)).not.toContain(unscored)
  })

  it('shows every change to answers and pair decisions at the next read', async () => {
    const p = await aProgrammeWithPairs(jaga)
    const db = jaga.db
    const ids = async () => (await cachedAndChecked(jaga, p.programmeId)).map((x) => x.id)
    expect(await ids()).toHaveLength(6)

    const newPre = await answer(p.b, 'pre', 'KL', 2)
    await answer(p.b, 'post', 'KL', 5)
    expect(await ids()).toContain(newPre)

    await db.updateTable('submissions').set({ excludedAt: new Date().toISOString(), excludedBy: null, excludedReason: 'test' }).where('id', '=', newPre).execute()
    expect(await ids()).not.toContain(newPre)
    await db.updateTable('submissions').set({ excludedAt: null, excludedBy: null, excludedReason: null }).where('id', '=', newPre).execute()
    expect(await ids()).toContain(newPre)

    await db.deleteFrom('confirmedPairs').where('preId', '=', p.farPre).execute()
    expect(await ids()).not.toContain(p.farPre)
    await db.insertInto('confirmedPairs').values({ id: crypto.randomUUID(), sessionId: p.a.session.id, preId: p.farPre, postId: p.farPost, confirmedBy: null, confirmedAt: new Date().toISOString() }).execute()
    expect(await ids()).toContain(p.farPre)

    const rejection = crypto.randomUUID()
    await db.insertInto('rejectedPairs').values({ id: rejection, sessionId: p.a.session.id, preId: p.tolerantPre, postId: p.tolerantPost, rejectedBy: null, rejectedAt: new Date().toISOString() }).execute()
    expect(await ids()).not.toContain(p.tolerantPre)
    await db.deleteFrom('rejectedPairs').where('id', '=', rejection).execute()
    expect(await ids()).toContain(p.tolerantPre)

    await db.deleteFrom('sessions').where('id', '=', p.b.session.id).execute()
    expect(await ids()).toHaveLength(4)
    expect(await cache(jaga).selectFrom('sessionPairCache').select('sessionId').where('sessionId', '=', p.b.session.id).execute()).toEqual([])
  })

  it('keeps a session stale when its answers change while it is being paired', async () => {
    const p = await aProgrammeWithPairs(jaga)
    await cachedAndChecked(jaga, p.programmeId)
    const latePre = await answer(p.a, 'pre', 'MN', 1)
    pairCacheSeam.beforeSave = async () => {
      delete pairCacheSeam.beforeSave
      await answer(p.a, 'post', 'MN', 6)
    }
    // Paired before the after answer came: without it, which is right for that moment.
    expect((await programmePairs(jaga.db, p.programmeId)).map((x) => x.id)).not.toContain(latePre)
    expect((await cachedAndChecked(jaga, p.programmeId)).map((x) => x.id)).toContain(latePre)
  })

  it('keeps one change row per session when compacted, and the session stays to be paired again, also for a reader that read the removed rows', async () => {
    const p = await aProgrammeWithPairs(jaga)
    await cachedAndChecked(jaga, p.programmeId)
    const changes = jaga.db.withTables<{ pairChanges: { id: number; sessionId: string } }>()
    const latePre = await answer(p.a, 'pre', 'ST', 1)
    await answer(p.b, 'pre', 'UV', 2)
    pairCacheSeam.beforeSave = async () => {
      delete pairCacheSeam.beforeSave
      // The after answer arrives while the reader pairs, then the log is compacted under it.
      await answer(p.a, 'post', 'ST', 6)
      expect(await compactPairChanges(jaga.db)).toBeGreaterThan(0)
      // One row for each session with changes (other tests' sessions too: the database is shared).
      const left = (await changes.selectFrom('pairChanges').select('sessionId').execute()).map((r) => r.sessionId)
      expect(left).toHaveLength(new Set(left).size)
      expect(left).toEqual(expect.arrayContaining([p.a.session.id, p.b.session.id]))
    }
    expect((await programmePairs(jaga.db, p.programmeId)).map((x) => x.id)).not.toContain(latePre)
    expect((await cachedAndChecked(jaga, p.programmeId)).map((x) => x.id)).toContain(latePre)
    expect(await changes.selectFrom('pairChanges').select('id').where('sessionId', 'in', [p.a.session.id, p.b.session.id]).execute()).toEqual([])
  })

  it('does not let a slower reader overwrite newer pairs that a faster one saved meanwhile', async () => {
    const p = await aProgrammeWithPairs(jaga)
    await cachedAndChecked(jaga, p.programmeId)
    await answer(p.a, 'pre', 'OP', 1)
    const latePre = await answer(p.a, 'pre', 'QR', 2)
    pairCacheSeam.beforeSave = async () => {
      delete pairCacheSeam.beforeSave
      await answer(p.a, 'post', 'QR', 6)
      // Another reader sees the change, pairs again, saves and marks the session clean.
      expect((await programmePairs(jaga.db, p.programmeId)).map((x) => x.id)).toContain(latePre)
    }
    expect((await programmePairs(jaga.db, p.programmeId)).map((x) => x.id)).not.toContain(latePre)
    expect((await cachedAndChecked(jaga, p.programmeId)).map((x) => x.id)).toContain(latePre)
  })

  it('pairs again what an older version of the pairing rules made, or kept in another layout', async () => {
    const p = await aProgrammeWithPairs(jaga)
    const right = await cachedAndChecked(jaga, p.programmeId)
    await cache(jaga).updateTable('sessionPairCache').set({ algo: PAIRING_VERSION - 1, pairs: '[]' }).where('sessionId', '=', p.a.session.id).execute()
    expect(await cachedAndChecked(jaga, p.programmeId)).toEqual(right)
    // And a row kept in another layout of the JSON (here the first one's), by the current rules.
    await cache(jaga).updateTable('sessionPairCache').set({ pairs: '[[1]]' }).where('sessionId', '=', p.b.session.id).execute()
    expect(await cachedAndChecked(jaga, p.programmeId)).toEqual(right)
  })

  it('reads no answers for a programme whose sessions did not change', async () => {
    const p = await aProgrammeWithPairs(jaga)
    let answerReads = 0
    const spy: KyselyPlugin = {
      transformQuery: (args) => {
        if (args.node.kind === 'SelectQueryNode' && JSON.stringify(args.node).includes('"name":"submissions"')) answerReads++
        return args.node
      },
      transformResult: async (args) => args.result,
    }
    const watched = jaga.db.withPlugin(spy)
    const first = await programmePairs(watched, p.programmeId)
    expect(answerReads).toBeGreaterThan(0)
    answerReads = 0
    expect(await programmePairs(watched, p.programmeId)).toEqual(first)
    expect(answerReads).toBe(0)
    await answer(p.b, 'pre', 'ST', 3)
    await programmePairs(watched, p.programmeId)
    expect(answerReads).toBeGreaterThan(0)
  })
})
