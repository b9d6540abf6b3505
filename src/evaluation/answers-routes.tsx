// Every answer of a session as a table (filters, 100 a page), one answer in full, and leaving answers
// out of the results (or taking them back in), one or many at a time; as pages and in the API.
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv, Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { fieldErrorList, fieldErrorsOf, formStrings, validate, type FieldErrors } from '../platform/http/forms.ts'
import { readJson } from '../platform/http/json.ts'
import { Problem } from '../platform/http/problems.ts'
import { formatNumber } from '../platform/i18n/i18n.ts'
import { renderPage } from '../page.tsx'
import { getSession } from '../outreach/sessions.ts'
import type { GroupKind } from '../outreach/target-group-form.ts'
import { answerFilter, PAGE_SIZE, type AnswerFilter } from './answers-filter.ts'
import * as q from './evaluation-queries.ts'
import { excludeSubmission, includeSubmission, setSubmissionsCounted } from './exclusion.ts'
import { participantNumbersOf } from './participant-numbers.ts'
import { parseDefinition } from './questionnaires.ts'
import { sessionEndUtc } from './round-timing.ts'
import { assertMaySeePrivateOf, mayRecordIn } from './record-access.ts'
import { excludeBody } from './results-api-doc.ts'
import { AnswerDetailPage } from './views/answer-detail.tsx'
import { AnswersReviewPage } from './views/answers-review.tsx'

const FILTER_FIELDS = ['phase', 'status', 'code', 'flag'] as const
const bulkIds = z.array(z.uuid()).max(1000)

export function answersRoutes(routes: RouteTable, deps: Deps): void {
  const { db, config } = deps
  /** One date formatter per request: building one per row costs more than the rest of a 100-row page. */
  const dateFormat = (c: Context<AppEnv>) => {
    const f = new Intl.DateTimeFormat(c.get('locale') === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: config.timeZone })
    return (iso: string) => f.format(new Date(iso))
  }
  /** The filters as given in the address; a wrong value shows the first page of everything rather than an error page. */
  const filterOf = (c: Context<AppEnv>): { filter: AnswerFilter; values: Record<string, string> } => {
    const query = c.req.query()
    const values = Object.fromEntries(FILTER_FIELDS.flatMap((k) => (query[k] ? [[k, query[k]]] : [])))
    const parsed = validate(answerFilter, { ...values, page: query['page'] || undefined })
    return parsed.ok ? { filter: { ...parsed.data, pageSize: PAGE_SIZE }, values } : { filter: { page: 1, pageSize: PAGE_SIZE, code: undefined }, values: {} }
  }

  const showAnswers = async (c: Context<AppEnv>, o: { refused?: { errors: FieldErrors; ids: string[]; reason: string }; notice?: string | undefined } = {}) => {
    const t = c.get('t')
    const session = await getSession(db, c.req.param('id')!)
    const user = c.get('user')!
    assertMaySeePrivateOf(user, session)
    const { filter, values } = filterOf(c)
    const { answers, total } = await q.listSubmissionPage(db, session.id, filter, sessionEndUtc(session, config.timeZone))
    const numberOf = await participantNumbersOf(db, session.id)
    const body = (
      <AnswersReviewPage
        t={t}
        locale={c.get('locale')}
        csrf={c.get('csrf')()}
        sessionId={session.id}
        sessionTitle={session.title}
        answers={answers.map((a) => ({ ...a, participant: numberOf(a.groupKind, a.code) }))}
        total={total}
        page={filter.page}
        pageSize={filter.pageSize}
        filter={values}
        groupLabel={(g) => t(`group.${g as GroupKind}`)}
        when={dateFormat(c)}
        number={(n) => formatNumber(c.get('locale'), n)}
        mayRecord={mayRecordIn(user, session)}
        refused={o.refused}
        notice={o.notice}
      />
    )
    c.header('Cache-Control', 'no-store')
    return renderPage(c, { title: `${t('exclude.title')} · ${session.title}`, body, status: o.refused ? 422 : 200 })
  }

  routes.get('/sessions/:id/evaluation/answers', 'programme.view', (c) => {
    const t = c.get('t')
    const changed = c.req.query('changed')
    return showAnswers(c, { notice: c.req.query('saved') ? t('exclude.done') : changed ? t('answers.changed', { count: Number(changed) || 0 }) : undefined })
  })

  /** The chosen answers left out with one reason, or counted again; back to the same filters and page. */
  routes.post('/sessions/:id/evaluation/answers/bulk', 'session.record', async (c) => {
    const body = await c.req.parseBody({ all: true })
    const form = formStrings(body)
    const raw = body['ids']
    const ids = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string')
    const parsedIds = bulkIds.safeParse(ids)
    if (!parsedIds.success) throw new Problem('bad-request')
    const change = form['action'] === 'include' ? 'include' : { exclude: form['reason'] ?? '' }
    let changed: number
    try {
      changed = await setSubmissionsCounted(db, { ...actorOf(c), role: c.get('user')!.role }, c.req.param('id')!, parsedIds.data, change)
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return showAnswers(c, { refused: { errors: fieldErrorsOf(e), ids: parsedIds.data, reason: form['reason'] ?? '' } })
      throw e
    }
    const back = new URLSearchParams(c.req.query())
    back.set('changed', String(changed))
    return c.redirect(`/sessions/${c.req.param('id')}/evaluation/answers?${back.toString()}`, 303)
  })

  /** One answer in full: every question's label and what was answered; written answers only once released. */
  routes.get('/sessions/:id/evaluation/answers/:submissionId', 'programme.view', async (c) => {
    const t = c.get('t')
    const session = await getSession(db, c.req.param('id')!)
    assertMaySeePrivateOf(c.get('user')!, session)
    const row = await q.findReviewedSubmission(db, session.id, c.req.param('submissionId')!)
    if (!row) throw new Problem('not-found')
    const version = await q.findVersion(db, row.questionnaireVersionId)
    const reviews = new Map((await q.listReviewsOfSubmission(db, row.id)).map((r) => [r.itemId, r.status]))
    const { answers, questionnaireVersionId: _, ...answer } = row
    const participant = (await participantNumbersOf(db, session.id))(row.groupKind, row.code)
    const { values, filter } = filterOf(c)
    const back = new URLSearchParams({ ...values, ...(filter.page > 1 ? { page: String(filter.page) } : {}) }).toString()
    const body = (
      <AnswerDetailPage
        t={t}
        locale={c.get('locale')}
        sessionId={session.id}
        back={`/sessions/${session.id}/evaluation/answers${back ? `?${back}` : ''}`}
        answer={{ ...answer, participant }}
        answers={JSON.parse(answers) as Record<string, unknown>}
        definition={version ? parseDefinition(version.definition) : undefined}
        reviews={reviews}
        groupLabel={(g) => t(`group.${g as GroupKind}`)}
        when={dateFormat(c)}
      />
    )
    c.header('Cache-Control', 'no-store')
    return renderPage(c, { title: `${t('code.detailTitle', { name: t('code.participant', { n: participant ?? '?' }), round: t(`eval.phase.${row.phase}` as never) })} · ${session.title}`, body })
  })

  routes.post('/sessions/:id/evaluation/answers/:submissionId/exclude', 'session.record', async (c) => {
    const form = formStrings(await c.req.parseBody())
    const submissionId = c.req.param('submissionId')!
    try {
      await excludeSubmission(db, { ...actorOf(c), role: c.get('user')!.role }, c.req.param('id')!, submissionId, form['reason'] ?? '')
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return showAnswers(c, { refused: { errors: fieldErrorsOf(e), ids: [submissionId], reason: '' } })
      throw e
    }
    return c.redirect(`/sessions/${c.req.param('id')}/evaluation/answers?saved=1`, 303)
  })

  routes.post('/sessions/:id/evaluation/answers/:submissionId/include', 'session.record', async (c) => {
    await includeSubmission(db, { ...actorOf(c), role: c.get('user')!.role }, c.req.param('id')!, c.req.param('submissionId')!)
    return c.redirect(`/sessions/${c.req.param('id')}/evaluation/answers?saved=1`, 303)
  })

  routes.get('/api/v1/sessions/:id/evaluation/answers', 'programme.view', async (c) => {
    const session = await getSession(db, c.req.param('id')!)
    assertMaySeePrivateOf(c.get('user')!, session)
    const parsed = validate(answerFilter, c.req.query())
    if (!parsed.ok) throw new Problem('validation', {}, fieldErrorList(parsed.errors))
    const { answers, total } = await q.listSubmissionPage(db, session.id, parsed.data, sessionEndUtc(session, config.timeZone))
    const numberOf = await participantNumbersOf(db, session.id)
    return c.json({ answers: answers.map((a) => ({ ...a, outOfOrder: Number(a.outOfOrder) === 1, participant: numberOf(a.groupKind, a.code) ?? null })), total, page: parsed.data.page, pageSize: parsed.data.pageSize })
  })

  routes.post('/api/v1/sessions/:id/evaluation/answers/:submissionId/exclude', 'session.record', async (c) => {
    const { reason } = await readJson(c, excludeBody)
    await excludeSubmission(db, { ...actorOf(c), role: c.get('user')!.role }, c.req.param('id')!, c.req.param('submissionId')!, reason)
    return c.body(null, 204)
  })

  routes.post('/api/v1/sessions/:id/evaluation/answers/:submissionId/include', 'session.record', async (c) => {
    await includeSubmission(db, { ...actorOf(c), role: c.get('user')!.role }, c.req.param('id')!, c.req.param('submissionId')!)
    return c.body(null, 204)
  })
}
