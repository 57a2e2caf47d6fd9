/**
 * Benchmark of the rollups (`GET /v1/stats`) over 150,000 synthetic reports, on the Postgres server of DATABASE_URL:
 * 1. loads the reports' `agency`, `report` and `report_figures` rows (test/support/generate-reports.ts, skewed like real
 *    reports) into a database of its own, `reports_bench`, 1,000 rows per INSERT from JSON — not through HTTP, and
 *    without report bodies, which the rollups never read; rows are stored in arrival order (year by year, regions
 *    mixed), as in service. A later run with the same size and seed reuses the data;
 * 2. times, in one process, after a warm-up:
 *    - the baseline: `select count(*)` with the province filter — the floor of finding those rows;
 *    - the SQL rollup of one year (`sumFigures`: every cell summed, then the blanks counted), in its read-only snapshot;
 *    - `GET /v1/stats?region=33&year=2023` through the app (`inject`): both years, indicators, changes, JSON;
 *    - the same with `groupBy=region` (by city), and for the whole country;
 * 3. prints `EXPLAIN (ANALYZE, BUFFERS)` of the baseline and of the rollup's two queries (sums, blanks).
 * Results (median, p95, …) go to stdout and bench/results/rollup.json.
 *
 * Run: `DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/rollup.ts` (the server defaults to that).
 * Options (environment): REPORTS (default 150000), SEED (1), RUNS (50 per task), RELOAD=1 (load again).
 */
import { CompiledQuery, type Kysely, sql } from 'kysely'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { createDatabase } from '../src/db/connection.js'
import type { Database } from '../src/db/database.js'
import { blanksQuery, type FigureFilters, figuresRow, inStatsSnapshot, sumFigures, totalsQuery } from '../src/db/figures-repository.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { generateReports } from '../test/support/generate-reports.js'
import { databaseUrl, onServer } from './harness/database.js'
import { numberFromEnv } from './harness/flags.js'
import { describeMachine, loadAverage1m } from './harness/machine.js'
import { percentile, round, writeResults } from './harness/results.js'

const REPORTS = numberFromEnv('REPORTS', 150_000)
const SEED = numberFromEnv('SEED', 1)
const RUNS = numberFromEnv('RUNS', 50)
const WARMUP = 5
const BATCH = 1000
/** Kept between runs (not dropped like the other benches' databases): loading 150,000 reports takes minutes. */
const DATABASE = 'reports_bench'

async function ensureDatabase (): Promise<string> {
  if ((await onServer('select 1 from pg_database where datname = $1', [DATABASE])).length === 0) await onServer(`create database ${DATABASE}`)
  return databaseUrl(DATABASE)
}

/** What is loaded, so that a run with the same size and seed can reuse it (a table of the bench database only). */
async function loadedMatches (db: Kysely<Database>): Promise<boolean> {
  await sql`create table if not exists bench_load (reports integer not null, seed integer not null, loaded_at timestamptz not null default now())`.execute(db)
  const { rows } = await sql<{ reports: number, seed: number, figures: string }>`
    select reports, seed, (select count(*) from report_figures) as figures from bench_load`.execute(db)
  const loaded = rows[0]
  return loaded !== undefined && loaded.reports === REPORTS && loaded.seed === SEED && Number(loaded.figures) === REPORTS
}

/**
 * Inserts rows given as JSON objects: one statement and one parameter per batch, which Postgres expands (measured on
 * 20,000 rows of figures: 8–12 s, against 19–23 s for multi-row INSERTs of literals).
 */
async function insertJson (db: Kysely<Database>, table: 'agency' | 'report' | 'report_figures', columns: readonly string[], rows: readonly object[], suffix = sql``): Promise<void> {
  const list = sql.join(columns.map((column) => sql.ref(column)))
  await sql`insert into ${sql.table(table)} (${list}) ${table === 'report' ? sql`overriding system value` : sql``}
    select ${list} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}) ${suffix}`.execute(db)
}

async function load (db: Kysely<Database>): Promise<{ seconds: number, generateSeconds: number }> {
  const started = performance.now()
  let generating = 0
  await sql`truncate report_figures, report_event, finding_review, finding, report_analysis, report_revision, report, agency, bench_load restart identity cascade`.execute(db)
  const figureColumns = Object.keys(figuresRow(1, [...generateReports(1)][0]!.body, 'clean'))
  let agencies: Array<Record<string, unknown>> = []
  let reports: Array<Record<string, unknown>> = []
  let figures: Array<Record<string, unknown>> = []
  const seen = new Set<string>()
  const flush = async () => {
    if (agencies.length > 0) await insertJson(db, 'agency', ['code', 'name', 'region_code'], agencies, sql`on conflict do nothing`)
    await insertJson(db, 'report', ['id', 'agency_code', 'year', 'kind', 'template', 'region_code'], reports)
    await insertJson(db, 'report_figures', figureColumns, figures)
    agencies = []
    reports = []
    figures = []
  }
  let id = 0
  let mark = performance.now()
  for (const { body, status } of generateReports(REPORTS, { seed: SEED })) {
    id++
    if (!seen.has(body.agency.code)) {
      seen.add(body.agency.code)
      agencies.push({ code: body.agency.code, name: body.agency.name, region_code: body.agency.regionCode })
    }
    reports.push({ id, agency_code: body.agency.code, year: body.year, kind: body.kind, template: body.template, region_code: body.agency.regionCode })
    figures.push(figuresRow(id, body, status))
    if (figures.length === BATCH) {
      generating += performance.now() - mark
      await flush()
      mark = performance.now()
      if (id % 25_000 === 0) console.log(`  ${id} reports loaded (${((performance.now() - started) / 1000).toFixed(0)} s)`)
    }
  }
  if (figures.length > 0) await flush()
  // The generator yields agency by agency, region by region; real reports arrive year by year in no regional
  // order, so a province's rows are scattered over the table. Store them so (a fixed pseudo-random order), or the
  // rollup would read a province from neighbouring pages, which it never does in service.
  await sql`create temporary table arrival as select * from report_figures order by year, md5(report_id::text)`.execute(db)
  await sql`truncate report_figures`.execute(db)
  await sql`insert into report_figures select * from arrival`.execute(db)
  await sql`drop table arrival`.execute(db)
  await sql`vacuum analyze agency`.execute(db)
  await sql`vacuum analyze report`.execute(db)
  // A fresh visibility map and statistics, as autovacuum would leave them.
  await sql`vacuum analyze report_figures`.execute(db)
  await sql`insert into bench_load (reports, seed) values (${REPORTS}, ${SEED})`.execute(db)
  return { seconds: (performance.now() - started) / 1000, generateSeconds: generating / 1000 }
}

interface Timing {
  readonly name: string
  readonly runs: number
  readonly medianMs: number
  readonly p95Ms: number
  readonly minMs: number
  readonly meanMs: number
}

async function time (name: string, task: () => Promise<unknown>): Promise<Timing> {
  for (let index = 0; index < WARMUP; index++) await task()
  const samples: number[] = []
  for (let index = 0; index < RUNS; index++) {
    const started = performance.now()
    await task()
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  return {
    name,
    runs: RUNS,
    medianMs: round(percentile(samples, 50), 2),
    p95Ms: round(percentile(samples, 95), 2),
    minMs: round(samples[0] ?? Number.NaN, 2),
    meanMs: round(samples.reduce((a, b) => a + b, 0) / samples.length, 2)
  }
}

async function explain (db: Kysely<Database>, query: CompiledQuery): Promise<string> {
  return await inStatsSnapshot(db, async (trx) => {
    const result = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]))
    return result.rows.map((row) => row['QUERY PLAN']).join('\n')
  })
}

const url = await ensureDatabase()
const db = createDatabase({ url, poolMax: 4 })
await migrateToLatest(db)
let loadInfo: { seconds: number, generateSeconds: number } | null = null
if (process.env.RELOAD === '1' || !(await loadedMatches(db))) {
  console.log(`loading ${REPORTS} synthetic reports (seed ${SEED}) into ${DATABASE}…`)
  loadInfo = await load(db)
  console.log(`loaded in ${loadInfo.seconds.toFixed(1)} s (${loadInfo.generateSeconds.toFixed(1)} s generating and mapping)`)
} else {
  console.log(`reusing the ${REPORTS} reports (seed ${SEED}) already in ${DATABASE} (RELOAD=1 to load again)`)
}

const province: FigureFilters = { region: '33', year: 2023, kind: 'agency' }
const baselineQuery = db.selectFrom('report_figures').select(sql<string>`count(*)`.as('reports'))
  .where('year', '=', province.year).where('kind', '=', province.kind).where('region_code', 'like', `${province.region ?? ''}%`)
const rollupQuery = totalsQuery(db, province)
const blankQuery = db.selectFrom(blanksQuery(db, province).as('blank')).select(['blank.pointer', sql<string>`count(*)`.as('reports')]).groupBy('blank.pointer')

const sizes = (await sql<{ table: string, index: string, rows: string, matched: string, matched_previous: string, country: string }>`
  select pg_size_pretty(pg_relation_size('report_figures')) as table,
    pg_size_pretty(pg_relation_size('report_figures_scope_idx')) as index,
    (select count(*) from report_figures) as rows,
    (select count(*) from report_figures where year = 2023 and kind = 'agency' and region_code like '33%') as matched,
    (select count(*) from report_figures where year = 2022 and kind = 'agency' and region_code like '33%') as matched_previous,
    (select count(*) from report_figures where year = 2023 and kind = 'agency') as country`.execute(db)).rows[0]
const settings = (await sql<{ version: string, shared_buffers: string, work_mem: string, jit: string }>`
  select version(), current_setting('shared_buffers') as shared_buffers, current_setting('work_mem') as work_mem, current_setting('jit') as jit`.execute(db)).rows[0]
console.log(`report_figures: ${sizes?.rows} rows, ${sizes?.table} (+ ${sizes?.index} index); ` +
  `region=33 year=2023 kind=agency matches ${sizes?.matched} reports (${sizes?.matched_previous} in 2022); the whole country ${sizes?.country}`)

const config = loadConfig({ LOG_LEVEL: 'silent' })
const app = await buildApp({ config, databaseUrl: url })
async function get (path: string): Promise<void> {
  const res = await app.inject({ url: path })
  if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`)
}

const timings: Timing[] = []
const BASELINE = 'baseline: select count(*) with the same filter'
timings.push(await time(BASELINE, async () => await inStatsSnapshot(db, async (trx) => await trx.executeQuery(baselineQuery.compile()))))
timings.push(await time('rollup of one year: sumFigures (SQL, every cell)', async () => await inStatsSnapshot(db, async (trx) => await sumFigures(trx, province))))
timings.push(await time('GET /v1/stats?region=33&year=2023', async () => await get('/v1/stats?region=33&year=2023')))
timings.push(await time('GET /v1/stats?region=33&year=2023&groupBy=region', async () => await get('/v1/stats?region=33&year=2023&groupBy=region')))
timings.push(await time('GET /v1/stats?year=2023 (whole country)', async () => await get('/v1/stats?year=2023')))
const response = await app.inject({ url: '/v1/stats?region=33&year=2023' })
const responseBytes = Buffer.byteLength(response.body)

const baselinePlan = await explain(db, baselineQuery.compile())
const rollupPlan = await explain(db, rollupQuery.compile())
const blanksPlan = await explain(db, blankQuery.compile())
await app.close()
await db.destroy()

const machine = {
  ...describeMachine(),
  /** 1-minute load average when the run ended: other processes on the machine skew the figures. */
  loadAverage: loadAverage1m()
}
const baselineMedian = timings[0]?.medianMs ?? Number.NaN
console.log(`\nrollups over ${REPORTS} reports — ${machine.cpuModel}, ${machine.nproc} CPU(s), Node ${machine.node}, ` +
  `${settings?.version.split(' on ')[0] ?? 'Postgres'}, load average ${machine.loadAverage}`)
console.table(Object.fromEntries(timings.map((t) => [t.name, {
  'median ms': t.medianMs, 'p95 ms': t.p95Ms, 'min ms': t.minMs, 'mean ms': t.meanMs, 'x baseline': round(t.medianMs / baselineMedian, 1)
}])))
console.log(`GET /v1/stats?region=33&year=2023 answers ${(responseBytes / 1024).toFixed(0)} KiB of JSON`)
console.log(`\nEXPLAIN (ANALYZE, BUFFERS) — baseline\n${baselinePlan}`)
// The rollup's select list is ~230 aggregates long; the plan shows it only with VERBOSE, so it stays short.
console.log(`\nEXPLAIN (ANALYZE, BUFFERS) — rollup of one year (region=33, year=2023, kind=agency): the sums\n${rollupPlan}`)
console.log(`\nEXPLAIN (ANALYZE, BUFFERS) — rollup of one year: the blanks\n${blanksPlan}`)

writeResults('rollup.json', {
  machine,
  postgres: settings,
  data: { reports: REPORTS, seed: SEED, load: loadInfo, ...sizes },
  options: { runs: RUNS, warmup: WARMUP },
  results: timings.map((t) => ({ ...t, ratioToBaseline: round(t.medianMs / baselineMedian, 1) })),
  responseBytes,
  plans: { baseline: baselinePlan, rollupSums: rollupPlan, rollupBlanks: blanksPlan }
})
