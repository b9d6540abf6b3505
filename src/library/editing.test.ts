import { describe, expect, it } from 'vitest'
import { loginAs, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { LibraryStore } from './library-store.ts'

const jaga = useTestApp()
const PAGE = '/admin/library/id/kesepakatan-keluarga'

async function currentSource(agent: Awaited<ReturnType<typeof loginAs>>['agent'], path = PAGE, field = 'source') {
  const html = await (await agent.get(`${path}/edit`)).text()
  const raw = new RegExp(`<textarea[^>]*name="${field}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html)![1]!
  return raw.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
}

describe('editing the library in the web UI', () => {
  it('takes an edit from draft to review to published by another person, and readers see it at once', async () => {
    const { agent: coordinator, user: author } = await loginAs(jaga, 'coordinator', 'en')
    const { agent: admin, user: reviewer } = await loginAs(jaga, 'admin', 'en')
    const source = await currentSource(coordinator)
    expect(source).toContain('key: family-agreement')
    const edited = source.replace('Ditandatangani:', 'Nomor UPTD PPA setempat: ________\n\nDitandatangani:')

    const saved = await coordinator.post(`${PAGE}/edit`, { source: edited, note: 'Tambah baris UPTD PPA', intent: 'draft' })
    expect(saved.status).toBe(303)
    const revisionUrl = saved.headers.get('Location')!
    expect(textOf(await (await coordinator.get(revisionUrl)).text())).toContain('Nomor UPTD PPA setempat')
    expect((await coordinator.post(`${revisionUrl}/submit`)).status).toBe(303)

    // Readers still see the old text while it waits.
    expect(await (await jaga.request('http://localhost/id/pustaka/kesepakatan-keluarga')).text()).not.toContain('Nomor UPTD PPA setempat')
    expect(textOf(await (await admin.get('/admin/library')).text())).toContain('id/kesepakatan-keluarga')

    const published = await admin.post(`${revisionUrl}/decide`, { decision: 'publish', reviewNote: 'OK' })
    expect(published.status).toBe(303)
    expect(await (await jaga.request('http://localhost/id/pustaka/kesepakatan-keluarga')).text()).toContain('Nomor UPTD PPA setempat')

    const history = textOf(await (await admin.get(PAGE)).text())
    expect(history).toContain(`Version by ${author.email}`)
    expect(history).toContain(`Reviewed by ${reviewer.email}`)
    const audit = await jaga.db.selectFrom('auditEntries').select(['action', 'actorLabel']).where('subjectType', '=', 'library-revision').orderBy('at').execute()
    expect(audit.map((a) => a.action)).toEqual(['library.draft', 'library.submit', 'library.publish'])

    // A restart (or an upgrade shipping new Markdown) keeps the published edit.
    const restarted = new LibraryStore(jaga.db)
    await restarted.reload()
    expect(restarted.current.find('id', 'kesepakatan-keluarga')!.html).toContain('Nomor UPTD PPA setempat')
  })

  it('shows each published version as a change from the version before it', async () => {
    const { agent: coordinator } = await loginAs(jaga, 'coordinator', 'en')
    const { agent: admin } = await loginAs(jaga, 'admin', 'en')
    const page = '/admin/library/en/passwords-and-accounts'
    const publish = async (from: string, to: string) => {
      const source = await currentSource(coordinator, page)
      const saved = await coordinator.post(`${page}/edit`, { source: source.replace(from, to), intent: 'submit' })
      const url = saved.headers.get('Location')!
      await admin.post(`${url}/decide`, { decision: 'publish' })
      return url
    }
    await publish('Five habits', 'Five good habits')
    const second = await publish('Log out', 'Sign out')
    const html = await (await admin.get(second)).text()
    expect(html).toMatch(/<del>[^<]*Log out/)
    expect(html).toMatch(/<ins>[^<]*Sign out/)
    // The first edit is already in both texts, so it is not shown as a change of the second.
    expect(html).not.toMatch(/<ins>[^<]*Five good habits/)
  })

  it('never lets the author publish their own edit', async () => {
    const { agent: admin } = await loginAs(jaga, 'admin', 'en')
    const source = await currentSource(admin, '/admin/library/en/family-agreement')
    const saved = await admin.post('/admin/library/en/family-agreement/edit', { source: source + '\nOne more line.\n', note: '', intent: 'submit' })
    const revisionUrl = saved.headers.get('Location')!
    const res = await admin.post(`${revisionUrl}/decide`, { decision: 'publish' })
    expect(res.status).toBe(409)
    expect(textOf(await res.text())).toContain('You wrote this version; someone else has to review and publish it.')
    expect(await (await jaga.request('http://localhost/en/library/family-agreement')).text()).not.toContain('One more line.')
  })

  it('refuses text that would break the page, next to the field, and saves nothing', async () => {
    const { agent } = await loginAs(jaga, 'coordinator', 'en')
    const before = await jaga.db.selectFrom('libraryRevisions').select('id').execute()
    const source = await currentSource(agent, '/admin/library/en/laws-that-protect-children')
    const noSources = source.replace(/sources:[\s\S]*?reviewed: \d{4}-\d\d-\d\d\n/, '')
    const bad = await agent.post('/admin/library/en/laws-that-protect-children/edit', { source: noSources, intent: 'draft' })
    expect(bad.status).toBe(422)
    expect(textOf(await bad.text())).toContain('This text cannot be saved yet: a factual page needs sources and a reviewed date')
    const rekeyed = await agent.post('/admin/library/en/laws-that-protect-children/edit', { source: source.replace('key: law-overview', 'key: other'), intent: 'draft' })
    expect(textOf(await rekeyed.text())).toContain('"key" must stay law-overview')
    const same = await agent.post('/admin/library/en/laws-that-protect-children/edit', { source, intent: 'draft' })
    expect(textOf(await same.text())).toContain('Nothing differs from the current text.')
    expect(await jaga.db.selectFrom('libraryRevisions').select('id').execute()).toHaveLength(before.length)
  })

  it('lets a reviewer reject an edit, which readers never see', async () => {
    const { agent: coordinator } = await loginAs(jaga, 'coordinator', 'en')
    const { agent: admin } = await loginAs(jaga, 'admin', 'en')
    const source = await currentSource(coordinator, '/admin/library/en/grooming-online')
    const saved = await coordinator.post('/admin/library/en/grooming-online/edit', { source: source.replace('gradually', 'GRADUALLY'), intent: 'submit' })
    const revisionUrl = saved.headers.get('Location')!
    expect((await admin.post(`${revisionUrl}/decide`, { decision: 'reject', reviewNote: 'No shouting' })).status).toBe(303)
    expect(textOf(await (await admin.get(revisionUrl)).text())).toContain('Rejected')
    expect(await (await jaga.request('http://localhost/en/library/grooming-online')).text()).not.toContain('GRADUALLY')
  })

  it('edits a facilitator kit\'s slide deck with its plan, through review, and presents the new deck', async () => {
    const { agent: coordinator } = await loginAs(jaga, 'coordinator', 'en')
    const { agent: admin } = await loginAs(jaga, 'admin', 'en')
    const kit = '/admin/library/id/panduan-fasilitator-sesi-orang-tua'
    const source = await currentSource(coordinator, kit)
    const deck = await currentSource(coordinator, kit, 'slides')
    expect(deck).toContain('## Anak kita daring setiap hari')
    // A page without a deck has no slides field.
    expect(await (await coordinator.get(`${PAGE}/edit`)).text()).not.toContain('name="slides"')

    // An empty deck is refused next to its field, and nothing is saved.
    const before = await jaga.db.selectFrom('libraryRevisions').select('id').execute()
    const empty = await coordinator.post(`${kit}/edit`, { source, slides: '\n---\n  \n', intent: 'draft' })
    expect(empty.status).toBe(422)
    expect(await empty.text()).toMatch(/id="f-slides-error">The deck cannot be empty: write at least one slide\./)
    expect(await jaga.db.selectFrom('libraryRevisions').select('id').execute()).toHaveLength(before.length)

    const newSlide = '## Nomor UPTD PPA setempat\n\nTulis nomornya di papan sebelum sesi dimulai.\n\n---\n\n'
    const saved = await coordinator.post(`${kit}/edit`, { source, slides: newSlide + deck, note: 'Salindia nomor lokal', intent: 'submit' })
    expect(saved.status).toBe(303)
    const revisionUrl = saved.headers.get('Location')!
    const review = await (await admin.get(revisionUrl)).text()
    expect(review).toContain('Changes to the slides')
    expect(review).toMatch(/<ins>## Nomor UPTD PPA setempat/)
    const slidesPage = 'http://localhost/id/pustaka/panduan-fasilitator-sesi-orang-tua/slides'
    expect(await (await jaga.request(slidesPage)).text()).not.toContain('Nomor UPTD PPA setempat')

    expect((await admin.post(`${revisionUrl}/decide`, { decision: 'publish' })).status).toBe(303)
    const presented = textOf(await (await jaga.request(slidesPage)).text())
    expect(presented).toContain('Nomor UPTD PPA setempat')
    expect(presented).toContain(`Slide 1 dari ${deck.split(/^---\s*$/m).filter((x) => x.trim()).length + 1}`)

    // The plan can then change alone: the next revision keeps the published deck.
    const plan = await coordinator.post(`${kit}/edit`, { source: source.replace('90 menit', '75 menit'), intent: 'draft' })
    const draft = await jaga.db.selectFrom('libraryRevisions').select('slides').where('id', '=', plan.headers.get('Location')!.split('/').at(-1)!).executeTakeFirstOrThrow()
    expect(draft.slides).toBe(newSlide + deck)

    const restarted = new LibraryStore(jaga.db)
    await restarted.reload()
    expect(restarted.current.find('id', 'panduan-fasilitator-sesi-orang-tua')!.slideHtml[0]).toContain('Nomor UPTD PPA setempat')
  })

  it('edits a quiz (both languages in one JSON) through review, and refuses one that would break it', async () => {
    const { agent: coordinator } = await loginAs(jaga, 'coordinator', 'en')
    const { agent: admin } = await loginAs(jaga, 'admin', 'en')
    expect(textOf(await (await coordinator.get('/admin/library')).text())).toContain('Quiz for parents')
    const quizPage = '/admin/library/quizzes/parents'
    const source = await currentSource(coordinator, quizPage)
    const quiz = JSON.parse(source)
    expect(quiz.key).toBe('parents')
    const post = (text: string) => coordinator.post(`${quizPage}/edit`, { source: text, intent: 'submit' })
    const before = await jaga.db.selectFrom('libraryRevisions').select('id').execute()

    const broken = await post(source.slice(0, -10))
    expect(broken.status).toBe(422)
    expect(textOf(await broken.text())).toContain('This text cannot be saved yet: not valid JSON')
    const wrongAnswer = await post(JSON.stringify({ ...quiz, questions: [{ ...quiz.questions[0], answer: 'z' }, ...quiz.questions.slice(1)] }, null, 2))
    expect(textOf(await wrongAnswer.text())).toContain('q1: the answer "z" is not one of its options')
    const noPage = await post(JSON.stringify({ ...quiz, questions: [{ ...quiz.questions[0], page: 'no-such-page' }, ...quiz.questions.slice(1)] }, null, 2))
    expect(textOf(await noPage.text())).toContain('Question q1 links to a page that does not exist: no-such-page')
    const rekeyed = await post(JSON.stringify({ ...quiz, key: 'other' }, null, 2))
    expect(textOf(await rekeyed.text())).toContain('"key" must stay parents')
    expect(await jaga.db.selectFrom('libraryRevisions').select('id').execute()).toHaveLength(before.length)

    const edited = JSON.stringify({ ...quiz, questions: [{ ...quiz.questions[0], text: { ...quiz.questions[0].text, en: 'Is this the edited first question?' } }, ...quiz.questions.slice(1)] }, null, 2)
    const saved = await post(edited)
    expect(saved.status).toBe(303)
    const revisionUrl = saved.headers.get('Location')!
    const review = await (await admin.get(revisionUrl)).text()
    expect(review).toMatch(/<ins>[^<]*Is this the edited first question\?/)
    expect(review).toContain(`href="/admin/library/quizzes/parents/edit?from=`)
    expect(await (await jaga.request('http://localhost/en/library/quiz/parents')).text()).not.toContain('Is this the edited first question?')
    expect((await admin.post(`${revisionUrl}/decide`, { decision: 'publish' })).status).toBe(303)
    expect(await (await jaga.request('http://localhost/en/library/quiz/parents')).text()).toContain('Is this the edited first question?')
    expect(textOf(await (await admin.get(quizPage)).text())).toContain('Published')

    const restarted = new LibraryStore(jaga.db)
    await restarted.reload()
    expect(restarted.current.findQuiz('parents')!.questions[0]!.text.en).toBe('Is this the edited first question?')
  })

  it('edits the help directory through review, and refuses a channel without its verified date, a local one or a repeated id', async () => {
    const { agent: coordinator } = await loginAs(jaga, 'coordinator', 'en')
    const { agent: admin } = await loginAs(jaga, 'admin', 'en')
    expect(textOf(await (await coordinator.get('/admin/library')).text())).toContain('Help and reporting directory')
    const source = await currentSource(coordinator, '/admin/library/help')
    const channels = JSON.parse(source) as { id: string; scope: string; verified?: string; handles: { id: string; en: string } }[]
    const post = (list: unknown) => coordinator.post('/admin/library/help/edit', { source: JSON.stringify(list, null, 2), intent: 'submit' })
    const { verified: _dropped, ...unverified } = channels[0]!
    expect(textOf(await (await post([unverified, ...channels.slice(1)])).text())).toContain('This text cannot be saved yet')
    expect(textOf(await (await post([{ ...channels[0]!, scope: 'local' }, ...channels.slice(1)])).text())).toContain('local channels come from the programme')
    expect(textOf(await (await post([...channels, channels[0]])).text())).toContain('this id is used twice')

    const sapa = channels.findIndex((c) => c.id === 'sapa-129')
    const edited = channels.map((c, i) => (i === sapa ? { ...c, handles: { ...c.handles, en: `${c.handles.en} Checked again by the programme.` } } : c))
    const saved = await post(edited)
    expect(saved.status).toBe(303)
    const revisionUrl = saved.headers.get('Location')!
    expect(await (await admin.get(revisionUrl)).text()).toContain('href="/admin/library/help/edit?from=')
    expect((await admin.post(`${revisionUrl}/decide`, { decision: 'publish' })).status).toBe(303)
    expect(textOf(await (await jaga.request('http://localhost/en/library/help')).text())).toContain('Checked again by the programme.')
    const restarted = new LibraryStore(jaga.db)
    await restarted.reload()
    expect(restarted.current.helpChannels.find((c) => c.id === 'sapa-129')!.handles.en).toContain('Checked again by the programme.')
  })

  it('keeps editing away from facilitators and partners', async () => {
    for (const role of ['facilitator', 'partner'] as const) {
      const { agent } = await loginAs(jaga, role)
      expect((await agent.get('/admin/library')).status).toBe(403)
    }
  })
})
