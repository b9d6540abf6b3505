// The phone's outbox, as decisions without a browser: which waiting submissions to send now, what
// to do with the server's answer, and when to try a failing one again. collect.ts supplies
// localStorage and fetch. The rule that matters: one submission the server keeps failing on (a 5xx,
// or no answer at all) must never hold up the ones behind it, and is never thrown away.

export interface OutboxEntry {
  url: string
  body: { id: string }
  /** Failed tries so far; absent on a fresh entry. */
  attempts?: number
  /** Not before this time (ms since 1970); absent means now. */
  nextAt?: number
}

export const FIRST_DELAY_MS = 15_000
/** Five minutes: long enough not to hammer a struggling server, short enough to be sent while the participant is still in the hall. */
export const MAX_DELAY_MS = 5 * 60_000

/** The wait after the n-th failure in a row (n ≥ 1): 15 s, 30 s, 1 min, 2 min, 4 min, then 5 min. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS)
  // Up to 20% either way, so a hall of phones that failed together does not retry together.
  return Math.round(base * (0.8 + 0.4 * random()))
}

/** Answers worth sending again unchanged: the server (or something in front of it) failed, or asked us to slow down. */
export const isRetryable = (status: number): boolean => status >= 500 || status === 408 || status === 429

/**
 * A link that is not open yet answers 409 with Retry-After (a closed one without): the answers were
 * kept on the phone before the opening time and are sent again until it opens, never thrown away.
 */
export const waitsToOpen = (response: ServerAnswer): boolean => response.status === 409 && !!response.headers?.get('Retry-After')

/** What the outbox reads of a response: a fetch Response fits. */
export interface ServerAnswer {
  status: number
  headers?: { get(name: string): string | null }
}

export function isDue(entry: OutboxEntry, now: number): boolean {
  return (entry.nextAt ?? 0) <= now
}

export function afterFailure<E extends OutboxEntry>(entry: E, now: number, random?: () => number): E {
  const attempts = (entry.attempts ?? 0) + 1
  return { ...entry, attempts, nextAt: now + backoffMs(attempts, random) }
}

export interface OutboxIo<E extends OutboxEntry, R extends ServerAnswer> {
  read(): E[]
  write(entries: E[]): void
  now(): number
  /** Sends one entry; throws when there is no connection. */
  send(entry: E): Promise<R>
  /** The server has decided (stored, duplicate, refused, closed): the entry has left the outbox. Return true to end this pass. */
  settled(entry: E, response: R): Promise<boolean | void> | boolean | void
  /** The entry stays and waits; response is undefined for a network error. */
  failed?(entry: E, response: R | undefined): void
  random?(): number
}

/**
 * One pass over the outbox: every entry that is due (all of them when `force`, e.g. the phone just
 * came back online) is sent once, in order. The outbox is re-read before each change, so an entry
 * added meanwhile (another tab, the participant pressing Send) is kept.
 */
export async function sendDue<E extends OutboxEntry, R extends ServerAnswer>(io: OutboxIo<E, R>, force = false): Promise<void> {
  const start = io.now()
  for (const entry of io.read().filter((e) => force || isDue(e, start))) {
    let response: R | undefined
    try {
      response = await io.send(entry)
    } catch {
      response = undefined
    }
    if (response === undefined || isRetryable(response.status) || waitsToOpen(response)) {
      const later = afterFailure(entry, io.now(), io.random)
      io.write(io.read().map((e) => (e.body.id === entry.body.id ? later : e)))
      io.failed?.(entry, response)
      continue
    }
    io.write(io.read().filter((e) => e.body.id !== entry.body.id))
    if (await io.settled(entry, response)) return
  }
}

/** When the next entry falls due (ms since 1970), or undefined when the outbox is empty. */
export function nextDue(entries: OutboxEntry[]): number | undefined {
  return entries.length ? Math.min(...entries.map((e) => e.nextAt ?? 0)) : undefined
}
