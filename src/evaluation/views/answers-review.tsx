import type { T } from '../../messages.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import type { FieldErrors } from '../../platform/http/forms.ts'
import { InlineAction, Notice, PostForm, Select } from '../../platform/views/components.tsx'
import { EXCLUSION_REASONS, type ExclusionReason } from '../evaluation-tables.ts'

export interface ReviewedAnswer {
  id: string
  phase: string
  groupKind: string
  code: string
  score: number | null
  maxScore: number | null
  source: 'phone' | 'paper' | 'import'
  receivedAt: string
  excludedAt: string | null
  excludedReason: ExclusionReason | null
}

/** Every answer of a session, newest first, each with leave out / count again for those who record the session. */
export function AnswersReviewPage(p: {
  t: T
  locale: Locale
  csrf: string
  sessionId: string
  sessionTitle: string
  answers: ReviewedAnswer[]
  groupLabel: (g: string) => string
  when: (iso: string) => string
  mayRecord: boolean
  /** The answer whose form was refused, with its errors. */
  refused?: { id: string; errors: FieldErrors } | undefined
  notice?: string | undefined
}) {
  const { t } = p
  const base = `/sessions/${p.sessionId}/evaluation/answers`
  return (
    <>
      <p>
        <a href={`/sessions/${p.sessionId}/evaluation`}>← {t('eval.heading')}</a>
      </p>
      <h1>{t('exclude.title')}</h1>
      <p>{t('exclude.intro')}</p>
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
      {p.answers.length === 0 ? <p>{t('exclude.none')}</p> : null}
      <ul class="link-list">
        {p.answers.map((a) => (
          <li>
            <strong>
              {t(`eval.phase.${a.phase}` as never)} · {p.groupLabel(a.groupKind)} · {a.code}
            </strong>
            <br />
            <span class="small">
              {a.maxScore !== null ? `${t('exclude.score', { score: a.score ?? 0, max: a.maxScore })} · ` : ''}
              {t(`exclude.source.${a.source}`)} · {p.when(a.receivedAt)}
            </span>
            <br />
            {a.excludedAt ? (
              <>
                <span class="tag">{t('exclude.excluded', { reason: t(`exclude.reason.${a.excludedReason ?? 'other'}`) })}</span>{' '}
                {p.mayRecord ? <InlineAction action={`${base}/${a.id}/include`} csrf={p.csrf} label={t('exclude.include')} ariaLabel={t('exclude.includeLabel', { code: a.code })} /> : null}
              </>
            ) : (
              <>
                <span class="tag">{t('exclude.counted')}</span>
                {p.mayRecord ? (
                  <PostForm action={`${base}/${a.id}/exclude`} csrf={p.csrf} class="exclude">
                    <Select
                      t={t}
                      idPrefix={`${a.id.slice(0, 8)}-`}
                      name="reason"
                      label={t('exclude.reasonLabel', { code: a.code })}
                      emptyLabel={t('exclude.choose')}
                      options={EXCLUSION_REASONS.map((r) => ({ value: r, label: t(`exclude.reason.${r}`) }))}
                      values={{}}
                      errors={p.refused?.id === a.id ? p.refused.errors : {}}
                      required
                    />
                    <button type="submit" class="secondary">
                      {t('exclude.action')}
                    </button>
                  </PostForm>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  )
}
