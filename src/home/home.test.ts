import crypto from 'node:crypto'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { Agent, aUser, loginAs, sessionAgent, TEST_PASSWORD, textOf } from '../../test/agent.ts'
import { aCode, aSessionWithLinks, parentsAnswers } from '../../test/evaluation-builders.ts'
import { useTestApp } from '../../test/harness.ts'
import { aPartnerAccount } from '../../test/partner-builders.ts'
import { aHeldSession, aProgramme, aSession, cli, day, HARJOSARI_I, minutesAgo, TIME_ZONE } from '../../test/outreach-builders.ts'
import { inviteUser } from '../accounts/users.ts'
import { insertRevision } from '../library/revision-queries.ts'
import { recordAttendance } from '../outreach/sessions.ts'
import { planVisits } from '../outreach/visit-plans.ts'

const jaga = useTestApp()

const page = async (agent: Agent, path = '/home') => {
  const res = await agent.get(path)
  expect(res.status, path).toBe(200)
  return res.text()
}

describe('signing in', () => {
  it('lands every role on its start page, not on the area codes', async () => {
    for (const role of ['admin', 'coordinator', 'facilitator', 'partner'] as const) {
      const user = await aUser(jaga, role)
      const res = await new Agent(jaga).lang('en').post('/login', { email: user.email, password: TEST_PASSWORD })
      expect(res.status, role).toBe(303)
      expect(res.headers.get('location'), role).toBe('/home')
    }
  })

  it('still follows a next address it was given', async () => {
    const user = await aUser(jaga, 'coordinator')
    const res = await new Agent(jaga).post('/login?next=/programmes', { email: user.email, password: TEST_PASSWORD })
    expect(res.headers.get('location')).toBe('/programmes')
  })
})

describe("a facilitator's start page", () => {
  it('shows their own sessions today and this week with the links to run them, and no one else’s', async () => {
    const { agent, user } = await loginAs(jaga, 'facilitator')
    const other = await aUser(jaga, 'facilitator')
    const programme = await aProgramme(jaga, { facilitators: [user, other] })
    // Today from midnight to midnight: today's and not over whatever the hour the test runs (a fixed 23:00–23:30 was
    // over after 23:30 Jakarta time, and then came first among other tests' sessions to report).
    const today = await aSession(jaga, programme.id, { title: 'Kelas pagi hari ini', facilitatorIds: [user.id], startsAt: `${day(0)}T00:00`, endsAt: `${day(1)}T00:00` })
    await aSession(jaga, programme.id, { title: 'Seminar minggu ini', facilitatorIds: [user.id], startsAt: `${day(3)}T09:00`, endsAt: `${day(3)}T11:00` })
    await aSession(jaga, programme.id, { title: 'Bukan kegiatan saya', facilitatorIds: [other.id], startsAt: `${day(1)}T09:00`, endsAt: `${day(1)}T11:00` })
    await aSession(jaga, programme.id, { title: 'Bulan depan', facilitatorIds: [user.id], startsAt: `${day(20)}T09:00`, endsAt: `${day(20)}T11:00` })
    const html = await page(agent)
    const text = textOf(html)
    expect(text).toContain('Kelas pagi hari ini')
    expect(text).toContain('Seminar minggu ini')
    expect(text).not.toContain('Bukan kegiatan saya')
    expect(text).not.toContain('Bulan depan')
    for (const href of [`/sessions/${today.id}/evaluation`, `/sessions/${today.id}/evaluation/qr`, `/sessions/${today.id}#attendance`]) expect(html).toContain(`href="${href}"`)
    // Not held yet: the session page has no report form, so no link leads there.
    expect(html).not.toContain(`href="/sessions/${today.id}#report"`)
    // A facilitator has no overdue-visit, library or invitation lists.
    expect(text).not.toContain('Overdue visits')
    expect(text).not.toContain('Users waiting to accept an invitation')
  })

  it('lists their past sessions not reported yet, and answers waiting for review: held ones and pairs to decide', async () => {
    const { facilitator, session, send, pair } = await aSessionWithLinks(jaga)
    await pair('AN', 3, 8)
    // One part of the code differs: a tolerant pair someone should look at.
    await send('pre', { id: crypto.randomUUID(), code: aCode('BU', '7'), answers: parentsAnswers(2) })
    await send('post', { id: crypto.randomUUID(), code: aCode('BU', '9'), answers: parentsAnswers(9) })
    const held = await jaga.db.selectFrom('submissions').select('id').where('sessionId', '=', session.id).where('phase', '=', 'pre').executeTakeFirstOrThrow()
    await jaga.db.updateTable('submissions').set({ excludedAt: new Date().toISOString(), excludedReason: 'held' }).where('id', '=', held.id).execute()
    const agent = await sessionAgent(jaga, facilitator)
    const html = await page(agent)
    const text = textOf(html)
    expect(text).toContain('Sessions to report')
    expect(text).toContain(session.title)
    // Named as answers: the card's status chip already says the session was Held.
    expect(text).toContain('Answers held: 1')
    expect(text).toContain('Pairs to decide: 1')
    expect(html).toContain(`href="/sessions/${session.id}/evaluation/answers?status=held"`)
    // Another facilitator sees none of it.
    const stranger = textOf(await page(await sessionAgent(jaga, await aUser(jaga, 'facilitator'))))
    expect(stranger).not.toContain(session.title)
    expect(stranger).toContain('No answers are waiting.')
  })
})

describe("a coordinator's start page", () => {
  it('shows overdue visits with a schedule action that opens the session form on that place', async () => {
    const programme = await aProgramme(jaga, { name: `Program terlambat ${crypto.randomUUID().slice(0, 6)}`, startsOn: day(-200) })
    await planVisits(jaga.db, cli, programme.id, { areaId: HARJOSARI_I, everyMonths: 1 })
    const { agent } = await loginAs(jaga, 'coordinator')
    const html = await page(agent)
    expect(textOf(html)).toContain('Overdue visits')
    const schedule = new RegExp(`href="(/programmes/${programme.id}/sessions/new\\?area=([0-9a-f-]{36}))"`).exec(html)
    expect(schedule, 'a schedule link for the overdue place').not.toBeNull()
    const form = await page(agent, schedule![1]!.replace(/&amp;/g, '&'))
    expect(form).toMatch(new RegExp(`<option[^>]*value="${schedule![2]}"[^>]*selected`))
  })

  it('shows sessions to report, library edits waiting and each programme’s reach and knowledge at a glance', async () => {
    const programme = await aProgramme(jaga, { name: `Program sekilas ${crypto.randomUUID().slice(0, 6)}` })
    const held = await aHeldSession(jaga, programme.id, { female: 7, male: 5 }, { title: 'Sudah terlaksana belum dilaporkan' })
    const { pair } = await aSessionWithLinks(jaga, { programmeId: programme.id })
    await pair('CI', 4, 9)
    const author = await aUser(jaga, 'coordinator')
    await insertRevision(jaga.db, { id: crypto.randomUUID(), locale: 'en', slug: 'sextortion', source: '# x', slides: null, status: 'in_review', note: null, authorId: author.id, authorLabel: author.email, createdAt: new Date().toISOString(), submittedAt: new Date().toISOString(), reviewerId: null, reviewerLabel: null, reviewedAt: null, reviewNote: null, shippedHash: 'x' })
    const { agent } = await loginAs(jaga, 'coordinator')
    const html = await page(agent)
    const text = textOf(html)
    expect(text).toContain('Sudah terlaksana belum dilaporkan')
    // Held: its report form is open, one tap away.
    expect(html).toContain(`href="/sessions/${held.id}#report"`)
    expect(text).toContain(`sextortion (en), by ${author.email}`)
    const glance = text.slice(text.indexOf('Programme progress'))
    expect(glance).toContain(programme.name)
    expect(glance).toMatch(/People reached 12/)
    expect(glance).toMatch(/Knowledge before → after \d+(\.\d+)?% → \d+(\.\d+)?% \(1 pair\)/)
  })
})

describe('the start page at national scale', () => {
  it('lists the ten most recent sessions with answers waiting, and says older ones wait too', async () => {
    // One real answer to copy: its link and questionnaire version make the copies valid rows.
    const { send, session: first } = await aSessionWithLinks(jaga)
    await send('pre', { id: crypto.randomUUID(), code: aCode('ZA'), answers: parentsAnswers(3) })
    const template = await jaga.db.selectFrom('submissions').selectAll().where('sessionId', '=', first.id).executeTakeFirstOrThrow()
    const programme = await aProgramme(jaga, { name: `Program antrean ${crypto.randomUUID().slice(0, 6)}` })
    for (let h = 0; h < 11; h++) {
      const s = await aHeldSession(jaga, programme.id, { female: 1, male: 1 }, { title: `Antrean jam ${h}`, startsAt: `${day(-1)}T${String(h).padStart(2, '0')}:00`, endsAt: `${day(-1)}T${String(h).padStart(2, '0')}:30` })
      // An answer held after a flood to one link: something waiting for review.
      await jaga.db.insertInto('submissions').values({ ...template, id: crypto.randomUUID(), sessionId: s.id, excludedAt: new Date().toISOString(), excludedReason: 'held' }).execute()
    }
    const { agent } = await loginAs(jaga, 'coordinator')
    const text = textOf(await page(agent))
    const review = text.slice(text.indexOf('Answers waiting for review'), text.indexOf('Disclosures waiting'))
    for (let h = 1; h < 11; h++) expect(review).toContain(`Antrean jam ${h} `)
    expect(review).not.toContain('Antrean jam 0 ')
    expect(review).toContain('Only the 10 most recent sessions are shown; older sessions have answers waiting too. See the older sessions')
    const idHtml = await page((await loginAs(jaga, 'coordinator', 'id')).agent)
    expect(textOf(idHtml)).toContain('Hanya 10 kegiatan terbaru yang ditampilkan; kegiatan yang lebih lama juga punya jawaban yang menunggu. Lihat kegiatan yang lebih lama')
    // The line leads to the same list going on after the last session shown: the older one is there.
    const html = await page(agent)
    const older = /href="(\/home\?olderThan=[0-9a-f-]{36}#start-review)"/.exec(html)?.[1]
    expect(older).toBeDefined()
    const nextHtml = await page(agent, older!.replace('#start-review', ''))
    const next = textOf(nextHtml)
    const nextReview = next.slice(next.indexOf('Answers waiting for review'), next.indexOf('Disclosures waiting'))
    expect(nextReview).toContain('Antrean jam 0 ')
    for (let h = 1; h < 11; h++) expect(nextReview).not.toContain(`Antrean jam ${h} `)
    // It says it is further down the list, and leads back to the newest; the start page itself does not.
    expect(nextReview).toContain('Shown: sessions older than those shown before. Back to the newest sessions')
    expect(nextHtml).toContain('href="/home#start-review"')
    expect(review).not.toContain('Back to the newest')
    const idNext = textOf(await page((await loginAs(jaga, 'coordinator', 'id')).agent, older!.replace('#start-review', '')))
    expect(idNext).toContain('Yang tampil: kegiatan yang lebih lama dari yang tampil sebelumnya. Kembali ke kegiatan terbaru')
    // An id that names no session: the list from the newest, and it does not claim to be further down.
    const unknown = textOf(await page(agent, `/home?olderThan=${crypto.randomUUID()}`))
    expect(unknown).toContain('Antrean jam 10 ')
    expect(unknown).not.toContain('Back to the newest')
    // Past the oldest session the list looks at (30 days back): nothing older, said so, and the way back still there.
    const edge = await aHeldSession(jaga, programme.id, { female: 1, male: 1 }, { title: 'Tepi 30 hari', startsAt: `${day(-30)}T00:00`, endsAt: `${day(-30)}T00:30` })
    const endHtml = await page(agent, `/home?olderThan=${edge.id}`)
    expect(textOf(endHtml)).toContain('Answers waiting for review No older session has answers waiting. Shown: sessions older than those shown before. Back to the newest sessions')
    expect(endHtml).toContain('href="/home#start-review"')
  })

  it('lists the ten most recent sessions to report and counts the rest', async () => {
    const programme = await aProgramme(jaga, { name: `Program laporan ${crypto.randomUUID().slice(0, 6)}` })
    // Over in the last 40 minutes, newest last: newer than any other test's session that is over, whatever the hour.
    for (let h = 0; h < 12; h++) await aSession(jaga, programme.id, { title: `Belum dilaporkan ${h}`, startsAt: minutesAgo(40 - 2 * h), endsAt: minutesAgo(39 - 2 * h) })
    const { agent } = await loginAs(jaga, 'coordinator')
    const text = textOf(await page(agent))
    const report = text.slice(text.indexOf('Sessions to report'), text.indexOf('Answers waiting for review'))
    for (let h = 2; h < 12; h++) expect(report).toContain(`Belum dilaporkan ${h} `)
    for (const h of [0, 1]) expect(report).not.toContain(`Belum dilaporkan ${h} `)
    // Other tests' sessions wait too: at least the two left out are counted.
    expect(Number(/and (\d+) more/.exec(report)?.[1])).toBeGreaterThanOrEqual(2)
  })

  it('counts written answers waiting to be read for a coordinator', async () => {
    const { send, session } = await aSessionWithLinks(jaga)
    await recordAttendance(jaga.db, { ...cli, role: 'admin' }, session.id, [{ groupKind: 'parents', gender: 'female', ageBand: '18+', count: 3 }], { timeZone: TIME_ZONE, isMaterial: () => true })
    await send('feedback', { id: crypto.randomUUID(), code: aCode('FB'), answers: { useful: '5', clear: '4', want_to_know: 'Cara melapor akun palsu' } })
    // Newer than the other tests' sessions, so it is among the ten listed.
    await jaga.db.updateTable('sessions').set({ startsAt: `${day(0)}T00:00`, endsAt: `${day(0)}T00:05` }).where('id', '=', session.id).execute()
    const { agent } = await loginAs(jaga, 'coordinator')
    const html = await page(agent)
    expect(html).toContain(`href="/sessions/${session.id}/evaluation/comments"`)
    expect(textOf(html)).toContain('Written answers: 1')
  })
})

describe("a partner's start page", () => {
  it('links straight to their programmes’ report and evaluation, and to no other programme', async () => {
    const mine = await aProgramme(jaga, { name: `Program mitra ${crypto.randomUUID().slice(0, 6)}` })
    const theirs = await aProgramme(jaga, { name: `Program lain ${crypto.randomUUID().slice(0, 6)}` })
    const agent = await sessionAgent(jaga, await aPartnerAccount(jaga, mine.id))
    const html = await page(agent)
    const text = textOf(html)
    expect(text).toContain(mine.name)
    expect(text).not.toContain(theirs.name)
    expect(html).toContain(`href="/programmes/${mine.id}/report"`)
    expect(html).toContain(`href="/programmes/${mine.id}/evaluation"`)
    expect(html).not.toContain(theirs.id)
    // No staff work lists for a partner.
    for (const heading of ['Sessions to report', 'Answers waiting for review', 'Disclosures waiting', 'Programme progress']) expect(text).not.toContain(heading)
  })

  it('says so when the account is not linked to an institution yet', async () => {
    const { agent } = await loginAs(jaga, 'partner')
    expect(textOf(await page(agent))).toContain('Your account is not linked to a partner institution yet')
  })
})

describe("an admin's start page", () => {
  it('says whether a backup was recorded, which no coordinator is told', async () => {
    const { agent } = await loginAs(jaga, 'admin')
    expect(textOf(await page(agent))).toContain('No backup has been recorded yet')
    await sql`insert into backup_log (id, taken_at, file_name, bytes, row_count, encrypted, last_migration) values (${crypto.randomUUID()}, ${new Date().toISOString()}, ${'b.jsonl.gz'}, ${1}, ${1}, ${1}, ${'x'})`.execute(jaga.db)
    const text = textOf(await page(agent))
    expect(text).toMatch(/Backups Last backup: .*\d/)
    expect(text).not.toContain('No backup has been recorded yet')
    expect(textOf(await page((await loginAs(jaga, 'coordinator')).agent))).not.toContain('Last backup')
  })

  it('adds the users still waiting to accept their invitation', async () => {
    const invited = await inviteUser(jaga.db, cli, { email: `baru-${crypto.randomUUID().slice(0, 6)}@example.org`, displayName: 'Dewi Diundang', role: 'facilitator' })
    const { agent } = await loginAs(jaga, 'admin')
    const html = await page(agent)
    expect(textOf(html)).toContain('Users waiting to accept an invitation')
    expect(html).toContain(`href="/admin/users/${invited.user.id}"`)
    expect(textOf(html)).toContain('Dewi Diundang')
    // A coordinator does not manage users.
    expect(textOf(await page((await loginAs(jaga, 'coordinator')).agent))).not.toContain('Dewi Diundang')
  })
})

describe('the menu', () => {
  it('is one disclosure with the current page marked, and the start page first', async () => {
    const { agent } = await loginAs(jaga, 'coordinator', 'id')
    const html = await agent.get('/coverage?programme=').then((r) => r.text())
    expect(html).toMatch(/<nav class="nav"[^>]*><details class="menu"><summary>Menu utama<span class="menu-current">: Jangkauan<\/span><\/summary>/)
    expect(html.match(/aria-current="page"/g)).toHaveLength(1)
    expect(html).toContain('<a href="/coverage" aria-current="page">')
    expect(html.indexOf('href="/home"')).toBeLessThan(html.indexOf('href="/areas"'))
  })
})

describe('the demo banner', () => {
  it('says the demo data is loaded, and tells the command only to those who manage the data', async () => {
    await jaga.db.insertInto('demoRecords').values({ kind: 'programme', recordId: crypto.randomUUID() }).execute()
    const { agent: coordinator } = await loginAs(jaga, 'coordinator', 'id')
    const staff = textOf(await page(coordinator))
    expect(staff).toContain('Data contoh (demo) telah dimuat')
    expect(staff).toContain('npx jaga demo remove')
    const partner = textOf(await page((await loginAs(jaga, 'partner')).agent))
    expect(partner).toContain('Demo data is loaded')
    expect(partner).not.toContain('npx jaga demo remove')
    await jaga.db.deleteFrom('demoRecords').execute()
  })
})
