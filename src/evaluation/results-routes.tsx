// The staff side of a session's evaluation: opening its questionnaires, its QR codes, results, a live
// view for the projector, pairs confirmed by hand and the exports. Answers review, paper entry and the
// programme's pooled results have route files of their own.
import type { Context } from 'hono'
import type { AppEnv, Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { insertAuditEntry } from '../accounts/audit-queries.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { can } from '../accounts/permissions.ts'
import { fieldErrorsOf, formStrings, formWithLists, type FieldErrors, type FormValues } from '../platform/http/forms.ts'
import { readJson } from '../platform/http/json.ts'
import { Problem } from '../platform/http/problems.ts'
import { formatDateTime } from '../platform/i18n/i18n.ts'
import { renderPage } from '../page.tsx'
import { getSession } from '../outreach/sessions.ts'
import type { GroupKind } from '../outreach/target-group-form.ts'
import { DEFAULT_CODE_ELEMENTS } from './code-elements.ts'
import { changeCodeParts, codePartsOfSession } from './code-parts.ts'
import { KNOWLEDGE_TEST_FOR, openCollection, openFollowUp, setLinkOpen } from './collection.ts'
import { listUncheckedOfSession } from './questionnaire-review-queries.ts'
import * as q from './evaluation-queries.ts'
import { HELD, PHASES } from './evaluation-tables.ts'
import { answersCsv, answersXlsx, codebookCsv } from './exports.ts'
import { confirmPair, rejectPair, undoPair, undoRejection } from './pairing.ts'
import { renderEvaluationPdf } from './report-pdf.ts'
import { warmPdf } from '../platform/pdf.ts'
import { afterResponse } from '../platform/http/after-response.ts'
import { warmXlsx } from './exports-warm.ts'
import { sessionResults } from './session-results.ts'
import { countsByLink } from './submission-intake.ts'
import { EvaluationPage, type LinkView } from './views/session-evaluation.tsx'
import { QrPage } from './views/session-live.tsx'
import { countWaitingBySession } from './free-text-review.ts'
import { mayReadWordsOf } from './referral-access.ts'

import { aggregatesOnly, assertMaySeePrivateOf, mayRecordIn, maySeePrivateOf } from './record-access.ts'
import { answersRoutes } from './answers-routes.tsx'
import { paperRoutes } from './paper-routes.tsx'
import { programmeEvaluationRoutes } from './programme-evaluation-routes.tsx'
import { projectorRoutes } from './projector-routes.tsx'
import { openBody } from './results-api-doc.ts'
import { linkState, sessionEndUtc } from './round-timing.ts'
import { listOutOfOrder } from './round-timing-queries.ts'
import { roundTimingRoutes } from './round-timing-routes.tsx'

export { evaluationApiDoc } from './results-api-doc.ts'

export function resultsRoutes(routes: RouteTable, deps: Deps): void {
  answersRoutes(routes, deps)
  paperRoutes(routes, deps)
  programmeEvaluationRoutes(routes, deps)
  roundTimingRoutes(routes, deps)
  projectorRoutes(routes, deps)
  const { db, config } = deps
  // A participant's phone must reach the link: the configured public address, else the one in use now.
  const linkUrl = (c: Context<AppEnv>, token: string) => `${config.publicUrlSet ? config.publicUrl : new URL(c.req.url).origin}/q/${token}`

  const linkViews = async (c: Context<AppEnv>, sessionId: string): Promise<LinkView[]> =>
    (await q.listSessionLinks(db, sessionId))
      .sort((a, b) => a.groupKind.localeCompare(b.groupKind) || PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase))
      .map((l) => ({
      id: l.id,
      token: l.token,
      phase: l.phase,
      groupKind: l.groupKind,
      closedAt: l.closedAt,
      opensAt: l.opensAt,
      closesAt: l.closesAt,
      submissions: Number(l.submissions),
      title: c.get('locale') === 'id' ? l.titleId : l.titleEn,
      url: linkUrl(c, l.token),
    }))

  const show = async (c: Context<AppEnv>, o: { values?: FormValues; checkedElements?: string[]; errors?: FieldErrors; notice?: string; codeParts?: { groupKind: string; checked: string[]; errors: FieldErrors } } = {}) => {
    const t = c.get('t')
    const session = await getSession(db, c.req.param('id')!)
    const user = c.get('user')!
    // Someone who sees aggregates only gets no link (its token opens the questionnaire) and no free text.
    const maySeePrivate = maySeePrivateOf(user, session)
    const links = maySeePrivate ? await linkViews(c, session.id) : []
    const mayRecord = mayRecordIn(user, session)
    const mayOpen = mayRecord && session.status !== 'cancelled'
    const opened = new Set(links.map((l) => l.groupKind))
    const openable = mayOpen ? session.audiences.filter((g) => !opened.has(g) && KNOWLEDGE_TEST_FOR[g]).map((g) => ({ value: g, label: t(`group.${g}`) })) : []
    const disclosures = await db.selectFrom('disclosures').select((e) => e.fn.countAll<number>().as('n')).where('sessionId', '=', session.id).executeTakeFirstOrThrow()
    const excluded = await db.selectFrom('submissions').select((e) => e.fn.countAll<number>().as('n')).where('sessionId', '=', session.id).where('excludedAt', 'is not', null).executeTakeFirstOrThrow()
    const results = await sessionResults(db, session.id)
    const held = await db.selectFrom('submissions').select((e) => e.fn.countAll<number>().as('n')).where('sessionId', '=', session.id).where('excludedReason', '=', HELD).executeTakeFirstOrThrow()
    const body = (
      <EvaluationPage
        excluded={Number(excluded.n) - Number(held.n)}
        held={{ count: Number(held.n), limit: config.collectHoldAfter }}
        linkCounts={await countsByLink(db, links.map((l) => l.id))}
        t={t}
        locale={c.get('locale')}
        csrf={c.get('csrf')()}
        sessionId={session.id}
        sessionTitle={session.title}
        links={links}
        results={maySeePrivate ? results : aggregatesOnly(results)}
        codeParts={maySeePrivate ? await codePartsOfSession(db, session.id, results) : []}
        codePartsRefused={o.codeParts}
        unchecked={maySeePrivate ? (await listUncheckedOfSession(db, session.id)).map((x) => ({ key: x.key, title: c.get('locale') === 'id' ? x.titleId : x.titleEn, version: x.version, link: can(user.role, 'programme.edit') })) : []}
        groupLabel={(g) => t(`group.${g as GroupKind}`)}
        openable={openable}
        followUpGroups={mayRecord ? [...opened].filter((g) => links.some((l) => l.groupKind === g && l.phase === 'pre') && !links.some((l) => l.groupKind === g && l.phase === 'follow-up')).map((g) => ({ value: g, label: t(`group.${g as GroupKind}`) })) : []}
        questionnaires={(await q.listQuestionnaires(db)).filter((x) => x.kind === 'knowledge' || x.kind === 'scale').map((x) => ({ value: x.key, label: c.get('locale') === 'id' ? x.titleId : x.titleEn }))}
        mayRecord={mayRecord}
        values={o.values ?? { feedback: 'yes' }}
        checkedElements={o.checkedElements ?? DEFAULT_CODE_ELEMENTS}
        errors={o.errors ?? {}}
        notice={o.notice}
        disclosures={Number(disclosures.n)}
        comments={{ waiting: (await countWaitingBySession(db, [session.id])).get(session.id) ?? 0, mayReview: mayReadWordsOf(user, session) }}
        timing={maySeePrivate ? { now: new Date(), when: (iso) => formatDateTime(c.get('locale'), iso, config.timeZone), outOfOrder: await listOutOfOrder(db, session.id, sessionEndUtc(session, config.timeZone)) } : undefined}
      />
    )
    // The page links to report.pdf and answers.xlsx: get their libraries ready while it is read (warmPdf,
    // warmXlsx), one after the other and once the page is sent, so that neither delays it.
    afterResponse(c, () => void warmPdf().then(warmXlsx))
    return renderPage(c, { title: `${t('eval.heading')} · ${session.title}`, body, status: (o.errors && Object.keys(o.errors).length) || o.codeParts ? 422 : 200 })
  }

  routes.get('/sessions/:id/evaluation', 'programme.view', (c) => show(c, { notice: c.req.query('opened') ? c.get('t')('eval.opened') : c.req.query('times') ? c.get('t')('timing.saved') : c.req.query('parts') ? c.get('t')('code.changed') : undefined }))

  // The code questions of a group, changed while no answer has come in (code-parts.ts refuses after).
  routes.post('/sessions/:id/evaluation/code-parts', 'session.record', async (c) => {
    const form = formWithLists(await c.req.parseBody({ all: true }), ['codeElements'])
    const groupKind = String(form['groupKind'] ?? '')
    try {
      await changeCodeParts(db, { ...actorOf(c), role: c.get('user')!.role }, c.req.param('id')!, groupKind, form['codeElements'] as string[])
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return show(c, { codeParts: { groupKind, checked: form['codeElements'] as string[], errors: fieldErrorsOf(e) } })
      throw e
    }
    return c.redirect(`/sessions/${c.req.param('id')}/evaluation?parts=1#code-parts`, 303)
  })

  routes.post('/sessions/:id/evaluation', 'session.record', async (c) => {
    const form = formWithLists(await c.req.parseBody({ all: true }), ['codeElements'])
    const user = c.get('user')!
    try {
      await openCollection(db, { ...actorOf(c), role: user.role }, c.req.param('id')!, {
        groupKind: form['groupKind'] as GroupKind,
        questionnaireKey: String(form['questionnaireKey'] ?? '') || undefined,
        feedback: form['feedback'] === 'yes',
        codeElements: form['codeElements'] as string[],
      })
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return show(c, { values: { groupKind: String(form['groupKind'] ?? ''), questionnaireKey: String(form['questionnaireKey'] ?? ''), feedback: form['feedback'] === 'yes' ? 'yes' : 'no' }, checkedElements: form['codeElements'] as string[], errors: fieldErrorsOf(e) })
      throw e
    }
    return c.redirect(`/sessions/${c.req.param('id')}/evaluation?opened=1`, 303)
  })


  routes.post('/sessions/:id/evaluation/pairs', 'session.record', async (c) => {
    const form = formStrings(await c.req.parseBody())
    await confirmPair(db, { ...actorOf(c), role: c.get('user')!.role }, c.req.param('id')!, form['pre'] ?? '', form['post'] ?? '')
    return c.redirect(`/sessions/${c.req.param('id')}/evaluation`, 303)
  })

  routes.post('/sessions/:id/evaluation/pairs/:pairId/undo', 'session.record', async (c) => {
    await undoPair(db, { ...actorOf(c), role: c.get('user')!.role }, c.req.param('id')!, c.req.param('pairId')!)
    return c.redirect(`/sessions/${c.req.param('id')}/evaluation`, 303)
  })

  // A tolerant pair undone (the two answers are not the same person), and that decision undone.
  routes.post('/sessions/:id/evaluation/pairs/reject', 'session.record', async (c) => {
    const form = formStrings(await c.req.parseBody())
    await rejectPair(db, { ...actorOf(c), role: c.get('user')!.role }, c.req.param('id')!, form['pre'] ?? '', form['post'] ?? '')
    return c.redirect(`/sessions/${c.req.param('id')}/evaluation`, 303)
  })

  routes.post('/sessions/:id/evaluation/pairs/rejected/:rejectionId/undo', 'session.record', async (c) => {
    await undoRejection(db, { ...actorOf(c), role: c.get('user')!.role }, c.req.param('id')!, c.req.param('rejectionId')!)
    return c.redirect(`/sessions/${c.req.param('id')}/evaluation`, 303)
  })

  routes.post('/sessions/:id/evaluation/follow-up', 'session.record', async (c) => {
    const form = formStrings(await c.req.parseBody())
    await openFollowUp(db, { ...actorOf(c), role: c.get('user')!.role }, c.req.param('id')!, form['groupKind'] ?? '')
    return c.redirect(`/sessions/${c.req.param('id')}/evaluation?opened=1`, 303)
  })

  for (const action of ['close', 'reopen'] as const) {
    routes.post(`/sessions/:id/evaluation/links/:linkId/${action}`, 'session.record', async (c) => {
      await setLinkOpen(db, { ...actorOf(c), role: c.get('user')!.role }, c.req.param('id')!, c.req.param('linkId')!, action === 'reopen')
      return c.redirect(`/sessions/${c.req.param('id')}/evaluation`, 303)
    })
  }


  routes.get('/sessions/:id/evaluation/qr', 'programme.view', async (c) => {
    const t = c.get('t')
    const session = await getSession(db, c.req.param('id')!)
    assertMaySeePrivateOf(c.get('user')!, session)
    const together = c.req.query('layout') === 'together'
    const body = <QrPage t={t} locale={c.get('locale')} sessionTitle={session.title} sessionStartsAt={session.startsAt} links={await linkViews(c, session.id)} groupLabel={(g) => t(`group.${g as GroupKind}`)} together={together} url={`/sessions/${session.id}/evaluation/qr`} />
    return renderPage(c, { title: t('eval.qrTitle', { title: session.title }), body })
  })

  routes.get('/sessions/:id/evaluation/answers.csv', 'programme.view', async (c) => {
    const session = await getSession(db, c.req.param('id')!)
    assertMaySeePrivateOf(c.get('user')!, session)
    const csv = await answersCsv(db, session.id)
    await insertAuditEntry(db, actorOf(c), 'evaluation.export', { type: 'session', id: session.id }, { rows: csv.rows })
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', `attachment; filename="jaga-answers-${session.id.slice(0, 8)}.csv"`)
    c.header('Cache-Control', 'no-store')
    return c.body(csv.text)
  })

  routes.get('/api/v1/sessions/:id/evaluation', 'programme.view', async (c) => {
    const session = await getSession(db, c.req.param('id')!)
    const maySeePrivate = maySeePrivateOf(c.get('user')!, session)
    const results = maySeePrivate ? await sessionResults(db, session.id) : aggregatesOnly(await sessionResults(db, session.id))
    return c.json({
      // Without the private parts: each link's counts, not its address (the token opens the questionnaire).
      links: (await linkViews(c, session.id)).map((l) => ({ id: l.id, phase: l.phase, groupKind: l.groupKind, ...(maySeePrivate ? { url: l.url, token: l.token } : {}), open: linkState(l, new Date()) === 'open', opensAt: l.opensAt, closesAt: l.closesAt, submissions: l.submissions })),
      groups: results.groups.map((g) => ({ groupKind: g.groupKind, preCount: g.preCount, postCount: g.postCount, pairs: g.match.pairs, matchRate: g.match.rate, ambiguous: g.match.ambiguous.length, preShare: g.preShare, postShare: g.postShare, analysis: g.analysis ?? null })),
      feedback: results.feedback,
    })
  })

  routes.post('/api/v1/sessions/:id/evaluation', 'session.record', async (c) => {
    const input = await readJson(c, openBody)
    await openCollection(db, { ...actorOf(c), role: c.get('user')!.role }, c.req.param('id')!, { groupKind: input.groupKind, questionnaireKey: input.questionnaireKey, feedback: input.feedback, codeElements: input.codeElements })
    const links = (await linkViews(c, c.req.param('id')!)).filter((l) => l.groupKind === input.groupKind)
    return c.json({ links: links.map((l) => ({ id: l.id, phase: l.phase, groupKind: l.groupKind, url: l.url, token: l.token, open: !l.closedAt, submissions: l.submissions })) }, 201)
  })

  routes.get('/sessions/:id/evaluation/answers.xlsx', 'programme.view', async (c) => {
    const session = await getSession(db, c.req.param('id')!)
    assertMaySeePrivateOf(c.get('user')!, session)
    const xlsx = await answersXlsx(db, session.id)
    await insertAuditEntry(db, actorOf(c), 'evaluation.export', { type: 'session', id: session.id }, { rows: xlsx.rows, format: 'xlsx' })
    return c.body(new Uint8Array(xlsx.bytes), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="jaga-answers-${session.id.slice(0, 8)}.xlsx"`,
      'Cache-Control': 'no-store',
    })
  })

  routes.get('/sessions/:id/evaluation/report.pdf', 'programme.view', async (c) => {
    const t = c.get('t')
    const locale = c.get('locale')
    const session = await getSession(db, c.req.param('id')!)
    const area = await db.selectFrom('areas').select('name').where('id', '=', session.areaId).executeTakeFirst()
    const header = { title: session.title, startsAt: session.startsAt, area: area?.name ?? '—', format: t(`sessionFormat.${session.format}`) }
    const results = await sessionResults(db, session.id)
    const pdf = await renderEvaluationPdf(header, maySeePrivateOf(c.get('user')!, session) ? results : aggregatesOnly(results), t, locale, (g) => t(`group.${g as GroupKind}`))
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="jaga-evaluation-${session.id.slice(0, 8)}-${locale}.pdf"`, 'Cache-Control': 'private, no-store' })
  })

  routes.get('/sessions/:id/evaluation/codebook.csv', 'programme.view', async (c) => {
    const session = await getSession(db, c.req.param('id')!)
    return c.body(await codebookCsv(db, session.id), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="jaga-codebook-${session.id.slice(0, 8)}.csv"` })
  })

}
