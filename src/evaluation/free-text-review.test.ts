import crypto from 'node:crypto'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf, type Agent } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { readPdf } from '../../test/pdf.ts'
import { aProgramme, aSession } from '../../test/outreach-builders.ts'

const jaga = useTestApp()

/** A session with parents' questionnaires and feedback opened by its facilitator. */
async function sessionWithFeedback() {
  const facilitator = await aUser(jaga, 'facilitator')
  const programme = await aProgramme(jaga, { facilitators: [facilitator] })
  const session = await aSession(jaga, programme.id, { audiences: ['parents'], facilitatorIds: [facilitator.id] })
  const agent = await sessionAgent(jaga, facilitator)
  const form = new URLSearchParams({ _csrf: agent.csrf, groupKind: 'parents', feedback: 'yes' })
  for (const e of ['mother', 'day', 'own', 'siblings']) form.append('codeElements', e)
  expect((await agent.send(`/sessions/${session.id}/evaluation`, { method: 'POST', body: form })).status).toBe(303)
  const links = await jaga.db.selectFrom('collectionLinks').selectAll().where('sessionId', '=', session.id).execute()
  const token = (phase: string) => links.find((l) => l.phase === phase)!.token
  return { facilitator, programme, session, agent, token }
}

/** One participant's feedback with a written answer; returns the submission id. */
async function comment(token: string, text: string): Promise<string> {
  const id = crypto.randomUUID()
  const res = await jaga.request(`http://localhost/api/v1/collect/${token}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id, code: { mother: 'KO', day: '9', own: 'M', siblings: '1' }, answers: { useful: '4', clear: '5', want_to_know: text } }),
  })
  expect(res.status).toBe(201)
  return id
}

const pageText = async (agent: Agent, path: string) => textOf(await (await agent.get(path)).text())

async function xlsxSheets(agent: Agent, sessionId: string): Promise<{ comments: string; codebook: string; all: string }> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load((await (await agent.get(`/sessions/${sessionId}/evaluation/answers.xlsx`)).arrayBuffer()) as never)
  const sheet = (name: string) => {
    const rows: string[] = []
    book.getWorksheet(name)?.eachRow((row) => rows.push(JSON.stringify(row.values)))
    return rows.join('\n')
  }
  return { comments: sheet('comments'), codebook: sheet('codebook'), all: book.worksheets.map((w) => sheet(w.name)).join('\n') }
}

describe('participants’ written answers', () => {
  it('are shown nowhere, only counted as waiting, until a referral person released them; then they appear', async () => {
    const { session, programme, token } = await sessionWithFeedback()
    const words = 'Cara melapor akun palsu di Instagram'
    await comment(token('feedback'), words)
    const coordinator = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    const base = `/sessions/${session.id}/evaluation`

    const results = await pageText(coordinator, base)
    expect(results).not.toContain(words)
    expect(results).toContain('1 comment waiting for review')
    expect(results).toContain('Review the comments')
    const live = await pageText(coordinator, `${base}/live`)
    expect(live).not.toContain(words)
    expect(live).toContain('1 comment waiting for review')
    const pdf = (await readPdf(await coordinator.get(`${base}/report.pdf`))).text
    expect(pdf).not.toContain(words)
    expect(pdf).toContain('1 comment waiting for review')
    expect(await (await coordinator.get(`${base}/answers.csv`)).text()).not.toContain(words)
    expect(await (await coordinator.get(`${base}/codebook.csv`)).text()).toContain('1 comment is still waiting for review')
    const before = await xlsxSheets(coordinator, session.id)
    expect(before.all).not.toContain(words)
    expect(before.codebook).toContain('1 comment is still waiting for review')
    const api = JSON.stringify(await (await coordinator.get(`/api/v1${base}`)).json())
    expect(api).not.toContain(words)
    const programmePage = await pageText(coordinator, `/programmes/${programme.id}/evaluation`)
    expect(programmePage).not.toContain(words)
    expect(programmePage).toContain('1 comment waiting for review')
    const programmePdf = (await readPdf(await coordinator.get(`/programmes/${programme.id}/evaluation.pdf`))).text
    expect(programmePdf).not.toContain(words)
    expect(programmePdf).toContain('1 comment waiting for review')

    // The review page lists it (and the read is audited); releasing it shows it everywhere but on the projector.
    const review = await pageText(coordinator, `${base}/comments`)
    expect(review).toContain(words)
    const submission = await jaga.db.selectFrom('submissions').select('id').where('sessionId', '=', session.id).where('phase', '=', 'feedback').executeTakeFirstOrThrow()
    const released = await coordinator.post(`${base}/comments/${submission.id}/want_to_know/release`)
    expect(released.status).toBe(303)
    expect(released.headers.get('location')).toBe(`${base}/comments?done=released`)
    expect(await pageText(coordinator, `${base}/comments?done=released`)).toContain('No comments are waiting.')

    const after = await pageText(coordinator, base)
    expect(after).toContain(words)
    expect(after).not.toContain('waiting for review')
    expect((await readPdf(await coordinator.get(`${base}/report.pdf`))).text).toContain(words)
    expect(await pageText(coordinator, `/programmes/${programme.id}/evaluation`)).toContain(words)
    expect((await readPdf(await coordinator.get(`/programmes/${programme.id}/evaluation.pdf`))).text).toContain(words)
    const sheets = await xlsxSheets(coordinator, session.id)
    expect(sheets.comments).toContain(words)
    expect(sheets.codebook).toContain('0 comments are still waiting for review')
    // answers.csv is what `jaga analyze` reads: codes and scores, never anyone's words.
    expect(await (await coordinator.get(`${base}/answers.csv`)).text()).not.toContain(words)
    expect(await pageText(coordinator, `${base}/live`)).not.toContain(words)

    const audit = await jaga.db.selectFrom('auditEntries').select(['action', 'summary']).where('subjectId', '=', session.id).where('action', 'like', 'free-text.%').execute()
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['free-text.list', 'free-text.release']))
    expect(JSON.stringify(audit)).not.toContain('Instagram')
  })

  it('are reviewed only by those who read the session’s disclosures; a partner never sees them', async () => {
    const { session, programme, token, agent: ownFacilitator } = await sessionWithFeedback()
    const words = 'Bagaimana mengatur waktu layar anak'
    const submissionId = await comment(token('feedback'), words)
    const base = `/sessions/${session.id}/evaluation`
    const stranger = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    expect((await stranger.get(`${base}/comments`)).status).toBe(403)
    expect((await stranger.post(`${base}/comments/${submissionId}/want_to_know/release`)).status).toBe(403)
    expect(await pageText(stranger, '/disclosures')).not.toContain(session.title)
    expect(await pageText(ownFacilitator, `${base}/comments`)).toContain(words)
    expect(await pageText(ownFacilitator, '/disclosures')).toMatch(new RegExp(`${session.title} ?: 1 comment waiting for review`))

    const partner = await sessionAgent(jaga, await aUser(jaga, 'partner'))
    // Refused (or, where partners are tied to their institution's programmes, not even found).
    expect([403, 404]).toContain((await partner.get(`${base}/comments`)).status)
    expect([403, 404]).toContain((await partner.post(`${base}/comments/${submissionId}/want_to_know/release`)).status)
    expect((await ownFacilitator.post(`${base}/comments/${submissionId}/want_to_know/release`)).status).toBe(303)
    // Released, the words still never reach a partner: whatever the programme pages show them, not this.
    const partnerPage = await partner.get(`/programmes/${programme.id}/evaluation`)
    expect(await partnerPage.text()).not.toContain(words)
    const partnerPdf = await partner.get(`/programmes/${programme.id}/evaluation.pdf`)
    if (partnerPdf.headers.get('content-type') === 'application/pdf') expect((await readPdf(partnerPdf)).text).not.toContain(words)
    else expect([403, 404]).toContain(partnerPdf.status)
    expect([403, 404]).toContain((await partner.get(base)).status)
  })

  it('flagged as telling of harm move to the disclosures, out of the answers, with a way to record a referral', async () => {
    const { session, token } = await sessionWithFeedback()
    const words = 'Tetangga kami sering mengajak anak saya main ke rumahnya kalau malam'
    const submissionId = await comment(token('feedback'), words)
    // The automatic detector let it through: a person has to see it.
    const stored = async () => (await jaga.db.selectFrom('submissions').select('answers').where('id', '=', submissionId).executeTakeFirstOrThrow()).answers
    expect(await stored()).toContain(words)
    const coordinator = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    const base = `/sessions/${session.id}/evaluation`
    expect(await pageText(coordinator, '/disclosures')).toMatch(new RegExp(`${session.title} ?: 1 comment waiting for review`))

    const flagged = await coordinator.post(`${base}/comments/${submissionId}/want_to_know/flag`)
    expect(flagged.status).toBe(303)
    expect(await stored()).not.toContain(words)
    expect(JSON.parse(await stored())).toEqual({ useful: 4, clear: 5 })
    const disclosure = await jaga.db.selectFrom('disclosures').selectAll().where('submissionId', '=', submissionId).executeTakeFirstOrThrow()
    expect(disclosure).toMatchObject({ sessionId: session.id, itemId: 'want_to_know', text: words, handledAt: null })
    const list = await pageText(coordinator, '/disclosures')
    expect(list).toContain(words)
    expect(list).toContain('Record a referral')
    expect(list).not.toMatch(new RegExp(`${session.title} ?: 1 comment waiting`))
    expect(await pageText(coordinator, `${base}/comments?done=flagged`)).toContain('The text was moved to the disclosures')
    const results = await pageText(coordinator, base)
    expect(results).not.toContain(words)
    expect(results).not.toContain('waiting for review')
    expect((await readPdf(await coordinator.get(`${base}/report.pdf`))).text).not.toContain(words)
    // Gone from the answers, it cannot be released or flagged again.
    expect((await coordinator.post(`${base}/comments/${submissionId}/want_to_know/release`)).status).toBe(404)
    const audit = await jaga.db.selectFrom('auditEntries').select(['action', 'summary']).where('subjectId', '=', session.id).where('action', '=', 'free-text.flag').execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.summary).not.toContain('Tetangga')
  })

  it('decided once: a second decision on the same comment changes nothing and says someone decided already', async () => {
    const { session, token } = await sessionWithFeedback()
    const submissionId = await comment(token('feedback'), 'Materi tentang pengaturan privasi WhatsApp')
    const coordinator = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    const base = `/sessions/${session.id}/evaluation/comments/${submissionId}/want_to_know`
    expect((await coordinator.post(`${base}/release`)).status).toBe(303)
    const again = await coordinator.post(`${base}/flag`)
    expect(again.headers.get('location')).toContain('done=already')
    expect(await jaga.db.selectFrom('disclosures').select('id').where('submissionId', '=', submissionId).execute()).toHaveLength(0)
    expect((await coordinator.post(`/sessions/${session.id}/evaluation/comments/${submissionId}/useful/release`)).status).toBe(404)
  })
})
