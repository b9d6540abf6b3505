import { defineMessages } from '../platform/i18n/i18n.ts'

// Reading an XLSForm: what was not kept, by sheet and row, in the staff member's language ('Anda').
export const xlsformMessages = defineMessages({})
