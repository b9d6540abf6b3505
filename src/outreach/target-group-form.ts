import { z } from 'zod'

export const GROUP_KINDS = ['parents', 'teachers', 'children-6-9', 'children-10-12', 'children-13-17', 'community', 'officials'] as const
export type GroupKind = (typeof GROUP_KINDS)[number]
export const BASELINE_LEVELS = ['unknown', 'low', 'medium', 'high'] as const
export type BaselineLevel = (typeof BASELINE_LEVELS)[number]

/** A target group of a programme in one of its areas; shared by the form and the API. */
export const targetGroupInput = z.object({
  areaId: z.uuid({ error: 'validation.choice' }),
  groupKind: z.enum(GROUP_KINDS, { error: 'validation.choice' }),
  estimatedSize: z
    .union([z.literal(''), z.coerce.number({ error: 'targetGroup.badSize' }).int({ error: 'targetGroup.badSize' }).min(0, { error: 'targetGroup.badSize' }).max(10_000_000, { error: 'targetGroup.badSize' })])
    .optional()
    .nullable()
    .transform((v) => (v === '' || v === undefined ? null : v)),
  baselineLevel: z.enum(BASELINE_LEVELS, { error: 'validation.choice' }).default('unknown'),
  baselineNote: z
    .string()
    .trim()
    .max(500)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
})
export type TargetGroupInput = z.output<typeof targetGroupInput>
