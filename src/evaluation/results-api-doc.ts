// The OpenAPI description of the session evaluation routes, and the JSON shapes they share.
import { z } from 'zod'
import { jsonBody, jsonResponse, type OpenApiPaths } from '../platform/http/openapi.ts'
import { GROUP_KINDS } from '../outreach/target-group-form.ts'
import { DEFAULT_CODE_ELEMENTS } from './code-elements.ts'
import { EXCLUSION_REASONS, HELD } from './evaluation-tables.ts'

export const openBody = z.object({
  groupKind: z.enum(GROUP_KINDS),
  questionnaireKey: z.string().optional().describe('Defaults to the knowledge test shipped for the group'),
  codeElements: z.array(z.string()).default([...DEFAULT_CODE_ELEMENTS]),
  feedback: z.boolean().default(true),
})
export const linkSchema = z.object({ id: z.uuid(), phase: z.enum(['pre', 'post', 'feedback', 'follow-up']), groupKind: z.enum(GROUP_KINDS), url: z.string().optional().describe('Only for those who see the session’s private parts'), token: z.string().optional(), open: z.boolean(), submissions: z.number() })

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
      summary: 'Open the pre, post (and feedback) links of a session for one of its audiences (session.record); 3–4 code elements from: mother, day, own, siblings, father',
      tags: ['evaluation'],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      requestBody: jsonBody(openBody),
      responses: { '201': jsonResponse('The new links', z.object({ links: z.array(linkSchema) })), '409': { description: 'Already open for this group, or the session was cancelled' } },
    },
  },
  '/api/v1/sessions/{id}/evaluation/answers': {
    get: {
      summary: 'Every answer of a session, newest first, with whether staff left it out of the results (programme.view). Codes and scores only, never the answers themselves',
      tags: ['evaluation'],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      responses: { '200': jsonResponse('The answers', z.object({ answers: z.array(answerSchema) })), '404': { description: 'No such session' } },
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
