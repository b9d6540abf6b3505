// Uploading an XLSForm from KoboToolbox or ODK: the upload shows a preview and saves nothing; Save
// reads the same file again (carried in the preview page) and creates the questionnaire or a new version.
import type { Context } from 'hono'
import type { AppEnv, Deps } from '../app-env.ts'
import type { RouteTable } from '../accounts/route-table.ts'
import { actorOf } from '../accounts/user-routes.tsx'
import { formStrings } from '../platform/http/forms.ts'
import { Problem } from '../platform/http/problems.ts'
import { renderPage } from '../page.tsx'
import { renderQuestionnaireList } from './questionnaire-list.tsx'
import { carriedBytes, carryBytes, importTarget, kindKeptNote, readUploadedXlsForm, type NotKept } from './questionnaire-import.ts'
import { saveImportedQuestionnaire } from './questionnaires.ts'
import { ImportPreviewPage } from './views/import-preview.tsx'
import { MAX_XLSFORM_BYTES } from './xlsform.ts'

/** A file name as shown and carried: its last path part, printable, short. */
const cleanFileName = (name: string) => (name.split(/[\\/]/).pop() ?? '').replace(/[^\p{L}\p{N} ._()-]/gu, '').slice(0, 120)

export function questionnaireImportRoutes(routes: RouteTable, deps: Deps): void {
  const { db } = deps
  const refuse = (c: Context<AppEnv>, importError: string, importProblems: NotKept[] = []) =>
    renderQuestionnaireList(c, db, { importError, importProblems }, 422)

  routes.post('/questionnaires/import', 'programme.edit', async (c) => {
    const t = c.get('t')
    const file = (await c.req.parseBody())['file']
    if (!(file instanceof File) || file.size === 0) return refuse(c, t('questionnaire.noFile'))
    if (file.size > MAX_XLSFORM_BYTES) throw new Problem('payload-too-large', { limit: '1 MB' })
    const bytes = new Uint8Array(await file.arrayBuffer())
    const fileName = cleanFileName(file.name)
    const read = await readUploadedXlsForm(t, bytes, fileName)
    if (!read.ok) return refuse(c, read.error, read.problems)
    const { form } = read
    const body = (
      <ImportPreviewPage
        t={t}
        locale={c.get('locale')}
        csrf={c.get('csrf')()}
        formKey={form.key}
        title={form.title}
        intro={form.intro}
        definition={form.definition}
        notKept={[...read.notKept, ...(await kindKeptNote(db, t, form.key, form.definition))]}
        target={await importTarget(db, form.key)}
        carried={carryBytes(bytes)}
        fileName={fileName}
        today={new Date().toISOString().slice(0, 10)}
      />
    )
    return renderPage(c, { title: t('importPreview.title', { title: form.title[c.get('locale')] }), body })
  })

  routes.post('/questionnaires/import/save', 'programme.edit', async (c) => {
    const t = c.get('t')
    const values = formStrings(await c.req.parseBody())
    const bytes = carriedBytes(values['xlsx'])
    if (!bytes) return refuse(c, t('importPreview.expired'))
    // Read again, not trusted from the page: the same checks as the upload, so a changed field is just another upload.
    const read = await readUploadedXlsForm(t, bytes, cleanFileName(values['fileName'] ?? ''))
    if (!read.ok) return refuse(c, read.error, read.problems)
    const kindKept = await kindKeptNote(db, t, read.form.key, read.form.definition)
    const saved = await saveImportedQuestionnaire(db, actorOf(c), read.form)
    return renderQuestionnaireList(c, db, { imported: { ...saved, skipped: [...read.notKept, ...kindKept] } })
  })
}
