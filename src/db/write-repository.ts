/**
 * A report's write (`submitReport`, `reviseStoredReport` in src/services/reports.ts) in two round trips between BEGIN
 * and COMMIT, through the database functions of migration 2026_12_04_120000: `prepareWrite` takes the write's locks
 * and reads, after them, all it is judged and analysed against; `storeWrite` stores all the service made of it and
 * reads the report back as written. Executor first; rows mapped to domain types here.
 */
import type { ReportKind } from '../domain/report.js'
import type { AnnualReport } from '../domain/report.js'
import type { ReportAtRevision } from '../domain/stored-report.js'
import type { Actor } from '../domain/access.js'
import { type AnalysisEntry, analysisRows, type YearNeighbour } from './analysis-repository.js'
import { type AuditTarget, auditRows } from './audit-repository.js'
import type { Executor } from './executor.js'
import { eventRows, type ReportEventType } from './feed-repository.js'
import { figuresRows, type ReportFiguresEntry } from './figures-repository.js'
import { type RegionYear, regionYearText, type SummaryWithParts, toSummaryWithParts, uniqueRegionYears } from './parts-repository.js'
import { agencyRows, newReportRow, type RevisionSource, toReportAtRevision } from './report-repository.js'
import * as statements from './statements.js'

/** The id that stands, in the rows of a write that creates its report, for the report it creates. */
export const CREATED_REPORT = 0

export interface PreparedWrite {
  /** The stored region of the body's agency; undefined for a new agency. */
  readonly agencyRegionCode: string | undefined
  /** The report stored under the body's natural key, its latest revision, and whether that revision's body equals the one sent. */
  readonly stored: { readonly reportId: number, readonly revision: number, readonly regionCode: string, readonly same: boolean } | undefined
  /** The report to revise, its row locked until commit; undefined when none was asked for or no report has the id. */
  readonly revised: {
    readonly agencyCode: string
    readonly regionCode: string
    readonly year: number
    readonly kind: ReportKind
    readonly version: number
    readonly revision: number
    /** Its latest revision's body equals the one sent (jsonb equality, which ignores key order). */
    readonly same: boolean
  } | undefined
  /** The same agency's report of the year before, at its latest revision. */
  readonly previous: YearNeighbour | undefined
  /** The same agency's report of the year after. */
  readonly next: YearNeighbour | undefined
}

interface PreparedDocument {
  agency_region_code: string | null
  stored: { id: number, current_revision: number, region_code: string, same: boolean } | null
  revised: { agency_code: string, region_code: string, year: number, kind: string, version: number, current_revision: number, same: boolean } | null
  neighbours: Array<{ id: number, year: number, current_revision: number, body: AnnualReport }>
}

/**
 * Takes the locks of a write of `body` (its agency's, then those of `regionYears`, in one global order), locks the
 * report `revisedReportId` if given, and reads what the write is judged and analysed against: one round trip. Each
 * read runs after the locks, in a snapshot of its own, so it sees every writer that held them before.
 */
export async function prepareWrite (
  db: Executor, body: AnnualReport, options: { readonly regionYears: readonly RegionYear[], readonly revisedReportId?: number }
): Promise<PreparedWrite> {
  const [row] = await statements.prepareReportWrite.run(db, [
    [body.agency.code],
    uniqueRegionYears(options.regionYears).map(regionYearText),
    options.revisedReportId === undefined ? null : String(options.revisedReportId),
    JSON.stringify(body)
  ])
  const prepared = row?.prepared as PreparedDocument | undefined
  if (prepared === undefined) throw new Error('report_write_prepare returned no row')
  const neighbour = (year: number): YearNeighbour | undefined => {
    const found = prepared.neighbours.find((candidate) => candidate.year === year)
    return found === undefined ? undefined : { reportId: Number(found.id), revision: found.current_revision, body: found.body }
  }
  const { stored, revised } = prepared
  return {
    agencyRegionCode: prepared.agency_region_code ?? undefined,
    stored: stored === null ? undefined : { reportId: Number(stored.id), revision: stored.current_revision, regionCode: stored.region_code, same: stored.same },
    revised: revised === null
      ? undefined
      : {
          agencyCode: revised.agency_code,
          regionCode: revised.region_code,
          year: revised.year,
          kind: revised.kind as ReportKind,
          version: revised.version,
          revision: revised.current_revision,
          same: revised.same
        },
    previous: neighbour(body.year - 1),
    next: neighbour(body.year + 1)
  }
}

/** Everything a write stores; `CREATED_REPORT` stands for the report it creates wherever a row names it. */
export interface ReportWrite {
  readonly report:
  | { readonly create: AnnualReport, readonly source: RevisionSource | undefined }
  | { readonly revise: AnnualReport, readonly reportId: number, readonly revision: number }
  /** Analyses (their findings with them) of revisions that have none stored, or whose stored ones are `replaced`. */
  readonly analyses: readonly AnalysisEntry[]
  readonly replaced: ReadonlyArray<{ readonly reportId: number, readonly revision: number }>
  readonly figures: readonly ReportFiguresEntry[]
  /** Reports marked changed (new results without a new revision). */
  readonly touched: readonly number[]
  /** The region-years whose summaries GOV-PARTS reads (taking their locks). */
  readonly partsScope: readonly RegionYear[]
  readonly audit: { readonly actor: Actor, readonly targets: readonly AuditTarget[] }
  /** The feed events, in order; then one `findings_recomputed` per summary found that none of `reported` is. */
  readonly events: ReadonlyArray<{ readonly type: ReportEventType, readonly reportId: number, readonly revision: number }>
  readonly reported: readonly number[]
}

/**
 * Stores a write in one round trip and reads the report back, at the revision written, as `GET` serves it; also
 * answers the summaries GOV-PARTS found with their parts added up (the service computes their results).
 */
export async function storeWrite (db: Executor, write: ReportWrite): Promise<{ reportId: number, summaries: SummaryWithParts[], written: ReportAtRevision }> {
  const { report } = write
  const body = 'create' in report ? report.create : report.revise
  const { analyses, findings } = analysisRows(write.analyses)
  const scope = uniqueRegionYears(write.partsScope)
  const document = {
    create: 'create' in report ? newReportRow(body, report.source) : null,
    revise: 'revise' in report ? { id: report.reportId, revision: report.revision, template: body.template, region_code: body.agency.regionCode, body } : null,
    revision: 'create' in report ? 1 : report.revision,
    agencies: agencyRows([body]),
    replaced: write.replaced.map(({ reportId, revision }) => ({ report_id: reportId, revision })),
    analyses,
    findings,
    figures: figuresRows(write.figures),
    touched: write.touched,
    parts_scope: scope.map(({ regionCode, year }) => ({ region_code: regionCode, year })),
    parts_locks: scope.map(regionYearText),
    audit: auditRows(write.audit.actor, write.audit.targets),
    events: eventRows(write.events),
    reported: write.reported
  }
  const [row] = await statements.storeReportWrite.run(db, [JSON.stringify(document)])
  if (row === undefined) throw new Error('report_write_store returned no row')
  const written = toReportAtRevision(row)
  return {
    reportId: Number(row.written_report_id),
    summaries: (row.summaries as statements.SummaryWithPartsRow[]).map(toSummaryWithParts),
    written
  }
}
