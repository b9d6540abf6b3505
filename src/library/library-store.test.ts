import { afterEach, describe, expect, it, vi } from 'vitest'
import { useTestApp } from '../../test/harness.ts'
import { aPartner, cli } from '../../test/outreach-builders.ts'
import { editPartner, partnerHelpChannels } from '../outreach/partners.ts'
import { LibraryStore } from './library-store.ts'
import { publishRevision, saveRevision, submitRevision } from './revisions.ts'

// Every build of the library (all pages parsed and rendered), counted.
const builds = vi.hoisted(() => ({ count: 0 }))
vi.mock('./content.ts', async (original) => {
  const content = await original<typeof import('./content.ts')>()
  return { ...content, loadLibrary: (...args: Parameters<typeof content.loadLibrary>) => (builds.count++, content.loadLibrary(...args)) }
})

// Two stores on one database stand for two app servers: what one publishes, the other must pick up
// at its next poll (main.ts polls every config.libraryPollSeconds).
const jaga = useTestApp()
const author = { id: '00000000-0000-4000-8000-0000000000a1', label: 'author@example.org' }
const reviewer = { id: '00000000-0000-4000-8000-0000000000a2', label: 'reviewer@example.org' }
const others: LibraryStore[] = []

afterEach(() => {
  for (const s of others.splice(0)) s.stopPolling()
})

async function anotherServer(): Promise<{ store: LibraryStore; reloads: () => number }> {
  const store = new LibraryStore(jaga.db, undefined, () => partnerHelpChannels(jaga.db))
  await store.reload()
  let reloads = 0
  store.onChange(() => void (reloads += 1))
  store.startPolling(20)
  others.push(store)
  return { store, reloads: () => reloads }
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('not seen in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('a library held in memory', () => {
  it('is built once when a server starts (the store, then its first reload), and again only when something changed', async () => {
    const before = builds.count
    const store = new LibraryStore(jaga.db)
    await store.reload()
    expect(store.current.find('id', 'kesepakatan-keluarga')).toBeDefined()
    expect(builds.count - before).toBe(1)
  })

  it('is the shipped library when read before its first reload', () => {
    const before = builds.count
    const store = new LibraryStore(jaga.db)
    expect(store.current.pages('en').length).toBeGreaterThan(10)
    expect(store.current).toBe(store.current)
    expect(builds.count - before).toBe(1)
  })
})

describe('a library held in memory by several servers', () => {
  it('shows a page edit published on one server on another at its next poll', async () => {
    const other = await anotherServer()
    const source = jaga.library.currentSource('id', 'kesepakatan-keluarga')!
    const edited = source.replace('Ditandatangani:', 'Baris dari server lain.\n\nDitandatangani:')
    const revision = await saveRevision(jaga.db, jaga.library, author, { locale: 'id', slug: 'kesepakatan-keluarga', source: edited, note: '', submit: false })
    await submitRevision(jaga.db, author, revision.id)
    await publishRevision(jaga.db, jaga.library, reviewer, revision.id, '')

    await until(() => other.store.current.find('id', 'kesepakatan-keluarga')!.html.includes('Baris dari server lain.'))
  })

  it('shows a partner help number changed on one server on another at its next poll', async () => {
    const partner = await aPartner(jaga, { name: 'Pusat Layanan Uji' })
    const other = await anotherServer()
    const help = () => JSON.stringify(other.store.current.helpChannels)
    expect(help()).not.toContain('0811-2222-3333')

    const { id, createdAt, updatedAt, ...fields } = partner
    await editPartner(jaga.db, cli, id, { ...fields, helpPhone: '0811-2222-3333', helpHandlesId: 'Konseling anak', helpHandlesEn: 'Counselling for children' })

    await until(() => other.reloads() > 0)
    expect(help()).toContain('0811-2222-3333')
  })

  it('does not reload while nothing was published', async () => {
    const other = await anotherServer()
    // Ten polls' worth of time.
    await new Promise((r) => setTimeout(r, 200))
    expect(other.reloads()).toBe(0)
  })
})
