// Which programmes an account may see: a partner account's institution, a coordinator's "own programmes
// only" (programme-scope.ts applies them). Set by admins on the user's page or with `jaga user create --partner`.
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import { findUserScope, updateUserScope, type UserScope } from '../accounts/user-scope.ts'
import { getUser } from '../accounts/users.ts'
import { Problem } from '../platform/http/problems.ts'
import { findPartner, findPartnerByName } from './partner-queries.ts'

export const userAccessInput = z.object({
  partnerId: z.union([z.literal(''), z.uuid({ error: 'validation.choice' })], { error: 'validation.choice' }).default('').transform((v) => v || null),
  ownProgrammesOnly: z.enum(['yes', 'no']).default('no').transform((v) => v === 'yes'),
})
export type UserAccessInput = z.output<typeof userAccessInput>

/** A partner institution named by id or by name (the command line takes either). */
export async function findPartnerRef(db: Kysely<Database>, ref: string) {
  const trimmed = ref.trim()
  return (z.uuid().safeParse(trimmed).success ? await findPartner(db, trimmed) : undefined) ?? (await findPartnerByName(db, trimmed))
}

export async function setUserAccess(db: Kysely<Database>, actor: Actor, userId: string, input: UserAccessInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await getUser(trx, userId)
    if (input.partnerId && user.role !== 'partner') throw new Problem('validation', {}, [{ field: 'partnerId', message: 'access.partnerOnly' }])
    if (input.partnerId && !(await findPartner(trx, input.partnerId))) throw new Problem('validation', {}, [{ field: 'partnerId', message: 'validation.choice' }])
    const before: UserScope = await findUserScope(trx, userId)
    const after: UserScope = { partnerId: input.partnerId, ownProgrammesOnly: input.ownProgrammesOnly }
    await updateUserScope(trx, userId, after, new Date().toISOString())
    await insertAuditEntry(trx, actor, 'user.access', { type: 'user', id: userId }, {
      ...(before.partnerId !== after.partnerId ? { partnerId: [before.partnerId, after.partnerId] } : {}),
      ...(before.ownProgrammesOnly !== after.ownProgrammesOnly ? { ownProgrammesOnly: [before.ownProgrammesOnly, after.ownProgrammesOnly] } : {}),
    })
  })
}
