import type { MessageKey, T } from '../../messages.ts'
import type { FieldErrors, FormValues } from '../../platform/http/forms.ts'
import { ErrorSummary, Field, InlineAction, Notice, PostForm } from '../../platform/views/components.tsx'
import type { Register } from '../participant-register.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import { RoundBand, type RoundOf } from './round-band.tsx'
import { flagOf, linkState, type LinkTimes } from '../round-timing.ts'
import { roundTimingMessages } from '../round-timing-messages.ts'
import { statusWords, type ReviewedAnswer } from './answers-review.tsx'

/** A child reads the `.child` variant of a key where there is one (as participant-register.ts does for the form). */
const forRegister = (register: Register, key: MessageKey): MessageKey => (register === 'child' && `${key}.child` in roundTimingMessages ? (`${key}.child` as MessageKey) : key)

/** The page before a link opens names its round and session like the form will, so nobody waits at the wrong one. */
export function NotYetOpenPage(p: { t: T; locale: Locale; round: RoundOf; register: Register; opensAt: string }) {
  return (
    <article>
      <RoundBand t={p.t} locale={p.locale} round={p.round} />
      <h1>{p.t('timing.notYetOpenTitle')}</h1>
      <p>{p.t(forRegister(p.register, 'timing.notYetOpenBody'), { at: p.opensAt })}</p>
      <p class="muted">{p.t(forRegister(p.register, 'timing.notYetOpenKept'))}</p>
    </article>
  )
}

/** A link's times and state on the session's evaluation page, and the choices to set them. */
export function LinkTimingLine(p: { t: T; link: LinkTimes & { id: string; phase: string }; now: Date; when: (iso: string) => string; sessionId: string; csrf: string; mayRecord: boolean }) {
  const { t, link } = p
  const state = linkState(link, p.now)
  return (
    <span class="link-timing">
      {state === 'not-yet-open' ? <strong>{t('timing.notYetOpen')} </strong> : null}
      {link.opensAt ? <span class="small">{t('timing.opensAt', { at: p.when(link.opensAt) })} </span> : null}
      {link.closesAt ? <span class="small">{t('timing.closesAt', { at: p.when(link.closesAt) })} </span> : null}
      {p.mayRecord ? (
        <>
          {link.phase === 'pre' ? (
            <>
              <InlineAction action={`/sessions/${p.sessionId}/evaluation/links/${link.id}/open-before`} csrf={p.csrf} label={t('timing.openBefore')} />
              {/* A line of its own: on a phone the long button wraps, and a ' · ' after it began the next line. */}
              <br />
            </>
          ) : null}
          <a href={`/sessions/${p.sessionId}/evaluation/links/${link.id}/times`}>{t('timing.set')}</a>
        </>
      ) : null}
    </span>
  )
}

export interface FlaggedAnswer extends Pick<ReviewedAnswer, 'id' | 'phase' | 'groupKind' | 'receivedAt' | 'excludedAt' | 'excludedReason'> {}

/** The warning on the session's page: how many answers arrived out of order, the first of them, and the filtered table. */
export function OutOfOrderNotice(p: { t: T; sessionId: string; count: number; answers: FlaggedAnswer[]; when: (iso: string) => string; groupLabel: (g: string) => string }) {
  const { t } = p
  if (!p.count) return null
  const table = `/sessions/${p.sessionId}/evaluation/answers?flag=timing`
  return (
    <section class="out-of-order">
      <Notice kind="info">
        <strong>{t('timing.flagHeading')}</strong>
        <br />
        {t('timing.flagIntro', { count: p.count })}
        <ul>
          {p.answers.map((a) => (
            <li>
              <a href={`/sessions/${p.sessionId}/evaluation/answers/${a.id}?flag=timing`}>{t(`eval.phase.${a.phase}` as never)}</a> · {p.groupLabel(a.groupKind)} · {p.when(a.receivedAt)} ·{' '}
              {t(`timing.flag.${flagOf(a.phase)}`)} · {statusWords(t, a)}
            </li>
          ))}
          {p.count > p.answers.length ? <li>{t('timing.flagMore', { count: p.count - p.answers.length })}</li> : null}
        </ul>
        <a href={table}>{t('timing.flagShow')}</a>
      </Notice>
    </section>
  )
}

/** The page to set when one link opens and closes. */
export function LinkTimesPage(p: { t: T; csrf: string; action: string; sessionId: string; round: string; group: string; zone: string; session: string; values: FormValues; errors: FieldErrors }) {
  const { t } = p
  return (
    <>
      <p>
        <a href={`/sessions/${p.sessionId}/evaluation`}>← {t('eval.heading')}</a>
      </p>
      <h1>{t('timing.title', { round: `${p.round} · ${p.group}` })}</h1>
      <p>{t('timing.intro', { zone: p.zone })}</p>
      <p class="muted">{p.session}</p>
      <ErrorSummary t={t} errors={p.errors} />
      <PostForm action={p.action} csrf={p.csrf}>
        <Field t={t} name="opensAt" type="datetime-local" label={t('timing.opensAtLabel')} values={p.values} errors={p.errors} />
        <Field t={t} name="closesAt" type="datetime-local" label={t('timing.closesAtLabel')} values={p.values} errors={p.errors} />
        <p>
          <button type="submit" class="button primary">
            {t('timing.save')}
          </button>
        </p>
      </PostForm>
    </>
  )
}
