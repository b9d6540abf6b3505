import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent } from '../../../test/agent.ts'
import { dialect, freshDatabase, useTestApp } from '../../../test/harness.ts'
import { createApp } from '../../app.ts'
import { loadConfig } from '../../config.ts'
import { aSessionWithLinks } from '../../../test/evaluation-builders.ts'
import { createLogger } from '../log.ts'
import { storableText } from '../db/storable-text.ts'
import { redactedPath, requestLog } from './middleware.ts'

const jaga = useTestApp()

describe('characters no database can keep', () => {
  it('turns NUL and lone surrogates into U+FFFD and keeps every real character, emoji included', () => {
    expect(storableText('a\u0000b')).toBe('a\uFFFDb')
    expect(storableText('x\uD800y\uDC00z')).toBe('x\uFFFDy\uFFFDz')
    expect(storableText('anak 👧 aman')).toBe('anak 👧 aman')
  })

  for (const path of ['/q/%00', '/q/%ED%A0%80', '/q/%E0%A4%A', '/sessions/%00/evaluation', '/sessions/x%0d%0aSet-Cookie:%20a=b/evaluation/follow-up']) {
    it(`answers ${path} with 404, not 500`, async () => {
      expect((await jaga.request(`http://localhost${path}`)).status).toBe(404)
    })
  }

  it('answers a submission to a NUL link with 404', async () => {
    const res = await jaga.request('http://localhost/api/v1/collect/%00', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
    expect(res.status).toBe(404)
  })

  it('stores a staff form with a NUL in it, marked where the character was', async () => {
    const agent = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    const res = await agent.post('/partners', { name: 'Yayasan\u0000 Pelita', kind: 'ngo' })
    expect(res.status).toBe(303)
    const stored = await jaga.db.selectFrom('partners').select('name').where('name', 'like', 'Yayasan%Pelita').executeTakeFirstOrThrow()
    expect(stored.name).toBe('Yayasan\uFFFD Pelita')
  })

  it('keeps a lone surrogate written straight to the database, on both databases alike', async () => {
    await jaga.db.insertInto('auditEntries').values({ id: crypto.randomUUID(), at: new Date().toISOString(), actorId: null, actorLabel: 'test', action: 'test.surrogate', subjectType: 'x', subjectId: null, summary: '"\uD83D"' }).execute()
    const row = await jaga.db.selectFrom('auditEntries').select('summary').where('action', '=', 'test.surrogate').executeTakeFirstOrThrow()
    expect(row.summary).toBe('"\uFFFD"')
  })

  it('keeps a disclosure with a NUL in it, with its answers', async () => {
    const link = { token: (await aSessionWithLinks(jaga)).token('feedback') }
    const id = crypto.randomUUID()
    const body = { id, code: { mother: 'SR', day: '7', own: 'A', siblings: '2' }, answers: { useful: '5', clear: '5', want_to_know: 'anak saya diancam\u0000 akan disebar fotonya' } }
    const res = await jaga.request(`http://localhost/api/v1/collect/${link.token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    expect(res.status).toBeLessThan(300)
    expect(await jaga.db.selectFrom('submissions').select('id').where('id', '=', id).executeTakeFirst()).toBeDefined()
    const disclosure = await jaga.db.selectFrom('disclosures').select('text').where('submissionId', '=', id).executeTakeFirstOrThrow()
    expect(disclosure.text).toContain('diancam\uFFFD')
  })
})

describe('what the request log keeps', () => {
  it('replaces the secret in a set-password, calendar, questionnaire or submission path', () => {
    expect(redactedPath('/access/Ab3_secret-token')).toBe('/access/…')
    expect(redactedPath('/ical/0123456789abcdef.ics')).toBe('/ical/…')
    expect(redactedPath('/q/k7mx2p9qrt')).toBe('/q/…')
    expect(redactedPath('/q/k7mx2p9qrt/thanks')).toBe('/q/…/thanks')
    expect(redactedPath('/api/v1/collect/k7mx2p9qrt')).toBe('/api/v1/collect/…')
    expect(redactedPath('/id/pustaka/sextortion')).toBe('/id/pustaka/sextortion')
  })

  it('writes the redacted path in the request line', async () => {
    const lines: string[] = []
    const app = new Hono()
    app.use(requestLog(createLogger('info', (l) => lines.push(l))) as never)
    app.get('/q/:token', (c) => c.text('ok'))
    await app.request('http://localhost/q/k7mx2p9qrt')
    expect(lines.join('')).not.toContain('k7mx2p9qrt')
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'request', path: '/q/…' })
  })
})

describe('a malformed Origin header', () => {
  it('is refused like another site’s, with 403, not a 500', async () => {
    const agent = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    const res = await agent.post('/partners', { name: 'Yayasan Origin', kind: 'ngo' }, { Origin: 'bad' })
    expect(res.status).toBe(403)
  })
})

describe('the error log', () => {
  it('keeps no secret of the path of a request that failed', async () => {
    const lines: string[] = []
    const testDb = await freshDatabase()
    try {
      const app = createApp({ db: testDb.db, log: createLogger('error', (l) => lines.push(l)), config: { ...loadConfig({}), logLevel: 'error' }, dialect })
      await app.ready
      app.app.get('/q/:token/fail', () => {
        throw new Error('boom')
      })
      expect((await app.app.request('http://localhost/q/k7mx2p9qrt/fail')).status).toBe(500)
      expect(lines.join('')).toContain('unhandled error')
      expect(lines.join('')).not.toContain('k7mx2p9qrt')
    } finally {
      await testDb.drop()
    }
  })
})

describe('security headers', () => {
  it('sends HSTS only over HTTPS and one frame policy, in the CSP', async () => {
    const plain = await jaga.request('http://localhost/en/library')
    expect(plain.headers.get('Strict-Transport-Security')).toBeNull()
    expect(plain.headers.get('X-Frame-Options')).toBeNull()
    expect(plain.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'")
    const secure = await jaga.request('https://localhost/en/library')
    expect(secure.headers.get('Strict-Transport-Security')).toContain('max-age=')
  })

  it('does not name the database to anonymous callers of the health probe', async () => {
    expect(await (await jaga.request('http://localhost/healthz')).json()).toEqual({ status: 'ok' })
  })
})

describe('refused staff writes', () => {
  it('leave an audit entry with who, where and how, never what was sent', async () => {
    const agent = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    const res = await agent.post('/partners', { name: '', kind: 'ngo', contactName: 'Ibu Rahmawati rahasia' })
    expect(res.status).toBe(422)
    const entries = await jaga.db.selectFrom('auditEntries').select(['action', 'summary', 'subjectType']).where('action', '=', 'write.refused').execute()
    expect(entries.length).toBeGreaterThan(0)
    const last = entries.at(-1)!
    expect(JSON.parse(last.summary)).toEqual({ method: 'POST', path: '/partners', status: 422 })
    expect(entries.map((e) => e.summary).join('')).not.toContain('Rahmawati')
  })

  it('are recorded also when refused before sign-in is read: a bad CSRF token (403) and a body too large (413)', async () => {
    const user = await aUser(jaga, 'coordinator')
    const agent = await sessionAgent(jaga, user)
    const forged = new URLSearchParams({ _csrf: 'not-the-token', name: 'Yayasan', kind: 'ngo' })
    expect((await agent.send('/partners', { method: 'POST', body: forged })).status).toBe(403)
    const big = new URLSearchParams({ _csrf: agent.csrf, name: 'x'.repeat(3 * 1024 * 1024), kind: 'ngo' })
    expect((await agent.send('/partners', { method: 'POST', body: big })).status).toBe(413)
    const mine = await jaga.db.selectFrom('auditEntries').select('summary').where('action', '=', 'write.refused').where('actorId', '=', user.id).execute()
    expect(mine.map((e) => JSON.parse(e.summary).status).sort()).toEqual([403, 413])
  })
})
