import type { T } from '../../messages.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import { helpUrl, libraryHome } from '../library-urls.ts'
import { HelpNumbers } from './help.tsx'

export function HomePage({ t, signedIn, locale }: { t: T; signedIn: boolean; locale: Locale }) {
  return (
    <>
      <h1>{t('home.heading')}</h1>
      <p class="lead">{t('home.lead')}</p>
      <p>
        <a class="button" href={libraryHome(locale)}>
          {t('library.heading')}
        </a>
      </p>
      <section class="alert" aria-labelledby="help-now">
        <h2 id="help-now">{t('home.helpTitle')}</h2>
        <p>
          <HelpNumbers text={t('home.help')} />
        </p>
        <p class="hint">{t('home.helpSource')}</p>
        <p>
          <a href={helpUrl(locale)}>{t('library.helpAll')}</a>
        </p>
      </section>
      <h2>{t('home.team')}</h2>
      <p>{t('home.teamText')}</p>
      <p>
        <a class="button secondary" href={signedIn ? '/areas' : '/login'}>
          {signedIn ? t('nav.areas') : t('account.signIn')}
        </a>
      </p>
    </>
  )
}
