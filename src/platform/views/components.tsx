import type { Child } from 'hono/jsx'
import type { Params, Translator } from '../i18n/i18n.ts'
import type { FieldErrors, FormValues } from '../http/forms.ts'

// Field messages are keys from any slice's catalogue, so these components take the app's whole translator.
type AnyT = Translator<any>

export interface FieldProps {
  t: AnyT
  name: string
  label: string
  values: FormValues
  errors: FieldErrors
  type?: 'text' | 'email' | 'password' | 'search' | 'date' | 'datetime-local' | 'url'
  required?: boolean
  autocomplete?: string
  hint?: string
  maxlength?: number
  /** Tells apart two forms on one page that share field names. */
  idPrefix?: string
}

/** A field's hint and error message, under the ids its control's aria-describedby names. */
function FieldNotes(p: { t: AnyT; id: string; hint?: string | undefined; error?: FieldErrors[string] | undefined }) {
  return (
    <>
      {p.hint ? (
        <p class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {p.error ? (
        <p class="error" id={`${p.id}-error`}>
          {p.t(p.error.message, p.error.params as Params)}
        </p>
      ) : null}
    </>
  )
}

const describedBy = (id: string, hint: unknown, error: unknown) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined

/** The label, hint and error around one control; `control` gets the id and the aria-describedby to use. */
function FieldShell(p: { t: AnyT; id: string; label: string; required?: boolean | undefined; hint?: string | undefined; error?: FieldErrors[string] | undefined; control: (describedBy: string | undefined) => Child }) {
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={p.id}>
        {p.label}
        {p.required ? null : <span class="muted"> {p.t('common.optional')}</span>}
      </label>
      <FieldNotes t={p.t} id={p.id} hint={p.hint} error={p.error} />
      {p.control(describedBy(p.id, p.hint, p.error))}
    </div>
  )
}

const shellOf = (p: Pick<FieldProps, 't' | 'label' | 'required' | 'hint' | 'errors' | 'name'>, id: string) => ({ t: p.t, id, label: p.label, required: p.required, hint: p.hint, error: p.errors[p.name] })

/** A labelled input whose error message sits next to it and is announced with it. */
export function Field(p: FieldProps) {
  const error = p.errors[p.name]
  const id = `f-${p.idPrefix ?? ''}${p.name}`
  return (
    <FieldShell
      {...shellOf(p, id)}
      control={(by) => (
        <input
          id={id}
          name={p.name}
          type={p.type ?? 'text'}
          value={p.type === 'password' ? '' : (p.values[p.name] ?? '')}
          required={p.required}
          autocomplete={p.autocomplete}
          maxlength={p.maxlength}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={by}
        />
      )}
    />
  )
}

/** A labelled multi-line text box, with its hint and error like Field's. */
export function TextArea(p: Omit<FieldProps, 'type' | 'autocomplete'> & { rows?: number }) {
  const error = p.errors[p.name]
  const id = `f-${p.idPrefix ?? ''}${p.name}`
  return (
    <FieldShell
      {...shellOf(p, id)}
      control={(by) => (
        <textarea id={id} name={p.name} rows={p.rows ?? 3} maxlength={p.maxlength} required={p.required} aria-invalid={error ? 'true' : undefined} aria-describedby={by}>
          {p.values[p.name] ?? ''}
        </textarea>
      )}
    />
  )
}

export interface SelectProps {
  t: AnyT
  name: string
  label: string
  values: FormValues
  errors: FieldErrors
  options: { value: string; label: string }[]
  required?: boolean
  /** A first, empty option such as "all". */
  emptyLabel?: string
  idPrefix?: string
  /** Options in labelled groups (<optgroup>), after `options`. */
  groups?: { label: string; options: { value: string; label: string }[] }[]
}

export function Select(p: SelectProps) {
  const error = p.errors[p.name]
  const id = `f-${p.idPrefix ?? ''}${p.name}`
  const current = p.values[p.name] ?? ''
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{p.label}</label>
      {error ? (
        <p class="error" id={`${id}-error`}>
          {p.t(error.message, error.params as Params)}
        </p>
      ) : null}
      <select id={id} name={p.name} required={p.required} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {p.emptyLabel !== undefined ? <option value="">{p.emptyLabel}</option> : null}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
        {(p.groups ?? []).map((g) => (
          <optgroup label={g.label}>
            {g.options.map((o) => (
              <option value={o.value} selected={o.value === current}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  )
}

/**
 * A POST form carrying the CSRF token every state change needs. With `keep` (its two messages in the
 * page's language), what was typed survives a dropped connection (keep-forms.js): only for forms with
 * no password or file field.
 */
export function PostForm(p: { action: string; csrf: string; class?: string; children?: Child; enctype?: 'multipart/form-data'; keep?: { offline: string; restored: string } }) {
  const form = (
    <form method="post" action={p.action} class={p.class} enctype={p.enctype} data-keep={p.keep ? '' : undefined}>
      <input type="hidden" name="_csrf" value={p.csrf} />
      {p.children}
    </form>
  )
  if (!p.keep) return form
  return (
    <>
      <p role="status" data-keep-status data-msg-offline={p.keep.offline} data-msg-restored={p.keep.restored}></p>
      {form}
    </>
  )
}

/** The messages of a kept form (PostForm `keep`), in the reader's language. */
export const keepMessages = (t: (key: 'keep.offline' | 'keep.restored') => string) => ({ offline: t('keep.offline'), restored: t('keep.restored') })

/** A one-button POST that reads as a link inside a line of text (close, undo, remove…); `fields` go along hidden. */
export function InlineAction(p: { action: string; csrf: string; label: string; ariaLabel?: string; fields?: Record<string, string> }) {
  return (
    <PostForm action={p.action} csrf={p.csrf} class="inline">
      {Object.entries(p.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class="link" aria-label={p.ariaLabel}>
        {p.label}
      </button>
    </PostForm>
  )
}

export function ErrorSummary(p: { t: AnyT; errors: FieldErrors }) {
  if (Object.keys(p.errors).length === 0) return null
  return (
    <div class="alert alert-error" role="alert">
      {p.t('common.formHasErrors')}
    </div>
  )
}

export function Notice(p: { kind?: 'info' | 'success' | 'error'; children?: Child }) {
  return (
    <div class={`alert alert-${p.kind ?? 'info'}`} role={p.kind === 'error' ? 'alert' : 'status'}>
      {p.children}
    </div>
  )
}

/** A table that scrolls sideways on a narrow phone; focusable and labelled so keyboards can scroll it too. */
export function TableWrap(p: { label: string; children?: Child }) {
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-label={p.label}>
      {p.children}
    </div>
  )
}

/** The top of a list page: title, intro, a notice after a change, and the add button for those who may add. */
export function ListHeader(p: { title: string; intro: string; notice?: string | undefined; add?: { href: string; label: string } | undefined; empty?: string | undefined }) {
  return (
    <>
      <h1>{p.title}</h1>
      <p>{p.intro}</p>
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
      {p.add ? (
        <p>
          <a class="button" href={p.add.href}>
            {p.add.label}
          </a>
        </p>
      ) : null}
      {p.empty ? <p class="muted">{p.empty}</p> : null}
    </>
  )
}

export interface Option {
  id: string
  label: string
}

/** A group of checkboxes whose error is announced with the group. */
export function Checkboxes(p: { t: AnyT; name: string; legend: string; options: Option[]; checked: string[]; errors: FieldErrors; empty?: string }) {
  const error = p.errors[p.name]
  return (
    <fieldset class={error ? 'group has-error' : 'group'} aria-describedby={error ? `f-${p.name}-error` : undefined}>
      <legend>{p.legend}</legend>
      {error ? (
        <p class="error" id={`f-${p.name}-error`}>
          {p.t(error.message, error.params as Params)}
        </p>
      ) : null}
      {p.options.length === 0 ? <p class="muted">{p.empty ?? p.t('common.none')}</p> : null}
      {p.options.map((o) => (
        <label class="option">
          <input type="checkbox" name={p.name} value={o.id} checked={p.checked.includes(o.id)} /> {o.label}
        </label>
      ))}
    </fieldset>
  )
}

/** "← Previous" and "Next →" between pages of a long list; a link only where that page exists. */
export function PrevNext(p: { t: AnyT; label: string; prev?: string | undefined; next?: string | undefined }) {
  return (
    <nav class="actions" aria-label={p.label}>
      {p.prev ? (
        <a href={p.prev} rel="prev">
          ← {p.t('common.previous')}
        </a>
      ) : null}{' '}
      {p.next ? (
        <a href={p.next} rel="next">
          {p.t('common.next')} →
        </a>
      ) : null}
    </nav>
  )
}
