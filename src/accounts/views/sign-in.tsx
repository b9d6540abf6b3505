import type { FieldErrors, FormValues } from '../../platform/http/forms.ts'
import { ErrorSummary, Field, Notice, PostForm } from '../../platform/views/components.tsx'
import type { T } from '../../messages.ts'

export interface SignInProps {
  t: T
  csrf: string
  /** Where to go after signing in; empty for the default. */
  next: string
  values: FormValues
  errors: FieldErrors
  wrongCredentials: boolean
  noUsersYet: boolean
}

export function SignInPage(p: SignInProps) {
  const { t } = p
  return (
    <>
      <h1>{t('account.signIn')}</h1>
      <p>{t('account.signInIntro')}</p>
      {p.noUsersYet ? (
        <Notice>
          <p>{t('account.noUsersYet')}</p>
          <code class="copy">npx jaga user create --email you@example.org --role admin</code>
        </Notice>
      ) : null}
      {p.wrongCredentials ? <Notice kind="error">{t('account.wrongCredentials')}</Notice> : null}
      <ErrorSummary t={t} errors={p.errors} />
      <PostForm action={p.next ? `/login?next=${encodeURIComponent(p.next)}` : '/login'} csrf={p.csrf}>
        <Field t={t} name="email" type="email" label={t('account.email')} values={p.values} errors={p.errors} required autocomplete="username" maxlength={254} />
        <Field t={t} name="password" type="password" label={t('account.password')} values={p.values} errors={p.errors} required autocomplete="current-password" maxlength={200} />
        <button type="submit">{t('account.signIn')}</button>
      </PostForm>
    </>
  )
}

export interface SetPasswordProps {
  t: T
  csrf: string
  action: string
  email: string
  purpose: 'invite' | 'reset'
  errors: FieldErrors
}

export function SetPasswordPage(p: SetPasswordProps) {
  const { t } = p
  return (
    <>
      <h1>{t(p.purpose === 'invite' ? 'setPassword.inviteTitle' : 'setPassword.resetTitle')}</h1>
      <p>{t('setPassword.intro', { email: p.email })}</p>
      <ErrorSummary t={t} errors={p.errors} />
      <PostForm action={p.action} csrf={p.csrf}>
        <input type="email" name="username" value={p.email} autocomplete="username" hidden readonly aria-hidden="true" tabindex={-1} />
        <Field t={t} name="password" type="password" label={t('setPassword.new')} hint={t('account.passwordHint')} values={{}} errors={p.errors} required autocomplete="new-password" maxlength={200} />
        <Field t={t} name="confirm" type="password" label={t('setPassword.confirm')} values={{}} errors={p.errors} required autocomplete="new-password" maxlength={200} />
        <button type="submit">{t('setPassword.submit')}</button>
      </PostForm>
    </>
  )
}
