import type { Context } from 'hono'
import type { AppEnv, Deps } from '../app-env.ts'
import { type FieldErrors, fieldErrorsOf, formStrings, validate } from '../platform/http/forms.ts'
import { Problem } from '../platform/http/problems.ts'
import { renderPage } from '../page.tsx'
import { findLastBackup } from '../platform/backup/backup-log-queries.ts'
import { LastBackupNote } from '../platform/backup/views/last-backup.tsx'
import { listApiTokens, revokeApiToken } from './api-tokens.ts'
import type { Actor } from './audit-queries.ts'
import { can } from './permissions.ts'
import type { RouteTable } from './route-table.ts'
import { inviteForm, roleForm } from './user-form.ts'
import { listUsers } from './user-queries.ts'
import { changeRole, createPasswordLink, deactivateUser, getUser, INVITE_LIFETIME_MS, inviteUser, reactivateUser, RESET_LIFETIME_MS } from './users.ts'
import { InvitePage, LinkCreatedPage, UserDetailPage, UserListPage } from './views/users.tsx'

export function actorOf(c: Context<AppEnv>): Actor {
  const user = c.get('user')
  if (!user) throw new Problem('unauthenticated')
  return { id: user.id, label: user.email }
}

export function userRoutes(routes: RouteTable, deps: Deps): void {
  const { db } = deps

  routes.get('/admin/users', 'user.view', async (c) => {
    const t = c.get('t')
    const me = c.get('user')!
    const canManage = can(me.role, 'user.manage')
    // Those who manage accounts run the installation: they see when the last backup was taken.
    const backupNote = canManage ? <LastBackupNote t={t} locale={c.get('locale')} timeZone={deps.config.timeZone} backup={await findLastBackup(db)} /> : null
    const body = <UserListPage t={t} users={await listUsers(db)} canManage={canManage} meId={me.id} backupNote={backupNote} />
    return renderPage(c, { title: t('users.title'), body })
  })

  const showInvite = (c: Context<AppEnv>, values: Record<string, string> = { role: 'facilitator' }, errors: FieldErrors = {}) => {
    const t = c.get('t')
    const body = <InvitePage t={t} csrf={c.get('csrf')()} values={values} errors={errors} />
    return renderPage(c, { title: t('users.invite'), body, status: Object.keys(errors).length ? 422 : 200 })
  }

  routes.get('/admin/users/invite', 'user.manage', (c) => showInvite(c))

  routes.post('/admin/users/invite', 'user.manage', async (c) => {
    const values = formStrings(await c.req.parseBody())
    const parsed = validate(inviteForm, values)
    if (!parsed.ok) return showInvite(c, values, parsed.errors)
    try {
      const { user, token } = await inviteUser(db, actorOf(c), parsed.data)
      return showLink(c, user, token, INVITE_LIFETIME_MS)
    } catch (e) {
      if (e instanceof Problem && e.code === 'validation') return showInvite(c, values, fieldErrorsOf(e))
      throw e
    }
  })

  const showLink = (c: Context<AppEnv>, user: Awaited<ReturnType<typeof getUser>>, token: string, lifetimeMs: number) => {
    const t = c.get('t')
    const link = `${new URL(c.req.url).origin}/access/${token}`
    const expiresAt = new Date(Date.now() + lifetimeMs).toISOString()
    const body = <LinkCreatedPage t={t} locale={c.get('locale')} user={user} link={link} expiresAt={expiresAt} />
    c.header('Cache-Control', 'no-store')
    return renderPage(c, { title: t('users.linkTitle', { name: user.displayName }), body })
  }

  const showUser = async (c: Context<AppEnv>, o: { errors?: FieldErrors; problem?: Problem; saved?: boolean } = {}) => {
    const t = c.get('t')
    const me = c.get('user')!
    const user = await getUser(db, c.req.param('id') ?? '')
    const problem = o.problem ? t((o.problem.detailKey ?? `problem.${o.problem.code}.detail`) as never) : undefined
    const tokens = await listApiTokens(db, user.id)
    const body = (
      <UserDetailPage t={t} locale={c.get('locale')} csrf={c.get('csrf')()} user={user} tokens={tokens} canManage={can(me.role, 'user.manage')} isMe={me.id === user.id} errors={o.errors ?? {}} problem={problem} saved={o.saved ?? false} />
    )
    return renderPage(c, { title: user.displayName, body, status: o.problem ? (o.problem.status as 409) : o.errors ? 422 : 200 })
  }

  routes.get('/admin/users/:id', 'user.view', (c) => showUser(c, { saved: c.req.query('saved') === '1' }))

  /** Runs a change on one user and shows the page again, with the refusal if the change was refused. */
  const change = (run: (c: Context<AppEnv>, id: string) => Promise<unknown>) => async (c: Context<AppEnv>) => {
    const id = c.req.param('id') ?? ''
    await getUser(db, id)
    try {
      await run(c, id)
    } catch (e) {
      if (e instanceof Problem && e.code === 'conflict') return showUser(c, { problem: e })
      // A refused change (the last admin, oneself) is told next to the control that asked for it.
      if (e instanceof Problem && e.code === 'validation') return showUser(c, { errors: fieldErrorsOf(e) })
      throw e
    }
    return c.redirect(`/admin/users/${id}?saved=1`, 303)
  }

  routes.post(
    '/admin/users/:id/role',
    'user.manage',
    change(async (c, id) => {
      const parsed = validate(roleForm, formStrings(await c.req.parseBody()))
      if (!parsed.ok) throw new Problem('conflict', {}, [], 'validation.choice')
      await changeRole(db, actorOf(c), id, parsed.data.role)
    }),
  )
  routes.post('/admin/users/:id/deactivate', 'user.manage', change((c, id) => deactivateUser(db, actorOf(c), id)))
  routes.post('/admin/users/:id/reactivate', 'user.manage', change((c, id) => reactivateUser(db, actorOf(c), id)))

  routes.post('/admin/users/:id/tokens/:tokenId/revoke', 'user.manage', change((c, id) => revokeApiToken(db, actorOf(c), c.req.param('tokenId') ?? '', id)))

  routes.post('/admin/users/:id/password-link', 'user.manage', async (c) => {
    try {
      const { user, token } = await createPasswordLink(db, actorOf(c), c.req.param('id') ?? '')
      return showLink(c, user, token, user.status === 'invited' ? INVITE_LIFETIME_MS : RESET_LIFETIME_MS)
    } catch (e) {
      if (e instanceof Problem && e.code === 'conflict') return showUser(c, { problem: e })
      throw e
    }
  })
}
