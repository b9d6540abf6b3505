import { z } from 'zod'

export const PROGRAMME_STATUSES = ['planned', 'active', 'completed', 'cancelled'] as const

const ids = (error: string) => z.array(z.uuid({ error })).max(500).default([])

/** The writable fields of a programme, shared by the HTML form and POST /api/v1/programmes. */
export const programmeInput = z
  .object({
    name: z.string({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(160),
    goal: z
      .string()
      .trim()
      .max(1000)
      .optional()
      .nullable()
      .transform((v) => (v ? v : null)),
    startsOn: z.iso.date({ error: 'programme.badDate' }),
    endsOn: z.iso.date({ error: 'programme.badDate' }),
    status: z.enum(PROGRAMME_STATUSES, { error: 'validation.choice' }),
    coordinatorId: z
      .union([z.uuid({ error: 'programme.noSuchUser' }), z.literal('')])
      .optional()
      .nullable()
      .transform((v) => (v ? v : null)),
    areaIds: ids('programme.noSuchArea').refine((a) => a.length > 0, { error: 'programme.needsArea' }),
    facilitatorIds: ids('programme.noSuchUser'),
    partnerIds: ids('programme.noSuchPartner'),
  })
  .refine((p) => p.endsOn >= p.startsOn, { path: ['endsOn'], error: 'programme.endBeforeStart' })
export type ProgrammeInput = z.output<typeof programmeInput>
