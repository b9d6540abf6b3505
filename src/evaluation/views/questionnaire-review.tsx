import type { T } from '../../messages.ts'
import type { FieldErrors, FormValues } from '../../platform/http/forms.ts'
import { InlineAction, Notice, PostForm, TextArea } from '../../platform/views/components.tsx'
import { MAX_CHECK_NOTE, type ReviewState } from '../questionnaire-review.ts'

export interface ReviewBoxProps {
  t: T
  csrf: string
  /** The questionnaire's address, /questionnaires/<key>. */
  base: string
  version: number
  /** Of the text shown: the check form sends it back, so a check approves only what the checker saw. */
  fingerprint: string
  state: ReviewState
  checkedBy: string | null
  /** Already formatted for the reader. */
  checkedAt: string | null
  note: string | null
  /** Whether this reader may mark it checked (programme.edit and not its author). */
  mayCheck: boolean
  /** The reader wrote or changed this version. */
  own: boolean
  /** Older versions that links still hand out and nobody has checked. */
  older?: { version: number; fingerprint: string }[]
  /** The check form as sent, and its errors (a note too long). */
  values?: FormValues
  errors?: FieldErrors
  /** programme.edit: may try (the server refuses a version the reader wrote). */
  mayCheckOlder?: boolean
}

/** The builder's line on whether this version has been checked by a second person, with the form to do it. */
export function ReviewBox(p: ReviewBoxProps) {
  const { t } = p
  return (
    <section class="review-box" aria-labelledby="review-heading">
      <h2 id="review-heading">{t('questionnaireReview.heading')}</h2>
      {p.state === 'unchecked' ? (
        <Notice kind="info">
          <strong>{t('questionnaireReview.unchecked', { version: p.version })}</strong> {t('questionnaireReview.uncheckedWhy')}
        </Notice>
      ) : p.state === 'shipped' ? (
        <p>{t('questionnaireReview.shipped', { version: p.version })}</p>
      ) : (
        <p>{t('questionnaireReview.checked', { version: p.version, name: p.checkedBy ?? '?', date: p.checkedAt ?? '' })}</p>
      )}
      {p.note ? (
        <p class="small">
          {t('questionnaireReview.note')}: {p.note}
        </p>
      ) : null}
      {p.state === 'unchecked' && p.own ? <p class="muted small">{t('questionnaireReview.ownHint')}</p> : null}
      {p.state === 'unchecked' && p.mayCheck ? (
        <PostForm action={`${p.base}/versions/${p.version}/check`} csrf={p.csrf}>
          <input type="hidden" name="fingerprint" value={p.fingerprint} />
          <TextArea t={t} name="note" idPrefix="review-" label={t('questionnaireReview.noteLabel')} values={p.values ?? {}} errors={p.errors ?? {}} maxlength={MAX_CHECK_NOTE} rows={2} />
          <button type="submit">{t('questionnaireReview.markChecked')}</button>
        </PostForm>
      ) : null}
      {p.older?.length ? (
        <ul class="small">
          {p.older.map(({ version: v, fingerprint }) => (
            <li>
              {t('questionnaireReview.olderUnchecked', { version: v })}{' '}
              {p.mayCheckOlder ? <InlineAction action={`${p.base}/versions/${v}/check`} csrf={p.csrf} fields={{ fingerprint }} label={t('questionnaireReview.markChecked')} ariaLabel={t('questionnaireReview.markVersion', { version: v })} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}

/** The evaluation page's warning: this session's links hand out versions nobody has checked yet. */
export function UncheckedWarning({ t, questionnaires }: { t: T; questionnaires: { key: string; title: string; version: number; link?: boolean }[] }) {
  if (!questionnaires.length) return null
  return (
    <div class="alert alert-warn" role="status" id="unchecked-questionnaires">
      <strong>{t('questionnaireReview.sessionWarning', { count: questionnaires.length })}</strong> {t('questionnaireReview.sessionWarningWhy')}
      <ul>
        {questionnaires.map((x) => (
          <li>
            {/* Only those who may check it get a link: for anyone else the builder is closed. */}
            {x.link ? <a href={`/questionnaires/${x.key}/edit`}>{t('questionnaireReview.versionOf', { title: x.title, version: x.version })}</a> : t('questionnaireReview.versionOf', { title: x.title, version: x.version })}
          </li>
        ))}
      </ul>
    </div>
  )
}
