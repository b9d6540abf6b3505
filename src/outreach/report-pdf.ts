import type { T } from '../messages.ts'
import { formatDate, formatNumber, formatWallTime, type Locale } from '../platform/i18n/i18n.ts'
import { newPdf, PDF_COLOURS } from '../platform/pdf.ts'
import type { ProgrammeReport } from './programme-report.ts'
import type { Shown } from './suppression.ts'

const { brand: BRAND, ink: INK, muted: MUTED, line: LINE } = PDF_COLOURS

/** The programme report as an A4 PDF: the same numbers as the HTML page, with bar charts drawn in the PDF. */
export function renderReportPdf(r: ProgrammeReport, t: T, locale: Locale): Promise<Buffer> {
  const { doc, done } = newPdf({ size: 'A4', margins: { top: 48, bottom: 48, left: 48, right: 48 }, info: { Title: `${t('report.title')} – ${r.programme.name}`, Author: 'Jaga' }, lang: locale === 'id' ? 'id-ID' : 'en-GB' })
  const left = 48
  const width = doc.page.width - 96
  const n = (v: Shown) => (v === null ? '<5' : formatNumber(locale, v))
  const heading = (text: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage()
    doc.moveDown(0.8).font('bold').fontSize(13).fillColor(BRAND).text(text, left, doc.y, { width }).moveDown(0.3)
  }
  const line = (text: string, o: { bold?: boolean; size?: number; colour?: string } = {}) => doc.font(o.bold ? 'bold' : 'regular').fontSize(o.size ?? 10).fillColor(o.colour ?? INK).text(text, left, doc.y, { width })

  /** A row of columns at fixed x offsets; starts a new page when the page is full. */
  const row = (cells: string[], xs: number[], o: { bold?: boolean } = {}) => {
    if (doc.y > doc.page.height - 70) doc.addPage()
    const y = doc.y
    let bottom = y
    cells.forEach((text, i) => {
      const x = left + xs[i]!
      const w = (xs[i + 1] ?? width) - xs[i]! - 6
      doc.font(o.bold ? 'bold' : 'regular').fontSize(8.5).fillColor(INK).text(text, x, y, { width: w })
      bottom = Math.max(bottom, doc.y)
    })
    doc.y = bottom + 2
    doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.4).stroke(LINE)
    doc.y += 3
  }

  const bars = (title: string, items: { label: string; value: Shown }[]) => {
    heading(title)
    const max = Math.max(1, ...items.map((i) => i.value ?? 0))
    for (const item of items) {
      if (doc.y > doc.page.height - 70) doc.addPage()
      const y = doc.y
      doc.font('regular').fontSize(9).fillColor(INK).text(item.label, left, y, { width: 150 })
      const w = item.value === null ? 0 : Math.max(item.value > 0 ? 2 : 0, ((width - 220) * item.value) / max)
      if (w > 0) doc.rect(left + 160, y + 1, w, 10).fill(BRAND)
      doc.font('regular').fontSize(9).fillColor(MUTED).text(n(item.value), left + 166 + w, y, { width: 60 })
      doc.y = Math.max(doc.y, y + 16)
    }
  }

  const p = r.programme
  doc.rect(0, 0, doc.page.width, 84).fill(BRAND)
  doc.fillColor('#ffffff').font('bold').fontSize(20).text(t('report.title'), left, 24, { width })
  doc.font('regular').fontSize(11).text(p.name, left, 52, { width })
  doc.y = 104
  line(`${t('programme.period')}: ${formatDate(locale, p.startsOn)} – ${formatDate(locale, p.endsOn)} · ${t(`programmeStatus.${p.status}`)}`)
  if (p.goal) line(`${t('programme.goal')}: ${p.goal}`)
  line(`${t('programme.coordinator')}: ${p.coordinator ?? '—'} · ${t('programme.facilitators')}: ${p.facilitators}`)
  line(`${t('programme.areas')}: ${p.areas.join(', ') || '—'}`)
  line(`${t('programme.partners')}: ${p.partners.join(', ') || '—'}`)
  line(t('report.generated', { date: formatDate(locale, r.generatedOn) }), { colour: MUTED, size: 9 })

  const cv = r.coverage
  heading(t('report.reach'))
  line(t('coverage.summary', { reached: cv.totals.areasReached, areas: cv.totals.areas, sessions: formatNumber(locale, cv.totals.sessionsHeld), people: n(cv.totals.people) }), { bold: true })
  if (cv.suppressed) line(t('coverage.suppressedNote'), { size: 8.5, colour: MUTED })
  bars(t('coverage.chartByArea'), cv.rows.filter((x) => x.depth === 0).map((x) => ({ label: x.name, value: x.people })))
  bars(t('coverage.chartByGroup'), cv.groups.map((g, i) => ({ label: t(`group.${g}`), value: cv.totals.byGroup[i]! })))

  heading(t('coverage.tableLabel'))
  const xs = [0, 150, 205, 260, 340]
  row([t('session.area'), t('coverage.sessionsHeld'), t('coverage.people'), t('visitPlan.lastVisit'), t('visitPlan.nextDue')], xs, { bold: true })
  for (const x of cv.rows) row([`${x.depth ? '— ' : ''}${x.name}${x.neverReached ? ` (${t('coverage.neverReached')})` : ''}`, formatNumber(locale, x.sessionsHeld), n(x.people), x.lastVisit ? formatDate(locale, x.lastVisit) : t('visitPlan.never'), x.nextDue ? `${formatDate(locale, x.nextDue)}${x.overdue ? ` · ${t('visitPlan.overdue')}` : ''}` : '—'], xs)

  heading(t('session.title'))
  const sx = [0, 110, 270, 340, 420]
  row([t('session.when'), t('session.name'), t('session.format'), t('session.area'), t('session.people')], sx, { bold: true })
  for (const s of r.sessions) row([formatWallTime(locale, s.startsAt), `${s.title} (${t(`sessionStatus.${s.status}`)})`, t(`sessionFormat.${s.format}`), s.area, s.status === 'cancelled' ? '—' : n(s.people)], sx)
  if (r.sessions.length === 0) line(t('session.none'))

  heading(t('report.referrals'))
  line(t('report.referralsNote'), { size: 8.5, colour: MUTED })
  line(`${t('report.referralTotal')}: ${n(r.referrals.total)}`, { bold: true })
  for (const [status, count] of Object.entries(r.referrals.byStatus)) line(`${t(`referralStatus.${status}` as never)}: ${n(count)}`)
  doc.end()
  return done
}
