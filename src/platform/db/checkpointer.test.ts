import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { startCheckpointer } from './checkpointer.ts'

const require = createRequire(import.meta.url)

describe('the WAL checkpointer', () => {
  it('copies the write-ahead log into the database file from its own thread, and stops cleanly', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-wal-')), 'test.sqlite')
    const db = new SQLite(file)
    db.pragma('journal_mode = WAL')
    db.pragma('wal_autocheckpoint = 0')
    db.exec('create table t (a text)')
    const insert = db.prepare('insert into t (a) values (?)')
    db.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run('x'.repeat(100))
    })()
    const before = fs.statSync(file).size
    const checkpointer = startCheckpointer(file, require.resolve('better-sqlite3'), 20)
    const deadline = Date.now() + 5000
    while (fs.statSync(file).size <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    expect(fs.statSync(file).size).toBeGreaterThan(before + 400_000)
    await checkpointer.stop()
    expect((db.prepare('select count(*) as n from t').get() as { n: number }).n).toBe(5000)
    db.close()
  })
})
