import type { Locale } from '../platform/i18n/i18n.ts'
import type { Audience, Topic } from './content-schema.ts'

// Each language has its own readable addresses: /id/pustaka/… and /en/library/….
export const SECTIONS = {
  id: { base: '/id/pustaka', audience: 'untuk', topic: 'topik', search: 'cari', help: 'bantuan', quiz: 'kuis', brochure: 'brosur', step: 'langkah' },
  en: { base: '/en/library', audience: 'for', topic: 'topic', search: 'search', help: 'help', quiz: 'quiz', brochure: 'brochure', step: 'step' },
} as const satisfies Record<Locale, Record<string, string>>

export const libraryHome = (locale: Locale) => SECTIONS[locale].base
export const pageUrl = (locale: Locale, slug: string) => `${SECTIONS[locale].base}/${slug}`
export const audienceUrl = (locale: Locale, a: Audience) => `${SECTIONS[locale].base}/${SECTIONS[locale].audience}/${a}`
export const topicUrl = (locale: Locale, t: Topic) => `${SECTIONS[locale].base}/${SECTIONS[locale].topic}/${t}`
export const searchUrl = (locale: Locale) => `${SECTIONS[locale].base}/${SECTIONS[locale].search}`
export const searchIndexUrl = (locale: Locale) => `${SECTIONS[locale].base}/search-index.json`
export const offlineManifestUrl = (locale: Locale) => `${SECTIONS[locale].base}/offline.json`
export const quizzesUrl = (locale: Locale) => `${SECTIONS[locale].base}/${SECTIONS[locale].quiz}`
export const quizUrl = (locale: Locale, key: string) => `${quizzesUrl(locale)}/${key}`
export const brochureUrl = (locale: Locale, a: Audience) => `${SECTIONS[locale].base}/${SECTIONS[locale].brochure}/${a}.pdf`
export const slidesUrl = (locale: Locale, slug: string) => `${pageUrl(locale, slug)}/slides`
/** A settings guide's n-th drawn step card (1-based). */
export const stepCardUrl = (locale: Locale, slug: string, n: number) => `${pageUrl(locale, slug)}/${SECTIONS[locale].step}/${n}.svg`
export const helpUrl = (locale: Locale) => `${SECTIONS[locale].base}/${SECTIONS[locale].help}`

/** Every public library address that is the same for every visitor: the ones main.ts answers from memory. */
export function listPublicPaths(library: { pages: (l: Locale) => { slug: string; slideHtml: string[] }[]; quizzes: { key: string }[] }, audiences: readonly Audience[], topics: readonly Topic[]): string[] {
  return (['id', 'en'] as const).flatMap((l) => [
    libraryHome(l),
    helpUrl(l),
    // The empty search page only: with ?q= the app answers (the cache never takes a query string).
    searchUrl(l),
    quizzesUrl(l),
    ...library.quizzes.map((q) => quizUrl(l, q.key)),
    ...audiences.map((a) => audienceUrl(l, a)),
    ...topics.map((t) => topicUrl(l, t)),
    ...library.pages(l).map((p) => pageUrl(l, p.slug)),
    ...library.pages(l).filter((p) => p.slideHtml.length).map((p) => slidesUrl(l, p.slug)),
  ])
}

/** A quiz's revisions are kept beside the pages' under this slug (locale "id"; a quiz holds both languages). */
export const quizSlug = (key: string) => `quiz:${key}`
export const quizKeyOf = (slug: string): string | undefined => (slug.startsWith('quiz:') ? slug.slice(5) : undefined)
/** The help directory's revisions (content/help-channels.json, both languages) are kept under this slug. */
export const HELP_SLUG = 'help-channels'
