import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { AppEnv } from './app-env.ts'
import { can, type Access } from './accounts/permissions.ts'
import { Layout } from './platform/views/layout.tsx'
import { assetUrl } from './platform/http/static-files.ts'
import { PostForm } from './platform/views/components.tsx'
import type { MessageKey } from './messages.ts'

// The main menu: each entry is shown only to roles that may open it.
const NAV: { href: string; label: MessageKey; access: Access }[] = [
  { href: '/home', label: 'nav.start', access: 'signed-in' },
  { href: '/areas', label: 'nav.areas', access: 'area.view' },
  { href: '/programmes', label: 'nav.programmes', access: 'programme.view' },
  { href: '/calendar', label: 'nav.calendar', access: 'programme.view' },
  { href: '/coverage', label: 'nav.coverage', access: 'coverage.view' },
  { href: '/referrals', label: 'nav.referrals', access: 'referral.record' },
  { href: '/questionnaires', label: 'nav.questionnaires', access: 'programme.view' },
  { href: '/disclosures', label: 'nav.disclosures', access: 'referral.record' },
  { href: '/partners', label: 'nav.partners', access: 'partner.view' },
  { href: '/admin/library', label: 'nav.libraryEdit', access: 'library.edit' },
  { href: '/admin/users', label: 'nav.users', access: 'user.view' },
  { href: '/admin/audit', label: 'nav.audit', access: 'audit.view' },
  { href: '/account', label: 'nav.account', access: 'signed-in' },
]

export interface PageOptions {
  title: string
  body: Child
  alternate?: string | undefined
  head?: Child
  /** Scripts this page needs besides the library's. */
  scripts?: string[]
  /** false: a page that needs none of library.js (a questionnaire form starts the service worker itself). */
  libraryScript?: boolean
  status?: 200 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503
}

/** Renders a full page in the visitor's language, with the menu their role allows. */
export function renderPage(c: Context<AppEnv>, { title, body, status = 200, alternate, head, scripts = [], libraryScript = true }: PageOptions): Response | Promise<Response> {
  const t = c.get('t')
  const user = c.get('user')
  const nav = NAV.filter((n) => can(user?.role, n.access)).map((n) => ({ href: n.href, label: t(n.label) }))
  const account = user ? (
    <div class="account">
      <span>{t('account.signedInAs', { name: user.displayName })}</span>
      <PostForm action="/logout" csrf={c.get('csrf')()}>
        <button type="submit" class="link">
          {t('account.signOut')}
        </button>
      </PostForm>
    </div>
  ) : undefined
  const banner = c.get('demoData') ? (
    <p class="alert alert-warn demo-banner" role="note">
      {t('demo.banner')}
      {/* Only those who run the programme's data are told the command; a partner cannot use it. */}
      {can(user?.role, 'programme.edit') ? (
        <>
          {' '}
          {t('demo.bannerRemove')} <code>npx jaga demo remove</code>
        </>
      ) : null}
    </p>
  ) : undefined
  const url = new URL(c.req.url)
  return c.html(
    <Layout t={t} locale={c.get('locale')} title={title} path={url.pathname + url.search} nav={nav} account={account} banner={banner} alternate={alternate} head={head} scripts={[...(libraryScript ? [assetUrl('library.js')] : []), ...(user ? [assetUrl('keep-forms.js')] : []), ...scripts]}>
      {body}
    </Layout>,
    status,
  )
}
