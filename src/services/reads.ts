/**
 * The use cases that only read: a report, its revisions, analysis and findings, the lists, the feed, the agencies,
 * the audit trail and the exports. Most are one repository call, served from the executor the route passes (the
 * replica for reads, the primary right after a write); those that combine calls, or answer "not found", do it here,
 * so that routes reach the database only through `src/services/`.
 */
import { findAnalysis, findFinding, listFindings, listReviews } from '../db/analysis-repository.js'
import type { Executor } from '../db/executor.js'
import { findReport } from '../db/report-repository.js'
import { DomainError } from '../domain/errors.js'
import type { AnnualReport } from '../domain/report.js'
import { partsSummaryLine } from './government-parts.js'

export { listApiKeys as readApiKeys } from '../db/api-key-repository.js'
export { listAudit as readAudit } from '../db/audit-repository.js'
export { FEED_START, type FeedPosition, listEvents as readFeed } from '../db/feed-repository.js'
export {
  findAgency as readAgency, findReport as readReport, findReportAtRevision as readReportAtRevision, listAgencies as readAgencies,
  listReports as readReports, listRevisions as readRevisions, streamReportsWithBodies as readReportsWithBodies
} from '../db/report-repository.js'
export { listFindings as readFindings } from '../db/analysis-repository.js'
export type { FindingReview, StoredFinding } from '../db/analysis-repository.js'
export type { ReportFilters } from '../db/report-repository.js'

/** The stored analysis of a report revision (the latest unless `requested`), or why there is none. */
export async function readAnalysis (db: Executor, id: number, requested: number | undefined) {
  const report = await findReport(db, id)
  if (report === undefined) throw new DomainError('REPORT_NOT_FOUND', `No report has id ${id}.`)
  const revision = requested ?? report.latestRevision
  if (revision > report.latestRevision) {
    throw new DomainError('REVISION_NOT_FOUND', `Report ${id} has revisions 1 to ${report.latestRevision}; there is no revision ${revision}.`)
  }
  const analysis = await findAnalysis(db, id, revision)
  if (analysis === undefined) throw new DomainError('REVISION_NOT_FOUND', `Revision ${revision} of report ${id} has not been analysed.`)
  return { revision, analysis }
}

/** A finding with every reviewer's decision on it, oldest first. */
export async function readFinding (db: Executor, id: number) {
  const finding = await findFinding(db, id)
  if (finding === undefined) throw new DomainError('FINDING_NOT_FOUND', `No finding has id ${id}.`)
  return { finding, reviews: await listReviews(db, finding) }
}

/** What a revision's HTML page shows beside its body: its year-over-year changes, its findings and, for a summary, its parts. */
export async function readPageDetails (db: Executor, id: number, revision: number, body: AnnualReport) {
  const [analysis, findings] = await Promise.all([findAnalysis(db, id, revision), listFindings(db, id, revision, {})])
  return {
    findings,
    changes: analysis?.yearOverYear?.changes ?? [],
    ...(body.kind === 'government' ? { parts: await partsSummaryLine(db, id, body) } : {})
  }
}
