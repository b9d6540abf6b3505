import { z } from 'zod'
import { optionalText } from '../platform/http/schemas.ts'
import { findPersonalData, type PersonalDataKind } from '../platform/personal-data.ts'

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
    partnerId: z
      .union([z.uuid({ error: 'referral.needsService' }), z.literal('')])
      .optional()
      .nullable()
      .transform((v) => (v ? v : null)),
    channelId: z
      .union([z.string().regex(/^[a-z0-9-]{1,60}$/, { error: 'referral.needsService' }), z.literal('')])
      .optional()
      .nullable()
      .transform((v) => (v ? v : null)),
    consent: z.enum(CONSENTS, { error: 'validation.choice' }),
    nextFollowUp: optionalDate,
    note: optionalText(NOTE_MAX),
  })
  .refine((r) => !r.nextFollowUp || r.nextFollowUp >= r.occurredOn, { path: ['nextFollowUp'], error: 'referral.followUpBeforeDate' })
  // One service: a partner institution or a help-directory channel, never both, never none.
  .refine((r) => (r.partnerId === null) !== (r.channelId === null), { path: ['partnerId'], error: 'referral.needsService' })
export type ReferralInput = z.output<typeof referralInput>

export const referralUpdateInput = z.object({
  status: z.enum(REFERRAL_STATUSES, { error: 'validation.choice' }),
  onDate: z.iso.date({ error: 'referral.badDate' }),
  nextFollowUp: optionalDate,
  note: optionalText(NOTE_MAX),
})
export type ReferralUpdateInput = z.output<typeof referralUpdateInput>

/** The form's one "referred to" choice, `partner:<id>` or `channel:<id>`, as the two fields of the input. */
export function serviceFields(service: string | undefined): { partnerId: string; channelId: string } {
  const [kind, ...rest] = (service ?? '').split(':')
  const id = rest.join(':')
  return { partnerId: kind === 'partner' ? id : '', channelId: kind === 'channel' ? id : '' }
}

// What makes a note identify someone, and the message that says so next to the field.
const NOTE_PROBLEMS: Record<PersonalDataKind, string> = {
  phone: 'referral.noteHasContact',
  email: 'referral.noteHasContact',
  handle: 'referral.noteHasHandle',
  address: 'referral.noteHasAddress',
  school: 'referral.noteHasSchool',
}

/** Refuses a note that carries a phone number, an e-mail, a social media handle, an address or a school with its class. */
export function noteProblem(note: string | null): string | undefined {
  if (!note) return undefined
  const kind = findPersonalData(note)[0]
  return kind && NOTE_PROBLEMS[kind]
}
