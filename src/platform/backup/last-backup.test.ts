import crypto from 'node:crypto'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../../../test/harness.ts'
import { loginAs, textOf } from '../../../test/agent.ts'

const jaga = useTestApp()

async function recordBackup(takenAt: string, encrypted: boolean): Promise<void> {
  await sql`insert into backup_log (id, taken_at, file_name, bytes, row_count, encrypted, last_migration) values (${crypto.randomUUID()}, ${takenAt}, ${'b.jsonl.gz'}, ${1}, ${1}, ${encrypted ? 1 : 0}, ${'x'})`.execute(jaga.db)
}

describe('the admin sees when the last backup was taken', () => {
  it('says no backup was recorded, then the newest backup’s time, in both languages, and warns when it is old or unencrypted', async () => {
    const { agent } = await loginAs(jaga, 'admin')
    const page = async (lang: 'en' | 'id') => textOf(await (await agent.lang(lang).get('/admin/users')).text())
    expect(await page('en')).toContain('No backup has been recorded yet')
    expect(await page('id')).toContain('Belum ada cadangan yang tercatat')

    await recordBackup('2026-01-02T03:00:00.000Z', false)
    const recent = new Date(Date.now() - 3600_000).toISOString()
    await recordBackup(recent, true)
    const en = await page('en')
    expect(en).toMatch(/Last backup: .*\d/)
    expect(en).not.toContain('2 Jan 2026')
    expect(en).not.toMatch(/not encrypted|two days/)
    expect(await page('id')).toMatch(/Cadangan terakhir: .*\d/)

    // The recent one gone, the newest is the old unencrypted one.
    await sql`delete from backup_log where encrypted = 1`.execute(jaga.db)
    const old = await page('en')
    expect(old).toMatch(/Last backup: .*not encrypted.*more than two days ago/)
  })
})
