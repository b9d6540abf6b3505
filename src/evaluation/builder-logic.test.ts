import { describe, expect, it } from 'vitest'
import { aUser, sessionAgent, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'

const jaga = useTestApp()

async function aBuilder(key: string) {
  const coordinator = await sessionAgent(jaga, await aUser(jaga, 'coordinator'))
  coordinator.lang('en')
  await coordinator.post('/questionnaires', { key, kind: 'feedback', audience: 'parents', titleId: 'Survei rumah tangga', titleEn: 'Household survey', introId: '', introEn: '' })
  const add = (fields: Record<string, string>) => coordinator.post(`/questionnaires/${key}/items`, { kind: 'single', required: 'always', section: '0', labelId: 'Pertanyaan', labelEn: 'Question', ...fields })
  const latest = async () => {
    const row = await jaga.db.selectFrom('questionnaireVersions as v').innerJoin('questionnaires as q', 'q.id', 'v.questionnaireId').select('v.definition').where('q.key', '=', key).orderBy('v.version', 'desc').executeTakeFirstOrThrow()
    return JSON.parse(row.definition) as { sections: { relevant?: string; items: Record<string, unknown>[] }[] }
  }
  return { coordinator, add, latest }
}

describe('logic in the questionnaire builder', () => {
  it('adds questions with show-if, required-if, limits and their message from pickers, and opens them again as the same pickers', async () => {
    const { coordinator, add, latest } = await aBuilder('survei-rt')
    expect((await add({ id: 'Has_Children', options: 'Yes | Ya | Yes\nNo | Tidak | No', hintId: 'Termasuk anak angkat', hintEn: 'Adopted children count' })).status).toBe(303)
    const children = await add({ id: 'children', kind: 'number', required: 'when', reqQ: 'Has_Children', reqOp: 'eq', reqValue: 'Yes', showQ: 'Has_Children', showOp: 'ne', showValue: 'No', min: '0', max: '20', integer: 'yes', constraintMsgId: 'Isi 0 sampai 20.', constraintMsgEn: 'Write 0 to 20.' })
    expect(children.status).toBe(303)
    expect((await add({ id: 'visit', kind: 'date', required: 'never', notFuture: 'yes' })).status).toBe(303)
    expect((await add({ id: 'knows', kind: 'truefalse', dontKnow: 'yes' })).status).toBe(303)
    expect((await add({ id: 'source', options: 'tv | TV | TV\nhp | HP | Phone', other: 'yes', showExpr: '${children} > 0 and ${knows} != \'dont_know\'' })).status).toBe(303)
    const items = (await latest()).sections[0]!.items
    expect(items[0]).toMatchObject({ id: 'Has_Children', options: [{ value: 'Yes' }, { value: 'No' }], hint: { id: 'Termasuk anak angkat', en: 'Adopted children count' } })
    expect(items[1]).toMatchObject({ required: false, requiredIf: "${Has_Children} = 'Yes'", relevant: "${Has_Children} != 'No'", constraint: '. >= 0 and . <= 20', constraintMessage: { id: 'Isi 0 sampai 20.', en: 'Write 0 to 20.' }, integer: true })
    expect(items[2]).toMatchObject({ kind: 'date', required: false, constraint: '. <= today()' })
    expect(items[3]).toMatchObject({ dontKnow: true })
    expect(items[4]).toMatchObject({ other: true, relevant: "${children} > 0 and ${knows} != 'dont_know'" })

    const edit = await (await coordinator.get('/questionnaires/survei-rt/items/children/edit')).text()
    expect(edit).toMatch(/<option value="Has_Children" selected="">/)
    expect(edit).toMatch(/<option value="ne" selected="">is not<\/option>/)
    expect(edit).toMatch(/<option value="No" selected="">No: No<\/option>/)
    expect(edit).toMatch(/<option value="when" selected="">/)
    expect(edit).toContain('name="min" type="text" value="0"')
    expect(edit).toContain('name="max" type="text" value="20"')
    // Only earlier questions can be picked.
    expect(edit).not.toMatch(/<option value="visit"/)
    const other = await (await coordinator.get('/questionnaires/survei-rt/items/source/edit')).text()
    expect(other).toContain('${children} &gt; 0 and ${knows} != &#39;dont_know&#39;</textarea>')

    // Saving the re-opened form unchanged changes nothing.
    const same = { kind: 'number', labelId: 'Pertanyaan', labelEn: 'Question', required: 'when', reqQ: 'Has_Children', reqOp: 'eq', reqValue: 'Yes', showQ: 'Has_Children', showOp: 'ne', showValue: 'No', min: '0', max: '20', integer: 'yes', constraintMsgId: 'Isi 0 sampai 20.', constraintMsgEn: 'Write 0 to 20.' }
    expect((await coordinator.post('/questionnaires/survei-rt/items/children', same)).status).toBe(303)
    expect((await latest()).sections[0]!.items[1]).toEqual(items[1])
  })

  it('refuses an advanced expression naming an unknown function or question with a message next to the field, in both languages', async () => {
    const { coordinator, add, latest } = await aBuilder('survei-salah')
    await add({ id: 'age', kind: 'number' })
    const unknown = await add({ id: 'q2', kind: 'text', showExpr: 'pulldata(${age}, 1)' })
    expect(unknown.status).toBe(422)
    const html = await unknown.text()
    expect(textOf(html)).toContain('Jaga does not know the function "pulldata()".')
    expect(html).toMatch(/id="f-showExpr-error"/)
    coordinator.lang('id')
    const later = await add({ id: 'q2', kind: 'text', constraintExpr: '. != ${nanti}' })
    expect(later.status).toBe(422)
    expect(textOf(await later.text())).toContain('${nanti} bukan pertanyaan di kuesioner ini.')
    const beforeOnly = await add({ id: 'q2', kind: 'text', showExpr: '${q9} = 1' })
    expect(textOf(await beforeOnly.text())).toContain('${q9} bukan pertanyaan sebelum pertanyaan ini di kuesioner ini.')
    const own = await coordinator.post('/questionnaires/survei-salah/items/age', { kind: 'number', labelId: 'Usia', labelEn: 'Age', required: 'always', showExpr: '${age} > 1' })
    expect(own.status).toBe(422)
    expect(textOf(await own.text())).toContain('Syarat ini memakai jawaban pertanyaan ini sendiri (${age})')
    const badValue = await add({ id: 'q3', kind: 'text', showQ: 'age', showOp: 'gte', showValue: 'dua' })
    expect(textOf(await badValue.text())).toContain('"age" menjawab dengan angka: tulis angka, bukan "dua".')
    // "Other" writes its text under <id>_other: that name cannot be taken by another question.
    await add({ id: 'job', options: 'a | Petani | Farmer\nb | Guru | Teacher', other: 'yes' })
    expect(textOf(await (await add({ id: 'job_other', kind: 'text' })).text())).toContain('Kode pertanyaan ini sudah dipakai.')
    expect((await latest()).sections[0]!.items.map((i) => i.id)).toEqual(['age', 'job'])
  })

  it('refuses to delete a question that other questions or a section name, saying which', async () => {
    const { coordinator, add, latest } = await aBuilder('survei-rujuk')
    await add({ id: 'smoker', kind: 'truefalse' })
    await add({ id: 'cigs', kind: 'number', showQ: 'smoker', showOp: 'eq', showValue: 'true' })
    await add({ id: 'years', kind: 'number', constraintExpr: '. <= ${cigs} * 100' })
    expect((await coordinator.post('/questionnaires/survei-rujuk/sections', { sectionId: 'Rumah', sectionEn: 'Home' })).status).toBe(303)
    const section = await coordinator.post('/questionnaires/survei-rujuk/sections/1', { sectionId: 'Rumah', sectionEn: 'Home', showQ: 'smoker', showOp: 'eq', showValue: 'false' })
    expect(section.status).toBe(303)
    expect((await latest()).sections[1]!.relevant).toBe("${smoker} = 'false'")
    const page = await (await coordinator.get('/questionnaires/survei-rujuk/edit')).text()
    expect(page).toMatch(/<select id="f-s1-showQ"[^>]*>.*<option value="smoker" selected="">/s)

    const refused = await coordinator.post('/questionnaires/survei-rujuk/items/smoker/delete')
    expect(refused.status).toBe(422)
    const text = textOf(await refused.text())
    expect(text).toContain('Question smoker was not deleted: question(s) cigs use it in their conditions.')
    expect(text).toContain('Question smoker was not deleted: section(s) 2 use it in their show-if condition.')
    coordinator.lang('id')
    expect(textOf(await (await coordinator.post('/questionnaires/survei-rujuk/items/cigs/delete')).text())).toContain('Pertanyaan cigs tidak dihapus: pertanyaan years memakainya dalam syaratnya.')
    // Once nothing names it, it goes.
    expect((await coordinator.post('/questionnaires/survei-rujuk/items/years/delete')).status).toBe(303)
    expect((await coordinator.post('/questionnaires/survei-rujuk/items/cigs/delete')).status).toBe(303)
    const badSection = await coordinator.post('/questionnaires/survei-rujuk/sections/1', { sectionId: 'Rumah', sectionEn: 'Home', showExpr: 'today() > 1 and ${cigs} > 1' })
    expect(badSection.status).toBe(422)
    expect((await coordinator.post('/questionnaires/survei-rujuk/sections/1', { sectionId: 'Rumah', sectionEn: 'Home' })).status).toBe(303)
    expect((await latest()).sections[1]!.relevant).toBeUndefined()
    expect((await coordinator.post('/questionnaires/survei-rujuk/items/smoker/delete')).status).toBe(303)
  })
})
