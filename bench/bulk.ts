/**
 * Bulk ingest: `POST /v1/reports:bulk` (NDJSON, every rule, every table) against `COPY` of the same lines into one
 * JSONB column, on the same Postgres, in the same run.
 *
 *   tsx bench/bulk.ts [--count N] [--year Y] [--seed S] [--streams K] [--lines-per-request L] [--profile | --no-profile]
 *                     [--profile-count M]
 *
 * 1. Generates N distinct valid reports of one year (test/support/generate-reports.ts; default 150,000 of 2023, seed 1) as
 *    compact NDJSON in memory, in ~1 MiB chunks that end at a line end.
 * 2. The harness (bench/harness/) creates a fresh database `bench_bulk_<pid>`, migrated, with the floor's table
 *    `bench_floor (body jsonb not null)` and an API key (reports:write, the generated reports' province codes as
 *    region prefixes); it is dropped at the end (also on Ctrl-C).
 * 3. Floor: `COPY bench_floor (body) FROM STDIN` of the NDJSON lines (pg-copy-streams, one statement, CSV format
 *    with quote and delimiter bytes that JSON never holds raw, so every line is one value as it is). It runs twice,
 *    before and after the service (the table emptied in between); the ratio uses their mean.
 * 4. Ours: the service in a child process (the harness's server, logger off, rate limits raised), and the same bytes streamed to `POST /v1/reports:bulk` over loopback HTTP with the key (K requests at
 *    once with --streams K, each a contiguous part of the lines; default 1), the NDJSON answer read as it streams.
 *    With --lines-per-request L each stream is sent as consecutive requests of at most L lines (default: one request).
 *    Timed from the first byte sent to the last byte of the answer. Checked: every line answered `stored`, in order,
 *    the summary line agrees, and `report`, `report_revision`, `report_analysis` (and `report_figures`) hold N rows.
 * 5. Where a target is missed (or with --profile; --no-profile skips it), the service's tables are emptied and the
 *    first M lines (default 10,000) are sent again to a fresh service child under `--cpu-prof` (statements counted,
 *    not timed by kind there, so that the profile shows the service alone); the summary lists self time by function
 *    and by package, and total time of src/ functions, over the request.
 *
 * Besides rows/s: CPU time per row of the service process (`process.cpuUsage()` over IPC), of its Postgres backends
 * and of the COPY's backend (/proc/<pid>/stat, 10 ms ticks), SQL statements per row by kind with their time from
 * `query()` to the answer (a wrapper around `pg.Client.prototype.query` in the child), event-loop utilisation, and the
 * share of the CPUs used by other processes during each run.
 *
 * Targets (the issue): ours ≥ 0.7× the floor's rows/s; 150,000 reports of one year in under 2 minutes.
 * Output: tables on stdout, bench/results/bulk-<timestamp>.json and, when profiled, bench/results/bulk-<timestamp>-service.cpuprofile.
 * Needs the pg-copy-streams package (a devDependency).
 */
import http from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { sql } from 'kysely'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { generateReports } from '../test/support/generate-reports.js'
import { printProfile, profiledRun } from './harness/cpu-profile.js'
import { numberFlag, profileMode, rejectUnknownFlags } from './harness/flags.js'
import { cpuBetween, loadAverage1m, othersBusyPercent } from './harness/machine.js'
import { round, timestamp, writeResults } from './harness/results.js'
import { type Bench, runBench } from './harness/run.js'
import type { Server, StatementKind } from './harness/servers.js'

const USAGE = 'usage: tsx bench/bulk.ts [--count N] [--year Y] [--seed S] [--streams K] [--lines-per-request L] ' +
  '[--profile | --no-profile] [--profile-count M]'
rejectUnknownFlags(['count', 'year', 'seed', 'streams', 'lines-per-request', 'profile-count'], ['profile', 'no-profile'], USAGE)

const OPTIONS = {
  count: numberFlag('count', 150_000, USAGE),
  year: numberFlag('year', 2023, USAGE),
  seed: numberFlag('seed', 1, USAGE),
  streams: numberFlag('streams', 1, USAGE),
  /** Lines per request; 0: each stream is one request. */
  linesPerRequest: numberFlag('lines-per-request', 0, USAGE),
  profileCount: numberFlag('profile-count', 10_000, USAGE),
  profile: profileMode()
} as const

const TARGETS = { ratio: 0.7, reports: 150_000, seconds: 120 } as const

/* ---------- NDJSON ---------- */

const CHUNK_BYTES = 1 << 20

/** Consecutive lines as ~1 MiB chunks that each end at a line end. */
interface Batch {
  readonly chunks: Buffer[]
  lines: number
}

interface Ndjson {
  /** Per stream (contiguous parts of the lines, in order), its requests, one after the other. */
  readonly streams: Batch[][]
  /** Every line in order, as the floor copies them. */
  readonly chunks: Buffer[]
  /** Lines per chunk of `chunks`. */
  readonly chunkLines: number[]
  readonly lines: number
  readonly bytes: number
  readonly regionPrefixes: string[]
  /** What the generator predicts the rules will make of the reports. */
  readonly statuses: Record<string, number>
  readonly generateSeconds: number
}

function generateNdjson (): Ndjson {
  const started = performance.now()
  const streams: Batch[][] = Array.from({ length: OPTIONS.streams }, () => [])
  const chunks: Buffer[] = []
  const chunkLines: number[] = []
  const provinces = new Set<string>()
  const statuses: Record<string, number> = {}
  let pending: string[] = []
  let pendingBytes = 0
  let bytes = 0
  let lines = 0
  let stream = 0
  let batch: Batch | undefined
  const cut = () => {
    if (pending.length === 0) return
    const chunk = Buffer.from(pending.join(''))
    chunks.push(chunk)
    chunkLines.push(pending.length)
    if (batch === undefined) {
      batch = { chunks: [], lines: 0 }
      streams[stream]?.push(batch)
    }
    batch.chunks.push(chunk)
    batch.lines += pending.length
    pending = []
    pendingBytes = 0
  }
  for (const { body, status } of generateReports(OPTIONS.count, { seed: OPTIONS.seed, years: [OPTIONS.year] })) {
    const nextStream = Math.floor(lines * OPTIONS.streams / OPTIONS.count)
    if (nextStream !== stream) { cut(); stream = nextStream; batch = undefined }
    const line = JSON.stringify(body) + '\n'
    const size = Buffer.byteLength(line)
    pending.push(line)
    pendingBytes += size
    bytes += size
    lines++
    provinces.add(body.agency.regionCode.slice(0, 2))
    statuses[status] = (statuses[status] ?? 0) + 1
    if (pendingBytes >= CHUNK_BYTES) cut()
    if (OPTIONS.linesPerRequest > 0 && (batch?.lines ?? 0) + pending.length >= OPTIONS.linesPerRequest) { cut(); batch = undefined }
  }
  cut()
  if (lines !== OPTIONS.count) throw new Error(`the generator gave ${lines} reports, not ${OPTIONS.count}`)
  return { streams, chunks, chunkLines, lines, bytes, regionPrefixes: [...provinces].sort(), statuses, generateSeconds: round((performance.now() - started) / 1000, 1) }
}

/* ---------- Database ---------- */

const FLOOR_DDL = 'create table bench_floor (body jsonb not null)'
/** CSV with a quote and a delimiter that JSON never holds raw (control characters are escaped in JSON strings). */
const FLOOR_COPY = "copy bench_floor (body) from stdin with (format csv, quote e'\\x01', delimiter e'\\x02')"
const SERVICE_TABLES = ['report', 'report_revision', 'report_analysis', 'report_figures', 'finding', 'report_event', 'agency', 'audit_entry'] as const

async function countRows (admin: pg.Client, table: string): Promise<number> {
  const { rows } = await admin.query<{ count: string }>(`select count(*) from ${table}`)
  return Number(rows[0]?.count)
}

/* ---------- Floor: COPY ---------- */

interface FloorRun {
  readonly label: string
  readonly rows: number
  readonly seconds: number
  readonly rowsPerSec: number
  readonly mbPerSec: number
  /** CPU of the COPY's Postgres backend per row, µs (10 ms ticks). */
  readonly pgCpuUsPerRow: number
  /** CPU of this process (sending the bytes) per row, µs. */
  readonly clientCpuUsPerRow: number
  readonly othersBusyPercent: number
  readonly loadAverage1m: number
}

async function copyFloor (bench: Bench, label: string, ndjson: Ndjson): Promise<FloorRun> {
  const applicationName = 'bench-floor'
  const client = new pg.Client({ connectionString: bench.database.urlFor(applicationName) })
  await client.connect()
  try {
    await client.query('truncate bench_floor')
    await client.query('checkpoint')
    const before = await bench.readCpu(applicationName)
    const started = performance.now()
    const copy = client.query(copyFrom(FLOOR_COPY))
    await pipeline(Readable.from(ndjson.chunks), copy)
    const seconds = (performance.now() - started) / 1000
    const cpu = cpuBetween(before, await bench.readCpu(applicationName))
    const { rows: [stored] } = await client.query<{ count: string }>('select count(*) from bench_floor')
    const rows = Number(stored?.count)
    if (rows !== ndjson.lines || copy.rowCount !== ndjson.lines) throw new Error(`COPY stored ${rows} rows (reported ${copy.rowCount}), not ${ndjson.lines}`)
    return {
      label,
      rows,
      seconds: round(seconds, 2),
      rowsPerSec: round(rows / seconds),
      mbPerSec: round(ndjson.bytes / 2 ** 20 / seconds, 1),
      pgCpuUsPerRow: round(cpu.backendsUs / rows, 1),
      clientCpuUsPerRow: round(cpu.benchUs / rows, 1),
      othersBusyPercent: othersBusyPercent(cpu),
      loadAverage1m: loadAverage1m()
    }
  } finally {
    await client.end()
  }
}

/* ---------- Ours: the service ---------- */

interface RequestTally {
  readonly status: number
  /** Result lines (the summary line excluded). */
  readonly lines: number
  readonly outcomes: Record<string, number>
  /** Result lines whose `line` was not the next one expected. */
  readonly outOfOrder: number
  readonly summary: Record<string, number> | null
  /** The first few lines not stored, with their problem. */
  readonly notStoredSamples: unknown[]
  /** The answer's first bytes when it was not 200 (a problem document). */
  readonly errorBody: string | null
  /** Why the exchange broke off, if it did (e.g. a 408 written into the streamed answer). */
  readonly failure: string | null
  /** From the first byte sent to the first result line, ms. */
  readonly firstResultMs: number | null
}

/**
 * Streams `chunks` to POST /v1/reports:bulk and reads the NDJSON answer as it comes. Resolves with what was answered
 * also when the exchange breaks off.
 */
async function postNdjson (port: number, token: string, chunks: readonly Buffer[]): Promise<RequestTally> {
  const started = performance.now()
  const request = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/v1/reports:bulk',
    agent: false,
    headers: { 'content-type': 'application/x-ndjson', accept: 'application/x-ndjson', authorization: `Bearer ${token}` }
  })
  let status = 0
  const outcomes: Record<string, number> = {}
  const notStoredSamples: unknown[] = []
  let summary: Record<string, number> | null = null
  let lines = 0
  let outOfOrder = 0
  let rest = ''
  let errorBody: string | null = null
  let firstResultMs: number | null = null
  const take = (text: string) => {
    if (text === '') return
    const result = JSON.parse(text) as { line?: number, outcome?: string, summary?: Record<string, number> }
    if (result.summary !== undefined) { summary = result.summary; return }
    firstResultMs ??= performance.now() - started
    lines++
    if (result.line !== lines) outOfOrder++
    const outcome = result.outcome ?? 'unknown'
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1
    if (outcome !== 'stored' && notStoredSamples.length < 5) notStoredSamples.push(result)
  }
  const answer = new Promise<string | null>((resolve) => {
    request.once('error', (error) => resolve(String(error)))
    request.once('response', (response) => {
      status = response.statusCode ?? 0
      if (status !== 200) errorBody = ''
      response.setEncoding('utf8')
      response.on('data', (text: string) => {
        if (errorBody !== null) { if (errorBody.length < 4000) errorBody += text; return }
        const pieces = (rest + text).split('\n')
        rest = pieces.pop() ?? ''
        for (const piece of pieces) take(piece)
      })
      response.once('error', (error) => resolve(String(error)))
      response.once('aborted', () => resolve('the answer was cut off'))
      response.once('end', () => {
        if (errorBody === null) take(rest)
        resolve(null)
      })
    })
  })
  // The upload fails (EPIPE, reset) when the service stops reading: the answer says why.
  const upload = pipeline(Readable.from(chunks), request).then(() => null, (error: unknown) => String(error))
  const [answerFailure, uploadFailure] = await Promise.all([answer, upload])
  const failure = answerFailure ?? (status === 200 ? uploadFailure : null)
  return { status, lines, outcomes, outOfOrder, summary, notStoredSamples, errorBody, failure, firstResultMs }
}

/** Sends a stream's requests one after the other; stops at the first that fails. */
async function postStream (port: number, token: string, batches: readonly Batch[]): Promise<RequestTally[]> {
  const tallies: RequestTally[] = []
  for (const batch of batches) {
    const tally = await postNdjson(port, token, batch.chunks)
    tallies.push(tally)
    if (tally.status !== 200 || tally.failure !== null) break
  }
  return tallies
}

interface ServiceRun {
  readonly label: string
  readonly rows: number
  readonly seconds: number
  readonly rowsPerSec: number
  readonly streams: number
  readonly requests: number
  /** Result lines received (the summary lines excluded): `rows` when nothing failed. */
  readonly answered: number
  readonly statuses: Record<string, number>
  readonly outcomes: Record<string, number>
  readonly outOfOrder: number
  /** Requests whose summary line was missing or did not count all their lines as stored. */
  readonly badSummaries: number
  readonly notStoredSamples: unknown[]
  readonly errorBodies: string[]
  readonly failures: string[]
  readonly firstResultMs: number | null
  readonly serverCpuUsPerRow: number
  readonly serverElu: number
  readonly pgCpuUsPerRow: number
  readonly clientCpuUsPerRow: number
  readonly statementsPerRow: number
  /** By kind, most time first: statements per row and their time per row (µs, from `query()` to the answer). */
  readonly statementKinds: Array<{ text: string, perRow: number, usPerRow: number, share: number }>
  readonly statementUsPerRow: number
  readonly othersBusyPercent: number
  readonly loadAverage1m: number
  /** The measured window in the service's clock (µs), for the CPU profile. */
  readonly window: [number, number]
}

function statementDelta (before: readonly StatementKind[], after: readonly StatementKind[]): StatementKind[] {
  const earlier = new Map(before.map((kind) => [kind.text, kind]))
  return after
    .map((kind) => ({ text: kind.text, count: kind.count - (earlier.get(kind.text)?.count ?? 0), ms: kind.ms - (earlier.get(kind.text)?.ms ?? 0) }))
    .filter((kind) => kind.count > 0)
}

async function bulkRun (bench: Bench, label: string, server: Server, token: string, streams: readonly Batch[][], rows: number): Promise<ServiceRun> {
  const before = await bench.readCpu(server)
  const started = performance.now()
  const perStream = await Promise.all(streams.map(async (batches) => await postStream(server.port, token, batches)))
  const seconds = (performance.now() - started) / 1000
  const after = await bench.readCpu(server)
  const cpu = cpuBetween(before, after)

  const tallies = perStream.flat()
  const outcomes: Record<string, number> = {}
  const statuses: Record<string, number> = {}
  for (const tally of tallies) {
    for (const [outcome, count] of Object.entries(tally.outcomes)) outcomes[outcome] = (outcomes[outcome] ?? 0) + count
    statuses[tally.status] = (statuses[tally.status] ?? 0) + 1
  }
  const badSummaries = perStream.reduce((bad, stream, index) => bad + stream.filter((tally, request) => {
    const expected = streams[index]?.[request]?.lines
    return tally.summary?.stored !== expected || tally.summary?.rejected !== 0 || tally.summary?.revised !== 0 || tally.summary?.unchanged !== 0
  }).length, 0) + streams.reduce((sum, stream, index) => sum + stream.length - (perStream[index]?.length ?? 0), 0)
  const answered = tallies.reduce((sum, tally) => sum + tally.lines, 0)
  const kinds = statementDelta(before.server?.statements ?? [], after.server?.statements ?? []).sort((a, b) => b.ms - a.ms)
  const statementMs = kinds.reduce((sum, kind) => sum + kind.ms, 0)
  const firstResults = tallies.map((tally) => tally.firstResultMs).filter((ms): ms is number => ms !== null)
  return {
    label,
    rows,
    seconds: round(seconds, 2),
    rowsPerSec: round(answered / seconds, 1),
    streams: streams.length,
    requests: tallies.length,
    answered,
    statuses,
    outcomes,
    outOfOrder: tallies.reduce((sum, tally) => sum + tally.outOfOrder, 0),
    badSummaries,
    notStoredSamples: tallies.flatMap((tally) => tally.notStoredSamples).slice(0, 5),
    errorBodies: tallies.flatMap((tally) => tally.errorBody === null ? [] : [tally.errorBody]),
    failures: tallies.flatMap((tally) => tally.failure === null ? [] : [tally.failure]),
    firstResultMs: firstResults.length === 0 ? null : round(Math.min(...firstResults)),
    serverCpuUsPerRow: round(cpu.serverUs / rows, 1),
    serverElu: cpu.serverElu,
    pgCpuUsPerRow: round(cpu.backendsUs / rows, 1),
    clientCpuUsPerRow: round(cpu.benchUs / rows, 1),
    statementsPerRow: round(((after.server?.queries ?? 0) - (before.server?.queries ?? 0)) / rows, 2),
    statementKinds: kinds.map((kind) => ({
      text: kind.text,
      perRow: round(kind.count / rows, 3),
      usPerRow: round(kind.ms * 1000 / rows, 1),
      share: round(kind.ms / statementMs * 100, 1)
    })),
    statementUsPerRow: round(statementMs * 1000 / rows, 1),
    othersBusyPercent: othersBusyPercent(cpu),
    loadAverage1m: loadAverage1m(),
    window: [before.server?.hrtimeUs ?? 0, after.server?.hrtimeUs ?? 0]
  }
}

/** Whether every line was answered `stored`, in order, with agreeing summaries. */
function answeredAllStored (run: ServiceRun): boolean {
  return Object.keys(run.statuses).join() === '200' && run.failures.length === 0 && run.answered === run.rows &&
    run.outcomes.stored === run.rows && Object.keys(run.outcomes).length === 1 && run.outOfOrder === 0 && run.badSummaries === 0
}

/* ---------- Profile ---------- */

/** The first lines again (the service's tables emptied), to a fresh service under `--cpu-prof`, statements counted but not timed. */
async function profileService (bench: Bench, token: string, ndjson: Ndjson, stamp: string) {
  await bench.admin.query(`truncate ${SERVICE_TABLES.filter((table) => table !== 'audit_entry').join(', ')}, finding_review restart identity cascade`)
  // The first chunks that hold at least --profile-count lines, as one stream.
  const chunks: Buffer[] = []
  let lines = 0
  for (let index = 0; index < ndjson.chunks.length && lines < OPTIONS.profileCount; index++) {
    chunks.push(ndjson.chunks[index] as Buffer)
    lines += ndjson.chunkLines[index] ?? 0
  }
  return await profiledRun(bench, { label: 'service-profiled', file: `bulk-${stamp}-service.cpuprofile`, env: { BENCH_STATEMENT_KINDS: '0' } }, async (server) => {
    const run = await bulkRun(bench, 'service, profiled', server, token, [[{ chunks, lines }]], lines)
    return { result: run, window: run.window }
  })
}

/* ---------- Main ---------- */

await runBench('bench_bulk', async (bench) => {
  const stamp = timestamp()
  console.log(`bulk: ${OPTIONS.count} reports of ${OPTIONS.year} — bench database ${bench.database.name}; uptime before: ${bench.uptimeBefore}`)

  const ndjson = generateNdjson()
  console.log(`generated ${ndjson.lines} lines, ${round(ndjson.bytes / 2 ** 20, 1)} MiB (${round(ndjson.bytes / ndjson.lines)} bytes a line) in ${ndjson.generateSeconds} s; ` +
    `predicted statuses ${JSON.stringify(ndjson.statuses)}; key regions ${ndjson.regionPrefixes.join(',')}`)

  const token = await bench.open({ regionPrefixes: ndjson.regionPrefixes, setup: async (db) => { await sql.raw(FLOOR_DDL).execute(db) } })
  const { admin } = bench
  const { rows: settingsRows } = await admin.query<{ name: string, setting: string }>(
    "select name, setting from pg_settings where name in ('shared_buffers', 'synchronous_commit', 'fsync', 'wal_level', 'max_wal_size', 'checkpoint_timeout')")
  const postgresSettings = Object.fromEntries(settingsRows.map((row) => [row.name, row.setting]))

  const floorRuns: FloorRun[] = []
  console.log('floor: COPY, first run …')
  floorRuns.push(await copyFloor(bench, 'floor (before)', ndjson))
  console.log(`  ${floorRuns[0]?.rowsPerSec} rows/s in ${floorRuns[0]?.seconds} s`)
  await admin.query('truncate bench_floor')
  await admin.query('checkpoint')

  console.log(`service: POST /v1/reports:bulk, ${OPTIONS.streams} stream(s) …`)
  const server = await bench.startServer({ label: 'service', env: { BENCH_STATEMENT_KINDS: '1' } })
  const service = await bulkRun(bench, 'service', server, token, ndjson.streams, ndjson.lines)
  await server.stop()
  console.log(`  ${service.rowsPerSec} rows/s in ${service.seconds} s`)
  const tableRows: Record<string, number> = {}
  for (const table of SERVICE_TABLES) tableRows[table] = await countRows(admin, table)
  const allStored = answeredAllStored(service)
  const tablesHoldAll = ['report', 'report_revision', 'report_analysis', 'report_figures'].every((table) => tableRows[table] === ndjson.lines)

  console.log('floor: COPY, second run …')
  await admin.query('checkpoint')
  floorRuns.push(await copyFloor(bench, 'floor (after)', ndjson))
  console.log(`  ${floorRuns[1]?.rowsPerSec} rows/s in ${floorRuns[1]?.seconds} s`)

  const floorRowsPerSec = round(floorRuns.reduce((sum, run) => sum + run.rowsPerSec, 0) / floorRuns.length)
  const ratio = round(service.rowsPerSec / floorRowsPerSec, 3)
  const projected150kSeconds = round(TARGETS.reports / service.rowsPerSec, 1)
  const targets = [
    { target: `bulk ≥ ${TARGETS.ratio}× COPY rows/s`, measured: ratio, met: ratio >= TARGETS.ratio },
    {
      target: `${TARGETS.reports} reports of one year in under ${TARGETS.seconds} s`,
      measured: ndjson.lines === TARGETS.reports ? service.seconds : projected150kSeconds,
      measuredHow: ndjson.lines === TARGETS.reports ? 'measured' : `projected from ${ndjson.lines} reports at ${service.rowsPerSec} rows/s`,
      met: (ndjson.lines === TARGETS.reports ? service.seconds : projected150kSeconds) < TARGETS.seconds
    }
  ]
  if (!allStored || !tablesHoldAll) bench.fail()

  const profile = OPTIONS.profile === 'always' || (OPTIONS.profile === 'when-missed' && targets.some((target) => !target.met))
    ? await profileService(bench, token, ndjson, stamp)
    : undefined

  const machine = { ...await bench.describeMachine(), postgresSettings }

  console.log()
  console.log(`bulk ingest — ${machine.cpuModel}, ${machine.nproc} CPU(s), Node ${machine.node}, Postgres ${machine.postgres}`)
  console.log(`${ndjson.lines} reports of ${OPTIONS.year} (seed ${OPTIONS.seed}), ${round(ndjson.bytes / 2 ** 20, 1)} MiB of NDJSON; service: ${OPTIONS.streams} stream(s) at once, ` +
    `${OPTIONS.linesPerRequest === 0 ? 'one request each' : `requests of ≤ ${OPTIONS.linesPerRequest} lines`}`)
  console.table(Object.fromEntries([...floorRuns, service].map((run) => [run.label, {
    rows: run.rows,
    seconds: run.seconds,
    'rows/s': run.rowsPerSec,
    'ours ÷ floor': run === service ? ratio : null,
    'PG CPU µs/row': run.pgCpuUsPerRow,
    'server CPU µs/row': run === service ? service.serverCpuUsPerRow : null,
    'SQL/row': run === service ? service.statementsPerRow : null,
    'others %': run.othersBusyPercent,
    load: run.loadAverage1m
  }])))
  console.log(`floor (mean of ${floorRuns.length}): ${floorRowsPerSec} rows/s; ours: ${service.rowsPerSec} rows/s; ours ÷ floor = ${ratio} (target ${TARGETS.ratio}×)`)
  for (const target of targets) console.log(`${target.met ? 'MET   ' : 'MISSED'} ${target.target}: ${target.measured}${'measuredHow' in target ? ` s (${target.measuredHow})` : ''}`)
  console.log(`${allStored ? 'ok  ' : 'FAIL'} answers: ${service.answered} of ${service.rows} lines answered, ${JSON.stringify(service.outcomes)}, ${service.outOfOrder} out of order; ` +
    `${service.requests} request(s) in ${service.streams} stream(s), statuses ${JSON.stringify(service.statuses)}, ${service.badSummaries} without a summary counting all lines stored`)
  if (service.failures.length > 0) console.log(`  exchanges that broke off: ${service.failures.join(' | ').slice(0, 2000)}`)
  if (service.notStoredSamples.length > 0) console.log(`  first lines not stored: ${JSON.stringify(service.notStoredSamples).slice(0, 2000)}`)
  if (service.errorBodies.length > 0) console.log(`  error answers: ${service.errorBodies.join(' | ').slice(0, 2000)}`)
  console.log(`${tablesHoldAll ? 'ok  ' : 'FAIL'} rows stored: ${JSON.stringify(tableRows)}`)
  console.log(`service source: ${server.source}`)
  console.log(`service: ELU ${service.serverElu}, first result after ${service.firstResultMs} ms, ${service.statementsPerRow} statements/row taking ${service.statementUsPerRow} µs/row from query() to answer`)
  console.log('statements by kind (per row; time from query() to its answer):')
  console.table(service.statementKinds.slice(0, 25).map((kind) => ({ statement: kind.text.slice(0, 100), 'per row': kind.perRow, 'µs/row': kind.usPerRow, '%': kind.share })))
  if (profile !== undefined) {
    printProfile(`the service (source ${profile.source}; ${profile.result.rows} lines, ${profile.result.rowsPerSec} rows/s while profiled)`, profile.summary)
  }
  console.log(`uptime after: ${machine.uptimeAfter}`)

  writeResults(`bulk-${stamp}.json`, {
    options: OPTIONS,
    machine,
    ndjson: { lines: ndjson.lines, bytes: ndjson.bytes, requestsPerStream: ndjson.streams.map((stream) => stream.length), regionPrefixes: ndjson.regionPrefixes, statuses: ndjson.statuses, generateSeconds: ndjson.generateSeconds },
    floorRuns,
    floorRowsPerSec,
    service,
    serviceSource: server.source,
    ratio,
    targets,
    checks: { allStored, tablesHoldAll, tableRows },
    profile: profile === undefined ? undefined : { source: profile.source, run: profile.result, summary: profile.summary }
  })
})
