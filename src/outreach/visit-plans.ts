import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database, Db } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import { areaTree } from '../areas/areas.ts'
import { Problem } from '../platform/http/problems.ts'
import { getProgramme } from './programmes.ts'
import { leavesOf, nodesById, statusOf, type VisitsSeen, type VisitStatus } from './visit-schedule.ts'
import type { KnowledgePair, KnowledgeSource } from './knowledge.ts'

export const visitPlanInput = z.object({
  areaId: z.uuid({ error: 'visitPlan.areaNotInProgramme' }),
  everyMonths: z.coerce.number({ error: 'visitPlan.badInterval' }).int({ error: 'visitPlan.badInterval' }).min(1, { error: 'visitPlan.badInterval' }).max(24, { error: 'visitPlan.badInterval' }),
})
export type VisitPlanInput = z.output<typeof visitPlanInput>

/** Plans an area of the programme to be visited every N months; planning it again changes the interval. */
export async function planVisits(db: Kysely<Database>, actor: Actor, programmeId: string, input: VisitPlanInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const programme = await getProgramme(trx, programmeId)
    if (!programme.areaIds.includes(input.areaId)) throw new Problem('validation', {}, [{ field: 'areaId', message: 'visitPlan.areaNotInProgramme' }])
    const now = new Date().toISOString()
    const existing = await trx.selectFrom('visitPlans').select('id').where('programmeId', '=', programmeId).where('areaId', '=', input.areaId).executeTakeFirst()
    if (existing) await trx.updateTable('visitPlans').set({ everyMonths: input.everyMonths, updatedAt: now }).where('id', '=', existing.id).execute()
    else await trx.insertInto('visitPlans').values({ id: crypto.randomUUID(), programmeId, areaId: input.areaId, everyMonths: input.everyMonths, createdAt: now, updatedAt: now }).execute()
    await insertAuditEntry(trx, actor, 'visit-plan.set', { type: 'programme', id: programmeId }, { areaId: input.areaId, everyMonths: input.everyMonths })
  })
}

export async function removeVisitPlan(db: Kysely<Database>, actor: Actor, programmeId: string, planId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const plan = await trx.selectFrom('visitPlans').selectAll().where('id', '=', planId).where('programmeId', '=', programmeId).executeTakeFirst()
    if (!plan) throw new Problem('not-found')
    await trx.deleteFrom('visitPlans').where('id', '=', planId).execute()
    await insertAuditEntry(trx, actor, 'visit-plan.delete', { type: 'programme', id: programmeId }, { areaId: plan.areaId })
  })
}


/**
 * Every place the programmes plan to visit, with its last visit and next due date: overdue ones
 * first, then by the month they are due, and within a month the places where knowledge after the
 * sessions was lowest (when questionnaires measured it), so the next visits go where they are needed.
 */
export async function listVisitStatus(db: Db, programmeIds: string[], today: string, knowledge?: KnowledgeSource): Promise<VisitStatus[]> {
  return (await visitStatuses(db, programmeIds, today, knowledge)).sort(byNeed)
}

/**
 * The overdue places of these programmes, in listVisitStatus' order: the first `limit` and how many
 * there are. The start page shows ten of a country's ~9,000 places; sorting them all to show ten
 * was most of its own JavaScript time (bench/national.ts).
 */
export async function listOverdueVisits(db: Db, programmeIds: string[], today: string, limit: number): Promise<{ rows: VisitStatus[]; total: number }> {
  const overdue = (await visitStatuses(db, programmeIds, today)).filter((v) => v.overdue)
  return { rows: firstInOrder(overdue, byNeed, limit), total: overdue.length }
}

/** What `[...list].sort(order).slice(0, n)` gives (a stable sort: equal items keep their order), looking at each item once. */
export function firstInOrder<T>(list: readonly T[], order: (a: T, b: T) => number, n: number): T[] {
  const top: T[] = []
  for (const x of list) {
    if (top.length === n && (n === 0 || order(x, top[n - 1]!) >= 0)) continue
    let i = top.length
    while (i > 0 && order(x, top[i - 1]!) < 0) i--
    top.splice(i, 0, x)
    if (top.length > n) top.pop()
  }
  return top
}

const lowFirst = (a: VisitStatus, b: VisitStatus) => (a.knowledge ?? 2) - (b.knowledge ?? 2)
/** Overdue first, then by the month due, the lowest knowledge first, the day due and the place's name. */
const byNeed = (a: VisitStatus, b: VisitStatus) =>
  Number(b.overdue) - Number(a.overdue) || a.nextDue.slice(0, 7).localeCompare(b.nextDue.slice(0, 7)) || lowFirst(a, b) || a.nextDue.localeCompare(b.nextDue) || a.areaName.localeCompare(b.areaName)

/** Every planned place's status, in plan order. */
async function visitStatuses(db: Db, programmeIds: string[], today: string, knowledge?: KnowledgeSource): Promise<VisitStatus[]> {
  if (programmeIds.length === 0) return []
  const plans = await db.selectFrom('visitPlans as v').innerJoin('programmes as p', 'p.id', 'v.programmeId').select(['v.id', 'v.programmeId', 'v.areaId', 'v.everyMonths', 'p.startsOn']).where('v.programmeId', 'in', programmeIds).execute()
  if (plans.length === 0) return []
  const areas = nodesById(await areaTree(db))
  const seen = await visitsSeen(db, programmeIds, today)
  const out: VisitStatus[] = []
  const measured = new Map<string, Map<string, KnowledgePair[]>>()
  for (const plan of plans) {
    const area = areas.get(plan.areaId)
    if (!area) continue
    // A leaf has no places inside it: its own sessions and pairs are all there is.
    for (const leaf of leavesOf(area)) {
      const target = { planId: plan.id, programmeId: plan.programmeId, areaId: leaf.id, areaName: leaf.name, parentName: area.name, everyMonths: plan.everyMonths }
      const status = statusOf(target, seen.get(`${plan.programmeId} ${leaf.id}`) ?? NOT_SEEN, plan.startsOn, today)
      if (knowledge) {
        let byArea = measured.get(plan.programmeId)
        if (!byArea) measured.set(plan.programmeId, (byArea = groupByArea(await knowledge(db, plan.programmeId))))
        const pairs = byArea.get(leaf.id) ?? []
        status.knowledge = pairs.length ? pairs.reduce((n, k) => n + k.post, 0) / pairs.length : null
      }
      out.push(status)
    }
  }
  return out
}

const NOT_SEEN: VisitsSeen = { lastHeld: null, nextPlanned: null }

/**
 * Per programme and area, the last held or reported session's start and the first planned one from
 * today on, worked out by the database: reading every session of every active programme (45,000
 * nationally, bench/national.ts) to filter them per place took over a second of the start page.
 */
async function visitsSeen(db: Db, programmeIds: string[], today: string): Promise<Map<string, VisitsSeen>> {
  const rows = await db
    .selectFrom('sessions')
    .select((eb) => [
      'programmeId',
      'areaId',
      eb.fn.max(eb.case().when('status', 'in', ['held', 'reported']).then(eb.ref('startsAt')).end()).as('lastHeld'),
      // startsAt >= today is startsAt.slice(0, 10) >= today: a date is a prefix of its start.
      eb.fn.min(eb.case().when(eb.and([eb('status', '=', 'planned'), eb('startsAt', '>=', today)])).then(eb.ref('startsAt')).end()).as('nextPlanned'),
    ])
    .where('programmeId', 'in', programmeIds)
    .where('status', 'in', ['planned', 'held', 'reported'])
    .groupBy(['programmeId', 'areaId'])
    .execute()
  return new Map(rows.map((r) => [`${r.programmeId} ${r.areaId}`, { lastHeld: r.lastHeld ?? null, nextPlanned: r.nextPlanned ?? null }]))
}

function groupByArea(pairs: KnowledgePair[]): Map<string, KnowledgePair[]> {
  const out = new Map<string, KnowledgePair[]>()
  for (const k of pairs) {
    const list = out.get(k.areaId)
    if (list) list.push(k)
    else out.set(k.areaId, [k])
  }
  return out
}

export async function listVisitPlans(db: Db, programmeId: string) {
  return db.selectFrom('visitPlans as v').innerJoin('areas as a', 'a.id', 'v.areaId').select(['v.id', 'v.areaId', 'v.everyMonths', 'a.name as areaName']).where('v.programmeId', '=', programmeId).orderBy('a.name').execute()
}
