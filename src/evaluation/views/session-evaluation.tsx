import type { T } from '../../messages.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import type { FieldErrors, FormValues } from '../../platform/http/forms.ts'
import { ErrorSummary, InlineAction, Notice, PostForm, Select } from '../../platform/views/components.tsx'
import type { GroupCodeParts } from '../code-parts.ts'
import type { SessionResults } from '../session-results.ts'
import type { LinkCounts } from '../submission-intake.ts'
import { waitingWords } from '../free-text.ts'
import { FeedbackView } from './feedback.tsx'
import { linkState } from '../round-timing.ts'
import { LinkTimingLine, OutOfOrderNotice, type FlaggedAnswer } from './round-timing.tsx'
import { CodePartChoice, CodePartsSection } from './code-parts.tsx'
import { GroupResultView } from './group-result.tsx'
import { UncheckedWarning } from './questionnaire-review.tsx'

export interface LinkView {
  id: string
  token: string
  phase: string
  groupKind: string
  closedAt: string | null
  opensAt: string | null
  closesAt: string | null
  submissions: number
  title: string
  url: string
}


export interface EvaluationPageProps {
  t: T
  locale: Locale
  csrf: string
  sessionId: string
  sessionTitle: string
  links: LinkView[]
  results: SessionResults
  groupLabel: (group: string) => string
  /** Groups that can still get questionnaires; empty when the viewer may not open any. */
  openable: { value: string; label: string }[]
  /** Groups whose 3-month follow-up can be opened now. */
  followUpGroups: { value: string; label: string }[]
  /** Questionnaires that may be used before and after instead of the group's knowledge test. */
  questionnaires: { value: string; label: string }[]
  /** Whether the viewer may type in paper forms and open or close links. */
  mayRecord: boolean
  values: FormValues
  checkedElements: string[]
  errors: FieldErrors
  notice?: string
  disclosures: number
  /** Written answers no referral person has read yet, and whether this viewer may read them. */
  comments?: { waiting: number; mayReview: boolean }
  /** Answers staff left out of the results. */
  excluded: number
  /** Answers held because too many arrived through one link at once (submission-intake.ts). */
  held?: { count: number; limit: number }
  /** What became of the submissions through each link, counted with no personal data. */
  linkCounts?: Map<string, LinkCounts>
  /** Each link's opening times, and the answers that arrived out of order (round-timing.ts). */
  timing?: { now: Date; when: (iso: string) => string; outOfOrder: { count: number; answers: FlaggedAnswer[] } }
  /** Each group's code questions (those who see private parts only), and the change form as sent when it was refused. */
  codeParts?: GroupCodeParts[]
  codePartsRefused?: { groupKind: string; checked: string[]; errors: FieldErrors } | undefined
  /** Questionnaire versions this session's links hand out that nobody has checked yet (questionnaire-review.ts). */
  unchecked?: { key: string; title: string; version: number; link?: boolean }[]
}

export function EvaluationPage(p: EvaluationPageProps) {
  const { t, locale } = p
  // Closed by hand or by its closing time: either way "reopen" opens it now.
  const closed = (l: LinkView) => (p.timing ? linkState(l, p.timing.now) === 'closed' : !!l.closedAt)
  // Not open yet: the timing line below says so and when; "open" here would contradict it.
  const notYetOpen = (l: LinkView) => !!p.timing && linkState(l, p.timing.now) === 'not-yet-open'
  return (
    <>
      <p>
        <a href={`/sessions/${p.sessionId}`}>← {p.sessionTitle}</a>
      </p>
      <h1>{t('eval.heading')}</h1>
      <p>{t('eval.intro')}</p>
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
      <UncheckedWarning t={t} questionnaires={p.unchecked ?? []} />
      {p.links.length ? (
        <>
          <ul class="link-list">
            {p.links.map((l) => (
              <li>
                <strong>
                  {t(`eval.phase.${l.phase}` as never)} · {p.groupLabel(l.groupKind)}
                </strong>
                <br />
                <a href={l.url} class="link-url">
                  {l.url}
                </a>
                <br />
                {t('eval.answers', { count: l.submissions })}
                {notYetOpen(l) ? '' : ` · ${closed(l) ? t('eval.isClosed') : t('eval.isOpen')}`}{' '}
                {p.linkCounts?.get(l.id) ? <span class="small muted">({t('eval.linkCounts', { ...p.linkCounts.get(l.id)! })}) </span> : null}
                <a href={`/sessions/${p.sessionId}/evaluation/links/${l.id}/xlsform.xlsx`} download>
                  {t('questionnaire.exportForLink')}
                </a>
                {p.mayRecord ? ' · ' : null}
                {p.mayRecord ? (
                  <>
                    <InlineAction action={`/sessions/${p.sessionId}/evaluation/links/${l.id}/${closed(l) ? 'reopen' : 'close'}`} csrf={p.csrf} label={closed(l) ? t('eval.reopen') : t('eval.close')} />
                    {' · '}
                    <a href={`/sessions/${p.sessionId}/evaluation/links/${l.id}/paper`}>{t('paper.enter')}</a>
                    {' · '}
                    <a href={`/sessions/${p.sessionId}/evaluation/links/${l.id}/import`}>{t('csvImport.link')}</a>
                  </>
                ) : null}
                {p.timing ? (
                  <>
                    <br />
                    <LinkTimingLine t={t} link={l} now={p.timing.now} when={p.timing.when} sessionId={p.sessionId} csrf={p.csrf} mayRecord={p.mayRecord} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <p class="actions">
            <a class="button" href={`/sessions/${p.sessionId}/evaluation/qr`}>
              {t('eval.qr')}
            </a>{' '}
            <a class="button" href={`/sessions/${p.sessionId}/evaluation/live`}>
              {t('eval.live')}
            </a>{' '}
            <a class="button" href={`/sessions/${p.sessionId}/evaluation/report.pdf`}>
              {t('eval.pdf')}
            </a>{' '}
            <a class="button" href={`/sessions/${p.sessionId}/evaluation/answers.csv`}>
              {t('eval.export')}
            </a>{' '}
            <a class="button" href={`/sessions/${p.sessionId}/evaluation/answers.xlsx`}>
              {t('eval.exportXlsx')}
            </a>{' '}
            <a href={`/sessions/${p.sessionId}/evaluation/codebook.csv`}>{t('eval.codebook')}</a>
          </p>
          <p class="small muted">{t('code.exportNote')}</p>
          <p>
            <a href={`/sessions/${p.sessionId}/evaluation/answers`}>{t('exclude.link')}</a>
            {p.excluded ? <span class="muted"> · {t('exclude.excludedCount', { count: p.excluded })}</span> : null}
          </p>
        </>
      ) : null}
      <CodePartsSection t={t} locale={locale} csrf={p.csrf} sessionId={p.sessionId} groups={p.codeParts ?? []} groupLabel={p.groupLabel} mayRecord={p.mayRecord} refused={p.codePartsRefused} />
      {p.disclosures ? <Notice kind="info">{t('eval.disclosures', { count: p.disclosures })}</Notice> : null}
      {p.comments?.waiting ? (
        <Notice kind="info">
          {waitingWords(t, p.comments.waiting)}
          {p.comments.mayReview ? (
            <>
              {' '}
              <a href={`/sessions/${p.sessionId}/evaluation/comments`}>{t('review.link')}</a>
            </>
          ) : null}
        </Notice>
      ) : null}
      {p.held?.count ? (
        <Notice kind="info">
          {t('exclude.heldCount', { count: p.held.count, limit: p.held.limit })} <a href={`/sessions/${p.sessionId}/evaluation/answers`}>{t('exclude.link')}</a>
        </Notice>
      ) : null}
      {p.timing ? <OutOfOrderNotice t={t} sessionId={p.sessionId} count={p.timing.outOfOrder.count} answers={p.timing.outOfOrder.answers} when={p.timing.when} groupLabel={p.groupLabel} /> : null}
      {p.results.groups.map((g) => (
        <GroupResultView t={t} locale={locale} group={g} groupLabel={p.groupLabel(g.groupKind)} review={p.mayRecord ? { csrf: p.csrf, sessionId: p.sessionId } : undefined} />
      ))}
      {p.results.feedback && p.results.feedback.count ? <FeedbackView t={t} locale={locale} feedback={p.results.feedback} /> : null}
      {p.results.followUps.map((f) => (
        <>
          <FeedbackView t={t} locale={locale} feedback={f.summary} behaviour={f.behaviour} heading={t('eval.followUpResults', { group: p.groupLabel(f.groupKind), count: f.summary.count })} />
          <p>{t('eval.followUpMatched', { matched: f.matchedToPre, count: f.summary.count })}</p>
        </>
      ))}
      {p.followUpGroups.length ? (
        <section>
          <h2>{t('eval.followUp')}</h2>
          <p>{t('eval.followUpIntro')}</p>
          {p.followUpGroups.map((g) => (
            <PostForm action={`/sessions/${p.sessionId}/evaluation/follow-up`} csrf={p.csrf}>
              <input type="hidden" name="groupKind" value={g.value} />
              <button type="submit" class="button">
                {t('eval.openFollowUp', { group: g.label })}
              </button>
            </PostForm>
          ))}
        </section>
      ) : null}
      {p.openable.length ? (
        <section>
          <h2>{t('eval.open')}</h2>
          <ErrorSummary t={t} errors={p.errors} />
          <PostForm action={`/sessions/${p.sessionId}/evaluation`} csrf={p.csrf}>
            <Select t={t} name="groupKind" label={t('eval.group')} values={p.values} errors={p.errors} options={p.openable} required />
            <Select t={t} name="questionnaireKey" label={t('eval.questionnaire')} values={p.values} errors={p.errors} options={p.questionnaires} emptyLabel={t('eval.defaultTest')} />
            <CodePartChoice t={t} locale={locale} checked={p.checkedElements} errors={p.errors} />
            <label class="choice">
              <input type="checkbox" name="feedback" value="yes" checked={p.values['feedback'] !== 'no'} /> {t('eval.withFeedback')}
            </label>
            <p>
              <button type="submit" class="button primary">
                {t('eval.open')}
              </button>
            </p>
          </PostForm>
        </section>
      ) : null}
    </>
  )
}
