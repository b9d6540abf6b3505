import { describe, expect, it } from 'vitest'
import { Agent, aUser, loginAs, sessionAgent, TEST_PASSWORD, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { createApiToken } from './api-tokens.ts'
import { Problem } from '../platform/http/problems.ts'

const jaga = useTestApp()
const cli = { id: null, label: 'cli' }

const api = (path: string, token: string, init: RequestInit = {}, lang = 'en') =>
  jaga.request(`http://localhost${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Accept-Language': lang } })

async function personWithToken(role: 'facilitator' | 'coordinator' = 'facilitator', expiresInDays?: number) {
  const user = await aUser(jaga, role)
  const token = await createApiToken(jaga.db, cli, user.email, 'laptop script', { expiresInDays })
  const row = await jaga.db.selectFrom('apiTokens').selectAll().where('userId', '=', user.id).orderBy('createdAt', 'desc').executeTakeFirstOrThrow()
  return { user, token, row }
}

const tokenRow = (id: string) => jaga.db.selectFrom('apiTokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

describe('API token lifecycle', () => {
  it('refuses an expired token with 401 and a problem that says it expired', async () => {
    const { token, row } = await personWithToken('facilitator', 30)
    expect(Date.parse(row.expiresAt!) - Date.now()).toBeGreaterThan(29.9 * 24 * 3600 * 1000)
    expect((await api('/api/v1/me', token)).status).toBe(200)
    await jaga.db.updateTable('apiTokens').set({ expiresAt: new Date(Date.now() - 1000).toISOString() }).where('id', '=', row.id).execute()
    const res = await api('/api/v1/me', token, {}, 'id')
    expect(res.status).toBe(401)
    expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
    expect(res.headers.get('WWW-Authenticate')).toContain('error_description="expired"')
    expect((await res.json()).detail).toBe('Token API ini sudah kedaluwarsa. Minta admin membuat token baru.')
  })

  it('refuses an expiry that is not a whole number of days from 1 to 3650', async () => {
    const user = await aUser(jaga, 'partner')
    for (const days of [0, 1.5, 3651, 'soon']) {
      const refused = await createApiToken(jaga.db, cli, user.email, 'x', { expiresInDays: days }).catch((e: unknown) => e)
      expect(refused).toBeInstanceOf(Problem)
      expect((refused as Problem).errors).toEqual([{ field: 'expiresInDays', message: 'account.expiryDays' }])
    }
    expect(await jaga.db.selectFrom('apiTokens').select('id').where('userId', '=', user.id).execute()).toEqual([])
  })

  it('records when a token was last used, writing at most once a minute', async () => {
    const { token, row } = await personWithToken()
    expect(row.lastUsedAt).toBeNull()
    const before = Date.now()
    expect((await api('/api/v1/areas', token)).status).toBe(200)
    const first = (await tokenRow(row.id)).lastUsedAt!
    expect(Date.parse(first)).toBeGreaterThanOrEqual(before - 1000)
    await api('/api/v1/areas', token)
    expect((await tokenRow(row.id)).lastUsedAt).toBe(first)
    // Two minutes later the next call is recorded again.
    const twoMinutesAgo = new Date(Date.now() - 120_000).toISOString()
    await jaga.db.updateTable('apiTokens').set({ lastUsedAt: twoMinutesAgo }).where('id', '=', row.id).execute()
    await api('/api/v1/me', token)
    expect(Date.parse((await tokenRow(row.id)).lastUsedAt!)).toBeGreaterThan(Date.parse(twoMinutesAgo) + 60_000)
  })

  it('shows a person their own tokens on My account, linked from the menu, and lets them revoke one', async () => {
    const { user, token, row } = await personWithToken()
    const other = await personWithToken()
    const agent = await sessionAgent(jaga, user)
    expect(await (await agent.get('/areas')).text()).toContain('href="/account"')
    const page = await agent.get('/account')
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(textOf(html)).toContain('laptop script')
    expect(textOf(html)).toContain('Never')
    expect(html).toContain(`/account/tokens/${row.id}/revoke`)
    expect(html).not.toContain(token)
    expect(html).not.toContain(row.tokenHash)
    expect(html).not.toContain(other.row.id)

    // Someone else's token id is "not found" here, and keeps working.
    expect((await agent.post(`/account/tokens/${other.row.id}/revoke`)).status).toBe(404)
    expect((await api('/api/v1/me', other.token)).status).toBe(200)
    // The form needs the CSRF token like every other.
    expect((await agent.post(`/account/tokens/${row.id}/revoke`, { _csrf: 'forged' })).status).toBe(403)

    const revoked = await agent.post(`/account/tokens/${row.id}/revoke`)
    expect(revoked.status).toBe(303)
    expect(revoked.headers.get('Location')).toBe('/account?revoked=1')
    expect(textOf(await (await agent.get('/account?revoked=1')).text())).toContain('The token is revoked.')
    const res = await api('/api/v1/me', token)
    expect(res.status).toBe(401)
    expect((await res.json()).detail).toBe('The API token is unknown or has been revoked.')
    const audit = await jaga.db.selectFrom('auditEntries').select(['action', 'actorLabel']).where('subjectId', '=', row.id).orderBy('at').execute()
    expect(audit).toEqual([
      { action: 'token.create', actorLabel: 'cli' },
      { action: 'token.revoke', actorLabel: user.email },
    ])
  })

  it('lets an admin see and revoke another person’s tokens on that person’s page', async () => {
    const { user, token, row } = await personWithToken('coordinator')
    const { agent: admin } = await loginAs(jaga, 'admin', 'id')
    const page = await admin.get(`/admin/users/${user.id}`)
    const html = await page.text()
    expect(textOf(html)).toContain('Token API')
    expect(textOf(html)).toContain('laptop script')
    expect(html).not.toContain(token)
    expect((await admin.post(`/admin/users/${user.id}/tokens/${row.id}/revoke`)).status).toBe(303)
    expect((await api('/api/v1/me', token)).status).toBe(401)
    expect(textOf(await (await admin.get(`/admin/users/${user.id}`)).text())).toContain('Dicabut')
    // A token id under another person's page is not found.
    const other = await personWithToken()
    expect((await admin.post(`/admin/users/${user.id}/tokens/${other.row.id}/revoke`)).status).toBe(404)
    expect((await api('/api/v1/me', other.token)).status).toBe(200)
  })

  it('ends a person’s tokens and sign-in sessions when an admin makes a password reset link, and audits it', async () => {
    const { user, token } = await personWithToken()
    // Signed in through the form, so this browser is also trusted for the account (sign-in-throttle.ts).
    const person = new Agent(jaga)
    expect((await person.post('/login', { email: user.email, password: TEST_PASSWORD })).status).toBe(303)
    expect((await person.get('/areas')).status).toBe(200)
    const { agent: admin } = await loginAs(jaga, 'admin')
    expect((await admin.post(`/admin/users/${user.id}/password-link`)).status).toBe(200)
    expect((await api('/api/v1/me', token)).status).toBe(401)
    expect((await person.get('/areas')).status).toBe(303)
    const entry = await jaga.db.selectFrom('auditEntries').select(['summary']).where('subjectId', '=', user.id).where('action', '=', 'user.reset-password').executeTakeFirstOrThrow()
    expect(JSON.parse(entry.summary)).toEqual({ email: user.email, sessionsEnded: 1, tokensRevoked: 1, devicesForgotten: 1 })
  })

  it('lists and revokes one’s own tokens through the JSON API, never showing a secret', async () => {
    const { user, token, row } = await personWithToken()
    const second = await createApiToken(jaga.db, cli, user.email, 'second')
    const other = await personWithToken()
    const list = await api('/api/v1/me/tokens', token)
    expect(list.status).toBe(200)
    const text = await list.text()
    expect(text).not.toContain(token)
    expect(text).not.toContain(row.tokenHash)
    const { tokens } = JSON.parse(text) as { tokens: Record<string, unknown>[] }
    expect(tokens.map((k) => k.label).sort()).toEqual(['laptop script', 'second'])
    expect(Object.keys(tokens[0]!).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'label', 'lastUsedAt', 'revokedAt', 'status'])

    expect((await api(`/api/v1/me/tokens/${other.row.id}/revoke`, token, { method: 'POST' })).status).toBe(404)
    const revoked = await api(`/api/v1/me/tokens/${row.id}/revoke`, second, { method: 'POST' })
    expect(revoked.status).toBe(200)
    expect(await revoked.json()).toMatchObject({ id: row.id, status: 'revoked' })
    expect((await api('/api/v1/me', token)).status).toBe(401)
    expect((await api('/api/v1/me', second)).status).toBe(200)
    const doc = await (await jaga.request('http://localhost/api/v1/openapi.json')).json()
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/me/tokens', '/api/v1/me/tokens/{id}/revoke']))
  })
})
