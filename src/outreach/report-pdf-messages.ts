import { defineMessages } from '../platform/i18n/i18n.ts'

/** The programme report (HTML and PDF): session notes and knowledge charts. */
export const reportPdfMessages = defineMessages({})
