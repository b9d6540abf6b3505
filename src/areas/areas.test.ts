import { describe, expect, it } from 'vitest'
import { loginAs, textOf } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'

const jaga = useTestApp()

const AMPLAS = '0b7f4a52-2b41-4c4e-9a57-000000127109'
const HARJOSARI_I = '0b7f4a52-2b41-4c4e-9a57-127109100400'

const csvForm = (csv: string, name = 'lingkungan.csv') => {
  const form = new FormData()
  form.set('file', new File([csv], name, { type: 'text/csv' }))
  return form
}
const countNeighbourhoods = async () => (await jaga.db.selectFrom('areas').select('id').where('level', '=', 'neighbourhood').execute()).length

describe('the area hierarchy', () => {
  it('ships Medan Amplas with its 7 kelurahan and their Kemendagri and BPS codes', async () => {
    const kelurahan = await jaga.db.selectFrom('areas').select(['name', 'kemendagriCode', 'bpsCode']).where('parentId', '=', AMPLAS).orderBy('kemendagriCode').execute()
    expect(kelurahan).toEqual([
      { name: 'Amplas', kemendagriCode: '12.71.09.1001', bpsCode: '1275030005' },
      { name: 'Sitirejo II', kemendagriCode: '12.71.09.1002', bpsCode: '1275030002' },
      { name: 'Sitirejo III', kemendagriCode: '12.71.09.1003', bpsCode: '1275030003' },
      { name: 'Harjosari I', kemendagriCode: '12.71.09.1004', bpsCode: '1275030004' },
      { name: 'Harjosari II', kemendagriCode: '12.71.09.1005', bpsCode: '1275030001' },
      { name: 'Timbang Deli', kemendagriCode: '12.71.09.1006', bpsCode: '1275030006' },
      { name: 'Bangun Mulia', kemendagriCode: '12.71.09.1007', bpsCode: '1275030007' },
    ])
  })

  it('shows the tree to a facilitator, without edit controls', async () => {
    const { agent } = await loginAs(jaga, 'facilitator')
    const html = await (await agent.get('/areas')).text()
    expect(textOf(html)).toMatch(/Sumatera Utara.*Kota Medan.*Medan Amplas.*Harjosari I/)
    expect(html).not.toContain('/areas/new')
  })

  it('lets an admin add a neighbourhood under a kelurahan and records it in the audit log', async () => {
    const { agent } = await loginAs(jaga, 'admin')
    const form = await agent.get(`/areas/new?parent=${HARJOSARI_I}`)
    expect(textOf(await form.text())).toContain('Add a neighbourhood in Harjosari I')
    const res = await agent.post('/areas', { parentId: HARJOSARI_I, kind: 'lingkungan', name: 'Lingkungan VII', kemendagriCode: '', bpsCode: '' })
    expect(res.status).toBe(303)
    const area = await jaga.db.selectFrom('areas').selectAll().where('name', '=', 'Lingkungan VII').executeTakeFirstOrThrow()
    expect(area).toMatchObject({ parentId: HARJOSARI_I, level: 'neighbourhood', kind: 'lingkungan', kemendagriCode: null })
    const audit = await jaga.db.selectFrom('auditEntries').select('action').where('subjectId', '=', area.id).execute()
    expect(audit.map((a) => a.action)).toEqual(['area.create'])
  })

  it('refuses a wrong code, a code outside the parent and a duplicate name, each next to its field', async () => {
    const { agent } = await loginAs(jaga, 'admin', 'en')
    const bad = await agent.post('/areas', { parentId: AMPLAS, kind: 'kelurahan', name: 'harjosari i', kemendagriCode: '12.71.10.1009', bpsCode: '12750' })
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toMatch(/id="f-name-error">This name is already used in the same parent area\./)
    expect(html).toMatch(/id="f-kemendagriCode-error">The code must start with the parent area’s code \(12\.71\.09\)\./)
    expect(html).toMatch(/id="f-bpsCode-error">The code does not fit this level\. Example: 1275030005/)
    expect(html).toContain('value="12.71.10.1009"')
    const wrongKind = await agent.post('/areas', { parentId: AMPLAS, kind: 'kota', name: 'Baru' })
    expect(await wrongKind.text()).toMatch(/id="f-kind-error">This kind does not fit the village level\./)
  })

  it('edits an area’s name and codes', async () => {
    const { agent } = await loginAs(jaga, 'admin')
    const created = await agent.post('/areas', { parentId: HARJOSARI_I, kind: 'rw', name: 'RW 01' })
    expect(created.status).toBe(303)
    const area = await jaga.db.selectFrom('areas').select('id').where('name', '=', 'RW 01').executeTakeFirstOrThrow()
    const res = await agent.post(`/areas/${area.id}`, { kind: 'rw', name: 'RW 001', kemendagriCode: 'RW-001', bpsCode: '' })
    expect(res.status).toBe(303)
    const row = await jaga.db.selectFrom('areas').select(['name', 'kemendagriCode']).where('id', '=', area.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ name: 'RW 001', kemendagriCode: 'RW-001' })
  })

  it('refuses to delete an area that still has parts, and explains why', async () => {
    const { agent } = await loginAs(jaga, 'admin', 'en')
    const res = await agent.post(`/areas/${AMPLAS}/delete`)
    expect(res.status).toBe(409)
    expect(textOf(await res.text())).toContain('This area still has 7 parts')
    expect(await jaga.db.selectFrom('areas').select('id').where('id', '=', AMPLAS).executeTakeFirst()).toBeDefined()
  })

  it('keeps area editing for admins', async () => {
    const { agent } = await loginAs(jaga, 'coordinator')
    expect((await agent.post('/areas', { parentId: AMPLAS, kind: 'kelurahan', name: 'X' })).status).toBe(403)
  })
})

describe('importing neighbourhoods from CSV', () => {
  it('imports rows naming the kelurahan by Kemendagri code, BPS code or name, comma or semicolon separated', async () => {
    const { agent } = await loginAs(jaga, 'admin', 'en')
    const before = await countNeighbourhoods()
    const csv = '\uFEFFvillage;name;kind\n12.71.09.1001;Lingkungan I;lingkungan\n1275030002;Lingkungan I;\nTimbang Deli;Dusun Atas;dusun\n'
    const res = await agent.post('/areas/import', csvForm(csv))
    expect(res.status).toBe(303)
    expect(textOf(await (await agent.get(res.headers.get('Location')!)).text())).toContain('3 neighbourhoods imported into 3 villages.')
    expect(await countNeighbourhoods()).toBe(before + 3)
  })

  it('reports every bad row by number and imports nothing', async () => {
    const { agent } = await loginAs(jaga, 'admin', 'en')
    const before = await countNeighbourhoods()
    const csv = [
      'village,name,kind,kemendagri_code',
      'Bangun Mulia,Lingkungan 1,lingkungan,',
      'Bangun Muliaa,Lingkungan 2,lingkungan,',
      'Bangun Mulia,,lingkungan,',
      'Bangun Mulia,Lingkungan 3,kampung,',
      'bangun mulia,LINGKUNGAN 1,lingkungan,',
      'Bangun Mulia,Lingkungan 4,lingkungan,bad code!',
    ].join('\n')
    const res = await agent.post('/areas/import', csvForm(csv))
    expect(res.status).toBe(422)
    const text = textOf(await res.text())
    expect(text).toContain('Nothing was imported.')
    expect(text).toContain('Row 3: Village "Bangun Muliaa" was not found.')
    expect(text).toContain('Row 4: The name column is empty.')
    expect(text).toContain('Row 5: Kind "kampung" is unknown')
    expect(text).toContain('Row 6: "LINGKUNGAN 1" already exists in Bangun Mulia.')
    expect(text).toContain('Row 7: The code does not fit this level.')
    expect(text).not.toContain('Row 2:')
    expect(await countNeighbourhoods()).toBe(before)
  })

  it('refuses a file without the required columns, or one that is not text', async () => {
    const { agent } = await loginAs(jaga, 'admin', 'en')
    const noColumns = await agent.post('/areas/import', csvForm('kelurahan,nama\nAmplas,L1\n'))
    expect(textOf(await noColumns.text())).toContain('Row 1: Required columns are missing: village, name')
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe])
    const form = new FormData()
    form.set('file', new File([png], 'photo.png', { type: 'image/png' }))
    const binary = await agent.post('/areas/import', form)
    expect(binary.status).toBe(422)
    expect(await binary.text()).toContain('This file is not UTF-8 CSV text.')
  })
})
