// Word roots for search, so "memeras" finds "pemerasan" and "threats" finds "threatened".
// Shared by the server's search and the offline search in the browser. Pure: no Node.js or DOM APIs.
//
// Indonesian builds words from a root with prefixes, suffixes and particles (peras → memeras,
// pemerasan, diperas). A dictionary-based stemmer (Nazief–Adriani) would pick the one true root,
// but needs a 30,000-word root list on every phone. Instead each word gets every root its affixes
// allow, including both readings where a prefix hides the root's first letter ("memeras" is
// me- + peras or me- + meras): two words match when they share one of these roots. A wrong reading
// only matters if another word in the library happens to produce it, which short roots would do
// often, so roots under four letters are not used.

import type { Locale } from '../../platform/i18n/i18n.ts'

const MIN_ROOT = 4
const VOWEL = /^[aiueo]/
const SECOND_PREFIXES = ['per', 'ber', 'ter', 'ke']

/** The word itself and the roots it may come from, in a language. */
export function roots(word: string, locale: Locale): string[] {
  const cache = CACHES[locale]
  let found = cache.get(word)
  if (!found) {
    const all = locale === 'id' ? indonesianRoots(word) : englishRoots(word)
    found = [word, ...[...all].filter((r) => r !== word && r.length >= MIN_ROOT)]
    cache.set(word, found)
  }
  return found
}

/**
 * Does a page's word answer a search term? It starts with the term (someone still typing "pemer…"),
 * or they share a root. In English a word may also start with the term's root ("threats" finds
 * "threatened"); Indonesian roots are too often the start of unrelated words for that (peras, perasaan).
 */
export function matches(word: string, term: string, locale: Locale): boolean {
  if (word.startsWith(term)) return true
  const termRoots = roots(term, locale)
  if (locale === 'en' && termRoots.some((r) => word.startsWith(r))) return true
  return roots(word, locale).some((r) => termRoots.includes(r))
}

// The library has a few thousand different words; each is worked out once.
const CACHES: Record<Locale, Map<string, string[]>> = { id: new Map(), en: new Map() }

function indonesianRoots(word: string): Set<string> {
  const found = new Set<string>()
  for (const base of withoutEndings(word)) {
    for (const stem of withoutSuffix(base)) {
      found.add(stem)
      for (const once of withoutPrefix(stem)) {
        found.add(once)
        // A second prefix, always one of these: mem-per-kenal-kan, ke-ber-hasil-an, di-ke-tahu-i.
        for (const twice of withoutPrefix(once, SECOND_PREFIXES)) found.add(twice)
      }
    }
  }
  return found
}

/** Particles (-lah, -kah, -pun, -tah) and possessives (-ku, -mu, -nya) come last on a word. */
function withoutEndings(word: string): string[] {
  const out = [word]
  const particle = /^(.{3,}?)(lah|kah|pun|tah)$/.exec(word)?.[1]
  if (particle) out.push(particle)
  for (const w of [...out]) {
    const possessive = /^(.{3,}?)(nya|ku|mu)$/.exec(w)?.[1]
    if (possessive) out.push(possessive)
  }
  return out
}

/** Derivational suffixes: -kan, -an, -i (laporkan, laporan, dekati). */
function withoutSuffix(word: string): string[] {
  const out = [word]
  const kan = /^(.{3,})kan$/.exec(word)?.[1]
  const an = /^(.{3,})an$/.exec(word)?.[1]
  // Both when a word ends in -kan: laporkan is lapor + -kan, bujukan is bujuk + -an.
  if (kan) out.push(kan)
  if (an) out.push(an)
  const i = /^(.{3,}[^i])i$/.exec(word)?.[1]
  if (i) out.push(i)
  return out
}

/**
 * One prefix off, with the root's first letter put back where the prefix swallowed it:
 * meny-/peny- + vowel was s- (menyebar ← sebar), meng-/peng- + vowel was k- or the vowel
 * (mengirim ← kirim, mengajar ← ajar), mem-/pem- + vowel was p- or m- (memeras ← peras),
 * men-/pen- + vowel was t- or n- (menulis ← tulis).
 */
function withoutPrefix(word: string, only?: readonly string[]): string[] {
  const out: string[] = []
  const after = (prefix: string) => (word.startsWith(prefix) && word.length - prefix.length >= 3 ? word.slice(prefix.length) : null)
  for (const simple of only ?? ['di', 'ke', 'se', 'ter', 'ber', 'per']) {
    const rest = after(simple)
    if (rest) out.push(rest)
  }
  if (only) return out
  for (const nasal of ['me', 'pe']) {
    const ny = after(`${nasal}ny`)
    if (ny && VOWEL.test(ny)) out.push(`s${ny}`)
    const ng = after(`${nasal}ng`)
    if (ng) out.push(ng, ...(VOWEL.test(ng) ? [`k${ng}`] : []))
    const m = after(`${nasal}m`)
    if (m) out.push(...(VOWEL.test(m) ? [`p${m}`, `m${m}`] : /^[bfpv]/.test(m) ? [m] : []))
    const n = after(`${nasal}n`)
    if (n) out.push(...(VOWEL.test(n) ? [`t${n}`, `n${n}`] : /^[cdjszt]/.test(n) ? [n] : []))
    const plain = after(nasal)
    if (plain && /^[lmnrwy][aiueo]/.test(plain)) out.push(plain)
  }
  // be- and pe- before a root starting with r or with -er- in its first syllable: bekerja ← kerja, pelajar ← ajar.
  const bel = after('bel') ?? after('pel')
  if (bel && VOWEL.test(bel)) out.push(bel)
  const be = after('be') ?? after('pe')
  if (be && /^[^aiueor]er/.test(be)) out.push(be)
  return out
}

/** English endings: threats, threatened, threatening, reported, reporting, safely, stories. */
function englishRoots(word: string): Set<string> {
  const found = new Set<string>()
  const add = (re: RegExp, replacement = '') => {
    if (re.test(word)) found.add(word.replace(re, replacement))
  }
  add(/ies$/, 'y')
  add(/ied$/, 'y')
  // No lookbehind in these patterns: Safari before 16.4 cannot parse it, and would lose all the page's script.
  add(/([^s])s$/, '$1')
  add(/(ch|sh|ss|x)es$/, '$1')
  add(/ed$/)
  add(/ing$/)
  add(/ly$/)
  // Doubled consonants before -ed/-ing: stopped, chatting.
  for (const r of [...found]) if (/([bdgmnprt])\1$/.test(r)) found.add(r.slice(0, -1))
  // A root that lost its final e: sharing ← share, used ← use.
  if (/(ing|ed)$/.test(word)) for (const r of [...found]) if (/[^aeiouy]$/.test(r)) found.add(`${r}e`)
  return found
}
