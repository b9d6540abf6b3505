// Partners see a programme's knowledge figures as dated snapshots, not live. Read live, a figure
// before and after one child answered gives that child's scores by subtraction. A snapshot takes in
// new pairs only in blocks that move every figure a partner sees by at least SNAPSHOT_STEP pairs: the
// programme's, and each lingkungan's, kelurahan's, group's and format's. A new pair whose lingkungan
// (say) has fewer than SNAPSHOT_STEP new pairs waits for more, however many arrived elsewhere. Staff
// keep the live figures. The snapshot holds the pairs' anonymous scores only (area, kelurahan, group,
// format, pre and post shares) and a hash of each pair's before answer id, to know whom it already
// holds: no code, session or answer. A pair that staff later leave out stays in the snapshot (taking it
// out would move a figure by one person).
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
/** The figures a partner sees, each of which must move by SNAPSHOT_STEP pairs or not at all. */
const CELLS = ['areaId', 'villageId', 'groupKind', 'format'] as const

type Kept = Record<string, unknown> & { key: string }

/** The new pairs that can be shown together: every cell they fall in gains SNAPSHOT_STEP or more. */
export function admissible<T extends Record<string, unknown>>(fresh: T[]): T[] {
  let admitted = fresh
  for (;;) {
    const before = admitted.length
    for (const cell of CELLS) {
      const counts = new Map<unknown, number>()
      for (const p of admitted) counts.set(p[cell], (counts.get(p[cell]) ?? 0) + 1)
      admitted = admitted.filter((p) => !(cell in p) || (counts.get(p[cell]) ?? 0) >= SNAPSHOT_STEP)
    }
    if (admitted.length === before) return admitted
  }
}

// Every pair made by programmePairs has its id; without one, two pairs of equal scores in one place would
// count as one (fewer shown, never one person too many).
const keyOf = (p: KnowledgePair) => crypto.createHash('sha256').update(p.id ?? JSON.stringify(p)).digest('base64url').slice(0, 22)

/**
 * The snapshot a partner sees now, renewed first when new pairs can be taken in (see `admissible`);
 * undefined until the first SNAPSHOT_STEP pairs of one place, group and format (nothing to show yet).
 */
export async function partnerSnapshot<P extends KnowledgePair>(db: Kysely<Database>, programmeId: string, live: () => Promise<P[]>, timeZone: string): Promise<Snapshot<P> | undefined> {
  const latest = await db.selectFrom('partnerSnapshots').selectAll().where('programmeId', '=', programmeId).orderBy('takenAt', 'desc').limit(1).executeTakeFirst()
  const pairs = await live()
  const old = latest ? (JSON.parse(latest.data) as Kept[]) : []
  const known = new Set(old.map((p) => p.key))
  const fresh = pairs.map((p): Kept => ({ ...Object.fromEntries(KEPT.filter((k) => k in p).map((k) => [k, (p as Record<string, unknown>)[k]])), key: keyOf(p) })).filter((p) => !known.has(p.key))
  const admitted = admissible(fresh)
  if (admitted.length === 0) return latest ? { asOf: localNow(timeZone, new Date(latest.takenAt)).slice(0, 10), pairs: old as unknown as P[] } : undefined
  const takenAt = new Date().toISOString()
  const data = [...old, ...admitted]
  await db.transaction().execute(async (trx) => {
    // Only the newest is ever shown; older ones would only keep scores longer than needed.
    await trx.deleteFrom('partnerSnapshots').where('programmeId', '=', programmeId).execute()
    await trx.insertInto('partnerSnapshots').values({ id: crypto.randomUUID(), programmeId, takenAt, pairs: data.length, data: JSON.stringify(data) }).execute()
  })
  return { asOf: localNow(timeZone, new Date(takenAt)).slice(0, 10), pairs: data as unknown as P[] }
}
