import { accountMessages } from './accounts/messages.ts'
import { areaMessages } from './areas/messages.ts'
import { libraryMessages } from './library/messages.ts'
import { libraryEditMessages } from './library/editing-messages.ts'
import { outreachMessages } from './outreach/messages.ts'
import { sessionMessages } from './outreach/session-messages.ts'
import { referralMessages } from './outreach/referral-messages.ts'
import { evaluationMessages } from './evaluation/messages.ts'
import { collectMessages } from './evaluation/collect-messages.ts'
import { collectFormMessages } from './evaluation/collect-form-messages.ts'
import { participantMessages } from './evaluation/participant-messages.ts'
import { builderMessages } from './evaluation/builder-messages.ts'
import { answersMessages } from './evaluation/answers-messages.ts'
import { pairMessages } from './evaluation/pair-messages.ts'
import { logicMessages } from './evaluation/logic-messages.ts'
import { xlsformMessages } from './evaluation/xlsform-messages.ts'
import { importPreviewMessages } from './evaluation/import-preview-messages.ts'
import { formViewMessages } from './evaluation/form-view-messages.ts'
import { roundTimingMessages } from './evaluation/round-timing-messages.ts'
import { codeMessages } from './evaluation/code-messages.ts'
import { startMessages } from './home/messages.ts'
import { illustrationMessages } from './library/illustration-messages.ts'
import { projectorMessages } from './evaluation/projector-messages.ts'
import { reportPdfMessages } from './outreach/report-pdf-messages.ts'
import { questionnaireReviewMessages } from './evaluation/questionnaire-review-messages.ts'
import { retentionMessages } from './platform/retention-messages.ts'
import type { Translator } from './platform/i18n/i18n.ts'
import { platformMessages } from './platform/i18n/platform-messages.ts'
import { operationsMessages } from './platform/operations-messages.ts'
import { doctorMessages } from './cli/doctor-messages.ts'

/** The slices' catalogues; a test checks that no key is defined in two of them. */
export const catalogueParts = [platformMessages, accountMessages, areaMessages, libraryMessages, libraryEditMessages, outreachMessages, sessionMessages, referralMessages, evaluationMessages, collectMessages, collectFormMessages, participantMessages, builderMessages, answersMessages, pairMessages, logicMessages, xlsformMessages, importPreviewMessages, formViewMessages, roundTimingMessages, codeMessages, startMessages, operationsMessages, doctorMessages, illustrationMessages, projectorMessages, reportPdfMessages, questionnaireReviewMessages, retentionMessages]

/** Every user-facing text, in Bahasa Indonesia and English, from every slice. */
export const catalogue = { ...platformMessages, ...accountMessages, ...areaMessages, ...libraryMessages, ...libraryEditMessages, ...outreachMessages, ...sessionMessages, ...referralMessages, ...evaluationMessages, ...collectMessages, ...collectFormMessages, ...participantMessages, ...builderMessages, ...answersMessages, ...pairMessages, ...logicMessages, ...xlsformMessages, ...importPreviewMessages, ...formViewMessages, ...roundTimingMessages, ...codeMessages, ...startMessages, ...operationsMessages, ...doctorMessages, ...illustrationMessages, ...projectorMessages, ...reportPdfMessages, ...questionnaireReviewMessages, ...retentionMessages }
export type MessageKey = keyof typeof catalogue
export type T = Translator<MessageKey>
