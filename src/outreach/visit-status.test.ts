import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../../test/harness.ts'
import { aHeldSession, aProgramme, aSession, cli, day, HARJOSARI_I, TIMBANG_DELI } from '../../test/outreach-builders.ts'
import { firstInOrder, listVisitStatus, planVisits } from './visit-plans.ts'
import { areaTree } from '../areas/areas.ts'
import { findNode, idsWithin, leavesOf, visitStatus } from './visit-schedule.ts'
import type { KnowledgePair } from './knowledge.ts'

const jaga = useTestApp()
const AMPLAS = '0b7f4a52-2b41-4c4e-9a57-000000127109'

describe('visit status of several programmes at once', () => {
  it("counts each programme's own sessions only, in the same places, as one programme alone would", async () => {
    const name = () => `Program kunjungan ${crypto.randomUUID().slice(0, 6)}`
    const visited = await aProgramme(jaga, { name: name(), startsOn: day(-200), areaIds: [HARJOSARI_I, TIMBANG_DELI] })
    const waiting = await aProgramme(jaga, { name: name(), startsOn: day(-200), areaIds: [HARJOSARI_I, TIMBANG_DELI] })
    for (const p of [visited, waiting]) {
      await planVisits(jaga.db, cli, p.id, { areaId: HARJOSARI_I, everyMonths: 1 })
      await planVisits(jaga.db, cli, p.id, { areaId: TIMBANG_DELI, everyMonths: 1 })
    }
    await aHeldSession(jaga, visited.id, { female: 3, male: 2 }, { areaId: HARJOSARI_I, startsAt: `${day(-3)}T09:00`, endsAt: `${day(-3)}T11:00` })
    await aSession(jaga, waiting.id, { areaId: TIMBANG_DELI, startsAt: `${day(5)}T09:00`, endsAt: `${day(5)}T11:00` })

    const together = await listVisitStatus(jaga.db, [visited.id, waiting.id], day(0))
    const of = (programmeId: string, areaId: string) => together.find((v) => v.programmeId === programmeId && v.areaId === areaId)!
    expect(of(visited.id, HARJOSARI_I)).toMatchObject({ lastVisit: day(-3), overdue: false, nextScheduled: null })
    expect(of(waiting.id, HARJOSARI_I)).toMatchObject({ lastVisit: null, overdue: true })
    expect(of(visited.id, TIMBANG_DELI)).toMatchObject({ lastVisit: null, overdue: true, nextScheduled: null })
    expect(of(waiting.id, TIMBANG_DELI)).toMatchObject({ lastVisit: null, nextScheduled: `${day(5)}T09:00` })
    // The same rows as asking for each programme alone.
    const alone = [...(await listVisitStatus(jaga.db, [visited.id], day(0))), ...(await listVisitStatus(jaga.db, [waiting.id], day(0)))]
    const key = (v: { planId: string; areaId: string }) => `${v.planId} ${v.areaId}`
    expect(new Map(together.map((v) => [key(v), v]))).toEqual(new Map(alone.map((v) => [key(v), v])))
  })

  it('finds each plan\'s places and their sessions and knowledge as a search of the whole tree and list does', async () => {
    // The whole kecamatan (its kelurahan are the places) and one kelurahan again on its own plan.
    const programme = await aProgramme(jaga, { startsOn: day(-200), areaIds: [AMPLAS, TIMBANG_DELI] })
    await planVisits(jaga.db, cli, programme.id, { areaId: AMPLAS, everyMonths: 1 })
    await planVisits(jaga.db, cli, programme.id, { areaId: TIMBANG_DELI, everyMonths: 2 })
    const tree = await areaTree(jaga.db)
    const places = leavesOf(findNode(tree, AMPLAS)!)
    expect(places.length).toBeGreaterThan(2)
    for (const [i, place] of places.entries()) {
      await aHeldSession(jaga, programme.id, { female: 1, male: 1 }, { areaId: place.id, startsAt: `${day(-10 - i)}T09:00`, endsAt: `${day(-10 - i)}T11:00` })
      if (i % 2) await aSession(jaga, programme.id, { areaId: place.id, startsAt: `${day(3 + i)}T09:00`, endsAt: `${day(3 + i)}T11:00` })
    }
    // Planned in the past (neither a visit nor scheduled), planned today (scheduled), and a cancelled one.
    await aSession(jaga, programme.id, { areaId: places[0]!.id, startsAt: `${day(-2)}T09:00`, endsAt: `${day(-2)}T11:00` })
    await aSession(jaga, programme.id, { areaId: places[0]!.id, startsAt: `${day(0)}T00:00`, endsAt: `${day(0)}T01:00` })
    const called = await aSession(jaga, programme.id, { areaId: places[2]!.id, startsAt: `${day(1)}T09:00`, endsAt: `${day(1)}T11:00` })
    await jaga.db.updateTable('sessions').set({ status: 'cancelled' }).where('id', '=', called.id).execute()
    const pairs: KnowledgePair[] = places.flatMap((p, i) => [0.1, 0.7, 0.3].slice(0, 1 + (i % 3)).map((post) => ({ areaId: p.id, pre: 0.2, post: post + i / 100 })))
    const got = await listVisitStatus(jaga.db, [programme.id], day(0), async () => pairs)

    // The reference: each plan's area searched in the tree, every session of the programme filtered per place.
    const sessions = await jaga.db.selectFrom('sessions').select(['areaId', 'startsAt', 'status']).where('programmeId', '=', programme.id).execute()
    const plans = await jaga.db.selectFrom('visitPlans').selectAll().where('programmeId', '=', programme.id).execute()
    const expected = plans.flatMap((plan) => {
      const area = findNode(tree, plan.areaId)!
      return leavesOf(area).map((leaf) => {
        const within = idsWithin(leaf)
        const status = visitStatus({ planId: plan.id, programmeId: programme.id, areaId: leaf.id, areaName: leaf.name, parentName: area.name, everyMonths: plan.everyMonths, within }, sessions, programme.startsOn, day(0))
        const mine = pairs.filter((k) => within.has(k.areaId))
        return { ...status, knowledge: mine.length ? mine.reduce((n, k) => n + k.post, 0) / mine.length : null }
      })
    })
    const key = (v: { planId: string; areaId: string }) => `${v.planId} ${v.areaId}`
    expect(new Map(got.map((v) => [key(v), v]))).toEqual(new Map(expected.map((v) => [key(v), v])))
    expect(got.some((v) => v.nextScheduled !== null && v.lastVisit !== null)).toBe(true)
    expect(got.find((v) => v.areaId === places[0]!.id)).toMatchObject({ lastVisit: day(-10), nextScheduled: `${day(0)}T00:00` })
    expect(got.find((v) => v.areaId === places[2]!.id)!.nextScheduled).toBeNull()
  })
})

describe('the first places in order, without sorting them all', () => {
  it('gives what a stable sort and a slice give, ties in their first order, for every length', () => {
    // Pairs [key, position]: many equal keys, so an unstable pick would show in the positions.
    const list = Array.from({ length: 200 }, (_, i) => [(i * 7919) % 13, i] as const)
    const byKey = (a: readonly [number, number], b: readonly [number, number]) => a[0] - b[0]
    for (const n of [0, 1, 10, 13, 199, 200, 250]) expect(firstInOrder(list, byKey, n), `n = ${n}`).toEqual([...list].sort(byKey).slice(0, n))
  })
})
