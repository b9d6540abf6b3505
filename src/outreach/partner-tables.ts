import type { PartnerKind } from './partner-form.ts'

export interface PartnersTable {
  id: string
  name: string
  kind: PartnerKind
  areaId: string | null
  contactName: string | null
  contactPhone: string | null
  contactEmail: string | null
  /** YYYY-MM-DD */
  mouStart: string | null
  mouEnd: string | null
  /** What the partner does in the programme, in a sentence or two. */
  roles: string | null
  createdAt: string
  updatedAt: string
}

export interface OutreachTables {
  partners: PartnersTable
}
