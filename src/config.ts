import path from 'node:path'

export interface Config {
  port: number
  host: string
  /** Folder of the embedded SQLite file; ignored when databaseUrl is set. */
  dataDir: string
  /** A postgres:// URL switches the store to PostgreSQL. */
  databaseUrl: string | undefined
  /** Trust X-Forwarded-Proto / X-Forwarded-For from a reverse proxy in front of Jaga. */
  trustProxy: boolean
  /** How many reverse proxies stand in front (JAGA_TRUST_PROXY): the client address is read that many hops from the right of X-Forwarded-For. */
  trustedProxies: number
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent'
  /** The address people reach Jaga at, for canonical links, Open Graph and the sitemap. */
  publicUrl: string
  /** Whether JAGA_PUBLIC_URL was given; without it, links handed to participants use the address the staff member used. */
  publicUrlSet: boolean
  /** The shipped library content; an organisation may point this at its own copy. */
  contentDir: string | undefined
  /** IANA time zone of the programme: session times are wall-clock times there, and calendars say so. */
  timeZone: string
  /** Phone submissions one questionnaire link takes in 10 minutes before further ones are held for review (submission-intake.ts). */
  collectHoldAfter: number
  /** Phone answers one link counts in all before it holds the rest (JAGA_COLLECT_HOLD_TOTAL). */
  collectHoldTotal: number
  /** Phone answers one link stores at most; past it the link answers 429 and phones keep theirs (JAGA_COLLECT_LINK_MAX). */
  collectLinkMax: number
  /**
   * JAGA_LIBRARY_POLL_SECONDS: how often a server looks whether another one published a library edit
   * (library-store.ts); with several servers, the longest it serves an older page (docs/scaling.md).
   */
  libraryPollSeconds: number
  /** JAGA_METRICS_TOKEN: the bearer token a Prometheus scraper sends to GET /metrics; unset, /metrics is 404. */
  metricsToken?: string | undefined
  /** JAGA_RETAIN_ANSWERS_MONTHS: participants' written and other raw answers are removed this many months after their session (evaluation/retention.ts); unset, kept. */
  retainAnswersMonths?: number | undefined
}

// A full school hall (500 phones on one Wi-Fi, all answering within the same 10 minutes) must pass
// untouched, twice over: the pre and post links are separate, but a big assembly may reach 800–1000
// on one link. Past that, answers are still stored, only held for staff to count in or leave out.
export const DEFAULT_COLLECT_HOLD_AFTER = 1000

/** One small read per interval per server; a reader waits at most this long (plus a re-render) for an edit made on another server. */
export const DEFAULT_LIBRARY_POLL_SECONDS = 5

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`)
  }
  const databaseUrl = env.DATABASE_URL?.trim() || undefined
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite database)')
  }
  const level = env.LOG_LEVEL ?? 'info'
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(level)) {
    throw new Error(`LOG_LEVEL must be debug, info, warn, error or silent, got "${level}"`)
  }
  const timeZone = env.JAGA_TIMEZONE?.trim() || 'Asia/Jakarta'
  try {
    new Intl.DateTimeFormat('en', { timeZone })
  } catch {
    throw new Error(`JAGA_TIMEZONE must be an IANA time zone such as Asia/Jakarta, got "${timeZone}"`)
  }
  const whole = (name: string, fallback: number): number => {
    const n = Number(env[name] ?? fallback)
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, got "${env[name]}"`)
    return n
  }
  const collectHoldAfter = whole('JAGA_COLLECT_HOLD_AFTER', DEFAULT_COLLECT_HOLD_AFTER)
  const collectHoldTotal = whole('JAGA_COLLECT_HOLD_TOTAL', 3000)
  const collectLinkMax = whole('JAGA_COLLECT_LINK_MAX', 20_000)
  const libraryPollSeconds = whole('JAGA_LIBRARY_POLL_SECONDS', DEFAULT_LIBRARY_POLL_SECONDS)
  const trustedProxies = readTrustedProxies(env.JAGA_TRUST_PROXY)
  const metricsToken = env.JAGA_METRICS_TOKEN?.trim() || undefined
  if (metricsToken && !/^[\x21-\x7e]{24,200}$/.test(metricsToken)) {
    throw new Error('JAGA_METRICS_TOKEN must be 24 to 200 printable characters without spaces (e.g. openssl rand -hex 32)')
  }
  const retainAnswersMonths = readRetention(env.JAGA_RETAIN_ANSWERS_MONTHS)
  return {
    retainAnswersMonths,
    metricsToken,
    port,
    timeZone,
    collectHoldAfter,
    collectHoldTotal,
    collectLinkMax,
    libraryPollSeconds,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.JAGA_DATA_DIR ?? 'data'),
    databaseUrl,
    trustProxy: trustedProxies > 0,
    trustedProxies,
    logLevel: level as Config['logLevel'],
    contentDir: env.JAGA_CONTENT_DIR ? path.resolve(env.JAGA_CONTENT_DIR) : undefined,
    publicUrl: (env.JAGA_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    publicUrlSet: !!env.JAGA_PUBLIC_URL,
  }
}

/** JAGA_TRUST_PROXY: unset or 0 (no proxy), 1 or "true" (one proxy), or the number of proxies in a chain. */
function readTrustedProxies(value: string | undefined): number {
  const v = value?.trim() ?? ''
  if (v === '' || v === '0' || v === 'false') return 0
  if (v === 'true') return 1
  if (/^[1-9]$/.test(v)) return Number(v)
  throw new Error(`JAGA_TRUST_PROXY must be the number of reverse proxies in front of Jaga (0–9) or true, got "${value}"`)
}

/** JAGA_RETAIN_ANSWERS_MONTHS: unset or empty keeps answers; else 1 to 240 whole months (0 is refused, not read as "now"). */
function readRetention(value: string | undefined): number | undefined {
  const v = value?.trim() ?? ''
  if (v === '') return undefined
  if (/^[1-9]\d{0,2}$/.test(v) && Number(v) <= 240) return Number(v)
  throw new Error(`JAGA_RETAIN_ANSWERS_MONTHS must be a whole number of months from 1 to 240 (or unset to keep raw answers), got "${value}"`)
}
