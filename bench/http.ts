/**
 * HTTP benchmarks of the service against bare-Fastify floors (bench/http-floors.ts), in the same run, on the same
 * Postgres, under the same load.
 *
 *   tsx bench/http.ts <ingest|read|validate> [--profile | --no-profile]
 *
 * - ingest:   POST /v1/reports (validation, constraints, rules, changes, storage in one transaction) vs the same-work
 *             floor POST /floor/same-work/reports (parse, the prior year in one statement, `analyseReport`, body and
 *             analysis in one INSERT) and the bare floor POST /floor/reports (the body into one JSONB column). Every
 *             request stores a new report: the agency code differs per request (autocannon `setupRequest`), as a
 *             replay would store nothing.
 * - read:     GET /v1/reports/{id} vs GET /floor/reports/{id} (one JSONB row by primary key), random ids among
 *             1000 reports stored first in each.
 * - validate: POST /v1/validate (the seed, with its prior year stored, so that the cross-year rules and the changes run)
 *             vs the same-work floor POST /floor/same-work/validate (the ingest floor's work without the INSERT, its
 *             prior year stored too) and the bare floor POST /floor/validate (only the compiled TypeBox check).
 *
 * The harness (bench/harness/) runs the servers as child processes on a fresh database and the load here, in rounds
 * that interleave them; where a target is missed (or with --profile), a fresh service child runs with `--cpu-prof`
 * under the same load and the profile of the measured window is summarised.
 *
 * Settings (environment): BENCH_CONNECTIONS (20), BENCH_WARMUP_S (2), BENCH_DURATION_S (10), BENCH_ROUNDS (3),
 * BENCH_READ_REPORTS (1000), BENCH_READ_CONDITIONAL (0; 1: every read of the service sends its current ETag and gets 304).
 *
 * Output: tables on stdout, bench/results/http-<scenario>.json and, when profiled,
 * bench/results/http-<scenario>-service.cpuprofile (both git-ignored).
 */
import { readFileSync } from 'node:fs'
import type { AutocannonRequest } from 'autocannon'
import { sql } from 'kysely'
import type pg from 'pg'
import type { Report2021 } from '../src/domain/report.js'
import { seedPrevious } from '../test/domain/fixtures.js'
import { creditCode } from '../test/fixtures.js'
import { FLOOR_TABLES_DDL } from './http-floors.js'
import { printProfile, profiledRun } from './harness/cpu-profile.js'
import { numberFromEnv, profileMode } from './harness/flags.js'
import { interleavedRounds, measuredRun, medianRun, printMedians, printRuns, ratioOfRuns } from './harness/load-runs.js'
import { writeResults } from './harness/results.js'
import { runBench } from './harness/run.js'
import type { Server } from './harness/servers.js'

const SCENARIOS = ['ingest', 'read', 'validate'] as const
type ScenarioName = typeof SCENARIOS[number]

const scenarioName = process.argv.slice(2).find((arg) => !arg.startsWith('--')) as ScenarioName | undefined
if (scenarioName === undefined || !SCENARIOS.includes(scenarioName)) {
  console.error(`usage: tsx bench/http.ts <${SCENARIOS.join('|')}> [--profile | --no-profile]`)
  process.exit(2)
}

const OPTIONS = {
  connections: numberFromEnv('BENCH_CONNECTIONS', 20),
  warmupSeconds: numberFromEnv('BENCH_WARMUP_S', 2),
  durationSeconds: numberFromEnv('BENCH_DURATION_S', 10),
  rounds: numberFromEnv('BENCH_ROUNDS', 3),
  readReports: numberFromEnv('BENCH_READ_REPORTS', 1000),
  readConditional: numberFromEnv('BENCH_READ_CONDITIONAL', 0) === 1,
  pipelining: 1,
  timeoutSeconds: 30
}

/** The servers a scenario can compare: the two floors of bench/http-floors.ts and the service. */
type Role = 'floor' | 'same-work floor' | 'service'
const FLOORS = new URL('./http-floors.ts', import.meta.url)
const REPORTS_PATH: Record<Role, string> = { floor: '/floor/reports', 'same-work floor': '/floor/same-work/reports', service: '/v1/reports' }
const VALIDATE_PATH: Record<Role, string> = { floor: '/floor/validate', 'same-work floor': '/floor/same-work/validate', service: '/v1/validate' }
/** Where each stores a report, and the SQL of a stored row's agency code (`t` is the table). */
const STORAGE: Record<Role, { table: string, codeOf: string }> = {
  floor: { table: 'bench_floor', codeOf: "t.body->'agency'->>'code'" },
  'same-work floor': { table: 'bench_floor_analysed', codeOf: 't.agency_code' },
  service: { table: 'report', codeOf: 't.agency_code' }
}

/* ---------- Bodies ---------- */

const seed = JSON.parse(readFileSync(new URL('../examples/seed-2023.json', import.meta.url), 'utf8')) as Report2021
/** Writes carry the API key made for the run (`authorization`, set once the database exists); the floors ignore it. */
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

interface Target {
  /** The server the service is compared with. */
  readonly against: Role
  /** Least service ÷ that server's throughput. */
  readonly throughput: number
  /** Largest service ÷ that server's p99, if targeted. */
  readonly p99?: number
}

interface Scenario {
  readonly title: string
  /** The servers compared, the floors first, with what each runs. */
  readonly routes: Partial<Record<Role, string>>
  readonly targets: readonly Target[]
  /** The requests autocannon cycles through for one server. */
  readonly requests: (role: Role, server: Server) => AutocannonRequest[]
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

/** Ids to read, per server (filled by `prepare`). */
const readIds = new Map<Role, number[]>()

/**
 * Reads of random ids; with `conditional`, each carries the ETag of the report's only revision (`"<id>.1"`) in
 * `If-None-Match`, so that every answer is a 304 (BENCH_READ_CONDITIONAL=1, the service only: the floor has no tags).
 */
function readRequests (prefix: string, ids: readonly number[], conditional = false): AutocannonRequest[] {
  const headersFor = (id: number | undefined): Record<string, string> =>
    conditional ? { accept: 'application/json', 'if-none-match': `"${id}.1"` } : { accept: 'application/json' }
  return [{
    method: 'GET',
    path: `${prefix}/${ids[0]}`,
    headers: headersFor(ids[0]),
    setupRequest: (request) => {
      const id = ids[Math.floor(Math.random() * ids.length)]
      return { ...request, path: `${prefix}/${id}`, headers: headersFor(id) }
    }
  }]
}

const scenarios: Record<ScenarioName, Scenario> = {
  ingest: {
    title: 'ingest: store a new report',
    routes: {
      floor: 'POST /floor/reports (insert the body into one JSONB column)',
      'same-work floor': 'POST /floor/same-work/reports (parse, the prior year in one statement, analyseReport, body + analysis in one INSERT)',
      service: 'POST /v1/reports (validation, constraints, rules, changes, report + revision + findings in one transaction)'
    },
    targets: [{ against: 'same-work floor', throughput: 0.8, p99: 1.5 }],
    requests: (role, server) => ingestRequests(REPORTS_PATH[role], tallyOf(server.label))
  },
  read: {
    title: 'read: one report by id',
    routes: {
      floor: 'GET /floor/reports/{id} (one JSONB row by primary key)',
      service: 'GET /v1/reports/{id} (JSON representation of the latest revision)'
    },
    targets: [{ against: 'floor', throughput: 0.8 }],
    requests: (role) => readRequests(REPORTS_PATH[role], readIds.get(role) ?? [], OPTIONS.readConditional && role === 'service')
  },
  validate: {
    title: 'validate: check a body, store nothing',
    routes: {
      floor: 'POST /floor/validate (the compiled TypeBox check only)',
      'same-work floor': 'POST /floor/same-work/validate (parse, the prior year in one statement, analyseReport; stores nothing)',
      service: 'POST /v1/validate (schema, constraints, every rule and the changes against the stored prior year)'
    },
    targets: [{ against: 'same-work floor', throughput: 0.85 }],
    requests: (role) => [{ method: 'POST', path: VALIDATE_PATH[role], headers: JSON_HEADERS, body: seedBody }]
  }
}

const scenario = scenarios[scenarioName]

interface Contender {
  readonly role: Role
  readonly server: Server
}

async function storeReport (contender: Contender, body: string): Promise<number> {
  const response = await post(`${contender.server.url}${REPORTS_PATH[contender.role]}`, body)
  if (response.status !== 201) throw new Error(`${contender.role}: storing a report answered ${response.status}: ${await response.text()}`)
  if (contender.role !== 'service') return ((await response.json()) as { id: number }).id
  await response.arrayBuffer()
  return Number(response.headers.get('location')?.split('/').pop())
}

/** Stores what a scenario reads, and checks that one request to each server answers as expected. */
async function prepare (contenders: readonly Contender[]): Promise<Record<string, unknown>> {
  if (scenarioName === 'read') {
    const codes = Array.from({ length: OPTIONS.readReports }, () => nextCode())
    for (const contender of contenders) {
      const ids = await inParallel(codes, 8, async (code) => await storeReport(contender, bodyWithCode(code)))
      readIds.set(contender.role, ids)
      const response = await fetch(`${contender.server.url}${REPORTS_PATH[contender.role]}/${ids[0]}`, { headers: { accept: 'application/json' } })
      const text = await response.text()
      if (response.status !== 200) throw new Error(`${contender.role}: read answered ${response.status}: ${text}`)
    }
    return { storedPerServer: OPTIONS.readReports }
  }
  if (scenarioName === 'validate') {
    const answers: Record<string, unknown> = {}
    for (const contender of contenders) {
      if (contender.role !== 'floor') await storeReport(contender, JSON.stringify(seedPrevious()))
      const checked = await post(`${contender.server.url}${VALIDATE_PATH[contender.role]}`, seedBody)
      const text = await checked.text()
      if (checked.status !== 200) throw new Error(`${VALIDATE_PATH[contender.role]} answered ${checked.status}: ${text.slice(0, 500)}`)
      if (contender.role === 'floor') continue
      const result = JSON.parse(text) as { findings: unknown[], yearOverYear: { changes: unknown[] } | null }
      if (result.yearOverYear === null) throw new Error(`${VALIDATE_PATH[contender.role]} did not find the prior year: ${text.slice(0, 500)}`)
      answers[contender.role] = { findings: result.findings.length, changes: result.yearOverYear.changes.length }
    }
    return { priorYearStored: true, answers }
  }
  return {}
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

async function countStored (admin: pg.Client, role: Role, codes?: Iterable<string>): Promise<number> {
  const { table, codeOf } = STORAGE[role]
  const { rows } = codes === undefined
    ? await admin.query<{ count: string }>(`select count(*) from ${table} t`)
    : await admin.query<{ count: string }>(`select count(*) from ${table} t join unnest($1::text[]) as c(code) on ${codeOf} = c.code`, [[...codes]])
  return Number(rows[0]?.count)
}

async function checkWrites (admin: pg.Client, { role, server }: Contender, storedBefore: number): Promise<WriteCheck> {
  const tally = tallyOf(server.label)
  const stored = await countStored(admin, role) - storedBefore
  const createdAndStored = await countStored(admin, role, tally.created)
  const unansweredButStored = await countStored(admin, role, tally.unanswered)
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

/* ---------- Main ---------- */

await runBench('bench', async (bench) => {
  console.log(`${scenario.title} — bench database ${bench.database.name}; uptime before: ${bench.uptimeBefore}`)
  JSON_HEADERS.authorization = `Bearer ${await bench.open({
    regionPrefixes: ['33'],
    setup: async (db) => { for (const statement of FLOOR_TABLES_DDL) await sql.raw(statement).execute(db) }
  })}`

  const roles = Object.keys(scenario.routes) as Role[]
  const contenders: Contender[] = []
  for (const role of roles) {
    contenders.push({ role, server: await bench.startServer({ label: role, floor: role === 'service' ? undefined : FLOORS }) })
  }
  const prepared = await prepare(contenders)
  const storedBefore = new Map<Role, number>()
  if (scenarioName === 'ingest') for (const role of roles) storedBefore.set(role, await countStored(bench.admin, role))

  const runs = await interleavedRounds(contenders, OPTIONS.rounds, async ({ role, server }, roundNo) =>
    (await measuredRun(bench, server, OPTIONS, () => scenario.requests(role, server), roundNo)).run)

  const writeChecks: WriteCheck[] = []
  if (scenarioName === 'ingest') {
    for (const contender of contenders) {
      await bench.settle(contender.server)
      writeChecks.push(await checkWrites(bench.admin, contender, storedBefore.get(contender.role) ?? 0))
    }
  }

  const service = medianRun(runs, 'service')
  const medians = Object.fromEntries(roles.map((role) => [role, medianRun(runs, role)]))
  // Against the fairest floor first.
  const floorsCompared = roles.filter((role) => role !== 'service').reverse()
  const ratios = Object.fromEntries(floorsCompared.map((role) => [`service ÷ ${role}`, ratioOfRuns(service, medianRun(runs, role))]))
  const targets = scenario.targets.flatMap(({ against, throughput, p99 }) => {
    const ratio = ratioOfRuns(service, medianRun(runs, against))
    const throughputRatio = ratio.reqPerSec ?? 0
    const p99Ratio = ratio.p99Ms ?? Infinity
    return [
      { target: `throughput ≥ ${throughput}× the ${against}`, measured: throughputRatio, met: throughputRatio >= throughput },
      ...p99 === undefined ? [] : [{ target: `p99 ≤ ${p99}× the ${against}'s`, measured: p99Ratio, met: p99Ratio <= p99 }]
    ]
  })
  const failedRuns = runs.filter((run) => run.errors > 0 || run.non2xx > 0 || run.timeouts > 0)
  if (failedRuns.length > 0 || writeChecks.some((check) => !check.ok)) bench.fail()

  const mode = profileMode()
  const profile = mode === 'always' || (mode === 'when-missed' && targets.some((target) => !target.met))
    ? await profiledRun(bench, { label: 'service-profiled', file: `http-${scenarioName}-service.cpuprofile` }, async (server) => {
      const { run, window } = await measuredRun(bench, server, OPTIONS, () => scenario.requests('service', server), 0)
      return { result: run, window }
    })
    : undefined

  const loadAverages = runs.map((run) => run.loadAverage1m)
  const machine = { ...await bench.describeMachine(), loadAverage1mDuringRuns: { min: Math.min(...loadAverages), max: Math.max(...loadAverages) } }

  console.log()
  console.log(`${scenario.title} — ${machine.cpuModel}, ${machine.nproc} CPU(s), Node ${machine.node}, Postgres ${machine.postgres}, commit ${machine.commit}`)
  for (const role of roles) console.log(`${`${role}:`.padEnd(16)} ${scenario.routes[role]}`)
  console.log(`autocannon: ${OPTIONS.connections} connections, ${OPTIONS.warmupSeconds} s warm-up discarded, ${OPTIONS.durationSeconds} s measured, ` +
    `${OPTIONS.rounds} rounds interleaved; body ${Buffer.byteLength(seedBody)} bytes`)
  if (Object.keys(prepared).length > 0) console.log(`prepared: ${JSON.stringify(prepared)}`)
  printRuns(runs)
  const summary = { ...medians, ...ratios }
  printMedians(summary)
  for (const target of targets) console.log(`${target.met ? 'MET   ' : 'MISSED'} ${target.target}: ${target.measured}`)
  for (const check of writeChecks) {
    console.log(`${check.ok ? 'ok  ' : 'FAIL'} ${check.server}: ${check.stored} stored = ${check.created} answered 201 (${check.createdAndStored} found by code) + ` +
      `${check.unansweredButStored} finished after autocannon closed the socket (of ${check.unanswered} in flight)` +
      (Object.keys(check.otherStatuses).length > 0 ? `; other statuses ${JSON.stringify(check.otherStatuses)}` : ''))
  }
  if (failedRuns.length > 0) console.log(`FAIL ${failedRuns.length} run(s) had errors, timeouts or non-2xx answers`)
  if (profile !== undefined) printProfile(`the service under the same load (${profile.result.reqPerSec} req/s while profiled)`, profile.summary)
  console.log(`uptime after: ${machine.uptimeAfter}`)

  writeResults(`http-${scenarioName}.json`, {
    scenario: scenarioName,
    routes: scenario.routes,
    machine,
    options: OPTIONS,
    bodyBytes: Buffer.byteLength(seedBody),
    prepared,
    runs,
    summary,
    targets,
    writeChecks,
    profile: profile === undefined ? undefined : { run: profile.result, summary: profile.summary }
  })
})
