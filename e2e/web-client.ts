// A small HTTP(S) client with a cookie jar, for talking to nginx over TLS and to app servers directly.
import crypto from 'node:crypto'
import http, { type IncomingHttpHeaders } from 'node:http'
import https from 'node:https'
import zlib from 'node:zlib'

/** Where requests go: nginx over HTTPS (trusting its self-signed certificate), nginx over HTTP, or an app server. */
export type Target = { https: { port: number; ca: Buffer; name: string } } | { http: string; host?: string }

export interface Reply {
  status: number
  headers: IncomingHttpHeaders
  /** Decompressed when it came gzipped. */
  body: string
  setCookies: string[]
}

export function send(target: Target, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const done = (res: http.IncomingMessage) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const raw = Buffer.concat(chunks)
        const text = res.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw).toString('utf8') : raw.toString('utf8')
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, setCookies: res.headers['set-cookie'] ?? [] })
      })
      res.on('error', reject)
    }
    const all = { ...headers, ...(body !== undefined ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}) }
    const req =
      'https' in target
        ? https.request({ host: '127.0.0.1', port: target.https.port, servername: target.https.name, ca: target.https.ca, method, path, agent: false, headers: { Host: target.https.name, ...all } }, done)
        : http.request(new URL(path, target.http), { method, agent: false, headers: { ...(target.host ? { Host: target.host } : {}), ...all } }, done)
    req.setTimeout(15_000, () => req.destroy(new Error(`${method} ${path}: no answer in 15 s`)))
    req.on('error', reject)
    req.end(body)
  })
}

/** A browser stand-in: keeps cookies, and sends its CSRF token with every form (double submit, as Jaga's pages do). */
export class WebClient {
  readonly cookies = new Map<string, string>()
  constructor(private target: Target) {
    this.cookies.set('jaga_csrf', crypto.randomBytes(32).toString('base64url'))
  }

  /** The same cookies, sent somewhere else (another app server). */
  via(target: Target): WebClient {
    const other = new WebClient(target)
    for (const [k, v] of this.cookies) other.cookies.set(k, v)
    return other
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
    return this.send('GET', path, headers)
  }

  post(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Reply> {
    const body = new URLSearchParams({ _csrf: this.cookies.get('jaga_csrf')!, ...form }).toString()
    return this.send('POST', path, { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body)
  }

  async send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const reply = await send(this.target, method, path, { ...(cookie ? { Cookie: cookie } : {}), ...headers }, body)
    for (const line of reply.setCookies) {
      const [name = '', ...rest] = (line.split(';')[0] ?? '').split('=')
      const value = rest.join('=')
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name.trim())
      else this.cookies.set(name.trim(), value)
    }
    return reply
  }
}

/** The attributes of a Set-Cookie line, lower-cased names: { secure: '', httponly: '', samesite: 'Lax', … }. */
export function cookieAttributes(line: string): Record<string, string> {
  return Object.fromEntries(
    line
      .split(';')
      .slice(1)
      .map((a) => a.trim().split('='))
      .map(([k = '', v = '']) => [k.toLowerCase(), v]),
  )
}
