import crypto from 'node:crypto'
import type { HelpChannel } from '../library/content-schema.ts'
import type { Kysely } from 'kysely'
import type { Database, Db } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import { Problem, type FieldError } from '../platform/http/problems.ts'
import type { PartnerInput } from './partner-form.ts'
import * as q from './partner-queries.ts'

export type { Partner } from './partner-queries.ts'

export async function getPartner(db: Db, id: string): Promise<q.Partner> {
  const partner = await q.findPartner(db, id)
  if (!partner) throw new Problem('not-found')
  return partner
}

async function checkPartner(db: Db, input: PartnerInput, exceptId?: string): Promise<FieldError[]> {
  const errors: FieldError[] = []
  if (await q.findPartnerByName(db, input.name, exceptId)) errors.push({ field: 'name', message: 'partner.nameTaken' })
  if (input.areaId && !(await db.selectFrom('areas').select('id').where('id', '=', input.areaId).executeTakeFirst())) {
    errors.push({ field: 'areaId', message: 'partner.noSuchArea' })
  }
  return errors
}

// The audit summary names what changed but never copies contact details into the log.
const CONTACT_FIELDS = new Set(['contactName', 'contactPhone', 'contactEmail'])

export async function createPartner(db: Kysely<Database>, actor: Actor, input: PartnerInput): Promise<q.Partner> {
  return db.transaction().execute(async (trx) => {
    const errors = await checkPartner(trx, input)
    if (errors.length) throw new Problem('validation', {}, errors)
    const now = new Date().toISOString()
    const partner: q.Partner = { id: crypto.randomUUID(), ...input, createdAt: now, updatedAt: now }
    await q.insertPartner(trx, partner)
    await insertAuditEntry(trx, actor, 'partner.create', { type: 'partner', id: partner.id }, { name: partner.name, kind: partner.kind })
    return partner
  })
}

export async function editPartner(db: Kysely<Database>, actor: Actor, id: string, input: PartnerInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await getPartner(trx, id)
    const errors = await checkPartner(trx, input, id)
    if (errors.length) throw new Problem('validation', {}, errors)
    await q.updatePartner(trx, id, { ...input, updatedAt: new Date().toISOString() })
    const changed = (Object.keys(input) as (keyof PartnerInput)[]).filter((k) => before[k] !== input[k])
    const summary = Object.fromEntries(changed.map((k) => [k, CONTACT_FIELDS.has(k) ? 'changed' : [before[k], input[k]]]))
    await insertAuditEntry(trx, actor, 'partner.update', { type: 'partner', id }, { name: before.name, ...summary })
  })
}

/** Deletes a partner no programme names any more; one still in use is refused with an explanation. */
export async function removePartner(db: Kysely<Database>, actor: Actor, id: string): Promise<q.Partner> {
  return db.transaction().execute(async (trx) => {
    const partner = await getPartner(trx, id)
    const uses = await trx.selectFrom('programmePartners').select('programmeId').where('partnerId', '=', id).execute()
    if (uses.length) throw new Problem('conflict', { count: uses.length }, [], 'partner.inUse')
    await q.deletePartner(trx, id)
    await insertAuditEntry(trx, actor, 'partner.delete', { type: 'partner', id }, { name: partner.name })
    return partner
  })
}

/**
 * Partners that serve the public, as entries of the library's help directory: the public phone and
 * description the coordinator gave, dated by the partner's last change. Never the staff contact.
 */
export async function partnerHelpChannels(db: Db): Promise<HelpChannel[]> {
  const rows = await db.selectFrom('partners').selectAll().where('helpPhone', 'is not', null).orderBy('name').execute()
  return rows.map((p) => ({
    id: `partner-${p.id}`,
    name: p.name,
    operator: { id: p.name, en: p.name },
    handles: { id: p.helpHandlesId ?? '', en: p.helpHandlesEn ?? '' },
    scope: 'local' as const,
    contacts: [{ kind: 'phone' as const, value: p.helpPhone! }],
    note: { id: 'Dicatat oleh tim program sebagai mitra; nomor dari lembaga itu sendiri.', en: 'Recorded by the programme team as a partner; the number comes from the institution itself.' },
    confidence: 'medium-high' as const,
    sources: ['Jaga'],
    verified: p.updatedAt.slice(0, 10),
  }))
}
