// One question of the participant's form. Each carries its logic (relevant, constraint, required-if,
// choice filter) as data attributes, escaped by hono/jsx, for form-logic-ui.ts to run on the phone;
// without a script every question shows and the server drops what was not relevant.
import type { Child } from 'hono/jsx'
import type { T } from '../../messages.ts'
import type { FieldErrors } from '../../platform/http/forms.ts'
import type { Params, Locale } from '../../platform/i18n/i18n.ts'
import { DONT_KNOW, OTHER, type Definition, type Item } from '../questionnaire-schema.ts'

export type FormValues = Record<string, string | string[]>

export interface QuestionProps {
  t: T
  item: Item
  locale: Locale
  values: FormValues
  errors: FieldErrors
  n: number
  total: number
}

/** "Question 5 of 15" in each question's label: progress on a long form, with no script. */
function ItemNumber(p: { t: T; n: number; total: number }) {
  return <span class="item-number">{p.t('collect.progress', { n: p.n, total: p.total })}</span>
}

export function ItemError(p: { t: T; errors: FieldErrors; name: string; id: string }) {
  const e = p.errors[p.name]
  return e ? (
    <p class="error" id={`${p.id}-error`}>
      {p.t(e.message as never, e.params as Params)}
    </p>
  ) : null
}

/** What the browser script needs to run the item's logic; absent attributes are left out of the HTML. */
function logicAttributes(item: Item, locale: Locale, t: T): Record<string, string | undefined> {
  return {
    'data-item': item.id,
    'data-kind': item.kind,
    'data-required': item.required ? '' : undefined,
    'data-relevant': item.relevant,
    'data-constraint': item.constraint,
    'data-msg-constraint': item.constraint ? (item.constraintMessage?.[locale] ?? t('collect.constraintFailed')) : undefined,
    'data-required-if': item.requiredIf,
    'data-choice-filter': item.choiceFilter,
    'data-integer': item.kind === 'number' && item.integer ? '' : undefined,
    'data-other': item.other ? '' : undefined,
  }
}

/** The label's end: the hint below the question, and the line the script fills when a check fails. */
function Hint(p: { item: Item; locale: Locale; id: string }) {
  return p.item.hint ? (
    <p class="hint" id={`${p.id}-hint`}>
      {p.item.hint[p.locale]}
    </p>
  ) : null
}
const describedBy = (item: Item, id: string, error: unknown) => [item.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
/** Filled by the script (constraint, whole number); empty and hidden until then. */
const CheckMessage = (p: { id: string }) => <p class="error" id={`${p.id}-check`} role="alert" hidden></p>

function Optional(p: { t: T; item: Item }) {
  return p.item.required ? null : (
    <span class="muted" data-optional>
      {' '}
      {p.t('collect.optional')}
    </span>
  )
}

function optionsOf(item: Item, t: T, locale: Locale): { value: string; label: string; filter?: Record<string, string> }[] {
  if (item.kind === 'truefalse')
    return [{ value: 'true', label: t('collect.true') }, { value: 'false', label: t('collect.false') }, ...(item.dontKnow ? [{ value: DONT_KNOW, label: t('collect.dontKnow') }] : [])]
  if (item.kind === 'likert')
    return [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: item.anchors && (n === 1 || n === 5) ? `${n} · ${item.anchors[n === 1 ? 0 : 1][locale]}` : t(`collect.likert.${n}` as never) }))
  return (item.options ?? []).map((o) => ({ value: o.value, label: o.label[locale], filter: o.filter }))
}

export function Choices(p: QuestionProps) {
  const { item, t, locale } = p
  const name = `a.${item.id}`
  const id = `q-${item.id}`
  const chosen = ([] as string[]).concat(p.values[name] ?? [])
  const type = item.kind === 'multiple' ? 'checkbox' : 'radio'
  const error = p.errors[name]
  const otherName = `a.${item.id}_other`
  return (
    <fieldset class={error ? 'field item has-error' : 'field item'} id={id} aria-describedby={describedBy(item, id, error)} {...logicAttributes(item, locale, t)}>
      <legend>
        <ItemNumber t={t} n={p.n} total={p.total} /> {item.label[locale]}
        <Optional t={t} item={item} />
      </legend>
      <Hint item={item} locale={locale} id={id} />
      <ItemError t={t} errors={p.errors} name={name} id={id} />
      <CheckMessage id={id} />
      <div class={item.kind === 'likert' ? 'choices likert' : 'choices'}>
        {optionsOf(item, t, locale).map((o) => (
          <label class="choice">
            <input type={type} name={name} value={o.value} checked={chosen.includes(o.value)} required={type === 'radio' && item.required} data-filter={o.filter ? JSON.stringify(o.filter) : undefined} /> <span>{o.label}</span>
          </label>
        ))}
        {item.other ? (
          <label class="choice">
            <input type={type} name={name} value={OTHER} checked={chosen.includes(OTHER)} required={type === 'radio' && item.required} data-other-option /> <span>{t('collect.other')}</span>
          </label>
        ) : null}
      </div>
      {item.other ? (
        <div class="other-text" data-other-text>
          <label for={`${id}-other`}>{t('collect.otherText')}</label>
          <ItemError t={t} errors={p.errors} name={otherName} id={`${id}-other`} />
          <input id={`${id}-other`} name={otherName} type="text" maxlength={200} value={String(p.values[otherName] ?? '')} aria-describedby={p.errors[otherName] ? `${id}-other-error` : undefined} />
        </div>
      ) : null}
    </fieldset>
  )
}

export function FreeAnswer(p: QuestionProps) {
  const { item, t, locale } = p
  const name = `a.${item.id}`
  const id = `q-${item.id}`
  const error = p.errors[name]
  const value = String(p.values[name] ?? '')
  const common = { id, name, required: item.required, 'aria-describedby': describedBy(item, id, error) }
  return (
    <div class={error ? 'field item has-error' : 'field item'} {...logicAttributes(item, locale, t)}>
      <label for={id}>
        <ItemNumber t={t} n={p.n} total={p.total} /> {item.label[locale]}
        <Optional t={t} item={item} />
      </label>
      <Hint item={item} locale={locale} id={id} />
      <ItemError t={t} errors={p.errors} name={name} id={id} />
      <CheckMessage id={id} />
      {item.kind === 'text' ? (
        <textarea {...common} rows={3} maxlength={1000} data-free-text>
          {value}
        </textarea>
      ) : item.kind === 'date' ? (
        <input {...common} type="date" value={value} />
      ) : (
        // Text, not type=number: a number field drops "2,5" silently on some phones; the script and the server check it.
        <input {...common} type="text" inputmode={item.integer ? 'numeric' : 'decimal'} value={value} />
      )}
    </div>
  )
}

export function Note(p: { item: Item; locale: Locale; t: T }) {
  const { item, locale } = p
  return (
    <div class="note" {...logicAttributes(item, locale, p.t)}>
      <p>{item.label[locale]}</p>
      {item.hint ? <p class="hint">{item.hint[locale]}</p> : null}
    </div>
  )
}

export function Question(p: QuestionProps): Child {
  if (p.item.kind === 'note') return <Note item={p.item} locale={p.locale} t={p.t} />
  return p.item.kind === 'text' || p.item.kind === 'number' || p.item.kind === 'date' ? <FreeAnswer {...p} /> : <Choices {...p} />
}

/** A fresh form starts from each item's default (XLSForm `default`); a form shown again keeps what was sent. */
export function withDefaults(items: Item[], values: FormValues): FormValues {
  if (Object.keys(values).length) return values
  const filled: FormValues = {}
  for (const item of items) {
    if (item.default === undefined) continue
    filled[`a.${item.id}`] = item.kind === 'multiple' ? item.default.split(/\s+/).filter(Boolean) : item.default
  }
  return filled
}

/** Whether the form needs form-logic.js: only then does the phone load the expression engine. */
export function usesLogic(definition: Definition): boolean {
  return definition.sections.some((s) => s.relevant || s.items.some((i) => i.relevant || i.constraint || i.requiredIf || i.choiceFilter || i.other || i.integer))
}
