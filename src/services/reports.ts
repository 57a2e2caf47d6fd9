/**
 * Writes that span several tables and years: a report revision, its findings and changes, and the
 * recomputed results of the next year's report that depends on it — all in one transaction.
 */
import type { Kysely } from 'kysely'
import {
  findYearReport, lockAgencyReports, saveAnalysis, touchReport, type YearNeighbour
} from '../db/analysis-repository.js'
import type { Database } from '../db/database.js'
import { recordAudit } from '../db/audit-repository.js'
import { appendEvents } from '../db/feed-repository.js'
import { saveFigures } from '../db/figures-repository.js'
import {
  createReport, type CreateOutcome, type Executor, findReport, reviseReport, type ReviseOutcome, type RevisionSource
} from '../db/report-repository.js'
import { inTransaction } from '../db/transactions.js'
import type { Actor } from '../domain/access.js'
import { analyseReport, type ReportAnalysis, withFingerprint } from '../domain/analysis.js'
import { DomainError } from '../domain/errors.js'
import type { AnnualReport } from '../domain/report.js'
import type { ReportSummary } from '../domain/stored-report.js'

export interface WriteOptions {
  /** Refuse (and store nothing) when a rule of severity `error` fails. */
  readonly strict: boolean
  /** Who writes, for the audit trail. */
  readonly actor: Actor
}

async function previousYearOf (db: Executor, body: AnnualReport): Promise<YearNeighbour | undefined> {
  return await findYearReport(db, body.agency.code, body.kind, body.year - 1)
}

/**
 * Analyses a report's latest revision against the prior year as stored now, and saves the result
 * with the revision's figures (the normalised cells that rollups add up).
 */
async function analyseAndSave (db: Executor, target: { reportId: number, revision: number }, body: AnnualReport): Promise<ReportAnalysis> {
  const previous = await previousYearOf(db, body)
  const analysis = analyseReport(body, previous?.body ?? null)
  await saveAnalysis(db, target, analysis, previous === undefined ? null : { reportId: previous.reportId, revision: previous.revision })
  await saveFigures(db, target.reportId, body, analysis.summary.status)
  return analysis
}

/** Year N+1's cross-year results and changes depend on year N: recompute them after N changed. */
async function recomputeNextYear (db: Executor, body: AnnualReport): Promise<YearNeighbour | undefined> {
  const next = await findYearReport(db, body.agency.code, body.kind, body.year + 1)
  if (next === undefined) return undefined
  await analyseAndSave(db, { reportId: next.reportId, revision: next.revision }, next.body)
  await touchReport(db, next.reportId)
  return next
}

/**
 * Records a stored revision (and the next year's recomputed results) in the change feed. It must be
 * the transaction's last statement: the feed lock it takes is held until commit and serialises writers.
 */
async function recordEvents (db: Executor, stored: { reportId: number, revision: number }, next: YearNeighbour | undefined): Promise<void> {
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

/**
 * What follows a stored revision, in the order the feed requires: its analysis (refused under
 * `strict`), the next year's recompute, the refreshed summary, and last the feed events.
 */
async function completeRevision (db: Executor, report: ReportSummary, body: AnnualReport, options: WriteOptions): Promise<ReportSummary> {
  const stored = { reportId: report.id, revision: report.latestRevision }
  refuseIfInconsistent(await analyseAndSave(db, stored, body), body, options)
  const next = await recomputeNextYear(db, body)
  const refreshed = await findReport(db, report.id) ?? report
  await recordAudit(db, options.actor, [{ action: stored.revision === 1 ? 'report.created' : 'report.revised', ...stored }])
  await recordEvents(db, stored, next)
  return refreshed
}

/**
 * Stores a new report with its analysis, then recomputes the next year's report, in one transaction.
 * Replays and conflicts store nothing.
 */
export async function submitReport (
  db: Kysely<Database>, body: AnnualReport, options: WriteOptions & { source?: RevisionSource }
): Promise<CreateOutcome> {
  return await inTransaction(db, async (trx) => {
    await lockAgencyReports(trx, body.agency.code, body.kind)
    const result = await createReport(trx, body, options.source)
    if (result.outcome !== 'created') return result
    return { outcome: 'created', report: await completeRevision(trx, result.report, body, options) }
  })
}

/** Stores the next revision of a report with its analysis, then recomputes the next year's report. */
export async function reviseStoredReport (
  db: Kysely<Database>, id: number, acceptedVersions: readonly number[] | 'any', body: AnnualReport, options: WriteOptions
): Promise<ReviseOutcome> {
  return await inTransaction(db, async (trx) => {
    await lockAgencyReports(trx, body.agency.code, body.kind)
    const result = await reviseReport(trx, id, acceptedVersions, body)
    if (result.outcome !== 'revised') return result
    return { outcome: 'revised', report: await completeRevision(trx, result.report, body, options) }
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

export type BatchOutcome = 'stored' | 'revised' | 'unchanged'

export interface BatchResult {
  /** Position of the report in the batch as given. */
  readonly index: number
  readonly outcome: BatchOutcome
  /** The revision this report is at after its line: the one stored, or the one it was equal to. */
  readonly revision: number
  readonly report: ReportSummary
}

const byNaturalKey = (a: AnnualReport, b: AnnualReport): number =>
  a.agency.code.localeCompare(b.agency.code) || a.kind.localeCompare(b.kind) || a.year - b.year

/**
 * Stores many reports in one transaction as an upsert: a new key is stored, a different body for a
 * stored key becomes its next revision, the same body changes nothing. Every revision is analysed
 * after the whole batch is written, so reports of consecutive years in one batch see each other, and
 * each next-year report outside the batch is recomputed once per batch rather than once per report.
 */
export async function storeBatch (db: Kysely<Database>, bodies: readonly AnnualReport[], actor: Actor): Promise<BatchResult[]> {
  // Locks are taken in one global order (agency, kind), so concurrent batches cannot deadlock.
  const ordered = bodies.map((body, index) => ({ body, index })).sort((a, b) => byNaturalKey(a.body, b.body))
  return await inTransaction(db, async (trx) => {
    const outcomes: Array<{ index: number, outcome: BatchOutcome, reportId: number, revision: number }> = []
    const written: Array<{ reportId: number, revision: number, body: AnnualReport }> = []
    for (const { body, index } of ordered) {
      await lockAgencyReports(trx, body.agency.code, body.kind)
      const created = await createReport(trx, body)
      let outcome: BatchOutcome = created.outcome === 'created' ? 'stored' : 'unchanged'
      let revision = created.report.latestRevision
      if (created.outcome === 'conflict') {
        const revised = await reviseReport(trx, created.report.id, 'any', body)
        if (revised.outcome === 'revised') {
          outcome = 'revised'
          revision = revised.report.latestRevision
        }
      }
      outcomes.push({ index, outcome, reportId: created.report.id, revision })
      if (outcome !== 'unchanged') written.push({ reportId: created.report.id, revision, body })
    }
    for (const { reportId, revision, body } of written) await analyseAndSave(trx, { reportId, revision }, body)
    const writtenIds = new Set(written.map((entry) => entry.reportId))
    const neighbours = new Map<number, YearNeighbour>()
    for (const { body } of written) {
      const next = await findYearReport(trx, body.agency.code, body.kind, body.year + 1)
      if (next !== undefined && !writtenIds.has(next.reportId)) neighbours.set(next.reportId, next)
    }
    for (const next of neighbours.values()) {
      await analyseAndSave(trx, { reportId: next.reportId, revision: next.revision }, next.body)
      await touchReport(trx, next.reportId)
    }
    const results: BatchResult[] = []
    for (const { index, outcome, reportId, revision } of outcomes) {
      const report = await findReport(trx, reportId)
      if (report !== undefined) results.push({ index, outcome, revision, report })
    }
    await recordAudit(trx, actor, written.map(({ reportId, revision }) => ({ action: revision === 1 ? 'report.created' : 'report.revised', reportId, revision })))
    // Last, see recordEvents.
    await appendEvents(trx, [
      ...written.map(({ reportId, revision }) => ({ type: 'revision_stored' as const, reportId, revision })),
      ...[...neighbours.values()].map(({ reportId, revision }) => ({ type: 'findings_recomputed' as const, reportId, revision }))
    ])
    return results.sort((a, b) => a.index - b.index)
  })
}
