// What limits a user to some programmes: a partner account's institution, a coordinator's "own
// programmes only". Read per request by outreach/programme-scope.ts (not kept in the login session,
// so a change applies at the next request).
import type { Db } from '../database.ts'

export interface UserScope {
  partnerId: string | null
  ownProgrammesOnly: boolean
}

export async function findUserScope(db: Db, userId: string): Promise<UserScope> {
  const row = await db.selectFrom('users').select(['partnerId', 'ownProgrammesOnly']).where('id', '=', userId).executeTakeFirst()
  return { partnerId: row?.partnerId ?? null, ownProgrammesOnly: Number(row?.ownProgrammesOnly ?? 0) === 1 }
}

export async function updateUserScope(db: Db, userId: string, scope: UserScope, now: string): Promise<void> {
  await db.updateTable('users').set({ partnerId: scope.partnerId, ownProgrammesOnly: scope.ownProgrammesOnly ? 1 : 0, updatedAt: now }).where('id', '=', userId).execute()
}
