import { describe, expect, it } from 'vitest'
import { afterFailure, backoffMs, FIRST_DELAY_MS, MAX_DELAY_MS, nextDue, sendDue, type OutboxEntry } from './outbox.ts'

const entry = (id: string): OutboxEntry => ({ url: '/api/v1/collect/abc', body: { id } })

/** An outbox in memory and a server that answers per id from a script; the clock moves only when told. */
function phone(entries: OutboxEntry[], answer: (id: string) => number | 'offline') {
  let stored = entries.map((e) => ({ ...e }))
  let clock = 1_000_000
  const sent: string[] = []
  const settled: { id: string; status: number }[] = []
  const failed: string[] = []
  const io = {
    read: () => stored.map((e) => ({ ...e })),
    write: (next: OutboxEntry[]) => (stored = next.map((e) => ({ ...e }))),
    now: () => clock,
    random: () => 0.5,
    send: async (e: OutboxEntry) => {
      sent.push(e.body.id)
      const a = answer(e.body.id)
      if (a === 'offline') throw new TypeError('Failed to fetch')
      return { status: a }
    },
    settled: (e: OutboxEntry, r: { status: number }): boolean | void => {
      settled.push({ id: e.body.id, status: r.status })
    },
    failed: (e: OutboxEntry) => void failed.push(e.body.id),
  }
  return {
    io,
    sent,
    settled,
    failed,
    outbox: () => stored,
    advance: (ms: number) => (clock += ms),
    at: () => clock,
  }
}

describe('the phone outbox', () => {
  it('sends the entries behind one that keeps failing with 500, and keeps the failing one with a growing, capped wait', async () => {
    const p = phone([entry('A'), entry('B'), entry('C')], (id) => (id === 'A' ? 500 : 201))
    await sendDue(p.io)
    expect(p.sent).toEqual(['A', 'B', 'C'])
    expect(p.settled.map((s) => s.id)).toEqual(['B', 'C'])
    expect(p.outbox().map((e) => e.body.id)).toEqual(['A'])

    const waits: number[] = []
    for (let i = 0; i < 2; i++) {
      const a = p.outbox()[0]!
      waits.push(a.nextAt! - p.at())
      await sendDue(p.io) // not due yet: nothing is sent
      expect(p.sent.filter((x) => x === 'A')).toHaveLength(i + 1)
      p.advance(a.nextAt! - p.at())
      await sendDue(p.io)
    }
    const a = p.outbox()[0]!
    waits.push(a.nextAt! - p.at())
    expect(p.sent.filter((x) => x === 'A')).toHaveLength(3)
    expect(a.attempts).toBe(3)
    expect(waits).toEqual([FIRST_DELAY_MS, 2 * FIRST_DELAY_MS, 4 * FIRST_DELAY_MS])
    expect(p.failed).toEqual(['A', 'A', 'A'])

    for (let i = 0; i < 10; i++) {
      p.advance(p.outbox()[0]!.nextAt! - p.at())
      await sendDue(p.io)
    }
    expect(p.outbox()[0]!.nextAt! - p.at()).toBe(MAX_DELAY_MS)
    expect(p.outbox().map((e) => e.body.id)).toEqual(['A'])
  })

  it('moves on past a network failure, keeps the entry, and sends everything at once when forced (the phone came online)', async () => {
    let online = false
    const p = phone([entry('A'), entry('B')], (id) => (online || id === 'B' ? 201 : 'offline'))
    await sendDue(p.io)
    expect(p.settled.map((s) => s.id)).toEqual(['B'])
    expect(p.outbox().map((e) => e.body.id)).toEqual(['A'])
    online = true
    await sendDue(p.io)
    expect(p.outbox()).toHaveLength(1) // still waiting its back-off
    await sendDue(p.io, true)
    expect(p.outbox()).toEqual([])
    expect(p.settled.map((s) => s.id)).toEqual(['B', 'A'])
  })

  it('lets a refusal (422), a closed link (409) or a missing link (404) leave the outbox, as before', async () => {
    const statuses: Record<string, number> = { A: 422, B: 409, C: 404, D: 200 }
    const p = phone(['A', 'B', 'C', 'D'].map(entry), (id) => statuses[id]!)
    await sendDue(p.io)
    expect(p.outbox()).toEqual([])
    expect(p.settled).toEqual([
      { id: 'A', status: 422 },
      { id: 'B', status: 409 },
      { id: 'C', status: 404 },
      { id: 'D', status: 200 },
    ])
  })

  it('retries 408 and 429 like a server failure, and ends a pass when the page asks it to', async () => {
    const statuses: Record<string, number> = { A: 429, B: 408, C: 422, D: 201 }
    const p = phone(['A', 'B', 'C', 'D'].map(entry), (id) => statuses[id]!)
    p.io.settled = (e, r) => {
      p.settled.push({ id: e.body.id, status: r.status })
      return e.body.id === 'C' // the page reloads to show the form's errors
    }
    await sendDue(p.io)
    expect(p.sent).toEqual(['A', 'B', 'C'])
    expect(p.outbox().map((e) => e.body.id)).toEqual(['A', 'B', 'D'])
    expect(nextDue(p.outbox())).toBe(0) // D has never been tried
  })

  it('keeps an entry added while a pass is sending', async () => {
    const p = phone([entry('A')], () => 201)
    const send = p.io.send
    p.io.send = async (e) => {
      p.io.write([...p.io.read(), entry('new')])
      return send(e)
    }
    await sendDue(p.io)
    expect(p.outbox().map((e) => e.body.id)).toEqual(['new'])
  })

  it('spreads the waits of phones that failed together by up to a fifth either way', () => {
    expect(backoffMs(1, () => 0)).toBe(FIRST_DELAY_MS * 0.8)
    expect(backoffMs(1, () => 1)).toBe(FIRST_DELAY_MS * 1.2)
    expect(backoffMs(40, () => 1)).toBe(MAX_DELAY_MS * 1.2)
    expect(afterFailure(entry('A'), 0, () => 0.5)).toEqual({ ...entry('A'), attempts: 1, nextAt: FIRST_DELAY_MS })
  })

  it('keeps answers sent before the link opens (409 with Retry-After) and drops them only when the link is closed (409 alone)', async () => {
    const p = phone([entry('early'), entry('closed')], () => 409)
    const plainSend = p.io.send
    p.io.send = async (e) => {
      const r = await plainSend(e)
      return e.body.id === 'early' ? { ...r, headers: new Headers({ 'Retry-After': '3600' }) } : r
    }
    await sendDue(p.io)
    expect(p.outbox().map((e) => e.body.id)).toEqual(['early'])
    expect(p.failed).toEqual(['early'])
    expect(p.settled).toEqual([{ id: 'closed', status: 409 }])
  })
})
