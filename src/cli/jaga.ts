import readline from 'node:readline'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { catalogue, type MessageKey } from '../messages.ts'
import { createTranslator, type Locale } from '../platform/i18n/i18n.ts'
import { Problem } from '../platform/http/problems.ts'
import { isRole, ROLES } from '../accounts/permissions.ts'
import { findPartnerRef, setUserAccess } from '../outreach/partner-accounts.ts'
import { createUser } from '../accounts/users.ts'
import { openMigratedStore } from '../store.ts'
import { DEMO_PROGRAMME, loadDemo, removeDemo } from '../outreach/demo.ts'
import { renewDemoPasswords } from '../outreach/demo-accounts.ts'
import { loadEvaluationDemo } from '../evaluation/demo.ts'
import { runAnalyze } from './analyze-command.ts'
import type { Io } from './io.ts'
import { runTokenCommand } from './token-command.ts'
import { BACKUP_HELP, runBackupCommand } from './backup-command.ts'
import { runDoctor } from './doctor-command.ts'
import { RETENTION_HELP, runRetentionCommand } from './retention-command.ts'

export type { Io } from './io.ts'

const CLI_ACTOR = { id: null, label: 'cli' }

export const HELP = `jaga — administer a Jaga installation

Usage:
  jaga migrate                                   apply database migrations
  jaga user create --email E --role R [--name N] [--partner P]
                                                 create an active user; the password is read
                                                 from stdin when piped, else asked for twice;
                                                 a partner account belongs to the partner
                                                 institution P (its id or name)
  jaga token create --email E [--label L] [--expires-in-days N]
                                                 create an API token for a user, valid for N
                                                 days (1–3650) or until revoked; the token is
                                                 printed alone on the last line
  jaga token list --email E                      a user's API tokens: id, label, created, last
                                                 used, expires, revoked (never the secret)
  jaga token revoke ID                           revoke one API token (ID from token list)
  jaga demo load                                 load a made-up programme in Medan Amplas, labelled
                                                 [DEMO]/(demo), with demo accounts (passwords printed)
  jaga demo accounts                             print the demo accounts again, each with a new password
                                                 (the old ones stop working; signed-in demo users are signed out)
  jaga demo remove                               delete everything the demo loaded, and nothing else
  jaga analyze FILE.csv [--json]                 pre/post statistics of a score table (columns code,
                                                 phase, optional group, one column per item); --json
                                                 prints the machine-readable result
${BACKUP_HELP}${RETENTION_HELP}  jaga doctor                                    check configuration, database, migrations, public
                                                 address, proxy trust, backup age and disk space, and
                                                 say what to fix (exit code 1 when something needs it)
  jaga --help                                    this text

Roles: ${ROLES.join(', ')}

Environment (the same as the server's):
  JAGA_DATA_DIR   folder of the embedded SQLite database (default ./data)
  DATABASE_URL    postgres://… to use PostgreSQL instead
  JAGA_LANG       id or en: the language of jaga doctor and jaga retention (else taken from LANG)
  JAGA_RETAIN_ANSWERS_MONTHS  months to keep raw answers after a session (unset: keep)
`

class UsageError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export async function run(argv: string[], io: Io = process): Promise<number> {
  const say = (s: string) => io.stdout.write(s + '\n')
  const complain = (s: string) => io.stderr.write(s + '\n')
  const t = createTranslator(catalogue, (io.env.LANG ?? '').startsWith('id') ? 'id' : ('en' as Locale))
  // backup and restore read their own options (--out, --passphrase-file, --database).
  if ((argv[0] === 'backup' || argv[0] === 'restore') && !argv.includes('--help') && !argv.includes('-h')) return runBackupCommand(argv, io)
  if (argv[0] === 'doctor' && argv.length === 1) return runDoctor(io)
  if (argv[0] === 'retention' && !argv.includes('--help') && !argv.includes('-h')) return runRetentionCommand(argv, io)
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        label: { type: 'string' },
        'expires-in-days': { type: 'string' },
        partner: { type: 'string' },
        json: { type: 'boolean' },
      },
    })
    // Every command is one or two words, but `token revoke` takes the token's id after them.
    const command = positionals[0] === 'token' && positionals[1] === 'revoke' ? 'token revoke' : positionals.join(' ')
    if (values.help || command === '' || command === 'help') {
      io.stdout.write(HELP)
      return 0
    }
    if (positionals[0] === 'analyze') return runAnalyze(argv, io)
    if (!['migrate', 'user create', 'token create', 'token list', 'token revoke', 'demo load', 'demo accounts', 'demo remove'].includes(command)) throw new UsageError(`unknown command "${command}"`)
    if (['user create', 'token create', 'token list'].includes(command) && !values.email) throw new UsageError('--email is required')
    if (command === 'token revoke' && (positionals.length !== 3 || !UUID.test(positionals[2]!))) throw new UsageError('token revoke takes one token id, as jaga token list shows it')
    if (command === 'user create' && !isRole(values.role)) throw new UsageError(`--role must be one of: ${ROLES.join(', ')}`)

    const store = await openMigratedStore(loadConfig(io.env))
    try {
      if (command === 'migrate') {
        say(store.applied.length ? `applied: ${store.applied.join(', ')}` : 'the database is up to date')
        say(`database: ${store.location}`)
      } else if (command === 'demo load') {
        const config = loadConfig(io.env)
        const accounts = await loadDemo(store.db, config.timeZone)
        const answers = await loadEvaluationDemo(store.db, config.contentDir)
        say(`loaded the demo programme "${DEMO_PROGRAMME}" (made-up data, marked [DEMO] and (demo); remove it with: jaga demo remove)`)
        say(`with ${answers} made-up questionnaire answers in three of its sessions`)
        say('demo accounts (sign in at /login; these passwords are shown only now):')
        for (const a of accounts) say(`  ${a.role.padEnd(12)} ${a.email}  ${a.password}`)
      } else if (command === 'demo accounts') {
        const accounts = await renewDemoPasswords(store.db)
        if (accounts.length === 0) say('no demo data was loaded (load it with: jaga demo load)')
        else {
          say('demo accounts with new passwords (sign in at /login; shown only now, the old ones no longer work):')
          for (const a of accounts) say(`  ${a.role.padEnd(12)} ${a.email}  ${a.password}`)
        }
      } else if (command === 'demo remove') {
        const count = await removeDemo(store.db)
        say(count ? `removed the demo (${count} records and what was attached to them)` : 'no demo data was loaded')
      } else if (command === 'user create') {
        // The institution is checked before anything is created, so a typo leaves no half-made account.
        const partner = values.partner === undefined ? undefined : await findPartnerRef(store.db, values.partner)
        if (values.partner !== undefined && (values.role !== 'partner' || !partner)) throw new UsageError(values.role !== 'partner' ? '--partner is for --role partner only' : `no partner institution "${values.partner}" (give its id or exact name)`)
        const password = await readPassword(io)
        const user = await createUser(store.db, CLI_ACTOR, { email: values.email!, role: values.role as (typeof ROLES)[number], password, displayName: values.name })
        if (partner) await setUserAccess(store.db, CLI_ACTOR, user.id, { partnerId: partner.id, ownProgrammesOnly: false })
        say(`created ${user.role} ${user.email} (${user.id})${partner ? ` of ${partner.name}` : ''}; sign in at /login`)
      } else {
        const verb = command === 'token create' ? 'create' : command === 'token list' ? 'list' : 'revoke'
        await runTokenCommand(store.db, CLI_ACTOR, verb, { email: values.email, label: values.label, expiresInDays: values['expires-in-days'], id: positionals[2] }, { say, complain })
      }
    } finally {
      await store.db.destroy()
    }
    return 0
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      complain(`jaga: ${e.message}\nRun "jaga --help" for usage.`)
      return 2
    }
    if (e instanceof Problem) {
      const lines = e.errors.length ? e.errors.map((f) => `${f.field}: ${t(f.message as MessageKey, f.params)}`) : [t((e.detailKey ?? `problem.${e.code}.detail`) as MessageKey, e.params)]
      complain(`jaga: ${lines.join('\njaga: ')}`)
      return 1
    }
    complain(`jaga: ${e instanceof Error ? e.message : String(e)}`)
    return 1
  }
}

/** The password from piped stdin (its first line), or typed twice at a prompt without echo. */
async function readPassword(io: Io): Promise<string> {
  if (!io.stdin.isTTY) {
    let data = ''
    for await (const chunk of io.stdin) data += chunk.toString()
    const line = data.split(/\r?\n/)[0] ?? ''
    if (!line) throw new UsageError('no password on stdin (pipe it in, e.g. printf "%s" "$PASSWORD" | jaga user create …)')
    return line
  }
  const first = await prompt(io, 'Password (at least 10 characters): ')
  const second = await prompt(io, 'Repeat the password: ')
  if (first !== second) throw new UsageError('the two passwords are not the same')
  return first
}

function prompt(io: Io, question: string): Promise<string> {
  return new Promise((resolve) => {
    io.stderr.write(question)
    const rl = readline.createInterface({ input: io.stdin, terminal: true, output: undefined })
    rl.question('', (answer) => {
      rl.close()
      io.stderr.write('\n')
      resolve(answer)
    })
  })
}
