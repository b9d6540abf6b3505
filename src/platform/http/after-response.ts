import type { ServerResponse } from 'node:http'
import type { Context } from 'hono'

/**
 * Runs `task` once this request's response has been written out whole (@hono/node-server passes the
 * Node response as env.outgoing), or at once when there is none (app.request() in tests). For work a
 * page makes ready while it is read: started before the response is sent, its steps ran between the
 * turns that compress and write the page and delayed it (a fresh server's results page: the PDF
 * fonts and fontkit, ~0.2–0.45 s, were in the page's own time, issue 17).
 */
export function afterResponse(c: Context, task: () => void): void {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing
  if (!outgoing || outgoing.writableFinished) return task()
  // 'close' too: a reader who left before the last byte still gets the next page warm.
  let ran = false
  const once = () => {
    if (ran) return
    ran = true
    task()
  }
  outgoing.once('finish', once)
  outgoing.once('close', once)
}
