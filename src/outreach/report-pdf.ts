import type { T } from '../messages.ts'
import { formatDate, formatNumber, formatPercent, formatWallTime, type Locale } from '../platform/i18n/i18n.ts'
import { labelled, newPdf, PDF_COLOURS, reportWriter } from '../platform/pdf.ts'
import type { ProgrammeReport, ReportNote } from './programme-report.ts'
import type { GroupKind } from './target-group-form.ts'
import type { Shown } from './suppression.ts'

const { muted: MUTED, line: GREY, brand: BRAND } = PDF_COLOURS

/** The programme report as an A4 PDF: the same numbers as the HTML page, with bar charts drawn in the PDF. */
export function renderReportPdf(r: ProgrammeReport, t: T, locale: Locale): Promise<Buffer> {
  const { doc, done } = newPdf({ size: 'A4', margins: { top: 48, bottom: 48, left: 48, right: 48 }, info: { Title: `${t('report.title')} – ${r.programme.name}`, Author: 'Jaga' }, lang: locale === 'id' ? 'id-ID' : 'en-GB' })
  const { banner, heading, line, row, bars: drawBars, roomFor } = reportWriter(doc)
  const n = (v: Shown) => (v === null ? '<5' : formatNumber(locale, v))
  const bars = (title: string, items: { label: string; value: Shown }[]) => {
    heading(title)
    drawBars(
      items.map((i) => ({ label: i.label, values: [i.value] })),
      { format: n },
    )
  }

  const p = r.programme
  banner(t('report.title'), p.name)
  line(`${t('programme.period')}: ${formatDate(locale, p.startsOn)} – ${formatDate(locale, p.endsOn)} · ${t(`programmeStatus.${p.status}`)}`)
  if (p.goal) line(`${t('programme.goal')}: ${p.goal}`)
  line(`${t('programme.coordinator')}: ${p.coordinator ?? '—'} · ${t('programme.facilitators')}: ${p.facilitators}`)
  line(`${t('programme.areas')}: ${p.areas.join(', ') || '—'}`)
  line(`${t('programme.partners')}: ${p.partners.join(', ') || '—'}`)
  line(t('report.generated', { date: formatDate(locale, r.generatedOn) }), { colour: MUTED, size: 9 })

  const cv = r.coverage
  heading(t('report.reach'))
  line(t('coverage.summary', { reached: cv.totals.areasReached, areas: cv.totals.areas, sessions: cv.totals.sessionsHeld, people: cv.totals.people ?? t('coverage.hidden') }), { bold: true })
  if (cv.suppressed) line(t('coverage.suppressedNote'), { size: 8.5, colour: MUTED })
  bars(t('coverage.chartByArea'), cv.rows.filter((x) => x.depth === 0).map((x) => ({ label: x.name, value: x.people })))
  bars(t('coverage.chartByGroup'), cv.groups.map((g, i) => ({ label: t(`group.${g}`), value: cv.totals.byGroup[i]! })))

  heading(t('coverage.tableLabel'))
  const xs = [0, 130, 180, 225, 330, 400]
  const knowledge = (k: (typeof cv.rows)[number]['knowledge']) => (!k ? '—' : k.pairs === null ? t('coverage.notEnough') : t('coverage.knowledgeCell', { pre: formatPercent(locale, k.preShare), post: formatPercent(locale, k.postShare), pairs: formatNumber(locale, k.pairs) }))
  row([t('session.area'), t('coverage.sessionsHeld'), t('coverage.people'), t('coverage.knowledge'), t('visitPlan.lastVisit'), t('visitPlan.nextDue')], xs, { bold: true })
  for (const x of cv.rows) row([`${x.depth ? '— ' : ''}${x.name}${x.neverReached ? ` (${t('coverage.neverReached')})` : ''}`, formatNumber(locale, x.sessionsHeld), n(x.people), knowledge(x.knowledge), x.lastVisit ? formatDate(locale, x.lastVisit) : t('visitPlan.never'), x.nextDue ? `${formatDate(locale, x.nextDue)}${x.overdue ? ` · ${t('visitPlan.overdue')}` : ''}` : '—'], xs)
  line(`${t('coverage.knowledgeNote')}${cv.knowledgeAsOf ? ` ${t('coverage.knowledgeAsOf', { date: formatDate(locale, cv.knowledgeAsOf) })}` : ''}`, { size: 8.5, colour: MUTED })

  const k = r.knowledge
  if (k) {
    heading(t('report.knowledge'))
    if (k.tooFew) line(t('programmeEval.tooFew'))
    else if (k.pairs === 0) line(t('programmeEval.none'))
    else {
      line(t('programmeEval.headline', { pairs: k.pairs, pre: formatPercent(locale, k.before), post: formatPercent(locale, k.after) }), { bold: true })
      if (k.byGroup.length) {
        line(t('report.knowledgeByGroup'), { bold: true, size: 9 })
        line(t('eval.legend'), { size: 8.5, colour: MUTED })
        drawBars(
          k.byGroup.map((g) => ({ label: t('report.groupPairs', { group: t(`group.${g.group as GroupKind}`), pairs: g.pairs }), values: [g.before, g.after] })),
          { format: (v) => formatPercent(locale, v), max: 1, colours: [GREY, BRAND] },
        )
      }
      if (k.hiddenGroups) line(t('programmeEval.hiddenRows', { count: k.hiddenGroups }), { size: 8.5, colour: MUTED })
    }
    if (k.asOf) line(t('programmeEval.asOf', { date: formatDate(locale, k.asOf) }), { size: 8.5, colour: MUTED })
  }

  heading(t('session.title'))
  const sx = [0, 110, 270, 340, 420]
  row([t('session.when'), t('session.name'), t('session.format'), t('session.area'), t('session.people')], sx, { bold: true })
  for (const s of r.sessions) row([formatWallTime(locale, s.startsAt), `${s.title} (${t(`sessionStatus.${s.status}`)})`, t(`sessionFormat.${s.format}`), s.area, s.status === 'cancelled' ? '—' : n(s.people)], sx)
  if (r.sessions.length === 0) line(t('session.none'))

  heading(t('report.notes'))
  const noted = r.sessions.filter((s) => s.notes || s.followUps)
  if (r.notesForTeamOnly) line(t('report.notesTeamOnly'), { size: 9, colour: MUTED })
  else if (noted.length === 0) line(t('report.noNotes'))
  // Staff text goes in as plain text: pdfkit draws characters, nothing in it is read as markup.
  const note = (x: ReportNote, label?: string) => {
    if (!x) return
    if ('withheld' in x) return line(label ? labelled(label, t('report.noteWithheld')) : t('report.noteWithheld'), { size: 9, colour: MUTED })
    if (label) line(label, { bold: true, size: 9 })
    for (const text of x.text.split(/\n+/).filter((l) => l.trim())) line(text, { size: 9 })
  }
  for (const s of noted) {
    roomFor(110)
    doc.moveDown(0.4)
    line(`${s.title} · ${formatWallTime(locale, s.startsAt)}`, { bold: true })
    note(s.notes)
    note(s.followUps, t('session.followUps'))
  }

  heading(t('report.referrals'))
  line(t('report.referralsNote'), { size: 8.5, colour: MUTED })
  line(`${t('report.referralTotal')}: ${n(r.referrals.total)}`, { bold: true })
  for (const [status, count] of Object.entries(r.referrals.byStatus)) line(`${t(`referralStatus.${status}` as never)}: ${n(count)}`)
  doc.end()
  return done
}
