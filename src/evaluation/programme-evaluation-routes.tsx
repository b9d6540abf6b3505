// A programme's pooled evaluation (page and PDF), or one kelurahan's: the area report.
import type { Context } from 'hono'
import type { AppEnv, Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { can } from '../accounts/permissions.ts'
import { Problem } from '../platform/http/problems.ts'
import { formatDate } from '../platform/i18n/i18n.ts'
import { renderPage } from '../page.tsx'
import type { SessionFormat } from '../outreach/session-form.ts'
import type { GroupKind } from '../outreach/target-group-form.ts'
import { shownProgrammeEvaluation } from './programme-results.ts'
import { renderProgrammeEvaluationPdf } from './report-pdf.ts'
import { warmPdf } from '../platform/pdf.ts'
import { afterResponse } from '../platform/http/after-response.ts'
import { mergeFeedback, sessionResults } from './session-results.ts'
import { aggregatesOnly, maySeePrivateOf } from './record-access.ts'
import { ProgrammeEvaluationPage } from './views/programme-evaluation.tsx'

export function programmeEvaluationRoutes(routes: RouteTable, deps: Deps): void {
  const { db, config } = deps
  /** A programme's pooled results, or one kelurahan's with `?area=` (the area report). */
  const programmeEvaluation = async (c: Context<AppEnv>) => {
    const t = c.get('t')
    const programme = await db.selectFrom('programmes').select(['id', 'name']).where('id', '=', c.req.param('id')!).executeTakeFirst()
    if (!programme) throw new Problem('not-found')
    const names = new Map((await db.selectFrom('areas').select(['id', 'name']).execute()).map((a) => [a.id, a.name]))
    const area = c.req.query('area')
    if (area && !names.has(area)) throw new Problem('not-found')
    // Partners (no programme.view) see the same results with small groups left out (programme-results.ts).
    const partner = !can(c.get('user')?.role, 'programme.view')
    const { evaluation: shown, asOf: snapshotDate } = await shownProgrammeEvaluation(db, programme.id, { partner, timeZone: config.timeZone, area })
    const title = area ? `${programme.name} · ${names.get(area)}` : programme.name
    const label = { group: (k: string) => t(`group.${k as GroupKind}`), village: (k: string) => names.get(k) ?? '—', format: (k: string) => t(`sessionFormat.${k as SessionFormat}`) }
    const asOf = snapshotDate ? t('programmeEval.asOf', { date: formatDate(c.get('locale'), snapshotDate) }) : undefined
    // What participants said, for planning the next visits: staff only (partners see aggregates of scores).
    let feedback = null
    if (!partner) {
      const sessions = await db
        .selectFrom('sessions as x')
        .innerJoin('areas as a', 'a.id', 'x.areaId')
        .select('x.id')
        .select((eb) => eb.exists(eb.selectFrom('sessionFacilitators as f').select('f.userId').whereRef('f.sessionId', '=', 'x.id').where('f.userId', '=', c.get('user')!.id)).as('mine'))
        .where('x.programmeId', '=', programme.id)
        // Only a session with a feedback link has feedback: working out every session's whole results to
        // find it took 34 s for a programme of 2,000 sessions (bench/national.ts).
        .where((eb) => eb.exists(eb.selectFrom('collectionLinks as l').select('l.id').whereRef('l.sessionId', '=', 'x.id').where('l.phase', '=', 'feedback')))
        .$if(!!area, (qb) => qb.where((w) => w.or([w('x.areaId', '=', area!), w('a.parentId', '=', area!)])))
        .execute()
      // What participants wrote stays with those who see the session's private parts (record-access.ts).
      const user = c.get('user')!
      const perSession = await Promise.all(
        sessions.map(async (x) => {
          const results = await sessionResults(db, x.id)
          return (maySeePrivateOf(user, { facilitatorIds: x.mine ? [user.id] : [] }) ? results : aggregatesOnly(results)).feedback
        }),
      )
      feedback = mergeFeedback(perSession.filter((f): f is NonNullable<typeof f> => !!f && f.count > 0))
    }
    return { programme, area, title, evaluation: shown, label, partner, feedback, asOf }
  }

  routes.get('/programmes/:id/evaluation', 'coverage.view', async (c) => {
    const t = c.get('t')
    const r = await programmeEvaluation(c)
    const body = (
      <>
        <ProgrammeEvaluationPage t={t} locale={c.get('locale')} programme={r.programme} title={r.title} area={r.area} evaluation={r.evaluation} label={r.label} back={r.partner ? '/coverage' : `/programmes/${r.programme.id}`} feedback={r.feedback} />
        {r.asOf ? <p class="small muted">{r.asOf}</p> : null}
      </>
    )
    // Once the page is sent, so that warming the PDF machinery does not delay it (after-response.ts).
    afterResponse(c, () => void warmPdf())
    return renderPage(c, { title: t('programmeEval.title', { name: r.title }), body })
  })

  routes.get('/programmes/:id/evaluation.pdf', 'coverage.view', async (c) => {
    const r = await programmeEvaluation(c)
    const pdf = await renderProgrammeEvaluationPdf(r.asOf ? `${r.title} · ${r.asOf}` : r.title, r.evaluation, c.get('t'), c.get('locale'), r.label, r.feedback)
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="jaga-evaluation-${r.programme.id.slice(0, 8)}-${c.get('locale')}.pdf"`, 'Cache-Control': 'private, no-store' })
  })
}
