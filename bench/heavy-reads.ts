/**
 * Ordinary reads while heavy reads (CSV exports and national statistics) pour in: does a report read keep its
 * latency, and does any request get a 5xx?
 *
 *   tsx bench/heavy-reads.ts [--reports <n>] [--phase-seconds <s>] [--heavy-clients <n>] [--slots <n>] [--retry-ms <ms>]
 *
 * - Database (the harness, bench/harness/): `bench_heavy_<pid>` on DATABASE_URL's server, migrated, `--reports` (1500)
 *   generated reports of 浙江 stored through POST /v1/reports:bulk, dropped at the end.
 * - Services: two of the harness's server children on the same database, both with the default pool
 *   (DB_POOL_MAX 10): one with the default heavy-read slots (HEAVY_READ_CONCURRENCY 1, HEAVY_READ_QUEUE 10), one with
 *   the most slots the configuration allows (9 of the 10 connections, a queue of 1000), which stands for a service
 *   without slots of its own.
 * - Phases of `--phase-seconds` (10) each, in one run: autocannon (10 connections) sends `GET /v1/reports/{id}` for
 *   random stored ids, (1) alone, on the limited service; (2) while `--heavy-clients` (50) clients loop over
 *   `GET /v1/exports/reports.csv` and `GET /v1/stats?year=2023` (alternately) on it, each reading every answer
 *   whole and, on 429, trying again after `--retry-ms` (100 ms: more pressure than a client honouring `Retry-After`); (3) the same
 *   on the service with 9 slots. The heavy clients run in a child process; reads are timed from the moment they have
 *   had as many answers as there are clients, so that the slots are full when timing starts.
 * - Then the same three phases with ordinary writes instead of reads: autocannon (10 connections) sends
 *   `PUT /v1/reports/{id}` with `If-Match: *`, each a new revision of a stored report (its overview gains a counter),
 *   so that every write runs the rules, stores its findings and figures and appends to the feed.
 * - Output: per phase the ordinary requests' latency (p50, p97.5, p99, mean) and requests/s, and the ratio of each to
 *   phase 1; the heavy clients' answers by status. Exit status 1 if any answer was a 5xx.
 *   Also bench/results/heavy-reads-<timestamp>.json (git-ignored).
 */
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import os from 'node:os'
import type { AutocannonRequest, Result } from 'autocannon'
import type { AnnualReport } from '../src/domain/report.js'
import { generateReports } from '../test/support/generate-reports.js'
import { numberFlag } from './harness/flags.js'
import { loadFor } from './harness/load-runs.js'
import { describeMachine, uptime } from './harness/machine.js'
import { round, timestamp, writeResults } from './harness/results.js'
import { runBench } from './harness/run.js'
import type { Server } from './harness/servers.js'

const USAGE = 'usage: tsx bench/heavy-reads.ts [--reports <n>] [--phase-seconds <s>] [--heavy-clients <n>] [--slots <n>] [--retry-ms <ms>]'

const OPTIONS = {
  reports: numberFlag('reports', 1500, USAGE),
  phaseSeconds: numberFlag('phase-seconds', 10, USAGE),
  heavyClients: numberFlag('heavy-clients', 50, USAGE),
  /** Heavy-read slots of the limited service (its default, HEAVY_READ_CONCURRENCY, unless given). */
  slots: numberFlag('slots', 1, USAGE),
  readConnections: 10,
  /** How long a heavy client waits after a 429 before asking again: 100 ms is harsher than the `Retry-After` of 5 s. */
  retryAfter429Ms: numberFlag('retry-ms', 100, USAGE)
}

const HEAVY_PATHS = ['/v1/exports/reports.csv', '/v1/stats?year=2023'] as const

/** A stored report: its id and the body it was stored with. */
interface StoredReport {
  readonly id: number
  readonly body: AnnualReport
}

/** Stores the generated reports through the bulk route, in requests of 250 lines; returns up to 500 of them. */
async function store (server: Server, token: string): Promise<StoredReport[]> {
  const bodies = [...generateReports(OPTIONS.reports, { provinces: ['33'], years: [2022, 2023], seed: 7 })].map(({ body }) => body)
  const lines = bodies.map((body) => JSON.stringify(body))
  for (let start = 0; start < lines.length; start += 250) {
    const response = await fetch(`${server.url}/v1/reports:bulk`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
      body: lines.slice(start, start + 250).join('\n') + '\n'
    })
    const answer = await response.text()
    if (response.status !== 200 || !answer.includes('"summary"')) throw new Error(`bulk answered ${response.status}: ${answer.slice(0, 300)}`)
  }
  const list = await fetch(`${server.url}/v1/reports?limit=500`)
  const { items } = await list.json() as { items: Array<{ id: number, agencyCode: string, year: number, kind: string }> }
  const byKey = new Map(bodies.map((body) => [`${body.agency.code}/${body.year}/${body.kind}`, body]))
  return items.flatMap((item) => {
    const body = byKey.get(`${item.agencyCode}/${item.year}/${item.kind}`)
    return body === undefined ? [] : [{ id: item.id, body }]
  })
}

interface HeavyTally { statuses: Record<string, number>, bytes: number }

/** `clients` loops of heavy reads until `signal`; every answer read whole, 429 retried after a short pause. */
async function heavyLoad (baseUrl: string, clients: number, signal: AbortSignal, onAnswer: () => void): Promise<HeavyTally> {
  const tally: HeavyTally = { statuses: {}, bytes: 0 }
  await Promise.all(Array.from({ length: clients }, async (_, client) => {
    for (let round = client; !signal.aborted; round++) {
      let status = 'error'
      try {
        const response = await fetch(`${baseUrl}${HEAVY_PATHS[round % HEAVY_PATHS.length] ?? ''}`, { signal })
        status = String(response.status)
        tally.bytes += (await response.arrayBuffer()).byteLength
      } catch (error) {
        if (signal.aborted) return
        status = `error: ${(error as Error).message}`
      }
      tally.statuses[status] = (tally.statuses[status] ?? 0) + 1
      onAnswer()
      if (status === '429') await new Promise((resolve) => setTimeout(resolve, OPTIONS.retryAfter429Ms))
    }
  }))
  return tally
}

/**
 * The heavy clients run in a child process of their own (this script with `--heavy-client`), so that reading
 * fifty exports does not slow down autocannon's event loop, which times the ordinary reads.
 */
async function startHeavyClients (baseUrl: string, clients: number): Promise<{ stop: () => Promise<HeavyTally> }> {
  const child = fork(fileURLToPath(import.meta.url), ['--heavy-client', baseUrl, String(clients), '--retry-ms', String(OPTIONS.retryAfter429Ms)], { execArgv: ['--import', 'tsx'] })
  let ready = () => {}
  const started = new Promise<void>((resolve) => { ready = resolve })
  const tally = new Promise<HeavyTally>((resolve, reject) => {
    child.on('message', (message) => {
      if (message === 'ready') ready()
      else resolve(message as HeavyTally)
    })
    child.once('exit', (code) => reject(new Error(`the heavy clients exited with ${code} before reporting`)))
  })
  await started
  return { stop: async () => { child.send('stop'); return await tally } }
}

if (process.argv[2] === '--heavy-client') {
  const stop = new AbortController()
  process.once('message', () => stop.abort())
  // Ready once as many heavy answers have come as there are clients: the slots are full, the queue too.
  const clients = Number(process.argv[4])
  let answers = 0
  const tally = await heavyLoad(process.argv[3] ?? '', clients, stop.signal, () => { if (++answers === clients) process.send?.('ready') })
  process.send?.(tally, () => process.exit(0))
  await new Promise(() => {})
}

type Ordinary = 'reads' | 'writes'

/** Random reads of stored reports, or revisions of them, for a phase. */
async function ordinaryRequests (ordinary: Ordinary, server: Server, reports: readonly StoredReport[], token: string): Promise<Result> {
  let next = 0
  const read = (request: AutocannonRequest): AutocannonRequest => ({ ...request, path: `/v1/reports/${reports[next++ % reports.length]?.id ?? 1}` })
  const write = (request: AutocannonRequest): AutocannonRequest => {
    const report = reports[next % reports.length]
    if (report === undefined) throw new Error('no stored report to revise')
    const body = { ...report.body, sections: { ...report.body.sections, overview: `${report.body.sections.overview}（修订${next++}）` } }
    return { ...request, path: `/v1/reports/${report.id}`, body: JSON.stringify(body) }
  }
  return await loadFor(server, OPTIONS.phaseSeconds, { connections: OPTIONS.readConnections }, [ordinary === 'reads'
    ? { method: 'GET', setupRequest: read }
    : { method: 'PUT', headers: { 'content-type': 'application/json', 'if-match': '*', authorization: `Bearer ${token}` }, setupRequest: write }])
}

interface Phase {
  readonly name: string
  readonly ordinary: Ordinary
  readonly answers: Result
  readonly heavy: HeavyTally | null
}

async function phase (name: string, ordinary: Ordinary, server: Server, heavyClients: number, reports: readonly StoredReport[], token: string): Promise<Phase> {
  console.log(`phase: ${ordinary}${name} …`)
  const heavy = heavyClients === 0 ? null : await startHeavyClients(server.url, heavyClients)
  const answers = await ordinaryRequests(ordinary, server, reports, token)
  return { name: `${ordinary}${name}`, ordinary, answers, heavy: heavy === null ? null : await heavy.stop() }
}

await runBench('bench_heavy', async (bench) => {
  const machine = describeMachine()
  console.log(`heavy reads — ${machine.cpuModel}, ${machine.nproc} CPU(s), Node ${machine.node}; uptime: ${bench.uptimeBefore}`)
  const token = await bench.open({ regionPrefixes: ['33'] })
  const limited = await bench.startServer({ label: 'limited', env: { HEAVY_READ_CONCURRENCY: String(OPTIONS.slots), HEAVY_READ_QUEUE: '10' } })
  const wide = await bench.startServer({ label: 'wide', env: { HEAVY_READ_CONCURRENCY: '9', HEAVY_READ_QUEUE: '1000' } })
  const storeStarted = performance.now()
  const reports = await store(limited, token)
  console.log(`stored ${OPTIONS.reports} reports in ${round((performance.now() - storeStarted) / 1000, 1)} s`)

  const phases: Phase[] = []
  for (const ordinary of ['reads', 'writes'] as const) {
    phases.push(await phase(` alone (${OPTIONS.slots} slots)`, ordinary, limited, 0, reports, token))
    phases.push(await phase(` + ${OPTIONS.heavyClients} heavy clients (${OPTIONS.slots} slots, queue 10)`, ordinary, limited, OPTIONS.heavyClients, reports, token))
    phases.push(await phase(` + ${OPTIONS.heavyClients} heavy clients (9 slots, queue 1000)`, ordinary, wide, OPTIONS.heavyClients, reports, token))
  }
  const rows = phases.map(({ name, ordinary, answers: reads, heavy }) => {
    // Each phase against the same requests alone, in this run.
    const baseline = phases.find((other) => other.ordinary === ordinary)?.answers.latency
    return {
      phase: name,
      'requests/s': round(reads.requests.average, 1),
      'p50 ms': reads.latency.p50,
      'p97.5 ms': reads.latency.p97_5,
      'p99 ms': reads.latency.p99,
      'mean ms': round(reads.latency.mean, 2),
      '× p50': round(reads.latency.p50 / Math.max(baseline?.p50 ?? 1, 1), 1),
      '× p99': round(reads.latency.p99 / Math.max(baseline?.p99 ?? 1, 1), 1),
      '5xx': reads['5xx'],
      'non-2xx': reads.non2xx,
      'errors+timeouts': reads.errors + reads.timeouts,
      'heavy answers': heavy === null ? '' : Object.entries(heavy.statuses).map(([status, count]) => `${status}: ${count}`).join(', ')
    }
  })
  console.table(rows)
  const fiveHundreds = phases.reduce((sum, { answers, heavy }) => sum + answers['5xx'] +
    Object.entries(heavy?.statuses ?? {}).filter(([status]) => status.startsWith('5')).reduce((total, [, count]) => total + count, 0), 0)
  if (fiveHundreds > 0) {
    console.error(`${fiveHundreds} answers were 5xx`)
    bench.fail()
  }
  console.log(`uptime after: ${uptime()}`)
  writeResults(`heavy-reads-${timestamp()}.json`, { options: OPTIONS, machine, loadAverage: os.loadavg(), rows })
})
