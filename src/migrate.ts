/**
 * `npm run db:migrate` (built: `node dist/src/migrate.js`): migrates DATABASE_URL, or the embedded
 * database in DATA_DIR when it is not set. Logs each applied migration; exits 1 on failure.
 */
import { pino } from 'pino'
import { loadConfig } from './config.js'
import { createDatabase } from './db/connection.js'
import { type EmbeddedDatabase, startEmbeddedPostgres } from './db/embedded.js'
import { migrateToLatest } from './db/migrate.js'

const log = pino({ level: 'info' })
let embedded: EmbeddedDatabase | undefined
try {
  const config = loadConfig(process.env)
  if (config.DATABASE_URL === undefined) embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR })
  const db = createDatabase({ url: config.DATABASE_URL ?? embedded?.url ?? '', poolMax: 1 })
  try {
    const { applied } = await migrateToLatest(db)
    for (const name of applied) log.info({ migration: name }, 'applied')
    log.info({ applied: applied.length }, applied.length === 0 ? 'already up to date' : 'migrated')
  } finally {
    await db.destroy()
  }
} catch (error) {
  log.error({ err: error }, 'migration failed')
  process.exitCode = 1
} finally {
  await embedded?.stop()
}
