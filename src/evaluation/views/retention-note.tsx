import type { T } from '../../messages.ts'
import { formatDateTime, type Locale } from '../../platform/i18n/i18n.ts'
import type { RetentionRun } from '../retention-queries.ts'

/** The admin's start page: how long raw answers are kept, and what the last retention run removed. */
export function RetentionNote(p: { t: T; locale: Locale; timeZone: string; retention: { months: number | undefined; lastRun: RetentionRun | null } }) {
  const { t, retention } = p
  const run = retention.lastRun
  return (
    <section>
      <h2 id="retention">{p.t('retention.title')}</h2>
      <p>{retention.months ? t('retention.setting', { months: retention.months }) : t('retention.keep')}</p>
      {retention.months || run ? (
        <p class="muted">{run ? t('retention.lastRun', { when: formatDateTime(p.locale, run.finishedAt ?? run.startedAt, p.timeZone), submissions: run.submissions, texts: run.texts }) : t('retention.neverRun')}</p>
      ) : null}
    </section>
  )
}
