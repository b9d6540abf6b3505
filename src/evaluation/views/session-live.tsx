// The pages for the room: QR codes to print or project, and the live view on the projector. The
// projector shows numbers only: never participants' written answers, at most how many wait for review.
import qrcode from 'qrcode-generator'
import type { T } from '../../messages.ts'
import { formatPercent, type Locale } from '../../platform/i18n/i18n.ts'
import { waitingWords } from '../free-text.ts'
import type { SessionResults } from '../session-results.ts'
import { BeforeAfterChart } from './group-result.tsx'
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

export function LivePage(p: { t: T; locale: Locale; sessionTitle: string; results: SessionResults; groupLabel: (g: string) => string }) {
  const { t, locale } = p
  const waiting = [p.results.feedback, ...p.results.followUps.map((f) => f.summary)].reduce((n, f) => n + (f?.texts.reduce((m, x) => m + x.waiting, 0) ?? 0), 0)
  return (
    <div class="live">
      <h1>{t('eval.liveTitle', { title: p.sessionTitle })}</h1>
      <p class="muted small">
        {t('eval.liveRefresh')}{' '}
        <button type="button" class="link" data-live-toggle data-pause={t('eval.livePause')} data-resume={t('eval.liveResume')} aria-pressed="false" hidden>
          {t('eval.livePause')}
        </button>{' '}
        <a href="">{t('eval.liveReload')}</a>
      </p>
      <div data-live="10000">
        {p.results.groups.map((g) => (
          <section>
            <h2>{p.groupLabel(g.groupKind)}</h2>
            <p class="live-numbers">
              <span>
                {t('eval.before')}: <strong>{formatPercent(locale, g.preShare)}</strong> <span class="small">({t('eval.answers', { count: g.preCount })})</span>
              </span>{' '}
              <span>
                {t('eval.after')}: <strong>{formatPercent(locale, g.postShare)}</strong> <span class="small">({t('eval.answers', { count: g.postCount })})</span>
              </span>
            </p>
            {g.items.length ? (
              <BeforeAfterChart t={t} locale={locale} title={t('eval.items')} rows={g.items.map((i, n) => ({ label: `${n + 1}. ${i.label[locale].slice(0, 48)}${i.label[locale].length > 48 ? '…' : ''}`, before: i.preCorrect, after: i.postCorrect }))} />
            ) : null}
          </section>
        ))}
        {waiting ? <p class="muted">{waitingWords(t, waiting)}</p> : null}
      </div>
    </div>
  )
}
