/**
 * The server process of the HTTP benchmarks: runs the service (`buildApp`) or a floor (a module exporting
 * `buildFloorApp`, such as bench/http-floors.ts) on 127.0.0.1 and a free port, so that the load generator, in the
 * parent, does not share its event loop. The parent starts it with `forkServer` (bench/harness/servers.ts).
 *
 *   node --import tsx bench/harness/server-child.ts <service|floor module URL>   (BENCH_DATABASE_URL names the database)
 *
 * Environment besides BENCH_DATABASE_URL:
 * - BENCH_LOG_LEVEL: the service's pino level (default `silent`; `error` with the parent's `logErrors`, so that
 *   every 5xx arrives on stdout with its stack);
 * - BENCH_STATEMENT_KINDS=1: time every statement by kind, from `query()` to its answer (so a statement's time
 *   includes its round trip and any wait for its connection or the event loop); the kind is the text with
 *   parameters, value lists and spaces folded. Otherwise statements are only counted, so that a profile shows the
 *   service alone;
 * - RATE_LIMIT_PER_IP / RATE_LIMIT_PER_KEY: default 10⁹ a minute, since the load comes from one address and one key
 *   and the limiter must not be what is measured;
 * - HEAVY_READ_CONCURRENCY / HEAVY_READ_QUEUE: the service's heavy-read slots (bench/heavy-reads.ts compares two).
 *
 * Talks to the parent over the IPC channel of `fork`:
 * - sends `{ type: 'listening', port }` once it listens;
 * - answers `{ type: 'stats', id }` with its CPU time, event-loop utilisation, statements and clock;
 * - on `{ type: 'stop' }` closes the app and exits normally, so that `--cpu-prof` writes its profile.
 * It exits as well when the parent goes away (the channel disconnects).
 */
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { loadConfig } from '../../src/config.js'
import type { FloorModule, FromServer, ToServer } from './servers.js'

const served = process.argv[2]
const databaseUrl = process.env.BENCH_DATABASE_URL
if (served === undefined || databaseUrl === undefined || process.send === undefined) {
  console.error('usage: BENCH_DATABASE_URL=… node --import tsx bench/harness/server-child.ts <service|floor module URL>, forked with an IPC channel')
  process.exit(2)
}

/** Kinds already worked out, by text: Kysely sends the same few texts over and over. */
const kinds = new Map<string, string>()

/** A statement's kind: its text with `$n` lists, value tuples and runs of spaces folded, at most 160 characters. */
function kindOf (text: string): string {
  const known = kinds.get(text)
  if (known !== undefined) return known
  const folded = text
    .replace(/\s+/g, ' ')
    .replace(/\(\$\d+(, \$\d+)*\)(, \(\$\d+(, \$\d+)*\))*/g, '(…)')
    .replace(/\$\d+/g, '$')
  const kind = folded.length > 160 ? `${folded.slice(0, 159)}…` : folded
  if (kinds.size < 10_000) kinds.set(text, kind)
  return kind
}

const byKind = process.env.BENCH_STATEMENT_KINDS === '1'

// Count the statements both servers send, with the one pg module both use.
let queries = 0
const statements = new Map<string, { count: number, ms: number }>()
type Query = (this: pg.Client, ...args: unknown[]) => unknown
const clientPrototype = pg.Client.prototype as unknown as { query: Query }
const originalQuery = clientPrototype.query
clientPrototype.query = function (this: pg.Client, ...args: unknown[]) {
  queries++
  if (!byKind) return originalQuery.apply(this, args)
  const [first] = args
  const text = typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text
  const kind = kindOf(typeof text === 'string' ? text : '(submittable)')
  let entry = statements.get(kind)
  if (entry === undefined) {
    entry = { count: 0, ms: 0 }
    statements.set(kind, entry)
  }
  const counted = entry
  counted.count++
  const started = performance.now()
  const result = originalQuery.apply(this, args)
  if (result instanceof Promise) {
    const done = () => { counted.ms += performance.now() - started }
    result.then(done, done)
  }
  return result
}

const UNLIMITED = '1000000000'
const config = loadConfig({
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
  RATE_LIMIT_PER_IP: process.env.RATE_LIMIT_PER_IP ?? UNLIMITED,
  RATE_LIMIT_PER_KEY: process.env.RATE_LIMIT_PER_KEY ?? UNLIMITED,
  HEAVY_READ_CONCURRENCY: process.env.HEAVY_READ_CONCURRENCY,
  HEAVY_READ_QUEUE: process.env.HEAVY_READ_QUEUE
})
const app = served === 'service'
  ? await (await import('../../src/app.js')).buildApp({ config, databaseUrl, logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL } })
  : await (await import(served) as FloorModule).buildFloorApp({ databaseUrl, poolMax: config.DB_POOL_MAX, bodyLimit: config.BODY_LIMIT })

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
      statements: [...statements].map(([text, { count, ms }]) => ({ text, count, ms })),
      hrtimeUs: Number(process.hrtime.bigint() / 1000n)
    })
  } else if (message.type === 'stop') {
    stop().catch(exitOnError)
  }
})
process.on('disconnect', () => { stop().catch(exitOnError) })

send({ type: 'listening', port: address.port })
