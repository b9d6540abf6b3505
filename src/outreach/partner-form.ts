import { z } from 'zod'
import { optionalText } from '../platform/http/schemas.ts'

export const PARTNER_KINDS = [
  'child-protection-commission',
  'women-children-service-unit',
  'police-unit',
  'school',
  'health-centre',
  'village-office',
  'ngo',
  'religious-organisation',
  'university',
  'other',
] as const
export type PartnerKind = (typeof PARTNER_KINDS)[number]

const optionalDate = z
  .union([z.iso.date({ error: 'partner.badDate' }), z.literal('')])
  .optional()
  .nullable()
  .transform((v) => (v ? v : null))

const phone = z
  .union([z.string().trim().regex(/^\+?[0-9][0-9 -]{5,24}$/, { error: 'partner.badPhone' }), z.literal('')])
  .optional()
  .nullable()
  .transform((v) => (v ? v : null))

/** The writable fields of a partner, shared by the HTML form and POST /api/v1/partners. */
export const partnerInput = z
  .object({
    name: z.string({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(160),
    kind: z.enum(PARTNER_KINDS, { error: 'validation.choice' }),
    areaId: z
      .union([z.uuid({ error: 'partner.noSuchArea' }), z.literal('')])
      .optional()
      .nullable()
      .transform((v) => (v ? v : null)),
    contactName: optionalText(120),
    contactPhone: phone,
    contactEmail: z
      .union([z.email({ error: 'validation.email' }), z.literal('')])
      .optional()
      .nullable()
      .transform((v) => (v ? v.toLowerCase() : null)),
    mouStart: optionalDate,
    mouEnd: optionalDate,
    roles: optionalText(500),
    helpPhone: phone,
    helpHandlesId: optionalText(300),
    helpHandlesEn: optionalText(300),
  })
  .refine((p) => !p.mouStart || !p.mouEnd || p.mouEnd >= p.mouStart, { path: ['mouEnd'], error: 'partner.mouOrder' })
  .refine((p) => !p.helpPhone || p.helpHandlesId, { path: ['helpHandlesId'], error: 'partner.helpNeedsHandles' })
  .refine((p) => !p.helpPhone || p.helpHandlesEn, { path: ['helpHandlesEn'], error: 'partner.helpNeedsHandles' })
export type PartnerInput = z.output<typeof partnerInput>
