import type { Db } from '../database.ts'
import type { FormValues } from '../platform/http/forms.ts'

/**
 * A referral recorded from a session's page starts with what the session already says: its programme,
 * its day and its kelurahan (the village its place is in: a referral is never finer than that).
 * Anything that does not fit (an unknown or malformed id) leaves the form as it would be.
 */
export async function fromSession(db: Db, sessionId: string | undefined): Promise<FormValues> {
  if (!sessionId || !/^[0-9a-f-]{36}$/i.test(sessionId)) return {}
  const session = await db.selectFrom('sessions').select(['programmeId', 'areaId', 'startsAt']).where('id', '=', sessionId).executeTakeFirst()
  if (!session) return {}
  const values: FormValues = { programmeId: session.programmeId, occurredOn: session.startsAt.slice(0, 10) }
  let areaId: string | null = session.areaId
  // Up the area tree to the kelurahan/desa; a session held for a whole district names none.
  for (let depth = 0; areaId && depth < 8; depth++) {
    const area: { id: string; parentId: string | null; level: string } | undefined = await db.selectFrom('areas').select(['id', 'parentId', 'level']).where('id', '=', areaId).executeTakeFirst()
    if (!area) break
    if (area.level === 'village') return { ...values, areaId: area.id }
    areaId = area.parentId
  }
  return values
}
