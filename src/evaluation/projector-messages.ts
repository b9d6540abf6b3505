import { defineMessages } from '../platform/i18n/i18n.ts'

/** The projector view of a session's results: shown full screen to a hall. */
export const projectorMessages = defineMessages({})
