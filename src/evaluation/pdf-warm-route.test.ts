import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent } from '../../test/agent.ts'
import { aSessionWithLinks } from '../../test/evaluation-builders.ts'
import { useTestApp } from '../../test/harness.ts'
import { pdfWarmth } from '../platform/pdf.ts'

const jaga = useTestApp()

describe('the session results page and its PDF', () => {
  it('gets the PDF machinery ready once the results page, which links to the PDF, has been answered', async () => {
    const { session, pair } = await aSessionWithLinks(jaga)
    for (const [i, mother] of ['SI', 'RI', 'DE', 'NO', 'YA'].entries()) await pair(mother, 3 + i, 8 + i)
    const coordinator = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    expect(pdfWarmth()).toBe('cold')
    const page = await coordinator.get(`/sessions/${session.id}/evaluation`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain(`/sessions/${session.id}/evaluation/report.pdf`)
    expect(pdfWarmth()).not.toBe('cold')
    await expect.poll(pdfWarmth).toBe('warm')
    const pdf = await coordinator.get(`/sessions/${session.id}/evaluation/report.pdf`)
    expect(pdf.status).toBe(200)
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')
  })
})
