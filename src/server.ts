/**
 * The service's process entry point: it reads the environment, listens, and exits the process (the command-line
 * entry points in src/cli and src/migrate.ts do the same for theirs; everything else is handed what it needs).
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

/** What is running, in start order; shutdown, and a failed start, close it in reverse. */
const running: { embedded?: EmbeddedDatabase, app?: Awaited<ReturnType<typeof buildApp>> } = {}

async function stopRunning (): Promise<void> {
  await running.app?.close()
  await running.embedded?.stop()
}

/** A start that fails for a reason the user can fix, told in one line instead of a stack trace. */
class StartError extends Error {}

async function main (): Promise<void> {
  const config = loadConfig(process.env)
  const log = pino({ level: config.LOG_LEVEL })

  // Installed before anything starts, so that a signal during start-up still stops the embedded Postgres.
  closeWithGrace({ delay: 10_000, logger: log }, async ({ signal, err }) => {
    if (err !== undefined) log.error({ err }, 'shutting down after an uncaught error')
    else log.info({ signal }, 'shutting down')
    await stopRunning()
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
  try {
    await running.app.listen({ port: config.PORT, host: config.HOST })
  } catch (error) {
    switch ((error as NodeJS.ErrnoException).code) {
      case 'EADDRINUSE':
        throw new StartError(`port ${config.PORT} is in use; set PORT to a free port (PORT=0 picks one)`)
      case 'EACCES':
        throw new StartError(`port ${config.PORT} needs privileges this user lacks; set PORT to one above 1023`)
      case 'EADDRNOTAVAIL':
        throw new StartError(`HOST ${config.HOST} is not an address of this machine; set HOST (127.0.0.1, or 0.0.0.0 for every interface)`)
      default:
        throw error
    }
  }
}

main().catch(async (error: unknown) => {
  // Whatever stopped the start, the embedded Postgres must not outlive it: the next start would find
  // its data folder taken.
  await stopRunning().catch((stopError: unknown) => console.error(stopError))
  console.error(error instanceof ConfigError || error instanceof StartError ? error.message : error)
  process.exit(1)
})
