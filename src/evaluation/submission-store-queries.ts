// Storing one submission against its link in one statement: the link is checked and the row inserted
// together, so a phone's answer costs one round trip to the database instead of four (BEGIN, re-read
// the link, INSERT, COMMIT). A single statement is atomic on both databases; on PostgreSQL it also
// takes the share lock on the link row that changeCodeParts waits for (code-parts.ts), held until the
// statement (or the caller's transaction) ends, as the separate re-read did.
import { CompiledQuery, PostgresAdapter } from 'kysely'
import type { Db } from '../database.ts'
import type { SubmissionsTable } from './evaluation-tables.ts'
import { storableText } from '../platform/db/storable-text.ts'

/** What the link must still read as for the row to be stored. */
export interface LinkExpected {
  id: string
  codeElements: string
  /** A copy kept by token: also its opening and closing times and the session's status (else only the code parts). */
  whole: { closedAt: string | null; opensAt: string | null; closesAt: string | null; sessionStatus: string } | undefined
}

/** The columns the collect route writes (the link's id comes from LinkExpected). */
export type SubmissionValues = Pick<SubmissionsTable, 'id' | 'sessionId' | 'phase' | 'questionnaireVersionId' | 'groupKind' | 'code' | 'answers' | 'score' | 'maxScore' | 'source' | 'receivedAt' | 'hiddenItems'>

/** stored; duplicate (the id was there: nothing written); gone (no such link); changed (the link no longer reads as expected: nothing written). */
export type StoreOutcome = 'stored' | 'duplicate' | 'gone' | 'code-changed' | 'stale'

const COLUMNS = 'id, link_id, session_id, phase, questionnaire_version_id, group_kind, code, answers, score, max_score, source, received_at, hidden_items'

// $1-$13: the row (link_id is $2); $14 the code parts; $15 whether the rest is compared; $16-$19 closed, opens, closes, session status.
const POSTGRES = `WITH link AS (
  SELECT l.code_elements, l.closed_at, l.opens_at, l.closes_at, (SELECT s.status FROM sessions s WHERE s.id = l.session_id) AS session_status
  FROM collection_links l WHERE l.id = $2 FOR SHARE OF l
), stored AS (
  INSERT INTO submissions (${COLUMNS})
  SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9::integer, $10::integer, $11, $12, $13 FROM link
  WHERE link.code_elements = $14 AND (NOT $15::boolean OR (link.closed_at IS NOT DISTINCT FROM $16 AND link.opens_at IS NOT DISTINCT FROM $17 AND link.closes_at IS NOT DISTINCT FROM $18 AND link.session_status IS NOT DISTINCT FROM $19))
  ON CONFLICT (id) DO NOTHING RETURNING 1
)
SELECT link.code_elements, link.closed_at, link.opens_at, link.closes_at, link.session_status, (SELECT count(*) FROM stored) AS stored FROM link`

// SQLite: one writer at a time, so the check in the WHERE and the insert cannot be told apart by anyone.
// (An upsert on INSERT … SELECT needs the WHERE, which SQLite's parser uses to tell ON CONFLICT from a join's ON.)
const SQLITE_INSERT = `INSERT INTO submissions (${COLUMNS})
  SELECT ?, l.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM collection_links l
  WHERE l.id = ? AND l.code_elements = ? AND (? = 0 OR (l.closed_at IS ? AND l.opens_at IS ? AND l.closes_at IS ? AND (SELECT s.status FROM sessions s WHERE s.id = l.session_id) IS ?))
  ON CONFLICT (id) DO NOTHING`
const SQLITE_LINK = `SELECT l.code_elements, l.closed_at, l.opens_at, l.closes_at, (SELECT s.status FROM sessions s WHERE s.id = l.session_id) AS session_status FROM collection_links l WHERE l.id = ?`

const text = (v: string | null) => (v === null ? null : storableText(v))

interface LinkRow {
  codeElements: string
  closedAt: string | null
  opensAt: string | null
  closesAt: string | null
  sessionStatus: string | null
}

/** Why nothing was stored, from the link as read (by the same statement on PostgreSQL). */
function refusal(link: LinkRow | undefined, expected: LinkExpected): StoreOutcome | undefined {
  if (!link) return 'gone'
  if (link.codeElements !== expected.codeElements) return 'code-changed'
  const w = expected.whole
  if (w && (link.closedAt !== w.closedAt || link.opensAt !== w.opensAt || link.closesAt !== w.closesAt || link.sessionStatus !== w.sessionStatus)) return 'stale'
  return undefined
}

/** Stores the row if the link still reads as expected, at most once per id. */
export async function storeSubmission(db: Db, v: SubmissionValues, expected: LinkExpected): Promise<StoreOutcome> {
  const w = expected.whole
  const row = [text(v.id), text(expected.id), text(v.sessionId), text(v.phase), text(v.questionnaireVersionId), text(v.groupKind), text(v.code), text(v.answers), v.score, v.maxScore, v.source, text(v.receivedAt), text(v.hiddenItems)]
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const params = [...row, text(expected.codeElements), !!w, text(w?.closedAt ?? null), text(w?.opensAt ?? null), text(w?.closesAt ?? null), text(w?.sessionStatus ?? null)]
    const link = (await db.executeQuery<LinkRow & { stored: number }>(CompiledQuery.raw(POSTGRES, params))).rows[0]
    if (link && Number(link.stored) > 0) return 'stored'
    return refusal(link, expected) ?? 'duplicate'
  }
  const [id, linkId, ...rest] = row
  const params = [id, ...rest, linkId, text(expected.codeElements), w ? 1 : 0, text(w?.closedAt ?? null), text(w?.opensAt ?? null), text(w?.closesAt ?? null), text(w?.sessionStatus ?? null)]
  const inserted = Number((await db.executeQuery(CompiledQuery.raw(SQLITE_INSERT, params))).numAffectedRows ?? 0)
  if (inserted > 0) return 'stored'
  // Nothing written: a resend, or a link that changed. Read after the fact, the link tells which.
  const link = (await db.executeQuery<LinkRow>(CompiledQuery.raw(SQLITE_LINK, [text(expected.id)]))).rows[0]
  return refusal(link, expected) ?? 'duplicate'
}
