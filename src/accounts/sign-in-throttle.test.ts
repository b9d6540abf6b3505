import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Agent, aUser, TEST_PASSWORD } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { sha256 } from './secrets.ts'
import { addressBucket } from './sign-in-throttle.ts'
import { createPasswordLink } from './users.ts'

// Behind one reverse proxy, as the audit ran it (JAGA_TRUST_PROXY=1).
const jaga = useTestApp({ JAGA_TRUST_PROXY: '1' })

const attemptsOf = (email: string) => jaga.db.selectFrom('signInAttempts').select(['ip', 'outcome', 'device']).where('email', '=', email).execute()
const wrong = (agent: Agent, email: string, xff: string) => agent.post('/login', { email, password: 'not the password' }, { 'X-Forwarded-For': xff })

describe('sign-in throttling behind a proxy', () => {
  it('counts a failure with a long or forged X-Forwarded-For instead of answering 500', async () => {
    const user = await aUser(jaga, 'coordinator')
    const agent = new Agent(jaga)
    expect((await wrong(agent, user.email, `${'a'.repeat(200)}, 203.0.113.7`)).status).toBe(401)
    expect((await wrong(agent, user.email, 'x'.repeat(300))).status).toBe(401)
    expect((await wrong(agent, user.email, '<script>, 999.1.1.1')).status).toBe(401)
    // The proxy's own hop (right-most) is the client; what is not an address is never stored.
    expect((await attemptsOf(user.email)).map((a) => [a.ip, a.outcome])).toEqual([
      ['203.0.113.7', 'failure'],
      ['unknown', 'failure'],
      ['unknown', 'failure'],
    ])
  })

  it('reads the client from the right, so a forged left-most address does not spread guesses over many addresses', async () => {
    const agent = new Agent(jaga)
    for (let i = 0; i < 30; i++) {
      const email = `nobody${i}-${crypto.randomBytes(3).toString('hex')}@example.org`
      expect((await wrong(agent, email, `10.0.${i}.1, 198.51.100.9`)).status).toBe(401)
    }
    expect((await wrong(agent, 'yet-another@example.org', '10.9.9.9, 198.51.100.9')).status).toBe(429)
    // Another address is not slowed down by it.
    expect((await wrong(agent, 'yet-another@example.org', '198.51.100.10')).status).toBe(401)
  })

  it('checks at most 5 passwords of one account however many guesses arrive at once', async () => {
    const user = await aUser(jaga, 'coordinator')
    const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => wrong(new Agent(jaga), user.email, `192.0.2.${i + 1}`).then((r) => r.status)))
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5)
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(35)
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true)
  })

  it('does not let a stranger lock the owner out of a browser they signed in with before', async () => {
    const user = await aUser(jaga, 'facilitator')
    const owner = new Agent(jaga)
    expect((await owner.post('/login', { email: user.email, password: TEST_PASSWORD }, { 'X-Forwarded-For': '203.0.113.50' })).status).toBe(303)
    expect(owner.cookies.get('jaga_device')).toMatch(/^[\w-]{43}$/)
    owner.cookies.delete('jaga_session')

    const stranger = new Agent(jaga)
    for (let i = 0; i < 5; i++) expect((await wrong(stranger, user.email, '198.51.100.77')).status).toBe(401)
    expect((await wrong(stranger, user.email, '198.51.100.77')).status).toBe(429)
    // The owner's browser is trusted for this account: the stranger's failures do not count against it.
    expect((await owner.post('/login', { email: user.email, password: TEST_PASSWORD }, { 'X-Forwarded-For': '203.0.113.50' })).status).toBe(303)
    // A browser that never signed in to the account waits like the stranger (documented in docs/security.md).
    expect((await new Agent(jaga).post('/login', { email: user.email, password: TEST_PASSWORD }, { 'X-Forwarded-For': '203.0.113.51' })).status).toBe(429)
  })

  it('slows a trusted browser down by its own failures only', async () => {
    const user = await aUser(jaga, 'facilitator')
    const owner = new Agent(jaga)
    await owner.post('/login', { email: user.email, password: TEST_PASSWORD }, { 'X-Forwarded-For': '203.0.113.60' })
    owner.cookies.delete('jaga_session')
    for (let i = 0; i < 10; i++) expect((await wrong(owner, user.email, '203.0.113.60')).status).toBe(401)
    expect((await wrong(owner, user.email, '203.0.113.60')).status).toBe(429)
    const rows = await attemptsOf(user.email)
    expect(rows.every((r) => r.device === sha256(owner.cookies.get('jaga_device')!))).toBe(true)
  })
})

describe('trusted browsers and IPv6 addresses', () => {
  it('counts an IPv6 address by its /64, so a new address per guess does not escape the limit', async () => {
    expect(addressBucket('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64')
    expect(addressBucket('2001:0db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressBucket('203.0.113.7')).toBe('203.0.113.7')
    const agent = new Agent(jaga)
    for (let i = 0; i < 30; i++) expect((await wrong(agent, `six${i}-${crypto.randomBytes(3).toString('hex')}@example.org`, `2001:db8:aa:bb::${(i + 1).toString(16)}`)).status).toBe(401)
    expect((await wrong(agent, 'six-last@example.org', '2001:db8:aa:bb:ffff::1')).status).toBe(429)
  })

  it('forgets the trusted browsers of an account when an admin makes a password reset link', async () => {
    const user = await aUser(jaga, 'facilitator')
    const owner = new Agent(jaga)
    await owner.post('/login', { email: user.email, password: TEST_PASSWORD }, { 'X-Forwarded-For': '203.0.113.80' })
    owner.cookies.delete('jaga_session')
    await createPasswordLink(jaga.db, { id: null, label: 'test' }, user.id)
    for (let i = 0; i < 5; i++) expect((await wrong(new Agent(jaga), user.email, '198.51.100.88')).status).toBe(401)
    // The phone that signed in before the reset is a stranger now: it waits like the guesser.
    expect((await owner.post('/login', { email: user.email, password: TEST_PASSWORD }, { 'X-Forwarded-For': '203.0.113.80' })).status).toBe(429)
  })

  it('treats a browser unused for half a year as one it does not know', async () => {
    const user = await aUser(jaga, 'facilitator')
    const owner = new Agent(jaga)
    await owner.post('/login', { email: user.email, password: TEST_PASSWORD }, { 'X-Forwarded-For': '203.0.113.90' })
    owner.cookies.delete('jaga_session')
    await jaga.db.updateTable('trustedDevices').set({ lastUsedAt: new Date(Date.now() - 181 * 24 * 3600 * 1000).toISOString() }).where('email', '=', user.email).execute()
    for (let i = 0; i < 5; i++) expect((await wrong(new Agent(jaga), user.email, '198.51.100.99')).status).toBe(401)
    expect((await owner.post('/login', { email: user.email, password: TEST_PASSWORD }, { 'X-Forwarded-For': '203.0.113.90' })).status).toBe(429)
  })
})

describe('login sessions', () => {
  it('end 30 days after sign-in however often they are used, and expired ones are deleted at the next sign-in', async () => {
    const user = await aUser(jaga, 'coordinator')
    const agent = new Agent(jaga)
    expect((await agent.post('/login', { email: user.email, password: TEST_PASSWORD })).status).toBe(303)
    expect((await agent.get('/areas')).status).toBe(200)
    const id = sha256(agent.cookies.get('jaga_session')!)
    const longAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000).toISOString()
    await jaga.db.updateTable('loginSessions').set({ createdAt: longAgo, lastSeenAt: new Date().toISOString() }).where('id', '=', id).execute()
    const res = await agent.get('/areas')
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toContain('/login')
    await new Agent(jaga).post('/login', { email: user.email, password: TEST_PASSWORD })
    expect(await jaga.db.selectFrom('loginSessions').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined()
  })
})

describe('where a "next" address may lead', () => {
  for (const next of ['/%09/evil.example', '//evil.example', '/%5Cevil.example', '/%5C%5Cevil.example', 'https://evil.example', '/%0d%0aSet-Cookie:%20x=1', '/%00', '/\t/evil.example', '/.//evil.example', '/..//evil.example', '/%2e%2e//evil.example', '/x/..//evil.example', '/./%2F/evil.example']) {
    it(`stays on this site for next=${next}`, async () => {
      const res = await jaga.request(`http://localhost/lang/en?next=${next}`)
      expect(res.status).toBe(303)
      expect(res.headers.get('Location')).toBe('/')
    })
  }

  it('keeps an address on this site, with its query', async () => {
    const res = await jaga.request('http://localhost/lang/en?next=/en/library%3Fq%3Dfoto')
    expect(res.headers.get('Location')).toBe('/en/library?q=foto')
  })

  it('sends a signed-in person only to this site after signing in', async () => {
    const user = await aUser(jaga, 'coordinator')
    const res = await new Agent(jaga).post('/login?next=/%09/evil.example', { email: user.email, password: TEST_PASSWORD })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/home')
  })
})
