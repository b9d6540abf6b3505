import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'

const jaga = useTestApp()

describe('circles in the builder’s show-if logic', () => {
  it('refuses a show-if that, after a move, makes two questions show each other, naming them in the staff member’s language', async () => {
    const coordinator = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    coordinator.lang('en')
    await coordinator.post('/questionnaires', { key: 'lingkaran', kind: 'feedback', audience: 'parents', titleId: 'Lingkaran', titleEn: 'Circle', introId: '', introEn: '' })
    const item = (id: string, fields: Record<string, string> = {}) => ({ kind: 'text', required: 'never', section: '0', labelId: id, labelEn: id, ...fields })
    expect((await coordinator.post('/questionnaires/lingkaran/items', { id: 'a', ...item('a') })).status).toBe(303)
    expect((await coordinator.post('/questionnaires/lingkaran/items', { id: 'b', ...item('b', { showExpr: "${a} != ''" }) })).status).toBe(303)
    // Moved above a, b now comes first, so a's show-if may pick it: that would close the circle.
    expect((await coordinator.post('/questionnaires/lingkaran/items/b/up')).status).toBe(303)
    const refused = await coordinator.post('/questionnaires/lingkaran/items/a', item('a', { showExpr: "${b} = ''" }))
    expect(refused.status).toBe(422)
    expect(textOf(await refused.text())).toContain('This show-if goes round in a circle: b → a → b (#n: section n).')
    coordinator.lang('id')
    const again = await coordinator.post('/questionnaires/lingkaran/items/a', item('a', { showQ: 'b', showOp: 'eq', showValue: 'x' }))
    expect(textOf(await again.text())).toContain('Syarat tampil ini membuat lingkaran: b → a → b (#n: bagian n).')
    const row = await jaga.db.selectFrom('questionnaireVersions as v').innerJoin('questionnaires as q', 'q.id', 'v.questionnaireId').select('v.definition').where('q.key', '=', 'lingkaran').executeTakeFirstOrThrow()
    expect(JSON.parse(row.definition).sections[0].items.map((i: { relevant?: string }) => i.relevant)).toEqual(["${a} != ''", undefined])
  })

  it('refuses a section show-if that closes a circle through a question in it', async () => {
    const coordinator = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
    coordinator.lang('en')
    await coordinator.post('/questionnaires', { key: 'bagian', kind: 'feedback', audience: 'parents', titleId: 'Bagian', titleEn: 'Sections', introId: '', introEn: '' })
    const item = (id: string, fields: Record<string, string> = {}) => ({ id, kind: 'text', required: 'never', labelId: id, labelEn: id, ...fields })
    await coordinator.post('/questionnaires/bagian/items', item('a', { section: '0' }))
    await coordinator.post('/questionnaires/bagian/items', item('b', { section: '0', showExpr: "${a} != ''" }))
    expect((await coordinator.post('/questionnaires/bagian/sections', { sectionId: 'Dua', sectionEn: 'Two' })).status).toBe(303)
    // a moves down into section 2, so b (section 1) is shown by a later answer; section 2's show-if may name b.
    expect((await coordinator.post('/questionnaires/bagian/items/a/down')).status).toBe(303)
    expect((await coordinator.post('/questionnaires/bagian/items/a/down')).status).toBe(303)
    const refused = await coordinator.post('/questionnaires/bagian/sections/1', { sectionId: 'Dua', sectionEn: 'Two', showExpr: "${b} != ''" })
    expect(refused.status).toBe(422)
    expect(textOf(await refused.text())).toContain('goes round in a circle: b → a → #2 → b (#n: section n)')
  })
})
