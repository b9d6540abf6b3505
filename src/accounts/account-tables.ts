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

export interface SignInFailuresTable {
  id: string
  email: string
  ip: string
  at: string
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
  signInFailures: SignInFailuresTable
  auditEntries: AuditEntriesTable
}
