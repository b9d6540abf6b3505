// Which answers of a session to list: the filters and paging shared by the answers page and its API.
import { z } from 'zod'
import { PHASES } from './evaluation-tables.ts'

export const ANSWER_STATUSES = ['counted', 'left-out', 'held'] as const
export type AnswerStatus = (typeof ANSWER_STATUSES)[number]
export const PAGE_SIZE = 100

const blank = z.literal('').transform(() => undefined)

export const answerFilter = z.object({
  phase: z.enum(PHASES, { error: 'validation.choice' }).optional().or(blank),
  status: z.enum(ANSWER_STATUSES, { error: 'validation.choice' }).optional().or(blank),
  /** 'timing': only phone answers that arrived out of order (round-timing-queries.ts). */
  flag: z.enum(['timing'], { error: 'validation.choice' }).optional().or(blank),
  // Codes are capital letters, digits and hyphens (code-elements.ts); anything else is dropped, so a
  // typed code is matched as written and the filter can never carry a LIKE wildcard.
  code: z
    .string()
    .max(40)
    .optional()
    .transform((v) => v?.toUpperCase().replace(/[^A-Z0-9-]/g, '') || undefined),
  page: z.coerce.number({ error: 'answers.badPage' }).int({ error: 'answers.badPage' }).min(1, { error: 'answers.badPage' }).max(100_000, { error: 'answers.badPage' }).default(1),
  pageSize: z.coerce.number({ error: 'answers.badPageSize' }).int({ error: 'answers.badPageSize' }).min(1, { error: 'answers.badPageSize' }).max(1000, { error: 'answers.badPageSize' }).default(PAGE_SIZE),
})
export type AnswerFilter = z.output<typeof answerFilter>
