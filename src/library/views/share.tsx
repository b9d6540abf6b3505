import type { T } from '../../messages.ts'

/** A WhatsApp link that opens the app with the text filled in: no third-party script, nothing tracked. */
export const whatsAppShareUrl = (text: string) => `https://wa.me/?text=${encodeURIComponent(text)}`

/**
 * "Share on WhatsApp" (a plain link, works without script) and "Copy" (a button library.js shows
 * when the browser can copy; its result is announced in the status beside it).
 */
export function ShareBar({ t, text, copy, what = 'link', label }: { t: T; text: string; copy: string; what?: 'link' | 'message'; label?: string | undefined }) {
  return (
    <p class="share no-print" role={label ? 'group' : undefined} aria-label={label}>
      <a class="button secondary" href={whatsAppShareUrl(text)} rel="noopener noreferrer">
        {t('share.whatsapp')}
      </a>
      <button type="button" class="secondary" hidden data-copy={copy} data-copied={t(what === 'link' ? 'share.linkCopied' : 'share.messageCopied')} data-failed={t('share.copyFailed')}>
        {t(what === 'link' ? 'share.copyLink' : 'share.copyMessage')}
      </button>
      <span class="small" role="status" aria-live="polite" data-copy-status></span>
    </p>
  )
}

/** Share and copy for a page: its title and its public address. */
export function SharePage({ t, title, url }: { t: T; title: string; url: string }) {
  return <ShareBar t={t} text={`${title}\n${url}`} copy={url} />
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }

/** The words of a rendered fragment, as someone would paste them into a chat. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!)
    .replace(/\s+/g, ' ')
    .trim()
}

/** Puts share and copy controls under every quoted message of a page (the short-messages page). */
export function withMessageShares(t: T, html: string): string {
  let n = 0
  return html.replace(/<blockquote>([\s\S]*?)<\/blockquote>/g, (whole, inner: string) => {
    n += 1
    const text = plainText(inner)
    return whole + String(<ShareBar t={t} text={text} copy={text} what="message" label={t('share.message', { n })} />)
  })
}
