// Partners see a programme's knowledge figures as dated snapshots, not live. Read live, a figure
// before and after one child answered gives that child's scores by subtraction; a snapshot is renewed
// only once at least SNAPSHOT_STEP new pairs have arrived since the last one, so what a partner sees
// never moves by one person. Staff keep the live figures. The snapshot holds the pairs' anonymous
// scores only (area, kelurahan, group, format, pre and post shares): no code, session or answer.
import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import type { KnowledgePair } from './coverage.ts'
import { localNow } from './session-rules.ts'

export const SNAPSHOT_STEP = 5

export interface Snapshot<P> {
  /** The local date it was taken (YYYY-MM-DD): "figures as of". */
  asOf: string
  pairs: P[]
}

const KEPT = ['areaId', 'villageId', 'groupKind', 'format', 'pre', 'post'] as const

/**
 * The snapshot a partner sees now, renewed first when the live pairs have grown by SNAPSHOT_STEP or
 * more; undefined while the programme has fewer than SNAPSHOT_STEP pairs (nothing to show yet).
 */
export async function partnerSnapshot<P extends KnowledgePair>(db: Kysely<Database>, programmeId: string, live: () => Promise<P[]>, timeZone: string): Promise<Snapshot<P> | undefined> {
  const latest = await db.selectFrom('partnerSnapshots').selectAll().where('programmeId', '=', programmeId).orderBy('takenAt', 'desc').limit(1).executeTakeFirst()
  const pairs = await live()
  const grown = pairs.length >= (latest ? Number(latest.pairs) : 0) + SNAPSHOT_STEP
  if (!grown) return latest ? { asOf: localNow(timeZone, new Date(latest.takenAt)).slice(0, 10), pairs: JSON.parse(latest.data) as P[] } : undefined
  const takenAt = new Date().toISOString()
  const data = pairs.map((p) => Object.fromEntries(KEPT.filter((k) => k in p).map((k) => [k, (p as Record<string, unknown>)[k]])))
  await db.transaction().execute(async (trx) => {
    // Only the newest is ever shown; older ones would only keep scores longer than needed.
    await trx.deleteFrom('partnerSnapshots').where('programmeId', '=', programmeId).execute()
    await trx.insertInto('partnerSnapshots').values({ id: crypto.randomUUID(), programmeId, takenAt, pairs: pairs.length, data: JSON.stringify(data) }).execute()
  })
  return { asOf: localNow(timeZone, new Date(takenAt)).slice(0, 10), pairs: data as unknown as P[] }
}
