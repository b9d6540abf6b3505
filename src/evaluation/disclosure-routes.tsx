// Disclosures routed away from the data, and the trigger words that route them. Referral roles only:
// a facilitator sees those from the sessions they facilitate, coordinators and admins all of them.
import crypto from 'node:crypto'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv, Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { insertAuditEntry } from '../accounts/audit-queries.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { can } from '../accounts/permissions.ts'
import { formStrings, validate, type FieldErrors, type FormValues } from '../platform/http/forms.ts'
import { Problem } from '../platform/http/problems.ts'
import { renderPage } from '../page.tsx'
import { ConfirmPage } from '../platform/views/confirm.tsx'
import { forgetDisclosurePhrases } from './collection.ts'
import { commentReviewRoutes } from './comment-review-routes.tsx'
import * as q from './evaluation-queries.ts'
import { countWaitingBySession } from './free-text-review.ts'
import { readsAllWords, wordsSessionIds } from './referral-access.ts'
import { inScope, scopeOf } from '../outreach/programme-scope.ts'
import { normaliseText } from './shared/disclosure.ts'
import { DisclosuresPage } from './views/disclosures.tsx'
import { KeywordsPage } from './views/keywords.tsx'

const keywordInput = z.object({
  locale: z.enum(['id', 'en'], { error: 'validation.choice' }),
  phrase: z
    .string()
    .trim()
    .max(80, { error: 'validation.tooLong' })
    .refine((p) => normaliseText(p).trim().length >= 3, { error: 'keywords.tooShort' }),
})

/** Disclosures on one page of the list; open ones always come first. */
export const DISCLOSURE_PAGE = 100

export function disclosureRoutes(routes: RouteTable, deps: Deps): void {
  const { db } = deps
  commentReviewRoutes(routes, deps)

  /**
   * Referral roles: coordinators and admins read every disclosure, a facilitator those from the sessions
   * they facilitate; a coordinator limited to their own programmes, those of their programmes' sessions.
   */
  const visible = async (c: Context<AppEnv>) => {
    const user = c.get('user')!
    const scope = await scopeOf(c, db)
    let query = db.selectFrom('disclosures as d').innerJoin('sessions as s', 's.id', 'd.sessionId')
    if (!readsAllWords(user.role)) query = query.where('d.sessionId', 'in', wordsSessionIds(db, user)!)
    if (!scope.all) query = query.where('s.programmeId', 'in', [...scope.ids, ''])
    return query
  }

  /** Sessions with written answers nobody has read yet (among those this person reads), most first. */
  const waitingComments = async (c: Context<AppEnv>) => {
    const scope = await scopeOf(c, db)
    const counts = await countWaitingBySession(db, wordsSessionIds(db, c.get('user')!))
    if (counts.size === 0) return []
    const sessions = await db.selectFrom('sessions').select(['id', 'title', 'programmeId']).where('id', 'in', [...counts.keys()]).execute()
    return sessions
      .filter((s) => inScope(scope, s.programmeId))
      .map((s) => ({ sessionId: s.id, sessionTitle: s.title, count: counts.get(s.id)! }))
      .sort((a, b) => b.count - a.count)
  }

  routes.get('/disclosures', 'referral.record', async (c) => {
    const t = c.get('t')
    const page = z.coerce.number().int().min(1).max(100_000).catch(1).parse(c.req.query('page'))
    // Open ones first, so nothing waiting for help slips onto a later page; newest first within each.
    const found = await (await visible(c))
      .select(['d.id', 'd.text', 'd.receivedAt', 'd.handledAt', 'd.sessionId', 's.title as sessionTitle'])
      .orderBy((eb) => eb.case().when('d.handledAt', 'is', null).then(0).else(1).end())
      .orderBy('d.receivedAt', 'desc')
      .offset((page - 1) * DISCLOSURE_PAGE)
      .limit(DISCLOSURE_PAGE + 1)
      .execute()
    const rows = found.slice(0, DISCLOSURE_PAGE)
    const open = Number((await (await visible(c)).select((eb) => eb.fn.countAll().as('n')).where('d.handledAt', 'is', null).executeTakeFirst())?.n ?? 0)
    await insertAuditEntry(db, actorOf(c), 'disclosure.list', { type: 'disclosure' }, { count: rows.length, page })
    c.header('Cache-Control', 'no-store')
    const body = <DisclosuresPage t={t} locale={c.get('locale')} csrf={c.get('csrf')()} rows={rows} open={open} page={page} hasNext={found.length > DISCLOSURE_PAGE} mayEditKeywords={can(c.get('user')!.role, 'referral.view')} waiting={await waitingComments(c)} />
    return renderPage(c, { title: t('disclosure.title'), body })
  })

  routes.post('/disclosures/:id/handled', 'referral.record', async (c) => {
    const mine = await (await visible(c)).select('d.id').where('d.id', '=', c.req.param('id')!).executeTakeFirst()
    if (!mine) throw new Problem('not-found')
    const result = await db
      .updateTable('disclosures')
      .set({ handledAt: new Date().toISOString(), handledBy: c.get('user')!.id })
      .where('id', '=', mine.id)
      .where('handledAt', 'is', null)
      .executeTakeFirst()
    if (!Number(result.numUpdatedRows)) throw new Problem('not-found')
    await insertAuditEntry(db, actorOf(c), 'disclosure.handled', { type: 'disclosure', id: c.req.param('id')! }, {})
    return c.redirect('/disclosures', 303)
  })

  const showKeywords = async (c: Context<AppEnv>, o: { values?: FormValues; errors?: FieldErrors; notice?: string } = {}) => {
    const t = c.get('t')
    const body = <KeywordsPage t={t} csrf={c.get('csrf')()} keywords={await q.listKeywords(db)} values={o.values ?? { locale: c.get('locale') }} errors={o.errors ?? {}} notice={o.notice} />
    return renderPage(c, { title: t('keywords.title'), body, status: o.errors && Object.keys(o.errors).length ? 422 : 200 })
  }

  routes.get('/disclosures/keywords', 'referral.view', (c) => showKeywords(c, { notice: c.req.query('added') ? c.get('t')('keywords.added', { phrase: c.req.query('added')! }) : c.req.query('removed') ? c.get('t')('keywords.removed') : undefined }))

  routes.post('/disclosures/keywords', 'referral.view', async (c) => {
    const values = formStrings(await c.req.parseBody())
    const parsed = validate(keywordInput, values)
    if (!parsed.ok) return showKeywords(c, { values, errors: parsed.errors })
    const phrase = parsed.data.phrase.toLowerCase()
    const exists = (await q.listKeywords(db)).some((k) => k.locale === parsed.data.locale && normaliseText(k.phrase) === normaliseText(phrase))
    if (exists) return showKeywords(c, { values, errors: { phrase: { field: 'phrase', message: 'keywords.exists' } } })
    await db.insertInto('disclosureKeywords').values({ id: crypto.randomUUID(), locale: parsed.data.locale, phrase, createdAt: new Date().toISOString() }).execute()
    await insertAuditEntry(db, actorOf(c), 'disclosure-keyword.add', { type: 'disclosure-keyword' }, { locale: parsed.data.locale, phrase })
    forgetDisclosurePhrases()
    return c.redirect(`/disclosures/keywords?added=${encodeURIComponent(phrase)}`, 303)
  })

  // The step before removing a word (which stops it flagging answers): a page of its own, works without script.
  routes.get('/disclosures/keywords/:id/delete', 'referral.view', async (c) => {
    const t = c.get('t')
    const row = await db.selectFrom('disclosureKeywords').selectAll().where('id', '=', c.req.param('id')!).executeTakeFirst()
    if (!row) throw new Problem('not-found')
    const body = <ConfirmPage csrf={c.get('csrf')()} title={t('keywords.confirmTitle')} text={t('keywords.confirmText', { phrase: row.phrase })} action={c.req.path} confirmLabel={t('keywords.remove')} cancelHref="/disclosures/keywords" cancelLabel={t('common.cancel')} />
    return renderPage(c, { title: t('keywords.confirmTitle'), body })
  })

  routes.post('/disclosures/keywords/:id/delete', 'referral.view', async (c) => {
    const row = await db.selectFrom('disclosureKeywords').selectAll().where('id', '=', c.req.param('id')!).executeTakeFirst()
    if (!row) throw new Problem('not-found')
    await db.deleteFrom('disclosureKeywords').where('id', '=', row.id).execute()
    await insertAuditEntry(db, actorOf(c), 'disclosure-keyword.remove', { type: 'disclosure-keyword', id: row.id }, { locale: row.locale, phrase: row.phrase })
    forgetDisclosurePhrases()
    return c.redirect('/disclosures/keywords?removed=1', 303)
  })
}
