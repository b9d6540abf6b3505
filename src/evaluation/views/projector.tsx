// The projector view: a page of its own (no menu, banner or footer) in type large enough for the back
// of a hall, that fits a 1366×768 or 1920×1080 screen without scrolling whatever the results hold.
// It fits by showing less, decided here (projectorPlan), never by cutting content off with CSS.
// Numbers only: never participants' written answers, at most how many wait for review. A round answered
// by 1–4 people shows no percentages (the whole hall could tell whose answers they are): see hallSafe.
import { raw } from 'hono/html'
import type { T } from '../../messages.ts'
import { formatPercent, type Locale } from '../../platform/i18n/i18n.ts'
import { SMALL_CELL } from '../../outreach/suppression.ts'
import { waitingWords } from '../free-text.ts'
import type { GroupResult, SessionResults } from '../session-results.ts'

/**
 * Rows a card has for items (each row one item, or the "more" line), worked out in rem from
 * static/projector.css for a 16:9 screen: alone, an item is one line; side by side, its label has a
 * line of its own above the bars. Two rows of cards leave no room for items.
 */
const ROWS_ALONE = 10
const ROWS_SIDE_BY_SIDE = 6
const COLUMNS = 3
/** More groups than one row of cards: two rows, headline numbers only. */
const MAX_GROUPS = COLUMNS * 2

export interface ProjectorCard {
  group: ReturnType<typeof hallSafe>
  items: GroupResult['items']
  moreItems: number
}

/** Whether a round's numbers may be put up in the hall: none yet, or answered by SMALL_CELL people or more. */
const shownToHall = (count: number) => count === 0 || count >= SMALL_CELL

/**
 * The group as the hall may see it: a round answered by 1–4 people loses its percentages (the mean
 * and every item's rate), so that nobody in the room can read off one person's answers. Counts stay.
 */
export function hallSafe(group: GroupResult): GroupResult & { fewBefore: boolean; fewAfter: boolean } {
  const fewBefore = !shownToHall(group.preCount)
  const fewAfter = !shownToHall(group.postCount)
  return {
    ...group,
    fewBefore,
    fewAfter,
    preShare: fewBefore ? null : group.preShare,
    postShare: fewAfter ? null : group.postShare,
    items: group.items.map((i) => ({ ...i, preCorrect: fewBefore ? null : i.preCorrect, postCorrect: fewAfter ? null : i.postCorrect })),
  }
}

/** What fits on the screen: which groups, how many of each group's items, and what is left out. */
export function projectorPlan(results: SessionResults, waiting: number): { cards: ProjectorCard[]; moreGroups: number; layout: 'one' | 'row' | 'grid'; few: boolean } {
  const groups = results.groups.slice(0, MAX_GROUPS).map(hallSafe)
  const few = groups.some((g) => g.fewBefore || g.fewAfter)
  const layout = groups.length <= 1 ? 'one' : groups.length <= COLUMNS ? 'row' : 'grid'
  // The waiting line and the few-answers line each take one row of the screen's height.
  const rows = layout === 'grid' ? 0 : (layout === 'one' ? ROWS_ALONE : ROWS_SIDE_BY_SIDE) - (waiting ? 1 : 0) - (few ? 1 : 0)
  return {
    layout,
    few,
    moreGroups: results.groups.length - groups.length,
    cards: groups.map((group) => {
      if (!rows) return { group, items: [], moreItems: 0 }
      const fits = group.items.length <= rows ? group.items.length : rows - 1
      return { group, items: group.items.slice(0, fits), moreItems: group.items.length - fits }
    }),
  }
}

/** Waiting written answers, over the feedback and every follow-up. */
export function waitingCount(results: SessionResults): number {
  return [results.feedback, ...results.followUps.map((f) => f.summary)].reduce((n, f) => n + (f?.texts.reduce((m, x) => m + x.waiting, 0) ?? 0), 0)
}

export interface ProjectorProps {
  t: T
  locale: Locale
  sessionTitle: string
  results: SessionResults
  groupLabel: (g: string) => string
  /** The evaluation page of the session, to go back to. */
  backUrl: string
  /** The path of this page, for the language switch to come back to. */
  path: string
  stylesheet: string
  script: string
  icon: string
}

/** The whole document: it does not use the staff Layout, whose menu, banner and footer a hall does not need. */
export function ProjectorDocument(p: ProjectorProps) {
  const { t, locale } = p
  const other: Locale = locale === 'id' ? 'en' : 'id'
  const title = `${t('projector.heading')} · ${p.sessionTitle}`
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={locale} class="projector">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} · ${t('app.name')}`}</title>
          <link rel="stylesheet" href={p.stylesheet} />
          <link rel="icon" type="image/svg+xml" href={p.icon} />
          <meta name="theme-color" content="#0b5c4a" />
          <script src={p.script} defer></script>
        </head>
        <body>
          <main class="pj">
            <div class="pj-top">
              <h1 title={title}>
                <span class="pj-kicker">{t('projector.heading')}</span> {p.sessionTitle}
              </h1>
              <span class="pj-note">{t('projector.refresh')}</span>
              <button type="button" data-live-toggle data-pause={t('eval.livePause')} data-resume={t('eval.liveResume')} aria-pressed="false" hidden>
                {t('eval.livePause')}
              </button>
              <a href="" data-live-reload>
                {t('eval.liveReload')}
              </a>
            </div>
            <div class="pj-live" data-live="10000">
              <ProjectorResults t={t} locale={locale} results={p.results} groupLabel={p.groupLabel} />
            </div>
            <div class="pj-controls" role="group" aria-label={t('projector.controls')}>
              <button type="button" data-fullscreen data-enter={t('projector.fullScreen')} data-leave={t('projector.leaveFullScreen')} aria-keyshortcuts="F" hidden>
                {t('projector.fullScreen')}
              </button>
              <a href={`/lang/${other}?next=${encodeURIComponent(p.path)}`} hreflang={other} lang={other}>
                {t('layout.switchTo')}
              </a>
              <a href={p.backUrl}>{t('projector.back')}</a>
            </div>
          </main>
        </body>
      </html>
    </>
  )
}

/** The part that refreshes: replaced whole every few seconds by live.ts. */
function ProjectorResults(p: { t: T; locale: Locale; results: SessionResults; groupLabel: (g: string) => string }) {
  const { t, locale } = p
  const waiting = waitingCount(p.results)
  const plan = projectorPlan(p.results, waiting)
  if (!plan.cards.length) return <p class="pj-empty">{t('projector.noGroups')}</p>
  return (
    <>
      <div class={`pj-groups pj-${plan.layout}`}>
        {plan.cards.map((card) => (
          <section class="pj-card" aria-label={p.groupLabel(card.group.groupKind)}>
            <h2>{p.groupLabel(card.group.groupKind)}</h2>
            <div class="pj-stats">
              <p class="pj-stat pj-before">
                <span>{t('eval.before')}</span>
                <strong>{formatPercent(locale, card.group.preShare)}</strong>
                <span>{t('eval.answers', { count: card.group.preCount })}</span>
              </p>
              <p class="pj-stat pj-after">
                <span>{t('eval.after')}</span>
                <strong>{formatPercent(locale, card.group.postShare)}</strong>
                <span>{t('eval.answers', { count: card.group.postCount })}</span>
              </p>
            </div>
            {card.items.length || card.moreItems ? (
              <ol class="pj-items" aria-label={t('eval.items')}>
                {card.items.map((i, n) => (
                  <ProjectorItem t={t} locale={locale} n={n + 1} label={i.label[locale]} before={i.preCorrect} after={i.postCorrect} />
                ))}
                {card.moreItems ? <li class="pj-more">{t('projector.moreItems', { count: card.moreItems })}</li> : null}
              </ol>
            ) : null}
          </section>
        ))}
      </div>
      {plan.moreGroups ? <p class="pj-line">{t('projector.moreGroups', { count: plan.moreGroups })}</p> : null}
      {plan.few ? <p class="pj-line">{t('projector.fewAnswers', { count: SMALL_CELL })}</p> : null}
      {waiting ? <p class="pj-line">{waitingWords(t, waiting)}</p> : null}
    </>
  )
}

/** One item on one line (the label ends in "…" where it is too long), its two bars under it. */
function ProjectorItem(p: { t: T; locale: Locale; n: number; label: string; before: number | null; after: number | null }) {
  const before = formatPercent(p.locale, p.before)
  const after = formatPercent(p.locale, p.after)
  const width = (x: number | null) => `${x === null ? 0 : Math.round(x * 1000) / 10}%`
  return (
    <li class="pj-item">
      <span class="pj-label">
        {p.n}. {p.label}
      </span>
      <span class="pj-values">
        <span class="pj-sr">{p.t('projector.itemValues', { before, after })}</span>
        <span aria-hidden="true">
          <span class="pj-v-before">{before}</span> → <span class="pj-v-after">{after}</span>
        </span>
      </span>
      <svg class="pj-bars" width="100%" height="14" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">
        <rect width={width(p.before)} height="6" fill="#9aa5b1" />
        <rect y="8" width={width(p.after)} height="6" fill="#0b5c4a" />
      </svg>
    </li>
  )
}
