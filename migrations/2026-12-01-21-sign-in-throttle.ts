import type { Kysely } from 'kysely'

// Sign-in attempts are recorded before the password is checked (so parallel guesses cannot race past
// the limit), and a browser that signed in to an account before carries a device cookie, so a stranger
// guessing that account's password cannot lock its owner out of their own browser.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_failures').execute()
  await db.schema
    .createTable('sign_in_attempts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)', (c) => c.notNull())
    // sha256 of a trusted device's cookie, when the attempt came with one for this email.
    .addColumn('device', 'varchar(64)')
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    // 'pending' while the password is being checked (counted as a failure), then 'failure'; a success deletes it.
    .addColumn('outcome', 'varchar(10)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sign_in_attempts_email_idx').on('sign_in_attempts').columns(['email', 'at']).execute()
  await db.schema.createIndex('sign_in_attempts_ip_idx').on('sign_in_attempts').columns(['ip', 'at']).execute()
  await db.schema.createIndex('sign_in_attempts_device_idx').on('sign_in_attempts').columns(['device', 'at']).execute()
  await db.schema
    .createTable('trusted_devices')
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_used_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('trusted_devices_pk', ['token_hash', 'email'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('trusted_devices').execute()
  await db.schema.dropTable('sign_in_attempts').execute()
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute()
}
