import { SaxesParser } from 'saxes'
import { describe, expect, it } from 'vitest'
import { catalogue } from '../messages.ts'
import { createTranslator, LOCALES } from '../platform/i18n/i18n.ts'
import { loadLibrary, parsePage } from './content.ts'
import { drawStepCard, escapeXml, wrap } from './step-card-svg.ts'
import { listSteps, parseStep } from './step-cards.ts'
import { renderStepCard, withStepCards } from './views/step-cards.tsx'
import { plainText } from './views/share.tsx'

const t = { id: createTranslator(catalogue, 'id'), en: createTranslator(catalogue, 'en') }

/** Parses the SVG as strict XML: throws on anything a browser would refuse to draw. */
function parseXml(svg: string): { texts: string[]; elements: string[] } {
  const parser = new SaxesParser()
  const texts: string[] = []
  const elements: string[] = []
  parser.on('error', (e) => {
    throw e
  })
  parser.on('opentag', (tag) => elements.push(tag.name))
  parser.on('text', (text) => texts.push(text))
  parser.write(svg).close()
  return { texts, elements }
}

describe('reading a settings step', () => {
  it('reads a menu item, an arrow and the option in italics', () => {
    expect(parseStep('**Groups** → *My contacts*. Strangers can then no longer put your child into a group.')).toEqual({ path: ['Groups'], value: 'My contacts', fullPath: false })
  })

  it('reads a menu path in bold with a colon and what to set, up to the end of the sentence', () => {
    expect(parseStep('**Content preferences → Restricted Mode**: on, with a passcode the teen does not know. (Older versions differ.)')).toEqual({
      path: ['Content preferences', 'Restricted Mode'],
      value: 'on, with a passcode the teen does not know',
      fullPath: false,
    })
  })

  it('reads an option written in plain words after the arrow', () => {
    expect(parseStep('**Who can send you friend requests?** → pilihan paling sempit yang tersedia.')).toEqual({ path: ['Who can send you friend requests?'], value: 'pilihan paling sempit yang tersedia', fullPath: false })
  })

  it('reads a whole menu path named in a sentence, with no option', () => {
    expect(parseStep('Di Instagram Anda sendiri, buka **Settings → Supervision → Create invite** lalu kirimkan kepada anak.')).toEqual({ path: ['Settings', 'Supervision', 'Create invite'], fullPath: true })
  })

  it('leaves a step it cannot read as text rather than guess', () => {
    for (const item of [
      '**Who can look you up** lewat nomor telepon atau email → pilihan paling sempit yang tersedia.',
      '**Comments** dan **Tags and mentions**: hanya orang yang kamu ikuti.',
      'Di bawah **Family**, ketuk nama anak.',
      '**waktu layar harian**;',
      '**Blokir**: di profil orang itu, ketuk titik tiga → **Block**.',
      '**Chrome di Android:** buka Chrome → ketuk **⋮ (More)** → **New Incognito tab**.',
      `**Groups** → *${'x'.repeat(101)}*`,
      `**${'y'.repeat(61)}** → *My contacts*`,
    ]) {
      expect(parseStep(item), item).toBeUndefined()
    }
  })

  it('starts every card of a list with the menu path of the sentence that introduces it', () => {
    const steps = listSteps('Open WhatsApp → **Settings → Privacy** (on Android, first tap the three dots). Then:\n\n1. **Groups** → *My contacts*.\n2. Tell your child why.\n3. **About** → *Nobody*.\n')
    expect(steps).toEqual([
      { item: 0, path: ['Settings', 'Privacy', 'Groups'], context: 2, value: 'My contacts', text: 'Groups → My contacts.' },
      { item: 2, path: ['Settings', 'Privacy', 'About'], context: 2, value: 'Nobody', text: 'About → Nobody.' },
    ])
  })

  it('takes no path from a paragraph that does not introduce the list with a colon', () => {
    expect(listSteps('We looked at **Settings → Privacy** last year.\n\n- **Groups** → *My contacts*.\n')[0]!.path).toEqual(['Groups'])
  })
})

describe('the shipped settings guides', () => {
  const library = loadLibrary()

  for (const locale of LOCALES) {
    it(`draws at least one card on every page with app steps but YouTube's, which names no menu (${locale})`, () => {
      const guides = library.pages(locale).filter((p) => p.appSteps)
      expect(guides.length).toBeGreaterThanOrEqual(9)
      expect(guides.filter((p) => p.steps.length === 0).map((p) => p.key)).toEqual(['settings-youtube'])
      expect(library.pages(locale).filter((p) => !p.appSteps && p.steps.length > 0)).toEqual([])
    })

    it(`draws only labels and options the page itself writes, never a translated or invented one (${locale})`, () => {
      for (const page of library.pages(locale).filter((p) => p.steps.length)) {
        const words = plainText(page.html)
        for (const step of page.steps) {
          for (const label of [...step.path, step.value ?? '']) expect(words, `${page.slug}: ${label}`).toContain(label)
          const card = renderStepCard(t[locale], page.steps, page.steps.indexOf(step) + 1)!
          const { texts } = parseXml(card.svg)
          expect(texts.join(' '), page.slug).toContain(step.path.at(-1)!.split(' ')[0])
        }
      }
    })
  }

  it('puts each card inside the list item it draws, on the WhatsApp guide in both languages', () => {
    for (const locale of LOCALES) {
      const page = library.byKey(locale, 'settings-whatsapp')!
      const html = withStepCards(t[locale], locale, page.slug, page.steps, page.html)
      const items = [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!)
      expect(items[0]).toMatch(/^<strong>Groups<\/strong>[\s\S]*<img class="step-card" src="[^"]+\/1\.svg" loading="lazy"/)
      expect(items[4]).toMatch(/<strong>Status<\/strong>[\s\S]*\/5\.svg"/)
      expect(html.match(/<img /g)).toHaveLength(page.steps.length)
    }
  })
})

describe('drawing a card', () => {
  it('escapes markup, ampersands and quotes from a hostile page into well-formed SVG', () => {
    const source = `---\nkey: settings-evil\ntitle: Evil settings\nsummary: A page written to break the card drawing and run a script.\naudiences: [parents]\ntopics: [settings]\nfactual: true\nappSteps: true\nsources:\n  - title: Nowhere\n    publisher: Nobody\nreviewed: 2026-12-01\n---\n1. **Tom & "Jerry's" <script>alert(1)</script>** → *<img src=x onerror=alert(1)> & \u0001more*.\n`
    const page = parsePage('en', 'settings-evil', source)
    expect(page.steps).toHaveLength(1)
    const { svg } = renderStepCard(t.en, page.steps, 1)!
    const { texts, elements } = parseXml(svg)
    expect(elements).not.toContain('script')
    expect(elements).not.toContain('img')
    expect(svg).not.toMatch(/<script|<img|\u0001/)
    expect(svg).toContain('&lt;script&gt;')
    expect(svg).toContain('&amp;')
    expect(svg).toContain('&quot;Jerry&#39;s&quot;')
    expect(texts.join('')).toContain('<img src=x')
  })

  it('removes characters XML cannot hold at all', () => {
    expect(escapeXml('a\u0000b\u001fc\uFFFEd\uD800e')).toBe('abcde')
  })

  it('wraps long labels at spaces, and breaks a word longer than a line', () => {
    expect(wrap('Who can send you friend requests?', 18)).toEqual(['Who can send you', 'friend requests?'])
    expect(wrap('a'.repeat(40), 18).every((l) => l.length <= 18)).toBe(true)
  })

  it('draws "on" as a switch and names the switch in the text alternative', () => {
    const on = drawStepCard({ item: 0, path: ['Privacy', 'Private account'], context: 0, value: 'on', text: '' }, 'x')
    const option = drawStepCard({ item: 0, path: ['Groups'], context: 0, value: 'My contacts', text: '' }, 'x')
    expect(on.svg).toContain('rx="9" fill="#0b5c4a"')
    expect(option.svg).not.toContain('rx="9" fill="#0b5c4a"')
    const step = { item: 0, path: ['Privacy', 'Private account'], context: 0, value: 'nyalakan', text: '' }
    expect(renderStepCard(t.id, [step], 1)!.svg).toContain('<title>Gambar layar ponsel: ketuk Privacy → Private account, lalu nyalakan.</title>')
  })

  it('grows with its rows and keeps 14 px type at its own 240 px width', () => {
    const short = drawStepCard({ item: 0, path: ['Groups'], context: 0, text: '' }, 'x')
    const long = drawStepCard({ item: 0, path: ['Profile', 'menu', 'Settings and privacy', 'Privacy', 'Private account'], context: 3, value: 'on', text: '' }, 'x')
    expect(long.height).toBeGreaterThan(short.height)
    expect(long.svg).toContain('font-size="14"')
    expect(long.width).toBe(240)
  })
})
