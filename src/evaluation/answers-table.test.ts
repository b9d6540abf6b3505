import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { aCode, aSessionWithLinks, parentsAnswers } from '../../test/evaluation-builders.ts'
import { useTestApp, type TestApp } from '../../test/harness.ts'
import { aProgramme, cli, HARJOSARI_I, TIMBANG_DELI } from '../../test/outreach-builders.ts'
import { createApiToken } from '../accounts/users.ts'

const jaga = useTestApp()

/** `n` answers straight into the table (the intake is tested elsewhere): fast enough for thousands. */
async function manyAnswers(jaga: TestApp, s: Awaited<ReturnType<typeof aSessionWithLinks>>, n: number, o: { phase?: 'pre' | 'post'; code?: (i: number) => string; excluded?: string; startMinute?: number } = {}) {
  const link = s.links.find((l) => l.phase === (o.phase ?? 'pre'))!
  const rows = Array.from({ length: n }, (_, i) => ({
    id: crypto.randomUUID(),
    linkId: link.id,
    sessionId: s.session.id,
    phase: o.phase ?? 'pre',
    questionnaireVersionId: link.questionnaireVersionId,
    groupKind: 'parents',
    code: o.code ? o.code(i) : `Q${String.fromCharCode(65 + (i % 26))}-${String(1 + (i % 28)).padStart(2, '0')}-A-${i % 10}`,
    answers: '{}',
    score: i % 16,
    maxScore: 15,
    source: 'phone' as const,
    receivedAt: new Date(Date.UTC(2026, 10, 20, 8, (o.startMinute ?? 0) + i)).toISOString(),
    excludedAt: o.excluded ? new Date().toISOString() : null,
    excludedBy: null,
    excludedReason: (o.excluded ?? null) as never,
  }))
  for (let i = 0; i < rows.length; i += 200) await jaga.db.insertInto('submissions').values(rows.slice(i, i + 200)).execute()
  return rows
}

const table = async (agent: Awaited<ReturnType<typeof sessionAgent>>, sessionId: string, query = '') => {
  const res = await agent.get(`/sessions/${sessionId}/evaluation/answers${query}`)
  return { status: res.status, html: await res.text() }
}
const rowsOf = (html: string) => (html.match(/name="ids"/g) ?? []).length

describe('the answers table of a session', () => {
  it('shows 100 answers a page with previous and next, filtered by round, status and code', async () => {
    const s = await aSessionWithLinks(jaga)
    await manyAnswers(jaga, s, 230)
    await manyAnswers(jaga, s, 20, { phase: 'post', startMinute: 300, code: (i) => `PO-${String(i + 1).padStart(2, '0')}-B-1` })
    await manyAnswers(jaga, s, 7, { startMinute: 400, excluded: 'held', code: (i) => `HE-0${i}-C-1` })
    await manyAnswers(jaga, s, 3, { startMinute: 500, excluded: 'test', code: (i) => `TE-0${i}-C-1` })
    const first = await table(s.agent, s.session.id)
    expect(first.status).toBe(200)
    expect(rowsOf(first.html)).toBe(100)
    expect(textOf(first.html)).toContain('Answers 1–100 of 260')
    expect(first.html).toContain(`href="/sessions/${s.session.id}/evaluation/answers?page=2" rel="next"`)
    expect(first.html).not.toContain('rel="prev"')
    // Newest first: the last test answer (the 260th code written) leads; rows name participants by number, not code.
    expect(textOf(first.html).indexOf('Participant 260')).toBeLessThan(textOf(first.html).indexOf('Participant 257'))
    const last = await table(s.agent, s.session.id, '?page=3')
    expect(rowsOf(last.html)).toBe(60)
    expect(textOf(last.html)).toContain('Answers 201–260 of 260')
    expect(last.html).toContain('rel="prev"')
    expect(last.html).not.toContain('rel="next"')

    const post = await table(s.agent, s.session.id, '?phase=post')
    expect(textOf(post.html)).toContain('Answers 1–20 of 20')
    expect(textOf(post.html)).toContain('Participant 250')
    expect(textOf(post.html)).not.toMatch(/Participant 1\b/)
    expect(textOf((await table(s.agent, s.session.id, '?status=held')).html)).toContain('Answers 1–7 of 7')
    expect(textOf((await table(s.agent, s.session.id, '?status=left-out')).html)).toContain('Answers 1–3 of 3')
    expect(textOf((await table(s.agent, s.session.id, '?status=counted')).html)).toContain('Answers 1–100 of 250')
    // A code as its beginning, whole, or typed in small letters; the filters stay in the page links.
    expect(textOf((await table(s.agent, s.session.id, '?code=PO-1')).html)).toContain('Answers 1–10 of 10')
    const exact = await table(s.agent, s.session.id, '?code=po-07-b-1&phase=post')
    expect(textOf(exact.html)).toContain('Answers 1–1 of 1')
    expect(exact.html).toMatch(/<input[^>]*name="code"[^>]*value="po-07-b-1"/)
    const prefix = await table(s.agent, s.session.id, '?code=Q&status=counted')
    expect(prefix.html).toContain('?status=counted&amp;code=Q&amp;page=2" rel="next"')
    // A LIKE wildcard is no wildcard; nothing matches an unknown code; a wrong value shows everything.
    expect(textOf((await table(s.agent, s.session.id, '?code=%25')).html)).toContain('of 260')
    expect(textOf((await table(s.agent, s.session.id, '?code=ZZ')).html)).toContain('No answers match these filters.')
    expect(textOf((await table(s.agent, s.session.id, '?status=gone&page=-1')).html)).toContain('Answers 1–100 of 260')
  })

  it('renders 2,000 answers a page at a time with one date formatter per request', async () => {
    const s = await aSessionWithLinks(jaga)
    await manyAnswers(jaga, s, 2000)
    const real = Intl.DateTimeFormat
    let made = 0
    Intl.DateTimeFormat = new Proxy(real, { construct: (target, args: ConstructorParameters<typeof real>) => (made++, new target(...args)), apply: (target, _, args: ConstructorParameters<typeof real>) => (made++, target(...args)) })
    try {
      const page = await table(s.agent, s.session.id, '?page=20')
      expect(textOf(page.html)).toContain('Answers 1,901–2,000 of 2,000')
      expect(rowsOf(page.html)).toBe(100)
      // One for the table; a formatter per row (100) was the old way.
      expect(made).toBeGreaterThan(0)
      expect(made).toBeLessThan(5)
    } finally {
      Intl.DateTimeFormat = real
    }
  })

  it('opens one answer with every question and what was answered; written answers only once released', async () => {
    const s = await aSessionWithLinks(jaga)
    const preId = crypto.randomUUID()
    await s.send('pre', { id: preId, code: aCode('DE'), answers: parentsAnswers(3) })
    const feedbackId = crypto.randomUUID()
    await s.send('feedback', { id: feedbackId, code: aCode('DE'), answers: { useful: '5', clear: '2', want_to_know: 'Cara melapor akun palsu' } })
    const list = await table(s.agent, s.session.id, '?phase=pre')
    expect(list.html).toContain(`href="/sessions/${s.session.id}/evaluation/answers/${preId}?phase=pre"`)
    const pre = await s.agent.get(`/sessions/${s.session.id}/evaluation/answers/${preId}?phase=pre`)
    expect(pre.status).toBe(200)
    const preHtml = await pre.text()
    const preText = textOf(preHtml)
    expect(preText).toContain('Answer of Participant 1 · Before the session')
    expect(preText).toContain('Code (only for checking pairs) DE-07-A-2')
    expect(preText).toContain('Score 3/15')
    expect(preText).toContain('All answers')
    expect((preHtml.match(/<span class="tag">right<\/span>/g) ?? []).length).toBe(3)
    expect((preHtml.match(/<span class="tag">wrong<\/span>/g) ?? []).length).toBe(12)
    // Labels of the questions, not only their ids.
    expect(preText).not.toMatch(/\bk01\b/)
    const feedback = async () => textOf(await (await s.agent.get(`/sessions/${s.session.id}/evaluation/answers/${feedbackId}`)).text())
    expect(await feedback()).toContain('5 of 5')
    expect(await feedback()).not.toContain('Cara melapor akun palsu')
    expect(await feedback()).toContain('shown once a referral person has read and released it')
    const coordinator = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    expect((await coordinator.post(`/sessions/${s.session.id}/evaluation/comments/${feedbackId}/want_to_know/release`)).status).toBe(303)
    expect(await feedback()).toContain('Cara melapor akun palsu')
    // In Indonesian too; never for a facilitator of another session or a partner; another session's id is not found.
    const id = textOf(await (await coordinator.lang('id').get(`/sessions/${s.session.id}/evaluation/answers/${preId}`)).text())
    expect(id).toContain('Jawaban Peserta 1 · Sebelum kegiatan')
    expect(id).toContain('benar')
    expect((await (await sessionAgent(jaga, await aUser(jaga, 'facilitator'))).get(`/sessions/${s.session.id}/evaluation/answers/${preId}`)).status).toBe(403)
    expect((await (await sessionAgent(jaga, await aUser(jaga, 'partner'))).get(`/sessions/${s.session.id}/evaluation/answers/${preId}`)).status).toBe(403)
    const other = await aSessionWithLinks(jaga, { facilitator: s.facilitator })
    expect((await s.agent.get(`/sessions/${other.session.id}/evaluation/answers/${preId}`)).status).toBe(404)
  })

  it('leaves the chosen answers out with one reason and counts them again, one audit entry per answer', async () => {
    const s = await aSessionWithLinks(jaga)
    const rows = await manyAnswers(jaga, s, 6, { code: (i) => `BK-0${i}-A-1` })
    const chosen = rows.slice(0, 3).map((r) => r.id)
    const bulk = (form: Record<string, string>, ids: string[], query = '', agent = s.agent) => {
      const body = new FormData()
      for (const [k, v] of Object.entries(form)) body.set(k, v)
      for (const id of ids) body.append('ids', id)
      return agent.post(`/sessions/${s.session.id}/evaluation/answers/bulk${query}`, body)
    }
    const noReason = await bulk({ action: 'exclude', reason: '' }, chosen)
    expect(noReason.status).toBe(422)
    const refused = await noReason.text()
    expect(textOf(refused)).toContain('Choose the reason first.')
    expect(refused.match(/name="ids" value="[^"]+" checked/g)?.length).toBe(3)
    const none = await bulk({ action: 'exclude', reason: 'duplicate' }, [])
    expect(none.status).toBe(422)
    expect(textOf(await none.text())).toContain('Choose at least one answer in the table.')
    // Without the form's token, or from a facilitator of another session: refused.
    const noCsrf = new URLSearchParams({ action: 'exclude', reason: 'test', ids: chosen[0]! })
    expect((await s.agent.send(`/sessions/${s.session.id}/evaluation/answers/bulk`, { method: 'POST', body: noCsrf })).status).toBe(403)
    expect((await bulk({ action: 'exclude', reason: 'test' }, chosen, '', await sessionAgent(jaga, await aUser(jaga, 'facilitator')))).status).toBe(403)

    const done = await bulk({ action: 'exclude', reason: 'duplicate' }, chosen, '?code=BK&page=1')
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe(`/sessions/${s.session.id}/evaluation/answers?code=BK&page=1&changed=3`)
    expect(textOf(await (await s.agent.get(done.headers.get('location')!)).text())).toContain('3 answers changed.')
    const stored = await jaga.db.selectFrom('submissions').select(['id', 'excludedReason', 'excludedBy']).where('sessionId', '=', s.session.id).execute()
    expect(stored.filter((r) => r.excludedReason === 'duplicate').map((r) => r.id).sort()).toEqual([...chosen].sort())
    expect(stored.find((r) => r.id === chosen[0])!.excludedBy).toBe(s.facilitator.id)
    const audit = async (action: string) =>
      (await jaga.db.selectFrom('auditEntries').select('summary').where('subjectId', '=', s.session.id).where('action', '=', action).execute()).map((a) => JSON.parse(a.summary) as { submission: string; reason?: string })
    expect((await audit('evaluation.exclude')).map((a) => a.submission).sort()).toEqual([...chosen].sort())
    expect((await audit('evaluation.exclude')).every((a) => a.reason === 'duplicate')).toBe(true)
    expect(textOf((await table(s.agent, s.session.id, '?status=left-out')).html)).toContain('Answers 1–3 of 3')

    // Counting again all six changes only the three left out; leaving out again ones already out changes none.
    const back = await bulk({ action: 'include', reason: '' }, rows.map((r) => r.id))
    expect(back.headers.get('location')).toContain('changed=3')
    expect((await audit('evaluation.include')).map((a) => a.submission).sort()).toEqual([...chosen].sort())
    expect(textOf((await table(s.agent, s.session.id, '?status=counted')).html)).toContain('Answers 1–6 of 6')
    // A coordinator sees the table but a partner does not; only those who record a session get the checkboxes.
    const partner = await sessionAgent(jaga, await aUser(jaga, 'partner'))
    expect((await partner.get(`/sessions/${s.session.id}/evaluation/answers`)).status).toBe(403)
  })
})

describe('the answers API', () => {
  it('takes the same filters and paging as query parameters', async () => {
    const s = await aSessionWithLinks(jaga)
    await manyAnswers(jaga, s, 130)
    await manyAnswers(jaga, s, 4, { phase: 'post', startMinute: 200, code: (i) => `AP-0${i}-A-1` })
    await manyAnswers(jaga, s, 2, { startMinute: 300, excluded: 'held', code: (i) => `AH-0${i}-A-1` })
    const bearer = await createApiToken(jaga.db, cli, (await aUser(jaga, 'coordinator')).email, 'answers')
    const api = async (query: string) => {
      const res = await jaga.request(`http://localhost/api/v1/sessions/${s.session.id}/evaluation/answers${query}`, { headers: { Authorization: `Bearer ${bearer}` } })
      return { status: res.status, body: (await res.json()) as { answers: { code: string; phase: string; excludedReason: string | null }[]; total: number; page: number; pageSize: number } }
    }
    const first = await api('')
    expect([first.body.answers.length, first.body.total, first.body.page, first.body.pageSize]).toEqual([100, 136, 1, 100])
    expect(first.body.answers[0]).not.toHaveProperty('answers')
    expect((await api('?page=2')).body.answers).toHaveLength(36)
    expect((await api('?pageSize=1000')).body.answers).toHaveLength(136)
    const post = await api('?phase=post')
    expect(post.body.total).toBe(4)
    expect(post.body.answers.every((a) => a.phase === 'post')).toBe(true)
    expect((await api('?status=held')).body.answers.map((a) => a.excludedReason)).toEqual(['held', 'held'])
    expect((await api('?code=ap-02')).body.answers.map((a) => a.code)).toEqual(['AP-02-A-1'])
    expect((await api('?code=A&phase=pre&status=held')).body.total).toBe(2)
    for (const bad of ['?status=maybe', '?phase=during', '?page=0', '?pageSize=5000']) expect((await api(bad)).status, bad).toBe(422)
  })
})

describe('a programme’s baseline awareness', () => {
  it('is filled from the pre-test of its group in its area once there are 5 answers', async () => {
    const facilitator = await aUser(jaga, 'facilitator')
    const programme = await aProgramme(jaga, { facilitators: [facilitator] })
    const coordinator = (await sessionAgent(jaga, await aUser(jaga, 'coordinator'))).lang('en')
    for (const [areaId, groupKind, baselineLevel] of [[HARJOSARI_I, 'parents', 'high'], [HARJOSARI_I, 'teachers', 'unknown'], [TIMBANG_DELI, 'parents', 'unknown']] as const)
      expect((await coordinator.post(`/programmes/${programme.id}/target-groups`, { areaId, groupKind, estimatedSize: '100', baselineLevel })).status).toBe(303)
    const s = await aSessionWithLinks(jaga, { programmeId: programme.id, facilitator })
    const cell = async (area: string, group: string) => {
      const html = await (await coordinator.get(`/programmes/${programme.id}`)).text()
      const row = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => textOf(m[1]!)).find((r) => r.includes(area) && r.includes(group))
      return row ?? ''
    }
    // 4 answers (3, 5, 7, 9 right of 15) say too little: the staff's estimate stays.
    for (const [i, right] of [3, 5, 7, 9].entries()) await s.send('pre', { id: crypto.randomUUID(), code: aCode(`B${String.fromCharCode(65 + i)}`), answers: parentsAnswers(right) })
    expect(await cell('Harjosari I', 'Parents and caregivers')).toMatch(/High/)
    expect(await cell('Harjosari I', 'Parents and caregivers')).not.toContain('before-session tests')
    // The fifth (6 right), a post answer and a left-out pre answer: 30/75 = 40% right, low.
    await s.send('pre', { id: crypto.randomUUID(), code: aCode('BE'), answers: parentsAnswers(6) })
    await s.send('post', { id: crypto.randomUUID(), code: aCode('BA'), answers: parentsAnswers(15) })
    const outId = crypto.randomUUID()
    await s.send('pre', { id: outId, code: aCode('BZ'), answers: parentsAnswers(15) })
    await jaga.db.updateTable('submissions').set({ excludedAt: new Date().toISOString(), excludedReason: 'test' }).where('id', '=', outId).execute()
    const parents = await cell('Harjosari I', 'Parents and caregivers')
    expect(parents).toContain('Low 40% right on average in 5 before-session tests')
    expect(parents).toContain('first estimate: High')
    // Not another group of the area, nor the same group in another area.
    expect(await cell('Harjosari I', 'Teachers')).toContain('Not known yet')
    expect(await cell('Timbang Deli', 'Parents and caregivers')).toContain('Not known yet')
    // Another session in the area raises it: 5 more with 14 right → (30 + 70) / 150 = 67%, medium; in Indonesian too.
    const more = await aSessionWithLinks(jaga, { programmeId: programme.id, facilitator })
    for (const i of [0, 1, 2, 3, 4]) await more.send('pre', { id: crypto.randomUUID(), code: aCode(`C${String.fromCharCode(65 + i)}`), answers: parentsAnswers(14) })
    expect(await cell('Harjosari I', 'Parents and caregivers')).toContain('Medium 67% right on average in 10 before-session tests')
    coordinator.lang('id')
    expect(await cell('Harjosari I', 'Orang tua')).toContain('Sedang rata-rata 67% benar pada 10 tes sebelum kegiatan')
  })
})
