/**
 * Benchmark of GOV-PARTS on the write path, on the Postgres server of DATABASE_URL:
 * 1. loads synthetic reports (bench/generate-reports.ts: ~20 departments and one summary per county, as nationally)
 *    as `agency`, `report` and `report_figures` rows (the summaries also with their revision and analysis) into a
 *    database of its own, dropped afterwards;
 * 2. times, after a warm-up, alternating in one process:
 *    - a department's write: `submitReport` of a new department report into a county whose 2023 summary is stored
 *      (the whole write: rules, revision, analysis, figures, GOV-PARTS of the summary, audit, feed);
 *    - GOV-PARTS alone on the same write's data: `recomputeGovernmentParts` for that department inside a transaction
 *      (one round trip: the database function `gov_parts_summaries` takes the region-year's lock, then finds the
 *      summary with its parts added up; the summary's results are saved in one more only if they change);
 *    - the same for a county without a stored summary (the same round trip: the lock and a look-up that finds none);
 *    - a department's write into a county without a stored summary;
 *    and reports GOV-PARTS's share of the write: `hook ÷ (write − hook)`, and, as the write runs GOV-PARTS's read in
 *    its own round trip (report_write_store), the write's extra time where a summary is stored:
 *    `(write − write without a summary) ÷ write without a summary`;
 * 3. prints `EXPLAIN (ANALYZE, BUFFERS)` of the statement that recomputes one county's summary (the one the function
 *    runs after the lock; EXPLAIN of the function call itself would show only a Function Scan).
 * Results go to stdout and bench/results/government-parts.json.
 *
 * Run: `DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/government-parts.ts`
 * Options (environment): REPORTS (default 150000), PROVINCES (comma-separated province codes; default all 31), RUNS (40),
 * KEEP=1 (keep the database afterwards, to inspect it), SUMMARIES=generated (keep the generator's summaries, whose
 * cells mostly fall below their parts' sums: ~50 findings to write per recompute, the worst case).
 * The generator keeps ~20 departments per county whatever the number of provinces, so fewer provinces with
 * proportionally fewer reports keep each region-year's size and shrink only the table.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { type Kysely, sql } from 'kysely'
import { createDatabase } from '../src/db/connection.js'
import type { Database } from '../src/db/database.js'
import { figureColumn, figuresRow } from '../src/db/figures-repository.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { SUMMARIES_WITH_PARTS_SQL } from '../src/db/parts-repository.js'
import { ownTransaction } from '../src/db/transactions.js'
import { creditCodeCheckCharacter } from '../src/domain/credit-code.js'
import { RULE_POINTERS } from '../src/domain/government-parts.js'
import type { AnnualReport } from '../src/domain/report.js'
import { recomputeGovernmentParts } from '../src/services/government-parts.js'
import { submitReport } from '../src/services/reports.js'
import { benchDatabase } from './harness/database.js'
import { generateReports } from '../test/support/generate-reports.js'
import { uptime } from './harness/machine.js'

const REPORTS = Number(process.env.REPORTS ?? 150_000)
const PROVINCES = process.env.PROVINCES === undefined || process.env.PROVINCES === '' ? undefined : process.env.PROVINCES.split(',')
const RUNS = Number(process.env.RUNS ?? 40)
const GENERATED_SUMMARIES = process.env.SUMMARIES === 'generated'
const WARMUP = 5
const BATCH = 1000
const RESULTS = new URL('./results/', import.meta.url)
const ACTOR = { keyId: null, requestId: null }
/** A key that may write every region's reports (the bench writes outside HTTP, as the service does after the key is checked). */
const GRANT = { keyId: 0, scopes: ['reports:write' as const], agencyCodes: [], regionPrefixes: ['1', '2', '3', '4', '5', '6'] }

async function insertJson (db: Kysely<Database>, table: 'agency' | 'report' | 'report_figures' | 'report_revision' | 'report_analysis', columns: readonly string[], rows: readonly object[]): Promise<void> {
  const list = sql.join(columns.map((column) => sql.ref(column)))
  await sql`insert into ${sql.table(table)} (${list}) ${table === 'report' ? sql`overriding system value` : sql``}
    select ${list} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)})
    ${table === 'agency' ? sql`on conflict do nothing` : sql``}`.execute(db)
}

/**
 * The generator draws a summary's tables apart from its departments', so ~50 of its cells fall below their sum. A
 * real summary counts its departments: make each cell of tables 三/四 its own value plus twice the parts' sum, so a
 * department arriving late stays within it, as in service.
 */
async function coverParts (db: Kysely<Database>): Promise<void> {
  const columns = RULE_POINTERS.map(figureColumn)
  await sql`update report_figures as summary set ${sql.join(columns.map((column) => sql`${sql.ref(column)} = summary.${sql.ref(column)} + 2 * coalesce(parts.${sql.ref(column)}, 0)`))}
    from (select region_code, year, ${sql.join(columns.map((column) => sql`sum(${sql.ref(column)}) as ${sql.ref(column)}`))}
      from report_figures where kind = 'agency' group by region_code, year) as parts
    where summary.kind = 'government' and summary.region_code = parts.region_code and summary.year = parts.year`.execute(db)
}

/** Loads the figures of `REPORTS` synthetic reports; returns the 2023 county departments' bodies by region, and the counties with a summary. */
async function load (db: Kysely<Database>) {
  const options = PROVINCES === undefined ? {} : { provinces: PROVINCES }
  let agencies: object[] = []
  let reports: object[] = []
  let figures: object[] = []
  let columns: string[] = []
  // The summaries get a revision and an analysis (without findings), which their recomputed results update.
  let revisions: object[] = []
  let analyses: object[] = []
  const seen = new Set<string>()
  const departments = new Map<string, AnnualReport>()
  const summarised = new Set<string>()
  const flush = async () => {
    if (agencies.length > 0) await insertJson(db, 'agency', ['code', 'name', 'region_code'], agencies)
    await insertJson(db, 'report', ['id', 'agency_code', 'year', 'kind', 'template', 'region_code'], reports)
    await insertJson(db, 'report_figures', columns, figures)
    if (revisions.length > 0) {
      await insertJson(db, 'report_revision', ['report_id', 'revision', 'body'], revisions)
      await insertJson(db, 'report_analysis', ['report_id', 'revision', 'status', 'error_count', 'warning_count', 'info_count', 'not_assessable_count'], analyses)
    }
    revisions = []
    analyses = []
    agencies = []
    reports = []
    figures = []
  }
  let id = 0
  for (const { body, status } of generateReports(REPORTS, options)) {
    id++
    const { code, name, regionCode } = body.agency
    if (!seen.has(code)) {
      seen.add(code)
      agencies.push({ code, name, region_code: regionCode })
    }
    const county = !regionCode.endsWith('00')
    if (county && body.year === 2023 && body.kind === 'agency' && !departments.has(regionCode)) departments.set(regionCode, body)
    if (county && body.year === 2023 && body.kind === 'government') summarised.add(regionCode)
    reports.push({ id, agency_code: code, year: body.year, kind: body.kind, template: body.template, region_code: regionCode })
    if (body.kind === 'government') {
      revisions.push({ report_id: id, revision: 1, body })
      analyses.push({ report_id: id, revision: 1, status, error_count: 0, warning_count: 0, info_count: 0, not_assessable_count: 0 })
    }
    const row = figuresRow(id, body, status)
    if (columns.length === 0) columns = Object.keys(row)
    figures.push(row)
    if (figures.length === BATCH) await flush()
  }
  if (figures.length > 0) await flush()
  if (!GENERATED_SUMMARIES) await coverParts(db)
  await sql`select setval(pg_get_serial_sequence('report', 'id'), ${id})`.execute(db)
  await sql`vacuum analyze`.execute(db)
  return { loaded: id, departments, summarised }
}

interface Timing { readonly name: string, readonly runs: number, readonly medianMs: number, readonly p95Ms: number, readonly minMs: number }

function summarise (name: string, samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  const round = (value: number) => Math.round(value * 1000) / 1000
  return { name, runs: sorted.length, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), minMs: round(sorted[0] ?? 0) }
}

let sequence = 0
/** A new department of `region`, with the tables of a generated department of the same county. */
function newDepartment (template: AnnualReport, region: string): AnnualReport {
  sequence++
  const stem = `11${region}MB${String(9_000_000 + sequence).padStart(7, '0')}`
  return { ...template, agency: { code: `${stem}${creditCodeCheckCharacter(stem)}`, name: `${region}区划新部门${sequence}`, regionCode: region } }
}

async function main (): Promise<void> {
  const database = benchDatabase('gov_parts_bench')
  await database.create()
  const db = createDatabase({ url: database.url, poolMax: 2 })
  try {
    await migrateToLatest(db)
    const started = performance.now()
    const { loaded, departments, summarised } = await load(db)
    const loadSeconds = (performance.now() - started) / 1000
    const withSummary = [...departments.keys()].filter((region) => summarised.has(region))
    const withoutSummary = [...departments.keys()].filter((region) => !summarised.has(region))
    const { rows: [size] } = await sql<{ table: string, indexes: string, county: string }>`
      select pg_size_pretty(pg_table_size('report_figures')) as table, pg_size_pretty(pg_indexes_size('report_figures')) as indexes,
        (select round(avg(n), 1) from (select count(*) as n from report_figures where kind = 'agency' and year = 2023 and region_code not like '%00' group by region_code) as per_county)::text as county`.execute(db)
    console.log(`summaries: ${GENERATED_SUMMARIES ? 'as generated (most cells below their parts)' : 'covering their parts'}`)
    console.log(`${loaded} reports loaded in ${loadSeconds.toFixed(0)} s; report_figures ${size?.table} + ${size?.indexes} of indexes; ` +
      `${size?.county} departments per county-year; ${withSummary.length} counties with a 2023 summary, ${withoutSummary.length} without; load ${uptime()}`)

    const write: number[] = []
    const hook: number[] = []
    const hookNoSummary: number[] = []
    const writeNoSummary: number[] = []
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const region = withSummary[run % withSummary.length] as string
      const body = newDepartment(departments.get(region) as AnnualReport, region)
      let t0 = performance.now()
      const stored = await submitReport(ownTransaction(db), body, { strict: false, actor: ACTOR, grant: GRANT })
      const writeMs = performance.now() - t0
      if (stored.outcome !== 'created') throw new Error(`bench write was ${stored.outcome}`)
      const hookMs = await db.transaction().execute(async (trx) => {
        t0 = performance.now()
        const recomputed = await recomputeGovernmentParts(trx, [{ reportId: stored.report.id, revision: 1, body }])
        const elapsed = performance.now() - t0
        if (recomputed.length !== 1) throw new Error(`expected one summary recomputed in ${region}, got ${recomputed.length}`)
        return elapsed
      })
      const lonely = withoutSummary[run % Math.max(1, withoutSummary.length)]
      let lonelyMs = Number.NaN
      if (lonely !== undefined) {
        const other = newDepartment(departments.get(lonely) as AnnualReport, lonely)
        lonelyMs = await db.transaction().execute(async (trx) => {
          t0 = performance.now()
          await recomputeGovernmentParts(trx, [{ reportId: stored.report.id, revision: 1, body: other }])
          return performance.now() - t0
        })
      }
      let lonelyWriteMs = Number.NaN
      if (lonely !== undefined) {
        const lonelyBody = newDepartment(departments.get(lonely) as AnnualReport, lonely)
        t0 = performance.now()
        const lonelyStored = await submitReport(ownTransaction(db), lonelyBody, { strict: false, actor: ACTOR, grant: GRANT })
        lonelyWriteMs = performance.now() - t0
        if (lonelyStored.outcome !== 'created') throw new Error(`bench write was ${lonelyStored.outcome}`)
      }
      if (run >= WARMUP) {
        write.push(writeMs)
        hook.push(hookMs)
        if (!Number.isNaN(lonelyMs)) hookNoSummary.push(lonelyMs)
        if (!Number.isNaN(lonelyWriteMs)) writeNoSummary.push(lonelyWriteMs)
      }
    }
    const timings = [summarise('department write (submitReport, GOV-PARTS included)', write), summarise('GOV-PARTS of that write alone (county with a summary)', hook),
      summarise('GOV-PARTS of a write in a county without a summary', hookNoSummary),
      summarise('department write into a county without a summary', writeNoSummary)]
    const [w, h, , lone] = timings
    const share = w !== undefined && h !== undefined ? h.medianMs / (w.medianMs - h.medianMs) : Number.NaN
    // Where GOV-PARTS runs inside the write's own round trips, the hook (a round trip of its own) overstates it: the
    // write's extra time over the same write where no summary is stored is its cost there.
    const difference = w !== undefined && lone !== undefined ? (w.medianMs - lone.medianMs) / lone.medianMs : Number.NaN
    console.log('| task | runs | median ms | p95 ms | min ms |\n|---|---|---|---|---|')
    for (const timing of timings) console.log(`| ${timing.name} | ${timing.runs} | ${timing.medianMs} | ${timing.p95Ms} | ${timing.minMs} |`)
    console.log(`GOV-PARTS adds ${(share * 100).toFixed(1)} % to a department's write (median hook ÷ (median write − median hook)).`)
    console.log(`A department's write into a county with a summary takes ${(difference * 100).toFixed(1)} % longer than into one without ` +
      '((median write − median write without a summary) ÷ median write without a summary).')

    const region = withSummary[0] as string
    const { rows: plan } = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers, costs off) ${sql.raw(SUMMARIES_WITH_PARTS_SQL.replace('$1::jsonb', `'${JSON.stringify([{ region_code: region, year: 2023 }])}'::jsonb`))}`.execute(db)
    const explain = plan.map((row) => row['QUERY PLAN']).join('\n')
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the summary recompute for county ${region}, 2023:\n${explain}`)
    mkdirSync(RESULTS, { recursive: true })
    writeFileSync(new URL('government-parts.json', RESULTS), JSON.stringify({ summaries: GENERATED_SUMMARIES ? 'generated' : 'covering', loaded, loadSeconds, size, timings, share, difference, explain, load: uptime() }, null, 2))
  } finally {
    await db.destroy()
    if (process.env.KEEP === '1') console.log(`kept database ${database.name}`)
    else await database.drop()
  }
}

await main()
