import type { Context } from 'hono'
import type { AppEnv, Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { renderPage } from '../page.tsx'
import { Problem } from '../platform/http/problems.ts'
import { LOCALES, type Locale } from '../platform/i18n/i18n.ts'
import { AUDIENCES, TOPICS, type Audience, type Topic } from './content-schema.ts'
import type { Library } from './content.ts'
import type { LibraryStore } from './library-store.ts'
import { audienceUrl, brochureUrl, slidesUrl, helpUrl, libraryHome, pageUrl, quizUrl, quizzesUrl, searchIndexUrl, SECTIONS, searchUrl, topicUrl } from './library-urls.ts'
import { ArticlePage, LibraryIndex, ListingPage, SearchPage, SlidesPage } from './views/library.tsx'
import { HelpDirectory } from './views/help.tsx'
import { HomePage } from './views/home.tsx'
import { SeoHead } from './views/seo-head.tsx'
import { QuizList, QuizPage } from './views/quiz.tsx'
import { SharePage } from './views/share.tsx'
import { HANDOUT_SIZES, loadHandouts, renderHandout, type HandoutSize } from './handout.ts'
import { illustrationUrl } from './illustrations.ts'
import { listStepCardUrls, stepCardRoutes } from './step-card-routes.ts'
import crypto from 'node:crypto'
import path from 'node:path'
import { bundleBrowserScript } from '../platform/http/browser-bundle.ts'
import { assetUrl, assetVersions, registerAsset } from '../platform/http/static-files.ts'

const BROWSER_DIR = path.resolve(import.meta.dirname, 'browser')

export function libraryRoutes(routes: RouteTable, deps: Deps, store: LibraryStore): void {
  const base = deps.config.publicUrl
  const handouts = loadHandouts()
  registerAsset('library.js', bundleBrowserScript(path.join(BROWSER_DIR, 'library.ts')))
  const staticUrls = ['app.css', 'quick-exit.js', 'library.js', 'icon.svg', 'manifest.webmanifest'].map(assetUrl)
  // What the service worker keeps by itself: the files a library page loads anyway (so they come from the
  // browser's HTTP cache), not the manifest, which a page reads only when it is installed.
  const precacheUrls = ['app.css', 'quick-exit.js', 'library.js', 'icon.svg'].map(assetUrl)

  // What depends on the library's text is rebuilt when a web edit is published: the service
  // worker's release version (one over every static file and page, so a change gives it a new
  // cache) and the brochures made so far.
  const build = (library: Library) => {
    const release = crypto
      .createHash('sha256')
      .update(assetVersions().join('\n'))
      .update(LOCALES.flatMap((l) => store.current.pages(l).map((p) => p.html)).join('\n'))
      .update(JSON.stringify(store.current.helpChannels))
      .digest('hex')
      .slice(0, 12)
    const serviceWorker = bundleBrowserScript(path.join(BROWSER_DIR, 'sw.ts'), {
      __JAGA_VERSION__: JSON.stringify(release),
      __JAGA_PRECACHE__: JSON.stringify(Object.fromEntries(LOCALES.map((l) => [l, { home: libraryHome(l), urls: [...precacheUrls, libraryHome(l)] }]))),
      __JAGA_STYLESHEET__: JSON.stringify(assetUrl('app.css')),
      // /q: questionnaire links (evaluation), which open again offline once collect.js has kept them.
      __JAGA_PUBLIC_PREFIXES__: JSON.stringify([libraryHome('id'), libraryHome('en'), '/static', '/q']),
    })
    return { serviceWorker, brochures: new Map<string, Promise<Buffer>>() }
  }
  let built = build(store.current)
  store.onChange(() => {
    built = build(store.current)
  })

  routes.get('/sw.js', 'public', (c) =>
    c.body(built.serviceWorker, 200, { 'Content-Type': 'text/javascript; charset=UTF-8', 'Cache-Control': 'no-cache' }),
  )

  // Library pages are the same for every anonymous reader: let browsers and proxies keep them a while.
  const publicCache = (c: Context<AppEnv>) => {
    if (!c.get('user')) c.header('Cache-Control', 'public, max-age=300')
  }

  routes.get('/', 'public', async (c) => {
    const t = c.get('t')
    return renderPage(c, { title: t('home.title'), body: <HomePage t={t} signedIn={!!c.get('user')} locale={c.get('locale')} /> })
  })

  const other = (l: Locale): Locale => (l === 'id' ? 'en' : 'id')
  const both = (f: (l: Locale) => string) => ({ id: f('id'), en: f('en') })

  for (const locale of LOCALES) {
    const s = SECTIONS[locale]
    const listing = (c: Context<AppEnv>, heading: string, pages: ReturnType<Library['pages']>, urls: Record<Locale, string>, brochure?: string) => {
      publicCache(c)
      const t = c.get('t')
      // Staff print handouts from here: without JAGA_PUBLIC_URL the QR codes would point at this machine.
      const printWarning = brochure && c.get('user') && !deps.config.publicUrlSet ? t('handout.localAddress', { url: base }) : undefined
      const body = <ListingPage t={t} heading={heading} pages={pages} locale={locale} brochure={brochure} printWarning={printWarning} shareUrl={base + urls[locale]} />
      return renderPage(c, { title: heading, body, alternate: urls[other(locale)], head: <SeoHead base={base} urls={urls} locale={locale} title={heading} description={t('library.lead')} /> })
    }

    routes.get(`${s.base}/offline.json`, 'public', (c) => {
      const urls = [
        '/',
        libraryHome(locale),
        helpUrl(locale),
        searchUrl(locale),
        searchIndexUrl(locale),
        ...AUDIENCES.map((a) => audienceUrl(locale, a)),
        ...TOPICS.filter((tp) => store.current.forTopic(locale, tp).length).map((tp) => topicUrl(locale, tp)),
        ...store.current.pages(locale).map((p) => pageUrl(locale, p.slug)),
        ...store.current.pages(locale).filter((p) => p.slideHtml.length).map((p) => slidesUrl(locale, p.slug)),
        quizzesUrl(locale),
        ...store.current.quizzes.map((q) => quizUrl(locale, q.key)),
        ...AUDIENCES.filter((a) => store.current.forAudience(locale, a).length).map((a) => brochureUrl(locale, a)),
        ...staticUrls,
        ...new Set(store.current.pages(locale).flatMap((p) => (p.illustration ? [illustrationUrl(p.illustration, locale)] : []))),
        ...listStepCardUrls(store.current, locale),
      ]
      return c.json(urls)
    })

    routes.get(`${s.base}/search-index.json`, 'public', (c) => {
      publicCache(c)
      return c.json(store.current.pages(locale).map((p) => ({ u: pageUrl(locale, p.slug), t: p.title, s: p.summary, w: [...new Set(p.words.body)].join(' ') })))
    })

    routes.get(s.base, 'public', (c) => {
      publicCache(c)
      const t = c.get('t')
      const urls = both(libraryHome)
      const body = <LibraryIndex t={t} locale={locale} library={store.current} base={base} />
      return renderPage(c, { title: t('library.title'), body, alternate: urls[other(locale)], head: <SeoHead base={base} urls={urls} locale={locale} title={t('library.heading')} description={t('library.lead')} /> })
    })

    routes.get(`${s.base}/${s.audience}/:audience`, 'public', (c) => {
      const audience = c.req.param('audience') as Audience
      if (!AUDIENCES.includes(audience)) throw new Problem('not-found')
      return listing(c, c.get('t')(`audience.${audience}`), store.current.forAudience(locale, audience), both((l) => audienceUrl(l, audience)), brochureUrl(locale, audience))
    })

    // Handouts (one-page tip sheets) are made once per audience, language and size, then kept until the content changes.
    routes.get(`${s.base}/${s.brochure}/:file`, 'public', async (c) => {
      const audience = (c.req.param('file') ?? '').replace(/\.pdf$/, '') as Audience
      if (!AUDIENCES.includes(audience) || !c.req.param('file')?.endsWith('.pdf')) throw new Problem('not-found')
      const size = (c.req.query('size') ?? 'a4') as HandoutSize
      if (!HANDOUT_SIZES.includes(size)) throw new Problem('not-found')
      let pdf = built.brochures.get(`${locale}/${audience}/${size}`)
      if (!pdf) {
        pdf = renderHandout(store.current, handouts.get(audience)!, locale, c.get('t'), base, size)
        built.brochures.set(`${locale}/${audience}/${size}`, pdf)
      }
      const bytes = new Uint8Array(await pdf) as Uint8Array<ArrayBuffer>
      return c.body(bytes, 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="jaga-${locale}-${audience}-${size}.pdf"`,
        'Cache-Control': 'public, max-age=3600',
      })
    })

    routes.get(`${s.base}/${s.topic}/:topic`, 'public', (c) => {
      const topic = c.req.param('topic') as Topic
      if (!TOPICS.includes(topic)) throw new Problem('not-found')
      return listing(c, c.get('t')(`topic.${topic}`), store.current.forTopic(locale, topic), both((l) => topicUrl(l, topic)))
    })

    routes.get(`${s.base}/${s.search}`, 'public', (c) => {
      const t = c.get('t')
      const q = (c.req.query('q') ?? '').slice(0, 100).trim()
      const body = <SearchPage t={t} locale={locale} q={q} results={store.current.search(locale, q)} />
      // Result pages stay out of search engines; the empty search page itself may be indexed.
      if (q) c.header('X-Robots-Tag', 'noindex')
      return renderPage(c, { title: t('library.search'), body, alternate: `${searchUrl(other(locale))}?q=${encodeURIComponent(q)}` })
    })

    routes.get(`${s.base}/${s.quiz}`, 'public', (c) => {
      publicCache(c)
      const t = c.get('t')
      const urls = both(quizzesUrl)
      return renderPage(c, { title: t('quiz.title'), body: <QuizList t={t} locale={locale} quizzes={store.current.quizzes} base={base} />, alternate: urls[other(locale)], head: <SeoHead base={base} urls={urls} locale={locale} title={t('quiz.title')} description={t('quiz.lead')} /> })
    })

    routes.get(`${s.base}/${s.quiz}/:key`, 'public', (c) => {
      const quiz = store.current.findQuiz(c.req.param('key') ?? '')
      if (!quiz) throw new Problem('not-found')
      const query = c.req.query()
      const answers = Object.fromEntries(quiz.questions.filter((q) => q.options.some((o) => o.id === query[q.id])).map((q) => [q.id, query[q.id]!]))
      const checked = query.check === '1'
      // Answers in the address must not be kept by shared caches or search engines.
      c.header('Cache-Control', checked ? 'private, no-store' : 'public, max-age=300')
      if (checked) c.header('X-Robots-Tag', 'noindex')
      const urls = both((l) => quizUrl(l, quiz.key))
      const body = <QuizPage t={c.get('t')} locale={locale} quiz={quiz} answers={answers} checked={checked} library={store.current} base={base} />
      return renderPage(c, { title: quiz.title[locale], body, alternate: urls[other(locale)], head: <SeoHead base={base} urls={urls} locale={locale} title={quiz.title[locale]} description={quiz.intro[locale]} /> })
    })

    routes.get(`${s.base}/${s.help}`, 'public', (c) => {
      publicCache(c)
      const t = c.get('t')
      const urls = both(helpUrl)
      // Beside the numbers: what the quick exit does not do (erase history), and how to.
      const safely = store.current.byKey(locale, 'browsing-safely')
      const body = (
        <>
          <h1>{t('help.title')}</h1>
          <p class="lead">{t('help.lead')}</p>
          <SharePage t={t} title={t('help.title')} url={base + urls[locale]} />
          {safely ? (
            <p>
              <a href={pageUrl(locale, safely.slug)}>{t('help.browsingSafely')}</a>
            </p>
          ) : null}
          <HelpDirectory t={t} locale={locale} channels={store.current.helpChannels} />
        </>
      )
      return renderPage(c, { title: t('help.title'), body, alternate: urls[other(locale)], head: <SeoHead base={base} urls={urls} locale={locale} title={t('help.title')} description={t('help.lead')} /> })
    })

    routes.get(`${s.base}/:slug/slides`, 'public', (c) => {
      const page = store.current.find(locale, c.req.param('slug') ?? '')
      if (!page || page.slideHtml.length === 0) throw new Problem('not-found')
      publicCache(c)
      const t = c.get('t')
      const twin = store.current.counterpart(page, other(locale))!
      return renderPage(c, { title: t('slides.title', { title: page.title }), body: <SlidesPage t={t} page={page} />, alternate: slidesUrl(twin.locale, twin.slug) })
    })

    routes.get(`${s.base}/:slug`, 'public', (c) => {
      const page = store.current.find(locale, c.req.param('slug') ?? '')
      if (!page) throw new Problem('not-found')
      publicCache(c)
      const t = c.get('t')
      const twin = store.current.counterpart(page, other(locale))!
      const urls = { [locale]: pageUrl(locale, page.slug), [other(locale)]: pageUrl(twin.locale, twin.slug) } as Record<Locale, string>
      const body = <ArticlePage t={t} page={page} library={store.current} base={base} />
      return renderPage(c, { title: page.title, body, alternate: urls[other(locale)], head: <SeoHead base={base} urls={urls} locale={locale} title={page.title} description={page.summary} type="article" /> })
    })
  }

  stepCardRoutes(routes, store)

  routes.get('/sitemap.xml', 'public', (c) => {
    const entry = (urls: Record<Locale, string>) =>
      LOCALES.map(
        (l) =>
          `<url><loc>${base}${urls[l]}</loc>${LOCALES.map((a) => `<xhtml:link rel="alternate" hreflang="${a}" href="${base}${urls[a]}"/>`).join('')}</url>`,
      ).join('')
    const pages = store.current.pages('id').map((p) => entry({ id: pageUrl('id', p.slug), en: pageUrl('en', store.current.counterpart(p, 'en')!.slug) }))
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
      `<url><loc>${base}/</loc></url>`,
      entry(both(libraryHome)),
      entry(both(helpUrl)),
      ...AUDIENCES.map((a) => entry(both((l) => audienceUrl(l, a)))),
      ...TOPICS.filter((tp) => store.current.forTopic('id', tp).length).map((tp) => entry(both((l) => topicUrl(l, tp)))),
      ...pages,
      '</urlset>',
    ].join('\n')
    return c.body(xml, 200, { 'Content-Type': 'application/xml; charset=UTF-8' })
  })

  routes.get('/robots.txt', 'public', (c) =>
    c.text(['User-agent: *', 'Allow: /', 'Disallow: /admin/', 'Disallow: /areas', 'Disallow: /api/', 'Disallow: /access/', 'Disallow: /login', 'Disallow: /lang/', `Sitemap: ${base}/sitemap.xml`, ''].join('\n'), 200, {
      // Named, not left to the Response default, which node's listener and fetch() spell differently (the page cache compares).
      'Content-Type': 'text/plain; charset=UTF-8',
    }),
  )
}
