import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { LOCALES } from '../platform/i18n/i18n.ts'
import { CONTENT_DIR, ContentError, loadLibrary } from './content.ts'
import { libraryHome, pageUrl } from './library-urls.ts'

const jaga = useTestApp()
const get = (path: string, headers: Record<string, string> = {}) => jaga.request(`http://localhost${path}`, { headers })

describe('the shipped library content', () => {
  const library = loadLibrary()

  it('has at least 40 pages, every one in both languages, paired by key', () => {
    const keys = (l: 'id' | 'en') => library.pages(l).map((p) => p.key).sort()
    expect(keys('id')).toEqual(keys('en'))
    expect(new Set(keys('id')).size).toBe(keys('id').length)
    expect(keys('id').length).toBeGreaterThanOrEqual(40)
  })

  it('gives each pair the same audiences, topics and fact status', () => {
    for (const p of library.pages('id')) {
      const en = library.counterpart(p, 'en')!
      const same = (x: typeof p) => ({ key: x.key, a: x.audiences, t: x.topics, f: x.factual, c: x.penaltyCaveat, s: x.appSteps, r: x.reviewed, sources: x.sources.map((s) => s.url ?? null) })
      expect(same(p)).toEqual(same(en))
    }
  })

  it('has sources and a review date on every page that states facts, and the penalty caveat on every page quoting penalties', () => {
    for (const locale of LOCALES) {
      for (const p of library.pages(locale)) {
        if (p.factual) {
          expect(p.sources.length, p.slug).toBeGreaterThan(0)
          expect(p.reviewed, p.slug).toMatch(/^\d{4}-\d\d-\d\d$/)
        }
        // Rupiah fines or prison terms come from laws written before the 2026 criminal code.
        if (/denda|penjara|in prison|a fine of/.test(p.html)) expect(p.penaltyCaveat, `${locale}/${p.slug}`).toBe(true)
      }
    }
  })

  it('has settings pages for Android, iPhone, the main apps and games, each citing help pages and dated', async () => {
    const settings = ['settings-family-link', 'settings-screen-time', 'settings-whatsapp', 'settings-tiktok', 'settings-instagram', 'settings-facebook', 'settings-youtube', 'settings-games']
    for (const key of settings) {
      for (const locale of LOCALES) {
        const p = library.byKey(locale, key)
        expect(p, `${locale}/${key}`).toBeDefined()
        expect(p!.topics, key).toContain('settings')
        expect(p!.appSteps, key).toBe(true)
        expect(p!.sources.some((s) => s.url?.startsWith('https://')), key).toBe(true)
      }
    }
    const en = textOf(await (await get('/en/library/settings-whatsapp')).text())
    expect(en).toContain('The steps on this page were checked against the sources below on 1 Dec 2026.')
    const id = textOf(await (await get('/id/pustaka/pengaturan-whatsapp')).text())
    expect(id).toContain('Langkah di halaman ini diperiksa terhadap sumber di bawah pada 1 Des 2026.')
    expect(id).toContain('How to change your privacy settings — WhatsApp Help Center')
  })

  it('links only to library pages that exist, in the same language', () => {
    const broken: string[] = []
    for (const locale of LOCALES) {
      for (const p of library.pages(locale)) {
        for (const [, href] of p.html.matchAll(/href="(\/[^"]*)"/g)) {
          const slug = href!.startsWith(libraryHome(locale) + '/') ? href!.slice(libraryHome(locale).length + 1) : null
          if (!slug || !library.find(locale, slug)) broken.push(`${locale}/${p.slug} → ${href}`)
        }
      }
    }
    expect(broken).toEqual([])
  })

  it('publishes only help contacts checked against at least one source, with a date', () => {
    expect(library.helpChannels.map((c) => c.id)).toEqual(expect.arrayContaining(['sapa-129', 'polri-110', 'aduankonten', 'take-it-down', 'iwf-indonesia']))
    const sapa = library.helpChannels.find((c) => c.id === 'sapa-129')!
    expect(sapa.contacts).toEqual([{ kind: 'phone', value: '129' }, { kind: 'whatsapp', value: '08111-129-129' }])
    for (const c of library.helpChannels) if (c.confidence === 'medium') expect(c.note, c.id).toBeDefined()
  })
})

describe('quizzes', () => {
  it('ship for parents, teachers, community and three age bands, each answer explained and linked to a page that exists', () => {
    const library = loadLibrary()
    expect(library.quizzes.map((q) => q.key).sort()).toEqual(['children-10-12', 'children-6-9', 'community', 'parents', 'teachers', 'teens'])
    for (const quiz of library.quizzes) {
      for (const q of quiz.questions) {
        expect(q.explanation.id.length, `${quiz.key}/${q.id}`).toBeGreaterThan(20)
        if (q.page) expect(library.byKey('id', q.page), `${quiz.key}/${q.id} → ${q.page}`).toBeDefined()
      }
    }
  })

  it('checks answers given in the address, explains each one, and keeps the result out of shared caches', async () => {
    const res = await get('/en/library/quiz/parents?check=1&q1=b&q2=a&q4=b')
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('private, no-store')
    const text = textOf(await res.text())
    expect(text).toContain('2 of 6 answers right.')
    expect(text).toContain('Not quite · The right answer: The group or account name, platform and time, without the photo')
    expect(text).toContain('Not answered')
    expect(text).toContain('Read more: Never save, screenshot or forward a sexual image of a child')
  })

  it('shows the empty quiz without a score, and 404 for an unknown quiz', async () => {
    const text = textOf(await (await get('/id/pustaka/kuis/teens')).text())
    expect(text).toContain('Kuis untuk remaja 13–17 tahun')
    expect(text).not.toContain('jawaban benar')
    expect((await get('/id/pustaka/kuis/nope')).status).toBe(404)
  })
})

describe('facilitator kits', () => {
  it('show a session plan with a slide deck that reads without JavaScript, one section per slide', async () => {
    const kit = textOf(await (await get('/en/library/facilitator-kit-parents-session')).text())
    expect(kit).toContain('Role play: a child tells')
    expect(kit).toContain('Open the slide deck')
    const html = await (await get('/en/library/facilitator-kit-parents-session/slides')).text()
    expect(html.match(/<section class="slide"/g)).toHaveLength(11)
    expect(textOf(html)).toContain('Slide 11 of 11')
    expect((await get('/en/library/sextortion/slides')).status).toBe(404)
  })

  it('give parents, teenagers and officials a five-minute segment on fake images made with AI, with its slide, the same in both languages', async () => {
    const library = jaga.library.current
    for (const key of ['kit-parents', 'kit-teens-class', 'kit-officials']) {
      const [id, en] = (['id', 'en'] as const).map((l) => library.byKey(l, key)!)
      for (const [page, heading, slide, link] of [
        [id!, '<h2>Gambar palsu buatan AI (5 menit)</h2>', '<h2>Gambar palsu buatan AI</h2>', 'href="/id/pustaka/gambar-seksual-buatan-ai"'],
        [en!, '<h2>Fake images made with AI (5 minutes)</h2>', '<h2>Fake images made with AI</h2>', 'href="/en/library/ai-generated-sexual-images"'],
      ] as const) {
        expect(page.html, `${page.locale}/${key}`).toContain(heading)
        expect(page.html, `${page.locale}/${key}`).toContain(link)
        // Never the image: the segment says what to note instead, and where Take It Down does not reach.
        expect(page.html, `${page.locale}/${key}`).toMatch(/URL[^<]*(akun|account)|nama grup dan waktunya|group name and the time/)
        expect(page.html, `${page.locale}/${key}`).toMatch(/WhatsApp/)
        expect(page.slideHtml.filter((s) => s.includes(slide)), `${page.locale}/${key}`).toHaveLength(1)
      }
      expect(id!.slideHtml.findIndex((s) => s.includes('Gambar palsu buatan AI'))).toBe(en!.slideHtml.findIndex((s) => s.includes('Fake images made with AI')))
      expect(id!.html.match(/<h2>/g)?.length).toBe(en!.html.match(/<h2>/g)?.length)
      expect(id!.html.match(/<tr>/g)?.length).toBe(en!.html.match(/<tr>/g)?.length)
    }
  })

  it('include a refresher kit for repeat visits: three themes, each ending on a slide with its three-question check and the answers', async () => {
    for (const [path, check, answer] of [
      ['/id/pustaka/panduan-fasilitator-kunjungan-ulang/slides', 'Cek: tiga pertanyaan', 'SAPA 129: telepon 129 atau WhatsApp 08111-129-129'],
      ['/en/library/facilitator-kit-refresher-visits/slides', 'Check: three questions', 'SAPA 129: call 129 or WhatsApp 08111-129-129'],
    ] as const) {
      const slides = [...(await (await get(path)).text()).matchAll(/<section class="slide"[\s\S]*?<\/section>/g)].map((m) => textOf(m[0]))
      expect(slides, path).toHaveLength(10)
      // Slides 4, 7 and 10 close the three themes.
      expect([3, 6, 9].map((i) => slides[i]!.includes(check)), path).toEqual([true, true, true])
      expect(slides.filter((s) => s.includes(check)), path).toHaveLength(3)
      expect(slides[6], path).toContain(answer)
    }
    const kit = textOf(await (await get('/en/library/facilitator-kit-refresher-visits')).text())
    expect(kit.match(/Three-question check/g)?.length).toBeGreaterThanOrEqual(3)
    for (const from of ['/en/library/facilitator-kit-community-meeting', '/en/library/facilitator-kit-parents-session']) {
      expect(await (await get(from)).text(), from).toContain('href="/en/library/facilitator-kit-refresher-visits"')
    }
  })
})

describe('loading content', () => {
  function contentWith(idPage: string, enPage = idPage) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-content-'))
    fs.mkdirSync(path.join(dir, 'id'))
    fs.mkdirSync(path.join(dir, 'en'))
    fs.writeFileSync(path.join(dir, 'id', 'a.md'), idPage)
    fs.writeFileSync(path.join(dir, 'en', 'a.md'), enPage)
    fs.copyFileSync(path.join(CONTENT_DIR, 'help-channels.json'), path.join(dir, 'help-channels.json'))
    return dir
  }
  const page = (front: string, body = 'Body text.') => `---\nkey: a\ntitle: A title\nsummary: A summary that is long enough.\naudiences: [parents]\ntopics: [basics]\n${front}\n---\n${body}\n`

  it('refuses a factual page without sources or review date, naming the file', () => {
    expect(() => loadLibrary(contentWith(page('factual: true')))).toThrow(ContentError)
    expect(() => loadLibrary(contentWith(page('factual: true')))).toThrow(/content\/id\/a\.md: .*sources and a reviewed date/s)
  })

  it('refuses app steps on a page that does not state its sources', () => {
    expect(() => loadLibrary(contentWith(page('factual: false\nappSteps: true')))).toThrow(/content\/id\/a\.md: .*appSteps: true.*needs factual: true/s)
  })

  it('names the file whose frontmatter is not valid YAML', () => {
    expect(() => loadLibrary(contentWith('---\nkey: a\ntitle: one: two: three\n---\nx'))).toThrow(/content\/id\/a\.md: the frontmatter is not valid YAML/)
  })

  it('escapes raw HTML and refuses javascript: links in Markdown', () => {
    const lib = loadLibrary(contentWith(page('factual: false', '<script>alert(1)</script> [x](javascript:alert(1)) [ok](https://example.org)')))
    const html = lib.pages('id')[0]!.html
    expect(html).toContain('&lt;script&gt;')
    expect(html).not.toContain('href="javascript:')
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">ok</a>')
  })
})

describe('library pages', () => {
  it('lists every page on the library home, in the address’s language whatever the cookie says', async () => {
    const res = await get('/id/pustaka', { Cookie: 'jaga_lang=en' })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<html lang="id">')
    for (const p of jaga.library.current.pages('id')) expect(html).toContain(`href="${pageUrl('id', p.slug)}"`)
  })

  it('shows an article with its sources, review date, canonical link, hreflang alternates and Open Graph tags', async () => {
    const html = await (await get('/en/library/laws-that-protect-children')).text()
    expect(html).toContain('<link rel="canonical" href="http://localhost:3000/en/library/laws-that-protect-children"/>')
    expect(html).toContain('hreflang="id" href="http://localhost:3000/id/pustaka/hukum-yang-melindungi-anak"')
    expect(html).toContain('<meta property="og:title" content="The laws that protect children from online sexual abuse, in plain language"/>')
    expect(html).toContain('<meta property="og:type" content="article"/>')
    const image = /<meta property="og:image" content="http:\/\/localhost:3000(\/static\/og\.png\?v=\w+)"\/>/.exec(html)?.[1]
    expect(image).toBeDefined()
    const png = await get(image!, { 'Accept-Encoding': 'gzip' })
    expect(png.headers.get('Content-Type')).toBe('image/png')
    expect(png.headers.get('Content-Encoding')).toBe(null)
    const text = textOf(html)
    expect(text).toContain('Checked against published sources: 1 Dec 2026')
    expect(text).toContain('the new Criminal Code (UU 1/2023) and UU 1/2026 on penalty adjustment took effect on 2 January 2026')
    // The language switch leads to the same page in Indonesian.
    expect(html).toContain(`href="/lang/id?next=${encodeURIComponent('/id/pustaka/hukum-yang-melindungi-anak')}"`)
  })

  it('places the help directory inside the reporting article, with contacts as links', async () => {
    const html = await (await get('/id/pustaka/cara-melapor')).text()
    expect(html).not.toContain('[[help-directory]]')
    expect(html).toContain('<a class="nowrap" href="tel:129">129</a>')
    expect(html).toContain('href="https://wa.me/628111129129"')
    expect(textOf(html)).toContain('Diperiksa terhadap sumber tertulis: 27 Nov 2026')
  })

  it('finds pages by words in either language, and says so when nothing matches', async () => {
    const id = textOf(await (await get('/id/pustaka/cari?q=pemerasan')).text())
    expect(id).toMatch(/\d+ hasil untuk “pemerasan”/)
    expect(id).toContain('Pemerasan seksual (sextortion)')
    // Another word from the same root: "memeras" (to extort) finds the page about "pemerasan".
    const stemmed = textOf(await (await get('/id/pustaka/cari?q=memeras')).text())
    expect(stemmed).toMatch(/\d+ hasil untuk “memeras”/)
    expect(stemmed).toContain('Pemerasan seksual (sextortion)')
    expect(textOf(await (await get('/en/library/search?q=spreading')).text())).toContain('If someone threatens to spread your photos')
    const en = textOf(await (await get('/en/library/search?q=xyzzy')).text())
    expect(en).toContain('No page matches “xyzzy”')
  })

  it('counts one search result as "1 result", and gives the page script both forms of each count it fills in', async () => {
    // "roblox" is on one English page only.
    expect(jaga.library.current.search('en', 'roblox')).toHaveLength(1)
    const search = await (await get('/en/library/search?q=roblox')).text()
    expect(textOf(search)).toContain('1 result for “roblox”')
    // Offline, the page searches the saved index and fills the count itself; so with the saved-pages count.
    expect(search).toContain('data-found="{count} results for “{q}”" data-found-one="1 result for “{q}”"')
    expect(await (await get('/en/library')).text()).toContain(
      'data-saved="{count} pages saved. The library, search and help open without internet." data-saved-one="1 page saved. The library, search and help open without internet."',
    )
    expect(await (await get('/id/pustaka')).text()).toContain('data-saved-one="1 halaman tersimpan.')
  })

  it('lists pages by audience and by topic, and answers 404 for unknown ones', async () => {
    const teens = textOf(await (await get('/en/library/for/children-13-17')).text())
    expect(teens).toContain('If someone threatens to spread your photos')
    const law = textOf(await (await get('/id/pustaka/topik/law')).text())
    expect(law).toContain('Kekerasan seksual berbasis elektronik')
    expect((await get('/en/library/for/aliens')).status).toBe(404)
    expect((await get('/en/library/no-such-page')).status).toBe(404)
  })

  it('publishes a sitemap with both languages of every page and a robots.txt pointing to it', async () => {
    const xml = await (await get('/sitemap.xml')).text()
    for (const p of jaga.library.current.pages('en')) expect(xml).toContain(`<loc>http://localhost:3000${pageUrl('en', p.slug)}</loc>`)
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="id" href="http://localhost:3000/id/pustaka/cara-melapor"/>')
    const robots = await (await get('/robots.txt')).text()
    expect(robots).toContain('Sitemap: http://localhost:3000/sitemap.xml')
    expect(robots).toContain('Disallow: /admin/')
  })
})
