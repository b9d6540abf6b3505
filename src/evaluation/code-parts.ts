// Which questions make a group's participant code, changed only while no answer carries a code: a code
// made of other parts would never match the codes already written, and every pair would be lost.
import type { Kysely } from 'kysely'
import type { Database, Db } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import type { Role } from '../accounts/permissions.ts'
import { Problem } from '../platform/http/problems.ts'
import { assertMayRecord, getSession } from '../outreach/sessions.ts'
import { LARGE_GROUP, MAX_CODE_PARTS } from './code-elements.ts'
import { checkCodeElements, onPostgres } from './collection.ts'
import * as q from './evaluation-queries.ts'
import { manyAlike } from './result-words.ts'
import type { SessionResults } from './session-results.ts'

export interface GroupCodeParts {
  groupKind: string
  parts: string[]
  /** Answers that carry a code (counted, left out or held): once there is one, the parts stay. */
  answers: number
  /** The group's size as far as known: its answers before, or its attendance when that is larger. */
  size: number
  /** Why a fifth part is suggested: a large group, or many shared codes already; undefined when it has five parts or no reason. */
  suggest?: 'large' | 'alike' | undefined
}

/** The code parts of each group that has questionnaires in the session, and whether a fifth part is worth suggesting. */
export async function codePartsOfSession(db: Db, sessionId: string, results: SessionResults): Promise<GroupCodeParts[]> {
  const links = (await q.listSessionLinks(db, sessionId)).filter((l) => l.phase === 'pre')
  const answers = await db.selectFrom('submissions').select(['groupKind', (e) => e.fn.countAll<number>().as('n')]).where('sessionId', '=', sessionId).groupBy('groupKind').execute()
  const present = await db.selectFrom('attendance').select(['groupKind', (e) => e.fn.sum<number>('count').as('n')]).where('sessionId', '=', sessionId).groupBy('groupKind').execute()
  return links.map((l) => {
    const parts = JSON.parse(l.codeElements) as string[]
    const group = results.groups.find((g) => g.groupKind === l.groupKind)
    const size = Math.max(group?.preCount ?? 0, Number(present.find((p) => p.groupKind === l.groupKind)?.n ?? 0))
    const suggest = parts.length >= MAX_CODE_PARTS ? undefined : group && manyAlike(group) ? 'alike' : size >= LARGE_GROUP ? 'large' : undefined
    return { groupKind: l.groupKind, parts, answers: Number(answers.find((a) => a.groupKind === l.groupKind)?.n ?? 0), size, suggest }
  })
}

/** Sets the code questions of every link of one group (pre, post, feedback, follow-up alike); refused once any answer came in. */
export async function changeCodeParts(db: Kysely<Database>, actor: Actor & { role: Role }, sessionId: string, groupKind: string, keys: string[]): Promise<void> {
  const session = await getSession(db, sessionId)
  assertMayRecord(actor.role, actor.id ?? '', session)
  const errors = checkCodeElements(keys)
  if (errors.length) throw new Problem('validation', {}, errors)
  await db.transaction().execute(async (trx) => {
    // Locked first, so an answer being stored (submit re-reads its link under a share lock) either lands
    // before and is seen below, or waits and then finds the parts changed.
    const links = await trx.selectFrom('collectionLinks').select(['id', 'codeElements']).where('sessionId', '=', sessionId).where('groupKind', '=', groupKind).orderBy('id').$if(onPostgres(trx), (qb) => qb.forUpdate()).execute()
    if (!links.length) throw new Problem('not-found')
    if (await q.hasGroupSubmissions(trx, sessionId, groupKind)) throw new Problem('conflict', {}, [], 'problem.code.partsLocked')
    await trx.updateTable('collectionLinks').set({ codeElements: JSON.stringify(keys) }).where('sessionId', '=', sessionId).where('groupKind', '=', groupKind).execute()
    await insertAuditEntry(trx, actor, 'collect.codeParts', { type: 'session', id: sessionId }, { group: groupKind, from: JSON.parse(links[0]!.codeElements) as string[], to: keys })
  })
}
