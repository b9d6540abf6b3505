import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialect } from '../../../test/harness.ts'
import { aUser } from '../../../test/agent.ts'
import { aCode, aSessionWithLinks, parentsAnswers } from '../../../test/evaluation-builders.ts'
import { takeBackup } from './backup.ts'
import { emptyDatabase, readBackup, serveOn, type Place } from './backup-test-support.ts'

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
let place: Place
let jaga: Awaited<ReturnType<typeof serveOn>>
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-backup-'))

beforeAll(async () => {
  place = await emptyDatabase(dialect)
  jaga = await serveOn(place)
})
afterAll(async () => {
  await jaga?.close()
  await place?.drop()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('jaga backup', () => {
  it('holds every submission acknowledged before it started, while phones keep sending, and one consistent snapshot', async () => {
    const s = await aSessionWithLinks(jaga)
    const acknowledged: string[] = []
    const users: string[] = []
    let stop = false
    let n = 0
    const phone = async () => {
      while (!stop && n < 1500) {
        const id = crypto.randomUUID()
        n += 1
        await s.send(n % 2 ? 'pre' : 'post', { id, code: aCode(LETTERS[n % 26]! + LETTERS[Math.floor(n / 26) % 26]!), answers: parentsAnswers(n % 10) })
        acknowledged.push(id)
        // Requests arrive as network events: with SQLite's synchronous driver a loop of app.request()
        // would otherwise never let a timer or the backup's file writes run.
        await new Promise((r) => setImmediate(r))
      }
    }
    // An administrator adding accounts meanwhile: each account and its audit entry are one transaction.
    const admin = async () => {
      while (!stop) users.push((await aUser(jaga, 'facilitator')).id)
    }
    const fail = (e: unknown) => ((stop = true), Promise.reject(e))
    const writers = [admin().catch(fail)]
    while (users.length < 1 && !stop) await new Promise((r) => setTimeout(r, 5))
    writers.push(...Array.from({ length: 4 }, () => phone().catch(fail)))
    while (acknowledged.length < 40 && !stop) await new Promise((r) => setTimeout(r, 5))

    const before = new Set(acknowledged)
    const out = path.join(dir, 'under-load.jsonl.gz')
    const result = await takeBackup({ source: place.target, out, batch: 20 })
    const during = acknowledged.length - before.size
    stop = true
    await Promise.all(writers)

    const backup = readBackup(out)
    const ids = new Set(backup.tables.submissions!.map((r) => r.id))
    expect([...before].filter((id) => !ids.has(id))).toEqual([])
    expect(during).toBeGreaterThan(0)
    expect(ids.size).toBeLessThan(acknowledged.length)
    // Not half-included: every account the backup holds has its audit entry, and no entry lacks its account.
    const backedUpUsers = new Set(backup.tables.users!.map((r) => r.id))
    const audited = new Set(backup.tables.audit_entries!.filter((r) => r.action === 'user.create').map((r) => r.subject_id))
    for (const id of users) expect(backedUpUsers.has(id), id).toBe(audited.has(id))
    expect(result.counts.submissions).toBe(ids.size)
    const total = await jaga.db.selectFrom('submissions').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(total.n)).toBe(acknowledged.length)
  }, 60_000)

  it('writes a manifest with the format, app version, last migration, counts per table and a checksum, and no bookkeeping tables', async () => {
    const out = path.join(dir, 'manifest.jsonl.gz')
    const result = await takeBackup({ source: place.target, out })
    const backup = readBackup(out)
    expect(backup.header).toMatchObject({ format: 'jaga-backup', formatVersion: 1, dialect })
    expect(backup.manifest).toMatchObject({ manifest: true, lastMigration: result.lastMigration, counts: result.counts })
    expect(backup.manifest.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(result.lastMigration).toMatch(/^2026-12-01-27-backup-log$|^\d{4}-/)
    expect(Object.keys(backup.tables)).not.toContain('kysely_migration')
    // Derived data (kept pairs and the log that marks them stale) is made again after a restore; the first test's answers made some.
    expect(Number((await jaga.db.withTables<{ pairChanges: { id: number } }>().selectFrom('pairChanges').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBeGreaterThan(0)
    expect(Object.keys(backup.tables)).not.toContain('pair_changes')
    expect(Object.keys(backup.tables)).not.toContain('session_pair_cache')
    expect(Object.keys(backup.tables)).toContain('users')
    for (const [table, rows] of Object.entries(backup.tables)) expect(rows.length).toBe((backup.manifest.counts as Record<string, number>)[table])
    // Parents before children, so a restore can insert in file order.
    const order = backup.header.tables as string[]
    expect(order.indexOf('collection_links')).toBeLessThan(order.indexOf('submissions'))
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('collection_links'))
    expect((fs.statSync(out).mode & 0o777).toString(8)).toBe('600')
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([])
  })

  it('records each finished backup, which the next backup holds', async () => {
    const rows = await jaga.db.selectFrom('backupLog' as never).selectAll().execute()
    expect(rows.length).toBeGreaterThanOrEqual(2)
    const out = path.join(dir, 'third.jsonl.gz')
    await takeBackup({ source: place.target, out })
    expect(readBackup(out).tables.backup_log!.length).toBe(rows.length)
  })
})
