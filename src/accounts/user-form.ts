import { z } from 'zod'
import { ROLES } from './permissions.ts'

export const emailField = z
  .string({ error: 'validation.required' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'validation.required' })
  .max(254)
  .pipe(z.email({ error: 'validation.email' }))

export const newPasswordField = z
  .string({ error: 'validation.required' })
  .min(10, { error: 'account.passwordTooShort' })
  .max(200, { error: 'account.passwordTooLong' })

export const roleField = z.enum(ROLES, { error: 'validation.choice' })
export const displayNameField = z.string({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(120)

export const signInForm = z.object({
  email: emailField,
  password: z.string({ error: 'validation.required' }).min(1, { error: 'validation.required' }).max(200),
})

export const inviteForm = z.object({ email: emailField, displayName: displayNameField, role: roleField })
export type InviteInput = z.output<typeof inviteForm>

export const roleForm = z.object({ role: roleField })

export const setPasswordForm = z
  .object({ password: newPasswordField, confirm: z.string({ error: 'validation.required' }) })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], error: 'account.passwordsDiffer' })

export const createUserInput = z.object({
  email: emailField,
  role: roleField,
  password: newPasswordField,
  displayName: displayNameField.optional(),
})
export type CreateUserInput = z.input<typeof createUserInput>

/** What GET /api/v1/me returns. */
export const meSchema = z.object({
  id: z.uuid(),
  email: z.email(),
  displayName: z.string(),
  role: roleField,
  permissions: z.array(z.string()),
})

export const API_TOKEN_MAX_DAYS = 3650
const expiryDays = { error: 'account.expiryDays' } as const

export const apiTokenInput = z.object({
  // Labels are printed in terminals (`jaga token list`): no control characters.
  label: z.string().trim().min(1, { error: 'validation.required' }).max(120).regex(/^\P{Cc}*$/u, { error: 'validation.format' }),
  expiresInDays: z.coerce.number(expiryDays).int(expiryDays).min(1, expiryDays).max(API_TOKEN_MAX_DAYS, expiryDays).optional(),
})
export type ApiTokenInput = z.input<typeof apiTokenInput>

export const API_TOKEN_STATUSES = ['active', 'expired', 'revoked'] as const

/** An API token as GET /api/v1/me/tokens shows it: never the secret. */
export const apiTokenSchema = z.object({
  id: z.uuid(),
  label: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  status: z.enum(API_TOKEN_STATUSES),
})
