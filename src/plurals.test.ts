// English plurals: every message with a number placeholder, shown with 1 and with 2, must not say
// "1 sessions", "2 pair" or "2 sessions needs". The nouns come from the catalogue itself: a word that
// appears both as a plural and as its singular form ("sessions" and "session") is a countable noun.
import { describe, expect, it } from 'vitest'
import { catalogue } from './messages.ts'
import { createTranslator } from './platform/i18n/i18n.ts'

const t = createTranslator(catalogue as Record<string, { id: string; en: string }>, 'en')
const english = Object.entries(catalogue).map(([key, texts]) => [key, (texts as { en: string }).en] as const)

const IRREGULAR: Record<string, string> = { people: 'person', children: 'child' }
const SHORT_OR_NOT_NOUNS = new Set(['news', 'its', 'this', 'has', 'was', 'does', 'yes', 'less', 'unless', 'always', 'across', 'status', 'plus', 'minus', 'gives', 'differs', 'ships'])
const words = new Set(english.flatMap(([, en]) => en.toLowerCase().match(/[a-z][a-z-]*/g) ?? []))
function singularOf(word: string): string | undefined {
  if (IRREGULAR[word]) return IRREGULAR[word]
  if (word.length < 4 || SHORT_OR_NOT_NOUNS.has(word) || !word.endsWith('s') || word.endsWith('ss')) return undefined
  for (const s of [word.replace(/ies$/, 'y'), word.replace(/es$/, ''), word.slice(0, -1)]) if (s !== word && words.has(s)) return s
  return undefined
}
const VERB_AFTER_ONE = new Set(['are', 'were', 'have', 'need', 'remain', 'match', 'resemble', 'share'])
const VERB_AFTER_MANY = new Set(['is', 'was', 'has', 'needs', 'remains', 'matches', 'resembles', 'shares'])
/** Plurals written right after a placeholder ("{count} results"): counted nouns even where the catalogue never writes the singular. */
const COUNTED = english.flatMap(([, en]) => [...en.toLowerCase().matchAll(/\{\w+\} ([a-z]+s)\b/g)].map((m) => m[1]!))
  .filter((w) => w.length >= 4 && !w.endsWith('ss') && !SHORT_OR_NOT_NOUNS.has(w) && !VERB_AFTER_MANY.has(w))
/** Countable nouns as the catalogue writes them: plural → singular (the verbs above are not nouns). */
const NOUNS = new Map([
  ...[...words].flatMap((w) => (singularOf(w) && !VERB_AFTER_MANY.has(w) ? [[w, singularOf(w)!] as const] : [])),
  ...COUNTED.map((w) => [w, w.replace(/ies$/, 'y').replace(/s$/, '')] as const),
])
const SINGULARS = new Set(NOUNS.values())

/** The placeholders a text fills with a value (`{name}` or `{name, plural, …}`). */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]!))]

/**
 * What is wrong with a text shown with `n`: "1 sessions" (a plural noun after one, perhaps with a word
 * between: "1 written answers"), or a verb that does not agree ("1 session need", "2 sessions needs").
 * A number after a singular noun is a label, not a count ("question 1 links to").
 */
export function disagreements(text: string, n: number): string[] {
  // "1 letter(s)": a count says which it is.
  const found = [...text.toLowerCase().matchAll(new RegExp(`(?<![\\d.,])${n} (?:[a-z/-]+ )?[a-z-]+\\(s\\)`, 'g'))].map((m) => m[0])
  for (const m of text.toLowerCase().matchAll(new RegExp(`(?:([a-z]+) )?(?<![\\d.,])${n}(?![\\d.,]\\d) ((?:[a-z/-]+ )?)([a-z-]+)(?: ([a-z]+))?`, 'g'))) {
    if (m[1] && SINGULARS.has(m[1])) continue
    const between = m[2]!.trim()
    const known = (w: string) => NOUNS.has(w) || SINGULARS.has(w)
    // "1 follow-up answers": the plural after a singular word is the noun; "1 sessions need": the first word is.
    const noun = SINGULARS.has(between) && NOUNS.has(m[3]!) ? m[3]! : known(between) ? between : known(m[3]!) ? m[3]! : undefined
    if (!noun) continue
    const verb = noun === m[3] ? m[4] : m[3]
    const shown = noun === between ? `${n} ${between} ${m[3]}` : `${n} ${between ? `${between} ` : ''}${m[3]}`
    if (n === 1 && NOUNS.has(noun)) found.push(shown)
    else if (verb && (n === 1 ? VERB_AFTER_ONE : VERB_AFTER_MANY).has(verb) && (n === 1 ? !NOUNS.has(noun) : NOUNS.has(noun))) found.push(shown)
  }
  return found
}

describe('English plurals', () => {
  it('finds the nouns in the catalogue and knows a wrong form when it sees one', () => {
    for (const noun of ['sessions', 'answers', 'pairs', 'people', 'rows', 'questions', 'results']) expect(NOUNS.has(noun), noun).toBe(true)
    expect(disagreements('1 sessions need a report', 1)).toEqual(['1 sessions need'])
    expect(disagreements('2 sessions needs a report', 2)).toEqual(['2 sessions needs'])
    expect(disagreements('1 answers', 1)).toEqual(['1 answers'])
    expect(disagreements('(1 pairs)', 1)).toEqual(['1 pairs'])
    expect(disagreements('1 people', 1)).toEqual(['1 people'])
    expect(disagreements('1 written answers', 1)).toEqual(['1 written answers'])
    expect(disagreements('1 pre/post pairs; unmatched', 1)).toEqual(['1 pre/post pairs'])
    expect(disagreements('Write 1 letter(s) (A–Z).', 1)).toEqual(['1 letter(s)'])
    expect(disagreements('Write 2 letter(s) (A–Z).', 2)).toEqual(['2 letter(s)'])
    expect(disagreements('1 session need a report', 1)).toEqual(['1 session need'])
    expect(disagreements('1 session needs a report; 2 people are waiting', 1)).toEqual([])
    expect(disagreements('2 sessions need a report', 2)).toEqual([])
    expect(disagreements('question 1 links to 2 answers', 1)).toEqual([])
  })

  it('agrees with the number in every English message that takes one, for 1 and for 2', () => {
    const wrong: string[] = []
    for (const [key, en] of english) {
      const names = placeholders(en)
      for (const name of names) {
        for (const n of [1, 2]) {
          // The other placeholders get a neutral word, so only this number is tested.
          const params = Object.fromEntries(names.map((x) => [x, x === name ? n : 'X']))
          const shown = t(key as never, params as never)
          for (const bad of disagreements(shown, n)) wrong.push(`${key} {${name}}=${n}: "${bad}" in "${shown}"`)
        }
      }
    }
    expect(wrong).toEqual([])
  })
})
