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
import { getRevision, publishRevision, rejectRevision, saveHelpRevision, saveQuizRevision, saveRevision, submitRevision } from './revisions.ts'
import { HELP_SLUG, helpUrl, pageUrl, quizKeyOf, quizSlug, quizUrl } from './library-urls.ts'
import type { Actor } from '../accounts/audit-queries.ts'
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
    const body = <EditingHome t={t} locale={c.get('locale')} pages={pages} quizzes={quizzes} helpEdited={store.isHelpEdited()} edited={(l, s) => store.isEdited(l, s)} waiting={await listRevisionsByStatus(db, 'in_review')} />
    return renderPage(c, { title: t('libraryEdit.title'), body })
  })

  /** What a revision is of (a page, a quiz or the help directory): its texts now and as shipped, its name, its editor. */
  const documentOf = (c: Context<AppEnv>, r: { locale: Locale; slug: string }) => {
    const quiz = quizKeyOf(r.slug)
    if (r.slug === HELP_SLUG) return { shipped: store.shippedHelp(), now: store.currentHelpSource(), label: c.get('t')('libraryEdit.help'), editHref: '/admin/library/help/edit' }
    if (quiz) return { shipped: store.shippedQuiz(quiz), now: store.currentQuizSource(quiz), label: store.current.findQuiz(quiz)?.title[c.get('locale')] ?? r.slug, editHref: `/admin/library/quizzes/${quiz}/edit` }
    return { shipped: store.shippedSource(r.locale, r.slug), now: store.currentSource(r.locale, r.slug), label: `${r.locale}/${r.slug}`, editHref: `/admin/library/${r.locale}/${r.slug}/edit` }
  }

  // Registered before /admin/library/:locale/:slug, which would otherwise take "revisions" for a language.
  const showRevision = async (c: Context<AppEnv>, o: { problem?: Problem; notice?: string } = {}) => {
    const t = c.get('t')
    const user = c.get('user')!
    const revision = await getRevision(db, c.req.param('id') ?? '')
    // A published revision is compared with what readers saw before it; any other with what they see now.
    const before = revision.status === 'published' ? await findPublishedBefore(db, revision) : undefined
    const doc = documentOf(c, revision)
    const current = revision.status === 'published' ? (before?.source ?? doc.shipped ?? '') : (doc.now ?? '')
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
        label={doc.label}
        editHref={doc.editHref}
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

  /**
   * Library data edited as JSON text (quizzes, the help directory), through the same revisions as pages.
   * Registered before /admin/library/:locale/:slug, which would otherwise take "quizzes" or "help" for a language.
   */
  interface JsonDocument {
    slug: string
    title: string
    base: string
    publicHref: string
    source: string
    label: 'libraryEdit.quizSource' | 'libraryEdit.helpSource'
    hint: 'libraryEdit.quizHint' | 'libraryEdit.helpHint'
    save: (actor: Actor, source: string, note: string, submit: boolean) => Promise<{ id: string }>
  }
  const jsonDocumentRoutes = (path: string, find: (c: Context<AppEnv>) => JsonDocument) => {
    routes.get(path, 'library.edit', async (c) => {
      const d = find(c)
      const body = <PageHistory t={c.get('t')} locale={c.get('locale')} title={d.title} editHref={`${d.base}/edit`} publicHref={d.publicHref} revisions={await listRevisionsOfPage(db, 'id', d.slug)} />
      return renderPage(c, { title: d.title, body })
    })
    const showEdit = (c: Context<AppEnv>, source: string, note = '', errors: FieldErrors = {}) => {
      const t = c.get('t')
      const d = find(c)
      const body = (
        <EditForm t={t} csrf={c.get('csrf')()} title={d.title} action={`${d.base}/edit`} cancelHref={d.base} source={{ label: t(d.label), hint: t(d.hint), value: source }} slides={undefined} note={note} errors={errors} />
      )
      return renderPage(c, { title: t('libraryEdit.editTitle', { title: d.title }), body, status: Object.keys(errors).length ? 422 : 200 })
    }
    routes.get(`${path}/edit`, 'library.edit', async (c) => {
      const d = find(c)
      const from = c.req.query('from')
      const revision = from ? await getRevision(db, from) : undefined
      if (revision && revision.slug !== d.slug) throw new Problem('not-found')
      return showEdit(c, revision?.source ?? d.source)
    })
    routes.post(`${path}/edit`, 'library.edit', async (c) => {
      const d = find(c)
      const body = await c.req.parseBody()
      const form = formStrings(body)
      const source = typeof body['source'] === 'string' ? body['source'] : ''
      try {
        const revision = await d.save(actorOf(c), source, form.note ?? '', form.intent === 'submit')
        return c.redirect(`/admin/library/revisions/${revision.id}`, 303)
      } catch (e) {
        if (e instanceof Problem && e.code === 'validation') return showEdit(c, source, form.note ?? '', fieldErrorsOf(e))
        throw e
      }
    })
  }

  jsonDocumentRoutes('/admin/library/quizzes/:key', (c) => {
    const quiz = store.current.findQuiz(c.req.param('key') ?? '')
    if (!quiz) throw new Problem('not-found')
    return {
      slug: quizSlug(quiz.key),
      title: quiz.title[c.get('locale')],
      base: `/admin/library/quizzes/${quiz.key}`,
      publicHref: quizUrl(c.get('locale'), quiz.key),
      source: store.currentQuizSource(quiz.key) ?? '',
      label: 'libraryEdit.quizSource',
      hint: 'libraryEdit.quizHint',
      save: (actor, source, note, submit) => saveQuizRevision(db, store, actor, { key: quiz.key, source, note, submit }),
    }
  })

  jsonDocumentRoutes('/admin/library/help', (c) => ({
    slug: HELP_SLUG,
    title: c.get('t')('libraryEdit.help'),
    base: '/admin/library/help',
    publicHref: helpUrl(c.get('locale')),
    source: store.currentHelpSource(),
    label: 'libraryEdit.helpSource',
    hint: 'libraryEdit.helpHint',
    save: (actor, source, note, submit) => saveHelpRevision(db, store, actor, { source, note, submit }),
  }))

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
