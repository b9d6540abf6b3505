// The participant's side: a questionnaire at /q/<token>, answered without an account. The page
// works as a plain HTML form; with JavaScript (collect.js) the answers are also kept on the phone
// and sent when a connection is there, exactly once (the submission id is made on the phone).
import crypto from 'node:crypto'
import path from 'node:path'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv, Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { fieldErrorsOf, type FieldErrors } from '../platform/http/forms.ts'
import { readJson, smallJson } from '../platform/http/json.ts'
import { jsonBody, jsonResponse, type OpenApiPaths } from '../platform/http/openapi.ts'
import { Problem } from '../platform/http/problems.ts'
import { bundleBrowserScript } from '../platform/http/browser-bundle.ts'
import { assetUrl, registerAsset } from '../platform/http/static-files.ts'
import { formatDateTime, type Locale } from '../platform/i18n/i18n.ts'
import { renderPage } from '../page.tsx'
import type { RawSubmission } from './answers.ts'
import { disclosurePhrases, linkDefinition, StaleLink } from './collection.ts'
import * as q from './evaluation-queries.ts'
import { participantTranslator, registerOf } from './participant-register.ts'
import { receivePhoneSubmission } from './submission-intake.ts'
import { roundName, type RoundOf } from './views/round-band.tsx'
import { ClosedPage, QuestionnaireFormPage, ThanksPage, type HelpLine } from './views/questionnaire-form.tsx'
import { linkState } from './round-timing.ts'
import { NotYetOpenPage } from './views/round-timing.tsx'

/** The help channels a participant is shown after a disclosure; the library provides them (see app.ts). */
export interface ParticipantHelp {
  url(locale: Locale): string
  lines(locale: Locale): HelpLine[]
  /** Where a participant of this group reads on after answering. */
  libraryUrl(locale: Locale, groupKind: string): string
}

/** How many links collect-routes keeps by token (a few hundred bytes each). */
export const KEPT_LINKS = 1000

const roundOf = (link: q.LinkWithQuestionnaire): RoundOf => ({ phase: link.phase, sessionTitle: link.sessionTitle, sessionStartsAt: link.sessionStartsAt })
/** The participant's translator: "Anda" for adults, "kamu" for children. */
const tFor = (c: Context<AppEnv>, link: q.LinkWithQuestionnaire) => participantTranslator(c.get('t'), registerOf(link.groupKind))

const submissionBody = z.object({
  id: z.string(),
  code: z.record(z.string(), z.string()),
  answers: z.record(z.string(), z.union([z.string(), z.array(z.string()), z.number()]).transform((v) => (typeof v === 'number' ? String(v) : v))),
  answeredOn: z.string().max(10).optional().catch(undefined).describe('The phone’s date (YYYY-MM-DD) when the participant sent the answers: today() in the questionnaire’s logic, when within 30 days before the server’s date (Asia/Jakarta) and 1 day after; otherwise the server’s date is used'),
})

/** The form's flat fields (code.mother, a.k01, …) as a submission. */
function fromForm(form: Record<string, string | string[]>): RawSubmission {
  const raw: RawSubmission = { id: String(form['id'] ?? ''), code: {}, answers: {} }
  for (const [name, value] of Object.entries(form)) {
    if (name.startsWith('code.')) raw.code[name.slice(5)] = String(Array.isArray(value) ? value[0] ?? '' : value)
    else if (name.startsWith('a.')) raw.answers[name.slice(2)] = value
  }
  return raw
}

export function collectRoutes(routes: RouteTable, deps: Deps, help: ParticipantHelp): void {
  const { db } = deps
  const intake = { db, log: deps.log, holdAfter: deps.config.collectHoldAfter, holdTotal: deps.config.collectHoldTotal, maxPerLink: deps.config.collectLinkMax }
  registerAsset('collect.js', bundleBrowserScript(path.join(import.meta.dirname, 'browser', 'collect.ts')))
  // Only on a form with skip logic or checks (views/question-fields.tsx usesLogic): the expression engine doubles the script.
  registerAsset('form-logic.js', bundleBrowserScript(path.join(import.meta.dirname, 'browser', 'form-logic-ui.ts')))

  const findLink = async (token: string) => {
    const link = await q.findLinkByToken(db, token)
    if (!link) throw new Problem('not-found')
    return link
  }

  /** Before the link opens: when it opens, in the session's local time; never kept by a cache (it changes at that time). */
  const notYetOpen = (c: Context<AppEnv>, link: q.LinkWithQuestionnaire, status: 200 | 409) => {
    const t = tFor(c, link)
    c.header('Cache-Control', 'no-store')
    const at = formatDateTime(c.get('locale'), link.opensAt!, deps.config.timeZone)
    return renderPage(c, { title: `${t('timing.notYetOpenTitle')} · ${roundName(t, link.phase)}`, head: <meta name="robots" content="noindex" />, body: <NotYetOpenPage t={t} locale={c.get('locale')} round={roundOf(link)} register={registerOf(link.groupKind)} opensAt={at} />, status })
  }

  const showForm = async (c: Context<AppEnv>, link: q.LinkWithQuestionnaire, values: Record<string, string | string[]> = {}, errors: FieldErrors = {}) => {
    const t = tFor(c, link)
    const locale = c.get('locale')
    const state = linkState(link, new Date())
    if (state === 'closed' || link.sessionStatus === 'cancelled') return renderPage(c, { title: t('collect.closedTitle'), body: <ClosedPage t={t} />, status: 409 })
    if (state === 'not-yet-open') return notYetOpen(c, link, 200)
    const title = locale === 'id' ? link.titleId : link.titleEn
    c.header('Cache-Control', 'no-store')
    return renderPage(c, {
      title: `${roundName(t, link.phase)} · ${title}`,
      status: Object.keys(errors).length ? 422 : 200,
      scripts: [assetUrl('collect.js')],
      libraryScript: false,
      head: <meta name="robots" content="noindex" />,
      body: (
        <QuestionnaireFormPage
          t={t}
          locale={locale}
          title={title}
          intro={locale === 'id' ? link.introId : link.introEn}
          action={`/q/${link.token}`}
          apiUrl={`/api/v1/collect/${link.token}`}
          csrf={c.get('csrf')()}
          // Made here for a phone without JavaScript; with it, collect.js makes its own on the phone.
          submissionId={String(values['id'] ?? crypto.randomUUID())}
          codeElements={JSON.parse(link.codeElements)}
          register={registerOf(link.groupKind)}
          definition={await linkDefinition(db, link.questionnaireVersionId)}
          values={values}
          errors={errors}
          keywords={await disclosurePhrases(db)}
          help={help.lines(locale)}
          helpUrl={help.url(locale)}
          round={roundOf(link)}
          libraryUrl={help.libraryUrl(locale, link.groupKind)}
        />
      ),
    })
  }

  routes.get('/q/:token', 'public', async (c) => showForm(c, await findLink(c.req.param('token')!)))

  routes.post('/q/:token', 'public', async (c) => {
    const link = await findLink(c.req.param('token')!)
    const body = await c.req.parseBody({ all: true })
    const form: Record<string, string | string[]> = {}
    for (const [k, v] of Object.entries(body)) {
      const list = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string')
      form[k] = list.length > 1 ? list : (list[0] ?? '')
    }
    try {
      const result = await receivePhoneSubmission(intake, link, fromForm(form))
      const t = tFor(c, link)
      const locale = c.get('locale')
      c.header('Cache-Control', 'no-store')
      const thanks = <ThanksPage t={t} locale={locale} round={roundOf(link)} libraryUrl={help.libraryUrl(locale, link.groupKind)} duplicate={result.duplicate} disclosure={result.disclosure} blanked={result.blanked} help={help.lines(locale)} helpUrl={help.url(locale)} />
      return renderPage(c, { title: `${t('collect.thanksTitle')} · ${roundName(t, link.phase)}`, body: thanks })
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return showForm(c, link, form, fieldErrorsOf(e))
      if (e instanceof Problem && e.detailKey === 'problem.collect.notYetOpen') return notYetOpen(c, link, 409)
      throw e
    }
  })

  // Links by token for phones sending answers, so a submission reads the link once (under lock, in
  // submit's transaction) instead of twice. A kept copy is only a guess: submit() compares it with the
  // row it reads and, when they differ or the copy would refuse, throws StaleLink with nothing stored
  // or counted; the link is then read afresh and decides. A closed or moved link is seen at once, on
  // any server. Bounded: the oldest is dropped past KEPT_LINKS.
  const kept = new Map<string, q.LinkWithQuestionnaire>()
  const keep = (token: string, link: q.LinkWithQuestionnaire) => {
    kept.delete(token)
    if (kept.size >= KEPT_LINKS) kept.delete(kept.keys().next().value!)
    kept.set(token, link)
  }

  routes.post('/api/v1/collect/:token', 'public', async (c) => {
    const token = c.req.param('token')!
    const copy = kept.get(token)
    const link = copy ?? (await findLink(token))
    const raw = (await readJson(c, submissionBody)) as RawSubmission
    let result = copy ? await receivePhoneSubmission(intake, copy, raw, { linkMayBeStale: true }).catch((e: unknown) => (e instanceof StaleLink ? undefined : Promise.reject(e))) : undefined
    if (!result) {
      const fresh = copy ? await findLink(token).catch((e: unknown) => (kept.delete(token), Promise.reject(e))) : link
      keep(token, fresh)
      result = await receivePhoneSubmission(intake, fresh, raw)
    }
    // Whether it was held is for staff: to the sender (maybe a script) it was simply received.
    return smallJson(c, { duplicate: result.duplicate, disclosure: result.disclosure, blanked: result.blanked }, result.duplicate ? 200 : 201)
  })
}

export const collectApiDoc: OpenApiPaths = {
  '/api/v1/collect/{token}': {
    post: {
      summary: 'Send one participant’s answers (no account; the token is the questionnaire link’s). Sending the same id again stores nothing and answers 200 with duplicate: true.',
      security: [],
      parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
      requestBody: jsonBody(submissionBody),
      responses: {
        '201': jsonResponse('Stored', z.object({ duplicate: z.literal(false), disclosure: z.boolean(), blanked: z.boolean().describe('Personal details (a phone number, an address, a handle…) were blanked out of free text: tell the participant') })),
        '200': jsonResponse('Already stored earlier', z.object({ duplicate: z.literal(true), disclosure: z.boolean(), blanked: z.boolean() })),
        '404': { description: 'No such link' },
        '409': { description: 'The link is closed; or it is not open yet, with Retry-After (seconds until it opens): keep the answers and send them again then' },
        '422': { description: 'Answers that do not fit the questionnaire, per field' },
      },
    },
  },
}
