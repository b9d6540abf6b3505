// The national programme bench:national measures, seeded into an empty, migrated PostgreSQL database
// with set-based SQL (INSERT … SELECT generate_series): at BENCH_SCALE=1, 1,000 programmes, 50,000
// sessions and 5,000,000 submissions. Shaped like real data: areas province > city > district > village,
// each programme in one district with target groups and visit plans in its villages, one programme far
// bigger than the rest (4% of all sessions, 2,000 at scale 1), sessions over two years (most reported, some still to
// report, the next month planned), attendance, a pre and a post link per session and 50 people per held
// session answering the shipped parents' knowledge test before and after; 90% of them write the same code
// after (they pair), the rest a different one. Ids are md5 hashes of a name, so they are UUID-shaped and
// the same in every run.
import type pg from 'pg'

export interface Seeded {
  programmes: number
  sessions: number
  submissions: number
  /** The programme with the most sessions. */
  bigProgrammeId: string
  /** A reported session with answers, of an ordinary programme. */
  sessionId: string
}

const FORMATS = ['seminar', 'workshop', 'class', 'webinar', 'home-visit', 'brochure-drive']
const CODE_ELEMENTS = '["mother","day","own","siblings"]'
/** People answering in each held session, so that sessions × people × 2 ≈ 5,000,000 at scale 1. */
const PEOPLE = 50

/** `answerTemplates[k]`: a submission's answers with the first k scored items right. */
export async function seedNational(client: pg.Client, o: { scale: number; userIds: string[]; answerTemplates: string[]; log: (s: string) => void }): Promise<Seeded> {
  const programmes = Math.max(3, Math.round(1000 * o.scale))
  const sessions = Math.max(60, Math.round(50_000 * o.scale))
  const maxScore = o.answerTemplates.length - 1
  const q = async (label: string, sql: string, params: unknown[] = []) => {
    const t = Date.now()
    const r = await client.query(sql, params)
    o.log(`  ${label}: ${r.rowCount ?? 0} rows, ${((Date.now() - t) / 1000).toFixed(1)} s`)
  }
  const version = await client.query<{ id: string }>(`SELECT v.id FROM questionnaire_versions v JOIN questionnaires q ON q.id = v.questionnaire_id WHERE q.key = 'knowledge-parents' ORDER BY v.version DESC LIMIT 1`)
  const versionId = version.rows[0]?.id
  if (!versionId) throw new Error('the shipped knowledge-parents questionnaire is missing: start the server once before seeding')
  // Foreign keys are right by construction; skipping their per-row checks makes the 5M-row insert minutes faster.
  await client.query(`SET session_replication_role = replica`)
  await client.query(`SET synchronous_commit = off`)
  const now = new Date().toISOString()
  // A version-4-shaped UUID (zod's z.uuid() checks the version and variant digits) made from an md5.
  await client.query(`CREATE FUNCTION pg_temp.bench_uuid(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT substr(m, 1, 8) || '-' || substr(m, 9, 4) || '-4' || substr(m, 14, 3) || '-8' || substr(m, 18, 3) || '-' || substr(m, 21, 12) FROM md5(t) m $$`)
  const id = (prefix: string, n: string) => `pg_temp.bench_uuid('${prefix}' || ${n})`

  // Areas: 10 provinces × 10 cities × 5 districts × 10 villages (5,000 villages), whatever the scale.
  await q('areas', `
    INSERT INTO areas (id, parent_id, level, kind, name, created_at, updated_at)
    SELECT ${id('prov', 'p')}, NULL, 'province', 'provinsi', 'Provinsi ' || p, $1, $1 FROM generate_series(0, 9) p
    UNION ALL SELECT ${id('city', 'c')}, ${id('prov', '(c / 10)')}, 'city', CASE WHEN c % 3 = 0 THEN 'kota' ELSE 'kabupaten' END, 'Kota ' || c, $1, $1 FROM generate_series(0, 99) c
    UNION ALL SELECT ${id('dist', 'd')}, ${id('city', '(d / 5)')}, 'district', 'kecamatan', 'Kecamatan ' || d, $1, $1 FROM generate_series(0, 499) d
    UNION ALL SELECT ${id('vill', 'v')}, ${id('dist', '(v / 10)')}, 'village', CASE WHEN v % 4 = 0 THEN 'desa' ELSE 'kelurahan' END, 'Kelurahan ' || v, $1, $1 FROM generate_series(0, 4999) v`, [now])

  // Programme p works in district p % 500 and its ten villages.
  await q('programmes', `
    INSERT INTO programmes (id, name, goal, starts_on, ends_on, status, coordinator_id, created_at, updated_at)
    SELECT ${id('prog', 'p')}, 'Program Nasional ' || lpad(p::text, 4, '0'), 'Orang tua memahami eksploitasi seksual anak daring', '2025-01-01', '2027-12-31',
      CASE WHEN p % 10 = 9 THEN 'completed' ELSE 'active' END, $2, $1, $1
    FROM generate_series(0, $3 - 1) p`, [now, o.userIds[0], programmes])
  await q('programme areas', `INSERT INTO programme_areas (programme_id, area_id) SELECT ${id('prog', 'p')}, ${id('vill', '((p % 500) * 10 + v)')} FROM generate_series(0, $1 - 1) p, generate_series(0, 9) v`, [programmes])
  await q('target groups', `
    INSERT INTO target_groups (id, programme_id, area_id, group_kind, estimated_size, baseline_level, created_at, updated_at)
    SELECT ${id('tg', "p || '-' || v")}, ${id('prog', 'p')}, ${id('vill', '((p % 500) * 10 + v)')}, 'parents', 400 + v * 10, 'low', $2, $2 FROM generate_series(0, $1 - 1) p, generate_series(0, 9) v`, [programmes, now])
  await q('visit plans', `
    INSERT INTO visit_plans (id, programme_id, area_id, every_months, created_at, updated_at)
    SELECT ${id('vp', "p || '-' || v")}, ${id('prog', 'p')}, ${id('vill', '((p % 500) * 10 + v)')}, 3, $2, $2 FROM generate_series(0, $1 - 1) p, generate_series(0, 9) v`, [programmes, now])

  // Session i: every 25th (4%) belongs to programme 0, the rest round the others, so the big programme's
  // answers lie spread over the table as a programme's do that runs beside others; day offsets from
  // 720 days ago to 29 days ahead, spread by a multiplicative hash.
  await q('sessions', `
    INSERT INTO sessions (id, programme_id, title, format, area_id, venue, starts_at, ends_at, status, created_at, updated_at)
    SELECT ${id('sess', 'i')}, ${id('prog', 'prog')}, 'Sosialisasi ' || i, ($4::text[])[1 + i % 6], ${id('vill', '((prog % 500) * 10 + i % 10)')}, 'Balai warga',
      to_char(current_date + day, 'YYYY-MM-DD') || 'T09:00', to_char(current_date + day, 'YYYY-MM-DD') || 'T11:00',
      CASE WHEN day >= 0 THEN 'planned' WHEN i % 50 = 7 THEN 'held' WHEN i % 50 = 8 THEN 'planned' ELSE 'reported' END, $3, $3
    FROM (SELECT i, CASE WHEN i % $2 = 0 THEN 0 ELSE 1 + i % ($5 - 1) END AS prog, (i * 7919 + i / 25) % 750 - 720 AS day FROM generate_series(0, $1 - 1) i) s`, [sessions, 25, now, FORMATS, programmes])
  await q('audiences', `INSERT INTO session_audiences (session_id, group_kind) SELECT ${id('sess', 'i')}, 'parents' FROM generate_series(0, $1 - 1) i`, [sessions])
  await q('facilitators', `INSERT INTO session_facilitators (session_id, user_id) SELECT ${id('sess', 'i')}, ($2::text[])[1 + i % array_length($2::text[], 1)] FROM generate_series(0, $1 - 1) i`, [sessions, o.userIds.slice(1)])
  const held = `SELECT id AS sid, (regexp_match(title, '\\d+$'))[1]::int AS i, starts_at FROM sessions WHERE status IN ('held', 'reported')`
  await q('attendance', `
    INSERT INTO attendance (session_id, group_kind, gender, age_band, count)
    SELECT sid, 'parents', g, '18+', CASE WHEN g = 'female' THEN 35 ELSE 20 END FROM (${held}) s, unnest(ARRAY['female', 'male']) g`)
  await q('links', `
    INSERT INTO collection_links (id, token, session_id, phase, questionnaire_version_id, group_kind, code_elements, created_at)
    SELECT ${id('link', "phase || i")}, substr(md5('tok' || phase || i), 1, 12), ${id('sess', 'i')}, phase, $2, 'parents', $3, $4
    FROM generate_series(0, $1 - 1) i, unnest(ARRAY['pre', 'post']) phase`, [sessions, versionId, CODE_ELEMENTS, now])

  // Submissions in chunks of held sessions, so the log shows progress. Person j of session i has the
  // code made from hash h; after the session 9 in 10 write it again, 1 in 10 a code of hash h2.
  const chunk = 2000
  const t0 = Date.now()
  for (let from = 0; from < sessions; from += chunk) {
    await client.query(`
      INSERT INTO submissions (id, link_id, session_id, phase, questionnaire_version_id, group_kind, code, answers, score, max_score, source, received_at, hidden_items)
      SELECT ${id('sub', "phase || i || '-' || j")}, ${id('link', 'phase || i')}, sid, phase, $3, 'parents',
        chr((65 + hc % 26)::int) || chr((65 + (hc / 26) % 26)::int) || '-' || lpad((1 + (hc / 676) % 28)::text, 2, '0') || '-' || chr((65 + (hc / 18928) % 26)::int) || '-' || ((hc / 492128) % 10),
        ($4::text[])[1 + score], score, $5, 'phone',
        substr(starts_at, 1, 10) || 'T0' || CASE WHEN phase = 'pre' THEN '2' ELSE '4' END || ':' || lpad((j % 60)::text, 2, '0') || ':00.000Z', '[]'
      FROM (
        SELECT s.sid, s.i, s.starts_at, j, phase,
          CASE WHEN phase = 'post' AND j % 10 = 0 THEN h2 ELSE h END AS hc,
          CASE WHEN phase = 'pre' THEN h % ($5 - 4) ELSE least($5, h % ($5 - 4) + (h / 7) % 6) END ::int AS score
        FROM (${held}) s, generate_series(0, $6 - 1) j, unnest(ARRAY['pre', 'post']) phase,
          LATERAL (SELECT ('x' || substr(md5(s.i || '-' || j), 1, 8))::bit(32)::bigint AS h, ('x' || substr(md5('b' || s.i || '-' || j), 1, 8))::bit(32)::bigint AS h2) hh
        WHERE s.i >= $1 AND s.i < $2
      ) x`, [from, from + chunk, versionId, o.answerTemplates, maxScore, PEOPLE])
    o.log(`  submissions: sessions ${from}–${Math.min(from + chunk, sessions) - 1} done, ${((Date.now() - t0) / 1000).toFixed(0)} s`)
  }
  await client.query(`SET session_replication_role = DEFAULT`)
  const t = Date.now()
  await client.query('ANALYZE')
  o.log(`  analyze: ${((Date.now() - t) / 1000).toFixed(1)} s`)
  const count = Number((await client.query(`SELECT count(*) AS n FROM submissions`)).rows[0].n)
  return { programmes, sessions, submissions: count, ...(await findBenchRecords(client)) }
}

/** The biggest programme, and the newest reported session of an ordinary one (programme 1). */
export async function findBenchRecords(client: pg.Client): Promise<Pick<Seeded, 'bigProgrammeId' | 'sessionId'>> {
  const big = await client.query<{ id: string }>(`SELECT id FROM programmes WHERE name = 'Program Nasional 0000'`)
  const session = await client.query<{ id: string }>(`SELECT s.id FROM sessions s JOIN programmes p ON p.id = s.programme_id WHERE s.status = 'reported' AND p.name = 'Program Nasional 0001' ORDER BY s.starts_at DESC LIMIT 1`)
  return { bigProgrammeId: big.rows[0]!.id, sessionId: session.rows[0]!.id }
}
