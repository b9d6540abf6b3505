// The QR codes of a session's open links, to print or project; the live view is views/projector.tsx.
import qrcode from 'qrcode-generator'
import type { T } from '../../messages.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import { RoundBand } from './round-band.tsx'
import type { LinkView } from './session-evaluation.tsx'

/** A QR code as inline SVG (one path, crisp when printed), with the address it holds as its name. */
export function QrCode(p: { url: string; label: string }) {
  const qr = qrcode(0, 'M')
  qr.addData(p.url)
  qr.make()
  const n = qr.getModuleCount()
  let d = ''
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + 4} ${r + 4}h1v1h-1z`
  return (
    <svg class="qr" viewBox={`0 0 ${n + 8} ${n + 8}`} role="img" aria-label={p.label} xmlns="http://www.w3.org/2000/svg">
      <rect width={n + 8} height={n + 8} fill="#fff" />
      <path d={d} fill="#000" shape-rendering="crispEdges" />
    </svg>
  )
}


/**
 * One card per open link, each on its own printed page by default (one round per sheet, so the
 * sheet on the wall can only be the round it says); `together` puts them side by side to save paper.
 */
export function QrPage(p: { t: T; locale: Locale; sessionTitle: string; sessionStartsAt: string; links: LinkView[]; groupLabel: (g: string) => string; together: boolean; url: string }) {
  const { t } = p
  return (
    <>
      <h1>{t('eval.qrTitle', { title: p.sessionTitle })}</h1>
      <p class="no-print">
        {t(p.together ? 'eval.qrTogetherNote' : 'eval.qrPerPageNote')} <a href={p.together ? p.url : `${p.url}?layout=together`}>{t(p.together ? 'eval.qrPerPage' : 'eval.qrTogether')}</a>
      </p>
      <div class={p.together ? 'qr-sheet together' : 'qr-sheet per-page'}>
        {p.links
          .filter((l) => !l.closedAt)
          .map((l) => (
            <section class={`qr-card round-${l.phase}`} aria-label={`${t(`collect.round.${l.phase}` as never)} · ${p.groupLabel(l.groupKind)}`}>
              <RoundBand t={t} locale={p.locale} round={{ phase: l.phase, sessionTitle: p.sessionTitle, sessionStartsAt: p.sessionStartsAt }} />
              <h2>{p.groupLabel(l.groupKind)}</h2>
              <p>{l.title}</p>
              <QrCode url={l.url} label={`${t('eval.qr')}: ${l.url}`} />
              <p class="small">
                {t('eval.qrScan')} <strong class="link-url">{l.url}</strong>
              </p>
            </section>
          ))}
      </div>
    </>
  )
}
