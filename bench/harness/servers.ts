/**
 * The parent's side of bench/harness/server-child.ts: forks it on a database, waits until it listens, asks for its
 * figures, collects its error log if asked, stops it.
 */
import { type ChildProcess, fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { sourceVersion } from './machine.js'

export interface StatementKind {
  readonly text: string
  readonly count: number
  /** Sum over the statements of the time from `query()` to the answer, ms. */
  readonly ms: number
}

export interface ServerStats {
  readonly type: 'stats'
  readonly id: number
  /** process.cpuUsage(): user and system CPU time, µs. */
  readonly cpu: NodeJS.CpuUsage
  readonly elu: { idle: number, active: number, utilization: number }
  /** Statements sent to Postgres through pg (BEGIN and COMMIT included). */
  readonly queries: number
  /** By kind, with BENCH_STATEMENT_KINDS=1; empty otherwise. */
  readonly statements: readonly StatementKind[]
  /** process.hrtime in µs: the clock of `--cpu-prof` timestamps, to cut the profile to a measured window. */
  readonly hrtimeUs: number
}

export type ToServer = { type: 'stats', id: number } | { type: 'stop' }
export type FromServer = { type: 'listening', port: number } | ServerStats

/** What the child gives a floor's `buildFloorApp`: the service's own settings, so that both hold as much. */
export interface FloorOptions {
  readonly databaseUrl: string
  /** The service's pool size (its DB_POOL_MAX). */
  readonly poolMax: number
  /** The service's body limit (BODY_LIMIT). */
  readonly bodyLimit: number
}

/** A module that builds a floor: a bare app to measure the service against. */
export interface FloorModule {
  buildFloorApp: (options: FloorOptions) => Promise<FastifyInstance>
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SERVER_SCRIPT = fileURLToPath(new URL('./server-child.ts', import.meta.url))

export interface ServerOptions {
  /** Names the server in tables, and its Postgres backends: application_name `bench-<label>`, spaces as `-`. */
  readonly label: string
  /** The service (`buildApp`, the default), or the module of a floor (see FloorModule). */
  readonly floor?: URL
  /** Node options besides `--import tsx` (e.g. `--cpu-prof`). */
  readonly execArgv?: readonly string[]
  /** Environment on top of this process's (see bench/harness/server-child.ts). */
  readonly env?: Readonly<Record<string, string>>
  /** Runs the service with log level `error` and keeps its log lines (every 5xx with its stack) in `errorLog`. */
  readonly logErrors?: boolean
}

export interface Server {
  readonly label: string
  readonly applicationName: string
  /** `sourceVersion()` when it started. */
  readonly source: string
  readonly child: ChildProcess
  readonly port: number
  readonly url: string
  /** The log lines it printed, with `logErrors`. */
  readonly errorLog: readonly string[]
  stats: () => Promise<ServerStats>
  /** Asks it to stop (so that `--cpu-prof` writes its profile), and kills it after 15 s. */
  stop: () => Promise<void>
}

/** Forks a server on the database whose URL `urlFor` gives for an application name. */
export async function forkServer (urlFor: (applicationName: string) => string, options: ServerOptions): Promise<Server> {
  const applicationName = `bench-${options.label.replace(/[^\w-]+/g, '-')}`
  const source = sourceVersion()
  const child = fork(SERVER_SCRIPT, [options.floor?.href ?? 'service'], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', ...options.execArgv ?? []],
    env: { ...process.env, ...options.env, ...options.logErrors === true ? { BENCH_LOG_LEVEL: 'error' } : {}, BENCH_DATABASE_URL: urlFor(applicationName) },
    stdio: ['ignore', options.logErrors === true ? 'pipe' : 'inherit', 'inherit', 'ipc']
  })
  const errorLog: string[] = []
  let partial = ''
  child.stdout?.setEncoding('utf8')
  child.stdout?.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) if (line.trim() !== '') errorLog.push(line)
  })
  const waiting = new Map<number, (stats: ServerStats) => void>()
  let nextId = 0
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the ${options.label} server exited with code ${code} before listening`)))
    child.once('error', reject)
    child.on('message', (message: FromServer) => {
      if (message.type === 'listening') resolve(message.port)
      else waiting.get(message.id)?.(message)
    })
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    label: options.label,
    applicationName,
    source,
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    errorLog,
    stats: async () => await new Promise<ServerStats>((resolve) => {
      const id = nextId++
      waiting.set(id, (stats) => { waiting.delete(id); resolve(stats) })
      child.send({ type: 'stats', id } satisfies ToServer)
    }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      if (child.connected) child.send({ type: 'stop' } satisfies ToServer)
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(timer)
    }
  }
}
