import type { T } from '../../messages.ts'
import { formatDate, type Locale } from '../../platform/i18n/i18n.ts'
import type { HelpChannel } from '../content-schema.ts'
import { helpUrl } from '../library-urls.ts'

// The numbers to reach now, as the help box and the home page name them ({police}, {sapa},
// {sapaWhatsapp} in their texts); the help directory holds the full, sourced entries.
const HELP_NOW: Record<string, { kind: 'phone' | 'whatsapp'; value: string }> = {
  police: { kind: 'phone', value: '110' },
  sapa: { kind: 'phone', value: '129' },
  sapaWhatsapp: { kind: 'whatsapp', value: '08111-129-129' },
}

/** A help text with its numbers as links a phone can call or open in WhatsApp. */
export function HelpNumbers({ text }: { text: string }) {
  return <>{text.split(/\{(\w+)\}/).map((part, i) => (i % 2 === 0 ? part : HELP_NOW[part] ? <ContactLink {...HELP_NOW[part]} /> : `{${part}}`))}</>
}

export function HelpBox({ t, locale }: { t: T; locale: Locale }) {
  return (
    <aside class="alert help-box" aria-label={t('home.helpTitle')}>
      <p>
        <HelpNumbers text={t('library.helpBox')} />
      </p>
      <p>
        <a href={helpUrl(locale)}>{t('library.helpAll')}</a>
      </p>
    </aside>
  )
}

export function HelpDirectory({ t, locale, channels }: { t: T; locale: Locale; channels: HelpChannel[] }) {
  const group = (scope: HelpChannel['scope']) => channels.filter((c) => c.scope === scope)
  return (
    <div class="help-directory">
      {(['local', 'national', 'international'] as const).filter((scope) => group(scope).length).map((scope) => (
        <section>
          <h2>{t(`help.${scope}`)}</h2>
          {scope === 'national' ? <p class="muted">{t('help.medanGap')}</p> : null}
          {group(scope).map((ch) => (
            <article class="channel" id={ch.id}>
              <h3>
                {ch.name} {ch.confidence === 'medium' ? <span class="tag">{t('help.confidence.medium')}</span> : null}
              </h3>
              <p>{ch.handles[locale]}</p>
              <ul class="contacts">
                {ch.contacts.map((k) => (
                  <li>
                    {t(`help.contact.${k.kind}`)}: <ContactLink kind={k.kind} value={k.value} />
                  </li>
                ))}
              </ul>
              {ch.note ? <p class="hint">{ch.note[locale]}</p> : null}
              <p class="muted small">
                {t('help.operator')}: {ch.operator[locale]}. {t('help.sources', { sources: ch.sources.join('; '), date: formatDate(locale, ch.verified) })}
              </p>
            </article>
          ))}
        </section>
      ))}
    </div>
  )
}

function ContactLink({ kind, value }: { kind: HelpChannel['contacts'][number]['kind']; value: string }) {
  const digits = value.replace(/\D/g, '')
  if (kind === 'phone') return <a class="nowrap" href={`tel:${digits}`}>{value}</a>
  // wa.me wants the number in international form: Indonesia's 0… becomes 62….
  if (kind === 'whatsapp') return <a class="nowrap" href={`https://wa.me/${digits.replace(/^0/, '62')}`} rel="noopener noreferrer">{value}</a>
  if (kind === 'email') return <a href={`mailto:${value}`}>{value}</a>
  return (
    <a href={value} rel="noopener noreferrer">
      {value.replace(/^https?:\/\//, '')}
    </a>
  )
}
