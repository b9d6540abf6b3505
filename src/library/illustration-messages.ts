import { defineMessages } from '../platform/i18n/i18n.ts'

/** Step cards for the settings guides and the children's pages' drawings: their titles and text alternatives. */
export const illustrationMessages = defineMessages({})
