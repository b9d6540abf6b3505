import type { Context } from 'hono'
import type { AppEnv } from './app-env.ts'
import { isApiPath } from './accounts/route-table.ts'
import type { MessageKey } from './messages.ts'
import { renderPage, type PageOptions } from './page.tsx'
import { Problem } from './platform/http/problems.ts'
import { SearchForm } from './library/views/library.tsx'

/** A problem as RFC 9457 JSON under /api/, else as a page in the visitor's language. */
export function renderProblem(c: Context<AppEnv>, p: Problem): Response | Promise<Response> {
  const t = c.get('t')
  const title = t(`problem.${p.code}.title` as MessageKey)
  const detail = t((p.detailKey ?? `problem.${p.code}.detail`) as MessageKey, p.params)
  for (const [k, v] of Object.entries(p.headers)) c.header(k, v)
  if (isApiPath(c.req.path)) {
    const body = {
      type: `urn:jaga:problem:${p.code}`,
      title,
      status: p.status,
      detail,
      code: p.code,
      ...(p.errors.length ? { errors: p.errors.map((e) => ({ field: e.field, message: t(e.message as MessageKey, e.params) })) } : {}),
    }
    return c.body(JSON.stringify(body), p.status as 400, { 'Content-Type': 'application/problem+json; charset=UTF-8' })
  }
  const body = (
    <>
      <h1>{title}</h1>
      <p>{detail}</p>
      {p.errors.length ? (
        <ul>
          {p.errors.map((e) => (
            <li>
              {e.field}: {t(e.message as MessageKey, e.params)}
            </li>
          ))}
        </ul>
      ) : null}
      {p.code === 'not-found' ? (
        <>
          {/* A mistyped or old link: the library search in the visitor's language is the likeliest way on. */}
          <p>{t('notFound.search')}</p>
          <SearchForm t={t} locale={c.get('locale')} />
        </>
      ) : null}
      <p>
        {p.code === 'unauthenticated' ? (
          <a class="button" href="/login">
            {t('account.signIn')}
          </a>
        ) : (
          <a href="/">{t('problem.goHome')}</a>
        )}
      </p>
    </>
  )
  return renderPage(c, { title, body, status: p.status as PageOptions['status'] })
}
