import crypto from 'node:crypto'
import { insertLoginSession } from '../src/accounts/user-queries.ts'
import { sha256 } from '../src/accounts/secrets.ts'
import { createUser } from '../src/accounts/users.ts'
import type { Role } from '../src/accounts/permissions.ts'
import type { PublicUser } from '../src/accounts/user-queries.ts'
import type { Locale } from '../src/platform/i18n/i18n.ts'
import type { TestApp } from './harness.ts'

export const TEST_PASSWORD = 'a long enough password'

/**
 * A browser stand-in over app.request(): keeps cookies, and sends the CSRF token a real browser
 * would have received with the page holding the form.
 */
export class Agent {
  readonly cookies = new Map<string, string>()
  constructor(
    private readonly jaga: TestApp,
    private readonly origin = 'http://localhost',
  ) {
    this.cookies.set('jaga_csrf', crypto.randomBytes(32).toString('base64url'))
  }

  lang(locale: Locale): this {
    this.cookies.set('jaga_lang', locale)
    return this
  }

  get csrf(): string {
    return this.cookies.get('jaga_csrf')!
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(path, { method: 'GET', headers })
  }

  /** Posts a form with the CSRF token added, as the browser would from one of Jaga's pages. */
  async post(path: string, form: Record<string, string> | FormData = {}, headers: Record<string, string> = {}): Promise<Response> {
    let body: FormData | URLSearchParams
    if (form instanceof FormData) {
      if (!form.has('_csrf')) form.set('_csrf', this.csrf)
      body = form
    } else {
      body = new URLSearchParams({ _csrf: this.csrf, ...form })
    }
    return this.send(path, { method: 'POST', body, headers })
  }

  async send(path: string, init: RequestInit & { headers?: Record<string, string> }): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const res = await this.jaga.request(this.origin + path, { ...init, headers: { ...(cookie ? { Cookie: cookie } : {}), ...init.headers } })
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';')
      const [name = '', ...rest] = pair.split('=')
      const value = rest.join('=')
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()))
      if (expired || value === '') this.cookies.delete(name.trim())
      else this.cookies.set(name.trim(), value)
    }
    return res
  }
}

let counter = 0
export async function aUser(jaga: TestApp, role: Role, overrides: { email?: string; displayName?: string } = {}): Promise<PublicUser> {
  counter += 1
  return createUser(jaga.db, { id: null, label: 'test' }, {
    email: overrides.email ?? `${role}${counter}-${crypto.randomBytes(3).toString('hex')}@example.org`,
    role,
    password: TEST_PASSWORD,
    displayName: overrides.displayName ?? `${role} ${counter}`,
  })
}

/** A signed-in agent for a new user of the role, signed in through the real form. */
export async function loginAs(jaga: TestApp, role: Role, locale: Locale = 'en'): Promise<{ agent: Agent; user: PublicUser }> {
  const user = await aUser(jaga, role)
  const agent = new Agent(jaga).lang(locale)
  const res = await agent.post('/login', { email: user.email, password: TEST_PASSWORD })
  if (res.status !== 303) throw new Error(`sign-in as ${role} failed with ${res.status}`)
  return { agent, user }
}

/** Plain text of an HTML page, for asserting on what a person would read. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
}

/** A signed-in agent without going through the password form (fast, for tests that sign in many times). */
export async function sessionAgent(jaga: TestApp, user: PublicUser): Promise<Agent> {
  const token = crypto.randomBytes(32).toString('base64url')
  const now = new Date()
  await insertLoginSession(jaga.db, { id: sha256(token), userId: user.id, now: now.toISOString(), expiresAt: new Date(now.getTime() + 3600_000).toISOString() })
  const agent = new Agent(jaga).lang('en')
  agent.cookies.set('jaga_session', token)
  return agent
}
