// The OpenAPI description of the questionnaire API (questionnaire-api-routes.tsx).
import { z } from 'zod'
import { jsonResponse, type OpenApiPaths } from '../platform/http/openapi.ts'
import { definitionSchema, itemSchema } from './questionnaire-schema.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const KEY_IN_PATH = { name: 'key', in: 'path', required: true, schema: { type: 'string' } }
/** Without it, the latest version. */
const VERSION_IN_QUERY = { name: 'version', in: 'query', schema: { type: 'integer', minimum: 1 } }

export const reviewSchema = z.object({
  state: z.enum(['unchecked', 'checked', 'shipped']).describe('shipped: came with a Jaga release and counts as checked'),
  checkedBy: z.string().nullable().describe('The checker’s name'),
  checkedAt: z.string().nullable(),
  note: z.string().nullable(),
  fingerprint: z.string().describe('Of the version’s text as it is now; send it back with a check of what you read'),
})
const reviewAnswerSchema = z.object({ key: z.string(), version: z.number().int(), review: reviewSchema })

export const importAnswerSchema = z.object({
  key: z.string().describe('form_id, or from fileName when the form has none'),
  version: z.number().int().describe('The version saved, or with preview=true the version Save would make'),
  created: z.boolean().describe('A new questionnaire (true) or a new version of one (false)'),
  saved: z.boolean(),
  title: z.object({ id: z.string(), en: z.string() }),
  items: z.array(itemSchema),
  definition: definitionSchema,
  notKept: z.array(z.object({ sheet: z.string(), row: z.number().int(), message: z.string().describe('Why, in the language of Accept-Language or the jaga_lang cookie') })),
  review: reviewSchema.optional().describe('Saved only: the new version waits for a check by someone else'),
})

export const questionnaireApiDoc: OpenApiPaths = {
  '/api/v1/questionnaires/import': {
    post: {
      summary: 'Import an XLSForm (.xlsx, at most 1 MB) as a new questionnaire, or a new version when its form_id exists (programme.edit). What was not kept is listed per sheet and row. With preview=true nothing is saved',
      tags: ['questionnaires'],
      parameters: [
        { name: 'preview', in: 'query', description: 'true: read and answer, save nothing', schema: { type: 'boolean', default: false } },
        { name: 'fileName', in: 'query', description: 'The file’s name: the key when the form has no form_id', schema: { type: 'string', maxLength: 120 } },
      ],
      requestBody: { required: true, content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } },
      responses: {
        '200': jsonResponse('Preview: what Save would make', importAnswerSchema),
        '201': jsonResponse('Saved', importAnswerSchema),
        '409': { description: 'form_id belongs to a questionnaire that ships with Jaga' },
        '413': { description: 'Larger than 1 MB' },
        '422': { description: 'Not an .xlsx, too large unpacked, or no usable question: errors name the sheet and row (field "survey:12")' },
      },
    },
  },
  '/api/v1/questionnaires/{key}/review': {
    get: {
      summary: 'Whether a questionnaire version (the latest, or the one asked for) has been checked by a second person, by whom and when (programme.view)',
      tags: ['questionnaires'],
      parameters: [KEY_IN_PATH, VERSION_IN_QUERY],
      responses: { '200': jsonResponse('The check', reviewAnswerSchema), '404': { description: 'No such questionnaire or version' } },
    },
  },
  '/api/v1/questionnaires/{key}/versions/{version}/check': {
    post: {
      summary: 'Mark a version as checked, with an optional note (programme.edit). Never by anyone who wrote or changed it. fingerprint is the one the review answer gave with the text the checker read: a version changed in place since is refused (409)',
      tags: ['questionnaires'],
      parameters: [
        KEY_IN_PATH,
        { name: 'version', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
      ],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { type: 'object', required: ['fingerprint'], properties: { fingerprint: { type: 'string', maxLength: 64 }, note: { type: 'string', maxLength: 500 } } } } },
      },
      responses: {
        '200': jsonResponse('Checked', reviewAnswerSchema),
        '403': { description: 'The caller wrote or changed this version' },
        '404': { description: 'No such questionnaire or version' },
        '409': { description: 'Already checked, or the version changed since the fingerprint was read (look at it again)' },
        '422': { description: 'No fingerprint, or a note longer than 500 characters' },
      },
    },
  },
  '/api/v1/questionnaires/{key}/xlsform': {
    get: {
      summary: 'A questionnaire as an XLSForm for KoboToolbox or ODK: the latest version, or the one asked for (programme.view). Jaga’s own kinds are named in the jaga_kind column',
      tags: ['questionnaires'],
      parameters: [KEY_IN_PATH, VERSION_IN_QUERY],
      responses: { '200': { description: 'The workbook', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } }, '404': { description: 'No such questionnaire or version' } },
    },
  },
}

