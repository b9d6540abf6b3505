import { AsyncLocalStorage } from 'node:async_hooks'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { raw } from 'hono/html'
import { Agent } from '../../../test/agent.ts'
import { aSessionWithLinks } from '../../../test/evaluation-builders.ts'
import { useTestApp } from '../../../test/harness.ts'
import '../views/jsx-sync.ts'

const jaga = useTestApp()

afterEach(() => vi.restoreAllMocks())

/** Calls that would turn Node 20's async hooks on for the rest of the process (render-html.ts says why). */
function watchStorage() {
  const run = vi.spyOn(AsyncLocalStorage.prototype, 'run')
  const enterWith = vi.spyOn(AsyncLocalStorage.prototype, 'enterWith')
  return () => run.mock.calls.length + enterWith.mock.calls.length
}

describe('rendering views without AsyncLocalStorage (jsx-sync.ts)', () => {
  it('renders the markup hono/jsx renders, escaping text and attributes, svg attribute names included', () => {
    const calls = watchStorage()
    const html = String(
      <p title={'a "quoted" <title>'}>
        {'<script>'} & {raw('<b>kept</b>')}
        <svg viewBox="0 0 1 1">
          <path strokeWidth={2} d="M0 0" />
        </svg>
      </p>,
    )
    expect(calls()).toBe(0)
    expect(html).toBe('<p title="a &quot;quoted&quot; &lt;title&gt;">&lt;script&gt; &amp; <b>kept</b><svg viewBox="0 0 1 1"><path stroke-width="2" d="M0 0"></path></svg></p>')
  })

  it('leaves async hooks off while public and staff pages, error pages and the projector are answered', async () => {
    const { session, agent } = await aSessionWithLinks(jaga)
    const visitor = new Agent(jaga)
    const calls = watchStorage()
    // Home, an article with step cards, one with the help directory, one with shared messages, a quiz, a 404.
    for (const path of ['/', '/id/pustaka', '/id/pustaka/pengaturan-whatsapp', '/id/pustaka/cara-melapor', '/en/library/short-messages-for-announcements', '/id/pustaka/kuis/parents', '/id/pustaka/tidak-ada']) {
      const res = await visitor.get(path)
      expect(res.status, path).toBe(path.endsWith('tidak-ada') ? 404 : 200)
      await res.text()
    }
    for (const path of ['/home', `/sessions/${session.id}/evaluation`, `/sessions/${session.id}/evaluation/live`]) {
      const res = await agent.get(path)
      expect(res.status, path).toBe(200)
      await res.text()
    }
    expect(calls()).toBe(0)
  })
})
