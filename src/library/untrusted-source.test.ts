import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loginAs, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { CONTENT_DIR, ContentError, parsePage } from './content.ts'

// Library sources are written by coordinators in the web editor: text from a person, so hostile.
const jaga = useTestApp()
const PAGE = '/admin/library/en/passwords-and-accounts'
const MARK = '__jagaFrontmatterRan'

async function currentSource(agent: Awaited<ReturnType<typeof loginAs>>['agent']) {
  const html = await (await agent.get(`${PAGE}/edit`)).text()
  const raw = /<textarea[^>]*name="source"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)![1]!
  return raw.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
}

describe('library sources are data, never code', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>)[MARK]
  })

  for (const engine of ['js', 'javascript', 'coffee']) {
    it(`refuses front matter opened with "---${engine}" and runs nothing, not even while checking it`, async () => {
      const { agent } = await loginAs(jaga, 'coordinator', 'en')
      const before = await jaga.db.selectFrom('libraryRevisions').select('id').execute()
      const body = (await currentSource(agent)).replace(/^---\n[\s\S]*?\n---\n/, '')
      const evil = `---${engine}\n{ key: (globalThis.${MARK} = true, 'passwords-and-accounts') }\n---\n${body}`
      const response = await agent.post(`${PAGE}/edit`, { source: evil, intent: 'draft' })
      expect(response.status).toBe(422)
      expect(textOf(await response.text())).toContain('The front matter must be YAML: open it with a line of just "---"')
      expect((globalThis as Record<string, unknown>)[MARK]).toBeUndefined()
      expect(await jaga.db.selectFrom('libraryRevisions').select('id').execute()).toHaveLength(before.length)
    })
  }

  it('says so in Indonesian to an Indonesian editor', async () => {
    const { agent } = await loginAs(jaga, 'coordinator', 'id')
    const response = await agent.post(`${PAGE}/edit`, { source: `---js\n{ key: 'x' }\n---\nText`, intent: 'draft' })
    expect(textOf(await response.text())).toContain('Bagian depan halaman hanya boleh berupa YAML')
  })

  it('reads YAML without custom tags, so a !!js/function tag is refused as invalid YAML', () => {
    const source = `---\nkey: x\ntitle: !!js/function 'function () { globalThis.${MARK} = true }'\n---\nText`
    expect(() => parsePage('en', 'x', source)).toThrow(ContentError)
    expect((globalThis as Record<string, unknown>)[MARK]).toBeUndefined()
  })

  it('keeps a review date as the text written, not a Date', () => {
    const source = fs.readFileSync(path.join(CONTENT_DIR, 'en', 'laws-that-protect-children.md'), 'utf8')
    expect(parsePage('en', 'laws-that-protect-children', source).reviewed).toMatch(/^\d{4}-\d\d-\d\d$/)
  })
})

describe('library pages carry no pictures', () => {
  const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
  for (const [name, markdown] of [
    ['a data: image', `![a picture](${png})`],
    ['an image from the web', '![a picture](https://example.org/photo.jpg)'],
    ['a data: link', `[open this](${png})`],
  ] as const) {
    it(`refuses ${name} in an edit, next to the field, in the editor's language`, async () => {
      const { agent } = await loginAs(jaga, 'coordinator', 'en')
      const source = `${await currentSource(agent)}\n\n${markdown}\n`
      const response = await agent.post(`${PAGE}/edit`, { source, intent: 'draft' })
      expect(response.status).toBe(422)
      expect(textOf(await response.text())).toContain('Library pages cannot carry pictures')
    })
  }

  it('sends no data: in the image policy', async () => {
    const response = await jaga.request('http://localhost/en/library')
    const csp = response.headers.get('Content-Security-Policy')!
    expect(csp).toMatch(/img-src 'self'(;|$)/)
    expect(csp).not.toContain('data:')
  })
})
