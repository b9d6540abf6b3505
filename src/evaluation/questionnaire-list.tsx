// The questionnaires page (list, download, upload form), shown by the list route and again by the
// import routes with their notice or error.
import type { Context } from 'hono'
import type { AppEnv, Deps } from '../app-env.ts'
import { can } from '../accounts/permissions.ts'
import { renderPage } from '../page.tsx'
import { definitionOf } from './collection.ts'
import * as q from './evaluation-queries.ts'
import { itemsOf } from './questionnaire-schema.ts'
import { QuestionnairesPage } from './views/questionnaires.tsx'

export type QuestionnaireListExtra = Partial<Omit<Parameters<typeof QuestionnairesPage>[0], 't' | 'locale' | 'csrf' | 'rows' | 'mayImport'>>

export async function renderQuestionnaireList(c: Context<AppEnv>, db: Deps['db'], extra: QuestionnaireListExtra = {}, status: 200 | 422 = 200) {
  const t = c.get('t')
  const locale = c.get('locale')
  const rows = []
  for (const questionnaire of await q.listQuestionnaires(db)) {
    const version = await q.findLatestVersion(db, questionnaire.id)
    if (!version) continue
    rows.push({
      key: questionnaire.key,
      title: locale === 'id' ? questionnaire.titleId : questionnaire.titleEn,
      kind: questionnaire.kind,
      origin: questionnaire.origin,
      version: version.version,
      items: itemsOf(definitionOf(version)).filter((i) => i.kind !== 'note').length,
    })
  }
  const body = <QuestionnairesPage t={t} locale={locale} csrf={c.get('csrf')()} rows={rows} mayImport={can(c.get('user')?.role, 'programme.edit')} {...extra} />
  return renderPage(c, { title: t('questionnaire.title'), body, status })
}
