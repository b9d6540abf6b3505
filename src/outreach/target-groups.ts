import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, Db } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import { Problem } from '../platform/http/problems.ts'
import type { TargetGroupsTable } from './outreach-tables.ts'
import { getProgramme } from './programmes.ts'
import type { TargetGroupInput } from './target-group-form.ts'

export type TargetGroup = TargetGroupsTable

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
