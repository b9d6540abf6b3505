import { defineMessages } from '../platform/i18n/i18n.ts'

// The participant's form when it shows and hides questions, hints, dates, other and don't-know.
export const formViewMessages = defineMessages({})
