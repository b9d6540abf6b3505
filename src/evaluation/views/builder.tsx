import type { T } from '../../messages.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import type { FieldErrors, FormValues } from '../../platform/http/forms.ts'
import { ErrorSummary, Field, InlineAction, keepMessages, Notice, PostForm, Select, TextArea } from '../../platform/views/components.tsx'
import { TOPICS } from '../../library/content-schema.ts'
import { itemsOf, ITEM_KINDS, QUESTIONNAIRE_AUDIENCES, QUESTIONNAIRE_KINDS, type Definition, type Item } from '../questionnaire-schema.ts'
import { conditionFields } from '../item-logic-input.ts'
import { logicValues } from '../item-logic.ts'
import { ConditionPicker, ItemLogicFields } from './item-logic-fields.tsx'
import { ReviewBox, type ReviewBoxProps } from './questionnaire-review.tsx'

export function NewQuestionnairePage(p: { t: T; csrf: string; values: FormValues; errors: FieldErrors }) {
  const { t } = p
  const f = { t, values: p.values, errors: p.errors }
  return (
    <>
      <p>
        <a href="/questionnaires">← {t('questionnaire.title')}</a>
      </p>
      <h1>{t('builder.new')}</h1>
      <ErrorSummary t={t} errors={p.errors} />
      <PostForm action="/questionnaires" csrf={p.csrf}>
        <Field {...f} name="key" label={t('builder.key')} hint={t('builder.keyHint')} required maxlength={80} />
        <Select {...f} name="kind" label={t('questionnaire.kind')} options={QUESTIONNAIRE_KINDS.map((k) => ({ value: k, label: t(`questionnaire.kind.${k}`) }))} required />
        <Select {...f} name="audience" label={t('builder.audience')} options={QUESTIONNAIRE_AUDIENCES.map((a) => ({ value: a, label: t(`builder.audience.${a}`) }))} required />
        <Field {...f} name="titleId" label={t('builder.titleId')} required maxlength={200} />
        <Field {...f} name="titleEn" label={t('builder.titleEn')} required maxlength={200} />
        <TextArea {...f} name="introId" label={t('builder.introId')} maxlength={1000} />
        <TextArea {...f} name="introEn" label={t('builder.introEn')} maxlength={1000} />
        <p>
          <button type="submit" class="button primary">
            {t('builder.create')}
          </button>
        </p>
      </PostForm>
    </>
  )
}

/** The question form, for a new question or one being changed. */
const sectionName = (t: T, locale: Locale, section: Definition['sections'][number], s: number) => (section.title ? section.title[locale] : t('builder.sectionNumber', { n: s + 1 }))

/** The sections as choices for a question's place. */
export function sectionChoices(t: T, locale: Locale, definition: Definition): { value: string; label: string }[] {
  return definition.sections.map((section, s) => ({ value: String(s), label: sectionName(t, locale, section, s) }))
}

/** `questions`: those before this one, which its show-if and required-if may name. */
export function ItemForm(p: { t: T; locale: Locale; csrf: string; action: string; values: FormValues; errors: FieldErrors; questions: Item[]; sections?: { value: string; label: string }[]; idFixed?: boolean; submit: string }) {
  const { t } = p
  const f = { t, values: p.values, errors: p.errors }
  return (
    <PostForm action={p.action} csrf={p.csrf} keep={keepMessages(t)}>
      <ErrorSummary t={t} errors={p.errors} />
      {p.sections && p.sections.length > 1 ? <Select {...f} name="section" label={t('builder.section')} options={p.sections} /> : null}
      {p.idFixed ? <input type="hidden" name="id" value={p.values['id']} /> : <Field {...f} name="id" label={t('builder.itemId')} hint={t('builder.itemIdHint')} required maxlength={64} />}
      <Select {...f} name="kind" label={t('builder.itemKind')} options={ITEM_KINDS.map((k) => ({ value: k, label: t(`builder.kind.${k}`) }))} required />
      <TextArea {...f} name="labelId" label={t('builder.labelId')} rows={2} required maxlength={500} />
      <TextArea {...f} name="labelEn" label={t('builder.labelEn')} rows={2} required maxlength={500} />
      <TextArea {...f} name="options" label={t('builder.options')} hint={t('builder.optionsHint')} rows={4} />
      <Field {...f} name="answer" label={t('builder.answer')} hint={t('builder.answerHint')} />
      <Select {...f} name="topic" label={t('builder.topic')} options={TOPICS.map((x) => ({ value: x, label: t(`topic.${x}` as never) }))} emptyLabel={t('builder.noTopic')} />
      <ItemLogicFields t={t} locale={p.locale} values={p.values} errors={p.errors} questions={p.questions} />
      <p>
        <button type="submit" class="button primary">
          {p.submit}
        </button>
      </p>
    </PostForm>
  )
}

export const itemValues = (item: Item, earlier: Item[]): FormValues => ({
  id: item.id,
  kind: item.kind,
  labelId: item.label.id,
  labelEn: item.label.en,
  options: (item.options ?? []).map((o) => `${o.value} | ${o.label.id} | ${o.label.en}`).join('\n'),
  answer: Array.isArray(item.answer) ? item.answer.join(' ') : (item.answer ?? ''),
  topic: item.topic ?? '',
  ...logicValues(item, earlier),
})

export function BuilderPage(p: {
  t: T
  locale: Locale
  csrf: string
  questionnaire: { key: string; title: string; origin: string }
  version: number
  answered: boolean
  definition: Definition
  values: FormValues
  errors: FieldErrors
  /** The title and introduction form. */
  meta: FormValues
  metaErrors: FieldErrors
  notice?: string
  /** The section form sent back with its errors. */
  sectionValues?: FormValues
  sectionErrors?: { section: number; errors: FieldErrors }
  /** Whether this version has been checked by a second person (questionnaire-review.ts). */
  review?: Omit<ReviewBoxProps, 't' | 'csrf'>
}) {
  const { t, locale, questionnaire: qn } = p
  const base = `/questionnaires/${qn.key}`
  let n = 0
  return (
    <>
      <p>
        <a href="/questionnaires">← {t('questionnaire.title')}</a>
      </p>
      <h1>{qn.title}</h1>
      <p class="muted">{t('builder.versionNote', { key: qn.key, version: p.version })}</p>
      <p>{t(p.answered ? 'builder.answered' : 'builder.draft')}</p>
      {qn.origin === 'shipped' ? <p>{t('builder.shippedNote')}</p> : null}
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
      {p.review ? <ReviewBox t={t} csrf={p.csrf} {...p.review} /> : null}
      {(['references', 'sectionReferences'] as const).map((field) => (p.errors[field] ? <Notice kind="error">{t(p.errors[field].message as never, p.errors[field].params as never)}</Notice> : null))}
      {p.definition.sections.map((section, s) => (
        <section class="builder-section">
          <h2>{sectionName(t, locale, section, s)}</h2>
          {p.definition.sections.length > 1 ? (
            <div class="small builder-actions">
              {(['up', 'down'] as const)
                .filter((action) => (action === 'up' ? s > 0 : s < p.definition.sections.length - 1))
                .map((action, k) => (
                  <>
                    {k > 0 ? ' · ' : ''}
                    <InlineAction action={`${base}/sections/${s}/${action}`} csrf={p.csrf} label={t(`builder.section.${action}`)} ariaLabel={t(`builder.section.${action}Label`, { name: sectionName(t, locale, section, s) })} />
                  </>
                ))}
            </div>
          ) : null}
          <details class="small" open={p.sectionErrors?.section === s}>
            <summary>{t('builder.renameSection')}</summary>
            <PostForm action={`${base}/sections/${s}`} csrf={p.csrf}>
              <Field t={t} idPrefix={`s${s}-`} name="sectionId" label={t('builder.sectionTitleId')} values={{ sectionId: section.title?.id ?? '' }} errors={{}} required maxlength={200} />
              <Field t={t} idPrefix={`s${s}-`} name="sectionEn" label={t('builder.sectionTitleEn')} values={{ sectionEn: section.title?.en ?? '' }} errors={{}} required maxlength={200} />
              <ConditionPicker
                t={t}
                locale={locale}
                prefix="show"
                idPrefix={`s${s}-`}
                legend={t('builder.sectionShowLegend')}
                questions={p.definition.sections.slice(0, s).flatMap((x) => x.items).filter((i) => i.kind !== 'note')}
                values={p.sectionErrors?.section === s ? (p.sectionValues ?? {}) : conditionFields(section.relevant, 'show', p.definition.sections.slice(0, s).flatMap((x) => x.items))}
                errors={p.sectionErrors?.section === s ? p.sectionErrors.errors : {}}
              />
              <button type="submit" class="button">
                {t('builder.renameSection')}
              </button>
            </PostForm>
          </details>
          {section.items.length === 0 ? (
            <>
              <p class="muted">{t('builder.emptySection')}</p>
              {p.definition.sections.length > 1 ? (
                <PostForm action={`${base}/sections/${s}/delete`} csrf={p.csrf}>
                  <button type="submit" class="link">
                    {t('builder.deleteSection')}
                  </button>
                </PostForm>
              ) : null}
            </>
          ) : null}
          <ol class="builder-items" start={n + 1}>
            {section.items.map((item) => {
              n++
              return (
                <li>
                  <strong>{item.label[locale]}</strong>{' '}
                  <span class="muted small">
                    {item.id} · {t(`builder.kind.${item.kind}`)}
                    {item.answer !== undefined ? ` · ${t('builder.key.answer', { answer: Array.isArray(item.answer) ? item.answer.join(' ') : item.answer })}` : ''}
                    {item.topic ? ` · ${t(`topic.${item.topic}` as never)}` : ''}
                  </span>
                  {item.relevant || item.requiredIf || item.constraint ? (
                    <p class="small muted">
                      {[item.relevant && t('builder.list.show', { expr: item.relevant }), item.requiredIf && t('builder.list.req', { expr: item.requiredIf }), item.constraint && t('builder.list.limit', { expr: item.constraint })].filter(Boolean).join(' · ')}
                    </p>
                  ) : null}
                  {item.options ? (
                    <ul class="small">
                      {item.options.map((o) => (
                        <li>
                          {o.value}: {o.label[locale]}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  <div class="small builder-actions">
                    <a href={`${base}/items/${item.id}/edit`} aria-label={t('builder.editLabel', { id: item.id })}>
                      {t('builder.edit')}
                    </a>
                    {(['up', 'down', 'delete'] as const).map((action) => (
                      <>
                        {' · '}
                        <InlineAction action={`${base}/items/${item.id}/${action}`} csrf={p.csrf} label={t(`builder.${action}`)} ariaLabel={t(`builder.${action}Label`, { id: item.id })} />
                      </>
                    ))}
                  </div>
                </li>
              )
            })}
          </ol>
        </section>
      ))}
      <section>
        <h2>{t('builder.addItem')}</h2>
        <ItemForm
          t={t}
          locale={locale}
          questions={itemsOf(p.definition).filter((i) => i.kind !== 'note')}
          csrf={p.csrf}
          action={`${base}/items`}
          values={p.values}
          errors={p.errors}
          sections={sectionChoices(t, locale, p.definition)}
          submit={t('builder.addItem')}
        />
      </section>
      <section>
        <h2>{t('builder.meta')}</h2>
        <PostForm action={`${base}/meta`} csrf={p.csrf}>
          <Field t={t} idPrefix="m-" name="titleId" label={t('builder.titleId')} values={p.meta} errors={p.metaErrors} required maxlength={200} />
          <Field t={t} idPrefix="m-" name="titleEn" label={t('builder.titleEn')} values={p.meta} errors={p.metaErrors} required maxlength={200} />
          <TextArea t={t} idPrefix="m-" name="introId" label={t('builder.introId')} values={p.meta} errors={p.metaErrors} maxlength={1000} />
          <TextArea t={t} idPrefix="m-" name="introEn" label={t('builder.introEn')} values={p.meta} errors={p.metaErrors} maxlength={1000} />
          <p>
            <button type="submit" class="button">
              {t('builder.saveMeta')}
            </button>
          </p>
        </PostForm>
      </section>
      <section>
        <h2>{t('builder.addSection')}</h2>
        <PostForm action={`${base}/sections`} csrf={p.csrf}>
          <Field t={t} name="sectionId" label={t('builder.sectionTitleId')} values={{}} errors={{}} required maxlength={200} />
          <Field t={t} name="sectionEn" label={t('builder.sectionTitleEn')} values={{}} errors={{}} required maxlength={200} />
          <p>
            <button type="submit" class="button">
              {t('builder.addSection')}
            </button>
          </p>
        </PostForm>
      </section>
    </>
  )
}
