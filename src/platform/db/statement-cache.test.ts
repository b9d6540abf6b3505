import SQLite from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { cacheStatements } from './connect.ts'

describe('the SQLite statement cache', () => {
  it('reuses a prepared statement for the same SQL, drops the oldest past its size, and survives a schema change', () => {
    const db = new SQLite(':memory:')
    cacheStatements(db, 2)
    db.exec('create table t (a integer)')
    const insert = db.prepare('insert into t (a) values (?)')
    expect(db.prepare('insert into t (a) values (?)')).toBe(insert)
    insert.run(1)
    db.prepare('select a from t').all()
    db.prepare('select count(*) as n from t').get()
    expect(db.prepare('insert into t (a) values (?)')).not.toBe(insert)
    const select = db.prepare('select * from t')
    db.exec('alter table t add column b text')
    db.prepare('insert into t (a) values (?)').run(2)
    expect(select.all()).toEqual([{ a: 1, b: null }, { a: 2, b: null }])
  })
})
