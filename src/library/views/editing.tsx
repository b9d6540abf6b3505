import { diffLines } from 'diff'
import type { T } from '../../messages.ts'
import { formatDateTime, type Locale } from '../../platform/i18n/i18n.ts'
import type { FieldErrors } from '../../platform/http/forms.ts'
import { ErrorSummary, keepMessages, Notice, PostForm, TableWrap } from '../../platform/views/components.tsx'
import type { LibraryPage } from '../content.ts'
import type { Revision } from '../revision-queries.ts'
import { pageUrl } from '../library-urls.ts'

const editUrl = (locale: Locale, slug: string) => `/admin/library/${locale}/${slug}`

export function EditingHome(p: { t: T; locale: Locale; pages: LibraryPage[]; quizzes: { key: string; title: string; edited: boolean }[]; helpEdited: boolean; edited: (l: Locale, slug: string) => boolean; waiting: Revision[] }) {
  const { t } = p
  return (
    <>
      <h1>{t('libraryEdit.title')}</h1>
      <p>{t('libraryEdit.intro')}</p>
      <h2>{t('libraryEdit.waiting')}</h2>
      {p.waiting.length === 0 ? (
        <p class="muted">{t('libraryEdit.noneWaiting')}</p>
      ) : (
        <ul>
          {p.waiting.map((r) => (
            <li>
              <a href={`/admin/library/revisions/${r.id}`}>
                {r.locale}/{r.slug}
              </a>{' '}
              — {t('libraryEdit.revision', { author: r.authorLabel, date: formatDateTime(p.locale, r.createdAt) })}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('libraryEdit.help')}</h2>
      <p>
        <a href="/admin/library/help">{t('libraryEdit.help')}</a> <span class="muted small">· {p.helpEdited ? t('libraryEdit.edited') : t('libraryEdit.shipped')}</span>
      </p>
      <h2>{t('libraryEdit.quizzes')}</h2>
      <ul>
        {p.quizzes.map((q) => (
          <li>
            <a href={`/admin/library/quizzes/${q.key}`}>{q.title}</a> <span class="muted small">· {q.edited ? t('libraryEdit.edited') : t('libraryEdit.shipped')}</span>
          </li>
        ))}
      </ul>
      <h2>{t('libraryEdit.pages')}</h2>
      <TableWrap label={t('libraryEdit.pages')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('libraryEdit.page')}</th>
              <th scope="col">{t('libraryEdit.language')}</th>
              <th scope="col">{t('libraryEdit.state')}</th>
            </tr>
          </thead>
          <tbody>
            {p.pages.map((page) => (
              <tr>
                <td>
                  <a href={editUrl(page.locale, page.slug)}>{page.title}</a>
                </td>
                <td>{page.locale}</td>
                <td>{p.edited(page.locale, page.slug) ? t('libraryEdit.edited') : t('libraryEdit.shipped')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  )
}

export function PageHistory(p: { t: T; locale: Locale; title: string; editHref: string; publicHref: string; revisions: Revision[] }) {
  const { t } = p
  return (
    <>
      <h1>{p.title}</h1>
      <div class="actions">
        <a class="button" href={p.editHref}>
          {t('libraryEdit.edit')}
        </a>
        <a href={p.publicHref}>{t('libraryEdit.viewPublic')}</a>
      </div>
      <h2>{t('libraryEdit.history')}</h2>
      {p.revisions.length === 0 ? <p class="muted">{t('libraryEdit.noHistory')}</p> : <RevisionList t={t} locale={p.locale} revisions={p.revisions} />}
    </>
  )
}

function RevisionList({ t, locale, revisions }: { t: T; locale: Locale; revisions: Revision[] }) {
  return (
    <ul>
      {revisions.map((r) => (
        <li>
          <a href={`/admin/library/revisions/${r.id}`}>{t('libraryEdit.revision', { author: r.authorLabel, date: formatDateTime(locale, r.createdAt) })}</a>{' '}
          <span class="tag">{t(`libraryEdit.status.${r.status}`)}</span>
          {r.reviewedAt ? <span class="muted small"> · {t('libraryEdit.reviewedBy', { reviewer: r.reviewerLabel ?? '', date: formatDateTime(locale, r.reviewedAt) })}</span> : null}
        </li>
      ))}
    </ul>
  )
}

export function EditForm(p: {
  t: T
  csrf: string
  title: string
  action: string
  cancelHref: string
  source: { label: string; hint: string; value: string }
  slides: string | undefined
  note: string
  errors: FieldErrors
}) {
  const { t } = p
  return (
    <>
      <h1>{t('libraryEdit.editTitle', { title: p.title })}</h1>
      <ErrorSummary t={t} errors={p.errors} />
      <PostForm action={p.action} csrf={p.csrf} keep={keepMessages(t)}>
        <SourceField t={t} name="source" label={p.source.label} hint={p.source.hint} value={p.source.value} rows={24} errors={p.errors} />
        {p.slides === undefined ? null : <SourceField t={t} name="slides" label={t('libraryEdit.slides')} hint={t('libraryEdit.slidesHint')} value={p.slides} rows={18} errors={p.errors} />}
        <div class="field">
          <label for="f-note">{t('libraryEdit.note')}</label>
          <input id="f-note" name="note" type="text" maxlength={500} value={p.note} />
        </div>
        <div class="actions">
          <button type="submit" name="intent" value="submit">
            {t('libraryEdit.saveSubmit')}
          </button>
          <button type="submit" name="intent" value="draft" class="secondary">
            {t('libraryEdit.saveDraft')}
          </button>
          <a href={p.cancelHref}>{t('common.cancel')}</a>
        </div>
      </PostForm>
    </>
  )
}

/** A Markdown textarea with its hint and, after a refused save, its error. */
function SourceField(p: { t: T; name: string; label: string; hint: string; value: string; rows: number; errors: FieldErrors }) {
  const error = p.errors[p.name]
  const id = `f-${p.name}`
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{p.label}</label>
      <p class="hint" id={`${id}-hint`}>
        {p.hint}
      </p>
      {error ? (
        <p class="error" id={`${id}-error`}>
          {p.t(error.message as never, error.params)}
        </p>
      ) : null}
      <textarea id={id} name={p.name} rows={p.rows} class="source" spellcheck={false} aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`} aria-invalid={error ? 'true' : undefined}>
        {p.value}
      </textarea>
    </div>
  )
}

export interface RevisionViewProps {
  t: T
  locale: Locale
  csrf: string
  revision: Revision
  /** What the revision is of, as a heading: "id/slug", or the quiz's title. */
  label: string
  /** Where "continue editing from this version" leads. */
  editHref: string
  current: string
  /** The deck readers saw before (or see now), for a revision that carries one. */
  currentSlides: string | undefined
  shippedChanged: boolean
  canSubmit: boolean
  canDecide: boolean
  problem?: string | undefined
  notice?: string | undefined
}

export function RevisionView(p: RevisionViewProps) {
  const { t, revision: r } = p
  const base = `/admin/library/revisions/${r.id}`
  return (
    <>
      <h1>{p.label}</h1>
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
      {p.problem ? <Notice kind="error">{p.problem}</Notice> : null}
      <p>
        {t('libraryEdit.revision', { author: r.authorLabel, date: formatDateTime(p.locale, r.createdAt) })} · <span class="tag">{t(`libraryEdit.status.${r.status}`)}</span>
      </p>
      {r.note ? <blockquote>{r.note}</blockquote> : null}
      {r.reviewedAt ? (
        <p class="muted">
          {t('libraryEdit.reviewedBy', { reviewer: r.reviewerLabel ?? '', date: formatDateTime(p.locale, r.reviewedAt) })}
          {r.reviewNote ? `: ${r.reviewNote}` : ''}
        </p>
      ) : null}
      {p.shippedChanged ? <Notice kind="error">{t('libraryEdit.shippedChanged')}</Notice> : null}
      <h2>{t('libraryEdit.changes')}</h2>
      <Diff t={t} label={t('libraryEdit.changes')} before={p.current} after={r.source} />
      {r.slides === null ? null : (
        <>
          <h2>{t('libraryEdit.slideChanges')}</h2>
          <Diff t={t} label={t('libraryEdit.slideChanges')} before={p.currentSlides ?? ''} after={r.slides} />
        </>
      )}
      <div class="actions">
        {p.canSubmit ? (
          <PostForm action={`${base}/submit`} csrf={p.csrf}>
            <button type="submit">{t('libraryEdit.submit')}</button>
          </PostForm>
        ) : null}
        <a href={`${p.editHref}?from=${r.id}`}>{t('libraryEdit.continue')}</a>
      </div>
      {p.canDecide ? (
        <PostForm action={`${base}/decide`} csrf={p.csrf} class="decide">
          <div class="field">
            <label for="f-reviewNote">{t('libraryEdit.reviewNote')}</label>
            <input id="f-reviewNote" name="reviewNote" type="text" maxlength={500} />
          </div>
          <div class="actions">
            <button type="submit" name="decision" value="publish">
              {t('libraryEdit.publish')}
            </button>
            <button type="submit" name="decision" value="reject" class="danger">
              {t('libraryEdit.reject')}
            </button>
          </div>
        </PostForm>
      ) : null}
    </>
  )
}

/** Line changes from one text to another: removed lines struck through, added ones underlined. */
function Diff(p: { t: T; label: string; before: string; after: string }) {
  const parts = diffLines(p.before, p.after)
  if (!parts.some((d) => d.added || d.removed)) return <p class="muted">{p.t('libraryEdit.noChanges')}</p>
  return (
    <pre class="diff" tabindex={0} aria-label={p.label}>
      {parts.map((d, i) => (d.added ? <ins>{d.value}</ins> : d.removed ? <del>{d.value}</del> : <span>{context(d.value, i === 0, i === parts.length - 1)}</span>))}
    </pre>
  )
}

/** Unchanged text around a change, shortened to three lines on each side so the change is easy to find. */
function context(text: string, first: boolean, last: boolean): string {
  const lines = text.split('\n')
  if (text.endsWith('\n')) lines.pop()
  const keep = 3
  if (lines.length <= keep * 2 + 1) return text
  const head = first ? [] : lines.slice(0, keep)
  const tail = last ? [] : lines.slice(-keep)
  return [...head, '…', ...tail].join('\n') + '\n'
}
