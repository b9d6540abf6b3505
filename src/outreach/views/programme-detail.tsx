import type { T } from '../../messages.ts'
import { formatDate, formatNumber, formatPercent, type Locale } from '../../platform/i18n/i18n.ts'
import type { FieldErrors, FormValues } from '../../platform/http/forms.ts'
import { ErrorSummary, Field, Notice, PostForm, Select, TableWrap } from '../../platform/views/components.tsx'
import type { Programme, ProgrammeLinks } from '../programme-queries.ts'
import { BASELINE_LEVELS, GROUP_KINDS } from '../target-group-form.ts'
import type { MeasuredBaseline, TargetGroup } from '../target-groups.ts'
import type { SessionGlance } from '../programme-sessions.ts'
import { SessionGlanceSection } from './programme-sessions.tsx'
import { VisitTable } from './calendar.tsx'
import type { VisitStatus } from '../visit-schedule.ts'

export interface ProgrammeDetailProps {
  t: T
  locale: Locale
  csrf: string
  programme: Programme & ProgrammeLinks
  names: { areas: Map<string, string>; users: Map<string, string>; partners: Map<string, string> }
  groups: (TargetGroup & { areaName: string })[]
  /** Baselines measured by the pre-tests, by target group id (groups with too few answers are not in it). */
  measured: Map<string, MeasuredBaseline>
  /** The sessions shown here (all, or those coming up and the most recent) with their people reached. */
  sessions: SessionGlance
  canEdit: boolean
  notice?: string | undefined
  visitPlans: { id: string; areaId: string; everyMonths: number; areaName: string }[]
  visits: VisitStatus[]
  forms: Record<'targetGroup' | 'visitPlan', { values: FormValues; errors: FieldErrors }>
}

export function ProgrammeDetailPage(p: ProgrammeDetailProps) {
  const { t, programme: pr } = p
  const tg = p.forms.targetGroup
  const vp = p.forms.visitPlan
  const list = (ids: string[], names: Map<string, string>) => (ids.length ? ids.map((id) => names.get(id) ?? '—').join(', ') : t('programme.none'))
  return (
    <>
      <h1>{pr.name}</h1>
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
      <p>
        <span class="tag">{t(`programmeStatus.${pr.status}`)}</span> {t('programme.period')}: {formatDate(p.locale, pr.startsOn)} – {formatDate(p.locale, pr.endsOn)}
      </p>
      {pr.goal ? <p class="lead">{pr.goal}</p> : null}
      <dl class="facts">
        <dt>{t('programme.coordinator')}</dt>
        <dd>{pr.coordinatorId ? (p.names.users.get(pr.coordinatorId) ?? '—') : t('programme.noCoordinator')}</dd>
        <dt>{t('programme.areas')}</dt>
        <dd>{list(pr.areaIds, p.names.areas)}</dd>
        <dt>{t('programme.facilitators')}</dt>
        <dd>{list(pr.facilitatorIds, p.names.users)}</dd>
        <dt>{t('programme.partners')}</dt>
        <dd>{list(pr.partnerIds, p.names.partners)}</dd>
      </dl>
      <p class="chips-row">
        <a href={`/programmes/${pr.id}/report`}>{t('report.open')}</a> · <a href={`/coverage?programme=${pr.id}`}>{t('coverage.title')}</a> · <a href={`/calendar?programme=${pr.id}`}>{t('calendar.title')}</a> · <a href={`/programmes/${pr.id}/evaluation`}>{t('programmeEval.link')}</a>
        {p.canEdit ? (
          <>
            {' '}
            · <a href={`/programmes/${pr.id}/edit`}>{t('programme.editTitle', { name: pr.name })}</a>
          </>
        ) : null}
      </p>

      <h2>{t('session.title')}</h2>
      {p.canEdit ? (
        <p>
          <a class="button" href={`/programmes/${pr.id}/sessions/new`}>
            {t('session.schedule')}
          </a>
        </p>
      ) : null}
      <SessionGlanceSection t={t} locale={p.locale} programmeId={pr.id} sessions={p.sessions} areaNames={p.names.areas} />

      <h2>{t('targetGroup.title')}</h2>
      <p class="muted">{t('targetGroup.intro')}</p>
      {p.groups.length === 0 ? (
        <p>{t('targetGroup.none')}</p>
      ) : (
        <TableWrap label={t('targetGroup.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('targetGroup.area')}</th>
                <th scope="col">{t('targetGroup.group')}</th>
                <th scope="col">{t('targetGroup.size')}</th>
                <th scope="col">{t('targetGroup.baseline')}</th>
                {p.canEdit ? <td></td> : null}
              </tr>
            </thead>
            <tbody>
              {p.groups.map((g) => (
                <tr>
                  <td>{g.areaName}</td>
                  <td>{t(`group.${g.groupKind}`)}</td>
                  <td>{g.estimatedSize === null ? '—' : formatNumber(p.locale, g.estimatedSize)}</td>
                  <td>
                    <BaselineCell t={t} locale={p.locale} group={g} measured={p.measured.get(g.id)} />
                  </td>
                  {p.canEdit ? (
                    <td>
                      <a href={`/programmes/${pr.id}/target-groups/${g.id}/delete`} aria-label={t('targetGroup.removeLabel', { group: t(`group.${g.groupKind}`), area: g.areaName })}>
                        {t('targetGroup.remove')}
                      </a>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {p.canEdit ? (
        <>
          <h3>{t('targetGroup.add')}</h3>
          <ErrorSummary t={t} errors={tg.errors} />
          <PostForm action={`/programmes/${pr.id}/target-groups`} csrf={p.csrf}>
            <Select t={t} name="areaId" label={t('targetGroup.area')} values={tg.values} errors={tg.errors} options={pr.areaIds.map((id) => ({ value: id, label: p.names.areas.get(id) ?? id }))} required />
            <Select t={t} name="groupKind" label={t('targetGroup.group')} values={tg.values} errors={tg.errors} options={GROUP_KINDS.map((g) => ({ value: g, label: t(`group.${g}`) }))} required />
            <Field t={t} name="estimatedSize" label={t('targetGroup.size')} values={tg.values} errors={tg.errors} maxlength={9} />
            <Select t={t} name="baselineLevel" label={t('targetGroup.baseline')} values={tg.values} errors={tg.errors} options={BASELINE_LEVELS.map((b) => ({ value: b, label: t(`baseline.${b}`) }))} />
            <Field t={t} name="baselineNote" label={t('targetGroup.baselineNote')} values={tg.values} errors={tg.errors} maxlength={500} />
            <button type="submit">{t('targetGroup.add')}</button>
          </PostForm>
        </>
      ) : null}

      <h2 id="visits">{t('visitPlan.title')}</h2>
      <p class="muted">{t('visitPlan.intro')}</p>
      {p.visitPlans.length ? (
        <ul>
          {p.visitPlans.map((v) => (
            <li>
              {t('visitPlan.every', { area: v.areaName, months: v.everyMonths })}
              {p.canEdit ? (
                <>
                  {' · '}
                  <a href={`/programmes/${pr.id}/sessions/new?area=${v.areaId}`} aria-label={t('visitPlan.scheduleLabel', { area: v.areaName })}>
                    {t('visitPlan.schedule')}
                  </a>
                  {' · '}
                  <a href={`/programmes/${pr.id}/visit-plans/${v.id}/delete`} aria-label={t('visitPlan.removeLabel', { area: v.areaName })}>
                    {t('visitPlan.remove')}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <VisitTable t={t} locale={p.locale} visits={p.visits} schedule={p.canEdit} />
      {p.canEdit ? (
        <>
          <h3>{t('visitPlan.add')}</h3>
          <ErrorSummary t={t} errors={vp.errors} />
          <PostForm action={`/programmes/${pr.id}/visit-plans`} csrf={p.csrf}>
            <Select t={t} name="areaId" label={t('visitPlan.area')} values={vp.values} errors={vp.errors} idPrefix="visit-" options={pr.areaIds.map((id) => ({ value: id, label: p.names.areas.get(id) ?? id }))} required />
            <Field t={t} name="everyMonths" label={t('visitPlan.everyMonths')} values={vp.values} errors={vp.errors} idPrefix="visit-" required maxlength={2} />
            <button type="submit">{t('visitPlan.add')}</button>
          </PostForm>
        </>
      ) : null}
    </>
  )
}

/** The pre-tests' level once there are enough of them (the staff's estimate beside it), else the estimate. */
function BaselineCell(p: { t: T; locale: Locale; group: TargetGroup; measured: MeasuredBaseline | undefined }) {
  const { t, group: g, measured: m } = p
  const note = g.baselineNote ? <span class="muted small"> · {g.baselineNote}</span> : null
  if (!m) return <>{t(`baseline.${g.baselineLevel}`)}{note}</>
  return (
    <>
      {t(`baseline.${m.level}`)}
      <br />
      <span class="small">{t('targetGroup.measured', { share: formatPercent(p.locale, m.share), count: m.answers })}</span>
      {g.baselineLevel !== 'unknown' ? <span class="muted small"> · {t('targetGroup.estimate', { level: t(`baseline.${g.baselineLevel}`) })}</span> : null}
      {note}
    </>
  )
}
