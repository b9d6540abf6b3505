import type { Kysely, Transaction } from 'kysely'
import type { AccountTables } from './accounts/account-tables.ts'
import type { AreaTables } from './areas/area-tables.ts'
import type { LibraryTables } from './library/library-tables.ts'
import type { OutreachTables } from './outreach/outreach-tables.ts'
import type { EvaluationTables } from './evaluation/evaluation-tables.ts'

/** The whole schema, composed from the tables each slice owns. */
export interface Database extends AccountTables, AreaTables, LibraryTables, OutreachTables, EvaluationTables {}
export type Db = Kysely<Database> | Transaction<Database>
