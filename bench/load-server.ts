/**
 * Child process of bench/load.ts: runs the service (`buildApp`) on 127.0.0.1 and a free port, so that autocannon, in
 * the parent, does not share its event loop.
 *
 *   node --import tsx bench/load-server.ts      (BENCH_DATABASE_URL names the database)
 *
 * Unlike bench/http-server.ts it passes RATE_LIMIT_PER_IP and RATE_LIMIT_PER_KEY through to the configuration: a
 * load test from one address with one key would otherwise be answered 429 after the first 1,200 requests a minute.
 * The logger is at `error`, on stdout (which the parent reads), so that every 5xx arrives with its stack trace.
 *
 * Talks to the parent over the IPC channel of `fork`: sends `{ type: 'listening', port }` once it listens, and on
 * `{ type: 'stop' }` closes the app and exits. It exits as well when the parent goes away.
 */
import { loadConfig } from '../src/config.js'

export type ToLoadServer = { type: 'stop' }
export type FromLoadServer = { type: 'listening', port: number }

const databaseUrl = process.env.BENCH_DATABASE_URL
if (databaseUrl === undefined || process.send === undefined) {
  console.error('usage: BENCH_DATABASE_URL=… node --import tsx bench/load-server.ts, forked with an IPC channel')
  process.exit(2)
}

const config = loadConfig({
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: 'error',
  RATE_LIMIT_PER_IP: process.env.RATE_LIMIT_PER_IP,
  RATE_LIMIT_PER_KEY: process.env.RATE_LIMIT_PER_KEY
})
const { buildApp } = await import('../src/app.js')
const app = await buildApp({ config, databaseUrl, logger: { level: config.LOG_LEVEL } })

await app.listen({ host: '127.0.0.1', port: 0 })
const address = app.server.address()
if (address === null || typeof address === 'string') throw new Error(`unexpected address ${String(address)}`)

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

process.on('message', (message: ToLoadServer) => {
  if (message.type === 'stop') stop().catch(exitOnError)
})
process.on('disconnect', () => { stop().catch(exitOnError) })

process.send({ type: 'listening', port: address.port } satisfies FromLoadServer)
