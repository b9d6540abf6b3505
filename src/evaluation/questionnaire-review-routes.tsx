// Checking a questionnaire version (questionnaire-review.ts): the builder's "mark as checked" form and the JSON API.
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv, Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { Problem } from '../platform/http/problems.ts'
import { fieldErrorsOf, formStrings, type FieldErrors, type FormValues } from '../platform/http/forms.ts'
import { readJson } from '../platform/http/json.ts'
import { checkVersion, getVersionCheck, MAX_CHECK_NOTE, reviewJson } from './questionnaire-review.ts'

// The fingerprint (from the review API) is of the text the caller read: a check of changed text is refused.
const checkBody = z.object({ fingerprint: z.string().max(64), note: z.string().max(MAX_CHECK_NOTE, { error: 'validation.tooLong' }).default('') })

/** Shows the builder again with the check form's field errors (422). */
export type ShowBuilder = (c: Context<AppEnv>, o: { reviewValues: FormValues; reviewErrors: FieldErrors }) => Promise<Response>

const versionNumber = (text: string | undefined): number => {
  const parsed = z.coerce.number().int().min(1).max(1_000_000).safeParse(text)
  if (!parsed.success) throw new Problem('not-found')
  return parsed.data
}

export function questionnaireReviewRoutes(routes: RouteTable, deps: Deps, showBuilder: ShowBuilder): void {
  const { db } = deps

  routes.post('/questionnaires/:key/versions/:version/check', 'programme.edit', async (c) => {
    const key = c.req.param('key')!
    const version = versionNumber(c.req.param('version'))
    const values = formStrings(await c.req.parseBody())
    try {
      await checkVersion(db, actorOf(c), key, version, (values['fingerprint'] ?? '').slice(0, 64), (values['note'] ?? '').slice(0, 10_000))
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return showBuilder(c, { reviewValues: values, reviewErrors: fieldErrorsOf(e) })
      throw e
    }
    return c.redirect(`/questionnaires/${key}/edit?checked=${version}`, 303)
  })

  routes.get('/api/v1/questionnaires/:key/review', 'programme.view', async (c) => {
    const wanted = c.req.query('version')
    const check = await getVersionCheck(db, c.req.param('key')!, wanted === undefined ? undefined : versionNumber(wanted))
    return c.json({ key: c.req.param('key'), version: check.version, review: reviewJson(check) })
  })

  routes.post('/api/v1/questionnaires/:key/versions/:version/check', 'programme.edit', async (c) => {
    // {"fingerprint": "...", "note": "..."}: the fingerprint as the review API gave it with the text read.
    const body = await readJson(c, checkBody)
    const key = c.req.param('key')!
    const check = await checkVersion(db, actorOf(c), key, versionNumber(c.req.param('version')), body.fingerprint, body.note)
    return c.json({ key, version: check.version, review: reviewJson(check) })
  })
}
