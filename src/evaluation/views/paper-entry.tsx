import type { T } from '../../messages.ts'
import type { Locale, Params } from '../../platform/i18n/i18n.ts'
import type { FieldError } from '../../platform/http/problems.ts'
import { keepMessages, Notice, PostForm } from '../../platform/views/components.tsx'
import { codeElement } from '../code-elements.ts'
import type { Item } from '../questionnaire-schema.ts'
import { isTrueFalseChoice } from '../paper-entry.ts'

export interface PaperEntryProps {
  t: T
  locale: Locale
  csrf: string
  action: string
  backHref: string
  title: string
  rows: number
  codeElements: string[]
  items: Item[]
  values: Record<string, string>
  /** Problems per row number. */
  errors: Map<number, FieldError[]>
  saved?: number
}

const width = (item: Item) => (item.kind === 'text' ? 12 : item.kind === 'date' ? 10 : item.kind === 'number' ? 4 : item.kind === 'multiple' ? 3 : 1)

export function PaperEntryPage(p: PaperEntryProps) {
  const { t, locale } = p
  const columnName = (field: string) => {
    if (field.startsWith('code.')) return codeElement(field.slice(5))?.label[locale] ?? field
    const n = p.items.findIndex((i) => `a.${i.id}` === field)
    if (n >= 0) return t('paper.question', { n: n + 1 })
    const other = p.items.findIndex((i) => `a.${i.id}_other` === field)
    return other >= 0 ? t('paper.questionOther', { n: other + 1 }) : field
  }
  return (
    <>
      <p>
        <a href={p.backHref}>← {t('eval.heading')}</a>
      </p>
      <h1>{t('paper.title', { title: p.title })}</h1>
      <p>{t('paper.intro')}</p>
      {p.saved ? <Notice kind="success">{t('paper.saved', { count: p.saved })}</Notice> : null}
      {p.errors.size ? (
        <div class="alert alert-error" role="alert">
          <p>{t('paper.rowsKept', { count: p.errors.size })}</p>
          <ul>
            {[...p.errors].map(([row, errors]) => (
              <li>
                {t('paper.row', { n: row + 1 })}: {errors.map((e) => `${columnName(e.field)} — ${t(e.message as never, e.params as Params)}`).join('; ')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <details>
        <summary>{t('paper.questions')}</summary>
        <ol>
          {p.items.map((item) => (
            <li>
              {item.label[locale]}{' '}
              <span class="muted small">
                {item.kind === 'truefalse'
                  ? t('paper.typeTrueFalse')
                  : isTrueFalseChoice(item)
                    ? [t('paper.typeTrueFalse'), ...(item.options ?? []).flatMap((o, i) => (o.value === 'true' || o.value === 'false' ? [] : [`${i + 1} = ${o.label[locale]}`]))].join(' · ')
                  : item.kind === 'likert'
                    ? t('paper.typeLikert')
                    : item.options
                      ? item.options.map((o, i) => `${o.value} / ${i + 1} = ${o.label[locale]}`).join(' · ')
                      : ''}
                {item.kind === 'truefalse' && item.dontKnow ? ` · ${t('paper.dontKnow')}` : ''}
                {item.other ? ` · ${t('paper.otherColumn', { n: p.items.indexOf(item) + 1 })}` : ''}
              </span>
            </li>
          ))}
        </ol>
      </details>
      <PostForm action={p.action} csrf={p.csrf} class="paper" keep={keepMessages(t)}>
        <div class="table-wrap grid-scroll" tabindex={0} role="region" aria-label={t('paper.gridLabel')}>
          <table class="paper-grid wide">
            <thead>
              <tr>
                {/* Row number and participant code share the first column, the one that stays in view (sticky) while the items scroll. */}
                <th scope="col" class="code-col">
                  <span class="code-parts">
                    <span class="row-n">#</span>
                    {p.codeElements.map((key) => (
                      <abbr class={`part part-${codeElement(key)!.length}`} title={codeElement(key)!.label[locale]}>
                        {t(`paper.code.${key}` as never)}
                      </abbr>
                    ))}
                  </span>
                </th>
                {p.items.map((item, i) => (
                  <>
                    <th scope="col" class="item" title={item.label[locale]}>
                      {i + 1}
                    </th>
                    {item.other ? (
                      <th scope="col" title={t('paper.questionOther', { n: i + 1 })}>
                        {i + 1}+
                      </th>
                    ) : null}
                  </>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: p.rows }, (_, r) => {
                const bad = new Set((p.errors.get(r) ?? []).map((e) => e.field))
                const input = (field: string, size: number, label: string, numeric: boolean) => (
                  <input
                    type="text"
                    name={`r${r}.${field}`}
                    value={p.values[`r${r}.${field}`] ?? ''}
                    size={size}
                    maxlength={size === 1 ? 1 : undefined}
                    autocomplete="off"
                    inputmode={numeric ? 'numeric' : 'text'}
                    aria-label={t('paper.cell', { row: r + 1, column: label })}
                    aria-invalid={bad.has(field) ? 'true' : undefined}
                    data-advance={size === 1 ? '' : undefined}
                  />
                )
                const cell = (field: string, size: number, label: string, numeric: boolean) => <td class={bad.has(field) ? 'has-error' : undefined}>{input(field, size, label, numeric)}</td>
                return (
                  <tr>
                    <th scope="row" class="code-col">
                      <span class="code-parts">
                        <span class="row-n">{r + 1}</span>
                        <input type="hidden" name={`r${r}.id`} value={p.values[`r${r}.id`]} />
                        {p.codeElements.map((key) => (
                          <span class={`part part-${codeElement(key)!.length}${bad.has(`code.${key}`) ? ' has-error' : ''}`}>
                            {input(`code.${key}`, codeElement(key)!.length, codeElement(key)!.label[locale], codeElement(key)!.kind === 'number')}
                          </span>
                        ))}
                      </span>
                    </th>
                    {p.items.map((item, i) => (
                      <>
                        {cell(`a.${item.id}`, width(item), t('paper.question', { n: i + 1 }), item.kind === 'likert' || item.kind === 'number')}
                        {item.other ? cell(`a.${item.id}_other`, 12, t('paper.questionOther', { n: i + 1 }), false) : null}
                      </>
                    ))}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
        <p>
          <button type="submit" class="button primary">
            {t('paper.save')}
          </button>
        </p>
      </PostForm>
    </>
  )
}
