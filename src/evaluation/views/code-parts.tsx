// Which questions make each group's participant code; changed only before any answer arrives, and a
// fifth part suggested in plain words when the group is large or many codes are shared.
import type { MessageKey, T } from '../../messages.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import type { FieldErrors } from '../../platform/http/forms.ts'
import { Checkboxes, ErrorSummary, Notice, PostForm } from '../../platform/views/components.tsx'
import { CODE_ELEMENTS, LARGE_GROUP } from '../code-elements.ts'
import type { GroupCodeParts } from '../code-parts.ts'

export const partWords = (t: T, key: string) => (CODE_ELEMENTS.some((e) => e.key === key) ? t(`pair.part.${key}` as MessageKey) : key)

/** The code questions to choose from, with the hint on when to choose a fifth. */
export function CodePartChoice(p: { t: T; locale: Locale; checked: string[]; errors: FieldErrors }) {
  return (
    <>
      <Checkboxes t={p.t} name="codeElements" legend={p.t('code.partsLegend')} options={CODE_ELEMENTS.map((e) => ({ id: e.key, label: e.label[p.locale] }))} checked={p.checked} errors={p.errors} />
      <p class="hint">{p.t('code.partsHint', { large: LARGE_GROUP })}</p>
    </>
  )
}

export function CodePartsSection(p: {
  t: T
  locale: Locale
  csrf: string
  sessionId: string
  groups: GroupCodeParts[]
  groupLabel: (g: string) => string
  mayRecord: boolean
  /** The change form of one group as sent, when it was refused. */
  refused?: { groupKind: string; checked: string[]; errors: FieldErrors } | undefined
}) {
  const { t } = p
  if (!p.groups.length) return null
  return (
    <section id="code-parts">
      <h2>{t('code.partsHeading')}</h2>
      {p.groups.map((g) => {
        const refused = p.refused?.groupKind === g.groupKind ? p.refused : undefined
        return (
          <div class="code-parts">
            <p>
              <strong>{p.groupLabel(g.groupKind)}</strong>: {g.parts.map((k) => partWords(t, k)).join(' · ')} <span class="muted small">({t('code.partsNumber', { count: g.parts.length })})</span>
            </p>
            {g.suggest ? <Notice kind="info">{g.answers ? t('code.suggestFifthNext') : t('code.suggestFifth', { count: g.size })}</Notice> : null}
            {g.answers ? (
              <p class="small muted">{t('code.locked', { count: g.answers })}</p>
            ) : p.mayRecord ? (
              <details open={!!refused || !!g.suggest}>
                <summary>{t('code.change', { group: p.groupLabel(g.groupKind) })}</summary>
                <ErrorSummary t={t} errors={refused?.errors ?? {}} />
                <PostForm action={`/sessions/${p.sessionId}/evaluation/code-parts`} csrf={p.csrf}>
                  <input type="hidden" name="groupKind" value={g.groupKind} />
                  <CodePartChoice t={t} locale={p.locale} checked={refused?.checked ?? g.parts} errors={refused?.errors ?? {}} />
                  <p class="small">{t('code.changeBefore')}</p>
                  <button type="submit" class="button">
                    {t('code.save')}
                  </button>
                </PostForm>
              </details>
            ) : null}
          </div>
        )
      })}
    </section>
  )
}
