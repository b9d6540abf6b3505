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

/** Marks a version checked through the builder's form, with the fingerprint of the page the agent sees. */
async function checkAs(agent: Agent, key: string, version: number, note: string) {
  const html = await (await agent.get(`/questionnaires/${key}/edit`)).text()
  const fingerprint = html.match(new RegExp(`versions/${version}/check"[\\s\\S]*?name="fingerprint" value="([0-9a-f]+)"`))?.[1] ?? ''
  return agent.post(`/questionnaires/${key}/versions/${version}/check`, { fingerprint, note })
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
    expect(before).toContain('You wrote or changed this version, so someone else checks it.')

    author.lang('id')
    const own = await checkAs(author, 'tes-periksa', 1, '')
    expect(own.status).toBe(403)
    expect(textOf(await own.text())).toContain('Anda tidak dapat memeriksa versi kuesioner yang Anda susun atau ubah sendiri.')
    expect((await checkState('tes-periksa'))[0]!.checkedAt).toBeNull()

    const checker = await sessionAgent(jaga, await aUser(jaga, 'coordinator', { displayName: 'Budi Pemeriksa' }))
    const done = await checkAs(checker, 'tes-periksa', 1, 'Kunci jawaban benar.')
    expect(done.status).toBe(303)
    expect(done.headers.get('Location')).toBe('/questionnaires/tes-periksa/edit?checked=1')
    const page = textOf(await (await checker.get('/questionnaires/tes-periksa/edit?checked=1')).text())
    expect(page).toMatch(/Version 1 was checked by Budi Pemeriksa on \d{1,2} \w{3} 2\d{3}/)
    expect(page).toContain('Kunci jawaban benar.')
    expect((await checkAs(checker, 'tes-periksa', 1, '')).status).toBe(409)

    const audit = await jaga.db.selectFrom('auditEntries').selectAll().where('action', '=', 'questionnaire.check').execute()
    expect(audit).toHaveLength(1)
  })

  it('lets no facilitator check, even one who did not write it', async () => {
    const author = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    await aCustomQuestionnaire(author, 'tes-fasilitator')
    const facilitator = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    expect((await checkAs(facilitator, 'tes-fasilitator', 1, '')).status).toBe(403)
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
    expect((await checkAs(admin, 'tes-beranda', 1, '')).status).toBe(303)
    const after = await home()
    expect(after).not.toContain('Test tes-beranda, version 1')
    const facilitator = await sessionAgent(jaga, await aUser(jaga, 'facilitator'))
    expect(textOf(await (await facilitator.get('/home')).text())).not.toContain('Questionnaires waiting for review')
  })

  it('dates a waiting version on the start page by the day in the programme’s time zone, not the UTC day', async () => {
    const author = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    await aCustomQuestionnaire(author, 'tes-malam')
    // 20:30 UTC on 30 November is 03:30 on 1 December in Jakarta (WIB, UTC+7).
    const id = (await jaga.db.selectFrom('questionnaires').select('id').where('key', '=', 'tes-malam').executeTakeFirstOrThrow()).id
    await jaga.db.updateTable('questionnaireVersions').set({ createdAt: '2026-11-30T20:30:00.000Z' }).where('questionnaireId', '=', id).execute()
    const admin = await sessionAgent(jaga, await aUser(jaga, 'admin'))
    const home = textOf(await (await admin.get('/home')).text())
    expect(home).toMatch(/Test tes-malam, version 1, by [^·]*· 1 Dec 2026/)
    admin.lang('id')
    expect(textOf(await (await admin.get('/home')).text())).toMatch(/Tes tes-malam, versi 1, oleh [^·]*· 1 Des 2026/)
  })

  it('makes a checked version unchecked again when an edit changes it in place, and a new version unchecked when links hold the old one', async () => {
    const author = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    const checker = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    await aCustomQuestionnaire(author, 'tes-ubah')
    expect((await checkAs(checker, 'tes-ubah', 1, '')).status).toBe(303)
    // The checker changes it before any link: the same version, unchecked again, and now also the checker's own.
    expect((await checker.post('/questionnaires/tes-ubah/items', question('a2', 'A second question.'))).status).toBe(303)
    expect((await checkState('tes-ubah')).map((v) => [v.version, v.checkedAt])).toEqual([[1, null]])
    expect((await checkAs(checker, 'tes-ubah', 1, '')).status).toBe(403)
    // The original author wrote the rest of its text: after someone else's edit, still not theirs to check.
    const afterEdit = await checkAs(author, 'tes-ubah', 1, '')
    expect(afterEdit.status).toBe(403)
    expect(textOf(await (await author.get('/questionnaires/tes-ubah/edit')).text())).toContain('You wrote or changed this version, so someone else checks it.')
    expect((await checkAs(await sessionAgent(jaga, await aUser(jaga, 'coordinator')), 'tes-ubah', 1, '')).status).toBe(303)

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
    expect((await checkAs(checker, 'tes-sesi', 1, '')).status).toBe(303)
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
    expect((await imported.json()).review).toMatchObject({ state: 'unchecked', checkedBy: null, checkedAt: null, note: null })
    expect((await (await call(authorToken, '/api/v1/questionnaires/feedback/review')).json()).review.state).toBe('shipped')

    const { fingerprint } = (await (await call(checkerToken, '/api/v1/questionnaires/tes-api/review?version=1')).json()).review
    expect(fingerprint).toMatch(/^[0-9a-f]{32}$/)
    const check = (token: string) => call(token, '/api/v1/questionnaires/tes-api/versions/1/check', { method: 'POST', body: JSON.stringify({ fingerprint, note: 'Baik.' }), headers: { 'Content-Type': 'application/json' } })
    const own = await check(authorToken)
    expect(own.status).toBe(403)
    const ok = await check(checkerToken)
    expect(ok.status).toBe(200)
    expect((await ok.json()).review).toMatchObject({ state: 'checked', checkedBy: 'Citra Cek', note: 'Baik.' })
    expect((await (await call(authorToken, '/api/v1/questionnaires/tes-api/review?version=1')).json()).review.state).toBe('checked')
  })

  it('refuses a check of text changed in place since the checker opened the page, in the checker’s language, and takes it once they look again', async () => {
    const author = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    const checker = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    await aCustomQuestionnaire(author, 'tes-basi')
    const html = await (await checker.get('/questionnaires/tes-basi/edit')).text()
    const opened = html.match(/name="fingerprint" value="([0-9a-f]+)"/)![1]!
    // The author adds a question while the checker's page is open: still version 1, but other text.
    expect((await author.post('/questionnaires/tes-basi/items', question('a2', 'A second question.'))).headers.get('Location')).toBe('/questionnaires/tes-basi/edit?saved=1')
    checker.lang('id')
    const stale = await checker.post('/questionnaires/tes-basi/versions/1/check', { fingerprint: opened, note: '' })
    expect(stale.status).toBe(409)
    expect(textOf(await stale.text())).toContain('Versi ini sudah diubah sejak Anda membukanya')
    checker.lang('en')
    expect(textOf(await (await checker.post('/questionnaires/tes-basi/versions/1/check', { fingerprint: opened, note: '' })).text())).toContain('This version has changed since you opened it')
    expect((await checker.post('/questionnaires/tes-basi/versions/1/check', { note: '' })).status).toBe(409)
    expect((await checkState('tes-basi'))[0]!.checkedAt).toBeNull()
    expect((await checkAs(checker, 'tes-basi', 1, '')).status).toBe(303)
  })

  it('refuses an API check whose fingerprint is of text changed since, and one without a fingerprint', async () => {
    await aCustomQuestionnaire(await sessionAgent(jaga, await aUser(jaga, 'coordinator')), 'tes-api-basi')
    const checker = await aUser(jaga, 'coordinator')
    const token = `Bearer ${await createApiToken(jaga.db, cli, checker.email, 'review')}`
    const call = (path: string, init: RequestInit = {}) => jaga.request(`http://localhost${path}`, { ...init, headers: { Authorization: token, 'Content-Type': 'application/json', 'Accept-Language': 'en' } })
    const { fingerprint } = (await (await call('/api/v1/questionnaires/tes-api-basi/review')).json()).review
    const editor = await sessionAgent(jaga, await aUser(jaga, 'admin'))
    expect((await editor.post('/questionnaires/tes-api-basi/items', question('a2', 'A second question.'))).status).toBe(303)
    const check = (body: unknown) => call('/api/v1/questionnaires/tes-api-basi/versions/1/check', { method: 'POST', body: JSON.stringify(body) })
    const stale = await check({ fingerprint, note: '' })
    expect(stale.status).toBe(409)
    expect(JSON.stringify(await stale.json())).toContain('changed since you opened it')
    expect((await check({ note: '' })).status).toBe(422)
    const fresh = (await (await call('/api/v1/questionnaires/tes-api-basi/review')).json()).review.fingerprint
    expect(fresh).not.toBe(fingerprint)
    expect((await check({ fingerprint: fresh })).status).toBe(200)
  })

  it('shows the check form again with the field error when the note is longer than 500 characters, and keeps the version unchecked', async () => {
    await aCustomQuestionnaire(await sessionAgent(jaga, await aUser(jaga, 'coordinator')), 'tes-catatan')
    const checker = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    const html = await (await checker.get('/questionnaires/tes-catatan/edit')).text()
    const fingerprint = html.match(/name="fingerprint" value="([0-9a-f]+)"/)![1]!
    const long = `${'kata '.repeat(120)}akhir`
    const answer = await checker.post('/questionnaires/tes-catatan/versions/1/check', { fingerprint, note: long })
    expect(answer.status).toBe(422)
    const page = await answer.text()
    expect(textOf(page)).toContain('At most 500 characters.')
    expect(page).toContain('akhir</textarea>')
    expect((await checkState('tes-catatan'))[0]!.checkedAt).toBeNull()
  })

  it('remembers, once migrated, everyone who wrote or changed a version in place before, from the audit log', async () => {
    const test = await freshDatabase()
    try {
      const names = await listMigrationNames()
      await migrateTo(test.db, names[names.indexOf('2026-12-01-33-questionnaire-editors') - 1]!)
      const make = (n: string) => createUser(test.db, cli, { email: `${n}${crypto.randomUUID().slice(0, 6)}@example.org`, role: 'coordinator', password: 'a long enough password', displayName: n })
      const [writer, editor, other] = [await make('w'), await make('e'), await make('o')]
      const now = new Date().toISOString()
      const id = crypto.randomUUID()
      await test.db.insertInto('questionnaires').values({ id, key: 'lama', kind: 'knowledge', audience: 'adults', titleId: 'l', titleEn: 'l', introId: '', introEn: '', origin: 'custom', createdAt: now, updatedAt: now }).execute()
      // As the code before did it: created by the writer, changed in place by the editor (who became created_by).
      await sql`insert into questionnaire_versions (id, questionnaire_id, version, definition, created_at, created_by) values (${crypto.randomUUID()}, ${id}, 1, ${'{"sections":[{"items":[]}]}'}, ${now}, ${editor.id})`.execute(test.db)
      const audit = (actor: string, action: string, summary: unknown) => sql`insert into audit_entries (id, at, actor_id, actor_label, action, subject_type, subject_id, summary) values (${crypto.randomUUID()}, ${now}, ${actor}, ${'x'}, ${action}, ${'questionnaire'}, ${id}, ${JSON.stringify(summary)})`.execute(test.db)
      await audit(writer.id, 'questionnaire.create', { key: 'lama' })
      await audit(editor.id, 'questionnaire.change', { key: 'lama', change: 'addItem', version: 1 })
      await audit(other.id, 'questionnaire.change', { key: 'lama', change: 'addItem', version: 2 })
      await migrateToLatest(test.db)
      const row = await test.db.selectFrom('questionnaireVersions').select('editors').where('questionnaireId', '=', id).executeTakeFirstOrThrow()
      expect(row.editors!.split(' ').filter(Boolean).sort()).toEqual([writer.id, editor.id].sort())
    } finally {
      await test.drop()
    }
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
