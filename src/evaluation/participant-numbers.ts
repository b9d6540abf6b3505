// Staff pages name a participant by a number of the session ("Peserta 7"), not by their code: the code
// is made of answers about the person (letters of a parent's name, a day of birth) that someone who
// knows them could recognise, so it is shown only where a person must compare codes (pair review, the
// answers table's code filter and one answer's details). Exports keep codes: the analysis needs them.
import type { Db } from '../database.ts'
import * as q from './evaluation-queries.ts'

export type ParticipantNumber = (groupKind: string, code: string) => number | undefined

/**
 * Numbers 1, 2, 3 … in the order each code was first written in the session (ties by group and code).
 * The same code in the same group has one number before and after; an answer arriving later never
 * changes an earlier number, and leaving an answer out does not either.
 */
export function numberParticipants(rows: readonly { groupKind: string; code: string; first: string }[]): ParticipantNumber {
  const sorted = [...rows].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : a.groupKind.localeCompare(b.groupKind) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)))
  const numbers = new Map(sorted.map((r, i) => [`${r.groupKind}\u0000${r.code}`, i + 1]))
  return (groupKind, code) => numbers.get(`${groupKind}\u0000${code}`)
}

export async function participantNumbersOf(db: Db, sessionId: string): Promise<ParticipantNumber> {
  return numberParticipants((await q.listFirstAnswersByCode(db, sessionId)).map((r) => ({ groupKind: r.groupKind, code: r.code, first: String(r.first) })))
}
