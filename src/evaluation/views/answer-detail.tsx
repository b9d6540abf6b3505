import type { T } from '../../messages.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import { isCorrect } from '../answers.ts'
import type { FreeTextStatus } from '../evaluation-tables.ts'
import type { Definition, Item } from '../questionnaire-schema.ts'
import { participantName, statusWords, type ReviewedAnswer } from './answers-review.tsx'

/** What one item's answer reads as; a written answer only once released by a referral person. */
function answerWords(t: T, locale: Locale, item: Item, value: unknown, review: FreeTextStatus | undefined): string {
  if (item.kind === 'text') {
    if (typeof value !== 'string' || value.trim() === '') return t('answers.nothing')
    return review === 'released' ? value : review === 'flagged' ? t('answers.textFlagged') : t('answers.textWaiting')
  }
  if (value === undefined || value === null || value === '') return t('answers.nothing')
  const option = (v: unknown) => item.options?.find((o) => o.value === v)?.label[locale] ?? String(v)
  if (item.kind === 'truefalse') return value === 'true' ? t('answers.true') : value === 'false' ? t('answers.false') : String(value)
  if (item.kind === 'single') return option(value)
  if (item.kind === 'multiple') return (Array.isArray(value) ? value : [value]).map(option).join(', ')
  if (item.kind === 'likert') return t('answers.likert', { value: String(value) })
  return String(value)
}

/** One answer in full: every question with its label and what was answered (not only the score). */
export function AnswerDetailPage(p: {
  t: T
  locale: Locale
  sessionId: string
  /** The table's filters and page, to go back to where the reader was. */
  back: string
  answer: ReviewedAnswer
  answers: Record<string, unknown>
  definition: Definition | undefined
  reviews: Map<string, FreeTextStatus>
  groupLabel: (g: string) => string
  when: (iso: string) => string
}) {
  const { t, answer: a } = p
  return (
    <>
      <p>
        <a href={p.back}>← {t('answers.back')}</a>
      </p>
      <h1>{t('code.detailTitle', { name: participantName(t, a), round: t(`eval.phase.${a.phase}` as never) })}</h1>
      <dl class="facts">
        <dt>{t('code.codeForReview')}</dt>
        <dd>{a.code}</dd>
        <dt>{t('answers.round')}</dt>
        <dd>{t(`eval.phase.${a.phase}` as never)}</dd>
        <dt>{t('answers.group')}</dt>
        <dd>{p.groupLabel(a.groupKind)}</dd>
        {a.maxScore !== null ? (
          <>
            <dt>{t('answers.score')}</dt>
            <dd>{`${a.score ?? 0}/${a.maxScore}`}</dd>
          </>
        ) : null}
        <dt>{t('answers.source')}</dt>
        <dd>{t(`exclude.source.${a.source}`)}</dd>
        <dt>{t('answers.received')}</dt>
        <dd>{p.when(a.receivedAt)}</dd>
        <dt>{t('answers.status')}</dt>
        <dd>{statusWords(t, a)}</dd>
      </dl>
      {!p.definition ? (
        <p>{t('answers.noVersion')}</p>
      ) : (
        p.definition.sections.map((s) => (
          <>
            {s.title ? <h2>{s.title[p.locale]}</h2> : null}
            <ol class="link-list">
              {s.items
                .filter((i) => i.kind !== 'note')
                .map((i) => (
                  <li>
                    <strong>{i.label[p.locale]}</strong>
                    <br />
                    <span>{answerWords(t, p.locale, i, p.answers[i.id], p.reviews.get(i.id))}</span>{' '}
                    {i.answer !== undefined ? <span class="tag">{isCorrect(i, p.answers[i.id]) ? t('answers.right') : t('answers.wrong')}</span> : null}
                  </li>
                ))}
            </ol>
          </>
        ))
      )}
    </>
  )
}
