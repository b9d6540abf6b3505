// A questionnaire's answers summed up (feedback, follow-up; a session's or a whole programme's).
// Written answers appear only once released by a referral person; the others are only counted.
import type { T } from '../../messages.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import { waitingWords } from '../free-text.ts'
import { decimal } from '../result-words.ts'
import type { BehaviourQuestion } from '../behaviour-summary.ts'
import type { FeedbackResult } from '../session-results.ts'
import { BehaviourView } from './behaviour.tsx'

/** With `behaviour` (a follow-up's), those questions are shown before and after instead of as plain counts. */
export function FeedbackView(p: { t: T; locale: Locale; feedback: FeedbackResult; heading?: string; behaviour?: BehaviourQuestion[] }) {
  const { t, locale, feedback: f } = p
  const asBehaviour = new Set((p.behaviour ?? []).map((b) => b.id))
  return (
    <section>
      <h2>{p.heading ?? t('eval.feedback', { count: f.count })}</h2>
      <ul>
        {f.likert.map((l) => (
          <li>
            {l.label[locale]}
            <br />
            <strong>{t('eval.mean', { mean: decimal(locale, l.mean, 1) })}</strong> <span class="muted small">({l.counts.map((n, i) => `${i + 1}: ${n}`).join(' · ')})</span>
          </li>
        ))}
        {f.choices.filter((c) => !asBehaviour.has(c.id)).map((c) => (
          <li>
            {c.label[locale]}
            <br />
            {c.counts.map((x) => `${x.label[locale]}: ${x.n}`).join(' · ')}
          </li>
        ))}
      </ul>
      {p.behaviour ? <BehaviourView t={t} locale={locale} questions={p.behaviour} after={t('behaviour.threeMonths')} /> : null}
      {f.texts
        .filter((x) => x.answers.length || x.waiting)
        .map((x) => (
          <>
            <h3>{x.label[locale]}</h3>
            {x.answers.length ? (
              <ul>
                {x.answers.map((text) => (
                  <li>{text}</li>
                ))}
              </ul>
            ) : null}
            {x.waiting ? <p class="muted">{waitingWords(t, x.waiting)}</p> : null}
          </>
        ))}
    </section>
  )
}
