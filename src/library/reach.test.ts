import { describe, expect, it } from 'vitest'
import { useTestApp } from '../../test/harness.ts'
import { pageUrl } from './library-urls.ts'
import { plainText, whatsAppShareUrl } from './views/share.tsx'

const jaga = useTestApp()
const get = (path: string, headers: Record<string, string> = {}) => jaga.request(`http://localhost${path}`, { headers })
const html = async (path: string, headers: Record<string, string> = {}) => (await get(path, headers)).text()
// As hono/jsx writes attribute values.
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

describe('help numbers', () => {
  it('can be tapped on the home pages and in the help box of every article: tel: for calls, wa.me for WhatsApp', async () => {
    for (const path of ['/', '/id/pustaka', '/en/library', '/id/pustaka/pemerasan-seksual-sextortion', '/en/library/sextortion']) {
      const page = await html(path)
      expect(page, path).toContain('href="tel:129"')
      expect(page, path).toContain('href="tel:110"')
      expect(page, path).toContain('href="https://wa.me/628111129129"')
      // The placeholders never reach a reader.
      expect(page, path).not.toMatch(/\{(police|sapa|sapaWhatsapp)\}/)
    }
  })
})

describe('sharing a library page', () => {
  it('offers a WhatsApp link with the title and public address, and a copy button that stays hidden until the script can copy', async () => {
    const page = jaga.library.current.byKey('id', 'sextortion')!
    const url = `http://localhost:3000${pageUrl('id', page.slug)}`
    const body = await html(pageUrl('id', page.slug))
    expect(body).toContain(`href="${escapeAttr(whatsAppShareUrl(`${page.title}\n${url}`))}"`)
    expect(body).toContain('Bagikan lewat WhatsApp')
    expect(body).toMatch(new RegExp(`<button type="button" class="secondary" hidden="" data-copy="${url}"[^>]*>Salin tautan</button>`))
    expect(body).toMatch(/role="status" aria-live="polite" data-copy-status/)
    // Nothing from a third party: only the wa.me link, no script from elsewhere.
    expect(body).not.toMatch(/<script[^>]+src="https?:/)
  })

  it('is on the library home, listings, the help page and the quizzes too, in English as well', async () => {
    for (const [path, label] of [
      ['/en/library', 'Share on WhatsApp'],
      ['/en/library/for/parents', 'Share on WhatsApp'],
      ['/id/pustaka/bantuan', 'Bagikan lewat WhatsApp'],
      ['/en/library/quiz', 'Copy link'],
      ['/en/library/quiz/teens', 'Copy link'],
    ] as const) {
      const body = await html(path)
      expect(body, path).toContain(label)
      expect(body, path).toContain(`data-copy="http://localhost:3000${path}"`)
    }
  })

  it('shares a quiz by its own address, never with the answers someone gave', async () => {
    const body = await html('/en/library/quiz/teens?check=1&q1=a')
    expect(body).toContain('data-copy="http://localhost:3000/en/library/quiz/teens"')
    expect(body).not.toContain('q1%3Da')
  })

  it('is the same for every reader, so the pre-rendered page cache still holds', async () => {
    const a = await html('/en/library/sextortion', { 'Accept-Language': 'en' })
    const b = await html('/en/library/sextortion', { 'Accept-Language': 'id', 'User-Agent': 'another phone' })
    expect(a).toBe(b)
  })
})

describe('the short-messages page', () => {
  for (const locale of ['id', 'en'] as const) {
    it(`puts WhatsApp and copy under each message, with the message itself as the text (${locale})`, async () => {
      const page = jaga.library.current.byKey(locale, 'short-messages')!
      const body = await html(pageUrl(locale, page.slug))
      const quotes = [...page.html.matchAll(/<blockquote>([\s\S]*?)<\/blockquote>/g)].map((m) => plainText(m[1]!))
      expect(quotes.length).toBeGreaterThanOrEqual(4)
      for (const text of quotes) {
        expect(body).toContain(`href="${escapeAttr(whatsAppShareUrl(text))}"`)
        expect(body).toContain(`data-copy="${escapeAttr(text)}"`)
      }
      // One bar for the page, one per message.
      expect(body.match(/https:\/\/wa\.me\/\?text=/g)).toHaveLength(quotes.length + 1)
      expect(body).toContain(locale === 'id' ? 'Salin pesan' : 'Copy message')
      expect(quotes[0]).not.toMatch(/[<>]|&amp;/)
    })
  }

  it('turns a rendered message into the plain words someone would paste', () => {
    expect(plainText('<p><strong>Hadiah</strong> &quot;jangan bilang&quot; &amp; pulsa</p>\n')).toBe('Hadiah "jangan bilang" & pulsa')
  })
})

describe('the not-found page', () => {
  it('offers the library search of the visitor’s language', async () => {
    const en = await get('/en/library/no-such-page')
    expect(en.status).toBe(404)
    const enBody = await en.text()
    expect(enBody).toContain('action="/en/library/search"')
    expect(enBody).toContain('role="search"')
    const id = await get('/id/pustaka/tidak-ada', { 'Accept-Language': 'en' })
    expect(id.status).toBe(404)
    expect(await id.text()).toContain('action="/id/pustaka/cari"')
    const elsewhere = await html('/no/such/thing', { 'Accept-Language': 'en-GB' })
    expect(elsewhere).toContain('action="/en/library/search"')
  })

  it('keeps JSON problems under /api/ without a form', async () => {
    const res = await get('/api/no-such-thing')
    expect(res.status).toBe(404)
    expect(await res.text()).not.toContain('<form')
  })
})

describe('browsing safely', () => {
  it('has a page in both languages, dated and sourced from the browsers’ help pages, linked from the help page', async () => {
    for (const locale of ['id', 'en'] as const) {
      const page = jaga.library.current.byKey(locale, 'browsing-safely')!
      expect(page, locale).toBeDefined()
      expect(page.factual && page.appSteps).toBe(true)
      expect(page.reviewed).toBe('2026-12-01')
      expect(page.sources.map((s) => new URL(s.url!).host).sort()).toEqual(['support.apple.com', 'support.google.com', 'support.google.com'])
      const help = await html(locale === 'id' ? '/id/pustaka/bantuan' : '/en/library/help')
      expect(help).toContain(`href="${pageUrl(locale, page.slug)}"`)
    }
    const en = await html('/en/library/browsing-safely')
    expect(en).toContain('Quick exit does not erase your history')
    expect(en).toContain('Clear History and Website Data')
  })
})
