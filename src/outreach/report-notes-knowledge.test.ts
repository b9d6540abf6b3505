import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { aCode, aSessionWithLinks } from '../../test/evaluation-builders.ts'
import { useTestApp } from '../../test/harness.ts'
import { aPartnerAccount } from '../../test/partner-builders.ts'
import { readPdf } from '../../test/pdf.ts'
import { readShippedQuestionnaires } from '../evaluation/questionnaires.ts'
import { scoredItems } from '../evaluation/questionnaire-schema.ts'
import type { GroupKind } from './target-group-form.ts'

const jaga = useTestApp()

const QUESTIONNAIRE: Partial<Record<GroupKind, string>> = { parents: 'knowledge-parents', teachers: 'knowledge-teachers', community: 'knowledge-community' }

/** A group's knowledge test answered with `right` correct answers (the first ones), the rest wrong. */
function answers(group: GroupKind, right: number): Record<string, string> {
  const items = scoredItems(readShippedQuestionnaires().find((q) => q.key === QUESTIONNAIRE[group])!.definition)
  return Object.fromEntries(
    items.map((item, i) => {
      const correct = String(item.answer)
      const options = item.kind === 'truefalse' ? ['true', 'false'] : item.options!.map((o) => o.value)
      return [item.id, i < right ? correct : options.find((o) => o !== correct)!]
    }),
  )
}

/** A PDF's text in the order it was drawn (a wrapped bar label, then its figures), spaces collapsed. */
const drawnText = (file: string) => execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')

const NOTES = 'Peserta banyak bertanya tentang gim daring. <script>alert(1)</script>\nHubungi Bu Ani di 0812 3456 7890 untuk ruangan.'
const FOLLOW_UP = 'Kunjungi lagi dalam 3 bulan; bawa brosur untuk guru.'
const DISCLOSURE = 'Seorang anak bercerita dia diancam fotonya akan disebarkan.'

/** A programme with reported sessions: parents 6 pairs, teachers 2, community 2; notes on two of them, one telling of harm. */
async function evaluatedProgramme() {
  const parents = await aSessionWithLinks(jaga, { group: 'parents' })
  const { programmeId, facilitator, agent } = parents
  const groups = [
    { s: parents, group: 'parents' as const, people: 6 },
    { s: await aSessionWithLinks(jaga, { programmeId, facilitator, group: 'teachers' }), group: 'teachers' as const, people: 2 },
    { s: await aSessionWithLinks(jaga, { programmeId, facilitator, group: 'community' }), group: 'community' as const, people: 2 },
  ]
  for (const { s, group, people } of groups)
    for (let i = 0; i < people; i++) {
      const code = aCode(`${String.fromCharCode(65 + i)}${String.fromCharCode(75 + i)}`)
      await s.send('pre', { id: crypto.randomUUID(), code, answers: answers(group, 3 + i) })
      await s.send('post', { id: crypto.randomUUID(), code, answers: answers(group, 8 + (i % 3)) })
    }
  const report = async (sessionId: string, notes: string, followUps: string) => {
    await jaga.db.updateTable('sessions').set({ status: 'held' }).where('id', '=', sessionId).execute()
    expect((await agent.post(`/sessions/${sessionId}/report`, { notes, followUps })).status).toBe(303)
  }
  await report(parents.session.id, NOTES, FOLLOW_UP)
  await report(groups[1]!.s.session.id, DISCLOSURE, '')
  return { programmeId, parents: parents.session }
}

/** "Parents and caregivers 6 37% 60%": a group's row of pairs, before and after in a page's text. */
const groupRow = (text: string, group: string) => new RegExp(`${group}(?: · small)?\\s+(\\d+)\\s+(\\d+%)\\s+(\\d+%)`).exec(text)?.slice(1).join(' ')

describe('programme report: session notes and knowledge', () => {
  it('carries each session’s notes, escaped, with personal data blanked and a disclosure withheld, and the knowledge per group of the results page', async () => {
    const { programmeId } = await evaluatedProgramme()
    const coordinator = (await sessionAgent(jaga, await aUser(jaga, 'coordinator'))).lang('en')
    const html = await (await coordinator.get(`/programmes/${programmeId}/report`)).text()
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    const text = textOf(html)
    expect(text).toContain('Session notes')
    expect(text).toContain('Peserta banyak bertanya tentang gim daring.')
    expect(text).toContain('Hubungi Bu Ani di […] untuk ruangan.')
    expect(text).not.toContain('0812')
    expect(text).toContain(`Follow-ups ${FOLLOW_UP}`)
    expect(text).not.toContain('diancam')
    expect(text).toContain('This note is not shown because it may tell of harm.')

    const results = textOf(await (await coordinator.get(`/programmes/${programmeId}/evaluation`)).text())
    const headline = /Among 10 paired participants, knowledge went from \d+% to \d+%\./.exec(results)?.[0]
    expect(headline).toBeDefined()
    expect(text).toContain('Knowledge before and after')
    expect(text).toContain(headline)
    for (const group of ['Parents and caregivers', 'Teachers', 'Community and leaders']) {
      const row = groupRow(results, group)
      expect(row, group).toBeDefined()
      expect(groupRow(text, group)).toBe(row)
    }
    expect(text).toContain('Parents and caregivers (6 pairs)')

    for (const locale of ['id', 'en'] as const) {
      const pdf = await readPdf(await coordinator.lang(locale).get(`/programmes/${programmeId}/report.pdf`))
      expect(pdf.text).toContain('Peserta banyak bertanya tentang gim daring. <script>alert(1)</script>')
      expect(pdf.text).toContain('Hubungi Bu Ani di […] untuk ruangan.')
      expect(pdf.text).toContain(FOLLOW_UP)
      expect(pdf.text).not.toContain('diancam')
      expect(drawnText(pdf.file)).toContain(locale === 'id' ? 'Orang tua dan pengasuh (6 pasangan)' : 'Parents and caregivers (6 pairs)')
      expect(pdf.text).toContain(locale === 'id' ? 'Pengetahuan sebelum dan sesudah' : 'Knowledge before and after')
      expect(pdf.text).not.toMatch(/\.\.|\.:|\?\.|\. \.|\?:|!\./)
      if (locale === 'en') {
        expect(pdf.text).toContain(headline)
        const [, before, after] = groupRow(results, 'Parents and caregivers')!.split(' ')
        expect(drawnText(pdf.file)).toMatch(new RegExp(`Parents and caregivers \\(6 pairs\\) ${before} ${after}`))
      }
    }
  })

  it('shows a partner the knowledge with small groups left out, as the results page does for them', async () => {
    const { programmeId } = await evaluatedProgramme()
    const partner = (await sessionAgent(jaga, await aPartnerAccount(jaga, programmeId))).lang('en')
    const results = textOf(await (await partner.get(`/programmes/${programmeId}/evaluation`)).text())
    const text = textOf(await (await partner.get(`/programmes/${programmeId}/report`)).text())
    expect(groupRow(results, 'Parents and caregivers')).toBeDefined()
    expect(groupRow(text, 'Parents and caregivers')).toBe(groupRow(results, 'Parents and caregivers'))
    for (const small of ['Teachers', 'Community and leaders']) {
      expect(groupRow(results, small)).toBeUndefined()
      expect(groupRow(text, small)).toBeUndefined()
      expect(text).not.toContain(`${small} (2 pairs)`)
    }
    // The snapshot a partner sees takes in a group only once it has 5 new pairs (partner-snapshots.ts): the two small groups are not in it.
    const headline = /Among 6 paired participants, knowledge went from \d+% to \d+%\./.exec(results)?.[0]
    expect(headline).toBeDefined()
    expect(text).toContain(headline)
    const pdf = await readPdf(await partner.get(`/programmes/${programmeId}/report.pdf`))
    expect(drawnText(pdf.file)).toContain('Parents and caregivers (6 pairs)')
    expect(drawnText(pdf.file)).not.toMatch(/Teachers \(2|Community and leaders \(2/)
    expect(pdf.text).toContain(headline)
    // Notes are the team's free text, not an aggregate: a partner's report says so instead of showing them.
    for (const shown of [text, drawnText(pdf.file)]) {
      expect(shown).toContain('Session notes stay with the programme team')
      expect(shown).not.toMatch(/gim daring|brosur untuk guru|not shown because it may tell of harm/)
    }
  })
})
