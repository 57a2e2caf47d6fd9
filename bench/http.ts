/**
 * HTTP benchmarks of the service against bare-Fastify floors, in the same run, on the same Postgres, under the same load.
 *
 *   tsx bench/http.ts <ingest|read|validate> [--profile | --no-profile]
 *
 * - ingest:   POST /v1/reports (validation, constraints, rules, changes, storage in one transaction) vs
 *             POST /floor/reports (insert the body into one JSONB column). Every request stores a new report: the
 *             agency code differs per request (autocannon `setupRequest`), as a replay would store nothing.
 * - read:     GET /v1/reports/{id} vs GET /floor/reports/{id} (one JSONB row by primary key), random ids among
 *             1000 reports stored first in each.
 * - validate: POST /v1/validate (the seed, with its prior year stored, so that the cross-year rules and the changes run)
 *             vs POST /floor/validate (only the compiled TypeBox check of the body).
 *
 * Both servers run as child processes (bench/harness/server-child.ts, `node --import tsx`, logger off) on one fresh database
 * `bench_<pid>` on DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/postgres), migrated with
 * `migrateToLatest` and dropped at the end. autocannon runs here, on loopback: per server and round a discarded warm-up,
 * then a measured run; rounds alternate floor and service (the order swapped each round). Reported: median req/s, p50
 * and p99 over the rounds, and service ÷ floor against the targets. Where a target is missed (or with --profile), a
 * fresh service child runs with `--cpu-prof` under the same load and the top self-time functions of the measured window
 * are printed.
 *
 * Settings (environment): BENCH_CONNECTIONS (20), BENCH_WARMUP_S (2), BENCH_DURATION_S (10), BENCH_ROUNDS (3),
 * BENCH_READ_REPORTS (1000).
 *
 * Output: tables on stdout, bench/results/http-<scenario>.json and, when profiled,
 * bench/results/http-<scenario>-service.cpuprofile (both git-ignored).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import autocannon, { type AutocannonRequest, type Result } from 'autocannon'
import { sql } from 'kysely'
import pg from 'pg'
import { createDatabase } from '../src/db/connection.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { createKey } from '../src/services/api-keys.js'
import type { Report2021 } from '../src/domain/report.js'
import { creditCode } from '../test/fixtures.js'
import { FLOOR_TABLE_DDL } from './http-floors.js'
import { forkServer, type ServerKind, type ServerProcess, type ServerStats } from './harness/servers.js'
import { mainProfileIn, type ProfileSummary, summariseProfile } from './harness/cpu-profile.js'
import { benchDatabase } from './harness/database.js'
import { CLOCK_TICKS, machineTicks, processTicks, uptime } from './harness/machine.js'

const SCENARIOS = ['ingest', 'read', 'validate'] as const
type ScenarioName = typeof SCENARIOS[number]

const RESULTS = new URL('./results/', import.meta.url)
const FIXTURE = new URL('../examples/seed-2023.json', import.meta.url)

const args = process.argv.slice(2)
const scenarioName = args.find((arg) => !arg.startsWith('--')) as ScenarioName | undefined
if (scenarioName === undefined || !SCENARIOS.includes(scenarioName)) {
  console.error(`usage: tsx bench/http.ts <${SCENARIOS.join('|')}> [--profile | --no-profile]`)
  process.exit(2)
}
const profileMode = args.includes('--profile') ? 'always' : args.includes('--no-profile') ? 'never' : 'when-missed'

function intFromEnv (name: string, fallback: number): number {
  const value = process.env[name]
  if (value === undefined || value === '') return fallback
  const number = Number(value)
  if (!Number.isSafeInteger(number) || number < 1) throw new Error(`${name}=${value}: must be a positive whole number`)
  return number
}

const OPTIONS = {
  connections: intFromEnv('BENCH_CONNECTIONS', 20),
  warmupSeconds: intFromEnv('BENCH_WARMUP_S', 2),
  durationSeconds: intFromEnv('BENCH_DURATION_S', 10),
  rounds: intFromEnv('BENCH_ROUNDS', 3),
  readReports: intFromEnv('BENCH_READ_REPORTS', 1000),
  pipelining: 1,
  /** Seconds before autocannon counts a request as timed out. */
  timeoutSeconds: 30
}

/* ---------- Database ---------- */

const database = benchDatabase('bench')
const dbName = database.name
const urlFor = database.urlFor

/* ---------- Servers (child processes) ---------- */

interface Server extends ServerProcess {
  readonly kind: ServerKind
  readonly label: string
  readonly applicationName: string
}

async function startServer (kind: ServerKind, execArgv: readonly string[] = [], label: string = kind): Promise<Server> {
  const applicationName = `bench-${label}`
  const server = await forkServer(kind, { databaseUrl: urlFor(applicationName), execArgv })
  return { ...server, kind, label, applicationName }
}

/* ---------- Bodies ---------- */

const seedText = readFileSync(FIXTURE, 'utf8')
const seed = JSON.parse(seedText) as Report2021
/** Writes carry the API key made for the run (`authorization`, set once the database exists); the floor ignores it. */
const JSON_HEADERS: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' }
/** The seed as a client sends it (compact JSON). */
const seedBody = JSON.stringify(seed)

/** The seed's compact JSON split around its agency code, so that a body with another code costs two concatenations. */
const [bodyHead = '', bodyTail = ''] = JSON.stringify({ ...seed, agency: { ...seed.agency, code: '\u0000' } }).split('"\\u0000"')
function bodyWithCode (code: string): string {
  return `${bodyHead}"${code}"${bodyTail}`
}
if (bodyWithCode(seed.agency.code) !== seedBody) throw new Error('could not split the seed around its agency code')

let codeCounter = 0
/** A new valid 统一社会信用代码 (region 330502 like the seed) on every call. */
function nextCode (): string {
  return creditCode(`91330502B${String(codeCounter++).padStart(8, '0')}`)
}

/** The seed's 2022 report, consistent with it on every cross-year rule (as `seedPrevious` in bench/rules.ts). */
function seedPrevious (current: Report2021): Report2021 {
  const zero = { naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 0 }
  const previous = structuredClone(current)
  return {
    ...previous,
    year: 2022,
    publication: { indexNo: `${current.agency.code}/2023-00004`, documentDate: '2023-01-20', publishedDate: '2023-01-20' },
    proactive: { ...previous.proactive, normativeDocuments: { issued: 1, repealed: 0, inForce: 3 } },
    requests: { ...previous.requests, newReceived: { ...zero, naturalPerson: 9, total: 9 }, carriedForward: zero }
  }
}

async function post (url: string, body: string): Promise<Response> {
  return await fetch(url, { method: 'POST', headers: JSON_HEADERS, body })
}

/** Runs `task` over `items` with at most `concurrency` at a time. */
async function inParallel<T, R> (items: readonly T[], concurrency: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index] as T)
    }
  }))
  return results
}

/* ---------- Scenarios ---------- */

/** What the ingest check needs: codes answered 201, and codes sent but unanswered when a run stopped. */
interface WriteTally {
  created: string[]
  readonly unanswered: Set<string>
  readonly otherStatuses: Record<string, number>
}

interface Scenario {
  readonly title: string
  readonly floorRoute: string
  readonly serviceRoute: string
  /** Least service ÷ floor throughput. */
  readonly throughputTarget: number
  /** Largest service ÷ floor p99, if targeted. */
  readonly p99Target?: number
  /** The requests autocannon cycles through for one server. */
  readonly requests: (server: Server) => AutocannonRequest[]
}

const tallies = new Map<string, WriteTally>()
function tallyOf (label: string): WriteTally {
  let tally = tallies.get(label)
  if (tally === undefined) {
    tally = { created: [], unanswered: new Set(), otherStatuses: {} }
    tallies.set(label, tally)
  }
  return tally
}

function ingestRequests (path: string, tally: WriteTally): AutocannonRequest[] {
  return [{
    method: 'POST',
    path,
    headers: JSON_HEADERS,
    setupRequest: (request, context) => {
      const code = nextCode()
      context.code = code
      tally.unanswered.add(code)
      return { ...request, body: bodyWithCode(code) }
    },
    onResponse: (status, _body, context) => {
      const code = context.code as string
      tally.unanswered.delete(code)
      if (status === 201) tally.created.push(code)
      else tally.otherStatuses[status] = (tally.otherStatuses[status] ?? 0) + 1
    }
  }]
}

/** Ids to read, per server label (filled by `prepare`). */
const readIds = new Map<ServerKind, number[]>()

function readRequests (prefix: string, ids: readonly number[]): AutocannonRequest[] {
  return [{
    method: 'GET',
    path: `${prefix}/${ids[0]}`,
    headers: { accept: 'application/json' },
    setupRequest: (request) => ({ ...request, path: `${prefix}/${ids[Math.floor(Math.random() * ids.length)]}` })
  }]
}

const scenarios: Record<ScenarioName, Scenario> = {
  ingest: {
    title: 'ingest: store a new report',
    floorRoute: 'POST /floor/reports (insert the body into one JSONB column)',
    serviceRoute: 'POST /v1/reports (validation, constraints, rules, changes, report + revision + findings in one transaction)',
    throughputTarget: 0.6,
    p99Target: 2,
    requests: (server) => ingestRequests(server.kind === 'service' ? '/v1/reports' : '/floor/reports', tallyOf(server.label))
  },
  read: {
    title: 'read: one report by id',
    floorRoute: 'GET /floor/reports/{id} (one JSONB row by primary key)',
    serviceRoute: 'GET /v1/reports/{id} (JSON representation of the latest revision)',
    throughputTarget: 0.8,
    requests: (server) => readRequests(server.kind === 'service' ? '/v1/reports' : '/floor/reports', readIds.get(server.kind) ?? [])
  },
  validate: {
    title: 'validate: check a body, store nothing',
    floorRoute: 'POST /floor/validate (the compiled TypeBox check only)',
    serviceRoute: 'POST /v1/validate (schema, constraints, every rule and the changes against the stored prior year)',
    throughputTarget: 0.8,
    requests: (server) => [{ method: 'POST', path: server.kind === 'service' ? '/v1/validate' : '/floor/validate', headers: JSON_HEADERS, body: seedBody }]
  }
}

const scenario = scenarios[scenarioName]

/** Stores what a scenario reads, and checks one request to each server answers as expected. */
async function prepare (name: ScenarioName, floor: Server, service: Server): Promise<Record<string, unknown>> {
  if (name === 'read') {
    const codes = Array.from({ length: OPTIONS.readReports }, () => nextCode())
    const store = async (server: Server, path: string) => await inParallel(codes, 8, async (code) => {
      const response = await post(`${server.url}${path}`, bodyWithCode(code))
      if (response.status !== 201) throw new Error(`${server.label}: storing a report answered ${response.status}: ${await response.text()}`)
      if (server.kind === 'service') {
        await response.arrayBuffer()
        return Number(response.headers.get('location')?.split('/').pop())
      }
      return ((await response.json()) as { id: number }).id
    })
    readIds.set('floor', await store(floor, '/floor/reports'))
    readIds.set('service', await store(service, '/v1/reports'))
    for (const server of [floor, service]) {
      const response = await fetch(`${server.url}${server.kind === 'service' ? '/v1/reports' : '/floor/reports'}/${readIds.get(server.kind)?.[0]}`, { headers: { accept: 'application/json' } })
      const text = await response.text()
      if (response.status !== 200) throw new Error(`${server.label}: read answered ${response.status}: ${text}`)
    }
    return { storedPerServer: OPTIONS.readReports }
  }
  if (name === 'validate') {
    const previous = await post(`${service.url}/v1/reports`, JSON.stringify(seedPrevious(seed)))
    if (previous.status !== 201) throw new Error(`storing the prior year answered ${previous.status}: ${await previous.text()}`)
    await previous.arrayBuffer()
    const checked = await post(`${service.url}/v1/validate`, seedBody)
    const result = await checked.json() as { status: string, counts: unknown, previous: unknown, findings: unknown[], yearOverYear: { changes: unknown[] } | null }
    if (checked.status !== 200 || result.previous === null) throw new Error(`/v1/validate answered ${checked.status}: ${JSON.stringify(result).slice(0, 500)}`)
    const floorChecked = await post(`${floor.url}/floor/validate`, seedBody)
    if (floorChecked.status !== 200) throw new Error(`/floor/validate answered ${floorChecked.status}: ${await floorChecked.text()}`)
    return {
      priorYearStored: true,
      serviceAnswer: { status: result.status, counts: result.counts, findings: result.findings.length, changes: result.yearOverYear?.changes.length ?? 0 }
    }
  }
  return {}
}

/* ---------- Measuring ---------- */

interface Snapshot {
  readonly stats: ServerStats
  readonly pgTicks: ReadonlyMap<number, number>
  readonly machine: { busy: number, total: number }
  readonly bench: NodeJS.CpuUsage
  readonly at: number
}

async function backendPids (admin: pg.Client, applicationName: string): Promise<number[]> {
  const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and application_name = $2', [dbName, applicationName])
  return rows.map((row) => row.pid)
}

async function snapshot (admin: pg.Client, server: Server): Promise<Snapshot> {
  const pids = await backendPids(admin, server.applicationName)
  const pgTicks = new Map<number, number>()
  for (const pid of pids) {
    const ticks = processTicks(pid)
    if (ticks !== undefined) pgTicks.set(pid, ticks)
  }
  return { stats: await server.stats(), pgTicks, machine: machineTicks(), bench: process.cpuUsage(), at: performance.now() }
}

interface Run {
  readonly server: string
  readonly round: number
  readonly reqPerSec: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly meanMs: number
  readonly completed: number
  /** Requests sent: the completed ones and those in flight when the run stopped. */
  readonly sent: number
  readonly ok2xx: number
  readonly non2xx: number
  readonly errors: number
  readonly timeouts: number
  /** CPU time of the server process per request sent, µs. */
  readonly serverCpuUsPerReq: number
  /** Event-loop utilisation of the server during the run, 0–1. */
  readonly serverElu: number
  /** CPU time of the server's Postgres backends per request sent, µs (10 ms tick resolution). */
  readonly pgCpuUsPerReq: number
  /** SQL statements per request sent. */
  readonly queriesPerReq: number
  /** CPU time of this process (autocannon) per request sent, µs. */
  readonly benchCpuUsPerReq: number
  /** Share of all CPUs busy during the run, %. */
  readonly machineBusyPercent: number
  /** Share of all CPUs used by processes other than the server, its backends and autocannon, %. */
  readonly othersBusyPercent: number
  readonly loadAverage1m: number
}

function round (value: number, digits = 0): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

function median (values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] ?? NaN : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2
}

async function load (server: Server, seconds: number): Promise<Result> {
  return await autocannon({
    url: server.url,
    connections: OPTIONS.connections,
    pipelining: OPTIONS.pipelining,
    duration: seconds,
    timeout: OPTIONS.timeoutSeconds,
    requests: scenario.requests(server)
  })
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Waits until the server has finished the requests autocannon left in flight when it stopped (it closes the sockets,
 * the server carries on): no SQL statement and under 10 % event-loop activity in two 200 ms polls in a row.
 */
async function settle (server: Server): Promise<void> {
  let previous = await server.stats()
  let quietPolls = 0
  const deadline = performance.now() + 15_000
  while (quietPolls < 2 && performance.now() < deadline) {
    await sleep(200)
    const current = await server.stats()
    const quiet = current.queries === previous.queries && current.elu.active - previous.elu.active < 20
    quietPolls = quiet ? quietPolls + 1 : 0
    previous = current
  }
}

/**
 * A discarded warm-up, then a measured run. Throughput and latency are autocannon's. The server's and its backends'
 * CPU time and SQL statements are counted from a settled server to a settled server and divided by the requests
 * sent, which the server all finishes (the ingest check shows it); event-loop utilisation and the machine's load are
 * taken over the run alone.
 */
async function measure (admin: pg.Client, server: Server, roundNo: number): Promise<{ run: Run, window: [number, number] }> {
  await load(server, OPTIONS.warmupSeconds)
  await settle(server)
  const before = await snapshot(admin, server)
  const result = await load(server, OPTIONS.durationSeconds)
  const atEnd = { stats: await server.stats(), machine: machineTicks(), bench: process.cpuUsage(), at: performance.now() }
  await settle(server)
  const after = await snapshot(admin, server)

  const completed = result.requests.total
  const sent = Math.max(result.requests.sent, completed)
  const perRequest = (micros: number) => sent === 0 ? 0 : round(micros / sent, 1)
  const cpuOf = (usage: NodeJS.CpuUsage) => usage.user + usage.system
  const serverCpu = cpuOf(after.stats.cpu) - cpuOf(before.stats.cpu)
  const serverCpuInRun = cpuOf(atEnd.stats.cpu) - cpuOf(before.stats.cpu)
  const activeDelta = atEnd.stats.elu.active - before.stats.elu.active
  const idleDelta = atEnd.stats.elu.idle - before.stats.elu.idle
  let pgTicks = 0
  for (const [pid, ticks] of after.pgTicks) pgTicks += ticks - (before.pgTicks.get(pid) ?? 0)
  const pgCpu = pgTicks / CLOCK_TICKS * 1e6
  const benchCpu = cpuOf(atEnd.bench) - cpuOf(before.bench)
  const machineBusy = (atEnd.machine.busy - before.machine.busy) / CLOCK_TICKS * 1e6
  const machineTotal = (atEnd.machine.total - before.machine.total) / CLOCK_TICKS * 1e6
  const elapsedUs = (atEnd.at - before.at) * 1000
  const cpus = os.availableParallelism()
  return {
    window: [before.stats.hrtimeUs, atEnd.stats.hrtimeUs],
    run: {
      server: server.label,
      round: roundNo,
      reqPerSec: round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      meanMs: round(result.latency.mean, 2),
      completed,
      ok2xx: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      serverCpuUsPerReq: perRequest(serverCpu),
      serverElu: round(activeDelta / (activeDelta + idleDelta), 2),
      pgCpuUsPerReq: perRequest(pgCpu),
      sent,
      queriesPerReq: sent === 0 ? 0 : round((after.stats.queries - before.stats.queries) / sent, 2),
      benchCpuUsPerReq: perRequest(benchCpu),
      machineBusyPercent: machineTotal === 0 ? 0 : round(machineBusy / machineTotal * 100),
      // The backends' CPU is counted until the server settled: a little more than the run's, so others' a little less.
      othersBusyPercent: round(Math.max(0, machineBusy - serverCpuInRun - pgCpu - benchCpu) / (elapsedUs * cpus) * 100),
      loadAverage1m: round(os.loadavg()[0] ?? 0, 2)
    }
  }
}

/* ---------- Ingest check ---------- */

interface WriteCheck {
  readonly server: string
  /** Rows stored during the rounds (after the sanity requests). */
  readonly stored: number
  /** 201 answers autocannon received. */
  readonly created: number
  /** Of those, stored under their code (must equal `created`). */
  readonly createdAndStored: number
  /** Requests in flight when a run stopped (autocannon closes the sockets without waiting for them). */
  readonly unanswered: number
  /** Of those, stored anyway: the server finished them after the socket closed. */
  readonly unansweredButStored: number
  readonly otherStatuses: Record<string, number>
  readonly ok: boolean
}

async function countStored (admin: pg.Client, kind: ServerKind, codes?: Iterable<string>): Promise<number> {
  const table = kind === 'service' ? 'report' : 'bench_floor'
  const codeOf = kind === 'service' ? 't.agency_code' : "t.body->'agency'->>'code'"
  const { rows } = codes === undefined
    ? await admin.query<{ count: string }>(`select count(*) from ${table} t`)
    : await admin.query<{ count: string }>(`select count(*) from ${table} t join unnest($1::text[]) as c(code) on ${codeOf} = c.code`, [[...codes]])
  return Number(rows[0]?.count)
}

async function checkWrites (admin: pg.Client, server: Server, storedBefore: number): Promise<WriteCheck> {
  await settle(server)
  const tally = tallyOf(server.label)
  const stored = await countStored(admin, server.kind) - storedBefore
  const createdAndStored = await countStored(admin, server.kind, tally.created)
  const unansweredButStored = await countStored(admin, server.kind, tally.unanswered)
  return {
    server: server.label,
    stored,
    created: tally.created.length,
    createdAndStored,
    unanswered: tally.unanswered.size,
    unansweredButStored,
    otherStatuses: tally.otherStatuses,
    ok: createdAndStored === tally.created.length && stored === tally.created.length + unansweredButStored &&
      Object.keys(tally.otherStatuses).length === 0
  }
}

/* ---------- Profile ---------- */

async function profileService (admin: pg.Client): Promise<{ run: Run, summary: ProfileSummary }> {
  // One profile per thread lands in a folder of its own; mainProfileIn keeps the main thread's.
  const directory = fileURLToPath(new URL(`cpuprofile-${process.pid}/`, RESULTS))
  rmSync(directory, { recursive: true, force: true })
  mkdirSync(directory, { recursive: true })
  const server = await startServer('service', ['--cpu-prof', '--cpu-prof-dir', directory], 'service-profiled')
  let measured
  try {
    measured = await measure(admin, server, 0)
  } finally {
    await server.stop()
  }
  const main = mainProfileIn(directory)
  const name = `http-${scenarioName}-service.cpuprofile`
  renameSync(`${directory}${main.file}`, fileURLToPath(new URL(name, RESULTS)))
  rmSync(directory, { recursive: true, force: true })
  return { run: measured.run, summary: summariseProfile(`bench/results/${name}`, main.profile, measured.window) }
}

/* ---------- Main ---------- */

const uptimeBefore = uptime()
console.log(`${scenario.title} — bench database ${dbName}; uptime before: ${uptimeBefore}`)

await database.create()
const servers: Server[] = []
const admin = new pg.Client({ connectionString: urlFor('bench-admin') })
let exitCode = 0
let cleanedUp = false
async function cleanUp (): Promise<void> {
  if (cleanedUp) return
  cleanedUp = true
  await Promise.allSettled(servers.map(async (server) => await server.stop()))
  await admin.end().catch(() => {})
  await database.drop()
}
process.once('SIGINT', () => { cleanUp().finally(() => process.exit(130)).catch(() => {}) })

try {
  const db = createDatabase({ url: database.url, poolMax: 1 })
  try {
    await migrateToLatest(db)
    await sql.raw(FLOOR_TABLE_DDL).execute(db)
    const { token } = await createKey(db, { name: 'bench', scopes: ['reports:write'], agencyCodes: [], regionPrefixes: ['33'] }, { keyId: null, requestId: null })
    JSON_HEADERS.authorization = `Bearer ${token}`
  } finally {
    await db.destroy()
  }
  await admin.connect()
  const { rows: [versionRow] } = await admin.query<{ server_version: string }>('show server_version')
  const postgresVersion = versionRow?.server_version ?? 'unknown'

  const floor = await startServer('floor')
  servers.push(floor)
  const service = await startServer('service')
  servers.push(service)

  const prepared = await prepare(scenarioName, floor, service)
  const storedBefore = {
    floor: scenarioName === 'ingest' ? await countStored(admin, 'floor') : 0,
    service: scenarioName === 'ingest' ? await countStored(admin, 'service') : 0
  }

  const runs: Run[] = []
  const loadAverages: number[] = []
  for (let roundNo = 1; roundNo <= OPTIONS.rounds; roundNo++) {
    const order = roundNo % 2 === 1 ? [floor, service] : [service, floor]
    for (const server of order) {
      const { run } = await measure(admin, server, roundNo)
      runs.push(run)
      loadAverages.push(run.loadAverage1m)
      console.log(`  round ${roundNo} ${server.label.padEnd(7)} ${String(run.reqPerSec).padStart(6)} req/s  p50 ${run.p50Ms} ms  p99 ${run.p99Ms} ms  ` +
        `non-2xx ${run.non2xx}  errors ${run.errors}  load ${run.loadAverage1m}`)
    }
  }

  const writeChecks = scenarioName === 'ingest'
    ? [await checkWrites(admin, floor, storedBefore.floor), await checkWrites(admin, service, storedBefore.service)]
    : []

  const medianOf = (label: string, pick: (run: Run) => number) => median(runs.filter((run) => run.server === label).map(pick))
  const summaryOf = (label: string) => ({
    reqPerSec: round(medianOf(label, (run) => run.reqPerSec)),
    p50Ms: medianOf(label, (run) => run.p50Ms),
    p99Ms: medianOf(label, (run) => run.p99Ms),
    serverCpuUsPerReq: round(medianOf(label, (run) => run.serverCpuUsPerReq)),
    pgCpuUsPerReq: round(medianOf(label, (run) => run.pgCpuUsPerReq)),
    queriesPerReq: medianOf(label, (run) => run.queriesPerReq),
    serverElu: medianOf(label, (run) => run.serverElu)
  })
  /** service ÷ floor, or null when the floor's figure is 0 (no SQL on the validate floor). */
  const ratio = (service: number, floorValue: number) => floorValue === 0 ? null : round(service / floorValue, 2)
  const floorSummary = summaryOf('floor')
  const serviceSummary = summaryOf('service')
  const throughputRatio = round(serviceSummary.reqPerSec / floorSummary.reqPerSec, 2)
  const p99Ratio = round(serviceSummary.p99Ms / floorSummary.p99Ms, 2)
  const targets = [
    { target: `throughput ≥ ${scenario.throughputTarget}× the floor`, measured: throughputRatio, met: throughputRatio >= scenario.throughputTarget },
    ...(scenario.p99Target === undefined
      ? []
      : [{ target: `p99 ≤ ${scenario.p99Target}× the floor's`, measured: p99Ratio, met: p99Ratio <= scenario.p99Target }])
  ]
  const failedRuns = runs.filter((run) => run.errors > 0 || run.non2xx > 0 || run.timeouts > 0)
  if (failedRuns.length > 0 || writeChecks.some((check) => !check.ok)) exitCode = 1

  const profile = profileMode === 'always' || (profileMode === 'when-missed' && targets.some((target) => !target.met))
    ? await profileService(admin)
    : undefined

  const uptimeAfter = uptime()
  const machine = {
    nproc: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: postgresVersion,
    uptimeBefore,
    uptimeAfter,
    loadAverage1mDuringRuns: { min: Math.min(...loadAverages), max: Math.max(...loadAverages) }
  }

  console.log()
  console.log(`${scenario.title} — ${machine.cpuModel}, ${machine.nproc} CPU(s), Node ${machine.node}, Postgres ${machine.postgres}`)
  console.log(`floor:   ${scenario.floorRoute}`)
  console.log(`service: ${scenario.serviceRoute}`)
  console.log(`autocannon: ${OPTIONS.connections} connections, ${OPTIONS.warmupSeconds} s warm-up discarded, ${OPTIONS.durationSeconds} s measured, ` +
    `${OPTIONS.rounds} rounds alternating; body ${Buffer.byteLength(seedBody)} bytes`)
  if (Object.keys(prepared).length > 0) console.log(`prepared: ${JSON.stringify(prepared)}`)
  console.table(runs.map((run) => ({
    server: run.server,
    round: run.round,
    'req/s': run.reqPerSec,
    'p50 ms': run.p50Ms,
    'p99 ms': run.p99Ms,
    'non-2xx+err': run.non2xx + run.errors + run.timeouts,
    'server CPU µs/req': run.serverCpuUsPerReq,
    ELU: run.serverElu,
    'PG CPU µs/req': run.pgCpuUsPerReq,
    'SQL/req': run.queriesPerReq,
    'others %': run.othersBusyPercent,
    load: run.loadAverage1m
  })))
  console.table({
    floor: { 'req/s': floorSummary.reqPerSec, 'p50 ms': floorSummary.p50Ms, 'p99 ms': floorSummary.p99Ms, 'server CPU µs/req': floorSummary.serverCpuUsPerReq, 'PG CPU µs/req': floorSummary.pgCpuUsPerReq, 'SQL/req': floorSummary.queriesPerReq },
    service: { 'req/s': serviceSummary.reqPerSec, 'p50 ms': serviceSummary.p50Ms, 'p99 ms': serviceSummary.p99Ms, 'server CPU µs/req': serviceSummary.serverCpuUsPerReq, 'PG CPU µs/req': serviceSummary.pgCpuUsPerReq, 'SQL/req': serviceSummary.queriesPerReq },
    'service ÷ floor': {
      'req/s': throughputRatio,
      'p50 ms': ratio(serviceSummary.p50Ms, floorSummary.p50Ms),
      'p99 ms': p99Ratio,
      'server CPU µs/req': ratio(serviceSummary.serverCpuUsPerReq, floorSummary.serverCpuUsPerReq),
      'PG CPU µs/req': ratio(serviceSummary.pgCpuUsPerReq, floorSummary.pgCpuUsPerReq),
      'SQL/req': ratio(serviceSummary.queriesPerReq, floorSummary.queriesPerReq)
    }
  })
  for (const target of targets) console.log(`${target.met ? 'MET   ' : 'MISSED'} ${target.target}: ${target.measured}`)
  for (const check of writeChecks) {
    console.log(`${check.ok ? 'ok  ' : 'FAIL'} ${check.server}: ${check.stored} stored = ${check.created} answered 201 (${check.createdAndStored} found by code) + ` +
      `${check.unansweredButStored} finished after autocannon closed the socket (of ${check.unanswered} in flight)` +
      (Object.keys(check.otherStatuses).length > 0 ? `; other statuses ${JSON.stringify(check.otherStatuses)}` : ''))
  }
  if (failedRuns.length > 0) console.log(`FAIL ${failedRuns.length} run(s) had errors, timeouts or non-2xx answers`)
  if (profile !== undefined) {
    const { summary } = profile
    console.log(`\nprofile of the service under the same load (${profile.run.reqPerSec} req/s while profiled): ${summary.file}, ` +
      `window ${summary.windowMs} ms${summary.windowFound ? '' : ' (whole profile: the measured window was not found)'}, ` +
      `busy ${summary.busyMs} ms, idle ${summary.idlePercent} %`)
    console.log('self time by function (% of busy time):')
    console.table(summary.selfByFunction.map((row) => ({ function: row.name, ms: row.ms, '%': row.percent })))
    console.log('self time by package or file:')
    console.table(summary.selfByArea.map((row) => ({ where: row.name, ms: row.ms, '%': row.percent })))
    console.log('total time (self + callees) of the service\'s own functions:')
    console.table(summary.totalOfOurs.map((row) => ({ function: row.name, ms: row.ms, '%': row.percent })))
  }
  console.log(`uptime after: ${uptimeAfter}`)

  mkdirSync(RESULTS, { recursive: true })
  const out = new URL(`http-${scenarioName}.json`, RESULTS)
  writeFileSync(out, JSON.stringify({
    date: new Date().toISOString(),
    scenario: scenarioName,
    floorRoute: scenario.floorRoute,
    serviceRoute: scenario.serviceRoute,
    machine,
    options: OPTIONS,
    bodyBytes: Buffer.byteLength(seedBody),
    prepared,
    runs,
    summary: { floor: floorSummary, service: serviceSummary, throughputRatio, p99Ratio },
    targets,
    writeChecks,
    profile
  }, null, 2) + '\n')
  console.log(`written to ${out.pathname}`)
} catch (error) {
  console.error(error)
  exitCode = 1
} finally {
  await cleanUp()
}
process.exit(exitCode)
