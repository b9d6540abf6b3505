import { describe, expect, it } from 'vitest'
import { aSessionWithLinks, parentsAnswers } from '../../test/evaluation-builders.ts'
import { useTestApp } from '../../test/harness.ts'

const jaga = useTestApp()

// The paper grid's first column holds each row's number and code parts, so it can stay in view (sticky) while
// a long questionnaire's items scroll sideways (issue 15); the browser side is e2e/wide-tables.test.ts.
describe('the paper grid', () => {
  it('puts each row’s number and code parts in its row header, one column per question after it', async () => {
    const { session, agent, links } = await aSessionWithLinks(jaga)
    const pre = links.find((l) => l.phase === 'pre')!
    await agent.lang('en')
    const grid = await (await agent.get(`/sessions/${session.id}/evaluation/links/${pre.id}/paper`)).text()
    const rowHeaders = [...grid.matchAll(/<th scope="row" class="code-col">([\s\S]*?)<\/th>/g)].map((m) => m[1]!)
    expect(rowHeaders).toHaveLength(10)
    for (const [r, header] of rowHeaders.entries()) {
      expect(header).toContain(`<span class="row-n">${r + 1}</span>`)
      for (const part of ['mother', 'day', 'own', 'siblings']) expect(header).toContain(`name="r${r}.code.${part}"`)
    }
    expect(grid.match(/<th scope="col" class="item"/g)).toHaveLength(Object.keys(parentsAnswers(0)).length)
  })

  it('marks a mistyped code part where it is typed, inside the row header', async () => {
    const { session, agent, links } = await aSessionWithLinks(jaga)
    const pre = links.find((l) => l.phase === 'pre')!
    await agent.lang('en')
    const grid = await (await agent.get(`/sessions/${session.id}/evaluation/links/${pre.id}/paper`)).text()
    const id = /name="r0\.id" value="([^"]+)"/.exec(grid)![1]!
    const answers = Object.fromEntries(Object.entries(parentsAnswers(15)).map(([item]) => [`r0.a.${item}`, '?']))
    const res = await agent.post(`/sessions/${session.id}/evaluation/links/${pre.id}/paper`, { 'r0.id': id, 'r0.code.mother': 'P1', 'r0.code.day': '4', 'r0.code.own': 'R', 'r0.code.siblings': '1', ...answers })
    expect(res.status).toBe(422)
    const row = /<th scope="row" class="code-col">([\s\S]*?)<\/th>/.exec(await res.text())![1]!
    expect(row).toMatch(/<span class="part part-2 has-error"><input type="text" name="r0\.code\.mother" value="P1"[^>]*aria-invalid="true"/)
    expect(row).not.toMatch(/has-error"><input type="text" name="r0\.code\.day"/)
  })
})
