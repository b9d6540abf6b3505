import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { useTestApp, type TestApp } from '../../test/harness.ts'
import { aSessionWithLinks } from '../../test/evaluation-builders.ts'
import { answersCsv, codebookCsv } from './exports.ts'
import { evaluateProgramme, programmePairs } from './programme-knowledge.ts'
import { keptAnswers, retentionCutoff, runRetention } from './retention.ts'
import { sessionResults } from './session-results.ts'
import { parseDefinition } from './questionnaires.ts'

const code = (mother: string) => ({ mother, day: '3', own: 'B', siblings: '1' })
// Three months on, with a one-month setting: every answer sent today is in scope.
const later = () => new Date(Date.now() + 92 * 24 * 3600 * 1000)
const options = { months: 1, timeZone: 'Asia/Jakarta', actor: { id: null, label: 'cli' } }

/** A session with four pairs, feedback with written answers (one released), and two disclosures (one handled). */
async function aSessionWorthKeeping(jaga: TestApp) {
  const s = await aSessionWithLinks(jaga)
  for (const [mother, pre, post] of [['AN', 2, 5], ['BU', 3, 4], ['CI', 1, 6], ['DE', 4, 4]] as const) await s.pair(mother, pre, post)
  const feedback = async (mother: string, text: string) => {
    const id = crypto.randomUUID()
    await s.send('feedback', { id, code: code(mother), answers: { useful: '4', clear: '5', want_to_know: text } })
    return id
  }
  const released = await feedback('AN', 'Cara mengatur privasi akun anak')
  await feedback('BU', 'Bagaimana melapor ke polisi')
  await feedback('CI', 'Ada ancaman dan pemerasan di grup kelas')
  await feedback('DE', 'Anak saya diancam dan diperas lewat pesan')
  await jaga.db.insertInto('freeTextReviews').values({ submissionId: released, itemId: 'want_to_know', sessionId: s.session.id, status: 'released', reviewedBy: null, reviewedAt: new Date().toISOString() }).execute()
  const disclosures = await jaga.db.selectFrom('disclosures').select('id').where('sessionId', '=', s.session.id).orderBy('receivedAt').execute()
  expect(disclosures).toHaveLength(2)
  await jaga.db.updateTable('disclosures').set({ handledAt: new Date().toISOString() }).where('id', '=', disclosures[0]!.id).execute()
  return s
}

async function everything(jaga: TestApp, sessionId: string, programmeId: string) {
  const pairs = await programmePairs(jaga.db, programmeId)
  return { results: await sessionResults(jaga.db, sessionId), programme: evaluateProgramme(pairs), pairs, csv: (await answersCsv(jaga.db, sessionId)).text }
}

const table = (jaga: TestApp, name: 'submissions' | 'freeTextReviews' | 'disclosures' | 'retentionRuns' | 'auditEntries') => jaga.db.selectFrom(name).selectAll().execute()

describe('the retention run', () => {
  const jaga = useTestApp()

  it('on a dry run reports what it would remove and changes nothing', async () => {
    const { session } = await aSessionWorthKeeping(jaga)
    const before = await Promise.all((['submissions', 'freeTextReviews', 'disclosures', 'retentionRuns', 'auditEntries'] as const).map((n) => table(jaga, n)))
    const result = await runRetention(jaga.db, { ...options, now: later(), dryRun: true })
    expect(result).toMatchObject({ skipped: false, runId: null, submissions: 12, texts: 2, reviews: 1, disclosures: 1 })
    expect(await Promise.all((['submissions', 'freeTextReviews', 'disclosures', 'retentionRuns', 'auditEntries'] as const).map((n) => table(jaga, n)))).toEqual(before)
    // Nothing in scope yet with the real date: the session is two days old.
    expect(await runRetention(jaga.db, { ...options, dryRun: true })).toMatchObject({ submissions: 0, texts: 0, reviews: 0, disclosures: 0 })
    // The next tests count their own session's answers only.
    for (const t of ['freeTextReviews', 'disclosures', 'submissions'] as const) await jaga.db.deleteFrom(t).where('sessionId', '=', session.id).execute()
  })

  it('removes exactly the written answers, their reviews and handled disclosures’ words, keeps every statistic, is audited and does nothing the second time', async () => {
    const { session, programmeId } = await aSessionWorthKeeping(jaga)
    const before = await everything(jaga, session.id, programmeId)
    expect(before.results.feedback!.texts[0]!.answers).toEqual(['Cara mengatur privasi akun anak'])
    expect(await codebookCsv(jaga.db, session.id)).not.toContain('answers_removed')
    const result = await runRetention(jaga.db, { ...options, now: later() })
    expect(result).toMatchObject({ skipped: false, submissions: 12, texts: 2, reviews: 1, disclosures: 1 })

    const after = await everything(jaga, session.id, programmeId)
    expect(after.results.groups).toEqual(before.results.groups)
    expect(after.pairs).toEqual(before.pairs)
    expect(after.programme).toEqual(before.programme)
    expect(after.csv).toBe(before.csv)
    expect(after.results.followUps).toEqual(before.results.followUps)
    const { texts: textsBefore, ...feedbackBefore } = before.results.feedback!
    const { texts: textsAfter, ...feedbackAfter } = after.results.feedback!
    expect(feedbackAfter).toEqual(feedbackBefore)
    expect(textsAfter.map((t) => t.id)).toEqual(textsBefore.map((t) => t.id))
    expect(textsAfter.every((t) => t.answers.length === 0 && t.waiting === 0)).toBe(true)

    const rows = await jaga.db.selectFrom('submissions').select(['answers', 'answersRemovedAt', 'answersKeptMonths', 'phase']).where('sessionId', '=', session.id).execute()
    expect(rows.every((r) => r.answersRemovedAt !== null && r.answersKeptMonths === 1)).toBe(true)
    expect(rows.filter((r) => r.phase === 'feedback').map((r) => JSON.parse(r.answers))).toEqual(Array(4).fill({ useful: 4, clear: 5 }))
    expect(await jaga.db.selectFrom('freeTextReviews').selectAll().where('sessionId', '=', session.id).execute()).toEqual([])
    const disclosures = await jaga.db.selectFrom('disclosures').select(['text', 'handledAt']).where('sessionId', '=', session.id).orderBy('receivedAt').execute()
    expect(disclosures.map((d) => [d.text, d.handledAt !== null])).toEqual([
      ['', true],
      ['Anak saya diancam dan diperas lewat pesan', false],
    ])

    const audit = await jaga.db.selectFrom('auditEntries').selectAll().where('action', '=', 'evaluation.retention').execute()
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.summary)).toEqual({ months: 1, cutoff: result.cutoff, submissions: 12, texts: 2, reviews: 1, disclosures: 1 })
    expect(audit[0]!.subjectId).toBe((result as { runId: string }).runId)
    expect(await codebookCsv(jaga.db, session.id)).toContain('were removed 1 month after the session under the retention setting')

    expect(await runRetention(jaga.db, { ...options, now: later() })).toMatchObject({ skipped: false, submissions: 0, texts: 0, reviews: 0, disclosures: 0 })
    expect(await everything(jaga, session.id, programmeId)).toEqual(after)
  })

  it('does the day’s work once when two servers start their daily run at the same moment', async () => {
    const { session } = await aSessionWorthKeeping(jaga)
    const now = later()
    const [a, b] = await Promise.all([runRetention(jaga.db, { ...options, now, daily: true }), runRetention(jaga.db, { ...options, now, daily: true })])
    expect([a.skipped, b.skipped].sort()).toEqual([false, true])
    expect(a.skipped ? b : a).toMatchObject({ submissions: 12, texts: 2 })
    expect(await runRetention(jaga.db, { ...options, now, daily: true })).toMatchObject({ skipped: true })
    const runs = await jaga.db.selectFrom('retentionRuns').selectAll().where('id', 'like', 'daily-%').execute()
    expect(runs).toHaveLength(1)
    expect(runs[0]).toMatchObject({ submissions: 12, texts: 2, reviews: 1, disclosures: 1 })
    expect(runs[0]!.finishedAt).not.toBe(null)
    expect(await jaga.db.selectFrom('submissions').select('id').where('sessionId', '=', session.id).where('answersRemovedAt', 'is', null).execute()).toEqual([])
  })

  it('counts each answer once when two command-line runs overlap', async () => {
    await aSessionWorthKeeping(jaga)
    const now = later()
    const [a, b] = await Promise.all([runRetention(jaga.db, { ...options, now }), runRetention(jaga.db, { ...options, now })])
    if (a.skipped || b.skipped) throw new Error('a manual run is never skipped')
    expect(a.submissions + b.submissions).toBe(12)
    expect(a.texts + b.texts).toBe(2)
    expect(a.reviews + b.reviews).toBe(1)
  })
})

describe('what a submission keeps', () => {
  const definition = parseDefinition(
    JSON.stringify({
      sections: [
        {
          id: 's',
          title: { id: 'S', en: 'S' },
          items: [
            { id: 'k1', kind: 'single', label: { id: 'a', en: 'a' }, options: [{ value: 'x', label: { id: 'x', en: 'x' } }, { value: 'y', label: { id: 'y', en: 'y' } }], other: true, answer: 'x' },
            { id: 'l1', kind: 'likert', label: { id: 'b', en: 'b' } },
            { id: 'n1', kind: 'number', label: { id: 'c', en: 'c' } },
            { id: 't1', kind: 'text', label: { id: 'd', en: 'd' } },
          ],
        },
      ],
    }),
  )

  it('keeps choices and scale points and drops written, other, number and unknown answers', () => {
    expect(keptAnswers(definition, { k1: 'other', k1_other: 'tetangga', l1: 4, n1: 37, t1: 'nama saya Ani', gone: 'x', t2: '' })).toEqual({ answers: { k1: 'other', l1: 4 }, removed: 4 })
  })

  it('counts months back in the programme’s time zone, ending on a shorter month’s last day', () => {
    expect(retentionCutoff(new Date('2026-03-31T05:00:00Z'), 1, 'Asia/Jakarta')).toBe('2026-02-28')
    expect(retentionCutoff(new Date('2026-01-15T18:00:00Z'), 24, 'Asia/Jakarta')).toBe('2024-01-16')
  })
})
