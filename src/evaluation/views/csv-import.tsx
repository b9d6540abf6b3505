import type { T } from '../../messages.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import { Notice, PostForm } from '../../platform/views/components.tsx'
import { codeElement } from '../code-elements.ts'
import type { Item } from '../questionnaire-schema.ts'

export interface ImportOutcome {
  stored: number
  duplicates: number
  refused: { line: number; reasons: string }[]
}

export function CsvUploadPage(p: { t: T; csrf: string; action: string; backHref: string; title: string; error?: string; outcome?: ImportOutcome }) {
  const { t } = p
  return (
    <>
      <p>
        <a href={p.backHref}>← {t('eval.heading')}</a>
      </p>
      <h1>{t('csvImport.title', { title: p.title })}</h1>
      {p.outcome ? <ImportResult t={t} outcome={p.outcome} /> : null}
      <p>{t('csvImport.intro')}</p>
      {p.error ? (
        <div class="alert alert-error" role="alert">
          {p.error}
        </div>
      ) : null}
      <PostForm action={p.action} csrf={p.csrf} enctype="multipart/form-data">
        <div class="field">
          <label for="f-file">{t('csvImport.file')}</label>
          <input id="f-file" name="file" type="file" accept=".csv,text/csv" required />
        </div>
        <p>
          <button type="submit" class="button primary">
            {t('csvImport.next')}
          </button>
        </p>
      </PostForm>
    </>
  )
}

function ImportResult(p: { t: T; outcome: ImportOutcome }) {
  const { t, outcome: o } = p
  return (
    <Notice kind={o.refused.length ? 'error' : 'success'}>
      <p>{t('csvImport.result', { stored: o.stored, duplicates: o.duplicates, refused: o.refused.length })}</p>
      {o.refused.length ? (
        <ul>
          {o.refused.slice(0, 50).map((r) => (
            <li>{t('csvImport.refusedLine', { line: r.line, reasons: r.reasons })}</li>
          ))}
        </ul>
      ) : null}
    </Notice>
  )
}

export function CsvMappingPage(p: {
  t: T
  locale: Locale
  csrf: string
  action: string
  title: string
  header: string[]
  rows: number
  csv: string
  codeElements: string[]
  items: Item[]
  mapping: Record<string, string>
}) {
  const { t, locale } = p
  const field = (name: string, label: string) => (
    <div class="field">
      <label for={`m-${name}`}>{label}</label>
      <select id={`m-${name}`} name={`map.${name}`}>
        <option value="">{t('csvImport.none')}</option>
        {p.header.map((h) => (
          <option value={h} selected={p.mapping[name] === h}>
            {h}
          </option>
        ))}
      </select>
    </div>
  )
  return (
    <>
      <h1>{t('csvImport.mapTitle', { title: p.title })}</h1>
      <p>{t('csvImport.mapIntro', { rows: p.rows, columns: p.header.length })}</p>
      <PostForm action={p.action} csrf={p.csrf} enctype="multipart/form-data">
        <input type="hidden" name="csv" value={p.csv} />
        <fieldset class="group">
          <legend>{t('collect.codeHeading')}</legend>
          {p.codeElements.map((key) => field(`code.${key}`, codeElement(key)!.label[locale]))}
        </fieldset>
        <fieldset class="group">
          <legend>{t('collect.questions')}</legend>
          {p.items.map((item, i) => field(`a.${item.id}`, `${i + 1}. ${item.label[locale]}`))}
        </fieldset>
        <p>
          <button type="submit" class="button primary">
            {t('csvImport.apply')}
          </button>
        </p>
      </PostForm>
    </>
  )
}
