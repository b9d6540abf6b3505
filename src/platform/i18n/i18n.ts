export const LOCALES = ['id', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'id'

/** Each key holds its text in every locale side by side, so a missing translation is a type error. */
export type Catalogue = Record<string, Record<Locale, string>>
export type Params = Record<string, string | number>
export type Translator<K extends string> = (key: K, params?: Params) => string

export function defineMessages<const C extends Catalogue>(catalogue: C): C {
  return catalogue
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

export function createTranslator<K extends string>(catalogue: Record<K, Record<Locale, string>>, locale: Locale): Translator<K> {
  return (key, params) => {
    const entry = catalogue[key]
    // A key missing at run time is a programming error the catalogue test catches; show the key
    // rather than crash a page a user is looking at.
    if (!entry) return key
    const text = entry[locale]
    return params ? interpolate(text, params, locale) : text
  }
}

const isIsoDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)

/**
 * Fills {name} with a parameter: a number in the locale's digits, a YYYY-MM-DD date as every page shows
 * dates ("1 Des 2026"), anything else as given. `{count, plural, one {# session} other {# sessions}}`
 * picks the form by Intl.PluralRules (Indonesian has only "other"); # is the formatted number.
 */
function interpolate(text: string, params: Params, locale: Locale): string {
  const plural = text.replace(/\{(\w+), plural,((?:\s*(?:zero|one|two|few|many|other) \{[^{}]*\})+)\s*\}/g, (whole, name: string, forms: string) => {
    const v = params[name]
    if (v === undefined) return whole
    const options = new Map([...forms.matchAll(/(zero|one|two|few|many|other) \{([^{}]*)\}/g)].map((m) => [m[1]!, m[2]!]))
    // A text given instead of a number (a hidden small count, "<5") takes the "other" form as it is.
    if (typeof v !== 'number') return (options.get('other') ?? '').replace(/#/g, v)
    const form = options.get(new Intl.PluralRules(INTL_TAG[locale]).select(v)) ?? options.get('other') ?? ''
    return form.replace(/#/g, formatNumber(locale, v))
  })
  return plural.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name]
    if (v === undefined) return whole
    if (typeof v === 'number') return formatNumber(locale, v)
    return isIsoDate(v) ? formatDate(locale, v) : v
  })
}

/** The locale from the remembered cookie, else the browser's Accept-Language, else Bahasa Indonesia. */
export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(cookie)) return cookie
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .map((part) => {
        const [tag = '', ...rest] = part.trim().split(';')
        const q = rest.find((r) => r.trim().startsWith('q='))
        return { lang: tag.toLowerCase().split('-')[0], q: q ? Number(q.trim().slice(2)) : 1 }
      })
      .filter((x) => x.q > 0)
      .sort((a, b) => b.q - a.q)
    for (const { lang } of ranked) if (isLocale(lang)) return lang
  }
  return DEFAULT_LOCALE
}

const INTL_TAG: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' }

// Making an Intl formatter costs far more than using one (about 0.6 ms each, measured: a programme page
// of 2,000 sessions spent 1.3 s of its 2.4 s making date formatters), so each one is made once per
// locale, zone and style and kept. There are only a handful: locales × the styles below × configured zones.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()
function kept<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined
  if (!f) formatters.set(key, (f = make()))
  return f
}
const numberFormat = (tag: string, options: Intl.NumberFormatOptions = {}) => kept(`n ${tag} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(tag, options))
const dateFormat = (tag: string, options: Intl.DateTimeFormatOptions) => kept(`d ${tag} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(tag, options))

/** An Intl.NumberFormat for a BCP 47 tag and options, made once and kept (they are costly to make). */
export const keptNumberFormat = numberFormat
/** An Intl.DateTimeFormat for a BCP 47 tag and options, made once and kept (they are costly to make). */
export const keptDateFormat = dateFormat

export function formatNumber(locale: Locale, n: number): string {
  return numberFormat(INTL_TAG[locale]).format(n)
}

/** A share (0–1) as a whole percentage, or a dash when there is none. */
export function formatPercent(locale: Locale, share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : numberFormat(INTL_TAG[locale], { style: 'percent', maximumFractionDigits: 0 }).format(share)
}

/** Date and time in Indonesia's western zone, where the first programmes run. */
export function formatDateTime(locale: Locale, iso: string, timeZone = 'Asia/Jakarta'): string {
  return dateFormat(INTL_TAG[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso))
}

/** A calendar date (YYYY-MM-DD) as people write it: 27 Nov 2026. */
export function formatDate(locale: Locale, isoDate: string): string {
  return dateFormat(INTL_TAG[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`))
}

/** A wall-clock time (YYYY-MM-DDTHH:MM, no zone) as written, never shifted: "27 Nov 2026, 09.00". */
export function formatWallTime(locale: Locale, local: string, part: 'date-time' | 'time' = 'date-time'): string {
  const options: Intl.DateTimeFormatOptions = part === 'time' ? { timeStyle: 'short', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }
  return dateFormat(INTL_TAG[locale], options).format(new Date(`${local}:00Z`))
}

/** A month name and year: "November 2026". */
export function formatMonth(locale: Locale, month: string): string {
  return dateFormat(INTL_TAG[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`))
}
