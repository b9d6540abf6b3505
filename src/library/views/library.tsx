import { raw } from 'hono/html'
import type { T } from '../../messages.ts'
import { formatDate, type Locale } from '../../platform/i18n/i18n.ts'
import { AUDIENCES, TOPICS } from '../content-schema.ts'
import type { Library, LibraryPage } from '../content.ts'
import { SharePage, withMessageShares } from './share.tsx'
import { Illustration } from './illustration.tsx'
import { withStepCards } from './step-cards.tsx'
import { HelpBox, HelpDirectory } from './help.tsx'
import { audienceUrl, libraryHome, offlineManifestUrl, pageUrl, quizzesUrl, searchIndexUrl, searchUrl, slidesUrl, topicUrl } from '../library-urls.ts'

export function SearchForm({ t, locale, q = '' }: { t: T; locale: Locale; q?: string }) {
  return (
    <form method="get" action={searchUrl(locale)} role="search" class="search" data-index={searchIndexUrl(locale)}>
      <label for="library-q">{t('library.searchLabel')}</label>
      <div class="search-row">
        <input id="library-q" name="q" type="search" value={q} maxlength={100} />
        <button type="submit">{t('library.search')}</button>
      </div>
    </form>
  )
}

export function PageList({ t, pages, results = false }: { t: T; pages: LibraryPage[]; results?: boolean }) {
  return (
    <ul class="cards" data-results={results ? '' : undefined}>
      {pages.map((p) => (
        <li>
          <a href={pageUrl(p.locale, p.slug)}>{p.title}</a>
          <p>{p.summary}</p>
          <p class="muted small">{p.audiences.map((a) => t(`audience.${a}`)).join(' · ')}</p>
        </li>
      ))}
    </ul>
  )
}

export function LibraryIndex({ t, locale, library, base }: { t: T; locale: Locale; library: Library; base: string }) {
  const pages = library.pages(locale)
  return (
    <>
      <h1>{t('library.heading')}</h1>
      <p class="lead">{t('library.lead')}</p>
      <SearchForm t={t} locale={locale} />
      <div class="offline">
        <button type="button" class="secondary" hidden data-save-offline data-manifest={offlineManifestUrl(locale)} data-saving={t('library.saving')} data-saved={t('library.saved', { count: '{count}' })} data-saved-one={t('library.saved', { count: 1 })} data-failed={t('library.saveFailed')}>
          {t('library.saveOffline')}
        </button>
        <p class="muted small" role="status" aria-live="polite" data-save-status></p>
      </div>
      <HelpBox t={t} locale={locale} />
      <SharePage t={t} title={t('library.heading')} url={base + libraryHome(locale)} />
      <p>
        <a class="button secondary" href={quizzesUrl(locale)}>
          {t('quiz.title')}
        </a>
      </p>
      <h2>{t('library.byAudience')}</h2>
      <ul class="chips">
        {AUDIENCES.map((a) => (
          <li>
            <a href={audienceUrl(locale, a)}>{t(`audience.${a}`)}</a> <span class="muted">({library.forAudience(locale, a).length})</span>
          </li>
        ))}
      </ul>
      <h2>{t('library.byTopic')}</h2>
      <ul class="chips">
        {TOPICS.filter((tp) => library.forTopic(locale, tp).length > 0).map((tp) => (
          <li>
            <a href={topicUrl(locale, tp)}>{t(`topic.${tp}`)}</a> <span class="muted">({library.forTopic(locale, tp).length})</span>
          </li>
        ))}
      </ul>
      <h2>{t('library.allPages')}</h2>
      <p class="muted">{t('library.pageCount', { count: pages.length })}</p>
      <PageList t={t} pages={pages} />
    </>
  )
}

export function ListingPage({ t, heading, pages, locale, brochure, printWarning, shareUrl }: { t: T; heading: string; pages: LibraryPage[]; locale: Locale; brochure?: string | undefined; printWarning?: string | undefined; shareUrl: string }) {
  return (
    <>
      <h1>{heading}</h1>
      <SharePage t={t} title={heading} url={shareUrl} />
      {brochure && pages.length ? (
        <p>
          <a class="button secondary" href={brochure} type="application/pdf">
            {t('handout.download')}
          </a>{' '}
          <a href={`${brochure}?size=a5`} type="application/pdf">
            {t('handout.downloadA5')}
          </a>
        </p>
      ) : null}
      {printWarning ? (
        <p class="alert alert-warn" role="note">
          {printWarning}
        </p>
      ) : null}
      <SearchForm t={t} locale={locale} />
      <p class="muted">{t('library.pageCount', { count: pages.length })}</p>
      <PageList t={t} pages={pages} />
    </>
  )
}

export function SearchPage({ t, locale, q, results }: { t: T; locale: Locale; q: string; results: LibraryPage[] }) {
  return (
    <>
      <h1>{t('library.search')}</h1>
      <SearchForm t={t} locale={locale} q={q} />
      <p role="status" data-results-status data-found={t('library.searchResults', { count: '{count}', q: '{q}' })} data-found-one={t('library.searchResults', { count: 1, q: '{q}' })} data-none={t('library.searchNone', { q: '{q}' })}>
        {q ? (results.length ? t('library.searchResults', { count: results.length, q }) : t('library.searchNone', { q })) : ''}
      </p>
      <PageList t={t} pages={results} results />
    </>
  )
}

export function ArticlePage({ t, page, library, base }: { t: T; page: LibraryPage; library: Library; base: string }) {
  const locale = page.locale
  // [[help-directory]] on a line of its own places the directory inside an article.
  const directory = String(<HelpDirectory t={t} locale={locale} channels={library.helpChannels} />)
  // Step cards first: they count the page's own list items, before the directory adds its lists.
  const withCards = withStepCards(t, locale, page.slug, page.steps, page.html)
  const withDirectory = withCards.replace('<p>[[help-directory]]</p>', directory)
  const html = page.shareMessages ? withMessageShares(t, withDirectory) : withDirectory
  return (
    <article class="article">
      <h1>{page.title}</h1>
      {page.illustration ? <Illustration t={t} name={page.illustration} locale={locale} /> : null}
      <p class="lead">{page.summary}</p>
      <p class="muted small">
        {t('library.for')}:{' '}
        {page.audiences.map((a, i) => (
          <>
            {i > 0 ? ', ' : ''}
            <a href={audienceUrl(locale, a)}>{t(`audience.${a}`)}</a>
          </>
        ))}
      </p>
      <p>
        <button type="button" class="secondary" hidden data-read-aloud data-start={t('library.readAloud')} data-stop={t('library.stopReading')}>
          {t('library.readAloud')}
        </button>
      </p>
      <SharePage t={t} title={page.title} url={base + pageUrl(locale, page.slug)} />
      {page.penaltyCaveat ? (
        <div class="alert alert-warn" role="note">
          {t('library.penaltyCaveat')}
        </div>
      ) : null}
      {page.appSteps && page.reviewed ? (
        <div class="alert alert-warn" role="note">
          {t('library.appSteps', { date: formatDate(locale, page.reviewed) })}
        </div>
      ) : null}
      {page.slideHtml.length ? (
        <p>
          <a class="button" href={slidesUrl(locale, page.slug)}>
            {t('slides.open')}
          </a>
        </p>
      ) : null}
      <div class="prose">{raw(html)}</div>
      <HelpBox t={t} locale={locale} />
      {page.sources.length ? (
        <section class="sources">
          <h2>{t('library.sources')}</h2>
          <ul>
            {page.sources.map((s) => (
              <li>
                {s.url ? (
                  <a href={s.url} rel="noopener noreferrer">
                    {s.title}
                  </a>
                ) : (
                  s.title
                )}{' '}
                — {s.publisher}
                {s.date ? `, ${s.date}` : ''}
              </li>
            ))}
          </ul>
          {page.reviewed ? <p class="muted small">{t('library.reviewed', { date: formatDate(locale, page.reviewed) })}</p> : null}
        </section>
      ) : null}
      <Related t={t} pages={library.related(page)} />
    </article>
  )
}

function Related({ t, pages }: { t: T; pages: LibraryPage[] }) {
  if (!pages.length) return null
  return (
    <nav class="related" aria-label={t('library.related')}>
      <h2>{t('library.related')}</h2>
      <ul>
        {pages.map((p) => (
          <li>
            <a href={pageUrl(p.locale, p.slug)}>{p.title}</a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** A slide deck: stacked slides that read and print without JavaScript; library.js adds presenting. */
export function SlidesPage({ t, page }: { t: T; page: LibraryPage }) {
  const total = page.slideHtml.length
  return (
    <>
      <h1>{t('slides.title', { title: page.title })}</h1>
      <p class="muted small no-print">{t('slides.hint')}</p>
      <p class="no-print">
        <button type="button" hidden data-present>
          {t('slides.present')}
        </button>{' '}
        <a href={pageUrl(page.locale, page.slug)}>{t('slides.back')}</a>
      </p>
      <div class="deck" data-deck>
        {page.slideHtml.map((html, i) => (
          <section class="slide" aria-label={t('slides.count', { n: i + 1, total })} tabindex={-1}>
            {raw(html)}
            <p class="slide-count">{t('slides.count', { n: i + 1, total })}</p>
          </section>
        ))}
      </div>
    </>
  )
}
