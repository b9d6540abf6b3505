import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase, type TestDb } from '../../../test/harness.ts'
import type { Db } from '../../database.ts'
import { reusableQuery } from './reusable-query.ts'

let testDb: TestDb
beforeAll(async () => {
  testDb = await freshDatabase()
})
afterAll(() => testDb.drop())

const addPhrase = reusableQuery((db: Db, id: string, phrase: string, createdAt: string) => db.insertInto('disclosureKeywords').values({ id, locale: 'en', phrase, createdAt }))
const phrasesSince = reusableQuery((db: Db, locale: 'id' | 'en', since: string) => db.selectFrom('disclosureKeywords').select(['id', 'phrase', 'createdAt']).where('locale', '=', locale).where('createdAt', '>=', since).orderBy('createdAt'))

describe('a query compiled once and run with new values', () => {
  it('returns the same rows as the same query built afresh, for other values on each call, inside a transaction too', async () => {
    const { db } = testDb
    const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()]
    await addPhrase(db, ids[0]!, 'first phrase', '2099-12-01T01:00:00.000Z')
    await db.transaction().execute(async (trx) => {
      await addPhrase(trx, ids[1]!, 'second phrase', '2099-12-01T02:00:00.000Z')
      await addPhrase(trx, ids[2]!, 'third phrase', '2099-12-01T03:00:00.000Z')
    })
    const built = (since: string) => db.selectFrom('disclosureKeywords').select(['id', 'phrase', 'createdAt']).where('locale', '=', 'en').where('createdAt', '>=', since).orderBy('createdAt').execute()
    for (const since of ['2026-01-01T00:00:00.000Z', '2099-12-01T00:00:00.000Z', '2099-12-01T02:00:00.000Z', '2099-12-01T03:30:00.000Z']) {
      expect((await phrasesSince(db, 'en', since)).rows).toEqual(await built(since))
    }
    // Camel case applies to the rows as with any other query.
    expect((await phrasesSince(db, 'en', '2099-12-01T03:00:00.000Z')).rows).toEqual([{ id: ids[2], phrase: 'third phrase', createdAt: '2099-12-01T03:00:00.000Z' }])
    expect((await phrasesSince(db, 'id', '2099-12-01T00:00:00.000Z')).rows).toEqual([])
  })

  it('stores a NUL or a lone surrogate as U+FFFD on both databases, as every other query does', async () => {
    const id = crypto.randomUUID()
    await addPhrase(testDb.db, id, 'a\u0000b\uD800c', '2099-12-02T00:00:00.000Z')
    const row = await testDb.db.selectFrom('disclosureKeywords').select('phrase').where('id', '=', id).executeTakeFirstOrThrow()
    expect(row.phrase).toBe('a\uFFFDb\uFFFDc')
  })

  it('refuses a query that does not bind every value it is given', async () => {
    const unbound = reusableQuery((db: Db, _locale: string) => db.selectFrom('disclosureKeywords').select('id').where('locale', '=', 'en'))
    await expect(unbound(testDb.db, 'en')).rejects.toThrow(/every argument/)
  })
})
