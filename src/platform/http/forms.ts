import type { z } from 'zod'
import type { FieldError, Problem } from './problems.ts'

export type FormValues = Record<string, string>
export type FieldErrors = Record<string, FieldError>

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors }

/** Validates input with a zod schema and turns its issues into message keys next to each field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input)
  if (result.success) return { ok: true, data: result.data }
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || '_'
    if (!errors[field]) errors[field] = { field, ...issueMessage(issue) }
  }
  return { ok: false, errors }
}

/** A use case's validation problem as errors keyed by field, for showing the form again. */
export function fieldErrorsOf(problem: Problem): FieldErrors {
  return Object.fromEntries(problem.errors.map((e) => [e.field, e]))
}

export function fieldErrorList(errors: FieldErrors): FieldError[] {
  return Object.values(errors)
}

// Schemas give their own message keys ({ error: 'area.codeFormat' }); zod's built-in
// English texts never reach a user, whatever check failed.
function issueMessage(issue: z.core.$ZodIssue): Omit<FieldError, 'field'> {
  if (/^[a-z][\w-]*\.[\w.-]+$/i.test(issue.message) && !issue.message.includes(' ')) return { message: issue.message }
  switch (issue.code) {
    case 'invalid_type':
      return { message: 'validation.required' }
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1
        ? { message: 'validation.required' }
        : { message: 'validation.tooShort', params: { min: Number(issue.minimum) } }
    case 'too_big':
      return { message: 'validation.tooLong', params: { max: Number(issue.maximum) } }
    case 'invalid_value':
      return { message: 'validation.choice' }
    case 'invalid_format':
      return { message: issue.format === 'email' ? 'validation.email' : 'validation.format' }
    default:
      return { message: 'validation.invalid' }
  }
}

/** Form posts arrive as strings; keep only string fields (never files) and trim them. */
export function formStrings(body: Record<string, unknown>): FormValues {
  const out: FormValues = {}
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v.trim()
  return out
}

/** Only same-site relative paths may be redirected to, so a link cannot send a user elsewhere. */
export function safeNextPath(next: string | undefined, fallback = '/'): string {
  // Browsers drop tabs and newlines from addresses and read "\\" as "/": "/\t/evil.example" and
  // "/\\evil.example" would lead off-site. Such a `next` is refused, and what is left must stay on this site.
  if (!next || !next.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(next)) return fallback
  const base = 'http://jaga.invalid'
  let url: URL
  try {
    url = new URL(next, base)
  } catch {
    return fallback
  }
  // "/.//evil.example" and "/x/..//evil.example" resolve to a path opening with "//": as a Location that
  // is another site. Only a path with one leading slash stays here.
  if (url.origin !== base || url.pathname.startsWith('//')) return fallback
  return `${url.pathname}${url.search}${url.hash}`
}

/** Like formStrings, but the named fields (repeated checkboxes) come back as arrays of strings. */
export function formWithLists(body: Record<string, unknown>, lists: readonly string[]): FormValues & Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [k, v] of Object.entries(body)) {
    const values = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string').map((x) => x.trim())
    out[k] = lists.includes(k) ? values.filter(Boolean) : (values[0] ?? '')
  }
  for (const k of lists) out[k] ??= []
  return out as FormValues & Record<string, string | string[]>
}
