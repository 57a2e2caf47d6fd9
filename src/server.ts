/**
 * The process entry point, and the only module that reads the environment or exits the process.
 * With no DATABASE_URL it runs an embedded Postgres in DATA_DIR and migrates it (nobody else would);
 * with one, migrations are `npm run db:migrate`'s job.
 */
import closeWithGrace from 'close-with-grace'
import { pino } from 'pino'
import { buildApp } from './app.js'
import { ConfigError, loadConfig } from './config.js'
import { createDatabase } from './db/connection.js'
import { type EmbeddedDatabase, startEmbeddedPostgres } from './db/embedded.js'
import { migrateToLatest } from './db/migrate.js'

async function main (): Promise<void> {
  const config = loadConfig(process.env)
  const log = pino({ level: config.LOG_LEVEL })

  /** What is running, in start order; shutdown closes it in reverse. */
  const running: { embedded?: EmbeddedDatabase, app?: Awaited<ReturnType<typeof buildApp>> } = {}
  // Installed before anything starts, so that a signal during start-up still stops the embedded Postgres.
  closeWithGrace({ delay: 10_000, logger: log }, async ({ signal, err }) => {
    if (err !== undefined) log.error({ err }, 'shutting down after an uncaught error')
    else log.info({ signal }, 'shutting down')
    await running.app?.close()
    await running.embedded?.stop()
  })

  let databaseUrl = config.DATABASE_URL
  if (databaseUrl === undefined) {
    log.info({ dataDir: config.DATA_DIR }, 'DATABASE_URL is not set: starting the embedded Postgres')
    running.embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, onLog: (message) => log.debug({ postgres: message.trim() }) })
    databaseUrl = running.embedded.url
    const db = createDatabase({ url: databaseUrl, poolMax: 1 })
    try {
      const { applied } = await migrateToLatest(db)
      log.info({ applied }, 'embedded database migrated')
    } finally {
      await db.destroy()
    }
  }

  running.app = await buildApp({ config, databaseUrl, logger: { level: config.LOG_LEVEL } })
  await running.app.listen({ port: config.PORT, host: config.HOST })
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message)
  } else {
    console.error(error)
  }
  process.exit(1)
})
