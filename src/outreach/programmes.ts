import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, Db } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import { Problem, type FieldError } from '../platform/http/problems.ts'
import type { ProgrammeInput } from './programme-form.ts'
import * as q from './programme-queries.ts'

export type { Programme, ProgrammeLinks } from './programme-queries.ts'

export async function getProgramme(db: Db, id: string): Promise<q.Programme & q.ProgrammeLinks> {
  const programme = await q.findProgramme(db, id)
  if (!programme) throw new Problem('not-found')
  return { ...programme, ...(await q.listLinks(db, [id])).get(id)! }
}

const missing = async (db: Db, table: 'areas' | 'partners' | 'users', ids: string[]) => {
  if (ids.length === 0) return false
  const found = await db.selectFrom(table).select('id').where('id', 'in', ids).execute()
  return found.length !== new Set(ids).size
}

async function checkProgramme(db: Db, input: ProgrammeInput, exceptId?: string): Promise<FieldError[]> {
  const errors: FieldError[] = []
  if (await q.findProgrammeByName(db, input.name, exceptId)) errors.push({ field: 'name', message: 'programme.nameTaken' })
  if (input.coordinatorId) {
    const user = await db.selectFrom('users').select(['role', 'status']).where('id', '=', input.coordinatorId).executeTakeFirst()
    if (!user || user.status === 'deactivated' || !['admin', 'coordinator'].includes(user.role)) errors.push({ field: 'coordinatorId', message: 'programme.notCoordinator' })
  }
  if (await missing(db, 'areas', input.areaIds)) errors.push({ field: 'areaIds', message: 'programme.noSuchArea' })
  if (await missing(db, 'users', input.facilitatorIds)) errors.push({ field: 'facilitatorIds', message: 'programme.noSuchUser' })
  if (await missing(db, 'partners', input.partnerIds)) errors.push({ field: 'partnerIds', message: 'programme.noSuchPartner' })
  return errors
}

const linksOf = (input: ProgrammeInput): q.ProgrammeLinks => ({
  areaIds: [...new Set(input.areaIds)],
  facilitatorIds: [...new Set(input.facilitatorIds)],
  partnerIds: [...new Set(input.partnerIds)],
})

export async function createProgramme(db: Kysely<Database>, actor: Actor, input: ProgrammeInput): Promise<q.Programme & q.ProgrammeLinks> {
  return db.transaction().execute(async (trx) => {
    const errors = await checkProgramme(trx, input)
    if (errors.length) throw new Problem('validation', {}, errors)
    const now = new Date().toISOString()
    const { areaIds: _a, facilitatorIds: _f, partnerIds: _p, ...fields } = input
    const programme: q.Programme = { id: crypto.randomUUID(), ...fields, createdAt: now, updatedAt: now }
    await q.insertProgramme(trx, programme)
    const links = linksOf(input)
    await q.replaceLinks(trx, programme.id, links)
    await insertAuditEntry(trx, actor, 'programme.create', { type: 'programme', id: programme.id }, { name: programme.name, period: `${programme.startsOn}..${programme.endsOn}`, areas: links.areaIds.length })
    return { ...programme, ...links }
  })
}

export async function editProgramme(db: Kysely<Database>, actor: Actor, id: string, input: ProgrammeInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await getProgramme(trx, id)
    const errors = await checkProgramme(trx, input, id)
    if (errors.length) throw new Problem('validation', {}, errors)
    const { areaIds: _a, facilitatorIds: _f, partnerIds: _p, ...fields } = input
    await q.updateProgramme(trx, id, { ...fields, updatedAt: new Date().toISOString() })
    const links = linksOf(input)
    await q.replaceLinks(trx, id, links)
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => before[k] !== fields[k])
    const linkChanges = (['areaIds', 'facilitatorIds', 'partnerIds'] as const).filter((k) => [...before[k]].sort().join() !== [...links[k]].sort().join())
    await insertAuditEntry(trx, actor, 'programme.update', { type: 'programme', id }, {
      name: before.name,
      ...Object.fromEntries(changed.map((k) => [k, [before[k], fields[k]]])),
      ...Object.fromEntries(linkChanges.map((k) => [k, [before[k].length, links[k].length]])),
    })
  })
}
