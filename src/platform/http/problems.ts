import type { Params } from '../i18n/i18n.ts'

/** Every error a client can see, with its HTTP status. Texts live under problem.<code>.* in the catalogue. */
export const PROBLEMS = {
  'bad-request': 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  validation: 422,
  'rate-limited': 429,
  internal: 500,
  unavailable: 503,
} as const

export type ProblemCode = keyof typeof PROBLEMS

export interface FieldError {
  field: string
  /** A message key, translated when the problem is shown. */
  message: string
  params?: Params
}

export class Problem extends Error {
  readonly status: number
  constructor(
    readonly code: ProblemCode,
    readonly params: Params = {},
    readonly errors: FieldError[] = [],
    /** A message key that replaces the generic detail text, for a more specific explanation. */
    readonly detailKey?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(code)
    this.name = 'Problem'
    this.status = PROBLEMS[code]
  }
}

export const notFound = () => new Problem('not-found')
export const forbidden = () => new Problem('forbidden')
