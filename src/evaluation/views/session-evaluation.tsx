import qrcode from 'qrcode-generator'
import type { T } from '../../messages.ts'
import { formatPercent, type Locale } from '../../platform/i18n/i18n.ts'
import type { FieldErrors, FormValues } from '../../platform/http/forms.ts'
import { Checkboxes, ErrorSummary, InlineAction, Notice, PostForm, Select, TableWrap } from '../../platform/views/components.tsx'
import { CODE_ELEMENTS } from '../code-elements.ts'
import type { GroupResult, SessionResults } from '../session-results.ts'
import type { LinkCounts } from '../submission-intake.ts'
import { decimal, resultWords, statisticsRows } from '../result-words.ts'

export interface LinkView {
  id: string
  token: string
  phase: string
  groupKind: string
  closedAt: string | null
  submissions: number
  title: string
  url: string
}


/** A QR code as inline SVG (one path, crisp when printed), with the address it holds as its name. */
export function QrCode(p: { url: string; label: string }) {
  const qr = qrcode(0, 'M')
  qr.addData(p.url)
  qr.make()
  const n = qr.getModuleCount()
  let d = ''
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + 4} ${r + 4}h1v1h-1z`
  return (
    <svg class="qr" viewBox={`0 0 ${n + 8} ${n + 8}`} role="img" aria-label={p.label} xmlns="http://www.w3.org/2000/svg">
      <rect width={n + 8} height={n + 8} fill="#fff" />
      <path d={d} fill="#000" shape-rendering="crispEdges" />
    </svg>
  )
}

/** Two bars per row, before and after, as shares (0–1). */
export function BeforeAfterChart(p: { title: string; rows: { label: string; before: number | null; after: number | null }[]; t: T; locale: Locale }) {
  const width = 320
  const row = 44
  const height = p.rows.length * row + 24
  const w = (x: number | null) => (x === null ? 0 : Math.round((width - 60) * x))
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={p.title} xmlns="http://www.w3.org/2000/svg">
        <title>{p.title}</title>
        <rect x="0" y="2" width="10" height="10" fill="#9aa5b1" />
        <text x="14" y="11" font-size="11" fill="#1b1f24">
          {p.t('eval.before')}
        </text>
        <rect x="90" y="2" width="10" height="10" fill="#0b5c4a" />
        <text x="104" y="11" font-size="11" fill="#1b1f24">
          {p.t('eval.after')}
        </text>
        {p.rows.map((r, i) => {
          const y = 24 + i * row
          return (
            <g>
              <text x="0" y={y + 10} font-size="11" fill="#1b1f24">
                {r.label}
              </text>
              <rect x="0" y={y + 14} width={w(r.before)} height="10" fill="#9aa5b1" />
              <text x={w(r.before) + 4} y={y + 23} font-size="10" fill="#4d5661">
                {formatPercent(p.locale, r.before)}
              </text>
              <rect x="0" y={y + 26} width={w(r.after)} height="10" fill="#0b5c4a" />
              <text x={w(r.after) + 4} y={y + 35} font-size="10" fill="#4d5661">
                {formatPercent(p.locale, r.after)}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption class="small muted">{p.title}</figcaption>
    </figure>
  )
}

/** The result in words first, then the numbers, then what they cannot say. */
export function GroupResultView(p: { t: T; locale: Locale; group: GroupResult; groupLabel: string; review?: { csrf: string; sessionId: string } | undefined }) {
  const { t, locale, group: g } = p
  const words = resultWords(t, locale, g)
  const stats = statisticsRows(t, locale, g)
  const itemLabel = (label: string, n: number) => `${n + 1}. ${label.slice(0, 48)}${label.length > 48 ? '…' : ''}`
  return (
    <section class="eval-group">
      <h2>{t('eval.results', { group: p.groupLabel })}</h2>
      {g.preCount + g.postCount === 0 ? (
        <p>{t('eval.noAnswers')}</p>
      ) : (
        <>
          <p>{words.matched}</p>
          {words.ambiguous ? <p>{words.ambiguous}</p> : null}
          {words.duplicates ? <p>{words.duplicates}</p> : null}
          {p.review && (g.match.ambiguous.length || g.confirmed.length) ? <PairReview t={t} group={g} {...p.review} /> : null}
          <p>{words.shares}</p>
          {words.headline ? (
            <p class="lead">
              <strong>{words.headline.change}</strong> {words.headline.chance}
            </p>
          ) : null}
          {words.smallGroup ? <p class="muted">{words.smallGroup}</p> : null}
          {g.likert.length ? (
            <TableWrap label={t('eval.statements')}>
              <table>
                <caption>{t('eval.statements')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('eval.item')}</th>
                    <th scope="col" class="num">{t('eval.before')}</th>
                    <th scope="col" class="num">{t('eval.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.likert.map((l) => (
                    <tr>
                      <th scope="row">{l.label[locale]}</th>
                      <td class="num">
                        {decimal(locale, l.preMean, 1)} <span class="muted small">({l.pre.join(' · ')})</span>
                      </td>
                      <td class="num">
                        {decimal(locale, l.postMean, 1)} <span class="muted small">({l.post.join(' · ')})</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
          <div class="charts">
            {g.items.length ? <BeforeAfterChart t={t} locale={locale} title={t('eval.items')} rows={g.items.map((i, n) => ({ label: itemLabel(i.label[locale], n), before: i.preCorrect, after: i.postCorrect }))} /> : null}
            {g.distribution.length ? (
              <BeforeAfterChart
                t={t}
                locale={locale}
                title={t('eval.distribution')}
                rows={g.distribution.filter((d) => d.pre || d.post).map((d) => ({ label: `${t('eval.score')} ${d.score}`, before: g.preCount ? d.pre / g.preCount : null, after: g.postCount ? d.post / g.postCount : null }))}
              />
            ) : null}
          </div>
          {stats.length ? (
            <TableWrap label={t('eval.statistics')}>
              <table>
                <caption>{t('eval.statistics')}</caption>
                <tbody>
                  {stats.map(([label, value]) => (
                    <tr>
                      <th scope="row">{label}</th>
                      <td>{value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
          <p class="small muted">{words.limits}</p>
        </>
      )}
    </section>
  )
}

/** Codes too alike to pair on their own, for a person to pair (or undo) one by one. */
function PairReview(p: { t: T; group: GroupResult; csrf: string; sessionId: string }) {
  const { t, group: g } = p
  const action = `/sessions/${p.sessionId}/evaluation/pairs`
  return (
    <details class="pair-review" open={g.match.ambiguous.length > 0}>
      <summary>{t('eval.review')}</summary>
      {g.match.ambiguous.length ? <p class="small">{t('eval.reviewIntro')}</p> : null}
      <ul>
        {g.match.ambiguous.flatMap((a) =>
          a.candidates.map((c) => (
            <li>
              <InlineAction action={action} csrf={p.csrf} label={t('eval.pairWith', { pre: a.code, post: c.code })} fields={{ pre: a.pre, post: c.post }} />
            </li>
          )),
        )}
      </ul>
      {g.confirmed.length ? (
        <>
          <p class="small">{t('eval.confirmedPairs')}</p>
          <ul>
            {g.confirmed.map((c) => (
              <li>
                <InlineAction action={`${action}/${c.id}/undo`} csrf={p.csrf} label={t('eval.undoPair', { pre: c.preCode, post: c.postCode })} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </details>
  )
}

export function FeedbackView(p: { t: T; locale: Locale; feedback: NonNullable<SessionResults['feedback']>; heading?: string }) {
  const { t, locale, feedback: f } = p
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
        {f.choices.map((c) => (
          <li>
            {c.label[locale]}
            <br />
            {c.counts.map((x) => `${x.label[locale]}: ${x.n}`).join(' · ')}
          </li>
        ))}
      </ul>
      {f.texts
        .filter((x) => x.answers.length)
        .map((x) => (
          <>
            <h3>{x.label[locale]}</h3>
            <ul>
              {x.answers.map((text) => (
                <li>{text}</li>
              ))}
            </ul>
          </>
        ))}
    </section>
  )
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
  /** Answers staff left out of the results. */
  excluded: number
  /** Answers held because too many arrived through one link at once (submission-intake.ts). */
  held?: { count: number; limit: number }
  /** What became of the submissions through each link, counted with no personal data. */
  linkCounts?: Map<string, LinkCounts>
}

export function EvaluationPage(p: EvaluationPageProps) {
  const { t, locale } = p
  return (
    <>
      <p>
        <a href={`/sessions/${p.sessionId}`}>← {p.sessionTitle}</a>
      </p>
      <h1>{t('eval.heading')}</h1>
      <p>{t('eval.intro')}</p>
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
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
                {t('eval.answers', { count: l.submissions })} · {l.closedAt ? t('eval.isClosed') : t('eval.isOpen')}{' '}
                {p.linkCounts?.get(l.id) ? <span class="small muted">({t('eval.linkCounts', { ...p.linkCounts.get(l.id)! })}) </span> : null}
                {p.mayRecord ? (
                  <>
                    <InlineAction action={`/sessions/${p.sessionId}/evaluation/links/${l.id}/${l.closedAt ? 'reopen' : 'close'}`} csrf={p.csrf} label={l.closedAt ? t('eval.reopen') : t('eval.close')} />
                    {' · '}
                    <a href={`/sessions/${p.sessionId}/evaluation/links/${l.id}/paper`}>{t('paper.enter')}</a>
                    {' · '}
                    <a href={`/sessions/${p.sessionId}/evaluation/links/${l.id}/import`}>{t('csvImport.link')}</a>
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
          <p>
            <a href={`/sessions/${p.sessionId}/evaluation/answers`}>{t('exclude.link')}</a>
            {p.excluded ? <span class="muted"> · {t('exclude.excludedCount', { count: p.excluded })}</span> : null}
          </p>
        </>
      ) : null}
      {p.disclosures ? <Notice kind="info">{t('eval.disclosures', { count: p.disclosures })}</Notice> : null}
      {p.held?.count ? (
        <Notice kind="info">
          {t('exclude.heldCount', { count: p.held.count, limit: p.held.limit })} <a href={`/sessions/${p.sessionId}/evaluation/answers`}>{t('exclude.link')}</a>
        </Notice>
      ) : null}
      {p.results.groups.map((g) => (
        <GroupResultView t={t} locale={locale} group={g} groupLabel={p.groupLabel(g.groupKind)} review={p.mayRecord ? { csrf: p.csrf, sessionId: p.sessionId } : undefined} />
      ))}
      {p.results.feedback && p.results.feedback.count ? <FeedbackView t={t} locale={locale} feedback={p.results.feedback} /> : null}
      {p.results.followUps.map((f) => (
        <>
          <FeedbackView t={t} locale={locale} feedback={f.summary} heading={t('eval.followUpResults', { group: p.groupLabel(f.groupKind), count: f.summary.count })} />
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
            <Checkboxes
              t={t}
              name="codeElements"
              legend={t('eval.codeElements')}
              options={CODE_ELEMENTS.map((e) => ({ id: e.key, label: e.label[locale] }))}
              checked={p.checkedElements}
              errors={p.errors}
            />
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

export function QrPage(p: { t: T; sessionTitle: string; links: LinkView[]; groupLabel: (g: string) => string }) {
  const { t } = p
  return (
    <>
      <h1>{t('eval.qrTitle', { title: p.sessionTitle })}</h1>
      <div class="qr-sheet">
        {p.links
          .filter((l) => !l.closedAt)
          .map((l) => (
            <section class="qr-card">
              <h2>
                {t(`eval.phase.${l.phase}` as never)} · {p.groupLabel(l.groupKind)}
              </h2>
              <p>{l.title}</p>
              <QrCode url={l.url} label={`${t('eval.qr')}: ${l.url}`} />
              <p class="small">
                {t('eval.qrScan')} <strong>{l.url}</strong>
              </p>
            </section>
          ))}
      </div>
    </>
  )
}

export function LivePage(p: { t: T; locale: Locale; sessionTitle: string; results: SessionResults; groupLabel: (g: string) => string }) {
  const { t, locale } = p
  return (
    <div class="live">
      <h1>{t('eval.liveTitle', { title: p.sessionTitle })}</h1>
      <p class="muted small">
        {t('eval.liveRefresh')}{' '}
        <button type="button" class="link" data-live-toggle data-pause={t('eval.livePause')} data-resume={t('eval.liveResume')} aria-pressed="false" hidden>
          {t('eval.livePause')}
        </button>{' '}
        <a href="">{t('eval.liveReload')}</a>
      </p>
      <div data-live="10000">
        {p.results.groups.map((g) => (
          <section>
            <h2>{p.groupLabel(g.groupKind)}</h2>
            <p class="live-numbers">
              <span>
                {t('eval.before')}: <strong>{formatPercent(locale, g.preShare)}</strong> <span class="small">({t('eval.answers', { count: g.preCount })})</span>
              </span>{' '}
              <span>
                {t('eval.after')}: <strong>{formatPercent(locale, g.postShare)}</strong> <span class="small">({t('eval.answers', { count: g.postCount })})</span>
              </span>
            </p>
            {g.items.length ? (
              <BeforeAfterChart t={t} locale={locale} title={t('eval.items')} rows={g.items.map((i, n) => ({ label: `${n + 1}. ${i.label[locale].slice(0, 48)}${i.label[locale].length > 48 ? '…' : ''}`, before: i.preCorrect, after: i.postCorrect }))} />
            ) : null}
          </section>
        ))}
      </div>
    </div>
  )
}
