import type { MessageKey, T } from '../../messages.ts'
import type { FieldErrors, FormValues } from '../../platform/http/forms.ts'
import { ErrorSummary, PostForm, Select } from '../../platform/views/components.tsx'

export function UserAccessPage(p: { t: T; csrf: string; user: { id: string; displayName: string; email: string; role: string }; partners: { value: string; label: string }[]; values: FormValues; errors: FieldErrors }) {
  const { t } = p
  return (
    <>
      <p>
        <a href={`/admin/users/${p.user.id}`}>← {p.user.displayName}</a>
      </p>
      <h1>{t('access.title', { name: p.user.displayName })}</h1>
      <p>{t('access.intro')}</p>
      <ErrorSummary t={t} errors={p.errors} />
      <PostForm action={`/admin/users/${p.user.id}/access`} csrf={p.csrf}>
        {p.user.role === 'partner' ? (
          <>
            <Select t={t} name="partnerId" label={t('access.partner')} values={p.values} errors={p.errors} options={p.partners} emptyLabel={t('access.noPartner')} />
            <p class="hint">{t('access.partnerHint')}</p>
          </>
        ) : p.errors['partnerId'] ? (
          <p class="error">{t(p.errors['partnerId'].message as MessageKey)}</p>
        ) : null}
        {p.user.role === 'coordinator' ? (
          <div class="field">
            <label>
              <input type="checkbox" name="ownProgrammesOnly" value="yes" checked={p.values['ownProgrammesOnly'] === 'yes'} /> {t('access.ownProgrammesOnly')}
            </label>
            <p class="hint">{t('access.ownProgrammesOnlyHint')}</p>
          </div>
        ) : null}
        {p.user.role !== 'partner' && p.user.role !== 'coordinator' ? <p class="muted">{t('access.nothingToSet')}</p> : null}
        <button type="submit">{t('common.save')}</button>
      </PostForm>
    </>
  )
}
