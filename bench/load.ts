/**
 * Bounded load test on loopback: reads and writes mixed for a minute, then proof that no answer was a 5xx and that no
 * acknowledged write was lost.
 *
 *   tsx bench/load.ts [--duration <seconds>] [--connections <n>] [--seed-reports <n>]
 *
 * - Database (the harness, bench/harness/): `bench_load_<pid>` on DATABASE_URL's server, migrated, with an API key
 *   (`reports:write`, region prefix 33); dropped at the end (also on Ctrl-C).
 * - Service: the harness's server child (`buildApp`, loadConfig defaults, rate limits raised to RATE_LIMIT_PER_IP /
 *   RATE_LIMIT_PER_KEY, default 100,000,000 a minute), so that autocannon does not share its event loop. Its error
 *   log (every 5xx with its stack) is collected.
 * - Data: `--seed-reports` (300) reports of 浙江 (region 33) from test/support/generate-reports.ts are stored first, so that
 *   reads hit real data; the run's new reports are the generator's next ones (2022 and 2023 of the same agencies, so
 *   that cross-year rules and next-year recomputes run too).
 * - Load: autocannon, `--connections` (20), pipelining 1, `--duration` (60) seconds. Every request is drawn at random
 *   in `setupRequest` (see MIX): 70 % reads, 30 % writes. Every write carries a unique marker in `sections.problems`,
 *   so that the stored revision holding it can be found afterwards; every answer is recorded in `onResponse`.
 * - Checks, once the service is idle: every acknowledged write (201/200 with its report id and revision) is stored at
 *   that (id, revision) with its own body, with its analysis; no body is stored twice (an Idempotency-Key retry must
 *   not store again, and the retry's answer must be the first one's); every revision of every report has its
 *   analysis and every report its figures; no 5xx. Exit status 1 when any of these fails.
 *
 * Output: tables on stdout and bench/results/load-<timestamp>.json (git-ignored).
 */
import { performance } from 'node:perf_hooks'
import type { AutocannonRequest, RequestContext } from 'autocannon'
import type pg from 'pg'
import type { AnnualReport } from '../src/domain/report.js'
import { generateReports } from '../test/support/generate-reports.js'
import { numberFlag } from './harness/flags.js'
import { loadFor } from './harness/load-runs.js'
import { cpuBetween, loadAverage1m, othersBusyPercent, shareOfCpus } from './harness/machine.js'
import { percentile, round, timestamp, writeResults } from './harness/results.js'
import { runBench } from './harness/run.js'
import type { Server } from './harness/servers.js'

const USAGE = 'usage: tsx bench/load.ts [--duration <seconds>] [--connections <n>] [--seed-reports <n>]'

const OPTIONS = {
  durationSeconds: numberFlag('duration', 60, USAGE),
  connections: numberFlag('connections', 20, USAGE),
  seedReports: numberFlag('seed-reports', 300, USAGE),
  pipelining: 1,
  /** Seconds before autocannon gives up on a request (the service's own request timeout is 30 s). */
  timeoutSeconds: 30,
  /** Per minute; far above what 2 CPUs can serve, so that the limiter never answers 429 to the bench. */
  rateLimitPerIp: process.env.RATE_LIMIT_PER_IP ?? '100000000',
  rateLimitPerKey: process.env.RATE_LIMIT_PER_KEY ?? '100000000',
  /** Region of every report written, and the key's region prefix. */
  region: '33',
  /** Seed of the report generator. */
  generatorSeed: 42
}

/* ---------- Request mix ---------- */

type Operation =
  | 'GET /v1/reports/{id}'
  | 'GET /v1/reports?region=33&limit=50'
  | 'GET /v1/reports/{id}/findings'
  | 'GET /v1/stats?region=33&year=2023'
  | 'POST /v1/reports'
  | 'POST /v1/reports + Idempotency-Key'
  | 'POST retry, same Idempotency-Key'
  | 'PUT /v1/reports/{id}, If-Match *'

const READS: readonly Operation[] = [
  'GET /v1/reports/{id}', 'GET /v1/reports?region=33&limit=50', 'GET /v1/reports/{id}/findings', 'GET /v1/stats?region=33&year=2023'
]
const WRITES: readonly Operation[] = [
  'POST /v1/reports', 'POST /v1/reports + Idempotency-Key', 'POST retry, same Idempotency-Key', 'PUT /v1/reports/{id}, If-Match *'
]

/**
 * Weights of the operations drawn for a new request, out of 96. Each POST with an Idempotency-Key is sent again
 * (its retry is not drawn, it is queued), so of every 100 requests about 70 read and 30 write.
 */
const MIX: ReadonlyArray<readonly [Operation, number]> = [
  ['GET /v1/reports/{id}', 36],
  ['GET /v1/reports?region=33&limit=50', 15],
  ['GET /v1/reports/{id}/findings', 15],
  ['GET /v1/stats?region=33&year=2023', 4],
  ['POST /v1/reports', 16],
  ['POST /v1/reports + Idempotency-Key', 4],
  ['PUT /v1/reports/{id}, If-Match *', 6]
]
const MIX_TOTAL = MIX.reduce((sum, [, weight]) => sum + weight, 0)

function drawOperation (): Operation {
  let point = Math.random() * MIX_TOTAL
  for (const [operation, weight] of MIX) {
    point -= weight
    if (point < 0) return operation
  }
  return 'GET /v1/reports/{id}'
}

/* ---------- Reports and their markers ---------- */

const reports = generateReports(1_000_000, { provinces: [OPTIONS.region], years: [2022, 2023], seed: OPTIONS.generatorSeed })

function nextGenerated (): AnnualReport | undefined {
  const next = reports.next()
  return next.done === true ? undefined : next.value.body
}

/**
 * Every body written carries a token of its own in `sections.problems` (`load-s…` before the run, `load-w…` during
 * it): the revision holding an acknowledged write is then recognised by its content, not only by its number.
 */
function withMarker (report: AnnualReport, marker: string): AnnualReport {
  return { ...report, sections: { ...report.sections, problems: `信息公开的及时性有待加强。（${marker}）` } }
}
const MARKER_PATTERN = /load-[sw]\d+/

/* ---------- What the run sent and what it was told ---------- */

interface Write {
  readonly marker: string
  readonly operation: Operation
  readonly idempotencyKey?: string
}

/** A write the service acknowledged: where it says the body now is. */
interface Acknowledged {
  readonly marker: string
  readonly operation: Operation
  readonly status: number
  readonly id: number
  readonly revision: number
}

/** One answer to a request carrying an Idempotency-Key. */
interface IdempotentAnswer {
  readonly status: number
  readonly id?: number
  readonly revision?: number
  readonly replayed: boolean
}

/** Kept in autocannon's per-request context from `setupRequest` to `onResponse`. */
interface PendingRequest {
  readonly operation: Operation
  readonly startedAt: number
  readonly write?: Write
  /** A new report's body, to revise it later. */
  readonly report?: AnnualReport
  /** A POST with an Idempotency-Key whose retry is sent once the first answer is in. */
  readonly retryAfterAnswer?: { readonly path: string, readonly headers: Record<string, string>, readonly body: string }
}

interface OperationTally {
  requests: number
  readonly statuses: Record<string, number>
  readonly latenciesMs: number[]
}

const readableIds: number[] = []
const revisable = new Map<number, AnnualReport>()
const revisableIds: number[] = []
/** Retries of Idempotency-Key POSTs, sent before any newly drawn request. */
const retryQueue: Array<{ path: string, headers: Record<string, string>, body: string, write: Write }> = []
const sentWrites = new Map<string, Write>()
const answeredMarkers = new Set<string>()
const acknowledged = new Map<string, Acknowledged>()
const idempotentAnswers = new Map<string, IdempotentAnswer[]>()
const tallies = new Map<Operation, OperationTally>()
const unexpectedAnswers: Array<{ operation: Operation, status: number, body: string }> = []
let writeCounter = 0
/** Retries sent while their first request was still unanswered: these exercise the lock on the key. */
let retriesSentBeforeFirstAnswer = 0

function tallyOf (operation: Operation): OperationTally {
  let tally = tallies.get(operation)
  if (tally === undefined) {
    tally = { requests: 0, statuses: {}, latenciesMs: [] }
    tallies.set(operation, tally)
  }
  return tally
}

function pick<T> (items: readonly T[]): T | undefined {
  return items[Math.floor(Math.random() * items.length)]
}

function remember (id: number, report: AnnualReport | undefined): void {
  if (report === undefined || revisable.has(id)) return
  revisable.set(id, report)
  revisableIds.push(id)
  readableIds.push(id)
}

/* ---------- Building requests ---------- */

let token = ''
const JSON_ACCEPT = { accept: 'application/json' }
const writeHeaders = (): Record<string, string> => ({ ...JSON_ACCEPT, 'content-type': 'application/json', authorization: `Bearer ${token}` })

function newWrite (operation: Operation, idempotencyKey?: string): Write {
  const write = { marker: `load-w${String(++writeCounter).padStart(6, '0')}`, operation, idempotencyKey }
  sentWrites.set(write.marker, write)
  return write
}

/** The next request of a client: a queued retry if any, else a drawn operation. Its bookkeeping goes in `context`. */
function setupRequest (request: AutocannonRequest, context: RequestContext): AutocannonRequest {
  const startedAt = performance.now()
  const retry = retryQueue.shift()
  if (retry !== undefined) {
    if (!answeredMarkers.has(retry.write.marker)) retriesSentBeforeFirstAnswer++
    context.pending = { operation: 'POST retry, same Idempotency-Key', startedAt, write: retry.write } satisfies PendingRequest
    return { ...request, method: 'POST', path: retry.path, headers: { ...retry.headers }, body: retry.body }
  }
  let operation = drawOperation()
  const id = pick(readableIds)
  switch (operation) {
    case 'GET /v1/reports/{id}':
      context.pending = { operation, startedAt } satisfies PendingRequest
      return { ...request, method: 'GET', path: `/v1/reports/${id}`, headers: { ...JSON_ACCEPT }, body: undefined }
    case 'GET /v1/reports/{id}/findings':
      context.pending = { operation, startedAt } satisfies PendingRequest
      return { ...request, method: 'GET', path: `/v1/reports/${id}/findings`, headers: { ...JSON_ACCEPT }, body: undefined }
    case 'GET /v1/reports?region=33&limit=50':
      context.pending = { operation, startedAt } satisfies PendingRequest
      return { ...request, method: 'GET', path: `/v1/reports?region=${OPTIONS.region}&limit=50`, headers: { ...JSON_ACCEPT }, body: undefined }
    case 'GET /v1/stats?region=33&year=2023':
      context.pending = { operation, startedAt } satisfies PendingRequest
      return { ...request, method: 'GET', path: `/v1/stats?region=${OPTIONS.region}&year=2023`, headers: { ...JSON_ACCEPT }, body: undefined }
  }
  const generated = operation === 'PUT /v1/reports/{id}, If-Match *' ? undefined : nextGenerated()
  // When the generator runs out (it never should in a minute), keep writing by revising.
  if (generated === undefined) operation = 'PUT /v1/reports/{id}, If-Match *'
  if (operation === 'PUT /v1/reports/{id}, If-Match *' || generated === undefined) {
    const target = pick(revisableIds) ?? 0
    const write = newWrite(operation)
    const body = JSON.stringify(withMarker(revisable.get(target) as AnnualReport, write.marker))
    context.pending = { operation, startedAt, write } satisfies PendingRequest
    return { ...request, method: 'PUT', path: `/v1/reports/${target}`, headers: { ...writeHeaders(), 'if-match': '*' }, body }
  }
  if (operation === 'POST /v1/reports') {
    const write = newWrite(operation)
    const report = withMarker(generated, write.marker)
    context.pending = { operation, startedAt, write, report } satisfies PendingRequest
    return { ...request, method: 'POST', path: '/v1/reports', headers: writeHeaders(), body: JSON.stringify(report) }
  }
  // With an Idempotency-Key: half the retries race the first request (sent as soon as a connection is free, while the
  // first is still running: the lock on the key must make the retry wait), half follow its answer (a lost answer).
  const write = newWrite(operation, `load-${process.pid}-${writeCounter}`)
  const report = withMarker(generated, write.marker)
  const headers = { ...writeHeaders(), 'idempotency-key': write.idempotencyKey ?? '' }
  const body = JSON.stringify(report)
  const racing = writeCounter % 2 === 1
  if (racing) retryQueue.push({ path: '/v1/reports', headers, body, write })
  context.pending = {
    operation, startedAt, write, report, retryAfterAnswer: racing ? undefined : { path: '/v1/reports', headers, body }
  } satisfies PendingRequest
  return { ...request, method: 'POST', path: '/v1/reports', headers: { ...headers }, body }
}

function headerOf (headers: Record<string, string | string[]>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(', ') : value
  }
  return undefined
}

/** The id and revision of a report resource in a write's answer. */
function resourceOf (body: string): { id: number, revision: number } | undefined {
  try {
    const parsed = JSON.parse(body) as { id?: unknown, revision?: unknown }
    return typeof parsed.id === 'number' && typeof parsed.revision === 'number' ? { id: parsed.id, revision: parsed.revision } : undefined
  } catch {
    return undefined
  }
}

const EXPECTED_STATUS: Record<Operation, number> = {
  'GET /v1/reports/{id}': 200,
  'GET /v1/reports?region=33&limit=50': 200,
  'GET /v1/reports/{id}/findings': 200,
  'GET /v1/stats?region=33&year=2023': 200,
  'POST /v1/reports': 201,
  // A replay repeats the stored answer: 201 as well, with Idempotent-Replayed: true.
  'POST /v1/reports + Idempotency-Key': 201,
  'POST retry, same Idempotency-Key': 201,
  'PUT /v1/reports/{id}, If-Match *': 200
}

function onResponse (status: number, body: string, context: RequestContext, headers: Record<string, string | string[]>): void {
  const pending = context.pending as PendingRequest | undefined
  if (pending === undefined) return
  const tally = tallyOf(pending.operation)
  tally.requests++
  tally.statuses[status] = (tally.statuses[status] ?? 0) + 1
  tally.latenciesMs.push(performance.now() - pending.startedAt)
  if (status !== EXPECTED_STATUS[pending.operation] && unexpectedAnswers.length < 20) {
    unexpectedAnswers.push({ operation: pending.operation, status, body: body.slice(0, 500) })
  }
  const write = pending.write
  if (write === undefined) return
  answeredMarkers.add(write.marker)
  const resource = status === 200 || status === 201 ? resourceOf(body) : undefined
  if (write.idempotencyKey !== undefined) {
    const answers = idempotentAnswers.get(write.marker) ?? []
    answers.push({ status, id: resource?.id, revision: resource?.revision, replayed: headerOf(headers, 'idempotent-replayed') === 'true' })
    idempotentAnswers.set(write.marker, answers)
    if (pending.retryAfterAnswer !== undefined) retryQueue.push({ ...pending.retryAfterAnswer, write })
  }
  if (resource === undefined || status !== EXPECTED_STATUS[pending.operation]) return
  if (!acknowledged.has(write.marker)) {
    acknowledged.set(write.marker, { marker: write.marker, operation: write.operation, status, id: resource.id, revision: resource.revision })
  }
  remember(resource.id, pending.report)
}

/* ---------- Before the run ---------- */

async function inParallel<T> (items: readonly T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await task(items[next++] as T)
  }))
}

/** Stores the first reports of the generator, so that reads find data from the first request. */
async function seed (service: Server): Promise<void> {
  const bodies: AnnualReport[] = []
  for (let index = 0; index < OPTIONS.seedReports; index++) {
    const report = nextGenerated()
    if (report === undefined) break
    bodies.push(withMarker(report, `load-s${String(index + 1).padStart(6, '0')}`))
  }
  await inParallel(bodies, 8, async (report) => {
    const response = await fetch(`${service.url}/v1/reports`, { method: 'POST', headers: writeHeaders(), body: JSON.stringify(report) })
    const text = await response.text()
    const resource = resourceOf(text)
    if (response.status !== 201 || resource === undefined) throw new Error(`seeding: POST /v1/reports answered ${response.status}: ${text.slice(0, 500)}`)
    remember(resource.id, report)
  })
}

/** One request of each read, so that a broken bench stops here rather than after a minute of 4xx. */
async function checkReads (service: Server): Promise<void> {
  const id = readableIds[0]
  for (const path of [`/v1/reports/${id}`, `/v1/reports/${id}/findings`, `/v1/reports?region=${OPTIONS.region}&limit=50`, `/v1/stats?region=${OPTIONS.region}&year=2023`]) {
    const response = await fetch(`${service.url}${path}`, { headers: JSON_ACCEPT })
    const text = await response.text()
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${text.slice(0, 500)}`)
  }
}

/* ---------- After the run ---------- */

interface StoredRevision {
  readonly id: number
  readonly revision: number
  readonly marker: string | null
  readonly analysed: boolean
}

/** Every stored revision with the marker of its body and whether it has its analysis: one query. */
async function storedRevisions (admin: pg.Client): Promise<StoredRevision[]> {
  const { rows } = await admin.query<{ id: string, revision: number, problems: string | null, analysed: boolean }>(`
    select rv.report_id as id, rv.revision, rv.body->'sections'->>'problems' as problems, an.report_id is not null as analysed
    from report_revision rv
    left join report_analysis an on an.report_id = rv.report_id and an.revision = rv.revision`)
  return rows.map((row) => ({ id: Number(row.id), revision: row.revision, marker: MARKER_PATTERN.exec(row.problems ?? '')?.[0] ?? null, analysed: row.analysed }))
}

/** Reports whose latest revision has no analysis, or which have no figures row (what /v1/stats adds up). */
async function incompleteReports (admin: pg.Client): Promise<{ withoutAnalysis: number, withoutFigures: number }> {
  const { rows: [row] } = await admin.query<{ without_analysis: number, without_figures: number }>(`
    select
      count(*) filter (where not exists (select 1 from report_analysis an where an.report_id = r.id and an.revision = r.current_revision))::int as without_analysis,
      count(*) filter (where not exists (select 1 from report_figures f where f.report_id = r.id))::int as without_figures
    from report r`)
  return { withoutAnalysis: row?.without_analysis ?? -1, withoutFigures: row?.without_figures ?? -1 }
}

interface WriteCheck {
  /** Writes sent during the run (an Idempotency-Key POST and its retry count once). */
  readonly sent: number
  /** Answered 201/200 with a report id and revision. */
  readonly acknowledged: number
  readonly acknowledgedByOperation: Record<string, number>
  /** Of those, found at their (id, revision) with their own body. */
  readonly found: number
  /** Acknowledged but not found there: lost. */
  readonly lost: Array<Acknowledged & { storedAt: string | null }>
  /** Revisions stored during the run without an acknowledgement: the answer was not received (run stopped). */
  readonly storedUnacknowledged: number
  /** Of those, ones whose every request did get an answer (a refused write that was stored anyway). */
  readonly storedDespiteRefusal: string[]
  readonly neverAnswered: number
  /** Bodies stored as more than one revision (an Idempotency-Key retry that stored again). */
  readonly storedTwice: string[]
  /** Revisions of any report (seeded ones included) without their analysis. */
  readonly revisionsWithoutAnalysis: number
  readonly reportsWithoutAnalysis: number
  readonly reportsWithoutFigures: number
  readonly idempotency: {
    readonly keys: number
    readonly retriesSentBeforeFirstAnswer: number
    /** Keys with two answers: the first request's and the retry's. */
    readonly answeredTwice: number
    /** Of those, the same status, id and revision, exactly one of them not a replay. */
    readonly consistent: number
    readonly inconsistent: Array<{ marker: string, answers: IdempotentAnswer[] }>
  }
  readonly ok: boolean
}

async function checkWrites (admin: pg.Client): Promise<WriteCheck> {
  const revisions = await storedRevisions(admin)
  const byMarker = new Map<string, StoredRevision[]>()
  for (const revision of revisions) {
    if (revision.marker === null) continue
    byMarker.set(revision.marker, [...byMarker.get(revision.marker) ?? [], revision])
  }
  const lost: WriteCheck['lost'] = []
  let found = 0
  const acknowledgedByOperation: Record<string, number> = {}
  for (const write of acknowledged.values()) {
    acknowledgedByOperation[write.operation] = (acknowledgedByOperation[write.operation] ?? 0) + 1
    const stored = byMarker.get(write.marker) ?? []
    const atAnswer = stored.find((revision) => revision.id === write.id && revision.revision === write.revision)
    if (atAnswer !== undefined) found++
    else lost.push({ ...write, storedAt: stored.map((revision) => `${revision.id}/${revision.revision}`).join(', ') || null })
  }
  const duringRun = [...byMarker.keys()].filter((marker) => marker.startsWith('load-w'))
  const storedUnacknowledged = duringRun.filter((marker) => !acknowledged.has(marker))
  const inconsistent: WriteCheck['idempotency']['inconsistent'] = []
  let answeredTwice = 0
  for (const [marker, answers] of idempotentAnswers) {
    if (answers.length < 2) continue
    answeredTwice++
    const [first] = answers
    const same = answers.every((answer) => answer.status === first?.status && answer.id === first.id && answer.revision === first.revision)
    const executed = answers.filter((answer) => !answer.replayed).length
    if (!same || executed !== 1) inconsistent.push({ marker, answers })
  }
  const revisionsWithoutAnalysis = revisions.filter((revision) => !revision.analysed).length
  const reports = await incompleteReports(admin)
  const storedTwice = [...byMarker].filter(([, stored]) => stored.length > 1).map(([marker]) => marker)
  const storedDespiteRefusal = storedUnacknowledged.filter((marker) => answeredMarkers.has(marker))
  return {
    sent: sentWrites.size,
    acknowledged: acknowledged.size,
    acknowledgedByOperation,
    found,
    lost,
    storedUnacknowledged: storedUnacknowledged.length,
    storedDespiteRefusal,
    neverAnswered: [...sentWrites.keys()].filter((marker) => !answeredMarkers.has(marker)).length,
    storedTwice,
    revisionsWithoutAnalysis,
    reportsWithoutAnalysis: reports.withoutAnalysis,
    reportsWithoutFigures: reports.withoutFigures,
    idempotency: { keys: idempotentAnswers.size, retriesSentBeforeFirstAnswer, answeredTwice, consistent: answeredTwice - inconsistent.length, inconsistent },
    ok: lost.length === 0 && found === acknowledged.size && storedTwice.length === 0 && storedDespiteRefusal.length === 0 &&
      revisionsWithoutAnalysis === 0 && reports.withoutAnalysis === 0 && reports.withoutFigures === 0 && inconsistent.length === 0
  }
}

/* ---------- Figures ---------- */

interface LatencyRow {
  readonly requests: number
  readonly reqPerSec: number
  readonly p50Ms: number
  readonly p97_5Ms: number
  readonly p99Ms: number
  readonly maxMs: number
  readonly statuses: Record<string, number>
}

function latencyRow (operations: readonly Operation[], seconds: number): LatencyRow {
  const latencies = operations.flatMap((operation) => tallies.get(operation)?.latenciesMs ?? []).sort((a, b) => a - b)
  const statuses: Record<string, number> = {}
  for (const operation of operations) {
    for (const [status, count] of Object.entries(tallies.get(operation)?.statuses ?? {})) statuses[status] = (statuses[status] ?? 0) + count
  }
  return {
    requests: latencies.length,
    reqPerSec: round(latencies.length / seconds, 1),
    p50Ms: round(percentile(latencies, 50), 1),
    p97_5Ms: round(percentile(latencies, 97.5), 1),
    p99Ms: round(percentile(latencies, 99), 1),
    maxMs: round(latencies.at(-1) ?? NaN, 1),
    statuses
  }
}

/** The service's failed requests, from its error log (pino JSON lines at level ≥ 50). */
interface LoggedError { readonly url?: string, readonly message?: string }

function serviceErrors (lines: readonly string[]): { count: number, first: LoggedError[] } {
  const errors = lines.flatMap((line): LoggedError[] => {
    try {
      const entry = JSON.parse(line) as { level?: number, url?: string, msg?: string, err?: { message?: string } }
      return (entry.level ?? 0) >= 50 ? [{ url: entry.url, message: entry.err?.message ?? entry.msg }] : []
    } catch {
      return [{ message: line.slice(0, 300) }]
    }
  })
  return { count: errors.length, first: errors.slice(0, 10) }
}

/* ---------- Main ---------- */

await runBench('bench_load', async (bench) => {
  console.log(`load test — ${OPTIONS.durationSeconds} s, ${OPTIONS.connections} connections; database ${bench.database.name}; uptime before: ${bench.uptimeBefore}`)
  token = await bench.open({ regionPrefixes: [OPTIONS.region] })
  const { admin } = bench

  const service = await bench.startServer({
    label: 'service',
    env: { RATE_LIMIT_PER_IP: OPTIONS.rateLimitPerIp, RATE_LIMIT_PER_KEY: OPTIONS.rateLimitPerKey },
    logErrors: true
  })
  const seedStarted = performance.now()
  await seed(service)
  await checkReads(service)
  const seededRevisions = (await storedRevisions(admin)).length
  console.log(`seeded ${seededRevisions} reports in ${round((performance.now() - seedStarted) / 1000, 1)} s; running autocannon…`)

  const before = await bench.readCpu(service)
  const result = await loadFor(service, OPTIONS.durationSeconds, OPTIONS, [{ method: 'GET', path: '/', setupRequest, onResponse }])
  const cpu = cpuBetween(before, await bench.readCpu(service))
  const loadAverageAtEnd = loadAverage1m()

  const settledMs = await bench.settle(service)
  const writeCheck = await checkWrites(admin)
  const errorLog = serviceErrors(service.errorLog)

  const rows: Record<string, LatencyRow> = {}
  for (const operation of [...READS, ...WRITES]) rows[operation] = latencyRow([operation], result.duration)
  rows['all reads'] = latencyRow(READS, result.duration)
  rows['all writes'] = latencyRow(WRITES, result.duration)
  rows.all = latencyRow([...READS, ...WRITES], result.duration)
  const serverErrors = result['5xx']
  const machine = {
    ...await bench.describeMachine(),
    loadAverage1mAtEnd: loadAverageAtEnd,
    /** Shares of all CPUs over the run, %. Postgres: the service's backends alive at the end of the run. */
    cpuDuringRun: {
      machineBusy: round(cpu.machineBusyUs / cpu.machineTotalUs * 100),
      service: shareOfCpus(cpu, cpu.serverUs),
      postgresBackends: shareOfCpus(cpu, cpu.backendsUs),
      autocannon: shareOfCpus(cpu, cpu.benchUs),
      others: othersBusyPercent(cpu)
    }
  }
  const autocannonSummary = {
    durationSeconds: result.duration,
    reqPerSecAverage: round(result.requests.average, 1),
    completed: result.requests.total,
    sent: result.requests.sent,
    latencyMs2xx: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
    statusClasses: { '1xx': result['1xx'], '2xx': result['2xx'], '3xx': result['3xx'], '4xx': result['4xx'], '5xx': result['5xx'] },
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
    errors: result.errors,
    timeouts: result.timeouts,
    resets: result.resets
  }

  console.log()
  console.log(`load test — ${machine.cpuModel}, ${machine.nproc} CPU(s), Node ${machine.node}, Postgres ${machine.postgres}`)
  console.log(`autocannon: ${OPTIONS.connections} connections, pipelining ${OPTIONS.pipelining}, ${result.duration} s; ` +
    `${autocannonSummary.completed} answers (${autocannonSummary.reqPerSecAverage} req/s), ` +
    `latency of 2xx p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`)
  console.log(`status classes ${JSON.stringify(autocannonSummary.statusClasses)}; codes ${JSON.stringify(autocannonSummary.statusCodes)}; ` +
    `errors ${result.errors}, timeouts ${result.timeouts}`)
  console.log('by request (latency from setupRequest to onResponse, every status):')
  console.table(Object.fromEntries(Object.entries(rows).map(([name, row]) => [name, {
    requests: row.requests,
    'req/s': row.reqPerSec,
    'p50 ms': row.p50Ms,
    'p97.5 ms': row.p97_5Ms,
    'p99 ms': row.p99Ms,
    'max ms': row.maxMs,
    statuses: Object.entries(row.statuses).map(([status, count]) => `${status}×${count}`).join(' ')
  }])))
  console.log(`CPU during the run (% of all ${machine.nproc}): machine ${machine.cpuDuringRun.machineBusy}, service ${machine.cpuDuringRun.service}, ` +
    `its Postgres backends ${machine.cpuDuringRun.postgresBackends}, autocannon ${machine.cpuDuringRun.autocannon}, others ${machine.cpuDuringRun.others}; ` +
    `1-min load at the end ${loadAverageAtEnd}; service idle ${settledMs} ms after the run`)
  console.log(`writes: ${writeCheck.sent} sent, ${writeCheck.acknowledged} acknowledged ${JSON.stringify(writeCheck.acknowledgedByOperation)}, ` +
    `${writeCheck.found} found at their (id, revision) with their body, ${writeCheck.lost.length} lost; ` +
    `${writeCheck.neverAnswered} never answered (in flight when the run stopped); ${writeCheck.storedUnacknowledged} stored without an answer, ` +
    `${writeCheck.storedDespiteRefusal.length} stored although refused`)
  console.log(`Idempotency-Key: ${writeCheck.idempotency.keys} keys (${writeCheck.idempotency.retriesSentBeforeFirstAnswer} retries sent before the first answer), ` +
    `${writeCheck.idempotency.answeredTwice} answered twice, ` +
    `${writeCheck.idempotency.consistent} with the same answer and one execution`)
  console.log(`integrity: ${writeCheck.storedTwice.length} bodies stored twice, ${writeCheck.revisionsWithoutAnalysis} revisions and ` +
    `${writeCheck.reportsWithoutAnalysis} reports without analysis, ${writeCheck.reportsWithoutFigures} reports without figures`)
  if (unexpectedAnswers.length > 0) {
    console.log('unexpected answers (first 5):')
    for (const answer of unexpectedAnswers.slice(0, 5)) console.log(`  ${answer.operation} → ${answer.status}: ${answer.body}`)
  }
  if (errorLog.count > 0) {
    console.log(`service error log: ${errorLog.count} entries; first: ${JSON.stringify(errorLog.first.slice(0, 3))}`)
  }
  for (const write of writeCheck.lost.slice(0, 10)) console.log(`  LOST ${write.marker} (${write.operation}) answered ${write.status} as ${write.id}/${write.revision}, stored at ${write.storedAt ?? 'nowhere'}`)
  for (const { marker, answers } of writeCheck.idempotency.inconsistent.slice(0, 10)) console.log(`  IDEMPOTENCY ${marker}: ${JSON.stringify(answers)}`)

  const verdicts = [
    { check: 'no 5xx', ok: serverErrors === 0, detail: `${serverErrors} answers 5xx` },
    { check: 'no lost write', ok: writeCheck.ok, detail: `${writeCheck.acknowledged} acknowledged, ${writeCheck.found} found` }
  ]
  for (const verdict of verdicts) console.log(`${verdict.ok ? 'ok  ' : 'FAIL'} ${verdict.check}: ${verdict.detail}`)
  const otherNon2xx = result.non2xx - serverErrors
  if (otherNon2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    console.log(`WARN ${otherNon2xx} other non-2xx answers, ${result.errors} connection errors, ${result.timeouts} timeouts`)
  }
  if (verdicts.some((verdict) => !verdict.ok)) bench.fail()
  console.log(`uptime after: ${machine.uptimeAfter}`)

  writeResults(`load-${timestamp()}.json`, {
    command: `tsx bench/load.ts ${process.argv.slice(2).join(' ')}`.trim(),
    machine,
    options: OPTIONS,
    mix: { weights: Object.fromEntries(MIX), retriesQueued: 'one per POST with an Idempotency-Key (half racing the first, half after its answer)' },
    seededReports: seededRevisions,
    autocannon: autocannonSummary,
    byRequest: rows,
    writeCheck,
    unexpectedAnswers,
    serviceErrorLog: errorLog,
    verdicts
  })
})
