import { defineMessages } from '../platform/i18n/i18n.ts'

// When a round's link opens and answers that arrive out of order (staff: 'Anda'; participants as in participant-messages.ts).
export const roundTimingMessages = defineMessages({})
