import { defineMessages } from '../platform/i18n/i18n.ts'

// Participant codes in staff views: per-session numbers, the fifth code part, and what a code can and cannot tell (staff: 'Anda').
export const codeMessages = defineMessages({})
