import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../../test/harness.ts'
import { aHeldSession, aProgramme, aSession, cli, day, HARJOSARI_I, TIMBANG_DELI } from '../../test/outreach-builders.ts'
import { listVisitStatus, planVisits } from './visit-plans.ts'

const jaga = useTestApp()

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
})
