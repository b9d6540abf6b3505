import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import type { Actor } from '../accounts/audit-queries.ts'
import { createApiToken, listApiTokensByEmail, revokeApiToken, type ApiTokenView } from '../accounts/api-tokens.ts'

export interface TokenArgs {
  email?: string | undefined
  label?: string | undefined
  expiresInDays?: string | undefined
  id?: string | undefined
}

interface Out {
  say: (s: string) => void
  complain: (s: string) => void
}

/** `jaga token create|list|revoke`; the arguments are already checked for presence. */
export async function runTokenCommand(db: Kysely<Database>, actor: Actor, verb: 'create' | 'list' | 'revoke', args: TokenArgs, out: Out): Promise<void> {
  if (verb === 'create') {
    const email = args.email!.trim().toLowerCase()
    const token = await createApiToken(db, actor, email, args.label ?? 'created with jaga token create', { expiresInDays: args.expiresInDays })
    out.complain(`API token for ${email} (shown once; send it as "Authorization: Bearer <token>"):`)
    out.say(token)
  } else if (verb === 'list') {
    const tokens = await listApiTokensByEmail(db, args.email!)
    if (tokens.length === 0) out.say(`no API tokens for ${args.email!.trim().toLowerCase()}`)
    else for (const line of tokenTable(tokens)) out.say(line)
  } else {
    await revokeApiToken(db, actor, args.id!)
    out.say(`revoked API token ${args.id}`)
  }
}

/** Aligned columns; never the secret. Labels are shown without control characters, so they cannot steer the terminal. */
export function tokenTable(tokens: ApiTokenView[]): string[] {
  const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')}Z` : '-')
  const rows = [
    ['id', 'label', 'created', 'last used', 'expires', 'revoked', 'status'],
    ...tokens.map((k) => [k.id, k.label.replace(/\p{Cc}/gu, '?'), when(k.createdAt), when(k.lastUsedAt), when(k.expiresAt), when(k.revokedAt), k.status]),
  ]
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '))
}
