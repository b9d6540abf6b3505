import { z } from 'zod'
import { optionalText } from '../platform/http/schemas.ts'

export const REFERRAL_AGE_BANDS = ['0-5', '6-9', '10-12', '13-17', '18+'] as const
export const CONCERNS = ['grooming', 'sextortion', 'sexual-images', 'live-streamed-abuse', 'online-harassment', 'offline-abuse', 'other'] as const
export const CONSENTS = ['child-and-guardian', 'guardian', 'child', 'not-given'] as const
export const REFERRAL_STATUSES = ['referred', 'received', 'closed'] as const
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number]

/** Short on purpose: a note is for the next step, never for the story or anyone's name. */
export const NOTE_MAX = 280

const optionalDate = z
  .union([z.iso.date({ error: 'referral.badDate' }), z.literal('')])
  .optional()
  .nullable()
  .transform((v) => (v ? v : null))

/** The writable fields of a referral, shared by the HTML form and POST /api/v1/referrals. */
export const referralInput = z
  .object({
    occurredOn: z.iso.date({ error: 'referral.badDate' }),
    areaId: z.uuid({ error: 'referral.needsVillage' }),
    programmeId: z
      .union([z.uuid({ error: 'validation.choice' }), z.literal('')])
      .optional()
      .nullable()
      .transform((v) => (v ? v : null)),
    ageBand: z.enum(REFERRAL_AGE_BANDS, { error: 'validation.choice' }),
    concern: z.enum(CONCERNS, { error: 'validation.choice' }),
    partnerId: z.uuid({ error: 'referral.needsService' }),
    consent: z.enum(CONSENTS, { error: 'validation.choice' }),
    nextFollowUp: optionalDate,
    note: optionalText(NOTE_MAX),
  })
  .refine((r) => !r.nextFollowUp || r.nextFollowUp >= r.occurredOn, { path: ['nextFollowUp'], error: 'referral.followUpBeforeDate' })
export type ReferralInput = z.output<typeof referralInput>

export const referralUpdateInput = z.object({
  status: z.enum(REFERRAL_STATUSES, { error: 'validation.choice' }),
  onDate: z.iso.date({ error: 'referral.badDate' }),
  nextFollowUp: optionalDate,
  note: optionalText(NOTE_MAX),
})
export type ReferralUpdateInput = z.output<typeof referralUpdateInput>

// Words that make a note identify someone. Not exhaustive, and not a filter: the form warns, the user decides.
const PHONE = /(\+?62|0)8\d[\d\s.-]{6,}/
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/

/** Refuses a note that carries a phone number or an email address. */
export function noteProblem(note: string | null): string | undefined {
  if (!note) return undefined
  if (PHONE.test(note) || EMAIL.test(note)) return 'referral.noteHasContact'
  return undefined
}
