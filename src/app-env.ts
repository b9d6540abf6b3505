import type { IncomingMessage } from 'node:http'
import type { Kysely } from 'kysely'
import type { Config } from './config.ts'
import type { Database } from './database.ts'
import type { Locale } from './platform/i18n/i18n.ts'
import type { Logger } from './platform/log.ts'
import type { CurrentUser } from './accounts/login-sessions.ts'
import type { T } from './messages.ts'

export interface AppVariables {
  requestId: string
  locale: Locale
  t: T
  /** The CSRF token for this visitor; calling it sets the cookie on first use. */
  csrf: () => string
  user: CurrentUser | null
  /** Whether `jaga demo load` data is in the database (checked for signed-in users only). */
  demoData: boolean
  /** The login-session cookie value, when the user came with one. */
  loginToken: string | null
}

// @hono/node-server passes the Node request as env.incoming; app.request() in tests passes nothing.
export type AppEnv = { Variables: AppVariables; Bindings: { incoming?: IncomingMessage } }

/** What every slice's routes receive from the composition root. */
export interface Deps {
  db: Kysely<Database>
  log: Logger
  config: Config
  dialect: 'sqlite' | 'postgres'
}
