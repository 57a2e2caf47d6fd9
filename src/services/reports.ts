/**
 * Writes that span several tables and years: a report revision, its findings and changes, and the
 * recomputed results of the next year's report that depends on it — all in one transaction.
 */
import type { Kysely } from 'kysely'
import { findYearReports, lockAgencies, saveAnalyses, touchReports, type YearNeighbour } from '../db/analysis-repository.js'
import type { Database } from '../db/database.js'
import { recordAudit } from '../db/audit-repository.js'
import { appendEvents } from '../db/feed-repository.js'
import { saveFigures } from '../db/figures-repository.js'
import {
  createReports, findCurrentRevisions, findReportAtRevision, findReports, findStoredOwnerships, getSummaryOrThrow,
  type RevisionSource, storeRevisions, upsertAgencies
} from '../db/report-repository.js'
import { CREATED_REPORT, type PreparedWrite, prepareWrite, type ReportWrite, storeWrite } from '../db/write-repository.js'
import type { Executor } from '../db/executor.js'
import { joinTransaction, type UnitOfWork } from '../db/transactions.js'
import {
  completeGovernmentParts, governmentPartsScope, lockForSummaryWrites, partsForCheck, recomputeGovernmentParts, summaryWriteLocks
} from './government-parts.js'
import { type Actor, type Grant, judgeWrite, judgeWrites, type ReportOwner, type WriteRefusal } from '../domain/access.js'
import { analyseReport, type ReportAnalysis, withFingerprint } from '../domain/analysis.js'
import { reportKeyOf, reportKeyText } from '../domain/report-key.js'
import { DomainError } from '../domain/errors.js'
import { ProblemError } from '../problems.js'
import type { AnnualReport } from '../domain/report.js'
import type { ReportAtRevision, ReportSummary } from '../domain/stored-report.js'

export interface WriteOptions {
  /** Refuse (and store nothing) when a rule of severity `error` fails. */
  readonly strict: boolean
  /** Who writes, for the audit trail. */
  readonly actor: Actor
  /** What the writing key may do: judged inside the write's transaction, against the locked agency and report. */
  readonly grant: Grant
}

/** The owner of a report body: its agency and region as sent. */
export function ownerOf (body: AnnualReport): ReportOwner {
  return { agencyCode: body.agency.code, regionCode: body.agency.regionCode }
}

/**
 * The problem a refused write answers, naming only the agency and regions the write itself sent or may see: what
 * the key may not do is the API's refusal, a region that disagrees with the stored agency or its code a domain fact.
 */
export function refusalError (refusal: WriteRefusal, owner: ReportOwner): DomainError | ProblemError {
  switch (refusal.code) {
    case 'FORBIDDEN':
      return new ProblemError('FORBIDDEN', `This API key may not write reports of agency ${owner.agencyCode}.`)
    case 'AGENCY_REGION_MISMATCH':
      return new DomainError('AGENCY_REGION_MISMATCH',
        `Agency ${owner.agencyCode} was registered in region ${refusal.registeredRegion} (characters 3–8 of its 统一社会信用代码), ` +
        `outside the city of region ${owner.regionCode}; check both, or ask an admin to place the agency (PUT /v1/admin/agencies/${owner.agencyCode}/region).`,
        { registeredRegion: refusal.registeredRegion })
    case 'AGENCY_REGION_CONFLICT':
      return new DomainError('AGENCY_REGION_CONFLICT',
        `Agency ${owner.agencyCode} is stored in region ${refusal.storedRegion}, not ${owner.regionCode}; send its stored region, ` +
        `or ask an admin to move the agency (PUT /v1/admin/agencies/${owner.agencyCode}/region).`,
        { storedRegionCode: refusal.storedRegion })
  }
}

/** Throws the refusal of a write, if it is refused; nothing was written yet, and the transaction rolls back. */
function assertAllowed (refusal: WriteRefusal | undefined, owner: ReportOwner): void {
  if (refusal !== undefined) throw refusalError(refusal, owner)
}

/** A revision stored in this transaction, with its body. */
interface StoredBody {
  readonly reportId: number
  readonly revision: number
  readonly body: AnnualReport
}

/** A revision's analysis against the prior year's report as stored now. */
interface Analysed {
  readonly stored: StoredBody
  readonly previous: YearNeighbour | undefined
  readonly analysis: ReportAnalysis
}

function analyse (stored: StoredBody, previous: YearNeighbour | undefined): Analysed {
  return { stored, previous, analysis: analyseReport(stored.body, previous?.body ?? null) }
}

/**
 * Saves analyses with their revisions' figures (the normalised cells that rollups add up), a few statements
 * for any number of them. `fresh` revisions were just stored and have no results to replace.
 */
async function saveResults (db: Executor, results: readonly Analysed[], fresh: boolean): Promise<void> {
  await saveAnalyses(db, results.map(({ stored, previous, analysis }) => ({
    target: { reportId: stored.reportId, revision: stored.revision },
    analysis,
    previous: previous === undefined ? null : { reportId: previous.reportId, revision: previous.revision }
  })), { replace: !fresh })
  await saveFigures(db, results.map(({ stored, analysis }) => ({ reportId: stored.reportId, body: stored.body, status: analysis.summary.status })))
}

/** Year N+1's cross-year results and changes depend on year N: recompute them after N changed. */
async function recomputeNextYears (db: Executor, pairs: ReadonlyArray<{ next: YearNeighbour, stored: StoredBody }>): Promise<void> {
  await saveResults(db, pairs.map(({ next, stored }) => analyse(next, stored)), false)
  await touchReports(db, pairs.map(({ next }) => next.reportId))
}

function refuseIfInconsistent (analysis: ReportAnalysis, body: AnnualReport, options: WriteOptions): void {
  if (!options.strict || analysis.summary.counts.error === 0) return
  const failedErrors = analysis.findings.filter((finding) => finding.status === 'failed' && finding.severity === 'error')
  throw new DomainError('REPORT_INCONSISTENT',
    `${failedErrors.length} consistency rule${failedErrors.length === 1 ? '' : 's'} failed with severity error for agency ${body.agency.code}, year ${body.year}; nothing was stored.`,
    { findings: failedErrors.map(withFingerprint) })
}

/**
 * A report at the revision a write left it at, read in the write's transaction exactly as `GET` serves it: the body is
 * stored as jsonb, whose text orders and spaces keys its own way, and a strong ETag promises the same bytes wherever
 * the answer is sent. Under an Idempotency-Key the transaction commits only after the answer is stored with it.
 */
export type WrittenReport = Required<ReportAtRevision>

async function writtenReport (db: Executor, reportId: number, revision: number): Promise<WrittenReport> {
  const found = await findReportAtRevision(db, reportId, revision)
  if (found?.revision === undefined) throw new Error(`report ${reportId} has no revision ${revision} in the transaction that wrote it`)
  return { report: found.report, revision: found.revision }
}

/**
 * A new report or revision, its analysis (refused under `strict`, before anything is stored) and the next year's
 * recomputed, stored in one round trip with its figures, GOV-PARTS's read of the summaries its region-year (or, for a
 * summary, itself) feeds, the audit entry and the feed events, the report read back as written; then GOV-PARTS's
 * results saved where they change (usually nothing to save: no statement).
 */
async function storeNewRevision (db: Executor, report: ReportWrite['report'], prepared: PreparedWrite, options: WriteOptions): Promise<WrittenReport> {
  const body = 'create' in report ? report.create : report.revise
  const target = 'create' in report ? { reportId: CREATED_REPORT, revision: 1 } : { reportId: report.reportId, revision: report.revision }
  const { previous, next } = prepared
  const result = analyse({ ...target, body }, previous)
  refuseIfInconsistent(result.analysis, body, options)
  const recomputed = next === undefined ? [] : [analyse(next, { ...target, body })]
  const results = [result, ...recomputed]
  const stored = await storeWrite(db, {
    report,
    analyses: results.map(({ stored, previous, analysis }) => ({
      target: { reportId: stored.reportId, revision: stored.revision },
      analysis,
      previous: previous === undefined ? null : { reportId: previous.reportId, revision: previous.revision }
    })),
    replaced: recomputed.map(({ stored }) => ({ reportId: stored.reportId, revision: stored.revision })),
    figures: results.map(({ stored, analysis }) => ({ reportId: stored.reportId, body: stored.body, status: analysis.summary.status })),
    touched: recomputed.map(({ stored }) => stored.reportId),
    // The summaries this report is part of (or, for a summary, itself) against their departments: GOV-PARTS.
    partsScope: governmentPartsScope([{ ...target, body }], recomputed.map(({ stored }) => stored)),
    audit: { actor: options.actor, targets: [{ action: target.revision === 1 ? 'report.created' : 'report.revised', ...target }] },
    events: [
      { type: 'revision_stored', ...target },
      ...recomputed.map(({ stored: { reportId, revision } }) => ({ type: 'findings_recomputed' as const, reportId, revision }))
    ],
    reported: results.map(({ stored }) => stored.reportId)
  })
  const { changed } = await completeGovernmentParts(db, stored.summaries)
  // A summary written is among the summaries found: its own GOV-PARTS results, once saved, change how it reads.
  if (changed.includes(stored.reportId)) return await writtenReport(db, stored.reportId, target.revision)
  if (stored.written.revision === undefined) throw new Error(`report ${stored.reportId} has no revision ${target.revision} in the transaction that wrote it`)
  return { report: stored.written.report, revision: stored.written.revision }
}

export type SubmitOutcome =
  /** The new report, or the one stored with the same body. */
  | { readonly outcome: 'created' | 'replayed' } & WrittenReport
  /** The report stored with another body under the same agency, year and kind. */
  | { readonly outcome: 'conflict', readonly report: ReportSummary }

/**
 * Stores a new report with its analysis, then recomputes the next year's report, in the unit of work given: one round
 * trip takes the locks and reads, one stores. Refusals, replays and conflicts store nothing.
 */
export async function submitReport (
  work: UnitOfWork, body: AnnualReport, options: WriteOptions & { source?: RevisionSource }
): Promise<SubmitOutcome> {
  return await work.run(async (trx) => {
    const prepared = await prepareWrite(trx, body, { regionYears: summaryWriteLocks([body]) })
    const { stored } = prepared
    assertAllowed(judgeWrite(options.grant, ownerOf(body), {
      agencyRegionCode: prepared.agencyRegionCode,
      report: stored === undefined ? undefined : { agencyCode: body.agency.code, regionCode: stored.regionCode }
    }), ownerOf(body))
    // A replay or a conflict changes nothing, not even the agency's name, and uses up no id.
    if (stored === undefined) {
      return { outcome: 'created', ...await storeNewRevision(trx, { create: body, source: options.source }, prepared, options) }
    }
    if (stored.same) return { outcome: 'replayed', ...await writtenReport(trx, stored.reportId, stored.revision) }
    return { outcome: 'conflict', report: await getSummaryOrThrow(trx, stored.reportId) }
  })
}

export type StoreRevisionOutcome =
  /** The report at its new revision, or at its latest when the body equals it. */
  | { readonly outcome: 'revised' | 'unchanged' } & WrittenReport
  /** The report as stored, which the write did not change. */
  | { readonly outcome: 'stale' | 'key_changed', readonly report: ReportSummary }
  | { readonly outcome: 'not_found' }

/**
 * Stores the next revision of a report with its analysis, then recomputes the next year's report, in the unit of work
 * given: one round trip takes the locks (the report's row among them) and reads, one stores. The key must cover the
 * report as stored as well as the body. The caller saw one of `acceptedVersions` (or `'any'`, for `If-Match: *`):
 * the row is locked, so two revisions based on the same version cannot both succeed. A body equal to the latest
 * revision stores nothing.
 */
export async function reviseStoredReport (
  work: UnitOfWork, id: number, acceptedVersions: readonly number[] | 'any', body: AnnualReport, options: WriteOptions
): Promise<StoreRevisionOutcome> {
  return await work.run(async (trx) => {
    const prepared = await prepareWrite(trx, body, { regionYears: summaryWriteLocks([body]), revisedReportId: id })
    const { revised } = prepared
    if (revised === undefined) return { outcome: 'not_found' }
    assertAllowed(judgeWrite(options.grant, ownerOf(body), {
      agencyRegionCode: prepared.agencyRegionCode,
      report: { agencyCode: revised.agencyCode, regionCode: revised.regionCode }
    }), ownerOf(body))
    if (acceptedVersions !== 'any' && !acceptedVersions.includes(revised.version)) return { outcome: 'stale', report: await getSummaryOrThrow(trx, id) }
    if (revised.agencyCode !== body.agency.code || revised.year !== body.year || revised.kind !== body.kind) {
      return { outcome: 'key_changed', report: await getSummaryOrThrow(trx, id) }
    }
    if (revised.same) return { outcome: 'unchanged', ...await writtenReport(trx, id, revised.revision) }
    const revision = revised.revision + 1
    return { outcome: 'revised', ...await storeNewRevision(trx, { revise: body, reportId: id, revision }, prepared, options) }
  })
}

/**
 * An imported report's analysis against the stored prior year and, when `store` gives the write's options, the
 * report stored as `submitReport` stores it: both in the unit of work given, so that an idempotent import keeps its
 * answer with what it stored.
 */
export async function checkImportedReport (
  work: UnitOfWork, body: AnnualReport, store: (WriteOptions & { source: RevisionSource }) | undefined
): Promise<{ readonly validation: Validation, readonly submitted: SubmitOutcome | undefined }> {
  return await work.run(async (trx) => {
    const submitted = store === undefined ? undefined : await submitReport(joinTransaction(trx), body, store)
    return { validation: await validateReport(trx, body), submitted }
  })
}

export interface Validation {
  readonly analysis: ReportAnalysis
  readonly previous: { readonly reportId: number, readonly revision: number, readonly year: number } | null
}

/** The analysis a body would get if stored now, against the stored prior year; stores nothing. */
export async function validateReport (db: Executor, body: AnnualReport): Promise<Validation> {
  const previous = (await findYearReports(db, [reportKeyOf(body, -1)])).get(reportKeyOf(body, -1))
  return {
    analysis: analyseReport(body, previous?.body ?? null, await partsForCheck(db, body)),
    previous: previous === undefined ? null : { reportId: previous.reportId, revision: previous.revision, year: body.year - 1 }
  }
}

export type BatchOutcome = 'stored' | 'revised' | 'unchanged'

export type BatchResult =
  | {
    /** Position of the report in the batch as given. */
    readonly index: number
    readonly outcome: BatchOutcome
    /** The revision this report is at after its line: the one stored, or the one it was equal to. */
    readonly revision: number
    readonly report: ReportSummary
  }
  | {
    readonly index: number
    readonly outcome: 'refused'
    /** Why the key may not write this report; nothing of it was stored. */
    readonly refusal: DomainError | ProblemError
  }

const byNaturalKey = (a: AnnualReport, b: AnnualReport): number =>
  a.agency.code.localeCompare(b.agency.code) || a.kind.localeCompare(b.kind) || a.year - b.year

/**
 * Splits entries into rounds in which each natural key appears at most once, keeping their order: the
 * second body for a key is stored in the round after the first, as its next revision.
 */
function roundsByKey<T extends { body: AnnualReport }> (entries: readonly T[]): T[][] {
  const rounds: T[][] = []
  const seen = new Map<string, number>()
  for (const entry of entries) {
    const key = reportKeyText(reportKeyOf(entry.body))
    const round = seen.get(key) ?? 0
    seen.set(key, round + 1)
    const members = rounds[round] ?? []
    members.push(entry)
    rounds[round] = members
  }
  return rounds
}

/**
 * Upserts one round of a batch (no natural key twice), a few statements for the whole round: a new key is
 * stored, another body for a stored key becomes its next revision, the same body is unchanged.
 */
async function storeRound (db: Executor, round: ReadonlyArray<{ body: AnnualReport, index: number }>): Promise<Array<{ index: number, outcome: BatchOutcome, reportId: number, revision: number, body: AnnualReport }>> {
  const current = await findCurrentRevisions(db, round.map(({ body }) => body))
  const fresh = round.filter((_, position) => current[position] === undefined)
  const created = await createReports(db, fresh.map(({ body }) => ({ body })))
  const createdIds = new Map(fresh.map((entry, position) => [entry, created[position]]))
  const revisions = round.flatMap((entry, position) => {
    const stored = current[position]
    return stored === undefined || stored.same ? [] : [{ reportId: stored.reportId, revision: stored.revision + 1, body: entry.body }]
  })
  await storeRevisions(db, revisions)
  return round.map((entry, position) => {
    const stored = current[position]
    if (stored === undefined) {
      const reportId = createdIds.get(entry)
      // Every writer of these keys holds their agencies' locks (lockAgencies), so no other transaction can have stored one.
      if (reportId === undefined) throw new Error(`report ${reportKeyText(reportKeyOf(entry.body))} was stored by another transaction holding no lock`)
      return { ...entry, outcome: 'stored', reportId, revision: 1 }
    }
    if (stored.same) return { ...entry, outcome: 'unchanged', reportId: stored.reportId, revision: stored.revision }
    return { ...entry, outcome: 'revised', reportId: stored.reportId, revision: stored.revision + 1 }
  })
}

/**
 * Stores many reports in one transaction as an upsert: a new key is stored, a different body for a
 * stored key becomes its next revision, the same body changes nothing — as if stored one by one in order.
 * Every revision is analysed after the whole batch is written, so reports of consecutive years in one
 * batch see each other, and each next-year report outside the batch is recomputed once per batch rather
 * than once per report. Each step is one statement for the whole batch.
 *
 * Each report is judged alone, inside the transaction against the locked agencies and reports, as if stored
 * one by one: a refused one is answered `refused` and the others of its agency still go in.
 */
export async function storeBatch (db: Kysely<Database>, bodies: readonly AnnualReport[], options: Omit<WriteOptions, 'strict'>): Promise<BatchResult[]> {
  // Locks are taken in one global order (agency code), so concurrent batches cannot deadlock.
  const ordered = bodies.map((body, index) => ({ body, index })).sort((a, b) => byNaturalKey(a.body, b.body))
  return await db.transaction().execute(async (trx) => {
    await lockAgencies(trx, ordered.map(({ body }) => body.agency.code))
    await lockForSummaryWrites(trx, bodies)
    const stored = await findStoredOwnerships(trx, bodies)
    const refusals = judgeWrites(options.grant, bodies.map((body, index) => ({
      owner: ownerOf(body), stored: stored[index] ?? { agencyRegionCode: undefined, report: undefined }
    })))
    const refused: BatchResult[] = refusals.flatMap((refusal, index) => {
      const body = bodies[index]
      return refusal === undefined || body === undefined ? [] : [{ index, outcome: 'refused' as const, refusal: refusalError(refusal, ownerOf(body)) }]
    })
    const accepted = ordered.filter(({ index }) => refusals[index] === undefined)
    await upsertAgencies(trx, accepted.map(({ body }) => body))
    const outcomes = []
    for (const round of roundsByKey(accepted)) outcomes.push(...await storeRound(trx, round))
    const written: StoredBody[] = outcomes.filter((entry) => entry.outcome !== 'unchanged')
    // Analysed once all are written, so that consecutive years in one batch see each other.
    const neighbours = await findYearReports(trx, written.flatMap(({ body }) => [reportKeyOf(body, -1), reportKeyOf(body, 1)]))
    await saveResults(trx, written.map((stored) => analyse(stored, neighbours.get(reportKeyOf(stored.body, -1)))), true)
    const writtenIds = new Set(written.map((entry) => entry.reportId))
    const recomputed = new Map<number, { next: YearNeighbour, stored: StoredBody }>()
    for (const stored of written) {
      const next = neighbours.get(reportKeyOf(stored.body, 1))
      if (next !== undefined && !writtenIds.has(next.reportId)) recomputed.set(next.reportId, { next, stored })
    }
    await recomputeNextYears(trx, [...recomputed.values()])
    // GOV-PARTS of the summaries of every region-year written (see government-parts.ts).
    const summaries = await recomputeGovernmentParts(trx, written, [...recomputed.values()].map(({ next }) => next))
    const reports = await findReports(trx, outcomes.map((entry) => entry.reportId))
    const results: BatchResult[] = [...refused]
    for (const { index, outcome, reportId, revision } of outcomes) {
      const report = reports.get(reportId)
      if (report !== undefined) results.push({ index, outcome, revision, report })
    }
    await recordAudit(trx, options.actor, written.map(({ reportId, revision }) => ({ action: revision === 1 ? 'report.created' : 'report.revised', reportId, revision })))
    await appendEvents(trx, [
      ...written.map(({ reportId, revision }) => ({ type: 'revision_stored' as const, reportId, revision })),
      ...[...[...recomputed.values()].map(({ next }) => next), ...summaries]
        .map(({ reportId, revision }) => ({ type: 'findings_recomputed' as const, reportId, revision }))
    ])
    return results.sort((a, b) => a.index - b.index)
  })
}
