// The staff side of evaluation: opening a session's questionnaires, its QR codes, results, a live
// view for the projector, the answers as CSV, and the disclosures routed away from the data.
import crypto from 'node:crypto'
import path from 'node:path'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv, Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { insertAuditEntry } from '../accounts/audit-queries.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { bundleBrowserScript } from '../platform/http/browser-bundle.ts'
import { fieldErrorsOf, formStrings, formWithLists, type FieldErrors, type FormValues } from '../platform/http/forms.ts'
import { readJson } from '../platform/http/json.ts'
import { jsonBody, jsonResponse, type OpenApiPaths } from '../platform/http/openapi.ts'
import { Problem, type FieldError } from '../platform/http/problems.ts'
import { assetUrl, registerAsset } from '../platform/http/static-files.ts'
import { renderPage } from '../page.tsx'
import { getSession } from '../outreach/sessions.ts'
import { GROUP_KINDS, type GroupKind } from '../outreach/target-group-form.ts'
import { DEFAULT_CODE_ELEMENTS } from './code-elements.ts'
import { KNOWLEDGE_TEST_FOR, openCollection, openFollowUp, setLinkOpen, submit } from './collection.ts'
import * as q from './evaluation-queries.ts'
import { PHASES } from './evaluation-tables.ts'
import { answersCsv, answersXlsx, codebookCsv } from './exports.ts'
import { staffLink } from './import-routes.tsx'
import { confirmPair, undoPair } from './pairing.ts'
import { rowsToSubmissions } from './paper-entry.ts'
import { renderEvaluationPdf, renderProgrammeEvaluationPdf } from './report-pdf.ts'
import { evaluateProgramme, programmePairs, suppressEvaluation } from './programme-knowledge.ts'
import { excludeSubmission, includeSubmission } from './exclusion.ts'
import { EXCLUSION_REASONS } from './evaluation-tables.ts'
import { AnswersReviewPage } from './views/answers-review.tsx'
import { can } from '../accounts/permissions.ts'
import { formatDateTime } from '../platform/i18n/i18n.ts'
import { ProgrammeEvaluationPage } from './views/programme-evaluation.tsx'
import type { SessionFormat } from '../outreach/session-form.ts'
import { mergeFeedback, sessionResults } from './session-results.ts'
import { PaperEntryPage } from './views/paper-entry.tsx'
import { EvaluationPage, LivePage, QrPage, type LinkView } from './views/session-evaluation.tsx'

const openBody = z.object({
  groupKind: z.enum(GROUP_KINDS),
  questionnaireKey: z.string().optional().describe('Defaults to the knowledge test shipped for the group'),
  codeElements: z.array(z.string()).default([...DEFAULT_CODE_ELEMENTS]),
  feedback: z.boolean().default(true),
})
const linkSchema = z.object({ id: z.uuid(), phase: z.enum(['pre', 'post', 'feedback', 'follow-up']), groupKind: z.enum(GROUP_KINDS), url: z.string(), token: z.string(), open: z.boolean(), submissions: z.number() })

const answerSchema = z.object({
  id: z.uuid(),
  phase: z.enum(['pre', 'post', 'feedback', 'follow-up']),
  groupKind: z.string(),
  code: z.string(),
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  source: z.enum(['phone', 'paper', 'import']),
  receivedAt: z.string(),
  excludedAt: z.string().nullable(),
  excludedReason: z.enum(EXCLUSION_REASONS).nullable(),
})
const excludeBody = z.object({ reason: z.enum(EXCLUSION_REASONS) })

export const evaluationApiDoc: OpenApiPaths = {
  '/api/v1/sessions/{id}/evaluation': {
    get: {
      summary: 'A session’s questionnaire links and results: per group the counts, pairs, match rate and the paired analysis in the shape of `jaga analyze --json` (programme.view)',
      tags: ['evaluation'],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      responses: { '200': { description: 'Links, per-group results and feedback' }, '404': { description: 'No such session' } },
    },
    post: {
      summary: 'Open the pre, post (and feedback) links of a session for one of its audiences (session.record); 3–4 code elements from: mother, day, own, siblings, father',
      tags: ['evaluation'],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      requestBody: jsonBody(openBody),
      responses: { '201': jsonResponse('The new links', z.object({ links: z.array(linkSchema) })), '409': { description: 'Already open for this group, or the session was cancelled' } },
    },
  },
  '/api/v1/sessions/{id}/evaluation/answers': {
    get: {
      summary: 'Every answer of a session, newest first, with whether staff left it out of the results (programme.view). Codes and scores only, never the answers themselves',
      tags: ['evaluation'],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      responses: { '200': jsonResponse('The answers', z.object({ answers: z.array(answerSchema) })), '404': { description: 'No such session' } },
    },
  },
  '/api/v1/sessions/{id}/evaluation/answers/{submissionId}/exclude': {
    post: {
      summary: 'Leave an answer out of every result (session.record; a facilitator only in their sessions). The answer is kept and can be counted again',
      tags: ['evaluation'],
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        { name: 'submissionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      ],
      requestBody: jsonBody(excludeBody),
      responses: { '204': { description: 'Left out' }, '404': { description: 'No such answer in this session, or it is already left out' }, '422': { description: 'No reason, or not one of the reasons' } },
    },
  },
  '/api/v1/sessions/{id}/evaluation/answers/{submissionId}/include': {
    post: {
      summary: 'Count again an answer that was left out (session.record)',
      tags: ['evaluation'],
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        { name: 'submissionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      ],
      responses: { '204': { description: 'Counted again' }, '404': { description: 'No such answer in this session, or it counts already' } },
    },
  },
}

/** Whether this person records the session's evaluation: staff, a facilitator only in the sessions they facilitate. */
const mayRecordIn = (user: { id: string; role: string }, session: { facilitatorIds: string[] }) =>
  user.role !== 'partner' && (user.role !== 'facilitator' || session.facilitatorIds.includes(user.id))

export function resultsRoutes(routes: RouteTable, deps: Deps): void {
  const { db, config } = deps
  registerAsset('live.js', bundleBrowserScript(path.join(import.meta.dirname, 'browser', 'live.ts')))
  registerAsset('paper.js', bundleBrowserScript(path.join(import.meta.dirname, 'browser', 'paper.ts')))
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
      submissions: Number(l.submissions),
      title: c.get('locale') === 'id' ? l.titleId : l.titleEn,
      url: linkUrl(c, l.token),
    }))

  const show = async (c: Context<AppEnv>, o: { values?: FormValues; checkedElements?: string[]; errors?: FieldErrors; notice?: string } = {}) => {
    const t = c.get('t')
    const session = await getSession(db, c.req.param('id')!)
    const links = await linkViews(c, session.id)
    const user = c.get('user')!
    const mayRecord = mayRecordIn(user, session)
    const mayOpen = mayRecord && session.status !== 'cancelled'
    const opened = new Set(links.map((l) => l.groupKind))
    const openable = mayOpen ? session.audiences.filter((g) => !opened.has(g) && KNOWLEDGE_TEST_FOR[g]).map((g) => ({ value: g, label: t(`group.${g}`) })) : []
    const disclosures = await db.selectFrom('disclosures').select((e) => e.fn.countAll<number>().as('n')).where('sessionId', '=', session.id).executeTakeFirstOrThrow()
    const excluded = await db.selectFrom('submissions').select((e) => e.fn.countAll<number>().as('n')).where('sessionId', '=', session.id).where('excludedAt', 'is not', null).executeTakeFirstOrThrow()
    const body = (
      <EvaluationPage
        excluded={Number(excluded.n)}
        t={t}
        locale={c.get('locale')}
        csrf={c.get('csrf')()}
        sessionId={session.id}
        sessionTitle={session.title}
        links={links}
        results={await sessionResults(db, session.id)}
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
      />
    )
    return renderPage(c, { title: `${t('eval.heading')} · ${session.title}`, body, status: o.errors && Object.keys(o.errors).length ? 422 : 200 })
  }

  routes.get('/sessions/:id/evaluation', 'programme.view', (c) => show(c, { notice: c.req.query('opened') ? c.get('t')('eval.opened') : undefined }))

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

  /** Every answer of the session, to leave one out of the results (or take it back in). */
  const showAnswers = async (c: Context<AppEnv>, o: { refused?: { id: string; errors: FieldErrors }; notice?: string } = {}) => {
    const t = c.get('t')
    const session = await getSession(db, c.req.param('id')!)
    const user = c.get('user')!
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

  routes.post('/sessions/:id/evaluation/pairs', 'session.record', async (c) => {
    const form = formStrings(await c.req.parseBody())
    await confirmPair(db, { ...actorOf(c), role: c.get('user')!.role }, c.req.param('id')!, form['pre'] ?? '', form['post'] ?? '')
    return c.redirect(`/sessions/${c.req.param('id')}/evaluation`, 303)
  })

  routes.post('/sessions/:id/evaluation/pairs/:pairId/undo', 'session.record', async (c) => {
    await undoPair(db, { ...actorOf(c), role: c.get('user')!.role }, c.req.param('id')!, c.req.param('pairId')!)
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

  const PAPER_ROWS = 10
  const showPaper = async (c: Context<AppEnv>, o: { values?: Record<string, string>; errors?: Map<number, FieldError[]>; saved?: number } = {}) => {
    const t = c.get('t')
    const { session, link, items, codeElements, title } = await staffLink(db, c)
    const values: Record<string, string> = { ...o.values }
    // Each row carries an id made now, so saving the same page twice stores each paper once.
    for (let r = 0; r < PAPER_ROWS; r++) values[`r${r}.id`] ||= crypto.randomUUID()
    const body = (
      <PaperEntryPage
        t={t}
        locale={c.get('locale')}
        csrf={c.get('csrf')()}
        action={`/sessions/${session.id}/evaluation/links/${link.id}/paper`}
        backHref={`/sessions/${session.id}/evaluation`}
        title={title}
        rows={PAPER_ROWS}
        codeElements={codeElements}
        items={items}
        values={values}
        errors={o.errors ?? new Map()}
        saved={o.saved}
      />
    )
    return renderPage(c, { title: t('paper.title', { title }), body, scripts: [assetUrl('paper.js')], status: o.errors?.size ? 422 : 200 })
  }

  routes.get('/sessions/:id/evaluation/links/:linkId/paper', 'session.record', (c) => showPaper(c))

  routes.post('/sessions/:id/evaluation/links/:linkId/paper', 'session.record', async (c) => {
    const { session, link, items, codeElements } = await staffLink(db, c)
    const form = formStrings(await c.req.parseBody())
    const errors = new Map<number, FieldError[]>()
    const kept: Record<string, string> = {}
    let saved = 0
    for (const { row, raw } of rowsToSubmissions(form, PAPER_ROWS, codeElements, items)) {
      try {
        await submit(db, link, raw, 'paper')
        saved++
      } catch (e) {
        if (!(e instanceof Problem && e.code === 'validation')) throw e
        errors.set(row, e.errors)
        // The row stays as typed, in the first free rows, with its own id.
        for (const [name, value] of Object.entries(form)) if (name.startsWith(`r${row}.`)) kept[name.replace(`r${row}.`, `r${errors.size - 1}.`)] = value
      }
    }
    if (saved) await insertAuditEntry(db, actorOf(c), 'evaluation.paper', { type: 'session', id: session.id }, { saved, phase: link.phase })
    const renumbered = new Map([...errors.values()].map((list, i) => [i, list]))
    return showPaper(c, { values: kept, errors: renumbered, saved })
  })

  /** A programme's pooled results, or one kelurahan's with `?area=` (the area report). */
  const programmeEvaluation = async (c: Context<AppEnv>) => {
    const t = c.get('t')
    const programme = await db.selectFrom('programmes').select(['id', 'name']).where('id', '=', c.req.param('id')!).executeTakeFirst()
    if (!programme) throw new Problem('not-found')
    const names = new Map((await db.selectFrom('areas').select(['id', 'name']).execute()).map((a) => [a.id, a.name]))
    const area = c.req.query('area')
    if (area && !names.has(area)) throw new Problem('not-found')
    const pairs = (await programmePairs(db, programme.id)).filter((p) => !area || p.villageId === area)
    const title = area ? `${programme.name} · ${names.get(area)}` : programme.name
    const label = { group: (k: string) => t(`group.${k as GroupKind}`), village: (k: string) => names.get(k) ?? '—', format: (k: string) => t(`sessionFormat.${k as SessionFormat}`) }
    // Partners (no programme.view) see the same results with small groups left out.
    const partner = !can(c.get('user')?.role, 'programme.view')
    const evaluation = evaluateProgramme(pairs)
    // A partner's area report is the area's headline only: its breakdown by group or format, set
    // against the programme's, could give away a small group by subtraction.
    const shown = partner ? { ...suppressEvaluation(evaluation), ...(area ? { byGroup: [], byFormat: [] } : {}) } : evaluation
    // What participants said, for planning the next visits: staff only (partners see aggregates of scores).
    let feedback = null
    if (!partner) {
      const sessions = await db
        .selectFrom('sessions as x')
        .innerJoin('areas as a', 'a.id', 'x.areaId')
        .select('x.id')
        .where('x.programmeId', '=', programme.id)
        .$if(!!area, (qb) => qb.where((w) => w.or([w('x.areaId', '=', area!), w('a.parentId', '=', area!)])))
        .execute()
      const perSession = await Promise.all(sessions.map(async (x) => (await sessionResults(db, x.id)).feedback))
      feedback = mergeFeedback(perSession.filter((f): f is NonNullable<typeof f> => !!f && f.count > 0))
    }
    return { programme, area, title, evaluation: shown, label, partner, feedback }
  }

  routes.get('/programmes/:id/evaluation', 'coverage.view', async (c) => {
    const t = c.get('t')
    const r = await programmeEvaluation(c)
    const body = <ProgrammeEvaluationPage t={t} locale={c.get('locale')} programme={r.programme} title={r.title} area={r.area} evaluation={r.evaluation} label={r.label} back={r.partner ? '/coverage' : `/programmes/${r.programme.id}`} feedback={r.feedback} />
    return renderPage(c, { title: t('programmeEval.title', { name: r.title }), body })
  })

  routes.get('/programmes/:id/evaluation.pdf', 'coverage.view', async (c) => {
    const r = await programmeEvaluation(c)
    const pdf = await renderProgrammeEvaluationPdf(r.title, r.evaluation, c.get('t'), c.get('locale'), r.label, r.feedback)
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="jaga-evaluation-${r.programme.id.slice(0, 8)}-${c.get('locale')}.pdf"`, 'Cache-Control': 'private, no-store' })
  })

  routes.get('/sessions/:id/evaluation/qr', 'programme.view', async (c) => {
    const t = c.get('t')
    const session = await getSession(db, c.req.param('id')!)
    const body = <QrPage t={t} sessionTitle={session.title} links={await linkViews(c, session.id)} groupLabel={(g) => t(`group.${g as GroupKind}`)} />
    return renderPage(c, { title: t('eval.qrTitle', { title: session.title }), body })
  })

  routes.get('/sessions/:id/evaluation/live', 'programme.view', async (c) => {
    const t = c.get('t')
    const session = await getSession(db, c.req.param('id')!)
    const body = <LivePage t={t} locale={c.get('locale')} sessionTitle={session.title} results={await sessionResults(db, session.id)} groupLabel={(g) => t(`group.${g as GroupKind}`)} />
    c.header('Cache-Control', 'no-store')
    return renderPage(c, { title: t('eval.liveTitle', { title: session.title }), body, scripts: [assetUrl('live.js')] })
  })

  routes.get('/sessions/:id/evaluation/answers.csv', 'programme.view', async (c) => {
    const session = await getSession(db, c.req.param('id')!)
    const csv = await answersCsv(db, session.id)
    await insertAuditEntry(db, actorOf(c), 'evaluation.export', { type: 'session', id: session.id }, { rows: csv.rows })
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', `attachment; filename="jaga-answers-${session.id.slice(0, 8)}.csv"`)
    c.header('Cache-Control', 'no-store')
    return c.body(csv.text)
  })

  routes.get('/api/v1/sessions/:id/evaluation', 'programme.view', async (c) => {
    const session = await getSession(db, c.req.param('id')!)
    const results = await sessionResults(db, session.id)
    return c.json({
      links: (await linkViews(c, session.id)).map((l) => ({ id: l.id, phase: l.phase, groupKind: l.groupKind, url: l.url, token: l.token, open: !l.closedAt, submissions: l.submissions })),
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
    const pdf = await renderEvaluationPdf(header, await sessionResults(db, session.id), t, locale, (g) => t(`group.${g as GroupKind}`))
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="jaga-evaluation-${session.id.slice(0, 8)}-${locale}.pdf"`, 'Cache-Control': 'private, no-store' })
  })

  routes.get('/sessions/:id/evaluation/codebook.csv', 'programme.view', async (c) => {
    const session = await getSession(db, c.req.param('id')!)
    return c.body(await codebookCsv(db, session.id), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="jaga-codebook-${session.id.slice(0, 8)}.csv"` })
  })

}
