export const ROLES = ['admin', 'coordinator', 'facilitator', 'partner'] as const
export type Role = (typeof ROLES)[number]

/** Every permission Jaga checks, as noun.verb. A route names exactly one, or is public or for any signed-in user. */
export const PERMISSIONS = ['area.view', 'area.edit', 'user.view', 'user.manage', 'audit.view', 'library.edit', 'library.publish', 'partner.view', 'partner.edit', 'programme.view', 'programme.edit', 'session.record', 'coverage.view', 'referral.record', 'referral.view'] as const
export type Permission = (typeof PERMISSIONS)[number]

export type Access = Permission | 'public' | 'signed-in'

// The one table of who may do what. Partners read aggregates only; admins hold every permission.
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  // Coordinators write and propose library edits; publishing needs an admin, and never the author.
  coordinator: ['area.view', 'library.edit', 'partner.view', 'partner.edit', 'programme.view', 'programme.edit', 'session.record', 'coverage.view', 'referral.record', 'referral.view'],
  // Facilitators record attendance and reports of the sessions they facilitate (checked per session).
  // Facilitators record referrals and follow up the ones they recorded; referral.view reads them all.
  facilitator: ['area.view', 'partner.view', 'programme.view', 'session.record', 'coverage.view', 'referral.record'],
  // Partner institutions see coverage as aggregates with small cells hidden, and nothing else of outreach.
  partner: ['area.view', 'coverage.view'],
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

export function can(role: Role | undefined, access: Access): boolean {
  if (access === 'public') return true
  if (!role) return false
  if (access === 'signed-in') return true
  return ROLE_PERMISSIONS[role].includes(access)
}
