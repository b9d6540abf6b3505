import { describe, expect, it } from 'vitest'
import { aUser, loginAs, sessionAgent } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'

const jaga = useTestApp()

const activeAdmins = async () =>
  (await jaga.db.selectFrom('users').select('id').where('role', '=', 'admin').where('status', '=', 'active').execute()).map((r) => r.id)

/** Leaves only the given admins active (others become coordinators), straight in the database. */
async function onlyAdmins(ids: string[]) {
  await jaga.db.updateTable('users').set({ role: 'coordinator' }).where('role', '=', 'admin').where('id', 'not in', ids).execute()
}

describe('the last active admin', () => {
  it('cannot demote themselves: 422 with the message next to the role field, and the role stays', async () => {
    const { agent, user: me } = await loginAs(jaga, 'admin', 'id')
    await onlyAdmins([me.id])
    const res = await agent.post(`/admin/users/${me.id}/role`, { role: 'coordinator' })
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('<p class="error" id="f-role-error">Ini admin aktif terakhir. Jadikan orang lain admin dulu.</p>')
    expect(await activeAdmins()).toEqual([me.id])
  })

  it('cannot deactivate themselves: 422 with the message where the deactivate button would be', async () => {
    const { agent, user: me } = await loginAs(jaga, 'admin')
    await onlyAdmins([me.id])
    const res = await agent.post(`/admin/users/${me.id}/deactivate`)
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('<p class="error" id="f-status-error">You cannot deactivate your own account.</p>')
    expect(await activeAdmins()).toEqual([me.id])
  })

  it('may be one of two: one admin demotes the other, and then cannot demote themselves', async () => {
    const { agent, user: me } = await loginAs(jaga, 'admin')
    const other = await aUser(jaga, 'admin')
    await onlyAdmins([me.id, other.id])
    expect((await agent.post(`/admin/users/${other.id}/role`, { role: 'facilitator' })).status).toBe(303)
    expect(await activeAdmins()).toEqual([me.id])
    expect((await agent.post(`/admin/users/${me.id}/role`, { role: 'partner' })).status).toBe(422)
    // Promoting someone again makes room to step down.
    expect((await agent.post(`/admin/users/${other.id}/role`, { role: 'admin' })).status).toBe(303)
    expect((await agent.post(`/admin/users/${me.id}/role`, { role: 'coordinator' })).status).toBe(303)
    expect(await activeAdmins()).toEqual([other.id])
  })

  it('stays, when the last two admins demote each other at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      const a = await aUser(jaga, 'admin')
      const b = await aUser(jaga, 'admin')
      await onlyAdmins([a.id, b.id])
      const [agentA, agentB] = [await sessionAgent(jaga, a), await sessionAgent(jaga, b)]
      const results = await Promise.all([agentA.post(`/admin/users/${b.id}/role`, { role: 'coordinator' }), agentB.post(`/admin/users/${a.id}/role`, { role: 'coordinator' })])
      expect(results.map((r) => r.status).sort()).toEqual([303, 422])
      expect(await activeAdmins()).toHaveLength(1)
    }
  })
})
