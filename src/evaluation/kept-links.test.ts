// The collect API keeps links by token (collect-routes.tsx) so a phone's answer reads its link once.
// Every change below is written straight into the database, as another app server on the same
// PostgreSQL (or staff on this one) would: the very next answer must see it.
import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../../test/harness.ts'
import { aCode, aSessionWithLinks, parentsAnswers } from '../../test/evaluation-builders.ts'
import { flushSubmissionCounts } from './submission-counts.ts'

const jaga = useTestApp()

const send = (token: string, code = aCode('KL')) =>
  jaga.request(`http://localhost/api/v1/collect/${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: crypto.randomUUID(), code, answers: parentsAnswers(5) }) })

async function keptPreLink() {
  const s = await aSessionWithLinks(jaga)
  const token = s.token('pre')
  // Two answers: the link is read and then kept.
  expect((await send(token)).status).toBe(201)
  expect((await send(token)).status).toBe(201)
  const setLink = (values: Partial<{ closedAt: string | null; opensAt: string | null; closesAt: string | null; codeElements: string }>) => jaga.db.updateTable('collectionLinks').set(values).where('token', '=', token).execute()
  const stored = async () => Number((await jaga.db.selectFrom('submissions').select((e) => e.fn.countAll<number>().as('n')).where('sessionId', '=', s.session.id).executeTakeFirstOrThrow()).n)
  return { ...s, token, setLink, stored }
}

describe('a questionnaire link kept by the collect API', () => {
  it('refuses the next answer at once when the link is closed, and takes the one after it is reopened', async () => {
    const link = await keptPreLink()
    await link.setLink({ closedAt: new Date().toISOString() })
    const refused = await send(link.token)
    expect(refused.status).toBe(409)
    expect(await link.stored()).toBe(2)
    await link.setLink({ closedAt: null })
    expect((await send(link.token)).status).toBe(201)
    expect(await link.stored()).toBe(3)
  })

  it('refuses the next answer at once when its closing time has passed', async () => {
    const link = await keptPreLink()
    await link.setLink({ closesAt: new Date(Date.now() - 1000).toISOString() })
    expect((await send(link.token)).status).toBe(409)
    expect(await link.stored()).toBe(2)
  })

  it('answers 409 with Retry-After at once when its opening time is moved later', async () => {
    const link = await keptPreLink()
    await link.setLink({ opensAt: new Date(Date.now() + 3600_000).toISOString() })
    const refused = await send(link.token)
    expect(refused.status).toBe(409)
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(3500)
    expect(await link.stored()).toBe(2)
  })

  it('refuses the next answer at once when the session is cancelled', async () => {
    const link = await keptPreLink()
    await jaga.db.updateTable('sessions').set({ status: 'cancelled' }).where('id', '=', link.session.id).execute()
    expect((await send(link.token)).status).toBe(409)
    expect(await link.stored()).toBe(2)
  })

  it('checks the next answer against code parts changed since it was kept', async () => {
    const s = await aSessionWithLinks(jaga)
    const token = s.token('pre')
    // A refused answer (a code part missing) is enough for the link to be read and kept.
    expect((await send(token, { mother: 'KL', day: '7', own: 'A' } as ReturnType<typeof aCode>)).status).toBe(422)
    await jaga.db.updateTable('collectionLinks').set({ codeElements: JSON.stringify(['mother', 'day', 'own']) }).where('sessionId', '=', s.session.id).execute()
    expect((await send(token, { mother: 'KL', day: '7', own: 'A' } as ReturnType<typeof aCode>)).status).toBe(201)
    // Stored under the three parts the link has now (a part not asked for is ignored).
    const row = await jaga.db.selectFrom('submissions').select('code').where('sessionId', '=', s.session.id).executeTakeFirstOrThrow()
    expect(row.code.split('-')).toHaveLength(3)
  })

  it('answers 404 at once for a link that is gone', async () => {
    const link = await keptPreLink()
    await flushSubmissionCounts(jaga.db)
    await jaga.db.deleteFrom('submissions').where('sessionId', '=', link.session.id).execute()
    await jaga.db.deleteFrom('collectionLinks').where('token', '=', link.token).execute()
    expect((await send(link.token)).status).toBe(404)
  })
})
