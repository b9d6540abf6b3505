// The evaluation slice's uploads and their limits, enforced at the HTTP layer before the body is
// parsed (app.ts registers this ahead of the CSRF check). The handlers check the file again.
import { uploadLimits } from '../platform/http/upload-limit.ts'
import { CSV_LIMITS } from './csv-import.ts'
import { MAX_XLSFORM_BYTES } from './xlsform.ts'

export const evaluationUploadLimits = uploadLimits([
  { path: /^\/(api\/v1\/)?questionnaires\/import$/, maxBytes: MAX_XLSFORM_BYTES },
  // The preview carries the file to Save in a hidden field, base64url: 4/3 of its size.
  { path: /^\/questionnaires\/import\/save$/, maxBytes: Math.ceil((MAX_XLSFORM_BYTES * 4) / 3) },
  // Step 1 posts the file, step 2 (apply) its text back with the column mapping.
  { path: /^\/sessions\/[^/]+\/evaluation\/links\/[^/]+\/import(\/apply)?$/, maxBytes: CSV_LIMITS.maxBytes },
])
