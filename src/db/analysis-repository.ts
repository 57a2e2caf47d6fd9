/**
 * Stored analyses: the findings and year-over-year changes of each report revision, and the
 * neighbouring years they depend on. Executor first; rows mapped to domain types here.
 */
import { sql } from 'kysely'
import { findingFingerprint, type ReportAnalysis } from '../domain/analysis.js'
import type { FindingSummary } from '../domain/check-report.js'
import type { Finding, Severity } from '../domain/findings.js'
import type { AnnualReport, ReportKind } from '../domain/report.js'
import type { YearOverYear } from '../domain/year-over-year.js'
import { type ReportKey, reportKeyText } from '../domain/report-key.js'
import type { Executor } from './executor.js'
import * as statements from './statements.js'

/** A stored report's latest revision, as a neighbour of another year's report. */
export interface YearNeighbour {
  readonly reportId: number
  readonly revision: number
  readonly body: AnnualReport
}

export interface StoredAnalysis {
  readonly summary: FindingSummary
  readonly previous: { readonly reportId: number, readonly revision: number } | null
  readonly yearOverYear: YearOverYear | null
  readonly computedAt: Date
}

export type ReviewDecision = 'acknowledged' | 'dismissed'

export interface FindingReview {
  readonly decision: ReviewDecision
  readonly reason: string
  readonly decidedAt: Date
}

export interface StoredFinding extends Finding {
  readonly id: number
  readonly reportId: number
  readonly revision: number
  readonly fingerprint: string
  /** The latest reviewer decision on this finding (by fingerprint within its report), if any. */
  readonly review: FindingReview | null
}

/**
 * Serialises writes to agencies: every writer of an agency, its reports or its region takes its lock first, in
 * one statement, and holds it until commit. Under it a writer reads the agency and reports it is judged against,
 * so no other write can change them before it commits, and two years stored at the same time still see each
 * other. Callers give the codes in one global order (code order) so that concurrent writers cannot deadlock.
 */
export async function lockAgencies (db: Executor, agencyCodes: readonly string[]): Promise<void> {
  if (agencyCodes.length === 0) return
  await statements.lockAgencies.run(db, [[...new Set(agencyCodes)]])
}

function toNeighbour (row: { id: string, current_revision: number, body: unknown }): YearNeighbour {
  return { reportId: Number(row.id), revision: row.current_revision, body: row.body as AnnualReport }
}

/** The latest revisions of the stored reports among `keys`, in one statement; `get` answers by key. */
export async function findYearReports (db: Executor, keys: readonly ReportKey[]): Promise<{ get: (key: ReportKey) => YearNeighbour | undefined }> {
  const found = new Map<string, YearNeighbour>()
  const unique = [...new Map(keys.map((key) => [reportKeyText(key), { agency_code: key.agencyCode, kind: key.kind, year: key.year }])).values()]
  if (unique.length > 0) {
    const rows = await statements.yearReports.run(db, [JSON.stringify(unique)])
    for (const row of rows) found.set(reportKeyText({ agencyCode: row.agency_code, kind: row.kind as ReportKind, year: row.year }), toNeighbour(row))
  }
  return { get: (key) => found.get(reportKeyText(key)) }
}

/** The analysis of one revision, and the revision of the prior year's report it was computed against. */
export interface AnalysisEntry {
  readonly target: { readonly reportId: number, readonly revision: number }
  readonly analysis: ReportAnalysis
  readonly previous: { readonly reportId: number, readonly revision: number } | null
}

/**
 * Saves the analyses of revisions (their findings included); with `replace`, those stored before for the same
 * revisions are deleted first (revisions just stored have none).
 */
export async function saveAnalyses (db: Executor, entries: readonly AnalysisEntry[], { replace }: { replace: boolean }): Promise<void> {
  if (entries.length === 0) return
  if (replace) {
    await statements.deleteAnalyses.run(db, [entries.map(({ target }) => target.reportId), entries.map(({ target }) => target.revision)])
  }
  const { analyses, findings } = analysisRows(entries)
  await statements.insertAnalyses.run(db, [JSON.stringify(analyses)])
  if (findings.length > 0) await statements.insertFindings.run(db, [JSON.stringify(findings)])
}

/** The `report_analysis` and `finding` rows of analyses, as the JSON-fed inserts read them. */
export function analysisRows (entries: readonly AnalysisEntry[]): { analyses: object[], findings: object[] } {
  const analyses = entries.map(({ target, analysis, previous }) => ({
    report_id: target.reportId,
    revision: target.revision,
    status: analysis.summary.status,
    error_count: analysis.summary.counts.error,
    warning_count: analysis.summary.counts.warning,
    info_count: analysis.summary.counts.info,
    not_assessable_count: analysis.summary.counts.notAssessable,
    previous_report_id: previous?.reportId ?? null,
    previous_revision: previous?.revision ?? null,
    year_over_year: analysis.yearOverYear
  }))
  const findings = entries.flatMap(({ target, analysis }) => analysis.findings.map((finding, ordinal) => findingRow(target, ordinal, finding)))
  return { analyses, findings }
}

/** A `finding` row as the JSON-fed inserts read it (`jsonb_populate_recordset(null::finding, …)`). */
export function findingRow (target: { readonly reportId: number, readonly revision: number }, ordinal: number, finding: Finding) {
  return {
    report_id: target.reportId,
    revision: target.revision,
    ordinal,
    rule_id: finding.ruleId,
    severity: finding.severity,
    status: finding.status,
    message: finding.message,
    message_en: finding.messageEn,
    pointers: finding.pointers,
    expected: finding.expected,
    actual: finding.actual,
    difference: finding.difference,
    context: finding.context,
    fingerprint: findingFingerprint(finding)
  }
}

/** Marks report resources as changed (new results without a new revision): their ETags change. */
export async function touchReports (db: Executor, reportIds: readonly number[]): Promise<void> {
  if (reportIds.length === 0) return
  await statements.touchReports.run(db, [reportIds])
}

export async function findAnalysis (db: Executor, reportId: number, revision: number): Promise<StoredAnalysis | undefined> {
  const row = await db.selectFrom('report_analysis')
    .selectAll()
    .where('report_id', '=', String(reportId))
    .where('revision', '=', revision)
    .executeTakeFirst()
  if (row === undefined) return undefined
  return {
    summary: {
      status: row.status as FindingSummary['status'],
      counts: { error: row.error_count, warning: row.warning_count, info: row.info_count, notAssessable: row.not_assessable_count }
    },
    previous: row.previous_report_id === null || row.previous_revision === null
      ? null
      : { reportId: Number(row.previous_report_id), revision: row.previous_revision },
    yearOverYear: row.year_over_year as YearOverYear | null,
    computedAt: row.computed_at
  }
}

export interface FindingFilters {
  readonly severity?: Severity
  readonly rule?: string
  readonly status?: Finding['status']
}

function selectFindings (db: Executor) {
  return db.selectFrom('finding')
    .selectAll('finding')
    .select((eb) => eb.selectFrom('finding_review')
      .select(sql<{ decision: ReviewDecision, reason: string, decidedAt: string } | null>`json_build_object('decision', decision, 'reason', reason, 'decidedAt', decided_at)`.as('review'))
      .whereRef('finding_review.report_id', '=', 'finding.report_id')
      .whereRef('finding_review.fingerprint', '=', 'finding.fingerprint')
      .orderBy('finding_review.id', 'desc')
      .limit(1)
      .as('review'))
}

type FindingRow = Awaited<ReturnType<ReturnType<typeof selectFindings>['executeTakeFirstOrThrow']>>

function toStoredFinding (row: FindingRow): StoredFinding {
  return {
    id: Number(row.id),
    reportId: Number(row.report_id),
    revision: row.revision,
    ruleId: row.rule_id,
    severity: row.severity as Severity,
    status: row.status as Finding['status'],
    message: row.message,
    messageEn: row.message_en,
    pointers: row.pointers,
    expected: row.expected,
    actual: row.actual,
    difference: row.difference,
    context: row.context,
    fingerprint: row.fingerprint,
    review: row.review === null ? null : { ...row.review, decidedAt: new Date(row.review.decidedAt) }
  }
}

/** The findings of one revision in rule order, optionally filtered, each with its latest review. */
export async function listFindings (db: Executor, reportId: number, revision: number, filters: FindingFilters): Promise<StoredFinding[]> {
  let query = selectFindings(db)
    .where('finding.report_id', '=', String(reportId))
    .where('finding.revision', '=', revision)
  if (filters.severity !== undefined) query = query.where('finding.severity', '=', filters.severity)
  if (filters.rule !== undefined) query = query.where('finding.rule_id', '=', filters.rule)
  if (filters.status !== undefined) query = query.where('finding.status', '=', filters.status)
  const rows = await query.orderBy('finding.ordinal').execute()
  return rows.map(toStoredFinding)
}

export async function findFinding (db: Executor, id: number): Promise<StoredFinding | undefined> {
  const row = await selectFindings(db).where('finding.id', '=', String(id)).executeTakeFirst()
  return row === undefined ? undefined : toStoredFinding(row)
}

/** Records a reviewer's decision on the finding (by its fingerprint within its report); earlier ones stay as history. */
export async function addReview (db: Executor, finding: StoredFinding, decision: ReviewDecision, reason: string): Promise<void> {
  await db.insertInto('finding_review')
    .values({ report_id: finding.reportId, fingerprint: finding.fingerprint, decision, reason })
    .execute()
}

/** Every decision on a finding, oldest first. */
export async function listReviews (db: Executor, finding: StoredFinding): Promise<FindingReview[]> {
  const rows = await db.selectFrom('finding_review')
    .select(['decision', 'reason', 'decided_at'])
    .where('report_id', '=', String(finding.reportId))
    .where('fingerprint', '=', finding.fingerprint)
    .orderBy('id')
    .execute()
  return rows.map((row) => ({ decision: row.decision as ReviewDecision, reason: row.reason, decidedAt: row.decided_at }))
}
