import type { T } from '../../messages.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import { Notice, PostForm, TableWrap } from '../../platform/views/components.tsx'
import type { NotKept } from '../questionnaire-import.ts'
import { NotKeptList } from './import-preview.tsx'

export interface QuestionnaireRow {
  key: string
  title: string
  kind: string
  origin: string
  version: number
  items: number
}

export function QuestionnairesPage(p: {
  t: T
  locale: Locale
  csrf: string
  rows: QuestionnaireRow[]
  mayImport: boolean
  imported?: { key: string; version: number; items: number; skipped: NotKept[] }
  importError?: string
  importProblems?: NotKept[]
}) {
  const { t } = p
  const problemList = (problems: NotKept[]) => <NotKeptList t={t} problems={problems} />
  return (
    <>
      <h1>{t('questionnaire.title')}</h1>
      <p>{t('questionnaire.intro')}</p>
      {p.mayImport ? (
        <p>
          <a class="button" href="/questionnaires/new">
            {t('builder.newLink')}
          </a>
        </p>
      ) : null}
      {p.imported ? (
        <Notice kind="success">
          <p>{t('questionnaire.imported', { key: p.imported.key, version: p.imported.version, items: p.imported.items })}</p>
          {p.imported.skipped.length ? (
            <>
              <p>{t('questionnaire.skipped', { count: p.imported.skipped.length })}</p>
              {problemList(p.imported.skipped)}
            </>
          ) : null}
        </Notice>
      ) : null}
      <TableWrap label={t('questionnaire.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('questionnaire.name')}</th>
              <th scope="col">{t('questionnaire.kind')}</th>
              <th scope="col" class="num">
                {t('questionnaire.items')}
              </th>
              <th scope="col" class="num">
                {t('questionnaire.version')}
              </th>
              <th scope="col">XLSForm</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr>
                <th scope="row">
                  {p.mayImport ? <a href={`/questionnaires/${r.key}/edit`}>{r.title}</a> : r.title}
                  <br />
                  <span class="muted small">
                    {r.key} · {t(r.origin === 'shipped' ? 'questionnaire.shipped' : 'questionnaire.custom')}
                  </span>
                </th>
                <td>{t(`questionnaire.kind.${r.kind}` as never)}</td>
                <td class="num">{r.items}</td>
                <td class="num">{r.version}</td>
                <td>
                  <a href={`/questionnaires/${r.key}/xlsform.xlsx`} download>
                    {t('questionnaire.export')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {p.mayImport ? (
        <section>
          <h2>{t('questionnaire.import')}</h2>
          <p>{t('questionnaire.importIntro')}</p>
          <p class="hint">{t('importPreview.uploadHint')}</p>
          {p.importError ? (
            <div class="alert alert-error" role="alert">
              <p>{p.importError}</p>
              {p.importProblems?.length ? problemList(p.importProblems) : null}
            </div>
          ) : null}
          <PostForm action="/questionnaires/import" csrf={p.csrf} enctype="multipart/form-data">
            <div class="field">
              <label for="f-xlsform">{t('questionnaire.file')}</label>
              <input id="f-xlsform" name="file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
            </div>
            <p>
              <button type="submit" class="button primary">
                {t('questionnaire.importButton')}
              </button>
            </p>
          </PostForm>
        </section>
      ) : null}
    </>
  )
}
