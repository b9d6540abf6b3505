import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv, Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { listUsers } from '../accounts/user-queries.ts'
import { type FieldErrors, fieldErrorsOf, formStrings, type FormValues, validate } from '../platform/http/forms.ts'
import { readJson } from '../platform/http/json.ts'
import { jsonBody, jsonResponse, type OpenApiPaths } from '../platform/http/openapi.ts'
import { Problem } from '../platform/http/problems.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import { renderPage } from '../page.tsx'
import { listPartners } from './partner-queries.ts'
import { listProgrammes } from './programme-queries.ts'
import { scopeOf, visibleProgrammes } from './programme-scope.ts'
import { CONCERNS, CONSENTS, REFERRAL_AGE_BANDS, REFERRAL_STATUSES, referralInput, referralUpdateInput, serviceFields } from './referral-form.ts'
import { fromSession } from './referral-prefill.ts'
import { followUpReferral, listReferrals, readReferral, recordReferral, type Reader } from './referrals.ts'
import { localToday } from './session-rules.ts'
import { ReferralDetailPage, ReferralFormPage, ReferralListPage, type HelpChannelView } from './views/referrals.tsx'

/** The library's help directory, as the referral pages show it; the library slice provides it (see app.ts). */
export interface HelpDirectory {
  url(locale: Locale): string
  channels(locale: Locale): HelpChannelView[]
}

export function referralRoutes(routes: RouteTable, deps: Deps, help: HelpDirectory): void {
  const { db, config } = deps
  const reader = async (c: Context<AppEnv>): Promise<Reader> => {
    const scope = await scopeOf(c, db)
    return { ...actorOf(c), role: c.get('user')!.role, programmes: scope.all ? undefined : scope.ids }
  }
  const helpFor = (c: Context<AppEnv>) => ({ helpUrl: help.url(c.get('locale')), channels: help.channels(c.get('locale')) })
  // The directory's own channels; its local entries are partners (partnerHelpChannels) and are chosen as partners.
  const referable = (locale: Locale) => help.channels(locale).filter((h) => !h.id.startsWith('partner-'))
  const channelIds = () => new Set(referable('id').map((h) => h.id))
  const names = async (c: Context<AppEnv>) => ({
    areas: new Map((await db.selectFrom('areas').select(['id', 'name']).execute()).map((a) => [a.id, a.name])),
    partners: new Map((await listPartners(db)).map((p) => [p.id, p.name])),
    channels: new Map(referable(c.get('locale')).map((h) => [h.id, h.name])),
    users: new Map((await listUsers(db)).map((u) => [u.id, u.displayName])),
  })

  routes.get('/referrals', 'referral.record', async (c) => {
    const t = c.get('t')
    const referrals = await listReferrals(db, await reader(c))
    const body = <ReferralListPage t={t} locale={c.get('locale')} referrals={referrals} names={await names(c)} today={localToday(config.timeZone)} notice={c.req.query('saved') ? t('referral.saved') : undefined} />
    return renderPage(c, { title: t('referral.title'), body })
  })

  const showForm = async (c: Context<AppEnv>, values: FormValues, errors: FieldErrors = {}) => {
    const t = c.get('t')
    const villages = await db.selectFrom('areas').select(['id', 'name']).where('level', '=', 'village').orderBy('name').execute()
    const options = {
      villages: villages.map((v) => ({ id: v.id, label: v.name })),
      partners: (await listPartners(db)).map((p) => ({ id: p.id, label: `${p.name} (${t(`partnerKind.${p.kind}`)})` })),
      channels: referable(c.get('locale')).map((h) => ({ id: h.id, label: h.name })),
      programmes: (await visibleProgrammes(c, db, await listProgrammes(db))).map((p) => ({ id: p.id, label: p.name })),
    }
    const body = <ReferralFormPage t={t} csrf={c.get('csrf')()} values={values} errors={errors} options={options} help={helpFor(c)} />
    return renderPage(c, { title: t('referral.add'), body, status: Object.keys(errors).length ? 422 : 200 })
  }

  routes.get('/referrals/new', 'referral.record', async (c) => {
    const from = await fromSession(db, c.req.query('session'))
    return showForm(c, { occurredOn: localToday(config.timeZone), ...from })
  })

  // The form has one "referred to" choice; its errors belong there, whichever of the two fields they name.
  const onService = (errors: FieldErrors): FieldErrors =>
    Object.fromEntries(Object.entries(errors).map(([field, e]) => (field === 'partnerId' || field === 'channelId' ? ['service', { ...e, field: 'service' }] : [field, e])))

  routes.post('/referrals', 'referral.record', async (c) => {
    const values = formStrings(await c.req.parseBody())
    const parsed = validate(referralInput, { ...values, ...serviceFields(values.service) })
    if (!parsed.ok) return showForm(c, values, onService(parsed.errors))
    try {
      await recordReferral(db, actorOf(c), parsed.data, channelIds())
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return showForm(c, values, onService(fieldErrorsOf(e)))
      throw e
    }
    return c.redirect('/referrals?saved=1', 303)
  })

  const showDetail = async (c: Context<AppEnv>, values: FormValues = {}, errors: FieldErrors = {}) => {
    const referral = await readReferral(db, await reader(c), c.req.param('id') ?? '')
    const t = c.get('t')
    const body = <ReferralDetailPage t={t} locale={c.get('locale')} csrf={c.get('csrf')()} referral={referral} names={await names(c)} values={{ onDate: localToday(config.timeZone), ...values }} errors={errors} help={helpFor(c)} />
    return renderPage(c, { title: t('referral.title'), body, status: Object.keys(errors).length ? 422 : 200 })
  }

  routes.get('/referrals/:id', 'referral.record', (c) => showDetail(c))

  routes.post('/referrals/:id/updates', 'referral.record', async (c) => {
    const values = formStrings(await c.req.parseBody())
    const parsed = validate(referralUpdateInput, values)
    if (!parsed.ok) return showDetail(c, values, parsed.errors)
    try {
      await followUpReferral(db, await reader(c), c.req.param('id') ?? '', parsed.data)
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return showDetail(c, values, fieldErrorsOf(e))
      throw e
    }
    return c.redirect(`/referrals/${c.req.param('id')}`, 303)
  })

  routes.get('/api/v1/referrals', 'referral.record', async (c) => c.json({ referrals: await listReferrals(db, await reader(c)) }))
  routes.post('/api/v1/referrals', 'referral.record', async (c) => c.json(await recordReferral(db, actorOf(c), await readJson(c, referralInput), channelIds()), 201))
  routes.get('/api/v1/referrals/:id', 'referral.record', async (c) => c.json(await readReferral(db, await reader(c), c.req.param('id') ?? '')))
  routes.post('/api/v1/referrals/:id/updates', 'referral.record', async (c) => {
    await followUpReferral(db, await reader(c), c.req.param('id') ?? '', await readJson(c, referralUpdateInput))
    return c.json(await readReferral(db, await reader(c), c.req.param('id') ?? ''))
  })
}

const referralSchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid().nullable(),
  occurredOn: z.iso.date(),
  areaId: z.uuid(),
  ageBand: z.enum(REFERRAL_AGE_BANDS),
  concern: z.enum(CONCERNS),
  partnerId: z.uuid().nullable(),
  channelId: z.string().nullable(),
  consent: z.enum(CONSENTS),
  status: z.enum(REFERRAL_STATUSES),
  nextFollowUp: z.iso.date().nullable(),
  note: z.string().nullable(),
  recordedBy: z.uuid(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
const withHistory = referralSchema.extend({ updates: z.array(z.object({ id: z.uuid(), referralId: z.uuid(), onDate: z.iso.date(), status: z.enum(REFERRAL_STATUSES), note: z.string().nullable(), byUser: z.uuid(), createdAt: z.iso.datetime() })) })
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }]
const tags = ['referrals']

export const referralApiDoc: OpenApiPaths = {
  '/api/v1/referrals': {
    get: { summary: 'Referrals the caller may read: all with referral.view, else the ones they recorded (referral.record). Every read is audited', tags, responses: { '200': jsonResponse('Referrals', z.object({ referrals: z.array(referralSchema) })) } },
    post: { summary: 'Record a referral: village-level area, age band, concern, service (partnerId, or channelId: a help-directory channel such as sapa-129), consent; no names, contacts or images (referral.record)', tags, requestBody: jsonBody(referralInput), responses: { '201': jsonResponse('The referral', referralSchema) } },
  },
  '/api/v1/referrals/{id}': {
    get: { summary: 'One referral with its history (audited)', tags, parameters: idParam, responses: { '200': jsonResponse('The referral', withHistory), '404': { description: 'No such referral, or not yours to read' } } },
  },
  '/api/v1/referrals/{id}/updates': {
    post: { summary: 'Record a follow-up; the status only moves forward (referred → received → closed)', tags, parameters: idParam, requestBody: jsonBody(referralUpdateInput), responses: { '200': jsonResponse('The referral', withHistory) } },
  },
}
