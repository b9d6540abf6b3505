import { describe, expect, it } from 'vitest'
import { Agent, aUser, loginAs, TEST_PASSWORD, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'

const jaga = useTestApp()

describe('signing in and out', () => {
  it('signs in with the right password, sets a safe session cookie and opens the start page', async () => {
    const user = await aUser(jaga, 'facilitator')
    const agent = new Agent(jaga).lang('en')
    const res = await agent.post('/login', { email: user.email.toUpperCase(), password: TEST_PASSWORD })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/home')
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('jaga_session='))!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).not.toMatch(/Secure/i)
    const page = await agent.get('/home')
    expect(page.status).toBe(200)
    expect(page.headers.get('Cache-Control')).toBe('private, no-store')
    expect(textOf(await page.text())).toContain(`Signed in as ${user.displayName}`)
  })

  it('marks the session cookie Secure when the site is served over HTTPS', async () => {
    const user = await aUser(jaga, 'partner')
    const agent = new Agent(jaga, 'https://jaga.example.org')
    const res = await agent.post('/login', { email: user.email, password: TEST_PASSWORD })
    expect(res.headers.getSetCookie().find((c) => c.startsWith('jaga_session='))).toMatch(/;\s*Secure/i)
  })

  it('refuses a wrong password with a message in the visitor’s language and no cookie', async () => {
    const user = await aUser(jaga, 'facilitator')
    const agent = new Agent(jaga).lang('id')
    const res = await agent.post('/login', { email: user.email, password: 'not the password' })
    expect(res.status).toBe(401)
    expect(res.headers.getSetCookie().some((c) => c.startsWith('jaga_session='))).toBe(false)
    expect(textOf(await res.text())).toContain('Email atau kata sandi salah')
  })

  it('shows each missing field next to the field (422), keeping the email typed', async () => {
    const agent = new Agent(jaga).lang('en')
    const res = await agent.post('/login', { email: 'someone@example.org', password: '' })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toMatch(/id="f-password-error">This field is required\./)
    expect(html).toContain('value="someone@example.org"')
  })

  it('slows a browser it does not know down after 5 failed attempts on one account, even with the right password', async () => {
    const user = await aUser(jaga, 'coordinator')
    const agent = new Agent(jaga).lang('en')
    for (let i = 0; i < 5; i++) expect((await agent.post('/login', { email: user.email, password: `wrong ${i}` })).status).toBe(401)
    const res = await agent.post('/login', { email: user.email, password: TEST_PASSWORD })
    expect(res.status).toBe(429)
    const retryAfter = Number(res.headers.get('Retry-After'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(30)
    expect(textOf(await res.text())).toContain('Too many failed attempts. Try again in 1 min.')
    // Another account is not affected.
    const other = await aUser(jaga, 'coordinator')
    expect((await new Agent(jaga).post('/login', { email: other.email, password: TEST_PASSWORD })).status).toBe(303)
  })

  it('ends the login session on sign-out, so the old cookie no longer works', async () => {
    const { agent } = await loginAs(jaga, 'admin')
    const token = agent.cookies.get('jaga_session')!
    expect((await agent.post('/logout')).status).toBe(303)
    const replay = new Agent(jaga)
    replay.cookies.set('jaga_session', token)
    const res = await replay.get('/areas')
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/login?next=%2Fareas')
  })

  it('sends a signed-out visitor to sign in and back to the page asked for', async () => {
    const user = await aUser(jaga, 'admin')
    const agent = new Agent(jaga)
    const res = await agent.post('/login?next=%2Fadmin%2Fusers', { email: user.email, password: TEST_PASSWORD })
    expect(res.headers.get('Location')).toBe('/admin/users')
    // but never to another site
    const evil = await new Agent(jaga).post('/login?next=%2F%2Fevil.example', { email: user.email, password: TEST_PASSWORD })
    expect(evil.headers.get('Location')).toBe('/home')
  })
})

describe('CSRF protection', () => {
  it('gives the sign-in form a token matching an HttpOnly cookie', async () => {
    const res = await jaga.request('http://localhost/login')
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('jaga_csrf='))!
    expect(cookie).toMatch(/HttpOnly/i)
    const value = cookie.split(';')[0]!.split('=')[1]
    expect(await res.text()).toContain(`name="_csrf" value="${value}"`)
  })

  it('refuses a form posted without the token, with an explanation', async () => {
    const user = await aUser(jaga, 'admin')
    const res = await jaga.request('http://localhost/login', {
      method: 'POST',
      body: new URLSearchParams({ email: user.email, password: TEST_PASSWORD }),
      headers: { Cookie: 'jaga_lang=en' },
    })
    expect(res.status).toBe(403)
    expect(textOf(await res.text())).toContain('The form has expired')
  })

  it('refuses a form posted from another site even with a token', async () => {
    const agent = new Agent(jaga)
    const res = await agent.post('/login', { email: 'a@example.org', password: 'x' }, { Origin: 'https://evil.example' })
    expect(res.status).toBe(403)
  })
})

describe('security headers', () => {
  it('sends a strict Content-Security-Policy with no inline script', async () => {
    const res = await jaga.request('http://localhost/login')
    const csp = res.headers.get('Content-Security-Policy')!
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(await res.text()).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/)
  })
})
