import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { aPartnerAccount } from '../../test/partner-builders.ts'
import { readPdf } from '../../test/pdf.ts'
import { aHeldSession, aPartner, aProgramme, aSession, day, HARJOSARI_I, TIMBANG_DELI } from '../../test/outreach-builders.ts'
import { recordReferral } from './referrals.ts'

const jaga = useTestApp()

async function reportedProgramme() {
  const recorder = await aUser(jaga, 'facilitator')
  const programme = await aProgramme(jaga, { name: `Jaga Amplas ${Math.random().toString(36).slice(2, 6)}` })
  await aHeldSession(jaga, programme.id, { female: 20, male: 12 }, { title: 'Seminar orang tua', areaId: HARJOSARI_I })
  await aHeldSession(jaga, programme.id, { female: 2, male: 1 }, { title: 'Kunjungan rumah', format: 'home-visit', areaId: TIMBANG_DELI })
  await aSession(jaga, programme.id, { title: 'Kelas SMP', format: 'class', areaId: TIMBANG_DELI, startsAt: `${day(5)}T08:00`, endsAt: `${day(5)}T09:00` })
  const service = await aPartner(jaga)
  for (const concern of ['grooming', 'sextortion'] as const)
    await recordReferral(jaga.db, { id: recorder.id, label: recorder.email }, { occurredOn: day(-1), areaId: HARJOSARI_I, programmeId: programme.id, ageBand: '13-17', concern, partnerId: service.id, channelId: null, consent: 'guardian', nextFollowUp: null, note: null })
  return programme
}

describe('programme report', () => {
  it('puts the programme, its sessions, reach by area and group and referral counts (no details) on one page', async () => {
    const programme = await reportedProgramme()
    const agent = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    const text = textOf(await (await agent.get(`/programmes/${programme.id}/report`)).text())
    expect(text).toContain(`Programme report: ${programme.name}`)
    expect(text).toContain('2 of 2 kelurahan reached · 2 sessions held · 35 people')
    expect(text).toMatch(/Seminar orang tua \(Held\) Seminar Harjosari I 32/)
    expect(text).toMatch(/Kunjungan rumah \(Held\) Home visit Timbang Deli 3/)
    expect(text).toMatch(/Kelas SMP \(Planned\) Class Timbang Deli 0/)
    // Two referrals: a count under 5 is hidden even from staff in a report, and nothing else is said of them.
    expect(text).toContain('Referrals made: <5')
    expect(text).not.toMatch(/grooming|sextortion/i)
  })

  it('makes the same report as an A4 PDF in the reader’s language', async () => {
    const programme = await reportedProgramme()
    const agent = (await sessionAgent(jaga, await aUser(jaga, 'admin'))).lang('id')
    const res = await agent.get(`/programmes/${programme.id}/report.pdf`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/pdf')
    const { text, info } = await readPdf(res)
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts/)
    expect(text).toContain('Laporan program')
    expect(text).toContain(programme.name)
    expect(text).toContain('2 dari 2 kelurahan sudah dijangkau · 2 kegiatan terlaksana · 35 orang')
    expect(text).toContain('Seminar orang tua')
    expect(text).toContain('Rujukan yang dibuat: <5')
  })

  it('gives a partner the report with small counts hidden', async () => {
    const programme = await reportedProgramme()
    const partner = await sessionAgent(jaga, await aPartnerAccount(jaga, programme.id))
    const text = textOf(await (await partner.get(`/programmes/${programme.id}/report`)).text())
    expect(text).toMatch(/Kunjungan rumah \(Held\) Home visit Timbang Deli <5/)
    expect(text).toContain('Counts under 5 people are hidden')
    expect((await partner.get(`/programmes/${programme.id}/report.pdf`)).status).toBe(200)
  })
})
