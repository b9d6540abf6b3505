import { LOCALES, type Locale } from '../../platform/i18n/i18n.ts'
import { assetUrl } from '../../platform/http/static-files.ts'

const OG_LOCALE: Record<Locale, string> = { id: 'id_ID', en: 'en_GB' }

/** Canonical address, the other language's address (hreflang) and Open Graph tags, for WhatsApp previews and search engines. */
export function SeoHead(p: { base: string; urls: Record<Locale, string>; locale: Locale; title: string; description: string; type?: 'article' | 'website' }) {
  return (
    <>
      <link rel="canonical" href={p.base + p.urls[p.locale]} />
      {LOCALES.map((l) => (
        <link rel="alternate" hreflang={l} href={p.base + p.urls[l]} />
      ))}
      <link rel="alternate" hreflang="x-default" href={p.base + p.urls.id} />
      <meta property="og:type" content={p.type ?? 'website'} />
      <meta property="og:site_name" content="Jaga" />
      <meta property="og:title" content={p.title} />
      <meta property="og:description" content={p.description} />
      <meta property="og:url" content={p.base + p.urls[p.locale]} />
      <meta property="og:locale" content={OG_LOCALE[p.locale]} />
      <meta property="og:image" content={p.base + assetUrl('og.png')} />
      <meta property="og:image:width" content="1200" />
      <meta property="og:image:height" content="630" />
      <meta property="og:image:alt" content="Jaga" />
      <meta name="twitter:card" content="summary_large_image" />
    </>
  )
}
