import type { AddressInfo, Socket } from 'node:net'
import http from 'node:http'
import { createRequire } from 'node:module'
import { sql } from 'kysely'
import { startCheckpointer } from './platform/db/checkpointer.ts'
import { getRequestListener, type ServerType } from '@hono/node-server'
import { createApp } from './app.ts'
import { loadConfig, type Config } from './config.ts'
import { countUsers } from './accounts/user-queries.ts'
import { SESSION_COOKIE } from './accounts/authenticate.ts'
import { LOCALE_COOKIE } from './platform/http/middleware.ts'
import { PublicPageCache } from './platform/http/page-cache.ts'
import { AUDIENCES, TOPICS } from './library/content-schema.ts'
import { listPublicPaths } from './library/library-urls.ts'
import { createLogger, type Logger } from './platform/log.ts'
import { openMigratedStore } from './store.ts'
import { startDailyRetention } from './evaluation/retention.ts'
import { startPairChangeCompaction } from './evaluation/pair-cache.ts'
import { flushSubmissionCounts } from './evaluation/submission-counts.ts'
import { rootRefusal } from './platform/operations-messages.ts'

const require = createRequire(import.meta.url)

export interface RunningServer {
  server: ServerType
  port: number
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  stop: () => Promise<void>
}

export async function startServer(config: Config, log: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  const store = await openMigratedStore(config)
  const checkpointer = store.dialect === 'sqlite' && store.location !== ':memory:' ? startCheckpointer(store.location, require.resolve('better-sqlite3')) : undefined
  if (checkpointer) await sql`PRAGMA wal_autocheckpoint = 0`.execute(store.db)
  log.info('database ready', { dialect: store.dialect, location: store.location, migrationsApplied: store.applied })
  const { app, library, ready } = createApp({ db: store.db, log, config, dialect: store.dialect })
  await library.reload()
  await ready
  const cache = new PublicPageCache({ paths: ['/', '/robots.txt', '/sitemap.xml', ...listPublicPaths(library.current, AUDIENCES, TOPICS)], localeCookie: LOCALE_COOKIE, bypassCookie: SESSION_COOKIE, trustProxy: config.trustProxy, log, logHits: config.logLevel === 'debug' })
  const appListener = getRequestListener(app.fetch)
  // Each page is rendered on its first request, once, and kept; not all at start (~50 MB less idle memory).
  cache.buildOnDemand(app.fetch, appListener)
  // A published web edit changes public pages: forget them; the next requests build them anew.
  library.onChange(() => void cache.forget())
  library.startPolling(config.libraryPollSeconds * 1000, (e) => log.error('library reload failed', { err: e }))
  // JAGA_RETAIN_ANSWERS_MONTHS: the day's retention run, once across every server on the database.
  const stopRetention = config.retainAnswersMonths
    ? startDailyRetention(store.db, {
        months: config.retainAnswersMonths,
        timeZone: config.timeZone,
        onError: (e) => log.error('retention run failed', { err: e }),
        onRun: (r) => {
          if (!r.skipped) log.info('retention run', { months: r.months, cutoff: r.cutoff, submissions: r.submissions, texts: r.texts, reviews: r.reviews, disclosures: r.disclosures })
        },
      })
    : undefined
  // The pair cache's change log: one row per answer written until a programme page reads its sessions;
  // compacted to one row per session every hour (pair-cache.ts).
  const stopCompaction = startPairChangeCompaction(store.db, 60 * 60 * 1000, (e) => log.error('pair change compaction failed', { err: e }))
  // Requests in flight per socket, so that stopping can close every socket that is not answering one.
  // closeIdleConnections() misses a socket a browser opened ahead of time and never used (Chromium
  // does so under load); such a socket would hold close() open until the forced exit.
  const inFlight = new Map<Socket, number>()
  let closing = false
  const closeIfIdle = (socket: Socket) => {
    if (!closing || inFlight.get(socket)) return
    // An answer from memory may still be in the socket's buffer (not counted in flight): let it go out first.
    if (socket.writableLength > 0) socket.end(() => socket.destroy())
    else socket.destroy()
  }
  const server: ServerType = http.createServer((req, res) => {
    const served = cache.tryServe(req, res)
    // A page from memory is answered whole before tryServe returns: no listener or count for it (a closure
    // and a listener per request on the path bench/run.ts measures). Not when the socket is still busy with
    // an earlier pipelined answer (res.socket is null then): that answer waits in the response, so count it.
    if (served && res.writableEnded && res.socket !== null) return
    const socket = req.socket
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1)
    res.on('close', () => {
      inFlight.set(socket, (inFlight.get(socket) ?? 1) - 1)
      closeIfIdle(socket)
    })
    if (!served) void appListener(req, res)
  })
  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0)
    socket.on('close', () => inFlight.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve))
  const port = (server.address() as AddressInfo).port
  log.info('listening', { url: `http://localhost:${port}` })
  if ((await countUsers(store.db)) === 0) {
    log.warn('no users yet', { hint: 'create the first admin: npx jaga user create --email you@example.org --role admin' })
  }
  let stopping: Promise<void> | undefined
  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      log.info('shutting down: finishing requests in flight')
      server.close(() => resolve())
      // Keep-alive and never-used sockets with no request in flight would hold close() open.
      closing = true
      for (const socket of inFlight.keys()) closeIfIdle(socket)
    }).then(async () => {
      library.stopPolling()
      // Pages still being rendered for memory read the database.
      await cache.settled()
      await stopRetention?.()
      stopCompaction()
      await checkpointer?.stop()
      // Counts of answers still in memory (every request has finished by now).
      await flushSubmissionCounts(store.db)
      await store.db.destroy()
      log.info('stopped')
    }))
  return { server, port, stop }
}

export async function main(): Promise<void> {
  const refusal = rootRefusal(process.getuid?.(), process.env)
  if (refusal) {
    process.stderr.write(refusal + '\n')
    process.exit(1)
  }
  let config: Config
  try {
    config = loadConfig()
  } catch (e) {
    process.stderr.write(`jaga: ${(e as Error).message}\n`)
    process.exit(2)
  }
  const log = createLogger(config.logLevel)
  const running = await startServer(config, log).catch((e: unknown) => {
    log.error('could not start', { err: e })
    process.exit(1)
  })
  process.stderr.write(`\nJaga is running at http://localhost:${running.port}  (Ctrl+C stops it)\n\n`)
  const onSignal = (signal: string) => {
    log.info('signal received', { signal })
    // A request that hangs must not keep the process alive for ever.
    setTimeout(() => {
      log.error('forced exit: requests still open after 20 s')
      process.exit(1)
    }, 20_000).unref()
    running.stop().then(() => process.exit(0))
  }
  process.once('SIGTERM', () => onSignal('SIGTERM'))
  process.once('SIGINT', () => onSignal('SIGINT'))
}
