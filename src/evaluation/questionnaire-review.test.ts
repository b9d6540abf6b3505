import crypto from 'node:crypto'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf, type Agent } from '../../test/agent.ts'
import { freshDatabase, useTestApp } from '../../test/harness.ts'
import { aProgramme, aSession } from '../../test/outreach-builders.ts'
import { twoQuestionXlsform } from '../../test/xlsform-upload.ts'
import { createApiToken, createUser } from '../accounts/users.ts'
import { listMigrationNames, migrateTo, migrateToLatest } from '../platform/db/migrate.ts'

const jaga = useTestApp()
const cli = { id: null, label: 'test' }
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const question = (id: string, en: string) => ({ id, kind: 'truefalse', required: 'yes', section: '0', labelId: `Pertanyaan ${id}`, labelEn: en, answer: 'true' })

/** A custom questionnaire with one question, built by `author` (so version 1, unchecked). */
async function aCustomQuestionnaire(author: Agent, key: string) {
  expect((await author.post('/questionnaires', { key, kind: 'knowledge', audience: 'adults', titleId: `Tes ${key}`, titleEn: `Test ${key}`, introId: '', introEn: '' })).status).toBe(303)
  expect((await author.post(`/questionnaires/${key}/items`, question('a1', 'The first question.'))).status).toBe(303)
}

const checkState = (key: string) =>
  jaga.db.selectFrom('questionnaireVersions as v').innerJoin('questionnaires as q', 'q.id', 'v.questionnaireId').select(['v.version', 'v.checkedBy', 'v.checkedAt', 'v.checkNote']).where('q.key', '=', key).orderBy('v.version').execute()

describe('questionnaires waiting for review', () => {
  it('refuses the author’s own check in their language, lets another coordinator check with a note, and shows who checked and when', async () => {
    const authorUser = await aUser(jaga, 'coordinator', { displayName: 'Ani Penyusun' })
    const author = await sessionAgent(jaga, authorUser)
    await aCustomQuestionnaire(author, 'tes-periksa')
    const before = textOf(await (await author.get('/questionnaires/tes-periksa/edit')).text())
    expect(before).toContain('Version 1 has not been checked yet.')
    expect(before).toContain('You wrote or last changed this version, so someone else checks it.')

    author.lang('id')
    const own = await author.post('/questionnaires/tes-periksa/versions/1/check', { note: '' })
    expect(own.status).toBe(403)
    expect(textOf(await own.text())).toContain('Anda tidak dapat memeriksa versi kuesioner yang Anda susun atau ubah sendiri.')
    expect((await checkState('tes-periksa'))[0]!.checkedAt).toBeNull()

    const checker = await sessionAgent(jaga, await aUser(jaga, 'coordinator', { displayName: 'Budi Pemeriksa' }))
    const done = await checker.post('/questionnaires/tes-periksa/versions/1/check', { note: 'Kunci jawaban benar.' })
    expect(done.status).toBe(303)
    expect(done.headers.get('Location')).toBe('/questionnaires/tes-periksa/edit?checked=1')
    const page = textOf(await (await checker.get('/questionnaires/tes-periksa/edit?checked=1')).text())
    expect(page).toMatch(/Version 1 was checked by Budi Pemeriksa on \d{1,2} \w{3} 2\d{3}/)
    expect(page).toContain('Kunci jawaban benar.')
    expect((await checker.post('/questionnaires/tes-periksa/versions/1/check', { note: '' })).status).toBe(409)

    const audit = await jaga.db.selectFrom('auditEntries').selectAll().where('action', '=', 'questionnaire.check').execute()
    expect(audit).toHaveLength(1)
  })

  it('lets no facilitator check, even one who did not write it', async () => {
    const author = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    await aCustomQuestionnaire(author, 'tes-fasilitator')
    const facilitator = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    expect((await facilitator.post('/questionnaires/tes-fasilitator/versions/1/check', { note: '' })).status).toBe(403)
    expect((await checkState('tes-fasilitator'))[0]!.checkedAt).toBeNull()
  })

  it('lists a version waiting on the coordinator’s and admin’s start page until it is checked, and not shipped questionnaires', async () => {
    const author = await sessionAgent(jaga, await aUser(jaga, 'coordinator', { displayName: 'Ani Penyusun' }))
    await aCustomQuestionnaire(author, 'tes-beranda')
    const admin = await sessionAgent(jaga, await aUser(jaga, 'admin'))
    const home = async () => textOf(await (await admin.get('/home')).text())
    const waiting = await home()
    expect(waiting).toContain('Questionnaires waiting for review')
    expect(waiting).toContain('Test tes-beranda, version 1, by Ani Penyusun')
    expect(waiting).not.toContain('Knowledge test: parents and caregivers, version')
    expect(await (await admin.get('/home')).text()).toContain('href="/questionnaires/tes-beranda/edit"')
    expect((await admin.post('/questionnaires/tes-beranda/versions/1/check', { note: '' })).status).toBe(303)
    const after = await home()
    expect(after).not.toContain('Test tes-beranda, version 1')
    const facilitator = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    expect(textOf(await (await facilitator.get('/home')).text())).not.toContain('Questionnaires waiting for review')
  })

  it('makes a checked version unchecked again when an edit changes it in place, and a new version unchecked when links hold the old one', async () => {
    const author = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    const checker = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    await aCustomQuestionnaire(author, 'tes-ubah')
    expect((await checker.post('/questionnaires/tes-ubah/versions/1/check', { note: '' })).status).toBe(303)
    // The checker changes it before any link: the same version, unchecked again, and now the checker's own.
    expect((await checker.post('/questionnaires/tes-ubah/items', question('a2', 'A second question.'))).status).toBe(303)
    expect((await checkState('tes-ubah')).map((v) => [v.version, v.checkedAt])).toEqual([[1, null]])
    expect((await checker.post('/questionnaires/tes-ubah/versions/1/check', { note: '' })).status).toBe(403)
    expect((await author.post('/questionnaires/tes-ubah/versions/1/check', { note: '' })).status).toBe(303)

    // Handed out in a session, a change makes version 2, unchecked; version 1 stays checked.
    const programme = await aProgramme(jaga)
    const session = await aSession(jaga, programme.id, { audiences: ['community'] })
    const form = new URLSearchParams({ _csrf: author.csrf, groupKind: 'community', questionnaireKey: 'tes-ubah' })
    for (const e of ['mother', 'day', 'own']) form.append('codeElements', e)
    expect((await author.send(`/sessions/${session.id}/evaluation`, { method: 'POST', body: form })).status).toBe(303)
    expect((await author.post('/questionnaires/tes-ubah/items', question('a3', 'A third question.'))).headers.get('Location')).toBe('/questionnaires/tes-ubah/edit?saved=2&new=1')
    const states = await checkState('tes-ubah')
    expect(states.map((v) => [v.version, v.checkedAt === null])).toEqual([
      [1, false],
      [2, true],
    ])
  })

  it('warns on the session’s evaluation page while its links hand out an unchecked version, and stops once it is checked', async () => {
    const author = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    await aCustomQuestionnaire(author, 'tes-sesi')
    const programme = await aProgramme(jaga)
    const session = await aSession(jaga, programme.id, { audiences: ['community'] })
    const page = async (agent: Agent) => textOf(await (await agent.get(`/sessions/${session.id}/evaluation`)).text())
    const form = new URLSearchParams({ _csrf: author.csrf, groupKind: 'community', questionnaireKey: 'tes-sesi' })
    for (const e of ['mother', 'day', 'own']) form.append('codeElements', e)
    // Not blocked: one coordinator alone can still hand out links.
    expect((await author.send(`/sessions/${session.id}/evaluation`, { method: 'POST', body: form })).status).toBe(303)
    expect(await page(author)).toContain('A link of this session uses a questionnaire that has not been checked yet.')
    expect(await page(author)).toContain('Test tes-sesi, version 1')
    expect(await (await author.get(`/sessions/${session.id}/evaluation`)).text()).toContain('href="/questionnaires/tes-sesi/edit"')
    // A facilitator is warned too, without a link to a builder they may not open.
    const facilitatorUser = await aUser(jaga, 'facilitator')
    await jaga.db.insertInto('sessionFacilitators').values({ sessionId: session.id, userId: facilitatorUser.id }).execute()
    const facilitator = await sessionAgent(jaga, facilitatorUser)
    const seen = await (await facilitator.get(`/sessions/${session.id}/evaluation`)).text()
    expect(textOf(seen)).toContain('A link of this session uses a questionnaire that has not been checked yet.')
    expect(seen).not.toContain('href="/questionnaires/tes-sesi/edit"')
    author.lang('id')
    expect(await page(author)).toContain('Tautan kegiatan ini memakai 1 kuesioner yang belum diperiksa.')
    author.lang('en')

    const checker = await sessionAgent(jaga, await aUser(jaga, 'admin'))
    expect((await checker.post('/questionnaires/tes-sesi/versions/1/check', { note: '' })).status).toBe(303)
    expect(await page(author)).not.toContain('has not been checked yet')
  })

  it('gives the state in the questionnaire API: unchecked after an import, checked through the API by someone else', async () => {
    const author = await aUser(jaga, 'coordinator')
    const checker = await aUser(jaga, 'coordinator', { displayName: 'Citra Cek' })
    const bearer = async (email: string) => `Bearer ${await createApiToken(jaga.db, cli, email, 'review')}`
    const [authorToken, checkerToken] = [await bearer(author.email), await bearer(checker.email)]
    const call = (token: string, path: string, init: RequestInit = {}) => jaga.request(`http://localhost${path}`, { ...init, headers: { Authorization: token, ...(init.headers as Record<string, string>) } })
    const bytes = new Uint8Array(await (await twoQuestionXlsform('tes-api', 'Tes API')).arrayBuffer())
    const imported = await call(authorToken, '/api/v1/questionnaires/import', { method: 'POST', body: bytes, headers: { 'Content-Type': XLSX } })
    expect(imported.status).toBe(201)
    expect((await imported.json()).review).toEqual({ state: 'unchecked', checkedBy: null, checkedAt: null, note: null })
    expect((await (await call(authorToken, '/api/v1/questionnaires/feedback/review')).json()).review.state).toBe('shipped')

    const check = (token: string) => call(token, '/api/v1/questionnaires/tes-api/versions/1/check', { method: 'POST', body: JSON.stringify({ note: 'Baik.' }), headers: { 'Content-Type': 'application/json' } })
    const own = await check(authorToken)
    expect(own.status).toBe(403)
    const ok = await check(checkerToken)
    expect(ok.status).toBe(200)
    expect((await ok.json()).review).toMatchObject({ state: 'checked', checkedBy: 'Citra Cek', note: 'Baik.' })
    expect((await (await call(authorToken, '/api/v1/questionnaires/tes-api/review?version=1')).json()).review.state).toBe('checked')
  })

  it('counts earlier versions of shipped questionnaires as checked and earlier custom versions as waiting, once migrated', async () => {
    const test = await freshDatabase()
    try {
      const names = await listMigrationNames()
      await migrateTo(test.db, names[names.indexOf('2026-12-01-30-questionnaire-review') - 1]!)
      const user = await createUser(test.db, cli, { email: `m${crypto.randomUUID().slice(0, 6)}@example.org`, role: 'coordinator', password: 'a long enough password', displayName: 'M' })
      const now = new Date().toISOString()
      for (const [key, origin, createdBy] of [['bawaan', 'shipped', null], ['buatan', 'custom', user.id], ['diubah', 'custom', null]] as const) {
        const id = crypto.randomUUID()
        await test.db.insertInto('questionnaires').values({ id, key, kind: 'knowledge', audience: 'adults', titleId: key, titleEn: key, introId: '', introEn: '', origin, createdAt: now, updatedAt: now }).execute()
        await sql`insert into questionnaire_versions (id, questionnaire_id, version, definition, created_at, created_by) values (${crypto.randomUUID()}, ${id}, 1, ${'{"sections":[{"items":[]}]}'}, ${now}, ${createdBy})`.execute(test.db)
      }
      await migrateToLatest(test.db)
      const rows = await test.db.selectFrom('questionnaireVersions as v').innerJoin('questionnaires as q', 'q.id', 'v.questionnaireId').select(['q.key', 'v.checkedAt', 'v.checkedBy']).orderBy('q.key').execute()
      // "diubah": a shipped questionnaire someone edited in place, so it is checked again.
      expect(rows).toEqual([
        { key: 'bawaan', checkedAt: now, checkedBy: null },
        { key: 'buatan', checkedAt: null, checkedBy: null },
        { key: 'diubah', checkedAt: null, checkedBy: null },
      ])
    } finally {
      await test.drop()
    }
  })
})
