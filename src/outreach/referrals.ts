import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, Db } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import { can, type Role } from '../accounts/permissions.ts'
import { Problem, type FieldError } from '../platform/http/problems.ts'
import type { ReferralsTable, ReferralUpdatesTable } from './outreach-tables.ts'
import { noteProblem, REFERRAL_STATUSES, type ReferralInput, type ReferralStatus, type ReferralUpdateInput } from './referral-form.ts'

export type Referral = ReferralsTable
export type ReferralUpdate = ReferralUpdatesTable
/** Who reads; `programmes` set for a coordinator limited to their own programmes (programme-scope.ts). */
export type Reader = Actor & { role: Role; programmes?: ReadonlySet<string> | undefined }

/** The help-directory channel ids a referral may name (the library's, without local partners: those are partners). */
export type ChannelIds = ReadonlySet<string>

async function checkReferral(db: Db, input: ReferralInput, channels: ChannelIds): Promise<FieldError[]> {
  const errors: FieldError[] = []
  const area = await db.selectFrom('areas').select('level').where('id', '=', input.areaId).executeTakeFirst()
  if (!area || area.level !== 'village') errors.push({ field: 'areaId', message: 'referral.needsVillage' })
  const service = input.partnerId ? Boolean(await db.selectFrom('partners').select('id').where('id', '=', input.partnerId).executeTakeFirst()) : input.channelId !== null && channels.has(input.channelId)
  if (!service) errors.push({ field: 'partnerId', message: 'referral.needsService' })
  if (input.programmeId && !(await db.selectFrom('programmes').select('id').where('id', '=', input.programmeId).executeTakeFirst())) errors.push({ field: 'programmeId', message: 'validation.choice' })
  const note = noteProblem(input.note)
  if (note) errors.push({ field: 'note', message: note })
  return errors
}

/** Records a referral; its first step in the history is "referred" on the day of the disclosure. */
export async function recordReferral(db: Kysely<Database>, actor: Actor, input: ReferralInput, channels: ChannelIds = new Set()): Promise<Referral> {
  return db.transaction().execute(async (trx) => {
    const errors = await checkReferral(trx, input, channels)
    if (errors.length) throw new Problem('validation', {}, errors)
    const now = new Date().toISOString()
    const referral: Referral = { id: crypto.randomUUID(), ...input, status: 'referred', recordedBy: actor.id!, createdAt: now, updatedAt: now }
    await trx.insertInto('referrals').values(referral).execute()
    await trx.insertInto('referralUpdates').values({ id: crypto.randomUUID(), referralId: referral.id, onDate: input.occurredOn, status: 'referred', note: null, byUser: actor.id!, createdAt: now }).execute()
    // The audit log says that a referral was made, never what it says.
    await insertAuditEntry(trx, actor, 'referral.create', { type: 'referral', id: referral.id }, {})
    return referral
  })
}

/** Who may read which referrals: referral.view reads all; a recorder reads the ones they recorded. */
const visibleTo = (reader: Reader) => (can(reader.role, 'referral.view') ? undefined : reader.id!)

/** The referrals a reader may see, newest first. Reading them is audited. */
export async function listReferrals(db: Db, reader: Reader): Promise<Referral[]> {
  let q = db.selectFrom('referrals').selectAll().orderBy('occurredOn', 'desc').orderBy('createdAt', 'desc')
  const only = visibleTo(reader)
  if (only) q = q.where('recordedBy', '=', only)
  // A limited coordinator: the referrals of their programmes, and the ones they recorded themselves.
  const programmes = reader.programmes
  if (!only && programmes) q = q.where((w) => w.or([w('recordedBy', '=', reader.id!), ...(programmes.size ? [w('programmeId', 'in', [...programmes])] : [])]))
  const rows = await q.execute()
  await insertAuditEntry(db, reader, 'referral.read', { type: 'referral-list' }, { count: rows.length })
  return rows
}

/** One referral and its history; someone who may not read it is told it does not exist. Audited. */
export async function readReferral(db: Db, reader: Reader, id: string): Promise<Referral & { updates: ReferralUpdate[] }> {
  const referral = await db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst()
  const only = visibleTo(reader)
  if (!referral || (only && referral.recordedBy !== only)) throw new Problem('not-found')
  if (reader.programmes && referral.recordedBy !== reader.id && !(referral.programmeId && reader.programmes.has(referral.programmeId))) throw new Problem('not-found')
  const updates = await db.selectFrom('referralUpdates').selectAll().where('referralId', '=', id).orderBy('onDate').orderBy('createdAt').execute()
  await insertAuditEntry(db, reader, 'referral.read', { type: 'referral', id }, {})
  return { ...referral, updates }
}

/** Status only moves forward (referred → received → closed); a follow-up at the same status adds a note. */
export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return from !== 'closed' && REFERRAL_STATUSES.indexOf(to) >= REFERRAL_STATUSES.indexOf(from)
}

export async function followUpReferral(db: Kysely<Database>, reader: Reader, id: string, input: ReferralUpdateInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const referral = await readReferral(trx, reader, id)
    const errors: FieldError[] = []
    if (!canMoveReferral(referral.status, input.status)) errors.push({ field: 'status', message: referral.status === 'closed' ? 'referral.closed' : 'referral.backwards' })
    if (input.onDate < referral.occurredOn) errors.push({ field: 'onDate', message: 'referral.followUpBeforeDate' })
    if (input.nextFollowUp && input.nextFollowUp < input.onDate) errors.push({ field: 'nextFollowUp', message: 'referral.followUpBeforeDate' })
    const note = noteProblem(input.note)
    if (note) errors.push({ field: 'note', message: note })
    if (errors.length) throw new Problem('validation', {}, errors)
    const now = new Date().toISOString()
    await trx.insertInto('referralUpdates').values({ id: crypto.randomUUID(), referralId: id, onDate: input.onDate, status: input.status, note: input.note, byUser: reader.id!, createdAt: now }).execute()
    await trx.updateTable('referrals').set({ status: input.status, nextFollowUp: input.status === 'closed' ? null : input.nextFollowUp, updatedAt: now }).where('id', '=', id).execute()
    await insertAuditEntry(trx, reader, 'referral.update', { type: 'referral', id }, { status: [referral.status, input.status] })
  })
}

/** How many referrals a programme made, by status and by concern: counts only, for reports. */
export async function referralCounts(db: Db, programmeId: string): Promise<{ total: number; byStatus: Record<string, number>; byConcern: Record<string, number> }> {
  const rows = await db.selectFrom('referrals').select(['status', 'concern']).where('programmeId', '=', programmeId).execute()
  const tally = (key: 'status' | 'concern') => rows.reduce<Record<string, number>>((acc, r) => ((acc[r[key]] = (acc[r[key]] ?? 0) + 1), acc), {})
  return { total: rows.length, byStatus: tally('status'), byConcern: tally('concern') }
}
