// Keeping only what is needed (issue 16 §6, docs/security.md): JAGA_RETAIN_ANSWERS_MONTHS after its
// session, a submission keeps what the results, programme results and exports read (its code, score,
// the choices and scale points of its items) and loses the rest: written answers, "other, namely…"
// texts, numbers, dates and anything its questionnaire no longer names. The free-text reviews of those
// answers go too, and handled disclosures lose their words; a disclosure still waiting is never touched.
import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, Db } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import { shownTo } from './answers.ts'
import { definitionOf } from './collection.ts'
import { findVersion } from './evaluation-queries.ts'
import { itemsOf, type Definition } from './questionnaire-schema.ts'
import * as r from './retention-queries.ts'

/** Item kinds whose answer is a value from a fixed list (or a scale point): never a person's own words. */
const KEPT_KINDS = new Set(['single', 'multiple', 'truefalse', 'likert'])

/** What stays of one submission's answers, and how many answers went. Pure. */
export function keptAnswers(definition: Definition, answers: Record<string, unknown>): { answers: Record<string, unknown>; removed: number } {
  const kept = new Set(itemsOf(definition).filter((i) => KEPT_KINDS.has(i.kind) || i.answer !== undefined).map((i) => i.id))
  const out: Record<string, unknown> = {}
  let removed = 0
  for (const [key, value] of Object.entries(answers)) {
    if (kept.has(key)) out[key] = value
    else if (value !== undefined && value !== null && value !== '') removed++
  }
  return { answers: out, removed }
}

/** The local date (YYYY-MM-DD in `timeZone`) `months` calendar months before `now`; the 31st becomes the month's last day. */
export function retentionCutoff(now: Date, months: number, timeZone: string): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const index = y * 12 + (m - 1) - months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

export interface RetentionOptions {
  months: number
  now?: Date
  timeZone: string
  /** Count what would go and change nothing (no run row, no audit entry). */
  dryRun?: boolean
  /** The server's daily run: at most one per local day across every server on the database. */
  daily?: boolean
  actor: Actor
}

export type RetentionResult = ({ skipped: false; runId: string | null } & r.RetentionCounts & { cutoff: string; months: number }) | { skipped: true; cutoff: string; months: number }

const BATCH = 500

export async function runRetention(db: Kysely<Database>, o: RetentionOptions): Promise<RetentionResult> {
  const now = o.now ?? new Date()
  const cutoff = retentionCutoff(now, o.months, o.timeZone)
  let runId: string | null = null
  if (!o.dryRun) {
    const today = retentionCutoff(now, 0, o.timeZone)
    runId = o.daily ? `daily-${today}` : `manual-${crypto.randomUUID()}`
    if (!(await r.claimRetentionRun(db, { id: runId, startedAt: now.toISOString(), months: o.months, cutoff }))) return { skipped: true, cutoff, months: o.months }
  }
  const counts: r.RetentionCounts = { submissions: 0, texts: 0, reviews: 0, disclosures: 0 }
  const definitions = new Map<string, Definition>()
  const definitionFor = async (x: Db, versionId: string) => {
    let d = definitions.get(versionId)
    if (!d) definitions.set(versionId, (d = definitionOf((await findVersion(x, versionId))!)))
    return d
  }
  let after = ''
  for (;;) {
    const rows = await r.listRetentionCandidates(db, cutoff, after, BATCH)
    if (rows.length === 0) break
    after = rows[rows.length - 1]!.id
    // One transaction per batch: a run over millions of rows never holds its locks for long.
    await db.transaction().execute(async (tx) => {
      const trimmed: string[] = []
      let texts = 0
      for (const row of rows) {
        const definition = await definitionFor(tx, row.questionnaireVersionId)
        const answers = JSON.parse(row.answers) as Record<string, unknown>
        const kept = keptAnswers(definition, answers)
        // Rows from before hidden_items was stored work out what the skip logic hid from their answers:
        // settle it now, while the answers it may depend on are still here, so results do not change.
        const shown = shownTo(definition)
        const hiddenItems = row.hiddenItems ?? JSON.stringify(itemsOf(definition).filter((i) => !shown(row, answers, i)).map((i) => i.id))
        if (o.dryRun || (await r.trimSubmissionAnswers(tx, row.id, { answers: JSON.stringify(kept.answers), hiddenItems, at: now.toISOString(), months: o.months }))) {
          trimmed.push(row.id)
          texts += kept.removed
        }
      }
      counts.submissions += trimmed.length
      counts.texts += texts
      counts.reviews += o.dryRun ? await r.countFreeTextReviews(tx, trimmed) : await r.deleteFreeTextReviews(tx, trimmed)
    })
  }
  counts.disclosures = o.dryRun ? await r.countOldDisclosureTexts(db, cutoff) : await r.blankOldDisclosureTexts(db, cutoff)
  if (runId) {
    await r.finishRetentionRun(db, runId, new Date().toISOString(), counts)
    await insertAuditEntry(db, o.actor, 'evaluation.retention', { type: 'retention', id: runId }, { months: o.months, cutoff, ...counts })
  }
  return { skipped: false, runId, cutoff, months: o.months, ...counts }
}

/**
 * The server's daily run: checks at start and then every hour (one unref'd timer), and runs once the
 * local day has no run; the first server to claim the day does it, the others find it claimed. The
 * returned stop waits for a run in progress, so the database is not closed under it.
 */
export function startDailyRetention(db: Kysely<Database>, o: { months: number; timeZone: string; onError: (e: unknown) => void; onRun?: (result: RetentionResult) => void }): () => Promise<void> {
  let running: Promise<void> = Promise.resolve()
  const tick = () => {
    running = running
      .then(() => runRetention(db, { months: o.months, timeZone: o.timeZone, daily: true, actor: { id: null, label: 'system' } }))
      .then((result) => o.onRun?.(result), o.onError)
  }
  tick()
  const timer = setInterval(tick, 60 * 60 * 1000)
  timer.unref()
  return () => {
    clearInterval(timer)
    return running
  }
}
