/**
 * The database goes away under load: a private embedded Postgres is stopped while clients keep
 * writing, then started again on the same port and data folder. Every answer must be a success or a
 * clean 503 (problem+json, `Retry-After`, SERVICE_UNAVAILABLE); the app must recover by itself; every
 * acknowledged write must be kept; and no report may be half-written, even one whose commit reached
 * the database while its answer was lost.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { sql } from 'kysely'
import t from 'tap'
import { createDatabase } from '../../src/db/connection.js'
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../src/db/embedded.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import type { AnnualReport } from '../../src/domain/report.js'
import { creditCode, reportFor } from '../fixtures.js'
import { build } from '../helper.js'

const REQUEST_TIMEOUT_MS = 15_000
const WRITERS = 3
/** Writing lasts at least this long before the stop and after recovery, and until this many writes succeeded. */
const WRITE_BEFORE_MS = 1_500
const WRITE_AFTER_MS = 2_000
const SUCCESSES_WANTED = 5
const DOWN_MS = 3_000
/** Pause after a 503, as a client honouring Retry-After would (shortened: we want many tries). */
const BACKOFF_MS = 100
/** A Retry-After in seconds. */
const RETRY_AFTER = /^[1-9]\d*$/

async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port')))
    })
  })
}

/**
 * Errors that reached the process uncaught. In the service, close-with-grace shuts the process down on
 * one, so there must be none; they are captured rather than left to tap so that the run goes on, the
 * other checks still report, and Postgres is still stopped and its folder removed.
 */
const uncaught: Error[] = []
if (!process.hasUncaughtExceptionCaptureCallback()) {
  process.setUncaughtExceptionCaptureCallback((error) => { uncaught.push(error instanceof Error ? error : new Error(String(error))) })
  t.teardown(() => process.setUncaughtExceptionCaptureCallback(null))
}

// As root, Postgres runs as the postgres user, who must be able to enter the folder (mkdtemp makes it 0700).
const folder = await mkdtemp(path.join(tmpdir(), 'reports-faults-'))
await chmod(folder, 0o755)
const pgOptions = { dataDir: path.join(folder, 'data'), port: await freePort(), postgresFlags: ['-c', 'fsync=off'] }
let embedded: EmbeddedDatabase = await startEmbeddedPostgres(pgOptions)
/** A restart in progress, and whether the file is being torn down (then no restart may begin). */
let restarting: Promise<EmbeddedDatabase> | undefined
let tearingDown = false
t.teardown(async () => {
  tearingDown = true
  const restarted = await restarting?.catch(() => undefined)
  await embedded.stop()
  await restarted?.stop()
  await rm(folder, { recursive: true, force: true })
})
{
  const db = createDatabase({ url: embedded.url, poolMax: 2 })
  await migrateToLatest(db)
  await db.destroy()
}

type Phase = 'up' | 'stopping' | 'down' | 'starting' | 'restarted'

/** JSON with object keys sorted: stored bodies are jsonb, which does not keep the order sent. */
function canonical (value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => item !== null && typeof item === 'object' && !Array.isArray(item)
    ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0))
    : item)
}

interface Outcome {
  readonly label: string
  readonly started: Phase
  readonly ended: Phase
  /** Whether the request started after /readyz answered 200 again. */
  readonly afterReady: boolean
  /** The status, or 0 when no answer came within REQUEST_TIMEOUT_MS. */
  readonly status: number
  readonly ms: number
  readonly response?: LightMyRequestResponse
}

t.test('stopping and restarting Postgres under writes: clean 503s, recovery, no lost or half-written report', async (t) => {
  const app = await build(t, embedded.url)

  /** Where the run is; read by the loops below while the main sequence changes it. */
  const run: { phase: Phase, ready: boolean, writing: boolean } = { phase: 'up', ready: false, writing: true }
  const outcomes: Outcome[] = []

  async function send (label: string, options: InjectOptions): Promise<Outcome> {
    const started = run.phase
    const afterReady = run.ready
    const startedAt = Date.now()
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), REQUEST_TIMEOUT_MS) })
    let response: LightMyRequestResponse | undefined
    let status: number
    try {
      response = await Promise.race([app.inject(options), timeout])
      status = response?.statusCode ?? 0
    } catch (error) {
      // inject itself failed (the app was closed because the test already failed): stop writing.
      run.writing = false
      status = -1
      t.fail(`${label}: inject threw ${String(error)}`)
    } finally {
      clearTimeout(timer)
    }
    const outcome: Outcome = { label, started, ended: run.phase, afterReady, status, ms: Date.now() - startedAt, response }
    outcomes.push(outcome)
    return outcome
  }

  /** Per report: the bodies acknowledged by revision, the bodies sent whose answer was a 503. */
  const acknowledged = new Map<number, Map<number, AnnualReport>>()
  const unansweredPuts = new Map<number, AnnualReport[]>()
  const unansweredPosts = new Map<string, AnnualReport>()
  /** Agency codes of POSTs answered 503 that reached the database (not started while it was down): they may have committed. */
  const mayHaveCommitted = new Set<string>()
  let sequence = 0

  function acknowledge (response: LightMyRequestResponse, body: AnnualReport): void {
    const { id, revision } = response.json() as { id: number, revision: number }
    const revisions = acknowledged.get(id) ?? new Map<number, AnnualReport>()
    revisions.set(revision, body)
    acknowledged.set(id, revisions)
  }

  async function writeOnce (): Promise<number> {
    const n = ++sequence
    const ids = [...acknowledged.keys()]
    if (n % 3 === 0 && ids.length > 0) {
      const id = ids[n % ids.length] as number
      const first = acknowledged.get(id)?.get(1) as AnnualReport
      const body: AnnualReport = { ...first, sections: { ...first.sections, problems: `${first.sections.problems}（第${n}次修订）` } }
      const { status, response } = await send('PUT', { method: 'PUT', url: `/v1/reports/${id}`, headers: { 'if-match': '*' }, payload: body })
      if (status === 200 && response !== undefined) acknowledge(response, body)
      if (status === 503) unansweredPuts.set(id, [...unansweredPuts.get(id) ?? [], body])
      return status
    }
    const body = reportFor({ code: creditCode(`11330500MB${String(n).padStart(7, '0')}`), name: `故障演练局${n}`, regionCode: '330502' })
    const { status, response, started } = await send('POST', { method: 'POST', url: '/v1/reports', payload: body })
    if ((status === 201 || status === 200) && response !== undefined) acknowledge(response, body)
    if (status === 503) unansweredPosts.set(body.agency.code, body)
    if (status === 503 && started !== 'down') mayHaveCommitted.add(body.agency.code)
    return status
  }

  async function writer (): Promise<void> {
    while (run.writing) {
      const status = await writeOnce()
      if (status <= 0) return // a hang or a closed app: reported below, no point piling up more
      if (status === 503) await sleep(BACKOFF_MS)
    }
  }

  /** /readyz answers while the database is down. */
  const readyWhileDown: Outcome[] = []
  async function probeWhileDown (): Promise<void> {
    while (run.phase === 'down') {
      const outcome = await send('GET /readyz', { method: 'GET', url: '/readyz' })
      if (outcome.ended === 'down') readyWhileDown.push(outcome)
      await sleep(200)
    }
  }

  const succeeded = (outcome: Outcome) => outcome.status === 200 || outcome.status === 201
  const writes = () => outcomes.filter((outcome) => outcome.label !== 'GET /readyz')
  /** Keeps writing for at least `ms`, and until `wanted` writes matching `which` succeeded (30 s at most: a busy machine is slow). */
  async function keepWriting (ms: number, which: (outcome: Outcome) => boolean): Promise<void> {
    const from = Date.now()
    await sleep(ms)
    while (writes().filter((outcome) => which(outcome) && succeeded(outcome)).length < SUCCESSES_WANTED && Date.now() - from < 30_000 && run.writing) {
      await sleep(100)
    }
  }

  const startedAt = Date.now()
  const writers = Array.from({ length: WRITERS }, async () => await writer())
  await keepWriting(WRITE_BEFORE_MS, () => true)

  run.phase = 'stopping'
  const stoppingAt = Date.now()
  await embedded.stop()
  run.phase = 'down'
  const stoppedAt = Date.now()
  const probe = probeWhileDown()
  await sleep(DOWN_MS)

  run.phase = 'starting'
  await probe
  if (tearingDown) return // the test already failed (e.g. on an uncaught error): start nothing more
  restarting = startEmbeddedPostgres(pgOptions)
  embedded = await restarting
  run.phase = 'restarted'
  const restartedAt = Date.now()

  // The same app, no rebuild: its pool must find the database again by itself.
  let readyAfterMs = -1
  while (Date.now() - restartedAt < 10_000) {
    const { status } = await send('GET /readyz', { method: 'GET', url: '/readyz' })
    if (status === 200) {
      readyAfterMs = Date.now() - restartedAt
      break
    }
    await sleep(100)
  }
  run.ready = true
  await keepWriting(WRITE_AFTER_MS, (outcome) => outcome.afterReady)
  run.writing = false
  await Promise.all(writers)
  t.comment(`writes ran ${Date.now() - startedAt} ms; stop took ${stoppedAt - stoppingAt} ms; down ${restartedAt - stoppedAt} ms; /readyz 200 ${readyAfterMs} ms after the restart`)
  t.ok(readyAfterMs >= 0, '/readyz answers 200 again within 10 s of the restart')
  // E.g. a pg Client that Postgres disconnects while checked out between two queries emits 'error',
  // and without a listener on it that is an uncaught exception.
  t.same(uncaught.map((error) => `${(error as Error & { code?: string }).code ?? error.name}: ${error.message}`), [],
    'no error escaped as an uncaught exception (the service would shut down on it)')

  // Every answer: a success, or a clean 503 telling the client to retry; never a 500 or a hang.
  const count = (predicate: (outcome: Outcome) => boolean) => outcomes.filter(predicate).length
  t.equal(count((outcome) => outcome.status === 0), 0, `no request went unanswered for ${REQUEST_TIMEOUT_MS} ms`)
  const unexpected = outcomes.filter((outcome) => ![200, 201, 503].includes(outcome.status))
  t.same(unexpected.map((outcome) => `${outcome.label} ${outcome.started}→${outcome.ended}: ${outcome.status} ${outcome.response?.body ?? ''}`), [],
    'every answer is 200, 201 or 503')
  const unavailable = outcomes.filter((outcome) => outcome.status === 503)
  const unclean = unavailable.filter(({ response }) => {
    const problem = response?.json() as { code?: string, status?: number } | undefined
    return response?.headers['content-type'] !== 'application/problem+json; charset=utf-8' ||
      !RETRY_AFTER.test(String(response.headers['retry-after'])) || problem?.code !== 'SERVICE_UNAVAILABLE' || problem.status !== 503
  })
  t.same(unclean.map((outcome) => `${outcome.label}: ${JSON.stringify(outcome.response?.headers)} ${outcome.response?.body}`), [],
    'every 503 is problem+json with Retry-After and code SERVICE_UNAVAILABLE')

  const tally: Record<string, string> = {}
  for (const started of ['up', 'stopping', 'down', 'starting', 'restarted'] as const) {
    const inPhase = writes().filter((outcome) => outcome.started === started)
    const ms = inPhase.map((outcome) => outcome.ms).sort((a, b) => a - b)
    tally[started] = `${inPhase.filter(succeeded).length} ok, ${inPhase.filter((outcome) => outcome.status === 503).length} × 503, ` +
      `median ${ms[Math.floor(ms.length / 2)] ?? '-'} ms, max ${ms.at(-1) ?? '-'} ms`
  }
  t.comment(`writes by the phase they started in: ${JSON.stringify(tally)}`)
  const inFlight = writes().filter((outcome) => outcome.started === 'up' && outcome.ended !== 'up')
  t.comment(`in flight at the stop: ${inFlight.map((outcome) => `${outcome.label} ${outcome.status} after ${outcome.ms} ms (ended ${outcome.ended})`).join('; ')}`)
  t.comment(`${writes().length} writes: ${count((o) => o.label === 'POST' && o.status === 201)} created, ${count((o) => o.label === 'PUT' && o.status === 200)} revised, ` +
    `${count((o) => o.label === 'POST' && o.status === 503)} POSTs and ${count((o) => o.label === 'PUT' && o.status === 503)} PUTs answered 503`)

  const whileUp = writes().filter((outcome) => outcome.started === 'up' && outcome.ended === 'up')
  t.ok(whileUp.some(succeeded), 'writes succeeded before the stop')
  t.same(whileUp.filter((outcome) => !succeeded(outcome)).map((outcome) => outcome.status), [],
    'while the database was up, every write succeeded')
  const whileDown = writes().filter((outcome) => outcome.started === 'down' && outcome.ended === 'down')
  t.ok(whileDown.length > 0, 'writes were attempted while the database was down')
  t.ok(whileDown.every((outcome) => outcome.status === 503), 'every write while the database was down is a 503')
  t.ok(readyWhileDown.length > 0, '/readyz was asked while the database was down')
  t.ok(readyWhileDown.every((outcome) => outcome.status === 503 && RETRY_AFTER.test(String(outcome.response?.headers['retry-after']))),
    '/readyz answers 503 with Retry-After while the database is down')
  const afterReady = writes().filter((outcome) => outcome.afterReady)
  t.ok(afterReady.filter(succeeded).length > 0, 'writes succeed again after the restart')
  t.same(afterReady.filter((outcome) => !succeeded(outcome)).map((outcome) => `${outcome.label}: ${outcome.status} ${outcome.response?.body ?? ''}`), [],
    'once /readyz is 200 again, every write succeeds: no dead connection is left in the pool')

  // Every acknowledged write is there, exactly as sent.
  const missing: string[] = []
  for (const [id, revisions] of acknowledged) {
    for (const [revision, body] of revisions) {
      const read = await app.inject({ method: 'GET', url: `/v1/reports/${id}?revision=${revision}` })
      if (read.statusCode !== 200) missing.push(`${id} r${revision}: ${read.statusCode}`)
      else if (canonical(read.json().report) !== canonical(body)) t.same(read.json().report, body, `report ${id} revision ${revision} is the body sent`)
    }
  }
  t.same(missing, [], `all ${[...acknowledged.values()].reduce((sum, revisions) => sum + revisions.size, 0)} acknowledged revisions are readable`)

  // The list: the acknowledged reports, plus perhaps POSTs answered 503 whose commit got through.
  const listed: Array<{ id: number, agencyCode: string, latestRevision: number, status: string | null }> = []
  for (let next: string | null = '/v1/reports?limit=100'; next !== null;) {
    const page = await app.inject({ method: 'GET', url: next })
    if (page.statusCode !== 200) t.fail(`GET ${next}: ${page.statusCode}`)
    const json = page.json() as { items: typeof listed, next: string | null }
    listed.push(...json.items)
    next = json.next
  }
  const listedIds = new Set(listed.map((report) => report.id))
  t.same([...acknowledged.keys()].filter((id) => !listedIds.has(id)), [], 'every acknowledged report is listed')
  const committedUnanswered = listed.filter((report) => !acknowledged.has(report.id))
  t.same(committedUnanswered.filter((report) => !unansweredPosts.has(report.agencyCode)).map((report) => report.id), [],
    'a listed report that was never acknowledged is one whose POST was answered 503')
  t.comment(`${listed.length} reports listed: ${acknowledged.size} acknowledged, ${committedUnanswered.length} committed although answered 503`)

  // None is half-written: every revision of every report has its body, its analysis and its findings.
  for (const report of listed) {
    const sent = [
      ...acknowledged.get(report.id)?.values() ?? [],
      ...unansweredPuts.get(report.id) ?? [],
      ...[unansweredPosts.get(report.agencyCode)].filter((body) => body !== undefined)
    ].map(canonical)
    t.not(report.status, null, `report ${report.id} has the analysis of its latest revision`)
    const revisions = await app.inject({ method: 'GET', url: `/v1/reports/${report.id}/revisions` })
    t.same((revisions.json() as { items: Array<{ revision: number }> }).items.map((item) => item.revision),
      Array.from({ length: report.latestRevision }, (_, index) => index + 1), `report ${report.id} has revisions 1 to ${report.latestRevision}`)
    for (let revision = 1; revision <= report.latestRevision; revision++) {
      const read = await app.inject({ method: 'GET', url: `/v1/reports/${report.id}?revision=${revision}` })
      const findings = await app.inject({ method: 'GET', url: `/v1/reports/${report.id}/findings?revision=${revision}` })
      const wasSent = read.statusCode === 200 && sent.includes(canonical(read.json().report))
      if (read.statusCode !== 200 || findings.statusCode !== 200 || !wasSent) {
        t.fail(`report ${report.id} revision ${revision}: read ${read.statusCode}, findings ${findings.statusCode}, a body that was sent: ${wasSent}`)
      }
    }
  }

  // The same in the tables: nothing a transaction writes is missing for any report or revision.
  const db = createDatabase({ url: embedded.url, poolMax: 1 })
  t.teardown(async () => await db.destroy())
  const { rows: [holes] } = await sql<Record<string, string>>`
    select
      (select count(*) from report r where not exists (select 1 from report_revision v where v.report_id = r.id and v.revision = r.current_revision)) as without_latest_revision,
      (select count(*) from report r where (select count(*) from report_revision v where v.report_id = r.id) <> r.current_revision) as revision_gaps,
      (select count(*) from report_revision v where not exists (select 1 from report_analysis a where a.report_id = v.report_id and a.revision = v.revision)) as without_analysis,
      (select count(*) from report_revision v where not exists (select 1 from report_event e where e.report_id = v.report_id and e.revision = v.revision and e.type = 'revision_stored')) as without_event,
      (select count(*) from report r where not exists (select 1 from report_figures f where f.report_id = r.id)) as without_figures`.execute(db)
  t.same(holes, { without_latest_revision: '0', revision_gaps: '0', without_analysis: '0', without_event: '0', without_figures: '0' }, 'no half-written report in the tables')

  // A client retrying its unanswered POSTs: a committed one is a replay (200, same report), never a 409.
  // Retried: those that reached the database, and a few refused while it was down (all would take long).
  const retries = [...unansweredPosts.values()].filter((body, index) =>
    mayHaveCommitted.has(body.agency.code) || committedUnanswered.some((report) => report.agencyCode === body.agency.code) || index < 5)
  const retried: Record<number, number> = {}
  for (const body of retries) {
    const retry = await app.inject({ method: 'POST', url: '/v1/reports', payload: body })
    retried[retry.statusCode] = (retried[retry.statusCode] ?? 0) + 1
    const committed = committedUnanswered.find((report) => report.agencyCode === body.agency.code)
    if (retry.statusCode !== (committed === undefined ? 201 : 200) || (committed !== undefined && retry.json().id !== committed.id)) {
      t.fail(`retry of ${body.agency.code}: ${retry.statusCode} ${retry.body}`)
    }
  }
  t.comment(`retries of ${retries.length} of the ${unansweredPosts.size} POSTs answered 503 (${mayHaveCommitted.size} of them reached the database): ${JSON.stringify(retried)}`)
})
