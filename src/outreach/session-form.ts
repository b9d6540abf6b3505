import { z } from 'zod'
import { optionalText } from '../platform/http/schemas.ts'
import { GROUP_KINDS, type GroupKind } from './target-group-form.ts'

export const SESSION_FORMATS = ['seminar', 'webinar', 'workshop', 'brochure-drive', 'home-visit', 'class'] as const
export type SessionFormat = (typeof SESSION_FORMATS)[number]
export const SESSION_STATUSES = ['planned', 'held', 'reported', 'cancelled'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

export const GENDERS = ['female', 'male'] as const
export type Gender = (typeof GENDERS)[number]
export const AGE_BANDS = ['6-9', '10-12', '13-17', '18+'] as const
export type AgeBand = (typeof AGE_BANDS)[number]

/** The age bands a group can have: children's groups one band, adults' groups 18+, the community any. */
export function ageBandsOf(group: GroupKind): readonly AgeBand[] {
  switch (group) {
    case 'children-6-9':
      return ['6-9']
    case 'children-10-12':
      return ['10-12']
    case 'children-13-17':
      return ['13-17']
    case 'community':
      return AGE_BANDS
    default:
      return ['18+']
  }
}

/** A local date and time as the browser's datetime-local sends it, minutes precision. */
const localDateTime = z
  .string({ error: 'session.badTime' })
  .trim()
  .transform((v) => v.slice(0, 16))
  .pipe(z.iso.datetime({ local: true, precision: -1, error: 'session.badTime' }))

const list = <T extends z.ZodType>(item: T) => z.array(item).max(200).default([])

/** The writable fields of a session, shared by the HTML form and POST /api/v1/sessions. */
export const sessionInput = z
  .object({
    programmeId: z.uuid({ error: 'session.noSuchProgramme' }),
    title: z.string({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(160),
    format: z.enum(SESSION_FORMATS, { error: 'validation.choice' }),
    areaId: z.uuid({ error: 'session.areaNotInProgramme' }),
    venue: optionalText(300),
    onlineLink: z
      .union([z.literal(''), z.url({ protocol: /^https$/, error: 'session.badLink' }).max(500)])
      .optional()
      .nullable()
      .transform((v) => (v ? v : null)),
    startsAt: localDateTime,
    endsAt: localDateTime,
    audiences: list(z.enum(GROUP_KINDS, { error: 'validation.choice' })).refine((a) => a.length > 0, { error: 'session.needsAudience' }),
    facilitatorIds: list(z.uuid({ error: 'programme.noSuchUser' })),
    partnerIds: list(z.uuid({ error: 'programme.noSuchPartner' })),
    materials: list(z.string().max(60)),
    /** A facilitator already busy at that time is a warning; the user confirms to go ahead. */
    confirmOverlap: z
      .union([z.boolean(), z.literal('1'), z.literal('')])
      .optional()
      .transform((v) => v === true || v === '1'),
  })
  .refine((s) => s.endsAt > s.startsAt, { path: ['endsAt'], error: 'session.endBeforeStart' })
  .refine((s) => s.format !== 'webinar' || s.onlineLink !== null, { path: ['onlineLink'], error: 'session.webinarNeedsLink' })
export type SessionInput = z.output<typeof sessionInput>

export const CANCEL_REASON_MAX = 500
export const cancelInput = z.object({ reason: z.string({ error: 'session.needsReason' }).trim().min(1, { error: 'session.needsReason' }).max(CANCEL_REASON_MAX) })

export const reportInput = z.object({ notes: optionalText(2000), followUps: optionalText(2000) })

export const MAX_COUNT = 5000

/** One cell of the attendance grid. */
export const attendanceCell = z.object({
  groupKind: z.enum(GROUP_KINDS, { error: 'validation.choice' }),
  gender: z.enum(GENDERS, { error: 'validation.choice' }),
  ageBand: z.enum(AGE_BANDS, { error: 'validation.choice' }),
  count: z.number({ error: 'attendance.badCount' }).int({ error: 'attendance.badCount' }).min(0, { error: 'attendance.badCount' }).max(MAX_COUNT, { error: 'attendance.tooMany' }),
})
export type AttendanceCell = z.output<typeof attendanceCell>
export const attendanceInput = z.object({ cells: z.array(attendanceCell).max(200) })

/** The grid's field name for a cell, as the HTML form posts it. */
export const cellField = (c: { groupKind: string; gender: string; ageBand: string }) => `n.${c.groupKind}.${c.gender}.${c.ageBand}`

/**
 * Reads the attendance grid of an HTML form: every n.<group>.<gender>.<band> field. Empty means 0.
 * Returns field errors for counts that are not whole numbers from 0 to MAX_COUNT.
 */
export function attendanceFromForm(values: Record<string, string>): { cells: AttendanceCell[]; errors: Record<string, string> } {
  const cells: AttendanceCell[] = []
  const errors: Record<string, string> = {}
  for (const [name, raw] of Object.entries(values)) {
    const m = /^n\.([\w-]+)\.(female|male)\.([\w+-]+)$/.exec(name)
    if (!m) continue
    const text = raw.trim()
    const count = text === '' ? 0 : /^\d+$/.test(text) ? Number(text) : NaN
    if (!Number.isInteger(count)) errors[name] = 'attendance.badCount'
    else if (count > MAX_COUNT) errors[name] = 'attendance.tooMany'
    else cells.push({ groupKind: m[1] as GroupKind, gender: m[2] as Gender, ageBand: m[3] as AgeBand, count })
  }
  return { cells, errors }
}
