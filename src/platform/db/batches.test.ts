import { describe, expect, it } from 'vitest'
import { inBatches } from './batches.ts'

describe('asking for rows in batches of ids', () => {
  it('asks for every id once, in order, never more than the batch size at a time, and joins the rows', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `id-${i}`)
    const asked: string[][] = []
    const rows = await inBatches(ids, async (batch) => (asked.push(batch), batch.map((id) => ({ id }))), 100)
    expect(asked.map((b) => b.length)).toEqual([100, 100, 50])
    expect(rows.map((r) => r.id)).toEqual(ids)
  })

  it('asks nothing for no ids', async () => {
    let calls = 0
    expect(await inBatches([], async () => (calls++, [1]))).toEqual([])
    expect(calls).toBe(0)
  })
})
