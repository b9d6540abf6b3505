import type { SessionStatus } from './session-form.ts'

/** The current wall-clock time in a time zone, as YYYY-MM-DDTHH:MM (the form sessions are stored in). */
export function localNow(timeZone: string, now = new Date()): string {
  // The sv-SE locale writes "2026-11-27 22:18", which is ISO order.
  const text = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now)
  return text.replace(' ', 'T')
}

/** Today's date in a time zone, YYYY-MM-DD. */
export const localToday = (timeZone: string): string => localNow(timeZone).slice(0, 10)

/** A wall-clock time in a time zone as a UTC instant (for iCalendar); exact for zones without DST gaps at that time. */
export function wallTimeToUtc(local: string, timeZone: string): Date {
  const guess = new Date(`${local}:00Z`)
  const shown = localNow(timeZone, guess)
  const offset = new Date(`${shown}:00Z`).getTime() - guess.getTime()
  return new Date(guess.getTime() - offset)
}

// planned → held → reported; only a planned session can be cancelled, and nothing comes back from cancelled.
const NEXT: Record<SessionStatus, readonly SessionStatus[]> = {
  planned: ['held', 'cancelled'],
  held: ['held', 'reported'],
  reported: ['reported'],
  cancelled: [],
}

export function canMoveTo(from: SessionStatus, to: SessionStatus): boolean {
  return NEXT[from].includes(to)
}

/** Two time ranges share at least a minute (touching ends do not overlap). */
export function overlaps(a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt
}

/** Whether a session's attendance may be recorded: it has started, and is not cancelled. */
export function canRecordAttendance(s: { status: SessionStatus; startsAt: string }, nowLocal: string): boolean {
  return (s.status === 'planned' || s.status === 'held' || s.status === 'reported') && s.startsAt <= nowLocal
}

/** A calendar date (YYYY-MM-DD) moved by whole days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** A calendar date moved by whole months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const first = new Date(Date.UTC(y, m - 1 + months, 1))
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  first.setUTCDate(Math.min(d, last))
  return first.toISOString().slice(0, 10)
}
