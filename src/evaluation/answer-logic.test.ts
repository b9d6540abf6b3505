import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { textOf } from '../../test/agent.ts'
import { aCode, aSessionWithLinks } from '../../test/evaluation-builders.ts'
import { useTestApp } from '../../test/harness.ts'
import { useLogicQuestionnaire } from '../../test/logic-questionnaire.ts'
import { sessionResults } from './session-results.ts'

const jaga = useTestApp()

const yes = { has_children: 'yes', children: '2', visit: '2026-11-30', job: 'farmer', district: 'amplas', village: 'harjosari', k1: 'true', k2: 'true', k3: 'false', k4: 'true' }

async function logicSession() {
  const s = await aSessionWithLinks(jaga)
  const pre = s.links.find((l) => l.phase === 'pre')!
  await useLogicQuestionnaire(jaga, pre.id)
  const post = (body: unknown, lang = 'en') =>
    jaga.request(`http://localhost/api/v1/collect/${pre.token}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': lang }, body: JSON.stringify(body) })
  return { ...s, pre, post }
}

describe('answers from a phone under skip logic', () => {
  it('are stored without the hidden questions, whose scored items count neither right nor wrong: 3 of 3, not 3 of 4, also on the results page and in the export', async () => {
    const { session, agent, post } = await logicSession()
    // A parent without children: the number of children (even 2.5) and the parents' statement were hidden on the form.
    const none = crypto.randomUUID()
    expect((await post({ id: none, code: aCode('NO'), answers: { ...yes, has_children: 'no', why_none: 'ingin tahu', children: '2.5' } })).status).toBe(201)
    expect((await post({ id: crypto.randomUUID(), code: aCode('AL'), answers: yes })).status).toBe(201)
    expect((await post({ id: crypto.randomUUID(), code: aCode('WR'), answers: { ...yes, k2: 'false' } })).status).toBe(201)
    const row = await jaga.db.selectFrom('submissions').select(['answers', 'score', 'maxScore']).where('id', '=', none).executeTakeFirstOrThrow()
    expect([row.score, row.maxScore]).toEqual([3, 3])
    expect(Object.keys(JSON.parse(row.answers))).not.toContain('children')
    expect(Object.keys(JSON.parse(row.answers))).not.toContain('k2')

    // Mean share (3/3 + 4/4 + 3/4) / 3 = 92%, not 83%; statement two right for 1 of the 2 shown it, not 1 of 3.
    const page = textOf(await (await agent.get(`/sessions/${session.id}/evaluation`)).text())
    expect(page).toContain('Mean share of correct answers: 92% before')
    const group = (await sessionResults(jaga.db, session.id)).groups[0]!
    expect(group.preShare).toBeCloseTo((1 + 1 + 0.75) / 3, 10)
    const items = group.items
    expect(items.find((i) => i.id === 'k2')!.preCorrect).toBe(0.5)
    expect(items.find((i) => i.id === 'k1')!.preCorrect).toBe(1)
    const csv = (await (await agent.get(`/sessions/${session.id}/evaluation/answers.csv`)).text()).trim().split('\n')
    const header = csv[0]!.split(',')
    const cellOf = (code: string, column: string) => csv.find((l) => l.startsWith(code))!.split(',')[header.indexOf(column)]
    expect([cellOf('NO-07-A-2', 'k2'), cellOf('NO-07-A-2', 'k1'), cellOf('WR-07-A-2', 'k2')]).toEqual(['', '1', '0'])
  })

  it('are refused field by field in the participant’s language: a failed constraint with the questionnaire’s own message, 2.5 children, an impossible date, "Other" without text, a village outside the district', async () => {
    const { session, post } = await logicSession()
    const body = { id: crypto.randomUUID(), code: aCode('CO'), answers: { ...yes, children: '-3', visit: '2026-02-30', job: 'other', village: 'kedai_durian' } }
    const en = await post(body)
    expect(en.status).toBe(422)
    const messages = (r: { errors: { field: string; message: string }[] }) => Object.fromEntries(r.errors.map((e) => [e.field, e.message]))
    expect(messages(await en.json())).toEqual({
      'a.children': 'The number of children is between 1 and 20.',
      'a.visit': 'Write a real date as YYYY-MM-DD (for example 2026-01-31), between 1900 and 2100.',
      'a.job_other': 'Write the "Other" answer.',
      'a.village': 'This choice is not offered for the earlier answers. Choose one of those offered.',
    })
    const id = await post(body, 'id')
    expect(messages(await id.json())['a.children']).toBe('Jumlah anak antara 1 dan 20.')
    const half = await post({ ...body, answers: { ...yes, children: '2.5' } }, 'id')
    expect(messages(await half.json())).toEqual({ 'a.children': 'Tulis bilangan bulat, tanpa koma (misalnya 3).' })
    const early = await post({ ...body, answers: { ...yes, visit: '2019-05-01' } })
    expect(messages(await early.json())).toEqual({ 'a.visit': 'This answer does not meet the question’s condition. Please check it.' })
    expect(await jaga.db.selectFrom('submissions').select('id').where('sessionId', '=', session.id).execute()).toHaveLength(0)
    // "Don't know" is taken and scored wrong; "Other" keeps its written answer under its own key.
    const ok = { id: crypto.randomUUID(), code: aCode('DK'), answers: { ...yes, k1: 'dont_know', job: 'other', job_other: 'tukang ojek' } }
    expect((await post(ok)).status).toBe(201)
    const row = await jaga.db.selectFrom('submissions').select(['answers', 'score', 'maxScore']).where('id', '=', ok.id).executeTakeFirstOrThrow()
    expect([row.score, row.maxScore]).toEqual([3, 4])
    expect(JSON.parse(row.answers)).toMatchObject({ k1: 'dont_know', job: 'other', job_other: 'tukang ojek', children: 2 })
  })
})

describe('answers typed by staff under skip logic', () => {
  it('refuse a paper row that answers a hidden question, naming the question, and save it once the cell is cleared', async () => {
    const { session, agent, pre } = await logicSession()
    const form: Record<string, string> = { 'r0.id': crypto.randomUUID(), 'r0.code.mother': 'PA', 'r0.code.day': '4', 'r0.code.own': 'R', 'r0.code.siblings': '1' }
    const cells = { ...yes, has_children: 'no', why_none: 'diajak tetangga', visit: '1/12/2026', k1: '?' }
    for (const [k, v] of Object.entries(cells)) form[`r0.a.${k}`] = v
    const path = `/sessions/${session.id}/evaluation/links/${pre.id}/paper`
    const refused = await agent.post(path, form)
    expect(refused.status).toBe(422)
    const text = textOf(await refused.text())
    expect(text).toContain('Row 1: question 2 — This question is skipped given the earlier answers, so it cannot have an answer. Leave it empty; this row was not saved.')
    expect(text).toContain('question 9 — This question is skipped')
    expect(await jaga.db.selectFrom('submissions').select('id').where('sessionId', '=', session.id).execute()).toHaveLength(0)
    const cleared = { ...form, 'r0.a.children': '', 'r0.a.k2': '' }
    expect((await agent.post(path, cleared)).status).toBe(200)
    const row = await jaga.db.selectFrom('submissions').select(['answers', 'score', 'maxScore', 'source']).where('sessionId', '=', session.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ score: 2, maxScore: 3, source: 'paper' })
    expect(JSON.parse(row.answers)).toMatchObject({ visit: '2026-12-01', k1: 'dont_know' })
  })

  it('have a cell for the written "Other" answer and say how to type "don\'t know" on the paper grid', async () => {
    const { session, agent, pre } = await logicSession()
    const path = `/sessions/${session.id}/evaluation/links/${pre.id}/paper`
    const page = await (await agent.get(path)).text()
    expect(page).toContain('name="r0.a.job_other"')
    expect(textOf(page)).toContain('Other: write the answer in column 5+')
    expect(textOf(page)).toContain("? = Don't know")
    const form: Record<string, string> = { 'r0.id': crypto.randomUUID(), 'r0.code.mother': 'OT', 'r0.code.day': '4', 'r0.code.own': 'R', 'r0.code.siblings': '1' }
    for (const [k, v] of Object.entries({ ...yes, visit: '1/12/2026', job: 'other', job_other: 'tukang ojek' })) form[`r0.a.${k}`] = v
    expect((await agent.post(path, form)).status).toBe(200)
    const row = await jaga.db.selectFrom('submissions').select('answers').where('sessionId', '=', session.id).executeTakeFirstOrThrow()
    expect(JSON.parse(row.answers)).toMatchObject({ job: 'other', job_other: 'tukang ojek' })
  })

  it('refuse a CSV line that answers a hidden question, and read KoboToolbox’s <name>_other column', async () => {
    const { session, agent, pre } = await logicSession()
    const header = ['mother', 'day', 'own', 'siblings', ...Object.keys(yes), 'job_other', 'why_none']
    const line = (code: string[], answers: Record<string, string>, other = '', why = '') => [...code, ...Object.keys(yes).map((k) => answers[k] ?? ''), other, why]
    const csv = [header, line(['SI', '7', 'A', '2'], { ...yes, job: 'other' }, 'tukang ojek'), line(['BU', '8', 'N', '1'], { ...yes, has_children: 'no' }, '', 'ingin tahu')].map((r) => r.join(',')).join('\n')
    const mapping: Record<string, string> = { csv }
    for (const h of header) if (h !== 'job_other') mapping[['mother', 'day', 'own', 'siblings'].includes(h) ? `map.code.${h}` : `map.a.${h}`] = h
    const res = await agent.post(`/sessions/${session.id}/evaluation/links/${pre.id}/import/apply`, mapping)
    const text = textOf(await res.text())
    expect(text).toContain('1 answer stored, 0 were already there, 1 row refused.')
    expect(text).toContain('line 3: question 2 — This question is skipped given the earlier answers')
    const row = await jaga.db.selectFrom('submissions').select(['answers', 'code']).where('sessionId', '=', session.id).executeTakeFirstOrThrow()
    expect(row.code).toBe('SI-07-A-2')
    expect(JSON.parse(row.answers)).toMatchObject({ job: 'other', job_other: 'tukang ojek' })
  })
})
