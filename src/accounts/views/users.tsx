import type { Child } from 'hono/jsx'
import type { FieldErrors, FormValues } from '../../platform/http/forms.ts'
import { ErrorSummary, Field, Notice, PostForm, Select, TableWrap } from '../../platform/views/components.tsx'
import { formatDateTime, type Locale } from '../../platform/i18n/i18n.ts'
import type { MessageKey, T } from '../../messages.ts'
import { ROLES } from '../permissions.ts'
import type { PublicUser } from '../user-queries.ts'
import type { ApiTokenView } from '../api-tokens.ts'
import { TokenTable } from './api-tokens.tsx'

const roleOptions = (t: T) => ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))

export function UserListPage(p: { t: T; users: PublicUser[]; canManage: boolean; meId: string; backupNote?: Child }) {
  const { t } = p
  return (
    <>
      <h1>{t('users.title')}</h1>
      {p.backupNote ?? null}
      {p.canManage ? (
        <p>
          <a class="button" href="/admin/users/invite">
            {t('users.invite')}
          </a>
        </p>
      ) : null}
      <TableWrap label={t('users.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('account.email')}</th>
              <th scope="col">{t('role.label')}</th>
              <th scope="col">{t('status.label')}</th>
            </tr>
          </thead>
          <tbody>
            {p.users.map((u) => (
              <tr>
                <td>
                  <a href={`/admin/users/${u.id}`}>{u.displayName}</a> {u.id === p.meId ? <span class="muted">{t('users.you')}</span> : null}
                </td>
                <td>{u.email}</td>
                <td>{t(`role.${u.role}`)}</td>
                <td>{t(`status.${u.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  )
}

export function InvitePage(p: { t: T; csrf: string; values: FormValues; errors: FieldErrors }) {
  const { t } = p
  return (
    <>
      <h1>{t('users.invite')}</h1>
      <p>{t('users.inviteIntro')}</p>
      <ErrorSummary t={t} errors={p.errors} />
      <PostForm action="/admin/users/invite" csrf={p.csrf}>
        <Field t={t} name="displayName" label={t('users.name')} values={p.values} errors={p.errors} required maxlength={120} />
        <Field t={t} name="email" type="email" label={t('account.email')} values={p.values} errors={p.errors} required maxlength={254} />
        <Select t={t} name="role" label={t('role.label')} values={p.values} errors={p.errors} options={roleOptions(t)} required />
        <div class="actions">
          <button type="submit">{t('users.sendInvite')}</button>
          <a href="/admin/users">{t('common.cancel')}</a>
        </div>
      </PostForm>
    </>
  )
}

export function LinkCreatedPage(p: { t: T; locale: Locale; user: PublicUser; link: string; expiresAt: string }) {
  const { t } = p
  return (
    <>
      <h1>{t('users.linkTitle', { name: p.user.displayName })}</h1>
      <Notice kind="success">{t('users.linkShare', { email: p.user.email, date: formatDateTime(p.locale, p.expiresAt) })}</Notice>
      <code class="copy" data-testid="access-link">
        {p.link}
      </code>
      <p>
        <a href={`/admin/users/${p.user.id}`}>{t('common.back')}</a>
      </p>
    </>
  )
}

export interface UserDetailProps {
  t: T
  locale: Locale
  csrf: string
  user: PublicUser
  tokens: ApiTokenView[]
  canManage: boolean
  isMe: boolean
  errors: FieldErrors
  problem?: string | undefined
  saved?: boolean
}

export function UserDetailPage(p: UserDetailProps) {
  const { t, user } = p
  const base = `/admin/users/${user.id}`
  const statusError = p.errors.status ? (
    <p class="error" id="f-status-error">
      {t(p.errors.status.message as MessageKey)}
    </p>
  ) : null
  return (
    <>
      <h1>{user.displayName}</h1>
      {p.saved ? <Notice kind="success">{t('users.saved')}</Notice> : null}
      {p.problem ? <Notice kind="error">{p.problem}</Notice> : null}
      <p>
        {user.email} · {t(`role.${user.role}`)} · {t(`status.${user.status}`)}
      </p>
      {p.canManage ? (
        <>
          <p>
            <a href={`${base}/access`}>{t('access.link')}</a>
          </p>
          <h2>{t('users.changeRole')}</h2>
          <ErrorSummary t={t} errors={p.errors} />
          <PostForm action={`${base}/role`} csrf={p.csrf}>
            <Select t={t} name="role" label={t('role.label')} values={{ role: user.role }} errors={p.errors} options={roleOptions(t)} required />
            <button type="submit">{t('common.save')}</button>
          </PostForm>
          {user.status !== 'deactivated' ? (
            <>
              <h2>{t(user.status === 'invited' ? 'users.newInviteLink' : 'users.newLink')}</h2>
              <PostForm action={`${base}/password-link`} csrf={p.csrf}>
                <button type="submit" class="secondary">
                  {t(user.status === 'invited' ? 'users.newInviteLink' : 'users.newLink')}
                </button>
              </PostForm>
            </>
          ) : null}
          <h2>{t(user.status === 'deactivated' ? 'users.reactivate' : 'users.deactivate')}</h2>
          {user.status === 'deactivated' ? (
            <PostForm action={`${base}/reactivate`} csrf={p.csrf}>
              <button type="submit" class="secondary">
                {t('users.reactivate')}
              </button>
            </PostForm>
          ) : p.isMe ? (
            (statusError ?? <p class="muted">{t('account.cannotDeactivateSelf')}</p>)
          ) : (
            <PostForm action={`${base}/deactivate`} csrf={p.csrf}>
              <p class="hint">{t('users.deactivateHint')}</p>
              {statusError}
              <button type="submit" class="danger" aria-describedby={statusError ? 'f-status-error' : undefined}>
                {t('users.deactivate')}
              </button>
            </PostForm>
          )}
        </>
      ) : null}
      <TokenTable t={t} locale={p.locale} csrf={p.csrf} tokens={p.tokens} revokeAction={p.canManage ? (id) => `${base}/tokens/${id}/revoke` : undefined} />
      <p>
        <a href="/admin/users">{t('common.back')}</a>
      </p>
    </>
  )
}
