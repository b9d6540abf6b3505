import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, Db } from '../database.ts'
import { insertAuditEntry, type Actor } from '../accounts/audit-queries.ts'
import { Problem, type FieldError } from '../platform/http/problems.ts'
import { isForeignKeyViolation } from '../platform/db/errors.ts'
import type { AreaInput, AreaNode, AreaUpdate } from './area-form.ts'
import * as q from './area-queries.ts'
import { checkCode, childLevel, CODE_EXAMPLES, isKindOf, type AreaLevel } from './area-rules.ts'

export type { Area } from './area-queries.ts'

/** Every area as a tree, children sorted by name. */
export async function areaTree(db: Db): Promise<AreaNode[]> {
  const rows = await q.listAreas(db)
  const nodes = new Map<string, AreaNode>(rows.map((a) => [a.id, { id: a.id, level: a.level, kind: a.kind, name: a.name, kemendagriCode: a.kemendagriCode, bpsCode: a.bpsCode, children: [] }]))
  const roots: AreaNode[] = []
  for (const a of rows) {
    const node = nodes.get(a.id)!
    const parent = a.parentId ? nodes.get(a.parentId) : undefined
    ;(parent ? parent.children : roots).push(node)
  }
  return roots
}

export async function getArea(db: Db, id: string): Promise<q.Area> {
  const area = await q.findArea(db, id)
  if (!area) throw new Problem('not-found')
  return area
}

/** Field errors for an area placed under `parent` (null: a province). */
async function checkArea(db: Db, input: AreaUpdate, level: AreaLevel, parent: q.Area | null, exceptId?: string): Promise<FieldError[]> {
  const errors: FieldError[] = []
  if (!isKindOf(level, input.kind)) errors.push({ field: 'kind', message: 'area.kindForLevel', params: { level } })
  if (await q.findSiblingByName(db, parent?.id ?? null, input.name, exceptId)) errors.push({ field: 'name', message: 'area.nameTaken' })
  for (const [field, system, column] of [
    ['kemendagriCode', 'kemendagri', 'kemendagriCode'],
    ['bpsCode', 'bps', 'bpsCode'],
  ] as const) {
    const code = input[field]
    if (!code) continue
    const problem = checkCode(system, level, code, parent?.[column] ?? null)
    if (problem === 'format') errors.push({ field, message: 'area.codeFormat', params: { example: CODE_EXAMPLES[level][system] } })
    else if (problem === 'prefix') errors.push({ field, message: 'area.codePrefix', params: { parent: parent?.[column] ?? '' } })
    else {
      const other = await q.findAreaByCode(db, column, code, exceptId)
      if (other) errors.push({ field, message: 'area.codeTaken', params: { name: other.name } })
    }
  }
  return errors
}

export async function createArea(db: Kysely<Database>, actor: Actor, input: AreaInput): Promise<q.Area> {
  return db.transaction().execute(async (trx) => {
    const parent = input.parentId ? ((await q.findArea(trx, input.parentId)) ?? null) : null
    if (input.parentId && !parent) throw new Problem('validation', {}, [{ field: 'parentId', message: 'area.noSuchParent' }])
    const level = childLevel(parent?.level ?? null)
    if (!level) throw new Problem('validation', {}, [{ field: 'parentId', message: 'area.noChildLevel' }])
    const errors = await checkArea(trx, input, level, parent)
    if (errors.length) throw new Problem('validation', {}, errors)
    const now = new Date().toISOString()
    const area: q.Area = { id: crypto.randomUUID(), parentId: parent?.id ?? null, level, kind: input.kind, name: input.name, kemendagriCode: input.kemendagriCode, bpsCode: input.bpsCode, createdAt: now, updatedAt: now }
    await q.insertAreas(trx, [area])
    await insertAuditEntry(trx, actor, 'area.create', { type: 'area', id: area.id }, { name: area.name, level, parent: parent?.name ?? null })
    return area
  })
}

export async function editArea(db: Kysely<Database>, actor: Actor, id: string, input: AreaUpdate): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const area = await getArea(trx, id)
    const parent = area.parentId ? await getArea(trx, area.parentId) : null
    const errors = await checkArea(trx, input, area.level, parent, id)
    if (errors.length) throw new Problem('validation', {}, errors)
    await q.updateArea(trx, id, input)
    const changed = Object.fromEntries(
      (['name', 'kind', 'kemendagriCode', 'bpsCode'] as const).filter((k) => area[k] !== input[k]).map((k) => [k, [area[k], input[k]]]),
    )
    await insertAuditEntry(trx, actor, 'area.update', { type: 'area', id }, { name: area.name, ...changed })
  })
}

export async function removeArea(db: Kysely<Database>, actor: Actor, id: string): Promise<q.Area> {
  return db.transaction().execute(async (trx) => {
    const area = await getArea(trx, id)
    const children = await q.countChildren(trx, id)
    if (children > 0) throw new Problem('conflict', { count: children }, [], 'area.hasChildren')
    try {
      await q.deleteArea(trx, id)
    } catch (e) {
      // Another slice (a programme, later a session) still names this area.
      if (isForeignKeyViolation(e)) throw new Problem('conflict', {}, [], 'area.inUse')
      throw e
    }
    await insertAuditEntry(trx, actor, 'area.delete', { type: 'area', id }, { name: area.name, level: area.level })
    return area
  })
}
