import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../../test/harness.ts'
import { catalogue } from '../messages.ts'
import { STATIC_DIR } from '../platform/http/static-files.ts'
import { LOCALES } from '../platform/i18n/i18n.ts'
import { isChildren } from './content-schema.ts'
import { CONTENT_DIR, loadLibrary } from './content.ts'
import { findIllustrations, illustrationNames } from './illustrations.ts'
import { offlineManifestUrl, pageUrl } from './library-urls.ts'

const jaga = useTestApp()
const get = (p: string) => jaga.request(`http://localhost${p}`)

function contentWith(front: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-content-'))
  const page = `---\nkey: a\ntitle: A title\nsummary: A summary that is long enough.\ntopics: [basics]\nfactual: false\n${front}\n---\nBody text.\n`
  for (const locale of LOCALES) {
    fs.mkdirSync(path.join(dir, locale))
    fs.writeFileSync(path.join(dir, locale, 'a.md'), page)
  }
  fs.copyFileSync(path.join(CONTENT_DIR, 'help-channels.json'), path.join(dir, 'help-channels.json'))
  return dir
}

describe('choosing a drawing for a page', () => {
  it('refuses a drawing that does not exist, naming the file and the drawings there are', () => {
    expect(() => loadLibrary(contentWith('audiences: [children-6-9]\nillustration: unicorn'))).toThrow(/content\/id\/a\.md: .*there is no illustration named "unicorn" \(choose one of: block-button, lock, no-forward, say-no, trusted-adult\)/s)
  })

  it('refuses a page for children without a drawing, and lets other pages go without one', () => {
    expect(() => loadLibrary(contentWith('audiences: [parents, children-10-12]'))).toThrow(/content\/id\/a\.md: .*a page for children needs an illustration/s)
    expect(loadLibrary(contentWith('audiences: [parents]')).pages('id')[0]!.illustration).toBeUndefined()
    expect(loadLibrary(contentWith('audiences: [children-13-17]\nillustration: lock')).pages('en')[0]!.illustration).toBe('lock')
  })

  it('counts a drawing with words only when every language has its own file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-static-'))
    for (const file of ['illustration-star.svg', 'illustration-hello.id.svg', 'illustration-hello.en.svg', 'illustration-half.id.svg', 'other.svg']) fs.writeFileSync(path.join(dir, file), '<svg/>')
    expect(findIllustrations(dir)).toEqual(new Map([['star', 'shared'], ['hello', 'per-language']]))
  })
})

describe('the shipped drawings', () => {
  const library = loadLibrary()

  it('give every page for children one, the same in both languages', () => {
    for (const p of library.pages('id')) {
      if (p.audiences.some(isChildren)) expect(p.illustration, p.slug).toBeDefined()
      expect(library.counterpart(p, 'en')!.illustration, p.slug).toBe(p.illustration)
    }
  })

  it('are small drawn SVG with nothing fetched from elsewhere, and each says what it shows in both languages', () => {
    const files = fs.readdirSync(STATIC_DIR).filter((f) => f.startsWith('illustration-'))
    expect(files.length).toBeGreaterThanOrEqual(illustrationNames().length)
    for (const file of files) {
      const svg = fs.readFileSync(path.join(STATIC_DIR, file))
      expect(zlib.gzipSync(svg, { level: 9 }).length, file).toBeLessThanOrEqual(3072)
      // Drawn shapes only: no embedded or linked picture, no script, no address to fetch.
      expect(svg.toString(), file).not.toMatch(/<image|<script|<foreignObject|href=|url\(|data:/i)
    }
    for (const name of illustrationNames()) {
      const entry = (catalogue as Record<string, { id: string; en: string }>)[`illustration.${name}`]
      expect(entry?.id, name).toBeTruthy()
      expect(entry?.en, name).toBeTruthy()
    }
  })
})

describe('a page for children', () => {
  it('shows its drawing at the top with what it shows in the page’s language, served for a year', async () => {
    const id = await (await get(pageUrl('id', 'tekanan-mengirim-foto'))).text()
    const src = /<h1>[^<]*<\/h1><img class="illustration" src="(\/static\/illustration-say-no\.id\.svg\?v=\w+)" alt="Gambar balon kata bertuliskan &quot;Tidak!&quot;." width="240" height="160"\/>/.exec(id)?.[1]
    expect(src).toBeDefined()
    const svg = await get(src!)
    expect(svg.headers.get('Content-Type')).toBe('image/svg+xml')
    expect(svg.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(await svg.text()).toContain('>Tidak!</text>')

    const en = await (await get(pageUrl('en', 'pressure-to-send-photos'))).text()
    expect(en).toMatch(/<img class="illustration" src="\/static\/illustration-say-no\.en\.svg\?v=\w+" alt="A speech bubble saying &quot;No!&quot;."/)
    expect(await (await get(pageUrl('en', 'passwords-and-accounts'))).text()).toMatch(/<img class="illustration" src="\/static\/illustration-lock\.svg\?v=\w+" alt="A padlock on a shield."/)
    // A page for adults only has none.
    expect(await (await get(pageUrl('en', 'after-a-report'))).text()).not.toContain('class="illustration"')
  })

  it('keeps its drawing when the library is saved for reading offline', async () => {
    const urls = (await (await get(offlineManifestUrl('id'))).json()) as string[]
    expect(urls.filter((u) => u.startsWith('/static/illustration-')).map((u) => u.replace(/\?v=\w+$/, '')).sort()).toEqual(
      ['block-button', 'lock', 'no-forward', 'say-no.id', 'trusted-adult'].map((n) => `/static/illustration-${n}.svg`),
    )
  })
})
