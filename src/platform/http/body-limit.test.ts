import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { declaredBodyLimit } from './body-limit.ts'

const app = new Hono()
app.use(declaredBodyLimit({ maxSize: 10, onError: (c) => c.text('too large', 413) }))
app.all('/', async (c) => c.text(`read ${(await c.req.text()).length}`))

const streamed = (text: string) =>
  new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text))
      controller.close()
    },
  })

describe('the body limit read from the headers', () => {
  it('refuses a declared Content-Length over the limit unread, and lets one within it through', async () => {
    expect((await app.request('/', { method: 'POST', headers: { 'Content-Length': '11' }, body: 'x'.repeat(11) })).status).toBe(413)
    const within = await app.request('/', { method: 'POST', headers: { 'Content-Length': '10' }, body: 'x'.repeat(10) })
    expect(await within.text()).toBe('read 10')
  })

  it('counts a body sent without Content-Length as it comes, and refuses it past the limit', async () => {
    expect((await app.request('/', { method: 'POST', body: streamed('x'.repeat(11)), duplex: 'half' } as RequestInit)).status).toBe(413)
    expect(await (await app.request('/', { method: 'POST', body: streamed('x'.repeat(9)), duplex: 'half' } as RequestInit)).text()).toBe('read 9')
  })

  it('counts the body when Transfer-Encoding is sent, whatever Content-Length says', async () => {
    expect((await app.request('/', { method: 'POST', headers: { 'Content-Length': '1', 'Transfer-Encoding': 'chunked' }, body: streamed('x'.repeat(11)), duplex: 'half' } as RequestInit)).status).toBe(413)
  })

  it('lets a GET through', async () => {
    expect(await (await app.request('/')).text()).toBe('read 0')
  })
})
