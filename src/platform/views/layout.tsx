import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import type { Locale, Translator } from '../i18n/i18n.ts'
import type { platformMessages } from '../i18n/platform-messages.ts'
import { assetUrl } from '../http/static-files.ts'

export type PlatformT = Translator<keyof typeof platformMessages>

export interface NavItem {
  href: string
  label: string
}

export interface LayoutProps {
  t: PlatformT
  locale: Locale
  title: string
  /** The path of this page, for the language switch to come back to. */
  path: string
  nav: NavItem[]
  /** The signed-in person's name and a sign-out control, rendered by the accounts slice. */
  account?: Child
  /** A notice above the page content on every page, such as "demo data is loaded". */
  banner?: Child
  /** The same page in the other language, when it has its own address. */
  alternate?: string | undefined
  /** Extra tags for <head>: canonical link, hreflang alternates, Open Graph. */
  head?: Child
  /** Addresses of extra scripts, loaded deferred. */
  scripts?: string[]
  children?: Child
}

// The neutral site the quick-exit control leaves for: Indonesia's public weather service.
export const QUICK_EXIT_URL = 'https://www.bmkg.go.id/'

export function Layout(props: LayoutProps) {
  const { t, locale, title, path, nav } = props
  const other: Locale = locale === 'id' ? 'en' : 'id'
  // The longest matching entry is the current one: /programmes/x/report is under Programmes, not Home.
  const current = nav.filter((n) => isCurrent(path.split('?')[0]!, n.href)).sort((a, b) => b.href.length - a.href.length)[0]
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} · ${t('app.name')}`}</title>
          <meta name="description" content={t('app.tagline')} />
          <link rel="stylesheet" href={assetUrl('app.css')} />
          <link rel="icon" type="image/svg+xml" href={assetUrl('icon.svg')} />
          <link rel="manifest" href={assetUrl('manifest.webmanifest')} />
          <meta name="theme-color" content="#0b5c4a" />
          <script src={assetUrl('quick-exit.js')} defer></script>
          {(props.scripts ?? []).map((src) => (
            <script src={src} defer></script>
          ))}
          {props.head}
        </head>
        <body>
          <a class="skip" href="#main">
            {t('layout.skipToContent')}
          </a>
          <header class="top">
            <a class="brand" href="/">
              {t('app.name')}
            </a>
            <a class="lang" href={`/lang/${other}?next=${encodeURIComponent(props.alternate ?? path)}`} hreflang={other} lang={other}>
              {t('layout.switchTo')}
            </a>
            <a class="quick-exit" href={QUICK_EXIT_URL} data-quick-exit title={t('quickExit.hint')} rel="noreferrer">
              {t('quickExit.label')}
            </a>
          </header>
          {nav.length > 0 || props.account ? (
            <nav class="nav" aria-label={t('layout.mainNav')}>
              {/* A disclosure, so a phone's first screen is the page and not a wall of links; it needs no
                  script. Wide screens show the links in a row (app.css opens it where ::details-content is known). */}
              <details class="menu">
                <summary>
                  {t('layout.mainNav')}
                  {current ? <span class="menu-current">: {current.label}</span> : null}
                </summary>
                <ul>
                  {nav.map((item) => (
                    <li>
                      <a href={item.href} aria-current={item === current ? 'page' : undefined}>
                        {item.label}
                      </a>
                    </li>
                  ))}
                </ul>
                {props.account}
              </details>
            </nav>
          ) : null}
          <main id="main">
            {props.banner}
            {props.children}
          </main>
          <footer class="foot">
            <p>{t('layout.footer')}</p>
          </footer>
        </body>
      </html>
    </>
  )
}

function isCurrent(path: string, href: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(href + '/')
}
