import type { MessageKey, T } from '../../messages.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import { illustrationUrl } from '../illustrations.ts'

/**
 * A children's page's drawing, with what it shows in the page's language. It sits at the top of the
 * page, so it is never lazy; width and height keep the text from jumping when it arrives.
 */
export function Illustration({ t, name, locale }: { t: T; name: string; locale: Locale }) {
  return <img class="illustration" src={illustrationUrl(name, locale)} alt={t(`illustration.${name}` as MessageKey)} width={240} height={160} />
}
