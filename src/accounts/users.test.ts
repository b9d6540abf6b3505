import { describe, expect, it } from 'vitest'
import { Agent, aUser, loginAs, TEST_PASSWORD, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'

const jaga = useTestApp()

const linkIn = (html: string) => /data-testid="access-link">(http[^<]+)</.exec(html)?.[1]

describe('inviting and managing users', () => {
  it('lets an admin invite a coordinator, who chooses a password through the link and is signed in', async () => {
    const { agent: admin } = await loginAs(jaga, 'admin')
    const res = await admin.post('/admin/users/invite', { displayName: 'Sri Wahyuni', email: 'Sri@Example.org', role: 'coordinator' })
    expect(res.status).toBe(200)
    const link = linkIn(await res.text())!
    expect(link).toMatch(/^http:\/\/localhost\/access\/[\w-]{43}$/)
    const path = new URL(link).pathname

    const invitee = new Agent(jaga).lang('en')
    const page = await invitee.get(path)
    expect(textOf(await page.text())).toContain('Choose a password for sri@example.org')
    const short = await invitee.post(path, { password: 'short', confirm: 'short' })
    expect(short.status).toBe(422)
    expect(await short.text()).toContain('The password needs at least 10 characters.')
    const done = await invitee.post(path, { password: 'kopi susu pagi hari', confirm: 'kopi susu pagi hari' })
    expect(done.status).toBe(303)
    expect(textOf(await (await invitee.get('/areas')).text())).toContain('Signed in as Sri Wahyuni')

    // The link works once.
    const again = await new Agent(jaga).lang('en').get(path)
    expect(again.status).toBe(404)
    expect(textOf(await again.text())).toContain('This link has been used, has expired or is wrong')
  })

  it('shows a bad invitation again with the message next to the field, and saves nothing', async () => {
    const { agent: admin } = await loginAs(jaga, 'admin', 'id')
    const before = await jaga.db.selectFrom('users').select('id').execute()
    const res = await admin.post('/admin/users/invite', { displayName: '', email: 'bukan-email', role: 'superuser' })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toMatch(/id="f-email-error">Masukkan alamat email yang benar/)
    expect(html).toMatch(/id="f-displayName-error">Wajib diisi\./)
    expect(html).toMatch(/id="f-role-error">Pilih salah satu pilihan yang tersedia\./)
    expect(html).toContain('value="bukan-email"')
    expect(await jaga.db.selectFrom('users').select('id').execute()).toHaveLength(before.length)
  })

  it('creates one account when the same invitation is sent five times at once, and answers the others without a server error', async () => {
    const { agent: admin } = await loginAs(jaga, 'admin', 'en')
    const results = await Promise.all(
      Array.from({ length: 5 }, () => admin.post('/admin/users/invite', { displayName: 'Race', email: 'race@example.org', role: 'facilitator' })),
    )
    const statuses = results.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.every((s) => s === 200 || s === 409 || s === 422)).toBe(true)
    expect(await jaga.db.selectFrom('users').select('id').where('email', '=', 'race@example.org').execute()).toHaveLength(1)
  })

  it('refuses to invite an email that already has an account', async () => {
    const existing = await aUser(jaga, 'facilitator')
    const { agent: admin } = await loginAs(jaga, 'admin')
    const res = await admin.post('/admin/users/invite', { displayName: 'Twin', email: existing.email, role: 'partner' })
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('A user with this email already exists.')
  })

  it('changes a role, and the new permissions apply at once', async () => {
    const { agent: admin } = await loginAs(jaga, 'admin')
    const { agent: person, user } = await loginAs(jaga, 'facilitator')
    expect((await person.get('/admin/users')).status).toBe(403)
    const res = await admin.post(`/admin/users/${user.id}/role`, { role: 'admin' })
    expect(res.status).toBe(303)
    expect((await person.get('/admin/users')).status).toBe(200)
  })

  it('deactivates a user: their sessions end and they cannot sign in again', async () => {
    const { agent: admin } = await loginAs(jaga, 'admin')
    const { agent: person, user } = await loginAs(jaga, 'coordinator')
    expect((await admin.post(`/admin/users/${user.id}/deactivate`)).status).toBe(303)
    expect((await person.get('/areas')).status).toBe(303)
    expect((await new Agent(jaga).post('/login', { email: user.email, password: TEST_PASSWORD })).status).toBe(401)
    // and back
    expect((await admin.post(`/admin/users/${user.id}/reactivate`)).status).toBe(303)
    expect((await new Agent(jaga).post('/login', { email: user.email, password: TEST_PASSWORD })).status).toBe(303)
  })

  it('does not let an admin deactivate themselves or demote the last admin', async () => {
    const { agent: admin, user: me } = await loginAs(jaga, 'admin')
    const self = await admin.post(`/admin/users/${me.id}/deactivate`)
    expect(self.status).toBe(422)
    expect(await self.text()).toContain('You cannot deactivate your own account.')
    // Demote every other admin first, so this one is the last.
    const admins = await jaga.db.selectFrom('users').select('id').where('role', '=', 'admin').where('id', '!=', me.id).execute()
    for (const a of admins) await admin.post(`/admin/users/${a.id}/role`, { role: 'coordinator' })
    const last = await admin.post(`/admin/users/${me.id}/role`, { role: 'partner' })
    expect(last.status).toBe(422)
    expect(await last.text()).toContain('This is the last active admin.')
    const row = await jaga.db.selectFrom('users').select('role').where('id', '=', me.id).executeTakeFirstOrThrow()
    expect(row.role).toBe('admin')
  })

  it('resets a password with a one-time link that signs the person out elsewhere', async () => {
    const { agent: admin } = await loginAs(jaga, 'admin')
    const { agent: person, user } = await loginAs(jaga, 'partner')
    const res = await admin.post(`/admin/users/${user.id}/password-link`)
    const path = new URL(linkIn(await res.text())!).pathname
    const fresh = new Agent(jaga)
    expect((await fresh.post(path, { password: 'a brand new secret', confirm: 'a brand new secret' })).status).toBe(303)
    expect((await person.get('/areas')).status).toBe(303)
    expect((await new Agent(jaga).post('/login', { email: user.email, password: TEST_PASSWORD })).status).toBe(401)
    expect((await new Agent(jaga).post('/login', { email: user.email, password: 'a brand new secret' })).status).toBe(303)
  })
})

describe('the audit log', () => {
  it('records who invited whom and who changed a role, and filters by action', async () => {
    const { agent: admin, user: me } = await loginAs(jaga, 'admin')
    await admin.post('/admin/users/invite', { displayName: 'Budi', email: 'budi.audit@example.org', role: 'facilitator' })
    const budi = await jaga.db.selectFrom('users').select('id').where('email', '=', 'budi.audit@example.org').executeTakeFirstOrThrow()
    await admin.post(`/admin/users/${budi.id}/role`, { role: 'coordinator' })

    const entries = await jaga.db.selectFrom('auditEntries').selectAll().where('subjectId', '=', budi.id).orderBy('at').execute()
    expect(entries.map((e) => [e.action, e.actorLabel])).toEqual([
      ['user.invite', me.email],
      ['user.change-role', me.email],
    ])
    expect(JSON.parse(entries[1]!.summary)).toEqual({ email: 'budi.audit@example.org', role: ['facilitator', 'coordinator'] })

    const page = textOf(await (await admin.get(`/admin/audit?action=user.change-role&actor=${encodeURIComponent(me.email)}`)).text())
    expect(page).toContain('role: facilitator → coordinator')
    expect(page).not.toContain('user.invite email')
  })

  it('explains a wrong date in the filter instead of failing', async () => {
    const { agent: admin } = await loginAs(jaga, 'admin')
    const res = await admin.get('/admin/audit?from=2026-13-45')
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('Use a real date (YYYY-MM-DD).')
  })

  it('is closed to coordinators', async () => {
    const { agent } = await loginAs(jaga, 'coordinator')
    const res = await agent.get('/admin/audit')
    expect(res.status).toBe(403)
    expect(textOf(await res.text())).toContain('Access denied')
  })
})
