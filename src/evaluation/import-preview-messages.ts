import { defineMessages } from '../platform/i18n/i18n.ts'

// The XLSForm import preview and the questionnaire API's import/export words (staff: 'Anda').
export const importPreviewMessages = defineMessages({})
