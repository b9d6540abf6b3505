import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { aSessionWithLinks } from '../../test/evaluation-builders.ts'
import { aPartner, aProgramme, cli, TIMBANG_DELI, today } from '../../test/outreach-builders.ts'
import { setUserAccess } from './partner-accounts.ts'
import { formatDate } from '../platform/i18n/i18n.ts'

const jaga = useTestApp()

/** A programme with one partner institution, and a signed-in account of that institution. */
async function partnerOfProgramme() {
  const institution = await aPartner(jaga)
  const facilitator = await aUser(jaga, 'facilitator')
  const programme = await aProgramme(jaga, { facilitators: [facilitator] })
  await jaga.db.insertInto('programmePartners').values({ programmeId: programme.id, partnerId: institution.id }).execute()
  const user = await aUser(jaga, 'partner')
  await setUserAccess(jaga.db, cli, user.id, { partnerId: institution.id, ownProgrammesOnly: false })
  const session = await aSessionWithLinks(jaga, { programmeId: programme.id, facilitator })
  return { programme, session, facilitator, partner: await sessionAgent(jaga, user) }
}

/** What a partner reads of the programme's knowledge: the coverage row and the evaluation's headline. */
async function partnerFigures(partner: Awaited<ReturnType<typeof sessionAgent>>, programmeId: string) {
  const coverage = textOf(await (await partner.get(`/coverage?programme=${programmeId}`)).text())
  const evaluation = textOf(await (await partner.get(`/programmes/${programmeId}/evaluation`)).text())
  return {
    knowledge: /Harjosari I .*?(before \d+%, after \d+% \(\d+ pairs\)|not enough answers yet)/.exec(coverage)?.[1],
    headline: /(Among \d+ paired participants, knowledge went from \d+% to \d+%\.|Results are shown to partners from 5 before\/after pairs)/.exec(evaluation)?.[1],
    asOf: /Knowledge figures as of ([^;]+);/.exec(coverage)?.[1],
    evaluationAsOf: /Figures as of ([^;]+);/.exec(evaluation)?.[1],
  }
}

describe('what partners see of knowledge scores', () => {
  it('reads the same for no pairs and for a few, so a partner cannot tell that someone answered', async () => {
    const { programme, session, partner } = await partnerOfProgramme()
    const none = await partnerFigures(partner, programme.id)
    expect(none.knowledge).toBe('not enough answers yet')
    expect(none.headline).toBe('Results are shown to partners from 5 before/after pairs')
    await session.pair('AA', 4, 10)
    await session.pair('AB', 5, 11)
    expect(await partnerFigures(partner, programme.id)).toEqual(none)
  })

  it('does not move when one more child answers, and moves, dated, once 5 more pairs have arrived', async () => {
    const { programme, session, partner } = await partnerOfProgramme()
    for (const [i, code] of ['BA', 'BB', 'BC', 'BD', 'BE'].entries()) await session.pair(code, 4 + i, 10 + i)
    const first = await partnerFigures(partner, programme.id)
    expect(first.knowledge).toMatch(/\(5 pairs\)/)
    expect(first.headline).toMatch(/^Among 5 paired participants/)
    const date = formatDate('en', today())
    expect(first.asOf).toBe(date)
    expect(first.evaluationAsOf).toBe(date)

    // One more child: a partner reading before and after would get that child's scores. Nothing moves.
    await session.pair('CA', 0, 15)
    expect(await partnerFigures(partner, programme.id)).toEqual(first)
    for (const code of ['CB', 'CC', 'CD']) await session.pair(code, 0, 15)
    expect(await partnerFigures(partner, programme.id)).toEqual(first)

    // Staff see the live figures all along.
    const staff = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    expect(textOf(await (await staff.get(`/programmes/${programme.id}/evaluation`)).text())).toContain('Among 9 paired participants')

    await session.pair('CE', 0, 15)
    const moved = await partnerFigures(partner, programme.id)
    expect(moved.knowledge).toMatch(/\(10 pairs\)/)
    expect(moved.headline).toMatch(/^Among 10 paired participants/)
    expect(moved.asOf).toBe(date)
  })

  it('takes in new pairs only where each place, group and format they fall in gains 5, however many arrived elsewhere', async () => {
    const { programme, session, partner, facilitator } = await partnerOfProgramme()
    for (const [i, code] of ['DA', 'DB', 'DC', 'DD', 'DE'].entries()) await session.pair(code, 4 + i, 10 + i)
    const first = await partnerFigures(partner, programme.id)
    expect(first.knowledge).toMatch(/\(5 pairs\)/)

    // 4 more in Harjosari I and 1 in Timbang Deli: 5 new in the programme, but Timbang Deli's figure would
    // be one child's, and Harjosari I's would move by 4. Nothing moves.
    const elsewhere = await aSessionWithLinks(jaga, { programmeId: programme.id, facilitator, areaId: TIMBANG_DELI })
    for (const code of ['EA', 'EB', 'EC', 'ED']) await session.pair(code, 0, 15)
    await elsewhere.pair('FA', 0, 15)
    expect(await partnerFigures(partner, programme.id)).toEqual(first)
    const coverage = textOf(await (await partner.get(`/coverage?programme=${programme.id}`)).text())
    expect(/Timbang Deli never reached [\d ]*(not enough answers yet|before \d+%)/.exec(coverage)?.[1]).toBe('not enough answers yet')

    // A fifth new pair in Harjosari I: its 5 come in together; Timbang Deli's one still waits.
    await session.pair('EE', 0, 15)
    expect((await partnerFigures(partner, programme.id)).knowledge).toMatch(/\(10 pairs\)/)
    const after = textOf(await (await partner.get(`/coverage?programme=${programme.id}`)).text())
    expect(/Timbang Deli never reached [\d ]*(not enough answers yet|before \d+%)/.exec(after)?.[1]).toBe('not enough answers yet')
    expect(textOf(await (await partner.get(`/programmes/${programme.id}/evaluation`)).text())).toMatch(/Among 10 paired participants/)
  })
})
