import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { catalogue, catalogueParts } from './messages.ts'
import { LOCALES, negotiateLocale } from './platform/i18n/i18n.ts'

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(p)
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : []
  })
}

describe('the message catalogue', () => {
  it('has a non-empty text in every language for every key', () => {
    const gaps = Object.entries(catalogue).flatMap(([key, texts]) => LOCALES.filter((l) => !(texts as Record<string, string>)[l]?.trim()).map((l) => `${key} [${l}]`))
    expect(gaps).toEqual([])
  })

  it('defines each key in one slice only, so no text silently replaces another', () => {
    const total = catalogueParts.reduce((n: number, p: object) => n + Object.keys(p).length, 0)
    expect(Object.keys(catalogue).length).toBe(total)
  })

  it('uses the same {placeholders} in both languages', () => {
    // `{count, plural, one {…} other {…}}` names its parameter like `{count}` does.
    const names = (s: string) => [...s.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]).sort()
    // A text written by a user in both languages is passed as {id} and {en}: each locale shows its own (logic.constraintOwn).
    const ownText = (t: { id: string; en: string }) => t.id === '{id}' && t.en === '{en}'
    const differ = Object.entries(catalogue).filter(([, t]) => !ownText(t) && JSON.stringify(names(t.id)) !== JSON.stringify(names(t.en)))
    expect(differ.map(([k]) => k)).toEqual([])
  })

  it('contains every key that the source code names', () => {
    const keys = new Set(Object.keys(catalogue))
    const missing: string[] = []
    let seen = 0
    for (const file of sourceFiles(path.resolve(import.meta.dirname))) {
      const text = fs.readFileSync(file, 'utf8')
      // t('key'), { error: 'key' }, message: 'key', detailKey arguments: every literal that looks like a message key.
      for (const m of text.matchAll(/(?:\bt\(|error:\s*|message:\s*|'conflict', \{[^}]*\}, \[\], |'not-found', \{\}, \[\], |'unauthenticated', \{\}, \[\], )'([a-z][\w-]*\.[\w.-]+)'/g)) {
        seen += 1
        if (!keys.has(m[1]!)) missing.push(`${path.relative(process.cwd(), file)}: ${m[1]}`)
      }
    }
    expect(missing).toEqual([])
    expect(seen).toBeGreaterThan(100)
  })
})

describe('choosing the language', () => {
  it('uses the remembered choice, then the browser’s, then Bahasa Indonesia', () => {
    expect(negotiateLocale('en', 'id-ID')).toBe('en')
    expect(negotiateLocale(undefined, 'fr-FR, en-GB;q=0.8, id;q=0.5')).toBe('en')
    expect(negotiateLocale(undefined, 'de, fr;q=0.5')).toBe('id')
    expect(negotiateLocale('xx', undefined)).toBe('id')
  })
})
