// The shipped nginx site (deploy/nginx/) run for a test: a scratch prefix, a self-signed certificate,
// and the site file changed only mechanically by sed, as deploy/nginx/check.sh does.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { ROOT } from '../test/server-process.ts'

export const NGINX_BIN = process.env.NGINX_BIN ?? '/usr/sbin/nginx'
/** The name the certificate and the site are for; requests send it as Host and SNI. */
export const SITE_NAME = 'jaga.example.org'

export interface RunningNginx {
  httpPort: number
  httpsPort: number
  /** The self-signed certificate, to trust it as a CA. */
  ca: Buffer
  /** The site file as nginx reads it. */
  site: string
  stop: () => Promise<void>
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
  })
}

/**
 * The lines of deploy/nginx/jaga.conf that change, and nothing else:
 * - `server 127.0.0.1:3000;` in the upstream: one `server` line per app server;
 * - `listen 80;` / `listen 443 ssl http2;`: free loopback ports; the `listen [::]:…` lines go (a CI
 *   machine may have no IPv6);
 * - the Let's Encrypt folder and /etc/jaga/nginx-proxy.conf: files in the scratch prefix.
 */
export function siteFor(prefix: string, upstreams: string[], httpPort: number, httpsPort: number): string {
  const servers = upstreams.map((u) => `server ${u};`).join(' ')
  return execFileSync('sed', [
    '-e', `s#server 127\\.0\\.0\\.1:3000;#${servers}#`,
    '-e', `s#listen 80;#listen 127.0.0.1:${httpPort};#`,
    '-e', `s#listen 443 ssl http2;#listen 127.0.0.1:${httpsPort} ssl http2;#`,
    '-e', '/listen \\[::\\]:/d',
    '-e', `s#/etc/letsencrypt/live/${SITE_NAME}#${prefix}/tls#g`,
    '-e', `s#/etc/jaga/nginx-proxy.conf#${prefix}/proxy.conf#g`,
    path.join(ROOT, 'deploy/nginx/jaga.conf'),
  ], { encoding: 'utf8' })
}

/** Starts nginx in the foreground as a non-root user (nobody when the test runs as root) and waits until both ports answer. */
export async function startNginx(upstreams: string[]): Promise<RunningNginx> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-nginx-'))
  fs.mkdirSync(path.join(prefix, 'tls'))
  fs.mkdirSync(path.join(prefix, 'logs'))
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${SITE_NAME}`, '-addext', `subjectAltName=DNS:${SITE_NAME}`,
    '-keyout', path.join(prefix, 'tls/privkey.pem'), '-out', path.join(prefix, 'tls/fullchain.pem'),
  ], { stdio: 'ignore' })
  const [httpPort, httpsPort] = [await freePort(), await freePort()]
  const site = siteFor(prefix, upstreams, httpPort, httpsPort)
  fs.copyFileSync(path.join(ROOT, 'deploy/nginx/proxy.conf'), path.join(prefix, 'proxy.conf'))
  fs.writeFileSync(path.join(prefix, 'jaga.conf'), site)
  fs.writeFileSync(
    path.join(prefix, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log;
events {}
http {
    access_log off;
    client_body_temp_path ${prefix}/body;
    proxy_temp_path ${prefix}/proxy;
    fastcgi_temp_path ${prefix}/fastcgi;
    uwsgi_temp_path ${prefix}/uwsgi;
    scgi_temp_path ${prefix}/scgi;
    include ${prefix}/jaga.conf;
}
`,
  )
  // nginx started by root keeps a root master process; the site needs none of root's rights.
  const asRoot = process.getuid?.() === 0
  if (asRoot) execFileSync('chown', ['-R', '65534:65534', prefix])
  const child: ChildProcess = spawn(NGINX_BIN, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'logs/error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  })
  let err = ''
  child.stderr!.on('data', (d) => (err += d))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const errorLog = () => fs.readFileSync(path.join(prefix, 'logs/error.log'), 'utf8')
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const killed = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(killed)
    }
    fs.rmSync(prefix, { recursive: true, force: true })
  }
  const deadline = Date.now() + 10_000
  while (!(await listening(httpPort)) || !(await listening(httpsPort))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const log = fs.existsSync(path.join(prefix, 'logs/error.log')) ? errorLog() : ''
      await stop()
      throw new Error(`nginx did not start:\n${err}\n${log}`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  return { httpPort, httpsPort, ca: fs.readFileSync(path.join(prefix, 'tls/fullchain.pem')), site, stop }
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })
}
