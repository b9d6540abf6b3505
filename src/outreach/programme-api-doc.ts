// The OpenAPI description of the programme routes (programmes, target groups, visit plans).
import { z } from 'zod'
import { jsonBody, jsonResponse, type OpenApiPaths } from '../platform/http/openapi.ts'
import { programmeInput, PROGRAMME_STATUSES } from './programme-form.ts'
import { targetGroupInput, GROUP_KINDS, BASELINE_LEVELS } from './target-group-form.ts'
import { visitPlanInput } from './visit-plans.ts'

const programmeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  goal: z.string().nullable(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  status: z.enum(PROGRAMME_STATUSES),
  coordinatorId: z.uuid().nullable(),
  areaIds: z.array(z.uuid()),
  facilitatorIds: z.array(z.uuid()),
  partnerIds: z.array(z.uuid()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})

const targetGroupSchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  areaId: z.uuid(),
  groupKind: z.enum(GROUP_KINDS),
  estimatedSize: z.number().int().nullable(),
  baselineLevel: z.enum(BASELINE_LEVELS),
  baselineNote: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
const measuredBaselineSchema = z
  .object({
    level: z.enum(['low', 'medium', 'high']).describe('Under 50% right on average is low, 75% or more high'),
    share: z.number().min(0).max(1).describe('The mean share of right answers in the pre-tests'),
    answers: z.number().int().describe('How many counted pre-test answers it is measured from'),
  })
  .nullable()
  .describe('Measured from the counted pre-test answers of this group in sessions held in its area (or inside it); null until there are at least 5')
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }]

const visitSchema = z.object({
  planId: z.uuid(),
  programmeId: z.uuid(),
  areaId: z.uuid(),
  areaName: z.string(),
  parentName: z.string(),
  everyMonths: z.number().int(),
  lastVisit: z.iso.date().nullable(),
  nextDue: z.iso.date(),
  overdue: z.boolean(),
  nextScheduled: z.string().nullable(),
  knowledge: z.number().nullable().optional().describe('Mean share of correct answers after the sessions there, among pre/post pairs; null when not measured'),
})

export const programmeApiDoc: OpenApiPaths = {
  '/api/v1/programmes/{id}': {
    get: { summary: 'One programme (programme.view)', tags: ['outreach'], parameters: idParam, responses: { '200': jsonResponse('The programme', programmeSchema), '404': { description: 'No such programme' } } },
    put: { summary: 'Replace a programme’s fields and links (programme.edit)', tags: ['outreach'], parameters: idParam, requestBody: jsonBody(programmeInput), responses: { '200': jsonResponse('The programme', programmeSchema), '404': { description: 'No such programme' } } },
  },
  '/api/v1/programmes/{id}/visits': {
    get: {
      summary: 'Every place the programme plans to visit regularly: last visit, next due date, overdue, next scheduled session (programme.view)',
      tags: ['outreach'],
      parameters: idParam,
      responses: { '200': jsonResponse('Visit status: overdue first, then by month due, lowest knowledge first within a month', z.object({ visits: z.array(visitSchema) })), '404': { description: 'No such programme' } },
    },
  },
  '/api/v1/programmes/{id}/visit-plans': {
    post: {
      summary: 'Visit every neighbourhood of one of the programme’s areas every N months; planning an area again changes its interval (programme.edit)',
      tags: ['outreach'],
      parameters: idParam,
      requestBody: jsonBody(visitPlanInput),
      responses: { '201': jsonResponse('The programme’s visit plans', z.object({ visitPlans: z.array(z.object({ id: z.uuid(), areaId: z.uuid(), everyMonths: z.number().int(), areaName: z.string() })) })) },
    },
  },
  '/api/v1/programmes/{id}/target-groups': {
    get: {
      summary: 'A programme’s target groups per area, with estimated size, the staff’s first estimate of baseline awareness and the baseline its pre-tests measured (programme.view)',
      tags: ['outreach'],
      parameters: idParam,
      responses: { '200': jsonResponse('The target groups', z.object({ targetGroups: z.array(targetGroupSchema.extend({ measuredBaseline: measuredBaselineSchema })) })), '404': { description: 'No such programme' } },
    },
    post: {
      summary: 'Add a target group in one of the programme’s areas (programme.edit)',
      tags: ['outreach'],
      parameters: idParam,
      requestBody: jsonBody(targetGroupInput),
      responses: { '201': jsonResponse('The new target group', targetGroupSchema), '404': { description: 'No such programme' } },
    },
  },
  '/api/v1/programmes': {
    get: {
      summary: 'Programmes with their target areas, facilitators and partners (programme.view)',
      tags: ['outreach'],
      responses: { '200': jsonResponse('Every programme', z.object({ programmes: z.array(programmeSchema) })) },
    },
    post: {
      summary: 'Create a programme (programme.edit)',
      tags: ['outreach'],
      requestBody: jsonBody(programmeInput),
      responses: { '201': jsonResponse('The new programme', programmeSchema) },
    },
  },
}
