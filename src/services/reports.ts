/**
 * Writes that span several tables and years: a report revision, its findings and changes, and the
 * recomputed results of the next year's report that depends on it — all in one transaction.
 */
import type { Kysely } from 'kysely'
import {
  findYearReport, lockAgencyReports, saveAnalysis, touchReport, type YearNeighbour
} from '../db/analysis-repository.js'
import type { Database } from '../db/database.js'
import { appendEvents } from '../db/feed-repository.js'
import {
  createReport, type CreateOutcome, type Executor, findReport, reviseReport, type ReviseOutcome
} from '../db/report-repository.js'
import { analyseReport, type ReportAnalysis, withFingerprint } from '../domain/analysis.js'
import { DomainError } from '../domain/errors.js'
import type { AnnualReport } from '../domain/report.js'
import type { ReportSummary } from '../domain/stored-report.js'

export interface WriteOptions {
  /** Refuse (and store nothing) when a rule of severity `error` fails. */
  readonly strict: boolean
}

async function previousYearOf (db: Executor, body: AnnualReport): Promise<YearNeighbour | undefined> {
  return await findYearReport(db, body.agency.code, body.kind, body.year - 1)
}

/** Analyses a stored revision against the prior year as stored now, and saves the result. */
async function analyseAndSave (db: Executor, target: { reportId: number, revision: number }, body: AnnualReport): Promise<ReportAnalysis> {
  const previous = await previousYearOf(db, body)
  const analysis = analyseReport(body, previous?.body ?? null)
  await saveAnalysis(db, target, analysis, previous === undefined ? null : { reportId: previous.reportId, revision: previous.revision })
  return analysis
}

/**
 * Year N+1's cross-year results and changes depend on year N: recompute them after N changed, then
 * record both in the change feed (last, see `appendEvents`).
 */
async function recomputeNextYearAndRecord (db: Executor, stored: { reportId: number, revision: number }, body: AnnualReport): Promise<void> {
  const next = await findYearReport(db, body.agency.code, body.kind, body.year + 1)
  if (next !== undefined) {
    await analyseAndSave(db, { reportId: next.reportId, revision: next.revision }, next.body)
    await touchReport(db, next.reportId)
  }
  await appendEvents(db, [
    { type: 'revision_stored', ...stored },
    ...(next === undefined ? [] : [{ type: 'findings_recomputed' as const, reportId: next.reportId, revision: next.revision }])
  ])
}

function refuseIfInconsistent (analysis: ReportAnalysis, body: AnnualReport, options: WriteOptions): void {
  if (!options.strict || analysis.summary.counts.error === 0) return
  const failedErrors = analysis.findings.filter((finding) => finding.status === 'failed' && finding.severity === 'error')
  throw new DomainError('REPORT_INCONSISTENT',
    `${failedErrors.length} consistency rule${failedErrors.length === 1 ? '' : 's'} failed with severity error for agency ${body.agency.code}, year ${body.year}; nothing was stored.`,
    { findings: failedErrors.map(withFingerprint) })
}

async function refreshed (db: Executor, report: ReportSummary): Promise<ReportSummary> {
  return await findReport(db, report.id) ?? report
}

/**
 * Stores a new report with its analysis, then recomputes the next year's report, in one transaction.
 * Replays and conflicts store nothing.
 */
export async function submitReport (db: Kysely<Database>, body: AnnualReport, options: WriteOptions): Promise<CreateOutcome> {
  return await db.transaction().execute(async (trx) => {
    await lockAgencyReports(trx, body.agency.code, body.kind)
    const result = await createReport(trx, body)
    if (result.outcome !== 'created') return result
    const stored = { reportId: result.report.id, revision: 1 }
    const analysis = await analyseAndSave(trx, stored, body)
    refuseIfInconsistent(analysis, body, options)
    await recomputeNextYearAndRecord(trx, stored, body)
    return { outcome: 'created', report: await refreshed(trx, result.report) }
  })
}

/** Stores the next revision of a report with its analysis, then recomputes the next year's report. */
export async function reviseStoredReport (
  db: Kysely<Database>, id: number, acceptedVersions: readonly number[] | 'any', body: AnnualReport, options: WriteOptions
): Promise<ReviseOutcome> {
  return await db.transaction().execute(async (trx) => {
    await lockAgencyReports(trx, body.agency.code, body.kind)
    const result = await reviseReport(trx, id, acceptedVersions, body)
    if (result.outcome !== 'revised') return result
    const stored = { reportId: id, revision: result.report.latestRevision }
    const analysis = await analyseAndSave(trx, stored, body)
    refuseIfInconsistent(analysis, body, options)
    await recomputeNextYearAndRecord(trx, stored, body)
    return { outcome: 'revised', report: await refreshed(trx, result.report) }
  })
}

export interface Validation {
  readonly analysis: ReportAnalysis
  readonly previous: { readonly reportId: number, readonly revision: number, readonly year: number } | null
}

/** The analysis a body would get if stored now, against the stored prior year; stores nothing. */
export async function validateReport (db: Executor, body: AnnualReport): Promise<Validation> {
  const previous = await previousYearOf(db, body)
  return {
    analysis: analyseReport(body, previous?.body ?? null),
    previous: previous === undefined ? null : { reportId: previous.reportId, revision: previous.revision, year: body.year - 1 }
  }
}
