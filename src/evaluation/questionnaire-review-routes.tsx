// Checking a questionnaire version (questionnaire-review.ts): the builder's "mark as checked" form and the JSON API.
import { z } from 'zod'
import type { Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { Problem } from '../platform/http/problems.ts'
import { formStrings } from '../platform/http/forms.ts'
import { readJson } from '../platform/http/json.ts'
import { checkVersion, getVersionCheck, MAX_CHECK_NOTE, reviewJson } from './questionnaire-review.ts'

const checkBody = z.object({ note: z.string().max(MAX_CHECK_NOTE, { error: 'validation.tooLong' }).default('') })

const versionNumber = (text: string | undefined): number => {
  const parsed = z.coerce.number().int().min(1).max(1_000_000).safeParse(text)
  if (!parsed.success) throw new Problem('not-found')
  return parsed.data
}

export function questionnaireReviewRoutes(routes: RouteTable, deps: Deps): void {
  const { db } = deps

  routes.post('/questionnaires/:key/versions/:version/check', 'programme.edit', async (c) => {
    const key = c.req.param('key')!
    const version = versionNumber(c.req.param('version'))
    const note = formStrings(await c.req.parseBody())['note'] ?? ''
    await checkVersion(db, actorOf(c), key, version, note.slice(0, 2000))
    return c.redirect(`/questionnaires/${key}/edit?checked=${version}`, 303)
  })

  routes.get('/api/v1/questionnaires/:key/review', 'programme.view', async (c) => {
    const wanted = c.req.query('version')
    const check = await getVersionCheck(db, c.req.param('key')!, wanted === undefined ? undefined : versionNumber(wanted))
    return c.json({ key: c.req.param('key'), version: check.version, review: reviewJson(check) })
  })

  routes.post('/api/v1/questionnaires/:key/versions/:version/check', 'programme.edit', async (c) => {
    // The body is optional: none, or {"note": "..."}.
    const note = c.req.header('Content-Type') ? (await readJson(c, checkBody)).note : ''
    const key = c.req.param('key')!
    const check = await checkVersion(db, actorOf(c), key, versionNumber(c.req.param('version')), note)
    return c.json({ key, version: check.version, review: reviewJson(check) })
  })
}
