import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import { CONTENT_DIR, loadLibrary, noOverrides, readShippedHelpChannels, readShippedQuizzes, readShippedSlides, readShippedSources, type Library, type Overrides } from './content.ts'
import type { HelpChannel } from './content-schema.ts'
import { listPublishedSources, publishedStamp } from './revision-queries.ts'
import { HELP_SLUG, quizKeyOf } from './library-urls.ts'

/**
 * The library as readers see it: the shipped Markdown, with the newest published web edit of a
 * page in place of its shipped text. Reloaded when an edit is published here, and (with several app
 * servers on one database) when a poll sees a publication made by another server.
 */
export class LibraryStore {
  /** Built by reload() (once at start); read before that, the shipped library alone. */
  private loaded: Library | undefined
  private readonly shipped: Map<string, string>
  private readonly shippedSlides: Map<string, string>
  private readonly shippedQuizzes: Map<string, string>
  private readonly shippedHelpChannels: string
  private overrides: Overrides = noOverrides()
  /** What the last reload read (version()): a poll that reads the same has nothing to do. */
  private seen = ''
  private readonly listeners: (() => void | Promise<void>)[] = []
  private timer: NodeJS.Timeout | undefined
  private polling = false

  private readonly dir: string

  constructor(
    private readonly db: Kysely<Database>,
    dir?: string,
    /** Help channels kept in the database (partners serving the public), read at every reload. */
    private readonly localChannels: () => Promise<HelpChannel[]> = async () => [],
  ) {
    this.dir = dir ?? CONTENT_DIR
    this.shipped = readShippedSources(dir)
    this.shippedSlides = readShippedSlides(dir)
    this.shippedQuizzes = readShippedQuizzes(dir)
    this.shippedHelpChannels = readShippedHelpChannels(dir)
  }

  /** The library readers see now. Not built here: start-up's reload() builds it, once. */
  get current(): Library {
    return (this.loaded ??= this.build(noOverrides()))
  }

  private build(overrides: Overrides): Library {
    return loadLibrary(this.dir, overrides, { sources: this.shipped, slides: this.shippedSlides, quizzes: this.shippedQuizzes, helpChannels: this.shippedHelpChannels })
  }

  shippedSource(locale: Locale, slug: string): string | undefined {
    return this.shipped.get(`${locale}/${slug}`)
  }

  shippedSlideDeck(locale: Locale, slug: string): string | undefined {
    return this.shippedSlides.get(`${locale}/${slug}`)
  }

  /** sha256 of the shipped page (and its deck, if it has one) or quiz, to tell when an upgrade changed what an edit started from. */
  shippedHash(locale: Locale, slug: string): string {
    const quiz = quizKeyOf(slug)
    if (quiz) return crypto.createHash('sha256').update(this.shippedQuizzes.get(quiz) ?? '').digest('hex')
    if (slug === HELP_SLUG) return crypto.createHash('sha256').update(this.shippedHelpChannels).digest('hex')
    const hash = crypto.createHash('sha256').update(this.shippedSource(locale, slug) ?? '')
    const deck = this.shippedSlideDeck(locale, slug)
    if (deck !== undefined) hash.update('\0').update(deck)
    return hash.digest('hex')
  }

  /** The text readers see now: the published edit, or the shipped file. */
  currentSource(locale: Locale, slug: string): string | undefined {
    return this.overrides.pages.get(`${locale}/${slug}`) ?? this.shippedSource(locale, slug)
  }

  /** The slide deck readers see now, for a page that has one. */
  currentSlides(locale: Locale, slug: string): string | undefined {
    return this.overrides.slides.get(`${locale}/${slug}`) ?? this.shippedSlideDeck(locale, slug)
  }

  isEdited(locale: Locale, slug: string): boolean {
    return this.overrides.pages.has(`${locale}/${slug}`)
  }

  shippedQuiz(key: string): string | undefined {
    return this.shippedQuizzes.get(key)
  }

  /** A quiz's JSON as readers get it now: the published edit, or the shipped file. */
  currentQuizSource(key: string): string | undefined {
    return this.overrides.quizzes.get(key) ?? this.shippedQuizzes.get(key)
  }

  isQuizEdited(key: string): boolean {
    return this.overrides.quizzes.has(key)
  }

  shippedHelp(): string {
    return this.shippedHelpChannels
  }

  /** The help directory's JSON as readers get it now. */
  currentHelpSource(): string {
    return this.overrides.helpChannels ?? this.shippedHelpChannels
  }

  isHelpEdited(): boolean {
    return this.overrides.helpChannels !== undefined
  }

  onChange(listener: () => void | Promise<void>): void {
    this.listeners.push(listener)
  }

  async reload(): Promise<void> {
    // Read before the sources: a publication landing in between makes the next poll reload again,
    // never one that is missed.
    const version = await this.version()
    const published = await listPublishedSources(this.db)
    const known = published.filter((r) => this.shipped.has(`${r.locale}/${r.slug}`))
    const quizzes = published.flatMap((r) => {
      const key = quizKeyOf(r.slug)
      return key && this.shippedQuizzes.has(key) ? [[key, r.source] as const] : []
    })
    const overrides: Overrides = {
      pages: new Map(known.map((r) => [`${r.locale}/${r.slug}`, r.source])),
      slides: new Map(known.filter((r) => r.slides !== null).map((r) => [`${r.locale}/${r.slug}`, r.slides!])),
      quizzes: new Map(quizzes),
      // listPublishedSources gives the newest published revision of each slug.
      helpChannels: published.find((r) => r.slug === HELP_SLUG)?.source,
    }
    this.loaded = this.build(overrides).withLocalHelpChannels(await this.localChannels())
    this.overrides = overrides
    this.seen = version
    for (const listener of this.listeners) await listener()
  }

  /**
   * Reloads when another server has published an edit or changed a partner's help number since the
   * last look. With several app servers this is what bounds how long one may serve an older page:
   * config.libraryPollSeconds (docs/scaling.md). One small read per interval; a slow reload is never
   * started twice.
   */
  startPolling(intervalMs: number, onError: (e: unknown) => void = () => {}): void {
    this.timer = setInterval(async () => {
      if (this.polling) return
      this.polling = true
      try {
        if ((await this.version()) !== this.seen) await this.reload()
      } catch (e) {
        onError(e)
      } finally {
        this.polling = false
      }
    }, intervalMs)
    this.timer.unref()
  }

  /** A fingerprint of everything in the database a reload reads: published edits and partners' help channels. */
  private async version(): Promise<string> {
    const channels = JSON.stringify(await this.localChannels())
    return `${await publishedStamp(this.db)}|${crypto.createHash('sha256').update(channels).digest('hex')}`
  }

  stopPolling(): void {
    clearInterval(this.timer)
  }
}
