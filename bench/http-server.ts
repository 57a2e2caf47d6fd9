/**
 * Child process of bench/http.ts: runs the service (`buildApp`, logger off) or the floor (bench/floor-server.ts)
 * on 127.0.0.1 and a free port, so that autocannon, in the parent, does not share its event loop.
 *
 *   node --import tsx bench/http-server.ts <service|floor>     (BENCH_DATABASE_URL names the database)
 *
 * Talks to the parent over the IPC channel of `fork`:
 * - sends `{ type: 'listening', port }` once it listens;
 * - answers `{ type: 'stats', id }` with its CPU time, event-loop utilisation, SQL statement count and clock;
 * - on `{ type: 'stop' }` closes the app and exits normally, so that `--cpu-prof` writes its profile.
 * It exits as well when the parent goes away (the channel disconnects).
 */
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { loadConfig } from '../src/config.js'

export type ServerKind = 'service' | 'floor'

export interface ServerStats {
  readonly type: 'stats'
  readonly id: number
  /** process.cpuUsage(): user and system CPU time, µs. */
  readonly cpu: NodeJS.CpuUsage
  readonly elu: { idle: number, active: number, utilization: number }
  /** Statements sent to Postgres through pg (BEGIN and COMMIT included). */
  readonly queries: number
  /** process.hrtime in µs: the clock of `--cpu-prof` timestamps, to cut the profile to a measured window. */
  readonly hrtimeUs: number
}

export type ToServer = { type: 'stats', id: number } | { type: 'stop' }
export type FromServer = { type: 'listening', port: number } | ServerStats

const kind = process.argv[2]
const databaseUrl = process.env.BENCH_DATABASE_URL
if ((kind !== 'service' && kind !== 'floor') || databaseUrl === undefined || process.send === undefined) {
  console.error('usage: BENCH_DATABASE_URL=… node --import tsx bench/http-server.ts <service|floor>, forked with an IPC channel')
  process.exit(2)
}

// Count the statements both servers send, with the one pg module both use (one counter increment per query).
let queries = 0
type Query = (this: pg.Client, ...args: unknown[]) => unknown
const clientPrototype = pg.Client.prototype as unknown as { query: Query }
const originalQuery = clientPrototype.query
clientPrototype.query = function (this: pg.Client, ...args: unknown[]) {
  queries++
  return originalQuery.apply(this, args)
}

// The load comes from one address: the rate limits must not be what is measured.
const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', RATE_LIMIT_PER_IP: '1000000000', RATE_LIMIT_PER_KEY: '1000000000' })
const app = kind === 'service'
  ? await (await import('../src/app.js')).buildApp({ config, databaseUrl, logger: false })
  : await (await import('./floor-server.js')).buildFloorApp({ databaseUrl, poolMax: config.DB_POOL_MAX, bodyLimit: config.BODY_LIMIT })

await app.listen({ host: '127.0.0.1', port: 0 })
const address = app.server.address()
if (address === null || typeof address === 'string') throw new Error(`unexpected address ${String(address)}`)

function send (message: FromServer): void {
  process.send?.(message)
}

function exitOnError (error: unknown): void {
  console.error(error)
  process.exit(1)
}

let stopping = false
async function stop (): Promise<void> {
  if (stopping) return
  stopping = true
  await app.close()
  process.exit(0)
}

process.on('message', (message: ToServer) => {
  if (message.type === 'stats') {
    send({
      type: 'stats',
      id: message.id,
      cpu: process.cpuUsage(),
      elu: performance.eventLoopUtilization(),
      queries,
      hrtimeUs: Number(process.hrtime.bigint() / 1000n)
    })
  } else if (message.type === 'stop') {
    stop().catch(exitOnError)
  }
})
process.on('disconnect', () => { stop().catch(exitOnError) })

send({ type: 'listening', port: address.port })
