import { InlineAction, TableWrap } from '../../platform/views/components.tsx'
import { formatDateTime, type Locale } from '../../platform/i18n/i18n.ts'
import type { T } from '../../messages.ts'
import type { ApiTokenView } from '../api-tokens.ts'

export interface TokenTableProps {
  t: T
  locale: Locale
  csrf: string
  tokens: ApiTokenView[]
  /** Where a token's revoke button posts; without it the table is read-only. */
  revokeAction?: ((tokenId: string) => string) | undefined
}

/** A person's API tokens: what each is for and when it was used, never the secret. */
export function TokenTable(p: TokenTableProps) {
  const { t } = p
  const when = (iso: string | null) => (iso ? formatDateTime(p.locale, iso) : '')
  return (
    <section>
      <h2 id="api-tokens">{t('tokens.title')}</h2>
      <p class="hint">{t('tokens.intro')}</p>
      {p.tokens.length === 0 ? (
        <p>{t('tokens.none')}</p>
      ) : (
        <TableWrap label={t('tokens.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('tokens.label')}</th>
                <th scope="col">{t('tokens.created')}</th>
                <th scope="col">{t('tokens.lastUsed')}</th>
                <th scope="col">{t('tokens.expires')}</th>
                <th scope="col">{t('status.label')}</th>
                {p.revokeAction ? <th scope="col">{t('tokens.action')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {p.tokens.map((k) => (
                <tr>
                  <td>{k.label}</td>
                  <td>{when(k.createdAt)}</td>
                  <td>{k.lastUsedAt ? when(k.lastUsedAt) : t('tokens.neverUsed')}</td>
                  <td>{k.expiresAt ? when(k.expiresAt) : t('tokens.never')}</td>
                  <td>{k.status === 'revoked' ? `${t('tokens.status.revoked')} ${when(k.revokedAt)}` : t(`tokens.status.${k.status}`)}</td>
                  {p.revokeAction ? (
                    <td>
                      {k.status === 'active' ? <InlineAction action={p.revokeAction(k.id)} csrf={p.csrf} label={t('tokens.revoke')} ariaLabel={t('tokens.revokeLabel', { label: k.label })} /> : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  )
}
