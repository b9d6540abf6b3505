import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, Db } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import { Problem } from '../platform/http/problems.ts'
import type { TargetGroupsTable } from './outreach-tables.ts'
import { getProgramme } from './programmes.ts'
import type { BaselineLevel, TargetGroupInput } from './target-group-form.ts'
import { idsWithin, nodesById, type AreaLike } from './visit-schedule.ts'

export type TargetGroup = TargetGroupsTable

/** `count` pre-tests with the same knowledge score (a share of the maximum) from a session in an area, for a group. */
export interface PreScore {
  areaId: string
  groupKind: string
  share: number
  /** Counted by the database: one object per answer was 100,000 of them for a national programme's page. */
  count: number
}
/** Where a programme's pre-test scores come from: the evaluation slice provides it (see app.ts). */
export type BaselineSource = (db: Db, programmeId: string) => Promise<PreScore[]>

/** A target group's baseline awareness as its pre-tests measured it. */
export interface MeasuredBaseline {
  level: Exclude<BaselineLevel, 'unknown'>
  /** The mean share of right answers before the sessions. */
  share: number
  answers: number
}

/** Fewer pre-tests than this say too little about a group (and would show a handful of people's scores). */
export const MIN_BASELINE_ANSWERS = 5

/** Under half right on average is low awareness, three quarters or more high; the page says so. */
export const levelOf = (share: number): MeasuredBaseline['level'] => (share < 0.5 ? 'low' : share < 0.75 ? 'medium' : 'high')

/**
 * Each target group's baseline from the pre-tests of its group in sessions held in its area (or a
 * lingkungan inside it), once there are at least MIN_BASELINE_ANSWERS; keyed by target group id.
 */
export function measureBaselines(groups: Pick<TargetGroup, 'id' | 'areaId' | 'groupKind'>[], tree: AreaLike[], scores: PreScore[]): Map<string, MeasuredBaseline> {
  const out = new Map<string, MeasuredBaseline>()
  const areas = nodesById(tree)
  for (const g of groups) {
    const node = areas.get(g.areaId)
    const within = node ? idsWithin(node) : new Set([g.areaId])
    let answers = 0
    let sum = 0
    for (const s of scores) {
      if (s.groupKind !== g.groupKind || !within.has(s.areaId)) continue
      answers += s.count
      // Added one answer at a time, as a list of single scores was: the same mean to the last bit.
      for (let i = 0; i < s.count; i++) sum += s.share
    }
    if (answers < MIN_BASELINE_ANSWERS) continue
    const share = sum / answers
    out.set(g.id, { level: levelOf(share), share, answers })
  }
  return out
}

export async function listTargetGroups(db: Db, programmeId: string): Promise<(TargetGroup & { areaName: string })[]> {
  return db
    .selectFrom('targetGroups as g')
    .innerJoin('areas as a', 'a.id', 'g.areaId')
    .selectAll('g')
    .select('a.name as areaName')
    .where('g.programmeId', '=', programmeId)
    .orderBy('a.name')
    .orderBy('g.groupKind')
    .execute()
}

/** Adds a target group in one of the programme's own areas; one group of a kind per area. */
export async function addTargetGroup(db: Kysely<Database>, actor: Actor, programmeId: string, input: TargetGroupInput): Promise<TargetGroup> {
  return db.transaction().execute(async (trx) => {
    const programme = await getProgramme(trx, programmeId)
    if (!programme.areaIds.includes(input.areaId)) throw new Problem('validation', {}, [{ field: 'areaId', message: 'targetGroup.areaNotInProgramme' }])
    const existing = await trx
      .selectFrom('targetGroups')
      .select('id')
      .where('programmeId', '=', programmeId)
      .where('areaId', '=', input.areaId)
      .where('groupKind', '=', input.groupKind)
      .executeTakeFirst()
    if (existing) throw new Problem('validation', {}, [{ field: 'groupKind', message: 'targetGroup.duplicate' }])
    const now = new Date().toISOString()
    const group: TargetGroup = { id: crypto.randomUUID(), programmeId, ...input, createdAt: now, updatedAt: now }
    await trx.insertInto('targetGroups').values(group).execute()
    await insertAuditEntry(trx, actor, 'target-group.create', { type: 'target-group', id: group.id }, { programme: programme.name, group: input.groupKind, size: input.estimatedSize, baseline: input.baselineLevel })
    return group
  })
}

export async function removeTargetGroup(db: Kysely<Database>, actor: Actor, programmeId: string, groupId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const group = await trx.selectFrom('targetGroups').selectAll().where('id', '=', groupId).where('programmeId', '=', programmeId).executeTakeFirst()
    if (!group) throw new Problem('not-found')
    await trx.deleteFrom('targetGroups').where('id', '=', groupId).execute()
    await insertAuditEntry(trx, actor, 'target-group.delete', { type: 'target-group', id: groupId }, { group: group.groupKind })
  })
}
