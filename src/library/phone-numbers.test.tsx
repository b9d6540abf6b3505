import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loginAs } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { HelpPanel } from '../evaluation/views/questionnaire-form.tsx'
import { catalogue } from '../messages.ts'
import { STATIC_DIR } from '../platform/http/static-files.ts'
import { createTranslator } from '../platform/i18n/i18n.ts'
import { contactHref } from '../outreach/views/referrals.tsx'
import { keepNumbersWhole } from './content.ts'

const jaga = useTestApp()
const html = async (p: string) => (await jaga.request(`http://localhost${p}`)).text()

/** Every link that calls or opens WhatsApp on a number, as written in the page. */
const numberLinks = (page: string) => [...page.matchAll(/<a [^>]*href="(?:tel:|https:\/\/wa\.me\/\d)[^>]*>/g)].map((m) => m[0])

describe('help numbers on a narrow screen', () => {
  it('stay on one line as links on the home pages, in every article’s help box and in the help directory', async () => {
    for (const p of ['/', '/id/pustaka', '/en/library', '/en/library/sextortion', '/id/pustaka/cara-melapor', '/en/library/help']) {
      const links = numberLinks(await html(p))
      expect(links.length, p).toBeGreaterThanOrEqual(3)
      for (const link of links) expect(link, p).toContain('class="nowrap"')
    }
  })

  it('stay on one line where library text and slides write them, leaving dates and age bands alone', async () => {
    const slides = await html('/en/library/facilitator-kit-refresher-visits/slides')
    expect(slides).toContain('WhatsApp <span class="nowrap">08111-129-129</span>')
    expect(slides).not.toMatch(/08111-129-129(?!<\/span>)/)
    expect(await html('/id/pustaka/panduan-fasilitator-sesi-orang-tua')).toContain('<span class="nowrap">08111-129-129</span>')
    expect(keepNumbersWhole('<p>Diperiksa 2026-12-01, anak 13-17, hotline 0857-7001-0048 atau 0811 1234 5678.</p>')).toBe(
      '<p>Diperiksa 2026-12-01, anak 13-17, hotline <span class="nowrap">0857-7001-0048</span> atau <span class="nowrap">0811 1234 5678</span>.</p>',
    )
    // Only text is touched, never an attribute.
    expect(keepNumbersWhole('<a title="0857-7001-0048">x</a>')).toBe('<a title="0857-7001-0048">x</a>')
  })

  it('stay on one line beside the referral form and in the help panel a questionnaire shows after a disclosure', async () => {
    const { agent } = await loginAs(jaga, 'facilitator')
    const referral = await (await agent.get('/referrals/new')).text()
    expect(numberLinks(referral).length).toBeGreaterThanOrEqual(2)
    for (const link of numberLinks(referral)) expect(link).toContain('class="nowrap"')

    const t = createTranslator(catalogue, 'id')
    const contacts = [{ kind: 'phone', value: '129' }, { kind: 'whatsapp', value: '08111-129-129' }, { kind: 'web', value: 'https://example.org' }]
    const panel = String(<HelpPanel t={t} help={[{ name: 'SAPA 129', handles: 'x', contacts: contacts.map((c) => ({ ...c, href: contactHref(c) })) }]} helpUrl="/id/pustaka/bantuan" />)
    expect(numberLinks(panel)).toEqual(['<a class="nowrap" href="tel:129">', '<a class="nowrap" href="https://wa.me/628111129129">'])
    expect(panel).toContain('<a href="https://example.org">')
  })

  it('are kept whole by a style rule', () => {
    expect(fs.readFileSync(path.join(STATIC_DIR, 'app.css'), 'utf8')).toMatch(/\.nowrap\{white-space:nowrap\}/)
  })
})
