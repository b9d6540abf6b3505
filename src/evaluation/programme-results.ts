// A programme's pooled knowledge results as its reader may see them: staff live, partners from the
// dated snapshot with small groups left out. The results page and the programme report both show
// this, so a partner reads the same figures (and the same gaps) in either.
import type { Db } from '../database.ts'
import type { GroupKnowledge } from '../outreach/knowledge.ts'
import { partnerSnapshot, SNAPSHOT_STEP } from '../outreach/partner-snapshots.ts'
import { listKeywords } from './evaluation-queries.ts'
import { looksLikeDisclosure } from './shared/disclosure.ts'
import { evaluateProgramme, programmePairs, suppressEvaluation, type ProgrammeEvaluation } from './programme-knowledge.ts'

export async function shownProgrammeEvaluation(db: Db, programmeId: string, o: { partner: boolean; timeZone: string; area?: string | undefined }): Promise<{ evaluation: ProgrammeEvaluation; asOf: string | null }> {
  const { partner, area } = o
  // Partners see the dated snapshot (partner-snapshots.ts): live, one more child's pair would show as a difference.
  const snapshot = partner ? await partnerSnapshot(db, programmeId, () => programmePairs(db, programmeId), o.timeZone) : undefined
  const pairs = (partner ? (snapshot?.pairs ?? []) : await programmePairs(db, programmeId)).filter((p) => !area || p.villageId === area)
  const evaluation = evaluateProgramme(pairs)
  // A partner's area report is the area's headline only: its breakdown by group or format, set
  // against the programme's, could give away a small group by subtraction. None and 1–4 pairs read
  // the same ("fewer than 5 so far"), so a partner cannot tell that someone answered.
  const tooFew = { byGroup: [], byVillage: [], byFormat: [], suppressed: { all: true, byGroup: 0, byVillage: 0, byFormat: 0 } }
  const shown = !partner ? evaluation : pairs.length < SNAPSHOT_STEP ? { ...evaluation, ...tooFew } : { ...suppressEvaluation(evaluation), ...(area ? { byGroup: [], byFormat: [] } : {}) }
  return { evaluation: shown, asOf: snapshot?.asOf ?? null }
}

/** For the programme report (outreach): the headline and each target group's before and after, as the results page shows them. */
export async function programmeGroupKnowledge(db: Db, programmeId: string, o: { partner: boolean; timeZone: string }): Promise<GroupKnowledge> {
  const { evaluation: e, asOf } = await shownProgrammeEvaluation(db, programmeId, o)
  return {
    tooFew: e.suppressed?.all ?? false,
    pairs: e.all.pairs,
    before: e.all.pre.mean,
    after: e.all.post.mean,
    byGroup: e.byGroup.map((g) => ({ group: g.key, pairs: g.block.pairs, before: g.block.pre.mean, after: g.block.post.mean })),
    hiddenGroups: e.suppressed?.byGroup ?? 0,
    asOf: o.partner ? asOf : null,
  }
}

/** For the programme report's session notes: the same disclosure screen, with the staff's phrases, as written answers pass. */
export async function noteScreen(db: Db): Promise<(text: string) => boolean> {
  const phrases = (await listKeywords(db)).map((k) => k.phrase)
  return (text) => looksLikeDisclosure(text, phrases)
}
