import { defineMessages } from './i18n/i18n.ts'

/** Keeping only what is needed: the retention setting for participants' raw answers and free text. */
export const retentionMessages = defineMessages({})
