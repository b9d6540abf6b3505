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

  it('lets the log start over under a steady stream of writes, where PASSIVE alone lets the -wal file grow with the stream', async () => {
    const limit = 256 * 1024
    const unbounded = await largestWalDuringStream(Number.POSITIVE_INFINITY, limit)
    const bounded = await largestWalDuringStream(limit, limit)
    // Measured on a loaded 2-core machine (load 15): ~26 MB against ~3 MB. A ratio, so a slow machine moves both.
    expect(unbounded).toBeGreaterThan(8 * 1024 * 1024)
    expect(bounded).toBeLessThan(unbounded / 2)
  }, 120_000)
})

/**
 * About 10,000 rows written one per transaction, as a server stores answers, with a pause after every
 * 10 as its event loop takes the next requests; the largest the -wal file got meanwhile.
 */
async function largestWalDuringStream(walLimit: number, journalSizeLimit: number): Promise<number> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-wal-')), 'test.sqlite')
  const db = new SQLite(file)
  db.pragma('journal_mode = WAL')
  db.pragma('wal_autocheckpoint = 0')
  db.pragma('busy_timeout = 5000')
  db.pragma('synchronous = NORMAL')
  db.pragma(`journal_size_limit = ${journalSizeLimit}`)
  db.exec('create table t (a text)')
  const insert = db.prepare('insert into t (a) values (?)')
  const checkpointer = startCheckpointer(file, require.resolve('better-sqlite3'), 20, walLimit)
  let largest = 0
  for (let batch = 0; batch < 1000; batch++) {
    for (let i = 0; i < 10; i++) insert.run('x'.repeat(1000))
    largest = Math.max(largest, fs.statSync(`${file}-wal`).size)
    await new Promise((r) => setTimeout(r, 2))
  }
  await checkpointer.stop()
  expect((db.prepare('select count(*) as n from t').get() as { n: number }).n).toBe(10_000)
  db.close()
  return largest
}
