/**
 * One run of a benchmark: its database (created, migrated, given an API key, dropped at the end), its servers
 * (stopped at the end), the readings that need them (CPU time of the server's Postgres backends, settling), the
 * machine it ran on, and its exit status. Ctrl-C cleans up too.
 */
import pg from 'pg'
import type { Kysely } from 'kysely'
import { createDatabase } from '../../src/db/connection.js'
import type { Database } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { createKey } from '../../src/services/api-keys.js'
import { type BenchDatabase, benchDatabase } from './database.js'
import { type CpuReading, describeMachine, machineTicks, processTicks, uptime } from './machine.js'
import { forkServer, type Server, type ServerOptions } from './servers.js'

export interface OpenOptions {
  /** Region prefixes of the run's API key (scope reports:write). */
  readonly regionPrefixes: readonly string[]
  /** Run on the migrated database before anything else (e.g. a floor's tables). */
  readonly setup?: (db: Kysely<Database>) => Promise<void>
}

export interface Bench {
  /** `uptime` when the run started. */
  readonly uptimeBefore: string
  readonly database: BenchDatabase
  /** A client of the bench database, once `open` has run. */
  readonly admin: pg.Client
  /** Creates and migrates the database, runs `setup`, connects `admin`; the API key's bearer token. */
  open: (options: OpenOptions) => Promise<string>
  startServer: (options: ServerOptions) => Promise<Server>
  /** CPU time so far of the machine, this process, and `of` (a server, or the Postgres backends of an application name). */
  readCpu: (of: Server | string) => Promise<CpuReading>
  /**
   * Waits until `server` has finished the requests autocannon left in flight when it stopped (it closes the sockets,
   * the server carries on): no statement sent, under 10 % event-loop activity and none of its backends busy, in two
   * 200 ms polls in a row. The milliseconds waited.
   */
  settle: (server: Server) => Promise<number>
  /** The machine, the code and the database server measured, with `uptime` before the run and now. */
  describeMachine: () => Promise<ReturnType<typeof describeMachine> & { postgres: string, uptimeBefore: string, uptimeAfter: string }>
  /** Ends the run with exit status 1 once it is done: a check failed. */
  fail: () => void
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms))

/** Runs `main` with a Bench named `name` (its database is `<name>_<pid>`), cleans up, and exits. */
export async function runBench (name: string, main: (bench: Bench) => Promise<void>): Promise<never> {
  const uptimeBefore = uptime()
  const database = benchDatabase(name)
  const servers: Server[] = []
  let admin: pg.Client | undefined
  let created = false
  let exitCode = 0

  const connected = (): pg.Client => {
    if (admin === undefined) throw new Error('the bench database is not open yet')
    return admin
  }
  async function backendTicks (applicationName: string): Promise<Map<number, number>> {
    const { rows } = await connected().query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and application_name = $2', [database.name, applicationName])
    const ticks = new Map<number, number>()
    for (const { pid } of rows) {
      const value = processTicks(pid)
      if (value !== undefined) ticks.set(pid, value)
    }
    return ticks
  }
  async function busyBackends (applicationName: string): Promise<number> {
    const { rows } = await connected().query<{ busy: number }>(
      "select count(*)::int as busy from pg_stat_activity where datname = $1 and application_name = $2 and state <> 'idle'", [database.name, applicationName])
    return rows[0]?.busy ?? 0
  }

  const bench: Bench = {
    uptimeBefore,
    database,
    get admin () { return connected() },
    open: async ({ regionPrefixes, setup }) => {
      await database.create()
      created = true
      const db = createDatabase({ url: database.urlFor('bench-setup'), poolMax: 1 })
      let token: string
      try {
        await migrateToLatest(db)
        await setup?.(db)
        token = (await createKey(db, { name: 'bench', scopes: ['reports:write'], agencyCodes: [], regionPrefixes: [...regionPrefixes] }, { keyId: null, requestId: null })).token
      } finally {
        await db.destroy()
      }
      admin = new pg.Client({ connectionString: database.urlFor('bench-admin') })
      await admin.connect()
      return token
    },
    startServer: async (options) => {
      const server = await forkServer(database.urlFor, options)
      servers.push(server)
      return server
    },
    readCpu: async (of) => {
      const server = typeof of === 'string' ? undefined : of
      const backends = await backendTicks(server?.applicationName ?? of as string)
      return { at: performance.now(), machine: machineTicks(), bench: process.cpuUsage(), server: await server?.stats(), backends }
    },
    settle: async (server) => {
      const started = performance.now()
      let previous = await server.stats()
      let quietPolls = 0
      while (quietPolls < 2 && performance.now() - started < 30_000) {
        await sleep(200)
        const current = await server.stats()
        const quiet = current.queries === previous.queries && current.elu.active - previous.elu.active < 20 &&
          await busyBackends(server.applicationName) === 0
        quietPolls = quiet ? quietPolls + 1 : 0
        previous = current
      }
      return Math.round(performance.now() - started)
    },
    describeMachine: async () => {
      const { rows: [version] } = await connected().query<{ server_version: string }>('show server_version')
      return { ...describeMachine(), postgres: version?.server_version ?? 'unknown', uptimeBefore, uptimeAfter: uptime() }
    },
    fail: () => { exitCode = 1 }
  }

  // Ctrl-C and the end of `main` may both ask for it: each waits until it is done, then exits.
  let cleaning: Promise<void> | undefined
  async function cleanUp (): Promise<void> {
    cleaning ??= (async () => {
      await Promise.allSettled(servers.map(async (server) => await server.stop()))
      await admin?.end().catch(() => {})
      if (created) await database.drop()
    })()
    await cleaning
  }
  process.once('SIGINT', () => { cleanUp().finally(() => process.exit(130)).catch(() => {}) })

  try {
    await main(bench)
  } catch (error) {
    console.error(error)
    exitCode = 1
  } finally {
    await cleanUp()
  }
  process.exit(exitCode)
}
