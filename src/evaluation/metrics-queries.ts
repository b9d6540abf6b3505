import type { Db } from '../database.ts'

/** Disclosures nobody has marked handled, across every programme: for the operator's /metrics, never shown to a person. */
export async function countWaitingDisclosures(db: Db): Promise<number> {
  const row = await db
    .selectFrom('disclosures')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('handledAt', 'is', null)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}
