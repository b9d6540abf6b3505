import type { PartnerKind } from './partner-form.ts'
import type { BaselineLevel, GroupKind } from './target-group-form.ts'

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

export type ProgrammeStatus = 'planned' | 'active' | 'completed' | 'cancelled'

export interface ProgrammesTable {
  id: string
  name: string
  goal: string | null
  /** YYYY-MM-DD */
  startsOn: string
  endsOn: string
  status: ProgrammeStatus
  coordinatorId: string | null
  createdAt: string
  updatedAt: string
}

export interface TargetGroupsTable {
  id: string
  programmeId: string
  areaId: string
  groupKind: GroupKind
  estimatedSize: number | null
  baselineLevel: BaselineLevel
  baselineNote: string | null
  createdAt: string
  updatedAt: string
}

export interface OutreachTables {
  targetGroups: TargetGroupsTable
  partners: PartnersTable
  programmes: ProgrammesTable
  programmeAreas: { programmeId: string; areaId: string }
  programmeFacilitators: { programmeId: string; userId: string }
  programmePartners: { programmeId: string; partnerId: string }
}
