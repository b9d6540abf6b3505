// The reference for bench/ingest.ts: a bare node:http server that stores each POSTed submission with
// the same INSERT into submissions, the same driver (better-sqlite3 with Jaga's pragmas, or a pg pool of
// 10) and the same database as the Jaga server under test. No framework, no checks: the floor of the work.
// Usage: node bench/ingest-bare.mjs <sqlite file | postgres URL> <link token>; prints "listening <port>".
import http from 'node:http'

const [target, token] = process.argv.slice(2)
const postgres = target.startsWith('postgres')
const COLUMNS = 'id, link_id, session_id, phase, questionnaire_version_id, group_kind, code, answers, score, max_score, source, received_at, hidden_items'
let insert
if (postgres) {
  const pg = (await import('pg')).default
  const pool = new pg.Pool({ connectionString: target, max: 10 })
  const link = (await pool.query('SELECT * FROM collection_links WHERE token = $1', [token])).rows[0]
  const params = COLUMNS.split(', ').map((_, i) => `$${i + 1}`).join(', ')
  const text = `INSERT INTO submissions (${COLUMNS}) VALUES (${params}) ON CONFLICT (id) DO NOTHING`
  insert = async (values) => (await pool.query({ name: 'bare-insert', text, values: values(link) })).rowCount === 0
} else {
  const SQLite = (await import('better-sqlite3')).default
  const db = new SQLite(target)
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  db.pragma('synchronous = NORMAL')
  const link = db.prepare('SELECT * FROM collection_links WHERE token = ?').get(token)
  const statement = db.prepare(`INSERT INTO submissions (${COLUMNS}) VALUES (${COLUMNS.split(', ').map(() => '?').join(', ')}) ON CONFLICT (id) DO NOTHING`)
  insert = async (values) => statement.run(...values(link)).changes === 0
}

const server = http.createServer((req, res) => {
  const chunks = []
  req.on('data', (c) => chunks.push(c))
  req.on('end', async () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
      const code = Object.values(body.code).join('-')
      const duplicate = await insert((link) => [body.id, link.id, link.session_id, link.phase, link.questionnaire_version_id, link.group_kind, code, JSON.stringify(body.answers), 0, 0, 'phone', new Date().toISOString(), '[]'])
      res.writeHead(duplicate ? 200 : 201, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ duplicate, disclosure: false, blanked: false }))
    } catch (e) {
      res.writeHead(500)
      res.end(String(e))
    }
  })
})
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
