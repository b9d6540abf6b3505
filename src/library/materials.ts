import type { Locale } from '../platform/i18n/i18n.ts'
import { AUDIENCES, type Audience } from './content-schema.ts'
import type { LibraryStore } from './library-store.ts'
import { brochureUrl, pageUrl } from './library-urls.ts'

export interface Material {
  key: string
  kind: 'kit' | 'brochure' | 'page'
  label: string
  href: string
}

/**
 * The library as a list of materials an outreach session can use: facilitator kits, brochures per
 * audience and pages, named by a stable key (a page key, or brochure:<audience>) and in a language.
 */
export function libraryMaterials(store: LibraryStore, audienceLabel: (locale: Locale, a: Audience) => string) {
  const list = (locale: Locale): Material[] => {
    const library = store.current
    const pages = library.pages(locale)
    return [
      ...pages.filter((p) => p.topics.includes('facilitation')).map((p) => ({ key: p.key, kind: 'kit' as const, label: p.title, href: pageUrl(locale, p.slug) })),
      ...AUDIENCES.filter((a) => library.forAudience(locale, a).length).map((a) => ({ key: `brochure:${a}`, kind: 'brochure' as const, label: audienceLabel(locale, a), href: brochureUrl(locale, a) })),
      ...pages.filter((p) => !p.topics.includes('facilitation')).map((p) => ({ key: p.key, kind: 'page' as const, label: p.title, href: pageUrl(locale, p.slug) })),
    ]
  }
  return {
    list,
    find: (locale: Locale, key: string) => list(locale).find((m) => m.key === key),
    exists: (key: string) => list('id').some((m) => m.key === key),
  }
}
export type MaterialCatalogue = ReturnType<typeof libraryMaterials>
