import { z } from 'zod'

/** Optional free text: trimmed, at most `max` characters, and null when empty (forms send ""). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))

/** Required text: trimmed, not empty, at most `max` characters. */
export const requiredText = (max: number, error = 'validation.required') => z.string({ error }).trim().min(1, { error }).max(max)
