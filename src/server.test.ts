import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase, type TestDb } from '../test/harness.ts'
import { ROOT, START_FLAGS, startServerProcess, type ServerProcess } from '../test/server-process.ts'

let testDb: TestDb
let server: ServerProcess

beforeAll(async () => {
  testDb = await freshDatabase()
  server = await startServerProcess(testDb.url ? { DATABASE_URL: testDb.url } : {})
  // A server starts in 1-2 s on a quiet machine; under a loaded CI it took over vitest's 10 s hook default.
}, 60_000)
afterAll(async () => {
  await server?.stop()
  await testDb?.drop()
})

describe('the running server', () => {
  it('runs with the V8 options production uses, as `npm start` and deploy/jaga.service give them', () => {
    const service = fs.readFileSync(path.join(ROOT, 'deploy/jaga.service'), 'utf8')
    const production = /^ExecStart=\/usr\/bin\/node (.*) \/opt\/jaga\/bin\/serve\.js$/m.exec(service)?.[1]?.split(' ')
    expect(production).toEqual(['--max-semi-space-size=4'])
    expect(START_FLAGS).toEqual(production)
    // The process itself (Linux: its command line), not only what was meant to be passed.
    const args = fs.readFileSync(`/proc/${server.child.pid}/cmdline`, 'utf8').split('\0')
    expect(args).toContain('--max-semi-space-size=4')
  })

  it('answers the health probe without naming its database to anonymous callers', async () => {
    const res = await fetch(`${server.url}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  it('writes one structured JSON log line per request', async () => {
    await fetch(`${server.url}/login`)
    const line = server.logs().find((l) => l.msg === 'request' && l.path === '/login')
    expect(line).toMatchObject({ level: 'info', method: 'GET', status: 200 })
    expect(typeof line!.ms).toBe('number')
    expect(line!.time).toMatch(/^\d{4}-\d\d-\d\dT/)
  })

  it('renders no public page at start-up (each is kept after its first request) and writes no line per page', () => {
    const logs = server.logs()
    const listening = logs.findIndex((l) => l.msg === 'listening')
    expect(listening).toBeGreaterThan(0)
    expect(logs.slice(0, listening).filter((l) => l.msg === 'request' || l.msg === 'public pages cached')).toEqual([])
  })

  it('tells the operator how to create the first admin when there are no users', () => {
    expect(server.logs().find((l) => l.msg === 'no users yet')?.hint).toContain('npx jaga user create')
  })

  it('answers the public home page from memory with the same security headers, per language', async () => {
    const id = await fetch(`${server.url}/`, { headers: { 'Accept-Language': 'id' } })
    const en = await fetch(`${server.url}/`, { headers: { Cookie: 'jaga_lang=en' } })
    expect(id.headers.get('Content-Security-Policy')).toContain("script-src 'self'")
    expect(id.headers.get('Set-Cookie')).toBe(null)
    expect(await id.text()).toContain('<html lang="id">')
    expect(await en.text()).toContain('<html lang="en">')
    // A login cookie always goes through the app (here a stale one, which the app clears).
    const stale = await fetch(`${server.url}/`, { headers: { Cookie: 'jaga_session=stale' } })
    expect(stale.headers.get('Set-Cookie')).toMatch(/^jaga_session=;/)
  })

  it('finishes a request in flight on SIGTERM, refuses new connections, then exits 0', async () => {
    const body = 'email=a%40example.org&password=x&_csrf=none'
    const { port } = new URL(server.url)
    const socket = net.connect(Number(port), '127.0.0.1')
    await new Promise((r) => socket.once('connect', r))
    // A browser's spare connection, opened ahead of time and never used, must not hold the stop open.
    const spare = net.connect(Number(port), '127.0.0.1')
    await new Promise((r) => spare.once('connect', r))
    const spareClosed = new Promise((r) => spare.once('close', r))
    // A kept-alive connection whose last answer came from memory (counted nowhere) must not hold it open either.
    await fetch(`${server.url}/`)
    const reader = net.connect(Number(port), '127.0.0.1')
    let page = Buffer.alloc(0)
    reader.on('data', (d: Buffer) => (page = Buffer.concat([page, d])))
    reader.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
    const readerClosed = new Promise((r) => reader.once('close', r))
    while (!page.includes('</html>')) await new Promise((r) => setTimeout(r, 10))
    let response = ''
    socket.on('data', (d) => (response += d))
    // Send the headers and half the body, then ask the server to stop.
    socket.write(`POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nCookie: jaga_lang=en\r\n\r\n${body.slice(0, 10)}`)
    await new Promise((r) => setTimeout(r, 200))
    server.child.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 300))
    const refused = await fetch(`${server.url}/healthz`).then(
      () => false,
      () => true,
    )
    expect(refused).toBe(true)
    await spareClosed
    await readerClosed
    const head = page.subarray(0, page.indexOf('\r\n\r\n')).toString()
    expect(head).toMatch(/^HTTP\/1\.1 200/)
    expect(page.length - head.length - 4).toBe(Number(/content-length: (\d+)/i.exec(head)![1]))
    expect(server.child.exitCode).toBe(null)
    socket.end(body.slice(10))
    await new Promise((r) => socket.once('close', r))
    expect(response).toMatch(/^HTTP\/1\.1 403/)
    expect(response).toContain('The form has expired')
    expect(await server.exited).toBe(0)
    expect(server.logs().map((l) => l.msg)).toContain('stopped')
  })
})
