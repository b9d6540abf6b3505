import fs from 'node:fs'
import path from 'node:path'
import qrcode from 'qrcode-generator'
import { z } from 'zod'
import { newPdf, PDF_COLOURS } from '../platform/pdf.ts'
import { formatDate, type Locale, type Translator } from '../platform/i18n/i18n.ts'
import { AUDIENCES, type Audience, type HelpChannel } from './content-schema.ts'
import { CONTENT_DIR, ContentError, type Library } from './content.ts'
import { audienceUrl } from './library-urls.ts'

const { brand: BRAND, ink: INK, muted: MUTED, line: RULE } = PDF_COLOURS

export const HANDOUT_SIZES = ['a4', 'a5'] as const
export type HandoutSize = (typeof HANDOUT_SIZES)[number]

/** The help directory entries every handout prints, in this order: the numbers to call. */
export const HANDOUT_CHANNELS = ['sapa-129', 'polri-110']

// A tip is one or two short sentences: longer text would not fit five of them on one A5 page.
const tip = z.string().min(10).max(170)

/**
 * What a handout says, written in content (content/handouts/<audience>.json), both languages in one
 * file: five short things to do, each drawn from one library page (`page`, a page key) so a reviewer
 * can check that the sheet says nothing the library does not.
 */
export const handoutSchema = z.object({
  audience: z.enum(AUDIENCES),
  title: z.object({ id: z.string().min(3).max(60), en: z.string().min(3).max(60) }),
  tips: z.array(z.object({ page: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), id: tip, en: tip })).length(5),
})
export type Handout = z.infer<typeof handoutSchema>

/** Reads and checks every audience's handout; a missing or malformed one stops start-up, like a page would. */
export function loadHandouts(dir = CONTENT_DIR): Map<Audience, Handout> {
  const handouts = new Map<Audience, Handout>()
  for (const audience of AUDIENCES) {
    const file = `content/handouts/${audience}.json`
    let json: unknown
    try {
      json = JSON.parse(fs.readFileSync(path.join(dir, 'handouts', `${audience}.json`), 'utf8'))
    } catch (e) {
      throw new ContentError(`${file}: ${(e as Error).message}`)
    }
    const parsed = handoutSchema.safeParse(json)
    if (!parsed.success) throw new ContentError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
    if (parsed.data.audience !== audience) throw new ContentError(`${file}: audience is "${parsed.data.audience}", the file name says "${audience}"`)
    handouts.set(audience, parsed.data)
  }
  return handouts
}

/** The address a handout's QR code holds and prints: the audience's library page in the reader's language. */
export const handoutTarget = (publicUrl: string, locale: Locale, audience: Audience) => `${publicUrl}${audienceUrl(locale, audience)}`

/** The QR code's dark modules, row by row (error correction M, as the questionnaire links use). */
export function qrModules(text: string): boolean[][] {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  const n = qr.getModuleCount()
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)))
}

type HandoutKeys = 'handout.for' | 'handout.help' | 'handout.scan' | 'handout.checked' | 'handout.free' | `audience.${Audience}`

/**
 * One page to hand out or pin up: the audience's five tips, the help numbers from the help directory
 * and a QR code back to the audience's library page. A4 portrait, or A5 (the same layout scaled).
 * Throws when the content does not fit one page, rather than print a second page nobody turns over.
 */
export function renderHandout(library: Library, handout: Handout, locale: Locale, t: Translator<HandoutKeys>, publicUrl: string, size: HandoutSize = 'a4'): Promise<Buffer> {
  const { audience } = handout
  const s = size === 'a4' ? 1 : 1 / Math.SQRT2
  const { doc, done } = newPdf({
    size: size.toUpperCase(),
    // A small bottom margin, so that text placed near the foot never makes pdfkit start a page.
    margins: { top: 0, bottom: 8, left: 0, right: 0 },
    info: { Title: `Jaga – ${handout.title[locale]} – ${t(`audience.${audience}`)}`, Author: 'Jaga' },
    lang: locale === 'id' ? 'id-ID' : 'en-GB',
  })
  let pages = 1
  doc.on('pageAdded', () => pages++)
  const M = 42 * s
  const W = doc.page.width - 2 * M
  const H = doc.page.height

  doc.rect(0, 0, doc.page.width, 84 * s).fill(BRAND)
  doc.fillColor('#ffffff').font('bold').fontSize(26 * s).text('Jaga', M, 18 * s, { width: W })
  doc.font('regular').fontSize(13 * s).text(`${t('handout.for')}: ${t(`audience.${audience}`)}`, M, 54 * s, { width: W })

  doc.fillColor(INK).font('bold').fontSize(22 * s).text(handout.title[locale], M, 104 * s, { width: W })
  let y = doc.y + 12 * s
  handout.tips.forEach((tip, i) => {
    const r = 14 * s
    doc.circle(M + r, y + r, r).fill(BRAND)
    doc.fillColor('#ffffff').font('bold').fontSize(14 * s).text(String(i + 1), M, y + r - 9 * s, { width: 2 * r, align: 'center' })
    doc.fillColor(INK).font('regular').fontSize(14 * s).text(tip[locale], M + 2 * r + 14 * s, y + 4 * s, { width: W - 2 * r - 14 * s, lineGap: 2 * s })
    y = Math.max(doc.y, y + 2 * r) + 11 * s
  })

  doc.moveTo(M, y).lineTo(M + W, y).lineWidth(1).stroke(RULE)
  doc.fillColor(INK).font('bold').fontSize(16 * s).text(t('handout.help'), M, y + 12 * s, { width: W })
  y = doc.y + 8 * s
  const channels = HANDOUT_CHANNELS.map((id) => library.helpChannels.find((c) => c.id === id)).filter((c): c is HelpChannel => c !== undefined && c.confidence !== 'medium')
  for (const ch of channels) {
    const top = y
    doc.fillColor(BRAND).font('bold').fontSize(18 * s).text(ch.contacts.map((k) => (k.kind === 'whatsapp' ? `WhatsApp ${k.value}` : k.value)).join('  ·  '), M + 12 * s, top + 8 * s, { width: W - 24 * s })
    doc.fillColor(INK).font('bold').fontSize(11 * s).text(ch.name, { width: W - 24 * s })
    // The directory's first sentence says what the channel is for; the rest stays on the web page.
    doc.fillColor(MUTED).font('regular').fontSize(10.5 * s).text(firstSentence(ch.handles[locale]), { width: W - 24 * s })
    y = doc.y + 8 * s
    doc.roundedRect(M, top, W, y - top, 6 * s).lineWidth(1.5 * s).stroke(BRAND)
    y += 8 * s
  }

  const url = handoutTarget(publicUrl, locale, audience)
  const qrSize = 104 * s
  const footTop = H - M - qrSize
  if (y > footTop - 6 * s || pages > 1) throw new Error(`the ${locale} handout for ${audience} (${size}) does not fit one page`)
  drawQr(doc, qrModules(url), M, footTop, qrSize)
  const x = M + qrSize + 16 * s
  doc.fillColor(INK).font('bold').fontSize(12 * s).text(t('handout.free'), x, footTop + 10 * s, { width: W - qrSize - 16 * s })
  doc.fillColor(BRAND).font('bold').fontSize(12 * s).text(url, { width: W - qrSize - 16 * s })
  doc.fillColor(MUTED).font('regular').fontSize(10 * s).text(t('handout.scan'), { width: W - qrSize - 16 * s }).moveDown(0.5)
  const checked = channels.map((c) => c.verified).sort().at(-1)
  if (checked) doc.fontSize(9 * s).text(t('handout.checked', { date: formatDate(locale, checked) }), { width: W - qrSize - 16 * s })
  if (pages > 1) throw new Error(`the ${locale} handout for ${audience} (${size}) does not fit one page`)
  doc.end()
  return done
}

function firstSentence(text: string): string {
  return /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text
}

/** The QR code as filled rectangles (vector, crisp at any print size), with its four-module quiet zone. */
function drawQr(doc: PDFKit.PDFDocument, modules: boolean[][], x: number, y: number, size: number): void {
  const n = modules.length
  const unit = size / (n + 8)
  doc.rect(x, y, size, size).fill('#ffffff')
  modules.forEach((row, r) => {
    for (let c = 0; c < n; c++) {
      if (!row[c]) continue
      let run = 1
      while (row[c + run]) run++
      doc.rect(x + (c + 4) * unit, y + (r + 4) * unit, run * unit, unit)
      c += run - 1
    }
  })
  doc.fill('#000000')
}
