/**
 * Reports and their revisions. Every function takes the executor first (a Kysely instance or an
 * open transaction): the caller decides the transaction, and rows are mapped to domain types here.
 */
import { sql } from 'kysely'
import type { ReportOwner, StoredOwnership } from '../domain/access.js'
import type { FindingSummary } from '../domain/check-report.js'
import type { AnnualReport, ReportKind, Template } from '../domain/report.js'
import type { Agency, AgencyReportEntry, ReportAtRevision, ReportSummary, RevisionInfo } from '../domain/stored-report.js'
import { reportKeyOf, reportKeyText } from '../domain/report-key.js'
import type { Executor } from './executor.js'
import { prepareStatement } from './prepared.js'
import * as statements from './statements.js'

const SUMMARY_COLUMNS = [
  'report.id', 'report.agency_code', 'agency.name as agency_name', 'report.region_code', 'report.year', 'report.kind',
  'report.template', 'report.current_revision', 'report.version', 'report.created_at', 'report.updated_at',
  'report_analysis.status', 'report_analysis.error_count', 'report_analysis.warning_count', 'report_analysis.info_count',
  'report_analysis.not_assessable_count'
] as const

interface SummaryRow {
  id: string
  agency_code: string
  agency_name: string
  region_code: string
  year: number
  kind: string
  template: string
  current_revision: number
  version: number
  created_at: Date
  updated_at: Date
  status: string | null
  error_count: number | null
  warning_count: number | null
  info_count: number | null
  not_assessable_count: number | null
}

function toAnalysisSummary (row: SummaryRow): FindingSummary | null {
  if (row.status === null) return null
  return {
    status: row.status as FindingSummary['status'],
    counts: { error: row.error_count ?? 0, warning: row.warning_count ?? 0, info: row.info_count ?? 0, notAssessable: row.not_assessable_count ?? 0 }
  }
}

function toSummary (row: SummaryRow): ReportSummary {
  return {
    id: Number(row.id),
    agencyCode: row.agency_code,
    agencyName: row.agency_name,
    regionCode: row.region_code,
    year: row.year,
    kind: row.kind as ReportKind,
    template: row.template as Template,
    latestRevision: row.current_revision,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    analysis: toAnalysisSummary(row)
  }
}

/** Reports with their agency and the analysis of their latest revision (absent only mid-transaction). */
function selectSummaries (db: Executor) {
  return db.selectFrom('report')
    .innerJoin('agency', 'agency.code', 'report.agency_code')
    .leftJoin('report_analysis', (join) => join
      .onRef('report_analysis.report_id', '=', 'report.id')
      .onRef('report_analysis.revision', '=', 'report.current_revision'))
    .select(SUMMARY_COLUMNS)
}

/**
 * Stores new agencies with the name and region their report states, and renames stored ones as their most
 * recent report names them, in one statement: a report for an earlier year never overwrites what a later
 * year's report said. Of several bodies for one agency the latest year's counts (the last given among equals),
 * as if they had been stored one by one. A stored agency keeps its region: only an admin moves it
 * (`moveAgency`), and writes stating another region are refused before they get here.
 */
export async function upsertAgencies (db: Executor, bodies: readonly AnnualReport[]): Promise<void> {
  const agencies = agencyRows(bodies)
  if (agencies.length === 0) return
  await statements.upsertAgencies.run(db, [JSON.stringify(agencies)])
}

/** The agencies of bodies as `upsertAgencies` reads them: each once, with its latest year's name, in code order. */
export function agencyRows (bodies: readonly AnnualReport[]): object[] {
  const latest = new Map<string, AnnualReport>()
  for (const body of bodies) {
    const seen = latest.get(body.agency.code)
    if (seen === undefined || body.year >= seen.year) latest.set(body.agency.code, body)
  }
  // In code order, the order every writer takes the agencies' row locks in.
  return [...latest.values()]
    .sort((a, b) => a.agency.code < b.agency.code ? -1 : 1)
    .map(({ agency, year }) => ({ code: agency.code, name: agency.name, region_code: agency.regionCode, year }))
}

/** The published text a report was imported from. */
export interface RevisionSource {
  readonly text: string
  readonly format: 'text' | 'html'
}

/** The stored report under a body's natural key: its latest revision, and whether that revision's body equals the given one. */
export interface CurrentRevision {
  readonly reportId: number
  readonly revision: number
  /** jsonb equality, which ignores key order. */
  readonly same: boolean
}

/**
 * For each body (by position), the stored report under its natural key, or undefined. Two statements at most:
 * the keys first, then the bodies of only those stored, to compare (a first upload sends no body twice).
 */
export async function findCurrentRevisions (db: Executor, bodies: readonly AnnualReport[]): Promise<Array<CurrentRevision | undefined>> {
  if (bodies.length === 0) return []
  const keys = bodies.map((body, ordinal) => ({ ordinal, agency_code: body.agency.code, year: body.year, kind: body.kind }))
  const stored = await statements.storedKeys.run(db, [JSON.stringify(keys)])
  const found: Array<CurrentRevision | undefined> = bodies.map(() => undefined)
  if (stored.length === 0) return found
  const compared = stored.map((row) => ({ ordinal: row.ordinal, id: row.id, revision: row.current_revision, body: bodies[row.ordinal] }))
  for (const row of await statements.comparedBodies.run(db, [JSON.stringify(compared)])) {
    found[row.ordinal] = { reportId: Number(row.id), revision: row.revision, same: row.same }
  }
  return found
}

/** The columns of a new report row and its first revision, as the statements that store one read them. */
export function newReportRow (body: AnnualReport, source: RevisionSource | undefined): object {
  return {
    agency_code: body.agency.code,
    year: body.year,
    kind: body.kind,
    template: body.template,
    region_code: body.agency.regionCode,
    body,
    source_text: source?.text ?? null,
    source_format: source?.format ?? null
  }
}

/**
 * Stores new reports as revision 1, each report with its revision in one statement. Returns the new id of
 * each body by position; undefined where another transaction stored the same natural key first (nothing is
 * inserted for it). The agencies must be stored already (`upsertAgencies`).
 */
export async function createReports (
  db: Executor, reports: ReadonlyArray<{ readonly body: AnnualReport, readonly source?: RevisionSource }>
): Promise<Array<number | undefined>> {
  if (reports.length === 0) return []
  const input = reports.map(({ body, source }, ordinal) => ({ ordinal, ...newReportRow(body, source) }))
  const rows = await statements.createReports.run(db, [JSON.stringify(input)])
  const ids = new Map(rows.map((row) => [reportKeyText({ agencyCode: row.agency_code, kind: row.kind as ReportKind, year: row.year }), Number(row.id)]))
  return reports.map(({ body }) => ids.get(reportKeyText(reportKeyOf(body))))
}

/**
 * Stores the next revision of stored reports, each revision and its report's new state in one statement.
 * The caller holds the reports' locks and gives each report's current revision + 1.
 */
export async function storeRevisions (
  db: Executor, revisions: ReadonlyArray<{ readonly reportId: number, readonly revision: number, readonly body: AnnualReport }>
): Promise<void> {
  if (revisions.length === 0) return
  const input = revisions.map(({ reportId, revision, body }) => ({ id: reportId, revision, template: body.template, region_code: body.agency.regionCode, body }))
  await statements.storeRevisions.run(db, [JSON.stringify(input), revisions.map(({ reportId }) => reportId)])
}

const reportById = prepareStatement((db, { id }: { id: string }) => selectSummaries(db).where('report.id', '=', id), { id: '-1' })

export async function findReport (db: Executor, id: number): Promise<ReportSummary | undefined> {
  const [row] = await reportById(db, { id: String(id) })
  return row === undefined ? undefined : toSummary(row)
}

/** Several reports in one statement, by id (a batch's answers). */
export async function findReports (db: Executor, ids: readonly number[]): Promise<Map<number, ReportSummary>> {
  if (ids.length === 0) return new Map()
  const rows = await selectSummaries(db).where('report.id', 'in', [...new Set(ids)].map(String)).execute()
  return new Map(rows.map((row) => [Number(row.id), toSummary(row)]))
}

/** A report the caller knows is stored (it holds its lock, or has just read it). */
export async function getSummaryOrThrow (db: Executor, id: number): Promise<ReportSummary> {
  const report = await findReport(db, id)
  if (report === undefined) throw new Error(`report ${id} not found`)
  return report
}

const reportAtRevision = prepareStatement((db, { id, revision }: { id: string, revision: number | null }) => selectSummaries(db)
  .leftJoin('report_revision as served', (join) => join
    .onRef('served.report_id', '=', 'report.id')
    .on(sql<boolean>`served.revision = coalesce(${revision}::integer, report.current_revision)`))
  .leftJoin('report_analysis as served_analysis', (join) => join
    .onRef('served_analysis.report_id', '=', 'report.id')
    .onRef('served_analysis.revision', '=', 'served.revision'))
  .select([
    'served.revision as served_revision',
    'served.created_at as served_created_at',
    sql<string | null>`served.body::text`.as('served_body'),
    'served_analysis.status as served_status',
    'served_analysis.error_count as served_error_count',
    'served_analysis.warning_count as served_warning_count',
    'served_analysis.info_count as served_info_count',
    'served_analysis.not_assessable_count as served_not_assessable_count'
  ])
  .where('report.id', '=', id), { id: '-1', revision: -1 })

/**
 * A report and one revision (the latest unless `revision` is given) in one statement, with the body as
 * jsonb's text: the read endpoint sends it as it is, so pg never parses it and nothing re-serialises it.
 */
export async function findReportAtRevision (db: Executor, id: number, revision?: number): Promise<ReportAtRevision | undefined> {
  const [row] = await reportAtRevision(db, { id: String(id), revision: revision ?? null })
  return row === undefined ? undefined : toReportAtRevision(row)
}

/** A report and one of its revisions, served as they were read (the report's columns, then the revision's, `served_`). */
export interface ReportAtRevisionRow extends SummaryRow {
  served_revision: number | null
  served_created_at: Date | null
  served_body: string | null
  served_status: string | null
  served_error_count: number | null
  served_warning_count: number | null
  served_info_count: number | null
  served_not_assessable_count: number | null
}

export function toReportAtRevision (row: ReportAtRevisionRow): ReportAtRevision {
  const report = toSummary(row)
  if (row.served_revision === null || row.served_created_at === null || row.served_body === null) return { report }
  return {
    report,
    revision: {
      revision: row.served_revision,
      createdAt: row.served_created_at,
      bodyText: row.served_body,
      analysis: toAnalysisSummary({
        ...row,
        status: row.served_status,
        error_count: row.served_error_count,
        warning_count: row.served_warning_count,
        info_count: row.served_info_count,
        not_assessable_count: row.served_not_assessable_count
      })
    }
  }
}

/** Every revision of a report, oldest first. */
export async function listRevisions (db: Executor, reportId: number): Promise<RevisionInfo[]> {
  const rows = await db.selectFrom('report_revision')
    .select(['revision', 'created_at', sql<Template>`body->>'template'`.as('template')])
    .where('report_id', '=', String(reportId))
    .orderBy('revision')
    .execute()
  return rows.map((row) => ({ revision: row.revision, createdAt: row.created_at, template: row.template }))
}

export interface ReportFilters {
  readonly agency?: string
  /** A prefix of the 6-digit region code. */
  readonly region?: string
  readonly year?: number
  readonly kind?: ReportKind
  readonly template?: Template
  /** Status of the latest revision's analysis. */
  readonly status?: FindingSummary['status']
  /** Reports whose latest revision fails this rule. */
  readonly rule?: string
}

/**
 * One page of reports in id order, the stable order that keyset pagination needs:
 * `afterId` is the last id of the previous page. Fetches one extra row to know whether more follow.
 */
/** Reports after `afterId` matching `filters`, in id order (the stable order keyset pagination needs). */
function filteredSummaries (db: Executor, filters: ReportFilters, afterId: number) {
  let query = selectSummaries(db).where('report.id', '>', String(afterId))
  if (filters.agency !== undefined) query = query.where('report.agency_code', '=', filters.agency)
  if (filters.region !== undefined) query = query.where('report.region_code', 'like', `${filters.region}%`)
  if (filters.year !== undefined) query = query.where('report.year', '=', filters.year)
  if (filters.kind !== undefined) query = query.where('report.kind', '=', filters.kind)
  if (filters.template !== undefined) query = query.where('report.template', '=', filters.template)
  if (filters.status !== undefined) query = query.where('report_analysis.status', '=', filters.status)
  const rule = filters.rule
  if (rule !== undefined) {
    query = query.where(({ exists, selectFrom }) => exists(selectFrom('finding').select('finding.id')
      .whereRef('finding.report_id', '=', 'report.id')
      .whereRef('finding.revision', '=', 'report.current_revision')
      .where('finding.rule_id', '=', rule)
      .where('finding.status', '=', 'failed')))
  }
  return query.orderBy('report.id')
}

/**
 * One page of reports: `afterId` is the last id of the previous page. Fetches one extra row to know
 * whether more follow.
 */
export async function listReports (db: Executor, filters: ReportFilters, afterId: number, limit: number): Promise<{ reports: ReportSummary[], hasMore: boolean }> {
  const rows = await filteredSummaries(db, filters, afterId).limit(limit + 1).execute()
  return { reports: rows.slice(0, limit).map(toSummary), hasMore: rows.length > limit }
}

/**
 * Every matching report with the body of its latest revision, fetched `batchSize` at a time so that
 * exporting any number of reports holds only one batch in memory.
 */
export async function * streamReportsWithBodies (
  db: Executor, filters: ReportFilters, batchSize = 500
): AsyncGenerator<{ report: ReportSummary, body: AnnualReport }> {
  let afterId = 0
  for (;;) {
    const rows = await filteredSummaries(db, filters, afterId)
      .innerJoin('report_revision', (join) => join
        .onRef('report_revision.report_id', '=', 'report.id')
        .onRef('report_revision.revision', '=', 'report.current_revision'))
      .select('report_revision.body')
      .limit(batchSize)
      .execute()
    for (const row of rows) yield { report: toSummary(row), body: row.body as AnnualReport }
    const last = rows.at(-1)
    if (last === undefined || rows.length < batchSize) return
    afterId = Number(last.id)
  }
}

function agencyQuery (db: Executor) {
  return db.selectFrom('agency')
    .innerJoin('report', 'report.agency_code', 'agency.code')
    .select(({ fn }) => [
      'agency.code', 'agency.name', 'agency.region_code',
      fn.countAll<string>().as('report_count'),
      fn.min('report.year').as('first_year'),
      fn.max('report.year').as('last_year')
    ])
    .groupBy('agency.code')
}

function toAgency (row: { code: string, name: string, region_code: string, report_count: string, first_year: number, last_year: number }): Agency {
  return {
    code: row.code,
    name: row.name,
    regionCode: row.region_code,
    reportCount: Number(row.report_count),
    firstYear: row.first_year,
    lastYear: row.last_year
  }
}

/** One page of agencies in code order; `afterCode` is the last code of the previous page. */
export async function listAgencies (db: Executor, filters: { region?: string }, afterCode: string, limit: number): Promise<{ agencies: Agency[], hasMore: boolean }> {
  let query = agencyQuery(db).where('agency.code', '>', afterCode)
  if (filters.region !== undefined) query = query.where('agency.region_code', 'like', `${filters.region}%`)
  const rows = await query.orderBy('agency.code').limit(limit + 1).execute()
  return { agencies: rows.slice(0, limit).map(toAgency), hasMore: rows.length > limit }
}

/** An agency with its reports, newest year first. */
export async function findAgency (db: Executor, code: string): Promise<{ agency: Agency, reports: AgencyReportEntry[] } | undefined> {
  const row = await agencyQuery(db).where('agency.code', '=', code).executeTakeFirst()
  if (row === undefined) return undefined
  const reports = await db.selectFrom('report')
    .select(['id', 'year', 'kind', 'template', 'current_revision', 'updated_at'])
    .where('agency_code', '=', code)
    .orderBy('year', 'desc').orderBy('kind')
    .execute()
  return {
    agency: toAgency(row),
    reports: reports.map((report) => ({
      id: Number(report.id),
      year: report.year,
      kind: report.kind as ReportKind,
      template: report.template as Template,
      latestRevision: report.current_revision,
      updatedAt: report.updated_at
    }))
  }
}

/**
 * For each body (by position), what a write of it is judged against: its agency's stored region and the report
 * stored under its natural key, in one statement. Read under the agencies' locks (`lockAgencies`).
 */
export async function findStoredOwnerships (db: Executor, bodies: readonly AnnualReport[]): Promise<StoredOwnership[]> {
  if (bodies.length === 0) return []
  const keys = bodies.map((body, ordinal) => ({ ordinal, agency_code: body.agency.code, year: body.year, kind: body.kind }))
  const rows = await statements.storedOwnerships.run(db, [JSON.stringify(keys)])
  const found: StoredOwnership[] = bodies.map(() => ({ agencyRegionCode: undefined, report: undefined }))
  for (const row of rows) {
    const body = bodies[row.ordinal]
    if (body === undefined) continue
    found[row.ordinal] = {
      agencyRegionCode: row.agency_region_code ?? undefined,
      report: row.report_region_code === null ? undefined : { agencyCode: body.agency.code, regionCode: row.report_region_code }
    }
  }
  return found
}

/** The report's owner as stored and its agency's stored region, with the report's row locked against moves until commit. */
export async function lockReportOwner (db: Executor, id: number): Promise<{ report: ReportOwner, agencyRegionCode: string } | undefined> {
  const [row] = await statements.lockReportOwner.run(db, [String(id)])
  return row === undefined ? undefined : { report: { agencyCode: row.agency_code, regionCode: row.region_code }, agencyRegionCode: row.agency_region_code }
}

/** An agency's stored name and region; undefined when it is not stored. Read under its lock to act on it. */
export async function findAgencyRecord (db: Executor, code: string): Promise<{ name: string, regionCode: string } | undefined> {
  const [row] = await statements.agencyRecord.run(db, [code])
  return row === undefined ? undefined : { name: row.name, regionCode: row.region_code }
}

/**
 * Places an agency in a region (storing it when new, with `name`), and every report of it with it: their
 * summaries, figures and ETags follow. Stored revisions keep the region they were sent with. Answers the ids
 * and current revisions of the reports moved.
 */
export async function moveAgency (db: Executor, code: string, regionCode: string, name: string): Promise<Array<{ reportId: number, revision: number }>> {
  await statements.placeAgency.run(db, [code, name, regionCode])
  const moved = await statements.moveReports.run(db, [code, regionCode])
  await statements.moveFigures.run(db, [code, regionCode])
  return moved.map((row) => ({ reportId: Number(row.id), revision: row.current_revision }))
}
