import fs from 'node:fs'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import { z } from 'zod'
import { LOCALES, type Locale } from '../platform/i18n/i18n.ts'
import { normalise } from './shared/words.ts'
import { matches } from './shared/stemming.ts'
import { FrontmatterError, parseFrontmatter } from './frontmatter.ts'
import { frontmatterSchema, helpChannelSchema, quizSchema, type Audience, type Frontmatter, type HelpChannel, type Quiz, type Topic } from './content-schema.ts'
import { listSteps, type Step } from './step-cards.ts'

export const CONTENT_DIR = path.resolve(import.meta.dirname, '../../content')

export interface LibraryPage extends Frontmatter {
  locale: Locale
  slug: string
  html: string
  /** One HTML fragment per slide, for a page with a slide deck. */
  slideHtml: string[]
  /** The menu steps drawn as phone cards beside their list items (pages with appSteps: true). */
  steps: Step[]
  /** Normalised words of title, summary and body, for search. */
  words: { title: string[]; summary: string[]; body: string[] }
}

// Raw HTML in Markdown is escaped and javascript: links refused (html: false), so content can never inject script.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false })
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options))
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const href = String(tokens[idx]!.attrGet('href') ?? '')
  if (/^https?:\/\//.test(href)) tokens[idx]!.attrSet('rel', 'noopener noreferrer')
  return defaultLinkOpen(tokens, idx, options, env, self)
}
// markdown-it lets data: image URLs through by default; library text links only to the web and to mail.
const defaultValidateLink = md.validateLink.bind(md)
md.validateLink = (url) => !/^\s*data:/i.test(url) && defaultValidateLink(url)

/**
 * Renders library Markdown, refusing images: nothing in the library may carry a picture (the safety
 * rules forbid image upload anywhere, and a reviewer would see a data: image only as base64).
 */
function renderMarkdown(text: string, file: string): string {
  const tokens = md.parse(text, {})
  const hasImage = tokens.some((t) => t.children?.some((c) => c.type === 'image'))
  if (hasImage || /\bdata:[^\s)]*;base64/i.test(text)) throw new ContentError(`${file}: pictures cannot be put in library pages (found "![…](…)" or a data: address)`, 'libraryEdit.noImages')
  return keepNumbersWhole(md.renderer.render(tokens, md.options, {}))
}

// A phone number written in the text (0857-7001-0048, 08111-129-129) would break at a hyphen on a
// narrow screen. Only text between tags is touched, and only digits and separators are wrapped.
const PHONE_NUMBER = /(?<![\d-])0\d{2,4}(?:[- ]\d{3,4}){1,3}(?![\d-])/g
export function keepNumbersWhole(html: string): string {
  return html.replace(/>([^<]+)</g, (_, text: string) => `>${text.replace(PHONE_NUMBER, '<span class="nowrap">$&</span>')}<`)
}


export class Library {
  private readonly byLocale = new Map<Locale, LibraryPage[]>()

  constructor(
    pages: LibraryPage[],
    readonly helpChannels: HelpChannel[],
    readonly quizzes: Quiz[] = [],
  ) {
    for (const locale of LOCALES) {
      this.byLocale.set(
        locale,
        pages.filter((p) => p.locale === locale).sort((a, b) => a.order - b.order || a.title.localeCompare(b.title, locale)),
      )
    }
  }

  /** The same library with more help channels (local partners), ahead of the shipped ones. */
  withLocalHelpChannels(local: HelpChannel[]): Library {
    if (local.length === 0) return this
    return new Library(
      LOCALES.flatMap((l) => this.pages(l)),
      [...local, ...this.helpChannels.filter((c) => c.scope !== 'local')],
      this.quizzes,
    )
  }

  findQuiz(key: string): Quiz | undefined {
    return this.quizzes.find((q) => q.key === key)
  }

  /** The page a key names, in a language (quizzes link to pages by key). */
  byKey(locale: Locale, key: string): LibraryPage | undefined {
    return this.pages(locale).find((p) => p.key === key)
  }

  pages(locale: Locale): LibraryPage[] {
    return this.byLocale.get(locale) ?? []
  }

  find(locale: Locale, slug: string): LibraryPage | undefined {
    return this.pages(locale).find((p) => p.slug === slug)
  }

  counterpart(page: LibraryPage, locale: Locale): LibraryPage | undefined {
    return this.pages(locale).find((p) => p.key === page.key)
  }

  forAudience(locale: Locale, audience: Audience): LibraryPage[] {
    return this.pages(locale).filter((p) => p.audiences.includes(audience))
  }

  forTopic(locale: Locale, topic: Topic): LibraryPage[] {
    return this.pages(locale).filter((p) => p.topics.includes(topic))
  }

  /** Pages sharing the most topics, then audiences, with this one. */
  related(page: LibraryPage, count = 3): LibraryPage[] {
    const score = (p: LibraryPage) =>
      p.topics.filter((t) => page.topics.includes(t)).length * 2 + p.audiences.filter((a) => page.audiences.includes(a)).length
    return this.pages(page.locale)
      .filter((p) => p.key !== page.key && score(p) > 0)
      .sort((a, b) => score(b) - score(a) || a.order - b.order)
      .slice(0, count)
  }

  /** Every word of the query must appear, or a word from the same root; title matches weigh most. */
  search(locale: Locale, query: string): LibraryPage[] {
    const terms = normalise(query)
    if (terms.length === 0) return []
    const scored = this.pages(locale).map((p) => {
      let total = 0
      for (const term of terms) {
        const hit = (words: string[], weight: number) => words.filter((w) => matches(w, term, locale)).length * weight
        const s = hit(p.words.title, 5) + hit(p.words.summary, 2) + hit(p.words.body, 1)
        if (s === 0) return { p, total: 0 }
        total += s
      }
      return { p, total }
    })
    return scored
      .filter((s) => s.total > 0)
      .sort((a, b) => b.total - a.total)
      .map((s) => s.p)
  }
}

export class ContentError extends Error {
  constructor(
    message: string,
    /** A message key for the editor, when the problem has a sentence of its own in both languages. */
    readonly messageKey?: string,
  ) {
    super(message)
  }
}

/** Parses and checks one page's Markdown source; `file` names it in error messages. */
export function parsePage(locale: Locale, slug: string, raw: string, file = `content/${locale}/${slug}.md`, slides?: string): LibraryPage {
  let parsedFile: { data: Record<string, unknown>; content: string }
  try {
    parsedFile = parseFrontmatter(raw)
  } catch (e) {
    if (e instanceof FrontmatterError) throw new ContentError(`${file}: ${e.message}`, e.reason === 'not-yaml' ? 'libraryEdit.notYaml' : undefined)
    throw e
  }
  const { data, content } = parsedFile
  const parsed = frontmatterSchema.safeParse(data)
  if (!parsed.success) throw new ContentError(`${file}: ${z.prettifyError(parsed.error)}`)
  if (parsed.data.slides && !slides) throw new ContentError(`${file}: slides: true, but there is no content/${locale}/${slug}.slides.md`)
  return {
    ...parsed.data,
    locale,
    slug,
    html: renderMarkdown(content, file),
    slideHtml: parsed.data.slides && slides ? splitSlides(slides).map((s) => renderMarkdown(s, file)) : [],
    steps: parsed.data.appSteps ? listSteps(content) : [],
    words: { title: normalise(parsed.data.title), summary: normalise(parsed.data.summary), body: normalise(content) },
  }
}

/** A deck's slides: a line "---" separates them; blank ones are dropped. */
export function splitSlides(deck: string): string[] {
  return deck
    .split(/^---\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** The shipped Markdown of every page, keyed `locale/slug`. */
export function readShippedSources(dir = CONTENT_DIR): Map<string, string> {
  return readShipped(dir, (f) => f.endsWith('.md') && !f.endsWith('.slides.md'), /\.md$/)
}

/** The shipped slide decks (`<slug>.slides.md`), keyed `locale/slug` of the page they belong to. */
export function readShippedSlides(dir = CONTENT_DIR): Map<string, string> {
  return readShipped(dir, (f) => f.endsWith('.slides.md'), /\.slides\.md$/)
}

function readShipped(dir: string, wanted: (file: string) => boolean, ending: RegExp): Map<string, string> {
  const sources = new Map<string, string>()
  for (const locale of LOCALES) {
    const folder = path.join(dir, locale)
    for (const file of fs.readdirSync(folder).filter(wanted)) sources.set(`${locale}/${file.replace(ending, '')}`, fs.readFileSync(path.join(folder, file), 'utf8'))
  }
  return sources
}

/** Published web edits, keyed `locale/slug`: the page text, and the whole deck for a page with slides; quizzes by key. */
export interface Overrides {
  pages: Map<string, string>
  slides: Map<string, string>
  quizzes: Map<string, string>
  /** The whole help directory's JSON, when a web edit of it is published. */
  helpChannels: string | undefined
}

export const noOverrides = (): Overrides => ({ pages: new Map(), slides: new Map(), quizzes: new Map(), helpChannels: undefined })

/** The shipped help directory's JSON text. */
export const readShippedHelpChannels = (dir = CONTENT_DIR): string => fs.readFileSync(path.join(dir, 'help-channels.json'), 'utf8')

/**
 * Parses and checks the help directory: every channel with operator, what it handles, contacts, sources,
 * a confidence level and the date it was verified; unique ids; no "local" channel (those come from partners).
 */
export function parseHelpChannels(raw: string, file: string): HelpChannel[] {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch (e) {
    throw new ContentError(`${file}: not valid JSON (${(e as Error).message})`)
  }
  const parsed = z
    .array(helpChannelSchema)
    .superRefine((channels, ctx) => {
      const seen = new Set<string>()
      for (const c of channels) {
        if (seen.has(c.id)) ctx.addIssue({ code: 'custom', message: `${c.id}: this id is used twice` })
        seen.add(c.id)
        if (c.scope === 'local') ctx.addIssue({ code: 'custom', message: `${c.id}: local channels come from the programme's partners, not from this list` })
      }
    })
    .safeParse(json)
  if (!parsed.success) throw new ContentError(`${file}: ${z.prettifyError(parsed.error)}`)
  return parsed.data
}

/** The shipped quizzes' JSON text (`content/quizzes/*.json`), keyed by each quiz's `key`. */
export function readShippedQuizzes(dir = CONTENT_DIR): Map<string, string> {
  const quizDir = path.join(dir, 'quizzes')
  const quizzes = new Map<string, string>()
  for (const file of fs.existsSync(quizDir) ? fs.readdirSync(quizDir).filter((f) => f.endsWith('.json')).sort() : []) {
    const raw = fs.readFileSync(path.join(quizDir, file), 'utf8')
    quizzes.set(parseQuiz(raw, `content/quizzes/${file}`).key, raw)
  }
  return quizzes
}

/** Parses and checks one quiz's JSON; `file` names it in error messages. */
export function parseQuiz(raw: string, file: string): Quiz {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch (e) {
    throw new ContentError(`${file}: not valid JSON (${(e as Error).message})`)
  }
  const parsed = quizSchema.safeParse(json)
  if (!parsed.success) throw new ContentError(`${file}: ${z.prettifyError(parsed.error)}`)
  return parsed.data
}

/** The shipped sources by "<locale>/<slug>" (pages, slide decks) and quiz key, and the help directory's JSON. */
export interface Shipped {
  sources: ReadonlyMap<string, string>
  slides: ReadonlyMap<string, string>
  quizzes: ReadonlyMap<string, string>
  helpChannels: string
}

const readAllShipped = (dir: string): Shipped => ({ sources: readShippedSources(dir), slides: readShippedSlides(dir), quizzes: readShippedQuizzes(dir), helpChannels: readShippedHelpChannels(dir) })

/**
 * Reads and checks every page under content/<locale>/, the help directory and the quizzes; any
 * mistake stops start-up. `overrides` replace shipped sources: published edits.
 */
export function loadLibrary(dir = CONTENT_DIR, overrides: Overrides = noOverrides(), shipped: Shipped = readAllShipped(dir)): Library {
  const pages: LibraryPage[] = []
  for (const [id, source] of shipped.sources) {
    const [locale, slug] = id.split('/') as [Locale, string]
    const edited = overrides.pages.get(id)
    const slides = overrides.slides.get(id) ?? shipped.slides.get(id)
    pages.push(parsePage(locale, slug, edited ?? source, edited ? `published edit of ${id}` : undefined, slides))
  }
  const channels = parseHelpChannels(overrides.helpChannels ?? shipped.helpChannels, overrides.helpChannels ? 'published edit of the help directory' : 'content/help-channels.json')
  const quizzes: Quiz[] = []
  for (const [key, source] of shipped.quizzes) {
    const edited = overrides.quizzes.get(key)
    quizzes.push(parseQuiz(edited ?? source, edited ? `published edit of quiz ${key}` : `content/quizzes/${key}.json`))
  }
  return new Library(pages, channels, quizzes)
}

export { normalise }
