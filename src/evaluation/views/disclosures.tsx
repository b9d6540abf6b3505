import type { T } from '../../messages.ts'
import { keptDateFormat, type Locale } from '../../platform/i18n/i18n.ts'
import { InlineAction, TableWrap } from '../../platform/views/components.tsx'
import { waitingWords } from '../free-text.ts'

export interface DisclosureRow {
  id: string
  text: string
  receivedAt: string
  handledAt: string | null
  sessionId: string
  sessionTitle: string
}

export function DisclosuresPage(p: {
  t: T
  locale: Locale
  csrf: string
  rows: DisclosureRow[]
  open: number
  page: number
  hasNext: boolean
  mayEditKeywords: boolean
  /** Sessions with written answers waiting for review. */
  waiting: { sessionId: string; sessionTitle: string; count: number }[]
}) {
  const { t, locale } = p
  const when = (iso: string) => keptDateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(new Date(iso))
  return (
    <>
      <h1>{t('disclosure.title')}</h1>
      <p>{t('disclosure.intro')}</p>
      {p.mayEditKeywords ? (
        <p>
          <a href="/disclosures/keywords">{t('disclosure.keywordsLink')}</a>
        </p>
      ) : null}
      <p>
        <strong>{t('disclosure.openCount', { count: p.open })}</strong>
      </p>
      {p.waiting.length ? (
        <section>
          <h2>{t('review.heading')}</h2>
          <p>{t('review.disclosuresIntro')}</p>
          <ul>
            {p.waiting.map((w) => (
              <li>
                <a href={`/sessions/${w.sessionId}/evaluation/comments`}>{w.sessionTitle}</a>: {waitingWords(t, w.count)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {p.rows.length === 0 ? (
        <p>{t('disclosure.empty')}</p>
      ) : (
        <TableWrap label={t('disclosure.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('disclosure.received')}</th>
                <th scope="col">{t('disclosure.session')}</th>
                <th scope="col">{t('disclosure.text')}</th>
                <th scope="col">{t('disclosure.status')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr>
                  <td>{when(r.receivedAt)}</td>
                  <td>
                    <a href={`/sessions/${r.sessionId}`}>{r.sessionTitle}</a>
                  </td>
                  <td>{r.text}</td>
                  <td>
                    {r.handledAt ? (
                      t('disclosure.handled', { when: when(r.handledAt) })
                    ) : (
                      <>
                        {t('disclosure.open')}
                        <InlineAction action={`/disclosures/${r.id}/handled`} csrf={p.csrf} label={t('disclosure.markHandled')} />
                        <a href="/referrals/new">{t('disclosure.recordReferral')}</a>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <div class="actions">
        {p.page > 1 ? <a href={`/disclosures?page=${p.page - 1}`}>{t('common.previous')}</a> : null}
        {p.hasNext ? <a href={`/disclosures?page=${p.page + 1}`}>{t('common.next')}</a> : null}
      </div>
    </>
  )
}
