// Three app servers on one PostgreSQL behind the shipped nginx site over TLS (issue 16, §3 and §4):
// what docs/scaling.md promises about running several servers, checked through the real stack.
import crypto from 'node:crypto'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_COOKIE } from '../src/accounts/authenticate.ts'
import { createApp } from '../src/app.ts'
import { DEFAULT_LIBRARY_POLL_SECONDS, loadConfig } from '../src/config.ts'
import type { Database } from '../src/database.ts'
import { openStore } from '../src/platform/db/connect.ts'
import { listMigrationNames } from '../src/platform/db/migrate.ts'
import { createLogger } from '../src/platform/log.ts'
import { aUser, TEST_PASSWORD } from '../test/agent.ts'
import { aCode, aSessionWithLinks, parentsAnswers } from '../test/evaluation-builders.ts'
import type { TestApp } from '../test/harness.ts'
import { DEFAULT_PG_URL } from '../test/postgres-setup.ts'
import { startServerProcess, type ServerProcess } from '../test/server-process.ts'
import { SITE_NAME, startNginx, type RunningNginx } from './nginx.ts'
import { cookieAttributes, send, WebClient, type Target } from './web-client.ts'

const ADMIN_URL = process.env.JAGA_TEST_PG_URL ?? DEFAULT_PG_URL
const DB_NAME = `jaga_cluster_${crypto.randomBytes(5).toString('hex')}`
const DB_URL = Object.assign(new URL(ADMIN_URL), { pathname: `/${DB_NAME}` }).toString()
/** What docs/scaling.md states: a publication reaches every server within the poll interval plus the re-render of its cached pages. */
const STATED_MS = (DEFAULT_LIBRARY_POLL_SECONDS + 5) * 1000

let servers: ServerProcess[] = []
let nginx: RunningNginx | undefined
let setup: TestApp | undefined
let site: Target
const direct = (i: number): Target => ({ http: servers[i]!.url })

async function poll<T>(what: string, ms: number, read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const v = await read()
    if (ok(v)) return v
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms (last: ${JSON.stringify(v).slice(0, 200)})`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

async function signedIn(role: 'coordinator' | 'admin' | 'facilitator') {
  const user = await aUser(setup!, role)
  const client = new WebClient(site)
  const res = await client.post('/login', { email: user.email, password: TEST_PASSWORD })
  expect(res.status).toBe(303)
  return { user, client, res }
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`create database ${DB_NAME}`)
  await admin.end()
  // All three at the same moment against an empty database: each tries to migrate it.
  const started = await Promise.allSettled(
    [0, 1, 2].map(() => startServerProcess({ DATABASE_URL: DB_URL, JAGA_TRUST_PROXY: '1', JAGA_PUBLIC_URL: `https://${SITE_NAME}`, LOG_LEVEL: 'info' }, 90_000)),
  )
  servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
  const failed = started.find((s) => s.status === 'rejected')
  if (failed) throw (failed as PromiseRejectedResult).reason
  nginx = await startNginx(servers.map((s) => new URL(s.url).host))
  site = { https: { port: nginx.httpsPort, ca: nginx.ca, name: SITE_NAME } }
  // A fourth, in-process app on the same database only to make users and sessions with the test builders.
  const store = openStore<Database>({ databaseUrl: DB_URL })
  const jaga = createApp({ db: store.db, log: createLogger('silent'), config: { ...loadConfig({ DATABASE_URL: DB_URL }), logLevel: 'silent' }, dialect: 'postgres' })
  await jaga.library.reload()
  await jaga.ready
  setup = Object.assign(jaga, { db: store.db, request: jaga.app.request.bind(jaga.app) })
})

afterAll(async () => {
  // Every process goes, whatever failed before.
  const steps: (() => Promise<unknown> | undefined)[] = [() => nginx?.stop(), ...servers.map((s) => () => s.stop()), () => setup?.db.destroy()]
  for (const step of steps) await Promise.resolve().then(() => step()).catch(() => {})
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`drop database if exists ${DB_NAME} with (force)`)
  await admin.end()
})

describe('three app servers behind the shipped nginx site on one PostgreSQL', () => {
  it('migrates the database once when all three start together', async () => {
    const names = await listMigrationNames()
    const applied = servers.map((s) => s.logs().find((l) => l.msg === 'database ready')?.migrationsApplied as string[])
    expect(applied.filter((a) => a.length > 0)).toEqual([names])
    expect(applied.filter((a) => a.length === 0)).toHaveLength(2)
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(setup!.db)
    expect(rows.rows.map((r) => r.name)).toEqual(names)
  })

  it('sends plain HTTP to HTTPS with a permanent redirect', async () => {
    const res = await send({ http: `http://127.0.0.1:${nginx!.httpPort}`, host: SITE_NAME }, 'GET', '/login?next=%2Fhome')
    expect(res.status).toBe(301)
    expect(res.headers.location).toBe(`https://${SITE_NAME}/login?next=%2Fhome`)
  })

  it('sets the login cookie Secure, HttpOnly and SameSite over HTTPS, and the login works on every server', async () => {
    const { client, res } = await signedIn('coordinator')
    const line = res.setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!
    expect(cookieAttributes(line)).toMatchObject({ secure: '', httponly: '', samesite: 'Lax' })
    expect(res.headers['strict-transport-security']).toBeDefined()
    for (const i of [0, 1, 2]) {
      expect((await client.via(direct(i)).get('/home')).status).toBe(200)
      expect((await new WebClient(direct(i)).get('/home')).status).toBe(303)
    }
    expect((await client.get('/home')).status).toBe(200)
  })

  it('records the address nginx saw, not one the client wrote in X-Forwarded-For', async () => {
    const email = `forged-${crypto.randomBytes(4).toString('hex')}@example.org`
    const res = await new WebClient(site).post('/login', { email, password: 'not the password' }, { 'X-Forwarded-For': '203.0.113.9' })
    expect(res.status).toBe(401)
    const attempts = await setup!.db.selectFrom('signInAttempts').select(['ip', 'outcome']).where('email', '=', email).execute()
    expect(attempts).toEqual([{ ip: '127.0.0.1', outcome: 'failure' }])
  })

  it('counts sign-in failures spread over the three servers together', async () => {
    const email = `guessed-${crypto.randomBytes(4).toString('hex')}@example.org`
    // Five failures are free for an account (sign-in-throttle.ts): two on one server, two on another, one on the third.
    for (const i of [0, 1, 2, 0, 1]) {
      expect((await new WebClient(direct(i)).post('/login', { email, password: `guess ${i}` })).status).toBe(401)
    }
    const sixth = await new WebClient(direct(2)).post('/login', { email, password: 'guess 6' })
    expect(sixth.status).toBe(429)
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0)
    // And through nginx, wherever it sends the request.
    expect((await new WebClient(site).post('/login', { email, password: 'guess 7' })).status).toBe(429)
  })

  it('stores a questionnaire answer once, whichever servers a resend reaches', async () => {
    const { token } = await aSessionWithLinks(setup!)
    const path = `/api/v1/collect/${token('pre')}`
    const answer = (id: string) => JSON.stringify({ id, code: aCode('SA'), answers: parentsAnswers(5) })
    const json = { 'Content-Type': 'application/json' }
    const first = crypto.randomUUID()
    expect((await send(site, 'POST', path, json, answer(first))).status).toBe(201)
    for (const i of [0, 1, 2]) {
      const again = await send(direct(i), 'POST', path, json, answer(first))
      expect([again.status, JSON.parse(again.body).duplicate]).toEqual([200, true])
    }
    // A phone that resends while the first try is still in flight: the same answer on all three at once.
    const second = crypto.randomUUID()
    const together = await Promise.all([0, 1, 2].map((i) => send(direct(i), 'POST', path, json, answer(second))))
    expect(together.map((r) => r.status).sort()).toEqual([200, 200, 201])
    const stored = await setup!.db.selectFrom('submissions').select('id').where('id', 'in', [first, second]).execute()
    expect(stored.map((s) => s.id).sort()).toEqual([first, second].sort())
  })

  it('serves a library edit published through one server from all three within the stated time, and no old copy after', async () => {
    const page = '/id/pustaka/kesepakatan-keluarga'
    const line = `Nomor layanan dari tiga server ${crypto.randomBytes(3).toString('hex')}`
    for (const i of [0, 1, 2]) expect((await send(direct(i), 'GET', page)).body).not.toContain(line)
    const { client: author } = await signedIn('coordinator')
    const { client: reviewer } = await signedIn('admin')
    const form = await author.get('/admin/library/id/kesepakatan-keluarga/edit')
    const source = /<textarea[^>]*name="source"[^>]*>([\s\S]*?)<\/textarea>/.exec(form.body)![1]!
    const text = source.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    const saved = await author.post('/admin/library/id/kesepakatan-keluarga/edit', { source: text.replace('Ditandatangani:', `${line}\n\nDitandatangani:`), note: '', intent: 'submit' })
    expect(saved.status).toBe(303)
    const published = await reviewer.post(`${saved.headers.location}/decide`, { decision: 'publish', reviewNote: '' })
    expect(published.status).toBe(303)
    const at = Date.now()

    // Each server's cached copy, as anonymous visitors get it: plain, gzipped, with either language cookie.
    const variants: Record<string, string>[] = [{}, { 'Accept-Encoding': 'gzip' }, { Cookie: 'jaga_lang=en' }, { Cookie: 'jaga_lang=id', 'Accept-Encoding': 'gzip' }]
    const all = async () => Promise.all([0, 1, 2].flatMap((i) => variants.map(async (h) => (await send(direct(i), 'GET', page, h)).body.includes(line))))
    await poll('the edit on every server', STATED_MS, all, (seen) => seen.every(Boolean))
    const took = Date.now() - at
    expect(took).toBeLessThanOrEqual(STATED_MS)
    console.log(`library edit served by all three servers ${took} ms after it was published (stated: ${STATED_MS} ms)`)

    // From then on, no server answers the old page, directly or through nginx (which spreads requests over all three).
    for (let round = 0; round < 3; round++) expect(await all()).toEqual(Array(12).fill(true))
    for (let n = 0; n < 6; n++) expect((await new WebClient(site).get(page, { 'Accept-Encoding': 'gzip' })).body).toContain(line)
  })
})
