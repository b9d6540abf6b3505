import crypto from 'node:crypto'
import type { RouteTable } from '../accounts/route-table.ts'
import { Problem } from '../platform/http/problems.ts'
import { LOCALES, type Locale } from '../platform/i18n/i18n.ts'
import type { Library } from './content.ts'
import type { LibraryStore } from './library-store.ts'
import { SECTIONS, stepCardUrl } from './library-urls.ts'
import { renderStepCard } from './views/step-cards.tsx'

/** Every step card of a language's pages: "save for offline" keeps them with the pages. */
export const listStepCardUrls = (library: Library, locale: Locale): string[] =>
  library.pages(locale).flatMap((p) => p.steps.map((_, i) => stepCardUrl(locale, p.slug, i + 1)))

/**
 * GET /id/pustaka/<slug>/langkah/<n>.svg and /en/library/<slug>/step/<n>.svg: a settings guide's
 * drawn step cards, one small file each, so a first visit loads only the cards scrolled to. A web
 * edit may change a card at the same address: an hour's caching, then an ETag answers "unchanged".
 */
export function stepCardRoutes(routes: RouteTable, store: LibraryStore): void {
  for (const locale of LOCALES) {
    const s = SECTIONS[locale]
    routes.get(`${s.base}/:slug/${s.step}/:file`, 'public', (c) => {
      const page = store.current.find(locale, c.req.param('slug') ?? '')
      const n = /^[1-9]\d{0,2}\.svg$/.test(c.req.param('file') ?? '') ? Number.parseInt(c.req.param('file')!, 10) : 0
      const card = page && renderStepCard(c.get('t'), page.steps, n)
      if (!card) throw new Problem('not-found')
      const etag = `"${crypto.createHash('sha256').update(card.svg).digest('base64url').slice(0, 16)}"`
      const headers = { 'Cache-Control': 'public, max-age=3600', ETag: etag, 'X-Content-Type-Options': 'nosniff' }
      if (c.req.header('If-None-Match') === etag) return c.body(null, 304, headers)
      return c.body(card.svg, 200, { ...headers, 'Content-Type': 'image/svg+xml; charset=UTF-8' })
    })
  }
}
