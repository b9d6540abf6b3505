// The queue of participants' written answers nobody has read yet, one by one, each with two choices:
// release it into the results, or flag it as telling of harm (it moves to the disclosures).
import type { T } from '../../messages.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import { Notice, PostForm } from '../../platform/views/components.tsx'
import type { WaitingComment } from '../free-text-review.ts'

export type ReviewDone = 'released' | 'flagged' | 'already'

export function CommentReviewPage(p: {
  t: T
  locale: Locale
  csrf: string
  sessionId: string
  sessionTitle: string
  comments: WaitingComment[]
  groupLabel: (g: string) => string
  when: (iso: string) => string
  /** What the last action did, shown once after the redirect. */
  done?: ReviewDone | undefined
}) {
  const { t, locale } = p
  const base = `/sessions/${p.sessionId}/evaluation/comments`
  return (
    <>
      <p>
        <a href={`/sessions/${p.sessionId}/evaluation`}>← {t('review.back')}</a>
      </p>
      <h1>{t('review.title', { title: p.sessionTitle })}</h1>
      <p>{t('review.intro')}</p>
      {p.done === 'released' ? <Notice kind="success">{t('review.released')}</Notice> : null}
      {p.done === 'flagged' ? (
        <Notice kind="success">
          {t('review.flagged')} <a href="/disclosures">{t('disclosure.title')}</a>
        </Notice>
      ) : null}
      {p.done === 'already' ? <Notice kind="info">{t('review.already')}</Notice> : null}
      {p.comments.length === 0 ? (
        <p>{t('review.none')}</p>
      ) : (
        <ol class="comment-review">
          {p.comments.map((c) => (
            <li>
              <p class="small muted">{t('review.received', { phase: t(`eval.phase.${c.phase}` as never), group: p.groupLabel(c.groupKind), when: p.when(c.receivedAt) })}</p>
              <p>
                <strong>{c.label[locale]}</strong>
              </p>
              <blockquote>{c.text}</blockquote>
              <div class="actions">
                <PostForm action={`${base}/${c.submissionId}/${c.itemId}/release`} csrf={p.csrf} class="inline">
                  <button type="submit" class="button">
                    {t('review.release')}
                  </button>
                </PostForm>{' '}
                <PostForm action={`${base}/${c.submissionId}/${c.itemId}/flag`} csrf={p.csrf} class="inline">
                  <button type="submit" class="button">
                    {t('review.flag')}
                  </button>
                </PostForm>
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  )
}
