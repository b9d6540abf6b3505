import type { FieldErrors, FormValues } from '../../platform/http/forms.ts'
import { ErrorSummary, Field, Notice, PostForm, Select } from '../../platform/views/components.tsx'
import type { T } from '../../messages.ts'
import type { AreaNode } from '../area-form.ts'
import { childLevel, CODE_EXAMPLES, KINDS_BY_LEVEL, type AreaLevel } from '../area-rules.ts'
import type { RowError } from '../area-import.ts'

export function AreaTreePage(p: { t: T; tree: AreaNode[]; canEdit: boolean; notice?: string | undefined; count: number }) {
  const { t } = p
  return (
    <>
      <h1>{t('area.title')}</h1>
      <p>{t('area.intro')}</p>
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
      {p.canEdit ? (
        <div class="actions">
          <a class="button secondary" href="/areas/import">
            {t('area.import')}
          </a>
          <a href="/areas/new">{t('area.addProvince')}</a>
        </div>
      ) : null}
      {p.tree.length === 0 ? <p>{t('area.empty')}</p> : <p class="muted">{t('area.count', { count: p.count })}</p>}
      <ul class="tree">
        {p.tree.map((n) => (
          <AreaItem t={t} node={n} canEdit={p.canEdit} />
        ))}
      </ul>
    </>
  )
}

function AreaItem({ t, node, canEdit }: { t: T; node: AreaNode; canEdit: boolean }) {
  const next = childLevel(node.level as AreaLevel)
  const codes = [node.kemendagriCode, node.bpsCode && node.bpsCode !== node.kemendagriCode ? `BPS ${node.bpsCode}` : null].filter(Boolean).join(' · ')
  const line = (
    <>
      <span class="tag">{t(`kind.${node.kind}` as never)}</span> <strong>{node.name}</strong> {codes ? <span class="muted code-line">{codes}</span> : null}
      {node.children.length ? <span class="muted"> ({node.children.length})</span> : null}
    </>
  )
  const actions = canEdit ? (
    <span class="row-actions">
      <a href={`/areas/${node.id}/edit`} aria-label={t('area.editTitle', { name: node.name })}>
        {t('area.edit')}
      </a>
      {next ? (
        <a href={`/areas/new?parent=${node.id}`} aria-label={t('area.addChild', { level: t(`level.${next}`), name: node.name })}>
          {t('area.addShort', { level: t(`level.${next}`) })}
        </a>
      ) : null}
    </span>
  ) : null
  if (!node.children.length) {
    return (
      <li>
        {line} {actions}
      </li>
    )
  }
  // Villages start folded, so a district with many neighbourhoods stays short on a phone; works without JavaScript.
  return (
    <li>
      <details open={node.level !== 'village'}>
        <summary>{line}</summary>
        {actions}
        <ul>
          {node.children.map((c) => (
            <AreaItem t={t} node={c} canEdit={canEdit} />
          ))}
        </ul>
      </details>
    </li>
  )
}

export interface AreaFormProps {
  t: T
  csrf: string
  action: string
  title: string
  level: AreaLevel
  parentName: string | null
  values: FormValues
  errors: FieldErrors
  /** For an existing area without children: a delete control. */
  deletable?: boolean
  deleteAction?: string
  problem?: string | undefined
}

export function AreaFormPage(p: AreaFormProps) {
  const { t } = p
  const example = CODE_EXAMPLES[p.level]
  return (
    <>
      <h1>{p.title}</h1>
      {p.parentName ? (
        <p>
          {t('area.parent')}: <strong>{p.parentName}</strong>
        </p>
      ) : null}
      {p.problem ? <Notice kind="error">{p.problem}</Notice> : null}
      <ErrorSummary t={t} errors={p.errors} />
      <PostForm action={p.action} csrf={p.csrf}>
        <input type="hidden" name="parentId" value={p.values.parentId ?? ''} />
        <Select t={t} name="kind" label={t('area.kind')} values={p.values} errors={p.errors} options={KINDS_BY_LEVEL[p.level].map((k) => ({ value: k, label: t(`kind.${k}`) }))} required />
        <Field t={t} name="name" label={t('area.name')} values={p.values} errors={p.errors} required maxlength={120} />
        <Field t={t} name="kemendagriCode" label={t('area.kemendagriCode')} hint={t('area.codeHint', { example: example.kemendagri })} values={p.values} errors={p.errors} maxlength={20} />
        <Field t={t} name="bpsCode" label={t('area.bpsCode')} hint={t('area.codeHint', { example: example.bps })} values={p.values} errors={p.errors} maxlength={20} />
        <div class="actions">
          <button type="submit">{t('common.save')}</button>
          <a href="/areas">{t('common.cancel')}</a>
        </div>
      </PostForm>
      {p.deletable && p.deleteAction ? (
        <PostForm action={p.deleteAction} csrf={p.csrf}>
          <button type="submit" class="danger">
            {t('area.delete')}
          </button>
        </PostForm>
      ) : null}
    </>
  )
}

export function AreaImportPage(p: { t: T; csrf: string; errors: RowError[]; fileError?: string | undefined }) {
  const { t } = p
  return (
    <>
      <h1>{t('area.import')}</h1>
      <p>{t('area.import.intro')}</p>
      <p>{t('area.import.example')}</p>
      <pre class="copy">{'village,name,kind\n12.71.09.1001,Lingkungan I,lingkungan\nHarjosari I,Lingkungan II,lingkungan'}</pre>
      {p.errors.length ? (
        <div class="alert alert-error" role="alert">
          <p>{t('area.import.failed')}</p>
          <ul>
            {p.errors.slice(0, 200).map((e) => (
              <li>
                {e.row > 0 ? t('area.import.row', { row: e.row }) : t('area.import.wholeFile')}: {t(e.message as never, e.params)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <PostForm action="/areas/import" csrf={p.csrf} enctype="multipart/form-data">
        <div class={p.fileError ? 'field has-error' : 'field'}>
          <label for="f-file">{t('area.import.file')}</label>
          {p.fileError ? (
            <p class="error" id="f-file-error">
              {p.fileError}
            </p>
          ) : null}
          <input id="f-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby={p.fileError ? 'f-file-error' : undefined} />
        </div>
        <div class="actions">
          <button type="submit">{t('area.import.submit')}</button>
          <a href="/areas">{t('common.cancel')}</a>
        </div>
      </PostForm>
    </>
  )
}
