import type { Role } from './permissions.ts'

export type UserStatus = 'invited' | 'active' | 'deactivated'
export type AccessLinkPurpose = 'invite' | 'reset'

export interface UsersTable {
  id: string
  email: string
  displayName: string
  role: Role
  status: UserStatus
  passwordHash: string | null
  createdAt: string
  updatedAt: string
  /** A partner account's institution (partners.id); null: it sees nothing programme-specific. Optional: the database defaults it. */
  partnerId?: string | null
  /** 1: a coordinator sees only the programmes whose team includes them (see outreach/programme-scope.ts). */
  ownProgrammesOnly?: number
}

export interface LoginSessionsTable {
  id: string
  userId: string
  createdAt: string
  lastSeenAt: string
  expiresAt: string
}

export interface AccessLinksTable {
  id: string
  userId: string
  purpose: AccessLinkPurpose
  createdBy: string | null
  createdAt: string
  expiresAt: string
  usedAt: string | null
}

export interface ApiTokensTable {
  id: string
  userId: string
  tokenHash: string
  label: string
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
  /** Null: the token works until it is revoked. */
  expiresAt: string | null
}

export interface SignInAttemptsTable {
  id: string
  email: string
  ip: string
  /** sha256 of the trusted-device cookie the attempt came with, if it is trusted for this email. */
  device: string | null
  at: string
  outcome: 'pending' | 'failure'
}

export interface TrustedDevicesTable {
  tokenHash: string
  email: string
  createdAt: string
  lastUsedAt: string
}

export interface AuditEntriesTable {
  id: string
  at: string
  actorId: string | null
  actorLabel: string
  action: string
  subjectType: string
  subjectId: string | null
  /** JSON: the fields that changed, never a secret. */
  summary: string
}

export interface AccountTables {
  users: UsersTable
  loginSessions: LoginSessionsTable
  accessLinks: AccessLinksTable
  apiTokens: ApiTokensTable
  signInAttempts: SignInAttemptsTable
  trustedDevices: TrustedDevicesTable
  auditEntries: AuditEntriesTable
}
