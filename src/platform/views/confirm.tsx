import { PostForm } from './components.tsx'

/**
 * The step before a delete that loses work: what goes, and a button that posts the delete. A page of
 * its own (the row's link leads here) so it works without script and a stray tap loses nothing.
 */
export function ConfirmPage(p: { csrf: string; title: string; text: string; action: string; confirmLabel: string; cancelHref: string; cancelLabel: string }) {
  return (
    <>
      <h1>{p.title}</h1>
      <p>{p.text}</p>
      <PostForm action={p.action} csrf={p.csrf}>
        <div class="actions">
          <button type="submit" class="danger">
            {p.confirmLabel}
          </button>
          <a href={p.cancelHref}>{p.cancelLabel}</a>
        </div>
      </PostForm>
    </>
  )
}
