import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely'

// Compiled by `npm run build`, this module is part of a bundle in dist/ and plain Node cannot import a
// .ts file: it loads the same migrations compiled to dist/migrations/*.js (beside the bundle), under
// the same names, so a database migrated from source and one migrated compiled are the same.
const COMPILED = !import.meta.url.endsWith('.ts')
export const MIGRATIONS_DIR = COMPILED
  ? path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')
  : path.resolve(import.meta.dirname, '../../../migrations')
const EXTENSION = COMPILED ? '.js' : '.ts'

/** Loads every migration file (.ts from source, .js compiled); the file name (dated) orders them. */
class FolderMigrationProvider implements MigrationProvider {
  constructor(private readonly folder: string) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await fs.readdir(this.folder)).filter((f) => /^\d{4}-\d{2}-\d{2}-.+$/.test(f) && f.endsWith(EXTENSION)).sort()
    const migrations: Record<string, Migration> = {}
    for (const file of files) {
      const mod = (await import(pathToFileURL(path.join(this.folder, file)).href)) as Migration
      migrations[file.slice(0, -EXTENSION.length)] = mod
    }
    return migrations
  }
}

export async function migrateToLatest(db: Kysely<any>, folder = MIGRATIONS_DIR): Promise<string[]> {
  return migrate(db, folder)
}

/** Applies migrations up to and including `name` (a restore brings the schema to its backup's). */
export async function migrateTo(db: Kysely<any>, name: string, folder = MIGRATIONS_DIR): Promise<string[]> {
  return migrate(db, folder, name)
}

/** The names of the migration files, oldest first. */
export async function listMigrationNames(folder = MIGRATIONS_DIR): Promise<string[]> {
  return Object.keys(await new FolderMigrationProvider(folder).getMigrations())
}

async function migrate(db: Kysely<any>, folder: string, upTo?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider(folder) })
  const { error, results }: MigrationResultSet = upTo === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(upTo)
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName
    throw new Error(`Migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
