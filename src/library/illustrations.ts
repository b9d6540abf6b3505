import fs from 'node:fs'
import { assetUrl, STATIC_DIR } from '../platform/http/static-files.ts'
import { LOCALES, type Locale } from '../platform/i18n/i18n.ts'

// The children's pages' drawings are static SVG files, static/illustration-<name>.svg, or one file per
// language (static/illustration-<name>.<locale>.svg) for a drawing with words in it. A page names its
// drawing in its frontmatter (`illustration: lock`); the names are the files that exist, so a typo stops
// start-up instead of showing a broken image.
const FILE = /^illustration-([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.([a-z]{2}))?\.svg$/

/** Each drawing's name, and whether it has one file per language. */
export function findIllustrations(dir = STATIC_DIR): Map<string, 'shared' | 'per-language'> {
  const shared = new Set<string>()
  const perLocale = new Map<string, Set<string>>()
  for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const m = FILE.exec(file)
    if (!m) continue
    if (!m[2]) shared.add(m[1]!)
    else perLocale.set(m[1]!, (perLocale.get(m[1]!) ?? new Set()).add(m[2]))
  }
  const found = new Map<string, 'shared' | 'per-language'>()
  for (const name of shared) found.set(name, 'shared')
  // A drawing with words counts only when every language has its file.
  for (const [name, locales] of perLocale) if (!shared.has(name) && LOCALES.every((l) => locales.has(l))) found.set(name, 'per-language')
  return found
}

const ILLUSTRATIONS = findIllustrations()

export const illustrationNames = (): string[] => [...ILLUSTRATIONS.keys()].sort()

export const isIllustration = (name: string): boolean => ILLUSTRATIONS.has(name)

/** The address of a drawing in a language (its content hash in the address, so it is cached for a year). */
export function illustrationUrl(name: string, locale: Locale): string {
  const kind = ILLUSTRATIONS.get(name)
  if (!kind) throw new Error(`No illustration named ${name}`)
  return assetUrl(kind === 'shared' ? `illustration-${name}.svg` : `illustration-${name}.${locale}.svg`)
}
