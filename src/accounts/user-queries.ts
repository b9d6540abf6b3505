import type { Db } from '../database.ts'
import type { AccessLinkPurpose, AccessLinksTable, UsersTable, UserStatus } from './account-tables.ts'
import type { Role } from './permissions.ts'

export type User = UsersTable
/** A user as pages and the API may show them: never the password hash. */
export type PublicUser = Omit<User, 'passwordHash'>

const PUBLIC_COLUMNS = ['id', 'email', 'displayName', 'role', 'status', 'createdAt', 'updatedAt'] as const

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst()
}

export async function findUserById(db: Db, id: string): Promise<PublicUser | undefined> {
  return db.selectFrom('users').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst()
}

export async function listUsers(db: Db): Promise<PublicUser[]> {
  return db.selectFrom('users').select(PUBLIC_COLUMNS).orderBy('status').orderBy('email').execute()
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Counts the active admins and locks their rows until the transaction ends (a no-op write: SQLite has
 * no SELECT … FOR UPDATE). Without the lock, two admins demoting each other at the same moment on
 * PostgreSQL would each count two admins and leave none.
 */
export async function lockActiveAdmins(db: Db): Promise<number> {
  const result = await db
    .updateTable('users')
    .set((eb) => ({ updatedAt: eb.ref('updatedAt') }))
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export async function insertUser(db: Db, user: User): Promise<void> {
  await db.insertInto('users').values(user).execute()
}

export async function updateUser(
  db: Db,
  id: string,
  changes: Partial<{ role: Role; status: UserStatus; passwordHash: string; displayName: string }>,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...changes, updatedAt: new Date().toISOString() })
    .where('id', '=', id)
    .execute()
}

// Login sessions ---------------------------------------------------------------------------

export async function insertLoginSession(db: Db, s: { id: string; userId: string; now: string; expiresAt: string }): Promise<void> {
  await db
    .insertInto('loginSessions')
    .values({ id: s.id, userId: s.userId, createdAt: s.now, lastSeenAt: s.now, expiresAt: s.expiresAt })
    .execute()
}

/** The signed-in user of a login session that is neither idle-expired nor (with `createdAfter`) past its absolute lifetime. */
export async function findLoginSessionUser(db: Db, sessionId: string, now: string, createdAfter?: string) {
  return db
    .selectFrom('loginSessions as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .select(['s.id as sessionId', 's.lastSeenAt', 'u.id', 'u.email', 'u.displayName', 'u.role', 'u.status'])
    .where('s.id', '=', sessionId)
    .where('s.expiresAt', '>', now)
    .$if(createdAfter !== undefined, (q) => q.where('s.createdAt', '>', createdAfter!))
    .where('u.status', '=', 'active')
    .executeTakeFirst()
}

export async function touchLoginSession(db: Db, sessionId: string, now: string, expiresAt: string): Promise<void> {
  await db.updateTable('loginSessions').set({ lastSeenAt: now, expiresAt }).where('id', '=', sessionId).execute()
}

export async function deleteLoginSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('loginSessions').where('id', '=', sessionId).execute()
}

/** Ends every login session of the user; returns how many there were. */
export async function deleteLoginSessionsOfUser(db: Db, userId: string): Promise<number> {
  const result = await db.deleteFrom('loginSessions').where('userId', '=', userId).executeTakeFirst()
  return Number(result.numDeletedRows)
}

// Access links (invitations and password resets) -----------------------------------------------

export async function insertAccessLink(db: Db, link: AccessLinksTable): Promise<void> {
  await db.insertInto('accessLinks').values(link).execute()
}

export async function findUsableAccessLink(db: Db, linkId: string, now: string) {
  return db
    .selectFrom('accessLinks as l')
    .innerJoin('users as u', 'u.id', 'l.userId')
    .select(['l.id', 'l.purpose', 'l.userId', 'u.email', 'u.displayName', 'u.status'])
    .where('l.id', '=', linkId)
    .where('l.usedAt', 'is', null)
    .where('l.expiresAt', '>', now)
    .where('u.status', '!=', 'deactivated')
    .executeTakeFirst()
}

export async function markAccessLinkUsed(db: Db, linkId: string, now: string): Promise<void> {
  await db.updateTable('accessLinks').set({ usedAt: now }).where('id', '=', linkId).execute()
}

/** A new link replaces every older unused one of the same user. */
export async function expireAccessLinksOfUser(db: Db, userId: string, now: string, purpose?: AccessLinkPurpose): Promise<void> {
  let q = db.updateTable('accessLinks').set({ usedAt: now }).where('userId', '=', userId).where('usedAt', 'is', null)
  if (purpose) q = q.where('purpose', '=', purpose)
  await q.execute()
}
