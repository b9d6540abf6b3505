// When a round's link takes answers (opens_at, closes_at, closed by hand) and when a session ends, as
// pure rules. Times in the database are UTC ISO text; sessions are local wall-clock time in the
// deployment's zone (outreach/session-rules.ts), so every comparison first turns those into UTC.
import { localNow, wallTimeToUtc } from '../outreach/session-rules.ts'

export type LinkState = 'open' | 'not-yet-open' | 'closed'

export interface LinkTimes {
  closedAt: string | null
  opensAt: string | null
  closesAt: string | null
}

/** Closed by hand wins; then a closing time that has come; then an opening time that has not. */
export function linkState(link: LinkTimes, now: Date): LinkState {
  const at = now.toISOString()
  if (link.closedAt) return 'closed'
  if (link.closesAt && at >= link.closesAt) return 'closed'
  if (link.opensAt && at < link.opensAt) return 'not-yet-open'
  return 'open'
}

/** Whole seconds until the link opens (at least 1), for a Retry-After header. */
export const secondsUntil = (iso: string, now: Date): number => Math.max(1, Math.ceil((new Date(iso).getTime() - now.getTime()) / 1000))

const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/

/**
 * The session's end as a UTC instant: its end time, or the end of the day it starts on when it has
 * no end time (a brochure drive noted by date only).
 */
export function sessionEndUtc(session: { startsAt: string; endsAt: string | null }, timeZone: string): string {
  if (session.endsAt && WALL_TIME.test(session.endsAt)) return wallTimeToUtc(session.endsAt, timeZone).toISOString()
  const next = new Date(`${session.startsAt.slice(0, 10)}T00:00:00Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return wallTimeToUtc(`${next.toISOString().slice(0, 10)}T00:00`, timeZone).toISOString()
}

/** The one-click choice: the before-form opens this long before the session starts. */
export const OPEN_BEFORE_MS = 60 * 60_000

export function opensBeforeSession(session: { startsAt: string }, timeZone: string): string {
  return new Date(wallTimeToUtc(session.startsAt, timeZone).getTime() - OPEN_BEFORE_MS).toISOString()
}

/** A `datetime-local` value typed in the deployment's zone, as UTC; undefined for blank; null when it is not a time. */
export function localInputToUtc(value: string, timeZone: string): string | undefined | null {
  const v = value.trim()
  if (!v) return undefined
  if (!WALL_TIME.test(v) || Number.isNaN(new Date(`${v}:00Z`).getTime())) return null
  return wallTimeToUtc(v, timeZone).toISOString()
}

/** A UTC instant as a `datetime-local` value in the deployment's zone (to fill the form). */
export function utcToLocalInput(iso: string | null, timeZone: string): string {
  return iso ? localNow(timeZone, new Date(iso)) : ''
}

/** Why an answer is flagged: a post before any pre of its group, or a pre after the session ended. */
export type TimingFlag = 'post-before-pre' | 'pre-after-end'
export const flagOf = (phase: string): TimingFlag => (phase === 'pre' ? 'pre-after-end' : 'post-before-pre')
