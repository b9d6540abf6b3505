// The OpenAPI description of the session evaluation routes, and the JSON shapes they share.
import { z } from 'zod'
import { jsonBody, jsonResponse, type OpenApiPaths } from '../platform/http/openapi.ts'
import { GROUP_KINDS } from '../outreach/target-group-form.ts'
import { DEFAULT_CODE_ELEMENTS } from './code-elements.ts'
import { EXCLUSION_REASONS, HELD, PHASES } from './evaluation-tables.ts'
import { ANSWER_STATUSES, PAGE_SIZE } from './answers-filter.ts'

export const openBody = z.object({
  groupKind: z.enum(GROUP_KINDS),
  questionnaireKey: z.string().optional().describe('Defaults to the knowledge test shipped for the group'),
  codeElements: z.array(z.string()).default([...DEFAULT_CODE_ELEMENTS]),
  feedback: z.boolean().default(true),
})
export const linkSchema = z.object({ id: z.uuid(), phase: z.enum(['pre', 'post', 'feedback', 'follow-up']), groupKind: z.enum(GROUP_KINDS), url: z.string().optional().describe('Only for those who see the session’s private parts'), token: z.string().optional(), open: z.boolean().describe('Takes answers now: not closed (by hand or by its closing time) and past its opening time'), opensAt: z.string().nullable().optional().describe('UTC; before it, answers from phones are refused with 409 and Retry-After'), closesAt: z.string().nullable().optional().describe('UTC; from then on the link is closed'), submissions: z.number() })

export const answerSchema = z.object({
  id: z.uuid(),
  phase: z.enum(['pre', 'post', 'feedback', 'follow-up']),
  groupKind: z.string(),
  code: z.string(),
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  source: z.enum(['phone', 'paper', 'import']),
  receivedAt: z.string(),
  excludedAt: z.string().nullable(),
  excludedReason: z.enum([...EXCLUSION_REASONS, HELD]).nullable(),
  outOfOrder: z.boolean().describe('A phone answer that arrived out of order: an after-session answer before the first before-session answer of its group, or a before-session answer after the session ended. Still counted; staff decide'),
})
export const excludeBody = z.object({ reason: z.enum(EXCLUSION_REASONS) })

export const evaluationApiDoc: OpenApiPaths = {
  '/api/v1/sessions/{id}/evaluation': {
    get: {
      summary: 'A session’s questionnaire links and results: per group the counts, pairs, match rate and the paired analysis in the shape of `jaga analyze --json` (programme.view)',
      tags: ['evaluation'],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      responses: { '200': { description: 'Links, per-group results and feedback' }, '404': { description: 'No such session' } },
    },
    post: {
      summary: 'Open the pre, post (and feedback) links of a session for one of its audiences (session.record); 3–5 code elements from: mother, day, own, siblings, father, own2 (a fifth for large groups)',
      tags: ['evaluation'],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      requestBody: jsonBody(openBody),
      responses: { '201': jsonResponse('The new links', z.object({ links: z.array(linkSchema) })), '409': { description: 'Already open for this group, or the session was cancelled' } },
    },
  },
  '/api/v1/sessions/{id}/evaluation/answers': {
    get: {
      summary: 'A session’s answers, newest first, a page at a time, with whether staff left each out of the results (programme.view; those who see the session’s private parts). Codes and scores only, never the answers themselves',
      tags: ['evaluation'],
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        { name: 'phase', in: 'query', description: 'Only this round', schema: { type: 'string', enum: [...PHASES] } },
        { name: 'status', in: 'query', description: 'counted; left-out (by staff); held (a flood to one link, not counted until staff count it again)', schema: { type: 'string', enum: [...ANSWER_STATUSES] } },
        { name: 'flag', in: 'query', description: 'timing: only answers that arrived out of order (see outOfOrder)', schema: { type: 'string', enum: ['timing'] } },
        { name: 'code', in: 'query', description: 'The code, whole or its beginning (AN-07 finds AN-07-A-2); case does not matter', schema: { type: 'string', maxLength: 40 } },
        { name: 'page', in: 'query', description: 'From 1', schema: { type: 'integer', minimum: 1, default: 1 } },
        { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: PAGE_SIZE } },
      ],
      responses: {
        '200': jsonResponse('One page of answers, and how many match in all', z.object({ answers: z.array(answerSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })),
        '404': { description: 'No such session' },
        '422': { description: 'A filter or page value that is not one of those allowed' },
      },
    },
  },
  '/api/v1/sessions/{id}/evaluation/answers/{submissionId}/exclude': {
    post: {
      summary: 'Leave an answer out of every result (session.record; a facilitator only in their sessions). The answer is kept and can be counted again',
      tags: ['evaluation'],
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        { name: 'submissionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      ],
      requestBody: jsonBody(excludeBody),
      responses: { '204': { description: 'Left out' }, '404': { description: 'No such answer in this session, or it is already left out' }, '422': { description: 'No reason, or not one of the reasons' } },
    },
  },
  '/api/v1/sessions/{id}/evaluation/answers/{submissionId}/include': {
    post: {
      summary: 'Count again an answer that was left out (session.record)',
      tags: ['evaluation'],
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        { name: 'submissionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      ],
      responses: { '204': { description: 'Counted again' }, '404': { description: 'No such answer in this session, or it counts already' } },
    },
  },
}
