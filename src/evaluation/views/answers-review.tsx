import type { T } from '../../messages.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import type { FieldErrors, FormValues } from '../../platform/http/forms.ts'
import { Field, Notice, PostForm, PrevNext, Select, TableWrap } from '../../platform/views/components.tsx'
import { ANSWER_STATUSES } from '../answers-filter.ts'
import { EXCLUSION_REASONS, PHASES, type ExclusionReason } from '../evaluation-tables.ts'

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
  /** 1 when a phone answer arrived out of order (round-timing-queries.ts): staff decide whether it belongs. */
  outOfOrder?: number | boolean | undefined
  /** The participant's number in the session (participant-numbers.ts): rows name people by it, not by their code. */
  participant?: number | undefined
}

/** "Peserta 7": how staff pages name a participant; the code only where pairs are checked. */
export const participantName = (t: T, a: Pick<ReviewedAnswer, 'participant'>) => t('code.participant', { n: a.participant ?? '?' })

/** "Counted" or "Left out: a test by staff". */
export const statusWords = (t: T, a: Pick<ReviewedAnswer, 'excludedAt' | 'excludedReason'>) =>
  a.excludedAt ? t('exclude.excluded', { reason: t(`exclude.reason.${a.excludedReason ?? 'other'}`) }) : t('exclude.counted')

/**
 * A session's answers as a table, 100 a page, filtered by round, status and code; each opens in
 * full, and those who record the session leave the chosen ones out (one reason) or count them again.
 */
export function AnswersReviewPage(p: {
  t: T
  locale: Locale
  csrf: string
  sessionId: string
  sessionTitle: string
  answers: ReviewedAnswer[]
  total: number
  page: number
  pageSize: number
  /** The filters as given (round, status, code), for the form and the page links. */
  filter: FormValues
  groupLabel: (g: string) => string
  when: (iso: string) => string
  number: (n: number) => string
  mayRecord: boolean
  /** The bulk form's errors when it was refused, and the answers that were chosen. */
  refused?: { errors: FieldErrors; ids: string[]; reason: string } | undefined
  notice?: string | undefined
}) {
  const { t } = p
  const base = `/sessions/${p.sessionId}/evaluation/answers`
  const query = (page: number) => `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(p.filter).filter(([, v]) => v)), ...(page > 1 ? { page: String(page) } : {}) }).toString()}`
  const here = query(p.page)
  const from = (p.page - 1) * p.pageSize + 1
  const errors = p.refused?.errors ?? {}
  const chosen = new Set(p.refused?.ids ?? [])
  const filtered = Object.values(p.filter).some((v) => v)
  return (
    <>
      <p>
        <a href={`/sessions/${p.sessionId}/evaluation`}>← {t('eval.heading')}</a>
      </p>
      <h1>{t('exclude.title')}</h1>
      <p class="muted">{p.sessionTitle}</p>
      <p>{t('exclude.intro')}</p>
      <p class="small muted">{t('code.numbersNote')}</p>
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
      <form method="get" action={base} class="filters">
        <Select t={t} name="phase" label={t('answers.round')} values={p.filter} errors={{}} emptyLabel={t('answers.allRounds')} options={PHASES.map((ph) => ({ value: ph, label: t(`eval.phase.${ph}`) }))} />
        <Select t={t} name="status" label={t('answers.status')} values={p.filter} errors={{}} emptyLabel={t('answers.allStatuses')} options={ANSWER_STATUSES.map((s) => ({ value: s, label: t(`answers.status.${s}`) }))} />
        <Select t={t} name="flag" label={t('timing.flagFilter')} values={p.filter} errors={{}} emptyLabel={t('timing.flagFilterAll')} options={[{ value: 'timing', label: t('timing.flagFilterTiming') }]} />
        <Field t={t} name="code" type="search" label={t('answers.code')} hint={t('answers.codeHint')} values={p.filter} errors={{}} maxlength={40} />
        <div class="field">
          <button type="submit">{t('common.filter')}</button>
        </div>
      </form>
      {p.total === 0 ? (
        <p>{filtered ? t('answers.noMatch') : t('exclude.none')}</p>
      ) : (
        <>
          <p role="status">{t('answers.range', { from: p.number(from), to: p.number(from + p.answers.length - 1), total: p.number(p.total) })}</p>
          <Rows {...p} base={base} here={here} chosen={chosen} errors={errors} reason={p.refused?.reason ?? ''} />
          <PrevNext t={t} label={t('answers.pages')} prev={p.page > 1 ? `${base}${query(p.page - 1)}` : undefined} next={from + p.answers.length - 1 < p.total ? `${base}${query(p.page + 1)}` : undefined} />
        </>
      )}
    </>
  )
}

function Rows(p: Parameters<typeof AnswersReviewPage>[0] & { base: string; here: string; chosen: Set<string>; errors: FieldErrors; reason: string }) {
  const { t } = p
  const table = (
    <TableWrap label={t('exclude.title')}>
      <table>
        <thead>
          <tr>
            {p.mayRecord ? <th scope="col">{t('answers.choose')}</th> : null}
            <th scope="col">{t('code.participantColumn')}</th>
            <th scope="col">{t('answers.round')}</th>
            <th scope="col">{t('answers.group')}</th>
            <th scope="col">{t('answers.score')}</th>
            <th scope="col">{t('answers.source')}</th>
            <th scope="col">{t('answers.received')}</th>
            <th scope="col">{t('answers.status')}</th>
          </tr>
        </thead>
        <tbody>
          {p.answers.map((a) => (
            <tr>
              {p.mayRecord ? (
                <td>
                  <input type="checkbox" name="ids" value={a.id} checked={p.chosen.has(a.id)} aria-label={t('code.chooseOne', { n: a.participant ?? '?', round: t(`eval.phase.${a.phase}` as never) })} />
                </td>
              ) : null}
              <td>
                <a href={`${p.base}/${a.id}${p.here}`} aria-label={t('code.open', { n: a.participant ?? '?', round: t(`eval.phase.${a.phase}` as never) })}>
                  {participantName(t, a)}
                </a>
              </td>
              {/* The flag under the round it concerns: on a phone the table scrolls sideways, and a column of its own began out of view or clipped. */}
              <td>
                {t(`eval.phase.${a.phase}` as never)}
                {Number(a.outOfOrder) === 1 ? (
                  <>
                    <br />
                    <span class="tag never">{t('timing.flagBadge')}</span>
                  </>
                ) : null}
              </td>
              <td>{p.groupLabel(a.groupKind)}</td>
              <td>{a.maxScore !== null ? `${a.score ?? 0}/${a.maxScore}` : '—'}</td>
              <td>{t(`exclude.source.${a.source}`)}</td>
              <td>{p.when(a.receivedAt)}</td>
              <td>{statusWords(t, a)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
  if (!p.mayRecord) return table
  return (
    <PostForm action={`${p.base}/bulk${p.here}`} csrf={p.csrf}>
      {p.errors['ids'] ? (
        <p class="error" id="f-ids-error" role="alert">
          {t(p.errors['ids'].message as never)}
        </p>
      ) : null}
      {table}
      <fieldset>
        <legend>{t('answers.bulk')}</legend>
        <Select
          t={t}
          name="reason"
          label={t('answers.reason')}
          emptyLabel={t('exclude.choose')}
          options={EXCLUSION_REASONS.map((r) => ({ value: r, label: t(`exclude.reason.${r}`) }))}
          values={{ reason: p.reason }}
          errors={p.errors}
        />
        <div class="actions">
          <button type="submit" name="action" value="exclude" class="secondary">
            {t('answers.excludeChosen')}
          </button>{' '}
          <button type="submit" name="action" value="include" class="secondary">
            {t('answers.includeChosen')}
          </button>
        </div>
      </fieldset>
    </PostForm>
  )
}
