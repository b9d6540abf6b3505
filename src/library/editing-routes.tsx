import type { Context } from 'hono'
import type { AppEnv, Deps } from '../app-env.ts'
import { can } from '../accounts/permissions.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { type FieldErrors, fieldErrorsOf, formStrings } from '../platform/http/forms.ts'
import { Problem } from '../platform/http/problems.ts'
import { isLocale, LOCALES, type Locale } from '../platform/i18n/i18n.ts'
import { renderPage } from '../page.tsx'
import type { LibraryStore } from './library-store.ts'
import { findPublishedBefore, listRevisionsByStatus, listRevisionsOfPage } from './revision-queries.ts'
import { getRevision, publishRevision, rejectRevision, saveQuizRevision, saveRevision, submitRevision } from './revisions.ts'
import { pageUrl, quizKeyOf, quizSlug, quizUrl } from './library-urls.ts'
import { EditForm, EditingHome, PageHistory, RevisionView } from './views/editing.tsx'

/** The library editing workflow: draft → in review → published (by someone else) or rejected. */
export function libraryEditingRoutes(routes: RouteTable, deps: Deps, store: LibraryStore): void {
  const { db } = deps

  const pageOf = (c: Context<AppEnv>) => {
    const locale = c.req.param('locale')
    const page = isLocale(locale) ? store.current.find(locale, c.req.param('slug') ?? '') : undefined
    if (!page) throw new Problem('not-found')
    return page
  }

  routes.get('/admin/library', 'library.edit', async (c) => {
    const t = c.get('t')
    const pages = LOCALES.flatMap((l) => store.current.pages(l))
    const quizzes = store.current.quizzes.map((q) => ({ key: q.key, title: q.title[c.get('locale')], edited: store.isQuizEdited(q.key) }))
    const body = <EditingHome t={t} locale={c.get('locale')} pages={pages} quizzes={quizzes} edited={(l, s) => store.isEdited(l, s)} waiting={await listRevisionsByStatus(db, 'in_review')} />
    return renderPage(c, { title: t('libraryEdit.title'), body })
  })

  // Registered before /admin/library/:locale/:slug, which would otherwise take "revisions" for a language.
  const showRevision = async (c: Context<AppEnv>, o: { problem?: Problem; notice?: string } = {}) => {
    const t = c.get('t')
    const user = c.get('user')!
    const revision = await getRevision(db, c.req.param('id') ?? '')
    // A published revision is compared with what readers saw before it; any other with what they see now.
    const before = revision.status === 'published' ? await findPublishedBefore(db, revision) : undefined
    const quiz = quizKeyOf(revision.slug)
    const shipped = quiz ? store.shippedQuiz(quiz) : store.shippedSource(revision.locale, revision.slug)
    const now = quiz ? store.currentQuizSource(quiz) : store.currentSource(revision.locale, revision.slug)
    const current = revision.status === 'published' ? (before?.source ?? shipped ?? '') : (now ?? '')
    const currentSlides =
      revision.status === 'published'
        ? (before?.slides ?? store.shippedSlideDeck(revision.locale, revision.slug))
        : store.currentSlides(revision.locale, revision.slug)
    const body = (
      <RevisionView
        t={t}
        locale={c.get('locale')}
        csrf={c.get('csrf')()}
        revision={revision}
        label={quiz ? (store.current.findQuiz(quiz)?.title[c.get('locale')] ?? revision.slug) : `${revision.locale}/${revision.slug}`}
        editHref={quiz ? `/admin/library/quizzes/${quiz}/edit` : `/admin/library/${revision.locale}/${revision.slug}/edit`}
        current={current}
        currentSlides={currentSlides}
        shippedChanged={revision.shippedHash !== store.shippedHash(revision.locale, revision.slug)}
        canSubmit={revision.status === 'draft'}
        canDecide={revision.status === 'in_review' && can(user.role, 'library.publish') && revision.authorId !== user.id}
        problem={o.problem ? t((o.problem.detailKey ?? `problem.${o.problem.code}.detail`) as never) : undefined}
        notice={o.notice}
      />
    )
    return renderPage(c, { title: `${revision.locale}/${revision.slug}`, body, status: o.problem ? 409 : 200 })
  }

  routes.get('/admin/library/revisions/:id', 'library.edit', (c) => showRevision(c, { notice: c.req.query('published') ? c.get('t')('libraryEdit.published') : undefined }))

  routes.post('/admin/library/revisions/:id/submit', 'library.edit', async (c) => {
    const id = c.req.param('id') ?? ''
    try {
      await submitRevision(db, actorOf(c), id)
    } catch (e) {
      if (e instanceof Problem && e.code === 'conflict') return showRevision(c, { problem: e })
      throw e
    }
    return c.redirect(`/admin/library/revisions/${id}`, 303)
  })

  routes.post('/admin/library/revisions/:id/decide', 'library.publish', async (c) => {
    const id = c.req.param('id') ?? ''
    const form = formStrings(await c.req.parseBody())
    try {
      if (form.decision === 'publish') await publishRevision(db, store, actorOf(c), id, form.reviewNote ?? '')
      else if (form.decision === 'reject') await rejectRevision(db, actorOf(c), id, form.reviewNote ?? '')
      else throw new Problem('bad-request')
    } catch (e) {
      if (e instanceof Problem && e.code === 'conflict') return showRevision(c, { problem: e })
      throw e
    }
    return c.redirect(`/admin/library/revisions/${id}${form.decision === 'publish' ? '?published=1' : ''}`, 303)
  })

  // Quizzes: registered before /admin/library/:locale/:slug, which would otherwise take "quizzes" for a language.
  const quizOf = (c: Context<AppEnv>) => {
    const quiz = store.current.findQuiz(c.req.param('key') ?? '')
    if (!quiz) throw new Problem('not-found')
    return quiz
  }

  routes.get('/admin/library/quizzes/:key', 'library.edit', async (c) => {
    const quiz = quizOf(c)
    const locale = c.get('locale')
    const body = <PageHistory t={c.get('t')} locale={locale} title={quiz.title[locale]} editHref={`/admin/library/quizzes/${quiz.key}/edit`} publicHref={quizUrl(locale, quiz.key)} revisions={await listRevisionsOfPage(db, 'id', quizSlug(quiz.key))} />
    return renderPage(c, { title: quiz.title[locale], body })
  })

  const showQuizEdit = (c: Context<AppEnv>, source: string, note = '', errors: FieldErrors = {}) => {
    const t = c.get('t')
    const quiz = quizOf(c)
    const base = `/admin/library/quizzes/${quiz.key}`
    const body = (
      <EditForm
        t={t}
        csrf={c.get('csrf')()}
        title={quiz.title[c.get('locale')]}
        action={`${base}/edit`}
        cancelHref={base}
        source={{ label: t('libraryEdit.quizSource'), hint: t('libraryEdit.quizHint'), value: source }}
        slides={undefined}
        note={note}
        errors={errors}
      />
    )
    return renderPage(c, { title: t('libraryEdit.editTitle', { title: quiz.title[c.get('locale')] }), body, status: Object.keys(errors).length ? 422 : 200 })
  }

  routes.get('/admin/library/quizzes/:key/edit', 'library.edit', async (c) => {
    const quiz = quizOf(c)
    const from = c.req.query('from')
    const revision = from ? await getRevision(db, from) : undefined
    if (revision && revision.slug !== quizSlug(quiz.key)) throw new Problem('not-found')
    return showQuizEdit(c, revision?.source ?? store.currentQuizSource(quiz.key) ?? '')
  })

  routes.post('/admin/library/quizzes/:key/edit', 'library.edit', async (c) => {
    const quiz = quizOf(c)
    const body = await c.req.parseBody()
    const form = formStrings(body)
    const source = typeof body['source'] === 'string' ? body['source'] : ''
    try {
      const revision = await saveQuizRevision(db, store, actorOf(c), { key: quiz.key, source, note: form.note ?? '', submit: form.intent === 'submit' })
      return c.redirect(`/admin/library/revisions/${revision.id}`, 303)
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return showQuizEdit(c, source, form.note ?? '', fieldErrorsOf(e))
      throw e
    }
  })

  routes.get('/admin/library/:locale/:slug', 'library.edit', async (c) => {
    const page = pageOf(c)
    const body = (
      <PageHistory t={c.get('t')} locale={c.get('locale')} title={page.title} editHref={`/admin/library/${page.locale}/${page.slug}/edit`} publicHref={pageUrl(page.locale, page.slug)} revisions={await listRevisionsOfPage(db, page.locale, page.slug)} />
    )
    return renderPage(c, { title: page.title, body })
  })

  const showEdit = (c: Context<AppEnv>, source: string, slides: string | undefined, note = '', errors: FieldErrors = {}) => {
    const t = c.get('t')
    const page = pageOf(c)
    const base = `/admin/library/${page.locale}/${page.slug}`
    const body = (
      <EditForm
        t={t}
        csrf={c.get('csrf')()}
        title={page.title}
        action={`${base}/edit`}
        cancelHref={base}
        source={{ label: t('libraryEdit.source'), hint: t('libraryEdit.sourceHint'), value: source }}
        slides={slides}
        note={note}
        errors={errors}
      />
    )
    return renderPage(c, { title: t('libraryEdit.editTitle', { title: page.title }), body, status: Object.keys(errors).length ? 422 : 200 })
  }

  routes.get('/admin/library/:locale/:slug/edit', 'library.edit', async (c) => {
    const page = pageOf(c)
    const from = c.req.query('from')
    const revision = from ? await getRevision(db, from) : undefined
    if (revision && (revision.locale !== page.locale || revision.slug !== page.slug)) throw new Problem('not-found')
    const slides = store.currentSlides(page.locale, page.slug)
    return showEdit(c, revision?.source ?? store.currentSource(page.locale, page.slug) ?? '', slides === undefined ? undefined : (revision?.slides ?? slides))
  })

  routes.post('/admin/library/:locale/:slug/edit', 'library.edit', async (c) => {
    const page = pageOf(c)
    const body = await c.req.parseBody()
    const form = formStrings(body)
    // Markdown keeps its own whitespace: read the texts untrimmed.
    const source = typeof body['source'] === 'string' ? body['source'] : ''
    const hasDeck = store.currentSlides(page.locale, page.slug) !== undefined
    const slides = hasDeck ? (typeof body['slides'] === 'string' ? body['slides'] : undefined) : undefined
    try {
      const revision = await saveRevision(db, store, actorOf(c), { locale: page.locale as Locale, slug: page.slug, source, slides, note: form.note ?? '', submit: form.intent === 'submit' })
      return c.redirect(`/admin/library/revisions/${revision.id}`, 303)
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return showEdit(c, source, hasDeck ? (slides ?? '') : undefined, form.note ?? '', fieldErrorsOf(e))
      throw e
    }
  })


}
