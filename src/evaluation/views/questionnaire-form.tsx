import type { Child } from 'hono/jsx'
import type { T } from '../../messages.ts'
import type { FieldErrors } from '../../platform/http/forms.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import { ErrorSummary } from '../../platform/views/components.tsx'
import { codeElement, codeLabel } from '../code-elements.ts'
import type { Register } from '../participant-register.ts'
import { itemsOf, type Definition, type Item } from '../questionnaire-schema.ts'
import { assetUrl } from '../../platform/http/static-files.ts'
import { ItemError, Question, usesLogic, withDefaults, type FormValues } from './question-fields.tsx'
import { RoundBand, type RoundOf } from './round-band.tsx'

export interface HelpLine {
  name: string
  handles: string
  contacts: { kind: string; value: string; href: string }[]
}

/** Where to get help, shown at once after a disclosure (and kept in the page so it shows offline too). */
export function HelpPanel(p: { t: T; help: HelpLine[]; helpUrl: string; hidden?: boolean }) {
  return (
    <section class="alert alert-warn help-panel" id="help-panel" aria-labelledby="help-title" hidden={p.hidden}>
      <h2 id="help-title">{p.t('collect.helpTitle')}</h2>
      <p>{p.t('collect.helpBody')}</p>
      <ul>
        {p.help.map((h) => (
          <li>
            <strong>{h.name}</strong>: {h.handles}{' '}
            {h.contacts.map((c, i) => (
              <>
                {i > 0 ? ' · ' : ''}
                <a class={c.kind === 'phone' || c.kind === 'whatsapp' ? 'nowrap' : undefined} href={c.href}>{c.value}</a>
              </>
            ))}
          </li>
        ))}
      </ul>
      <p>{p.t('collect.helpTrusted')}</p>
      <p>
        <a href={p.helpUrl}>{p.t('collect.helpMore')}</a>
      </p>
    </section>
  )
}

export interface QuestionnaireFormProps {
  t: T
  locale: Locale
  title: string
  intro: string
  action: string
  apiUrl: string
  csrf: string
  submissionId: string
  codeElements: string[]
  /** Whose words the code questions use: 'Anda' for adults (the default, as in a staff preview), 'kamu' for children. */
  register?: Register
  definition: Definition
  values: FormValues
  errors: FieldErrors
  keywords: string[]
  help: HelpLine[]
  helpUrl: string
  round: RoundOf
  libraryUrl: string
  /** false in a staff preview: every question stays in view there, none hidden by its show-if. */
  logic?: boolean
}

/** After sending: what the participant does next (for a before-form, keep the code), and where to read on. */
function NextStep(p: { t: T; phase: string; libraryUrl: string }) {
  return (
    <section class="next-step" aria-labelledby="next-title">
      <h2 id="next-title">{p.t('collect.nextHeading')}</h2>
      <p>{p.t(`collect.next.${p.phase}` as never)}</p>
      <p>
        <a href={p.libraryUrl}>{p.t('collect.libraryLink')}</a>
      </p>
    </section>
  )
}

export function QuestionnaireFormPage(p: QuestionnaireFormProps) {
  const { t, locale } = p
  let n = 0
  const items = itemsOf(p.definition)
  const total = items.filter((i) => i.kind !== 'note').length
  const values = withDefaults(items, p.values)
  const render = (item: Item): Child => <Question t={t} item={item} locale={locale} values={values} errors={p.errors} n={item.kind === 'note' ? n : ++n} total={total} />
  const hasText = items.some((i) => i.kind === 'text')
  // A questionnaire written in one language only: its words are that language's, and the other locale says so.
  const onlyIn = p.definition.language && p.definition.language !== locale ? p.definition.language : undefined
  return (
    <article class="questionnaire">
      <RoundBand t={t} locale={locale} round={p.round} />
      <h1>{p.title}</h1>
      <p>{p.intro}</p>
      {onlyIn ? <p class="alert alert-warn">{t(`collect.onlyIn.${onlyIn}`)}</p> : null}
      <p class="muted">{t('collect.privacy')}</p>
      <ErrorSummary t={t} errors={p.errors} />
      <div id="collect-status" role="status" aria-live="polite"></div>
      {/* Shown by collect.js once the answers have arrived; without a script the thank-you page says it. */}
      <div id="collect-next" hidden>
        <NextStep t={t} phase={p.round.phase} libraryUrl={p.libraryUrl} />
      </div>
      {hasText ? <HelpPanel t={t} help={p.help} helpUrl={p.helpUrl} hidden /> : null}
      <form
        method="post"
        action={p.action}
        data-collect={p.apiUrl}
        data-keywords={hasText ? JSON.stringify(p.keywords) : undefined}
        data-msg-sending={t('collect.sending')}
        data-msg-offline={t('collect.savedOffline')}
        data-msg-retry={t('collect.savedRetry')}
        data-msg-blanked={hasText ? t('collect.blanked') : undefined}
        data-msg-sent-later={t('collect.sentLater')}
        data-msg-thanks={`${t('collect.thanksTitle')} ${t('collect.thanks')}`}
        data-msg-duplicate={t('collect.thanksDuplicate')}
        data-msg-closed={t('problem.collect.closed')}
        data-msg-required={t('collect.required')}
        data-msg-whole={t('collect.wholeNumber')}
        data-msg-number={t('collect.numberOnly')}
        data-msg-fix={t('collect.fixFirst')}
        data-msg-progress={t('collect.progress', { n: '{n}', total: '{total}' })}
        novalidate
      >
        <input type="hidden" name="_csrf" value={p.csrf} />
        <input type="hidden" name="id" value={p.submissionId} />
        <fieldset class="code-questions">
          <legend>{t('collect.codeHeading')}</legend>
          <p class="hint">{t('collect.codeIntro')}</p>
          {p.codeElements.map((key) => {
            const element = codeElement(key)!
            const name = `code.${key}`
            const id = `c-${key}`
            const error = p.errors[name]
            return (
              <div class={error ? 'field has-error' : 'field'}>
                <label for={id}>{codeLabel(element, p.register ?? 'adult')[locale]}</label>
                <ItemError t={t} errors={p.errors} name={name} id={id} />
                <input
                  id={id}
                  name={name}
                  type="text"
                  class="code-input"
                  value={String(values[name] ?? '')}
                  required
                  autocomplete="off"
                  autocapitalize={element.kind === 'letters' ? 'characters' : 'off'}
                  inputmode={element.kind === 'number' ? 'numeric' : 'text'}
                  maxlength={element.kind === 'number' ? 2 : element.length}
                  size={3}
                  aria-describedby={error ? `${id}-error` : undefined}
                />
              </div>
            )
          })}
        </fieldset>
        {p.definition.sections.map((s) => (
          <section class="items" data-relevant={s.relevant} lang={onlyIn}>
            {s.title ? <h2>{s.title[locale]}</h2> : null}
            {s.items.map(render)}
          </section>
        ))}
        <button type="submit" class="button primary">
          {t('collect.submit')}
        </button>
      </form>
      {p.logic !== false && usesLogic(p.definition) ? <script src={assetUrl('form-logic.js')} defer></script> : null}
    </article>
  )
}

export function ThanksPage(p: { t: T; locale: Locale; round: RoundOf; libraryUrl: string; duplicate: boolean; disclosure: boolean; blanked: boolean; help: HelpLine[]; helpUrl: string }) {
  return (
    <article class="questionnaire-done">
      <RoundBand t={p.t} locale={p.locale} round={p.round} />
      <div class="success-panel">
        <span class="success-mark" aria-hidden="true">
          ✓
        </span>
        <div>
          <h1>{p.t('collect.thanksTitle')}</h1>
          <p>{p.t(p.duplicate ? 'collect.thanksDuplicate' : 'collect.thanks')}</p>
        </div>
      </div>
      {p.blanked ? <p>{p.t('collect.blanked')}</p> : null}
      {p.disclosure ? <HelpPanel t={p.t} help={p.help} helpUrl={p.helpUrl} /> : null}
      <NextStep t={p.t} phase={p.round.phase} libraryUrl={p.libraryUrl} />
    </article>
  )
}

export function ClosedPage(p: { t: T }) {
  return (
    <article>
      <h1>{p.t('collect.closedTitle')}</h1>
      <p>{p.t('collect.closedBody')}</p>
    </article>
  )
}
