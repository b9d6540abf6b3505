// Every answer of a session, to leave one out of the results (or take it back in), as a page and in the API.
import type { Context } from 'hono'
import type { AppEnv, Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { fieldErrorsOf, formStrings, type FieldErrors } from '../platform/http/forms.ts'
import { readJson } from '../platform/http/json.ts'
import { Problem } from '../platform/http/problems.ts'
import { formatDateTime } from '../platform/i18n/i18n.ts'
import { renderPage } from '../page.tsx'
import { getSession } from '../outreach/sessions.ts'
import type { GroupKind } from '../outreach/target-group-form.ts'
import * as q from './evaluation-queries.ts'
import { excludeSubmission, includeSubmission } from './exclusion.ts'
import { assertMaySeePrivateOf, mayRecordIn } from './record-access.ts'
import { excludeBody } from './results-api-doc.ts'
import { AnswersReviewPage } from './views/answers-review.tsx'

export function answersRoutes(routes: RouteTable, deps: Deps): void {
  const { db, config } = deps
  /** Every answer of the session, to leave one out of the results (or take it back in). */
  const showAnswers = async (c: Context<AppEnv>, o: { refused?: { id: string; errors: FieldErrors }; notice?: string } = {}) => {
    const t = c.get('t')
    const session = await getSession(db, c.req.param('id')!)
    const user = c.get('user')!
    assertMaySeePrivateOf(user, session)
    const body = (
      <AnswersReviewPage
        t={t}
        locale={c.get('locale')}
        csrf={c.get('csrf')()}
        sessionId={session.id}
        sessionTitle={session.title}
        answers={await q.listAllSubmissions(db, session.id)}
        groupLabel={(g) => t(`group.${g as GroupKind}`)}
        when={(iso) => formatDateTime(c.get('locale'), iso, config.timeZone)}
        mayRecord={mayRecordIn(user, session)}
        refused={o.refused}
        notice={o.notice}
      />
    )
    c.header('Cache-Control', 'no-store')
    return renderPage(c, { title: `${t('exclude.title')} · ${session.title}`, body, status: o.refused ? 422 : 200 })
  }

  routes.get('/sessions/:id/evaluation/answers', 'programme.view', (c) => showAnswers(c, { notice: c.req.query('saved') ? c.get('t')('exclude.done') : undefined }))

  routes.post('/sessions/:id/evaluation/answers/:submissionId/exclude', 'session.record', async (c) => {
    const form = formStrings(await c.req.parseBody())
    const submissionId = c.req.param('submissionId')!
    try {
      await excludeSubmission(db, { ...actorOf(c), role: c.get('user')!.role }, c.req.param('id')!, submissionId, form['reason'] ?? '')
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return showAnswers(c, { refused: { id: submissionId, errors: fieldErrorsOf(e) } })
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
    return c.json({ answers: await q.listAllSubmissions(db, session.id) })
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
