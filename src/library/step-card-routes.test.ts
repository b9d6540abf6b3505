import { describe, expect, it } from 'vitest'
import { useTestApp } from '../../test/harness.ts'
import { offlineManifestUrl, pageUrl, stepCardUrl } from './library-urls.ts'

const jaga = useTestApp()
const get = (path: string, headers: Record<string, string> = {}) => jaga.request(`http://localhost${path}`, { headers })

describe('drawn step cards of the settings guides', () => {
  it('serves a card as a cacheable SVG image in Indonesian, with the page’s own menu labels', async () => {
    const response = await get('/id/pustaka/pengaturan-whatsapp/langkah/1.svg')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('image/svg+xml; charset=UTF-8')
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=3600')
    expect(response.headers.get('ETag')).toMatch(/^"[\w-]{16}"$/)
    const svg = await response.text()
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
    expect(svg).toContain('<title>Gambar layar ponsel: ketuk Settings → Privacy → Groups, lalu pilih “My contacts”.</title>')
    expect(svg).toContain('>Groups</text>')
  })

  it('serves the English card under the English address, with an English text alternative', async () => {
    const response = await get('/en/library/settings-tiktok/step/1.svg')
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<title>Drawing of a phone screen: tap Profile → menu → Settings and privacy → Privacy → Private account, then turn it on.</title>')
  })

  it('answers "not modified" to a browser that already holds the same card', async () => {
    const first = await get('/en/library/settings-whatsapp/step/2.svg')
    const again = await get('/en/library/settings-whatsapp/step/2.svg', { 'If-None-Match': first.headers.get('ETag')! })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
  })

  it('answers 404 for a step, page or address that has no card', async () => {
    for (const path of [
      '/id/pustaka/pengaturan-whatsapp/langkah/6.svg',
      '/id/pustaka/pengaturan-whatsapp/langkah/0.svg',
      '/id/pustaka/pengaturan-whatsapp/langkah/01.svg',
      '/id/pustaka/pengaturan-whatsapp/langkah/1.png',
      '/id/pustaka/pengaturan-whatsapp/langkah/abc.svg',
      '/id/pustaka/pengaturan-youtube/langkah/1.svg',
      '/id/pustaka/tanda-bahaya/langkah/1.svg',
      '/id/pustaka/tidak-ada/langkah/1.svg',
      '/en/library/settings-whatsapp/langkah/1.svg',
      '/id/pustaka/pengaturan-whatsapp/step/1.svg',
    ]) {
      expect((await get(path)).status, path).toBe(404)
    }
  })

  it('shows each card beside its step with size, lazy loading and the step in words, and every card it links loads', async () => {
    for (const [locale, slug] of [['id', 'pengaturan-instagram'], ['en', 'settings-instagram']] as const) {
      const html = await (await get(pageUrl(locale, slug))).text()
      const images = [...html.matchAll(/<img class="step-card" src="([^"]+)" loading="lazy" decoding="async" width="240" height="(\d+)" alt="([^"]+)"\/?>/g)]
      expect(images.map((m) => m[1])).toEqual([1, 2, 3, 4].map((n) => stepCardUrl(locale, slug, n)))
      expect(images[0]![3]).toBe(locale === 'id' ? 'Gambar layar ponsel: ketuk Settings → Supervision → Create invite.' : 'Drawing of a phone screen: tap Settings → Supervision → Create invite.')
      for (const [, src, height] of images) {
        const card = await get(src!)
        expect(card.status, src).toBe(200)
        expect(await card.text()).toContain(`height="${height}"`)
      }
    }
  })

  it('lists the cards in the offline manifest, so a saved guide keeps its pictures', async () => {
    for (const locale of ['id', 'en'] as const) {
      const urls = (await (await get(offlineManifestUrl(locale))).json()) as string[]
      const slug = locale === 'id' ? 'pengaturan-whatsapp' : 'settings-whatsapp'
      expect(urls).toEqual(expect.arrayContaining([1, 2, 3, 4, 5].map((n) => stepCardUrl(locale, slug, n))))
    }
  })
})
