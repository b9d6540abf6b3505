// The evaluation slice's uploads and their limits, enforced at the HTTP layer before the body is
// parsed (app.ts registers this ahead of the CSRF check). The handlers check the file again.
import { uploadLimits } from '../platform/http/upload-limit.ts'
import { CSV_LIMITS } from './csv-import.ts'
import { MAX_XLSFORM_BYTES } from './xlsform.ts'

export const evaluationUploadLimits = uploadLimits([
  { path: /^\/questionnaires\/import$/, maxBytes: MAX_XLSFORM_BYTES },
  // Step 1 posts the file, step 2 (apply) its text back with the column mapping.
  { path: /^\/sessions\/[^/]+\/evaluation\/links\/[^/]+\/import(\/apply)?$/, maxBytes: CSV_LIMITS.maxBytes },
])
