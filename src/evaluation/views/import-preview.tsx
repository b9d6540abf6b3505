// An uploaded XLSForm before anything is saved: what Save will do, what was not kept (sheet, row,
// why) and what participants will see differently, then the participant's form itself, read-only.
import type { T } from '../../messages.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import { Notice, PostForm } from '../../platform/views/components.tsx'
import { DEFAULT_CODE_ELEMENTS } from '../code-elements.ts'
import { notKeptText, type ImportTarget, type NotKept } from '../questionnaire-import.ts'
import { itemsOf, type Bilingual, type Definition } from '../questionnaire-schema.ts'
import { QuestionnaireFormPage } from './questionnaire-form.tsx'

export interface ImportPreviewProps {
  t: T
  locale: Locale
  csrf: string
  /** The questionnaire's key (not `key`: JSX keeps that prop for itself). */
  formKey: string
  title: Bilingual
  intro?: Bilingual
  definition: Definition
  notKept: NotKept[]
  target: ImportTarget
  /** The uploaded file, carried to Save (questionnaire-import.ts). */
  carried: string
  fileName: string
  /** Today, YYYY-MM-DD, for the sample round band. */
  today: string
}

export function NotKeptList(p: { t: T; problems: NotKept[] }) {
  return (
    <ul>
      {p.problems.map((x) => (
        <li>{p.t('questionnaire.problem', { sheet: x.sheet, row: x.row, message: notKeptText(p.t, x) })}</li>
      ))}
    </ul>
  )
}

/** The ways a participant's form differs from the file, in words. */
export function participantDifferences(t: T, definition: Definition, notKept: NotKept[]): string[] {
  const lines: string[] = []
  const surveyRows = new Set(notKept.filter((x) => x.sheet.toLowerCase() === 'survey').map((x) => x.row)).size
  const choiceRows = new Set(notKept.filter((x) => x.sheet.toLowerCase() === 'choices').map((x) => x.row)).size
  if (surveyRows) lines.push(t('importPreview.surveyRows', { count: surveyRows }))
  if (choiceRows) lines.push(t('importPreview.choiceRows', { count: choiceRows }))
  if (definition.language) lines.push(t(`importPreview.onlyIn.${definition.language}`))
  const conditional = definition.sections.filter((s) => s.relevant).length + itemsOf(definition).filter((i) => i.relevant).length
  if (conditional) lines.push(t('importPreview.relevant', { count: conditional }))
  lines.push(t('importPreview.codeQuestions'))
  return lines
}

export function ImportPreviewPage(p: ImportPreviewProps) {
  const { t, locale } = p
  const differences = participantDifferences(t, p.definition, p.notKept)
  return (
    <>
      <h1>{t('importPreview.title', { title: p.title[locale] })}</h1>
      <p>{t('importPreview.intro')}</p>
      {p.target.kind === 'shipped' ? (
        <Notice kind="error">
          <p>{t('importPreview.shipped', { key: p.formKey })}</p>
        </Notice>
      ) : (
        <Notice>
          <p>{p.target.kind === 'new' ? t('importPreview.willCreate', { key: p.formKey }) : t('importPreview.willVersion', { key: p.formKey, latest: p.target.latest, version: p.target.version })}</p>
        </Notice>
      )}
      <section aria-labelledby="not-kept-title">
        <h2 id="not-kept-title">{t('importPreview.notKept', { count: p.notKept.length })}</h2>
        {p.notKept.length ? <NotKeptList t={t} problems={p.notKept} /> : <p>{t('importPreview.allKept')}</p>}
      </section>
      <section aria-labelledby="differences-title">
        <h2 id="differences-title">{t('importPreview.differences')}</h2>
        <ul>
          {differences.map((d) => (
            <li>{d}</li>
          ))}
        </ul>
      </section>
      {p.target.kind === 'shipped' ? null : (
        <PostForm action="/questionnaires/import/save" csrf={p.csrf}>
          <input type="hidden" name="xlsx" value={p.carried} />
          <input type="hidden" name="fileName" value={p.fileName} />
          <p>
            <button type="submit" class="button primary">
              {t('importPreview.save')}
            </button>
          </p>
        </PostForm>
      )}
      <p>
        <a href="/questionnaires">{t('importPreview.cancel')}</a>
      </p>
      <section aria-labelledby="preview-form-title" class="import-preview">
        <h2 id="preview-form-title">{t('importPreview.formHeading')}</h2>
        <p class="muted">{t('importPreview.readOnly')}</p>
        {/* inert: nothing in the sample can be focused, filled in or sent. */}
        <div inert>
          <QuestionnaireFormPage
            t={t}
            locale={locale}
            title={p.title[locale]}
            intro={p.intro?.[locale] ?? ""}
            action="/questionnaires"
            apiUrl=""
            csrf=""
            submissionId=""
            codeElements={[...DEFAULT_CODE_ELEMENTS]}
            definition={p.definition}
            values={{}}
            errors={{}}
            keywords={[]}
            help={[]}
            helpUrl="/"
            round={{ phase: 'pre', sessionTitle: t('importPreview.sampleSession'), sessionStartsAt: `${p.today}T09:00` }}
            libraryUrl="/"
            logic={false}
          />
        </div>
      </section>
    </>
  )
}
