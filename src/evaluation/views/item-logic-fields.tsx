// The question form's logic: hint, show-if and required-if pickers (question, operator, value) with an
// advanced box for a written expression, limits with their message, "Other", "Don't know" and a default.
import type { T } from '../../messages.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import type { FieldErrors, FormValues } from '../../platform/http/forms.ts'
import { Field, Select, TextArea } from '../../platform/views/components.tsx'
import { PICKER_OPS, valuesOf } from '../item-logic-input.ts'
import type { Item } from '../questionnaire-schema.ts'

function Check(p: { t: T; name: string; label: string; values: FormValues; errors: FieldErrors; idPrefix?: string }) {
  const error = p.errors[p.name]
  const id = `f-${p.idPrefix ?? ''}${p.name}`
  return (
    <div class={error ? 'field has-error' : 'field'}>
      {error ? (
        <p class="error" id={`${id}-error`}>
          {p.t(error.message as never, error.params as never)}
        </p>
      ) : null}
      <label class="choice">
        <input type="checkbox" id={id} name={p.name} value="yes" checked={p.values[p.name] === 'yes'} aria-describedby={error ? `${id}-error` : undefined} /> {p.label}
      </label>
    </div>
  )
}

/** Shows a condition as "question · operator · value", or in the advanced box when written by hand. */
export function ConditionPicker(p: { t: T; locale: Locale; prefix: 'show' | 'req'; legend: string; values: FormValues; errors: FieldErrors; questions: Item[]; idPrefix?: string }) {
  const { t, prefix } = p
  const f = { t, values: p.values, errors: p.errors, idPrefix: p.idPrefix }
  const chosen = p.questions.find((q) => q.id === p.values[`${prefix}Q`])
  const offered = chosen && valuesOf(chosen)
  const optionLabel = (v: string) => {
    const option = chosen?.options?.find((o) => o.value === v)
    return option ? `${v}: ${option.label[p.locale]}` : v === 'true' || v === 'false' || v === 'dont_know' || v === 'other' ? t(`builder.value.${v}`) : v
  }
  const advanced = !!p.values[`${prefix}Expr`] || !!p.errors[`${prefix}Expr`]
  return (
    <fieldset class="builder-logic">
      <legend>{p.legend}</legend>
      {p.questions.length ? (
        <>
          <Select {...f} name={`${prefix}Q`} label={t('builder.pick.question')} options={p.questions.map((q) => ({ value: q.id, label: `${q.id}: ${q.label[p.locale]}` }))} emptyLabel={t('builder.pick.none')} />
          <Select {...f} name={`${prefix}Op`} label={t('builder.pick.op')} options={PICKER_OPS.map((op) => ({ value: op, label: t(`builder.op.${op}`) }))} />
          {offered ? (
            <Select {...f} name={`${prefix}Value`} label={t('builder.pick.value')} options={offered.map((v) => ({ value: v, label: optionLabel(v) }))} />
          ) : (
            <Field {...f} name={`${prefix}Value`} label={t('builder.pick.value')} hint={t('builder.pick.valueHint')} maxlength={200} />
          )}
        </>
      ) : (
        <p class="muted small">{t('builder.pick.noEarlier')}</p>
      )}
      <details open={advanced}>
        <summary>{t('builder.advanced')}</summary>
        <TextArea {...f} name={`${prefix}Expr`} label={t('builder.advancedExpr')} hint={t('builder.advancedHint')} rows={2} maxlength={1000} />
      </details>
    </fieldset>
  )
}

/** Everything beyond label and options on the question form. */
export function ItemLogicFields(p: { t: T; locale: Locale; values: FormValues; errors: FieldErrors; questions: Item[] }) {
  const { t } = p
  const f = { t, values: p.values, errors: p.errors }
  const required = p.values['required'] === 'yes' ? 'always' : (p.values['required'] ?? 'never')
  return (
    <>
      <TextArea {...f} name="hintId" label={t('builder.hintId')} rows={2} maxlength={1000} />
      <TextArea {...f} name="hintEn" label={t('builder.hintEn')} rows={2} maxlength={1000} />
      <Select {...f} values={{ ...p.values, required }} name="required" label={t('builder.requiredMode')} options={(['always', 'never', 'when'] as const).map((m) => ({ value: m, label: t(`builder.required.${m}`) }))} />
      <ConditionPicker {...p} prefix="req" legend={t('builder.reqLegend')} />
      <ConditionPicker {...p} prefix="show" legend={t('builder.showLegend')} />
      <fieldset class="builder-logic">
        <legend>{t('builder.limits')}</legend>
        <p class="hint">{t('builder.limitsHint')}</p>
        <Field {...f} name="min" label={t('builder.limit.min')} maxlength={20} />
        <Field {...f} name="max" label={t('builder.limit.max')} maxlength={20} />
        <Check {...f} name="integer" label={t('builder.limit.integer')} />
        <Check {...f} name="notFuture" label={t('builder.limit.notFuture')} />
        <Field {...f} name="minLength" label={t('builder.limit.minLength')} maxlength={4} />
        <Field {...f} name="maxLength" label={t('builder.limit.maxLength')} maxlength={4} />
        <details open={!!p.values['constraintExpr'] || !!p.errors['constraintExpr']}>
          <summary>{t('builder.advanced')}</summary>
          <TextArea {...f} name="constraintExpr" label={t('builder.constraintExpr')} hint={t('builder.constraintHint')} rows={2} maxlength={1000} />
        </details>
        <Field {...f} name="constraintMsgId" label={t('builder.constraintMsgId')} maxlength={500} />
        <Field {...f} name="constraintMsgEn" label={t('builder.constraintMsgEn')} maxlength={500} />
      </fieldset>
      <Check {...f} name="other" label={t('builder.other')} />
      <Check {...f} name="dontKnow" label={t('builder.dontKnow')} />
      <Field {...f} name="default" label={t('builder.default')} hint={t('builder.defaultHint')} maxlength={200} />
    </>
  )
}
