import { Notice } from '../../platform/views/components.tsx'
import type { Locale } from '../../platform/i18n/i18n.ts'
import type { T } from '../../messages.ts'
import type { CurrentUser } from '../login-sessions.ts'
import type { ApiTokenView } from '../api-tokens.ts'
import { TokenTable } from './api-tokens.tsx'

export function AccountPage(p: { t: T; locale: Locale; csrf: string; user: CurrentUser; tokens: ApiTokenView[]; revoked: boolean }) {
  const { t, user } = p
  return (
    <>
      <h1>{t('myAccount.title')}</h1>
      {p.revoked ? <Notice kind="success">{t('tokens.revoked')}</Notice> : null}
      <dl>
        <dt>{t('users.name')}</dt>
        <dd>{user.displayName}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('role.label')}</dt>
        <dd>{t(`role.${user.role}`)}</dd>
      </dl>
      <p class="hint">{t('myAccount.passwordHint')}</p>
      <TokenTable t={t} locale={p.locale} csrf={p.csrf} tokens={p.tokens} revokeAction={(id) => `/account/tokens/${id}/revoke`} />
    </>
  )
}
