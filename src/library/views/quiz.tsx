import { raw } from 'hono/html'
import type { T } from '../../messages.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import type { Quiz } from '../content-schema.ts'
import type { Library } from '../content.ts'
import { pageUrl, quizUrl, quizzesUrl } from '../library-urls.ts'
import { SharePage } from './share.tsx'

export function QuizList({ t, locale, quizzes, base }: { t: T; locale: Locale; quizzes: Quiz[]; base: string }) {
  return (
    <>
      <h1>{t('quiz.title')}</h1>
      <p class="lead">{t('quiz.lead')}</p>
      <SharePage t={t} title={t('quiz.title')} url={base + quizzesUrl(locale)} />
      <ul class="cards">
        {quizzes.map((q) => (
          <li>
            <a href={quizUrl(locale, q.key)}>{q.title[locale]}</a>
            <p class="muted small">
              {t('quiz.questions', { count: q.questions.length })} · {q.audiences.map((a) => t(`audience.${a}`)).join(', ')}
            </p>
          </li>
        ))}
      </ul>
    </>
  )
}

/**
 * The quiz as a plain GET form: answers travel in the address and come back checked, so nothing is
 * stored anywhere, it works without JavaScript, and a saved copy works offline only as a form.
 */
export function QuizPage({ t, locale, quiz, answers, checked, library, base }: { t: T; locale: Locale; quiz: Quiz; answers: Record<string, string>; checked: boolean; library: Library; base: string }) {
  const correct = quiz.questions.filter((q) => answers[q.id] === q.answer).length
  return (
    <>
      <h1>{quiz.title[locale]}</h1>
      <p class="lead">{quiz.intro[locale]}</p>
      {/* The quiz's own address, never the answers someone gave. */}
      <SharePage t={t} title={quiz.title[locale]} url={base + quizUrl(locale, quiz.key)} />
      <div class="alert alert-success" role="status" data-quiz-score hidden={!checked}>
        {checked ? t('quiz.score', { correct, total: quiz.questions.length }) : ''}
      </div>
      {checked ? null : <AnswerKey t={t} locale={locale} quiz={quiz} library={library} />}
      <form method="get" action={quizUrl(locale, quiz.key)} class="quiz">
        <input type="hidden" name="check" value="1" />
        {quiz.questions.map((q, i) => {
          const given = answers[q.id]
          const right = q.options.find((o) => o.id === q.answer)!
          const page = q.page ? library.byKey(locale, q.page) : undefined
          return (
            <fieldset class="question" id={q.id}>
              <legend>
                <span class="muted small">{t('quiz.question', { n: i + 1 })}</span>
                <br />
                {q.text[locale]}
              </legend>
              {q.options.map((o) => (
                <label class="option">
                  <input type="radio" name={q.id} value={o.id} checked={given === o.id} /> {o.text[locale]}
                </label>
              ))}
              {checked ? (
                <div class={`feedback ${given === q.answer ? 'is-right' : 'is-wrong'}`}>
                  <p>
                    <strong>{given === undefined ? t('quiz.unanswered') : given === q.answer ? t('quiz.right') : t('quiz.wrong')}</strong>
                    {given === q.answer ? null : <> · {t('quiz.answerIs', { answer: right.text[locale] })}</>}
                  </p>
                  <p>{q.explanation[locale]}</p>
                  {page ? <a href={pageUrl(locale, page.slug)}>{t('quiz.readMore', { title: page.title })}</a> : null}
                </div>
              ) : null}
            </fieldset>
          )
        })}
        <div class="actions">
          <button type="submit">{t('quiz.check')}</button>
          {checked ? <a href={quizUrl(locale, quiz.key)}>{t('quiz.again')}</a> : null}
        </div>
      </form>
    </>
  )
}

/**
 * The answers and explanations as JSON data (never executed, so the CSP allows it), for checking a
 * quiz in the browser when it was opened from the offline cache and the server cannot check it.
 */
function AnswerKey({ t, locale, quiz, library }: { t: T; locale: Locale; quiz: Quiz; library: Library }) {
  const key = {
    texts: { right: t('quiz.right'), wrong: t('quiz.wrong'), unanswered: t('quiz.unanswered'), answerIs: t('quiz.answerIs', { answer: '{answer}' }), readMore: t('quiz.readMore', { title: '{title}' }), score: t('quiz.score', { correct: '{correct}', total: quiz.questions.length }) },
    questions: quiz.questions.map((q) => {
      const page = q.page ? library.byKey(locale, q.page) : undefined
      return { id: q.id, answer: q.answer, answerText: q.options.find((o) => o.id === q.answer)!.text[locale], explanation: q.explanation[locale], page: page ? { title: page.title, url: pageUrl(locale, page.slug) } : null }
    }),
  }
  // "<" escaped so no text can close the script element.
  return <script type="application/json" id="quiz-key">{raw(JSON.stringify(key).replace(/</g, '\\u003c'))}</script>
}
