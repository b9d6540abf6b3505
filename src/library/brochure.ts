import { newPdf, PDF_COLOURS } from '../platform/pdf.ts'
import type { Locale, Translator } from '../platform/i18n/i18n.ts'
import { formatDate } from '../platform/i18n/i18n.ts'
import type { Audience } from './content-schema.ts'
import type { Library, LibraryPage } from './content.ts'
import { audienceUrl, topicUrl } from './library-urls.ts'

const { brand: BRAND, ink: INK, muted: MUTED } = PDF_COLOURS
/** The channels every brochure prints, in this order. */
const PRINTED_CHANNELS = ['sapa-129', 'polri-110', 'aduankonten', 'take-it-down']

type BrochureKeys =
  | 'brochure.for'
  | 'brochure.keyMessages'
  | 'brochure.help'
  | 'brochure.never'
  | 'brochure.readMore'
  | 'brochure.reviewed'
  | 'brochure.settings'
  | 'brochure.more'
  | `audience.${Audience}`

/** One A4 sheet folded in half and printed on both sides: four A5 pages. */
export const BROCHURE_MAX_PAGES = 4

/**
 * An A5 brochure for one audience, made from the same pages as the website (their titles and
 * summaries) and the same help directory, so print and web never say different things. It fits one
 * folded A4 sheet: when every page's summary does not fit, the first ones (by the library's order) are
 * printed and the brochure says how many more are in the library.
 */
export async function renderBrochure(library: Library, locale: Locale, audience: Audience, t: Translator<BrochureKeys>, publicUrl: string): Promise<Buffer> {
  const all = library.forAudience(locale, audience)
  // Step-by-step app settings belong on a screen next to the phone, and change often: the brochure points to them.
  const printable = all.filter((p) => !p.appSteps)
  const hasSettings = all.length > printable.length
  for (let count = printable.length; ; count--) {
    const { pdf, pages } = drawBrochure(library, locale, audience, t, publicUrl, { pages: printable.slice(0, count), more: printable.length - count, hasSettings })
    if (pages <= BROCHURE_MAX_PAGES || count === 0) return pdf
    // Too long: this attempt is dropped (its bytes are never awaited) and the next one prints one page fewer.
  }
}

function drawBrochure(
  library: Library,
  locale: Locale,
  audience: Audience,
  t: Translator<BrochureKeys>,
  publicUrl: string,
  content: { pages: LibraryPage[]; more: number; hasSettings: boolean },
): { pdf: Promise<Buffer>; pages: number } {
  const { pages } = content
  const { doc, done } = newPdf({ size: 'A5', margins: { top: 42, bottom: 42, left: 40, right: 40 }, info: { Title: `Jaga – ${t(`audience.${audience}`)}`, Author: 'Jaga' }, lang: locale === 'id' ? 'id-ID' : 'en-GB' })
  let pageCount = 1
  doc.on('pageAdded', () => pageCount++)
  const width = doc.page.width - 80

  doc.rect(0, 0, doc.page.width, 92).fill(BRAND)
  doc.fillColor('#ffffff').font('bold').fontSize(24).text('Jaga', 40, 26)
  doc.font('regular').fontSize(11).text(`${t('brochure.for')}: ${t(`audience.${audience}`)}`, 40, 58, { width })
  doc.moveDown(2.2)

  doc.fillColor(INK).font('bold').fontSize(13).text(t('brochure.keyMessages'), 40, 112)
  doc.moveDown(0.4)
  for (const p of pages) {
    doc.font('bold').fontSize(10.5).fillColor(BRAND).text(p.title, { width })
    doc.font('regular').fontSize(9.5).fillColor(INK).text(p.summary, { width, lineGap: 1.5 })
    doc.moveDown(0.6)
  }

  doc.moveDown(0.4)
  const boxTop = doc.y
  doc.font('bold').fontSize(10).fillColor('#7a0c0c').text(t('brochure.never'), 50, boxTop + 8, { width: width - 20 })
  doc.rect(40, boxTop, width, doc.y - boxTop + 8).lineWidth(1.5).stroke('#7a0c0c')
  doc.y += 18

  doc.font('bold').fontSize(13).fillColor(INK).text(t('brochure.help'), 40)
  doc.moveDown(0.3)
  for (const id of PRINTED_CHANNELS) {
    const ch = library.helpChannels.find((c) => c.id === id)
    // A "check first" (medium) channel's numbers come from old sources: never on paper until re-verified.
    if (!ch || ch.confidence === 'medium') continue
    const contacts = ch.contacts.map((k) => (k.kind === 'whatsapp' ? `WhatsApp ${k.value}` : k.value.replace(/^https?:\/\//, ''))).join(' · ')
    doc.font('bold').fontSize(10).fillColor(BRAND).text(`${ch.name}: ${contacts}`, { width })
    doc.font('regular').fontSize(8.5).fillColor(MUTED).text(ch.handles[locale], { width, lineGap: 1 })
    doc.moveDown(0.4)
  }

  const reviewed = pages.map((p) => p.reviewed).filter(Boolean).sort().at(-1)
  doc.moveDown(0.6)
  doc.font('regular').fontSize(8.5).fillColor(MUTED)
  const url = `${publicUrl}${audienceUrl(locale, audience)}`
  doc.text(content.more > 0 ? t('brochure.more', { count: content.more, url }) : t('brochure.readMore', { url }), { width })
  if (content.hasSettings) doc.text(t('brochure.settings', { url: `${publicUrl}${topicUrl(locale, 'settings')}` }), { width })
  if (reviewed) doc.text(t('brochure.reviewed', { date: formatDate(locale, reviewed) }), { width })
  doc.end()
  return { pdf: done, pages: pageCount }
}
