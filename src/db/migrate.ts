/**
 * Runs the Kysely migrations in `migrations/` up to the latest.
 * `npm run db:migrate` runs this file; `npm start` calls `migrateToLatest` only for the embedded database.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { FileMigrationProvider, type Kysely, Migrator } from 'kysely'

/** `migrations/` sits at the project root; built, this file is `dist/src/db/` and they are `dist/migrations/`. */
const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url))

export interface MigrationReport {
  readonly applied: readonly string[]
}

/** Applies every pending migration in one run; throws with the failing migration's name. */
export async function migrateToLatest (db: Kysely<any>): Promise<MigrationReport> {
  const migrator = new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder: MIGRATIONS_FOLDER })
  })
  const { error, results = [] } = await migrator.migrateToLatest()
  const failed = results.find((result) => result.status === 'Error')
  if (error !== undefined) {
    throw new Error(`migration ${failed?.migrationName ?? '(setup)'} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  return { applied: results.filter((result) => result.status === 'Success').map((result) => result.migrationName) }
}
