// XLSForm (the spreadsheet format of KoboToolbox and ODK) to and from Jaga questionnaires. The reading
// half lives in xlsform-read.ts, the writing half in xlsform-write.ts; both are re-exported here so
// existing imports keep working.
export { LABEL_EN, LABEL_ID, toXlsForm, type XlsFormMeta } from './xlsform-write.ts'
export { fromXlsForm, MAX_XLSFORM_BYTES, XLSFORM_LIMITS, XlsFormError, XlsxLimitError, type ImportedXlsForm, type XlsFormProblem } from './xlsform-read.ts'
