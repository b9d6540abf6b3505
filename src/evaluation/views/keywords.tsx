import type { T } from '../../messages.ts'
import type { FieldErrors, FormValues } from '../../platform/http/forms.ts'
import { ErrorSummary, Field, Notice, PostForm, Select } from '../../platform/views/components.tsx'

export function KeywordsPage(p: { t: T; csrf: string; keywords: { id: string; locale: string; phrase: string }[]; values: FormValues; errors: FieldErrors; notice?: string }) {
  const { t } = p
  const list = (locale: 'id' | 'en') => (
    <section>
      <h2>{t(locale === 'id' ? 'keywords.indonesian' : 'keywords.english')}</h2>
      <ul class="keyword-list">
        {p.keywords
          .filter((k) => k.locale === locale)
          .map((k) => (
            <li>
              {k.phrase}{' '}
              <a href={`/disclosures/keywords/${k.id}/delete`} aria-label={t('keywords.removeLabel', { phrase: k.phrase })}>
                {t('keywords.remove')}
              </a>
            </li>
          ))}
      </ul>
    </section>
  )
  return (
    <>
      <p>
        <a href="/disclosures">← {t('disclosure.title')}</a>
      </p>
      <h1>{t('keywords.title')}</h1>
      <p>{t('keywords.intro')}</p>
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
      <ErrorSummary t={t} errors={p.errors} />
      <PostForm action="/disclosures/keywords" csrf={p.csrf}>
        <Select t={t} name="locale" label={t('keywords.language')} values={p.values} errors={p.errors} options={[{ value: 'id', label: 'Bahasa Indonesia' }, { value: 'en', label: 'English' }]} required />
        <Field t={t} name="phrase" label={t('keywords.phrase')} values={p.values} errors={p.errors} required maxlength={80} hint={t('keywords.hint')} />
        <p>
          <button type="submit" class="button primary">
            {t('keywords.add')}
          </button>
        </p>
      </PostForm>
      {list('id')}
      {list('en')}
    </>
  )
}
