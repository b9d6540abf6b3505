import type { AreaKind, AreaLevel } from './area-rules.ts'

export interface AreasTable {
  id: string
  parentId: string | null
  level: AreaLevel
  kind: AreaKind
  name: string
  /** Kemendagri code, dotted: 12.71.09.1001 */
  kemendagriCode: string | null
  /** BPS code, digits only: 1275030005 */
  bpsCode: string | null
  createdAt: string
  updatedAt: string
}

export interface AreaTables {
  areas: AreasTable
}
