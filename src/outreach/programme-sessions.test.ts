import { describe, expect, it } from 'vitest'
import { loginAs, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { aProgramme, aSession, day } from '../../test/outreach-builders.ts'
import { GLANCE, PAGE_SIZE } from './programme-sessions.ts'

const jaga = useTestApp()

/** The session ids a page links to, in the order it lists them. */
const sessionLinks = (html: string) => [...html.matchAll(/href="\/sessions\/([0-9a-f-]{36})"/g)].map((m) => m[1]!)
const nextLink = (html: string) => /<a href="([^"]+)" rel="next"/.exec(html)?.[1]?.replace(/&amp;/g, '&')

describe("a big programme's sessions", () => {
  it('shows the 10 sessions coming up and the 10 most recent, says how many there are of each, and links to all', async () => {
    const programme = await aProgramme(jaga)
    const past = []
    for (let i = 1; i <= 40; i++) past.push(await aSession(jaga, programme.id, { title: `Lalu ${String(i).padStart(2, '0')}`, startsAt: `${day(-i)}T09:00`, endsAt: `${day(-i)}T11:00` }))
    const coming = []
    for (let i = 1; i <= 30; i++) coming.push(await aSession(jaga, programme.id, { title: `Nanti ${String(i).padStart(2, '0')}`, startsAt: `${day(i)}T09:00`, endsAt: `${day(i)}T11:00` }))
    const other = await aProgramme(jaga)
    const elsewhere = await aSession(jaga, other.id, { startsAt: `${day(1)}T08:00`, endsAt: `${day(1)}T09:00` })

    const { agent } = await loginAs(jaga, 'coordinator', 'en')
    const html = await (await agent.get(`/programmes/${programme.id}`)).text()
    const text = textOf(html)
    expect(text).toContain('Showing 20 of 70 sessions · All sessions')
    expect(text).toContain('Coming up (10 of 30)')
    expect(text).toContain('Most recent (10 of 40)')
    // The soonest first, then the newest past first; none of the rest, none of another programme.
    expect(sessionLinks(html)).toEqual([...coming.slice(0, GLANCE), ...past.slice(0, GLANCE)].map((s) => s.id))
    expect(html).not.toContain(elsewhere.id)
    expect(html).toContain(`href="/programmes/${programme.id}/sessions"`)

    const { agent: id } = await loginAs(jaga, 'coordinator', 'id')
    const teks = textOf(await (await id.get(`/programmes/${programme.id}`)).text())
    expect(teks).toContain('Menampilkan 20 dari 70 kegiatan · Semua kegiatan')
    expect(teks).toContain('Akan datang (10 dari 30)')
    expect(teks).toContain('Terakhir berlangsung (10 dari 40)')
  })

  it('lists a small programme whole on its page, as before', async () => {
    const programme = await aProgramme(jaga)
    const sessions = [await aSession(jaga, programme.id, { startsAt: `${day(3)}T09:00`, endsAt: `${day(3)}T10:00` }), await aSession(jaga, programme.id, { startsAt: `${day(-3)}T09:00`, endsAt: `${day(-3)}T10:00` })]
    const { agent } = await loginAs(jaga, 'coordinator', 'en')
    const html = await (await agent.get(`/programmes/${programme.id}`)).text()
    expect(sessionLinks(html)).toEqual([sessions[1]!.id, sessions[0]!.id])
    expect(textOf(html)).not.toContain('All sessions')
  })

  it('pages through every session exactly once in start order, even sessions with the same start and title', async () => {
    const programme = await aProgramme(jaga)
    const made = []
    // Three start times and one title for all: only the id tells the sessions on a page boundary apart.
    for (let i = 0; i < 2 * PAGE_SIZE + 7; i++) made.push(await aSession(jaga, programme.id, { title: 'Sosialisasi', startsAt: `${day(-(i % 3) - 1)}T09:00`, endsAt: `${day(-(i % 3) - 1)}T11:00` }))
    const { agent } = await loginAs(jaga, 'coordinator', 'en')
    const seen: string[] = []
    const ranges: string[] = []
    let href: string | undefined = `/programmes/${programme.id}/sessions`
    while (href) {
      const res = await agent.get(href)
      expect(res.status).toBe(200)
      const html = await res.text()
      seen.push(...sessionLinks(html))
      ranges.push(/Sessions [\d,–]+ of \d+/.exec(textOf(html))![0])
      href = nextLink(html)
    }
    expect(ranges).toEqual(['Sessions 1–50 of 107', 'Sessions 51–100 of 107', 'Sessions 101–107 of 107'])
    expect(seen).toHaveLength(made.length)
    expect(new Set(seen)).toEqual(new Set(made.map((s) => s.id)))
    // Start order: the oldest day's sessions first.
    const startOf = new Map(made.map((s) => [s.id, s.startsAt]))
    expect(seen.map((id) => startOf.get(id))).toEqual([...seen.map((id) => startOf.get(id))].sort())

    const last = await (await agent.get(`/programmes/${programme.id}/sessions?page=99`)).text()
    expect(textOf(last)).toContain('Sessions 101–107 of 107')
    expect(last).toContain('rel="prev"')
    expect(nextLink(last)).toBeUndefined()
    const odd = textOf(await (await agent.get(`/programmes/${programme.id}/sessions?page=abc`)).text())
    expect(odd).toContain('Sessions 1–50 of 107')
    const { agent: id } = await loginAs(jaga, 'coordinator', 'id')
    expect(textOf(await (await id.get(`/programmes/${programme.id}/sessions?page=2`)).text())).toContain('Kegiatan 51–100 dari 107, urut waktu mulai')
  })

  it('answers 404 for the session list of a programme that does not exist', async () => {
    const { agent } = await loginAs(jaga, 'coordinator', 'en')
    expect((await agent.get('/programmes/00000000-0000-4000-8000-000000000000/sessions')).status).toBe(404)
  })
})
