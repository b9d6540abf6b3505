import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { afterResponse } from './after-response.ts'

/** A page whose body comes in several turns of the event loop, as a compressed page does. */
function appRecording(seen: { finished: boolean | undefined; bodyDone: boolean }[]) {
  const app = new Hono()
  app.get('/', (c) => {
    const state = { bodyDone: false }
    afterResponse(c, () => {
      const outgoing = (c.env as { outgoing?: http.ServerResponse } | undefined)?.outgoing
      seen.push({ finished: outgoing?.writableFinished, bodyDone: state.bodyDone })
    })
    let n = 0
    const body = new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        await new Promise((resolve) => setImmediate(resolve))
        if (n++ < 5) return controller.enqueue(new TextEncoder().encode(`part ${n}\n`))
        state.bodyDone = true
        controller.close()
      },
    })
    return c.body(body, 200, { 'Content-Type': 'text/plain' })
  })
  return app
}

describe('work left for after a response', () => {
  it('runs once the whole response has been written, not between the turns that write it', async () => {
    const seen: { finished: boolean | undefined; bodyDone: boolean }[] = []
    const server = http.createServer(getRequestListener(appRecording(seen).fetch))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
      expect(await res.text()).toContain('part 5')
      await expect.poll(() => seen.length).toBe(1)
      expect(seen).toEqual([{ finished: true, bodyDone: true }])
    } finally {
      server.close()
    }
  })

  it('runs at once when there is no Node response (app.request in tests)', async () => {
    const seen: { finished: boolean | undefined; bodyDone: boolean }[] = []
    await appRecording(seen).request('/')
    expect(seen).toEqual([{ finished: undefined, bodyDone: false }])
  })
})
