import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialect } from '../../../test/harness.ts'
import { Agent, aUser, TEST_PASSWORD, textOf } from '../../../test/agent.ts'
import { aCode, aSessionWithLinks, parentsAnswers } from '../../../test/evaluation-builders.ts'
import { takeBackup } from './backup.ts'
import { restoreBackup } from './restore.ts'
import { emptyDatabase, readBackup, serveOn, type Place } from './backup-test-support.ts'

// Each project backs up its own database and restores into the OTHER kind: the sqlite project goes
// SQLite → PostgreSQL, the postgres project PostgreSQL → SQLite (a team moving up, and back).
const other = dialect === 'sqlite' ? 'postgres' : 'sqlite'
const PASSPHRASE = 'correct horse battery staple'
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-restore-test-'))
const places: Place[] = []
let source: Place
let jaga: Awaited<ReturnType<typeof serveOn>>
let s: Awaited<ReturnType<typeof aSessionWithLinks>>
const file = path.join(dir, 'source.jsonl.gz.enc')

beforeAll(async () => {
  source = await emptyDatabase(dialect)
  places.push(source)
  jaga = await serveOn(source)
  s = await aSessionWithLinks(jaga)
  await s.pair('AN', 4, 9)
  await s.pair('BU', 5, 8)
  await takeBackup({ source: source.target, out: file, passphrase: PASSPHRASE })
})
afterAll(async () => {
  await jaga?.close()
  for (const p of places) await p.drop()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe(`jaga restore (${dialect} → ${other})`, () => {
  it('restores an encrypted backup into an empty database of the other kind, which then serves sign-in, results and new answers', async () => {
    const target = await emptyDatabase(other)
    places.push(target)
    const result = await restoreBackup({ file, target: target.target, passphrase: PASSPHRASE })
    expect(result.counts.submissions).toBe(4)
    expect(result.pendingMigrations).toBe(0)

    const restored = await serveOn(target)
    try {
      const agent = new Agent(restored).lang('en')
      const signedIn = await agent.post('/login', { email: s.facilitator.email, password: TEST_PASSWORD })
      expect(signedIn.status).toBe(303)
      const results = await agent.get(`/sessions/${s.session.id}/evaluation`)
      expect(results.status).toBe(200)
      expect(textOf(await results.text())).toMatch(/Pairs\s*2/)

      const pre = s.links.find((l) => l.phase === 'pre')!
      const answer = { id: crypto.randomUUID(), code: aCode('CI'), answers: parentsAnswers(6) }
      const sent = await restored.request(`http://localhost/api/v1/collect/${pre.token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(answer) })
      expect(sent.status).toBe(201)
      // An answer the phone had already sent before the backup is recognised, not doubled.
      const count = await restored.db.selectFrom('submissions').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      expect(Number(count.n)).toBe(5)
      // A user created after restore works too (sequences, if any, moved on).
      const later = await aUser(restored, 'coordinator')
      expect(later.email).toMatch(/@example.org$/)
    } finally {
      await restored.close()
    }
  })

  it('gives back every row and value unchanged: a backup of the restored database equals the original', async () => {
    const plain = path.join(dir, 'plain.jsonl.gz')
    await takeBackup({ source: source.target, out: plain })
    const target = await emptyDatabase(other)
    places.push(target)
    await restoreBackup({ file: plain, target: target.target })
    const back = path.join(dir, 'back.jsonl.gz')
    await takeBackup({ source: target.target, out: back })
    const a = readBackup(plain).tables
    const b = readBackup(back).tables
    // backup_log differs by design: each backup records itself after its snapshot.
    delete a.backup_log
    delete b.backup_log
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort())
    for (const table of Object.keys(a)) expect(b[table], table).toEqual(a[table])
  })
})
