// The review of participants' written answers: read by those who read the session's disclosures
// (referral roles; a facilitator only in the sessions they facilitate), every read audited like a
// read of /disclosures, every decision audited without the words.
import type { Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { insertAuditEntry } from '../accounts/audit-queries.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { Problem } from '../platform/http/problems.ts'
import { formatDateTime } from '../platform/i18n/i18n.ts'
import { renderPage } from '../page.tsx'
import { getSession } from '../outreach/sessions.ts'
import type { GroupKind } from '../outreach/target-group-form.ts'
import { listWaitingComments, reviewComment } from './free-text-review.ts'
import { mayReadWordsOf } from './referral-access.ts'
import { CommentReviewPage, type ReviewDone } from './views/comment-review.tsx'

const DONE: readonly ReviewDone[] = ['released', 'flagged', 'already']

export function commentReviewRoutes(routes: RouteTable, deps: Deps): void {
  const { db, config } = deps

  routes.get('/sessions/:id/evaluation/comments', 'referral.record', async (c) => {
    const t = c.get('t')
    const session = await getSession(db, c.req.param('id')!)
    if (!mayReadWordsOf(c.get('user')!, session)) throw new Problem('forbidden')
    const comments = await listWaitingComments(db, [session.id])
    await insertAuditEntry(db, actorOf(c), 'free-text.list', { type: 'session', id: session.id }, { count: comments.length })
    const done = DONE.find((d) => d === c.req.query('done'))
    c.header('Cache-Control', 'no-store')
    const body = (
      <CommentReviewPage
        t={t}
        locale={c.get('locale')}
        csrf={c.get('csrf')()}
        sessionId={session.id}
        sessionTitle={session.title}
        comments={comments}
        groupLabel={(g) => t(`group.${g as GroupKind}`)}
        when={(iso) => formatDateTime(c.get('locale'), iso, config.timeZone)}
        done={done}
      />
    )
    return renderPage(c, { title: t('review.title', { title: session.title }), body })
  })

  for (const [action, status] of [
    ['release', 'released'],
    ['flag', 'flagged'],
  ] as const) {
    routes.post(`/sessions/:id/evaluation/comments/:submissionId/:itemId/${action}`, 'referral.record', async (c) => {
      const sessionId = c.req.param('id')!
      const decided = await reviewComment(db, { ...actorOf(c), role: c.get('user')!.role }, sessionId, c.req.param('submissionId')!, c.req.param('itemId')!, status)
      return c.redirect(`/sessions/${sessionId}/evaluation/comments?done=${decided ? status : 'already'}`, 303)
    })
  }
}
