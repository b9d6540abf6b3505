// Which round a participant's form or a QR card belongs to, so that a pre code is never scanned for a
// post answer: the round's name in words, the session's name and date, on a colour band of its own
// (the colour helps at a glance; the words carry the meaning).
import type { T } from '../../messages.ts'
import { formatDate, type Locale } from '../../platform/i18n/i18n.ts'

export interface RoundOf {
  phase: string
  sessionTitle: string
  /** The session's start, local wall-clock time (YYYY-MM-DDTHH:MM). */
  sessionStartsAt: string
}

export const roundName = (t: T, phase: string) => t(`collect.round.${phase}` as never)

export function RoundBand(p: { t: T; locale: Locale; round: RoundOf }) {
  const { t, round } = p
  return (
    <div class={`round-band round-${round.phase}`}>
      <span class="round-name">{roundName(t, round.phase)}</span>
      <span class="round-session">{t('collect.roundSession', { title: round.sessionTitle, date: formatDate(p.locale, round.sessionStartsAt.slice(0, 10)) })}</span>
    </div>
  )
}
