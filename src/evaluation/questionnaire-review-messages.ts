import { defineMessages } from '../platform/i18n/i18n.ts'

/** Questionnaires waiting for review: a draft version is checked by a second person before sessions use it. */
export const questionnaireReviewMessages = defineMessages({})
