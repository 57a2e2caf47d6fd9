/**
 * A government's summary against the departments' reports of its region and year: GOV-PARTS recomputed in the
 * transaction that stores a report of either kind, and the coverage served with the summary.
 */
import { isDeepStrictEqual } from 'node:util'
import type { Executor } from '../db/executor.js'
import { findReportAtRevision } from '../db/report-repository.js'
import {
  comparableFinding, findAgencyYears, findRegionParts, lockRegionYears, lockSummariesWithParts, type PartsResult, type RegionYear,
  savePartsResults, type SummaryWithParts, withTopContributors
} from '../db/parts-repository.js'
import { statusOf, summarizeFindings } from '../domain/check-report.js'
import { DomainError } from '../domain/errors.js'
import {
  type CellCoverage, coverageOf, COVERAGE_POINTERS, findExceedances, HEADLINE_COVERAGE_POINTER, type RegionParts, RULE_POINTERS
} from '../domain/government-parts.js'
import { reportCells } from '../domain/cells.js'
import type { AnnualReport } from '../domain/report.js'
import { govPartsFindings } from '../domain/rules/gov-parts.js'
import type { ReportSummary } from '../domain/stored-report.js'

/** A revision written in this transaction whose analysis and figures are saved. */
export interface WrittenRevision {
  readonly reportId: number
  readonly revision: number
  readonly body: AnnualReport
}

const regionYearOf = (body: AnnualReport): RegionYear => ({ regionCode: body.agency.regionCode, year: body.year })

/**
 * Takes, before a write locks or updates any report row, the region-year locks its GOV-PARTS will need when it stores
 * a summary: the summary's region-year and the next year's (whose summary it recomputes), and with them those of the
 * departments written beside it. A department's writer holds its region-year's lock when it marks the summary
 * changed; a summary's writer that held the summary's row (or the next year's) first would deadlock with it. A write
 * of departments only locks no summary row before its GOV-PARTS, and takes its locks there, at once.
 */
export async function lockForSummaryWrites (db: Executor, bodies: readonly AnnualReport[]): Promise<void> {
  const regionYears = summaryWriteLocks(bodies)
  if (regionYears.length > 0) await lockRegionYears(db, regionYears)
}

/** The region-years whose locks a write of `bodies` takes before any report row (see `lockForSummaryWrites`). */
export function summaryWriteLocks (bodies: readonly AnnualReport[]): RegionYear[] {
  if (!bodies.some((body) => body.kind === 'government')) return []
  return bodies.flatMap((body) => body.kind === 'government'
    ? [regionYearOf(body), { regionCode: body.agency.regionCode, year: body.year + 1 }]
    : [regionYearOf(body)])
}

/**
 * The region-years whose summaries GOV-PARTS recomputes after these revisions (see `recomputeGovernmentParts`):
 * those of the revisions written, and of the summaries among the reports `recomputed`.
 */
export function governmentPartsScope (written: readonly WrittenRevision[], recomputed: readonly WrittenRevision[] = []): RegionYear[] {
  return [
    ...written.map(({ body }) => regionYearOf(body)),
    ...recomputed.filter(({ body }) => body.kind === 'government').map(({ body }) => regionYearOf(body))
  ]
}

/**
 * Recomputes GOV-PARTS of every summary of the region-years these revisions touch (written summaries included,
 * whose analyses were saved without it), after their figures are saved, for any number of them: one round trip takes
 * the region-years' locks and then finds the summaries with their parts added up (and marks them changed); only
 * where that changes their GOV-PARTS findings, one more looks up the contributors and one saves the results. A reviewer's decision
 * follows a finding by fingerprint (rule and cell), so it survives. Returns the summaries recomputed that are
 * neither written nor `recomputed`, for the feed's `findings_recomputed` events.
 *
 * `recomputed` are reports of other agencies re-analysed in this transaction (a next year's report): a summary
 * among them has lost its GOV-PARTS findings and is recomputed too.
 */
export async function recomputeGovernmentParts (
  db: Executor, written: readonly WrittenRevision[], recomputed: readonly WrittenRevision[] = []
): Promise<Array<{ reportId: number, revision: number }>> {
  return await recomputeRegionYears(db, governmentPartsScope(written, recomputed), new Set([...written, ...recomputed].map(({ reportId }) => reportId)))
}

/**
 * After an agency moved from one region to another with its reports: GOV-PARTS of the summaries of both regions,
 * in every year it has a report (it left the one's parts and joined the other's). Returns the summaries recomputed.
 */
export async function recomputeAfterMove (
  db: Executor, agencyCode: string, regions: readonly string[]
): Promise<Array<{ reportId: number, revision: number }>> {
  return await recomputeRegionYears(db, await moveScope(db, agencyCode, regions), new Set())
}

/**
 * Takes, before an agency's reports move, the region-year locks `recomputeAfterMove` will need: a summary's reports
 * moving are summary rows updated, which must not happen before the locks (see `lockForSummaryWrites`).
 */
export async function lockForMove (db: Executor, agencyCode: string, regions: readonly string[]): Promise<void> {
  await lockRegionYears(db, await moveScope(db, agencyCode, regions))
}

async function moveScope (db: Executor, agencyCode: string, regions: readonly string[]): Promise<RegionYear[]> {
  const years = await findAgencyYears(db, agencyCode)
  return years.flatMap((year) => regions.map((regionCode) => ({ regionCode, year })))
}

/** `recomputeGovernmentParts` over region-years; `reported` are reports the caller's feed events already name. */
async function recomputeRegionYears (
  db: Executor, scope: readonly RegionYear[], reported: ReadonlySet<number>
): Promise<Array<{ reportId: number, revision: number }>> {
  if (scope.length === 0) return []
  const summaries = await lockSummariesWithParts(db, scope)
  await completeGovernmentParts(db, summaries)
  return summaries.filter(({ reportId }) => !reported.has(reportId)).map(({ reportId, revision }) => ({ reportId, revision }))
}

/**
 * GOV-PARTS's results of summaries found with their parts added up (`lockSummariesWithParts`, or the write's
 * `storeWrite`), saved where they change: only then, one round trip looks up the contributors of the exceeded
 * cells and one saves the results. A reviewer's decision follows a finding by fingerprint (rule and cell), so it
 * survives. Returns the summaries whose results changed.
 */
export async function completeGovernmentParts (db: Executor, summaries: readonly SummaryWithParts[]): Promise<{ changed: number[] }> {
  if (summaries.length === 0) return { changed: [] }
  // The contributors are looked up only for the cells exceeded (usually none: then this is no statement).
  const completed = await withTopContributors(db, summaries.map(({ cells, parts }) =>
    ({ parts, cells: findExceedances(cells, parts).map(({ pointer }) => pointer) })), RULE_POINTERS)
  const results = summaries.map(({ reportId, revision, cells, otherFindings, storedFindings }, position) => {
    const parts = completed[position]
    if (parts === undefined) throw new Error(`no parts for summary ${reportId}`)
    const findings = govPartsFindings(cells, parts)
    const own = summarizeFindings(findings).counts
    const other = otherFindings.counts
    const counts = {
      error: other.error + own.error,
      warning: other.warning + own.warning,
      info: other.info + own.info,
      notAssessable: other.notAssessable + own.notAssessable
    }
    const unchanged = isDeepStrictEqual(findings.map(comparableFinding), storedFindings)
    const result: PartsResult = { reportId, revision, firstOrdinal: otherFindings.count, findings, summary: { status: statusOf(counts), counts } }
    return { result, unchanged }
  })
  // Stored findings equal to the recomputed ones are left as they are, with the counts that include them.
  const changed = results.filter(({ unchanged }) => !unchanged).map(({ result }) => result)
  await savePartsResults(db, changed)
  return { changed: changed.map(({ reportId }) => reportId) }
}

/** The stored departments' reports a government body would be checked against (for `validate`); undefined for an agency's. */
export async function partsForCheck (db: Executor, body: AnnualReport): Promise<RegionParts | undefined> {
  if (body.kind !== 'government') return undefined
  const parts = (await findRegionParts(db, [regionYearOf(body)], RULE_POINTERS)).get(regionYearOf(body))
  const cells = findExceedances(reportCells(body), parts).map(({ pointer }) => pointer)
  const [completed] = await withTopContributors(db, [{ parts, cells }], RULE_POINTERS)
  return completed
}

export interface GovernmentParts {
  readonly report: ReportSummary
  readonly revision: number
  readonly parts: RegionParts
  readonly coverage: readonly CellCoverage[]
}

/**
 * The summary `id` (its latest revision) with the departments' reports stored for its region and year and, per cell
 * of tables 二, 三 and 四 but the stocks, Σ parts ÷ summary. REPORT_NOT_FOUND for no report, NOT_A_GOVERNMENT_REPORT
 * for a department's own report.
 */
export async function governmentParts (db: Executor, id: number): Promise<GovernmentParts> {
  const found = await findReportAtRevision(db, id)
  if (found === undefined) throw new DomainError('REPORT_NOT_FOUND', `No report has id ${id}.`)
  const { report, revision } = found
  if (report.kind !== 'government') {
    throw new DomainError('NOT_A_GOVERNMENT_REPORT',
      `Report ${id} is an agency's own report (kind agency); only a government's summary (kind government) has parts.`)
  }
  if (revision === undefined) throw new Error(`report ${id} has no revision ${report.latestRevision}`)
  return { report, revision: revision.revision, ...await coverageFor(db, JSON.parse(revision.bodyText) as AnnualReport) }
}

/** A summary body's stored parts and its coverage by them (see `governmentParts`). */
export async function coverageFor (db: Executor, summary: AnnualReport): Promise<{ parts: RegionParts, coverage: CellCoverage[] }> {
  const found = (await findRegionParts(db, [regionYearOf(summary)], COVERAGE_POINTERS)).get(regionYearOf(summary))
  const [parts = found] = await withTopContributors(db, [{ parts: found, cells: [...found.cells.keys()] }], COVERAGE_POINTERS)
  return { parts, coverage: coverageOf(summary, parts) }
}

/** What a summary's page says of its parts: how many departments are stored and their share of 本年新收 总计. */
export async function partsSummaryLine (db: Executor, id: number, summary: AnnualReport): Promise<{ departments: number, newReceivedRatio: number | null, href: string }> {
  const { parts, coverage } = await coverageFor(db, summary)
  const headline = coverage.find((cell) => cell.pointer === HEADLINE_COVERAGE_POINTER)
  return { departments: parts.departments.length, newReceivedRatio: headline?.ratio ?? null, href: `/v1/reports/${id}/parts` }
}
