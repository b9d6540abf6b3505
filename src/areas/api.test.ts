import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { aUser } from '../../test/agent.ts'
import { useTestApp } from '../../test/harness.ts'
import { createApiToken, deactivateUser } from '../accounts/users.ts'
import type { Role } from '../accounts/permissions.ts'
import { isApiPath } from '../accounts/route-table.ts'
import { areaInput } from './area-form.ts'

const jaga = useTestApp()
const AMPLAS = '0b7f4a52-2b41-4c4e-9a57-000000127109'

async function tokenFor(role: Role) {
  const user = await aUser(jaga, role)
  return { user, token: await createApiToken(jaga.db, { id: null, label: 'test' }, user.email, 'test') }
}

const api = (path: string, token: string | null, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  jaga.request(`http://localhost${path}`, { ...init, headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...init.headers } })

const postJson = (path: string, token: string, body: unknown, lang = 'en') =>
  api(path, token, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json', 'Accept-Language': lang } })

describe('the JSON API', () => {
  it('tells a token’s owner who they are and what they may do', async () => {
    const { user, token } = await tokenFor('coordinator')
    const res = await api('/api/v1/me', token)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ id: user.id, email: user.email, displayName: user.displayName, role: 'coordinator', permissions: ['area.view', 'library.edit', 'partner.view', 'partner.edit', 'programme.view', 'programme.edit', 'session.record', 'coverage.view', 'referral.record', 'referral.view'] })
  })

  it('refuses a revoked token: deactivating a user revokes their tokens', async () => {
    const { user, token } = await tokenFor('facilitator')
    await deactivateUser(jaga.db, { id: null, label: 'test' }, user.id)
    const res = await api('/api/v1/me', token)
    expect(res.status).toBe(401)
    expect((await res.json()).detail).toMatch(/unknown|dicabut/)
  })

  it('returns the area tree, Medan Amplas with its kelurahan inside Kota Medan', async () => {
    const { token } = await tokenFor('partner')
    const { areas } = (await (await api('/api/v1/areas', token)).json()) as { areas: any[] }
    const sumut = areas.find((a) => a.name === 'Sumatera Utara')
    const medan = sumut.children.find((a: any) => a.kemendagriCode === '12.71')
    const amplas = medan.children.find((a: any) => a.id === AMPLAS)
    expect(amplas.children.map((k: any) => k.name).sort()).toEqual(['Amplas', 'Bangun Mulia', 'Harjosari I', 'Harjosari II', 'Sitirejo II', 'Sitirejo III', 'Timbang Deli'])
  })

  it('creates an area for an admin: 201, a Location that answers, and an audit entry', async () => {
    const { user, token } = await tokenFor('admin')
    const res = await postJson('/api/v1/areas', token, { parentId: AMPLAS, kind: 'kelurahan', name: 'Kelurahan Uji', kemendagriCode: '12.71.09.1099' })
    expect(res.status).toBe(201)
    const created = await res.json()
    expect(created).toMatchObject({ parentId: AMPLAS, level: 'village', name: 'Kelurahan Uji', kemendagriCode: '12.71.09.1099', bpsCode: null })
    const again = await api(res.headers.get('Location')!, token)
    expect(await again.json()).toEqual(created)
    const audit = await jaga.db.selectFrom('auditEntries').select(['action', 'actorLabel']).where('subjectId', '=', created.id).execute()
    expect(audit).toEqual([{ action: 'area.create', actorLabel: user.email }])
  })

  it('answers invalid fields with 422 problem JSON naming each field, in the requested language', async () => {
    const { token } = await tokenFor('admin')
    const res = await postJson('/api/v1/areas', token, { parentId: AMPLAS, kind: 'castle', name: '' }, 'id')
    expect(res.status).toBe(422)
    expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
    const body = await res.json()
    expect(body).toMatchObject({ type: 'urn:jaga:problem:validation', status: 422, code: 'validation' })
    expect(body.errors).toEqual([
      { field: 'kind', message: 'Pilih salah satu pilihan yang tersedia.' },
      { field: 'name', message: 'Wajib diisi.' },
    ])
  })

  it('answers a domain rule broken with 422 too, and saves nothing', async () => {
    const { token } = await tokenFor('admin')
    const res = await postJson('/api/v1/areas', token, { parentId: AMPLAS, kind: 'kelurahan', name: 'Amplas' })
    expect(res.status).toBe(422)
    expect((await res.json()).errors).toEqual([{ field: 'name', message: 'This name is already used in the same parent area.' }])
    const missingParent = await postJson('/api/v1/areas', token, { parentId: '5b1f0d1e-8f55-4f5e-9a8e-0d6f1b0c9a11', kind: 'kelurahan', name: 'X' })
    expect((await missingParent.json()).errors).toEqual([{ field: 'parentId', message: 'This parent area does not exist.' }])
  })

  it('answers malformed JSON and a wrong content type with 400, never 500', async () => {
    const { token } = await tokenFor('admin')
    const broken = await postJson('/api/v1/areas', token, '{"name": ')
    expect(broken.status).toBe(400)
    expect((await broken.json()).code).toBe('bad-request')
    const form = await api('/api/v1/areas', token, { method: 'POST', body: 'name=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
    expect(form.status).toBe(400)
    const huge = await postJson('/api/v1/areas', token, JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }))
    expect(huge.status).toBe(413)
    expect((await huge.json()).code).toBe('payload-too-large')
  })

  it('forbids a partner from creating areas', async () => {
    const { token } = await tokenFor('partner')
    const res = await postJson('/api/v1/areas', token, { parentId: AMPLAS, kind: 'kelurahan', name: 'Nope' })
    expect(res.status).toBe(403)
    expect((await res.json()).code).toBe('forbidden')
  })

  it('ignores a session cookie under /api/, so another site cannot use a signed-in browser against it', async () => {
    const res = await api('/api/v1/me', null, { headers: { Cookie: 'jaga_session=whatever' } })
    expect(res.status).toBe(401)
  })
})

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and documents every API route that the app registers', async () => {
    const doc = await (await jaga.request('http://localhost/api/v1/openapi.json')).json()
    expect(doc.openapi).toBe('3.1.0')
    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
    const registered = jaga.routes.specs.filter((s) => isApiPath(s.path)).map((s) => `${s.method} ${s.path.replace(/:(\w+)/g, '{$1}')}`)
    expect(new Set(documented)).toEqual(new Set(registered))
  })

  it('describes request bodies with the very zod schema that validates them', async () => {
    const doc = await (await jaga.request('http://localhost/api/v1/openapi.json')).json()
    const schema = doc.paths['/api/v1/areas'].post.requestBody.content['application/json'].schema
    expect(schema).toEqual(z.toJSONSchema(areaInput, { io: 'input', unrepresentable: 'any' }))
    expect(schema.required).toEqual(['kind', 'name'])
  })
})
