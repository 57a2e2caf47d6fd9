/** The parent's side of bench/harness/server-child.ts: forks it, waits until it listens, asks for its figures, stops it. */
import { type ChildProcess, fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export type ServerKind = 'service' | 'floor'

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

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SERVER_SCRIPT = fileURLToPath(new URL('./server-child.ts', import.meta.url))

export interface ServerProcess {
  readonly child: ChildProcess
  readonly port: number
  readonly url: string
  stats: () => Promise<ServerStats>
  /** Asks it to stop (so that `--cpu-prof` writes its profile), and kills it after 15 s. */
  stop: () => Promise<void>
}

export interface ForkOptions {
  readonly databaseUrl: string
  /** Node options besides `--import tsx` (e.g. `--cpu-prof`). */
  readonly execArgv?: readonly string[]
  /** Environment on top of this process's (see bench/harness/server-child.ts). */
  readonly env?: Readonly<Record<string, string>>
  /** `pipe` to read the server's stdout (its log). */
  readonly stdout?: 'inherit' | 'pipe'
}

export async function forkServer (kind: ServerKind, options: ForkOptions): Promise<ServerProcess> {
  const child = fork(SERVER_SCRIPT, [kind], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', ...options.execArgv ?? []],
    env: { ...process.env, ...options.env, BENCH_DATABASE_URL: options.databaseUrl },
    stdio: ['ignore', options.stdout ?? 'inherit', 'inherit', 'ipc']
  })
  const waiting = new Map<number, (stats: ServerStats) => void>()
  let nextId = 0
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the ${kind} server exited with code ${code} before listening`)))
    child.once('error', reject)
    child.on('message', (message: FromServer) => {
      if (message.type === 'listening') resolve(message.port)
      else waiting.get(message.id)?.(message)
    })
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
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
