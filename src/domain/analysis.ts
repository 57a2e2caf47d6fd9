/**
 * The full analysis of one report revision: its findings, their summary, and the year-over-year
 * changes against the same agency's report of the year before (when it is stored).
 */
import { checkReport, type FindingSummary, summarizeFindings } from './check-report.js'
import type { Finding } from './findings.js'
import type { RegionParts } from './government-parts.js'
import type { AnnualReport } from './report.js'
import { computeYearOverYear, type YearOverYear } from './year-over-year.js'

export interface ReportAnalysis {
  readonly findings: readonly Finding[]
  readonly summary: FindingSummary
  /** Null when the prior year's report is not stored. */
  readonly yearOverYear: YearOverYear | null
}

/**
 * Checks a report against every rule and compares it with its prior year.
 * `previous` is the same agency's report of the same kind for year − 1, or null; `parts`, for a government
 * report, its region's stored departments' reports added up (see `RuleInput.parts`).
 *
 * @example analyseReport(seed2023, null)
 *   // → { summary: { status: 'clean', … }, yearOverYear: null, findings: [… CY-* not_assessable …] }
 */
export function analyseReport (report: AnnualReport, previous: AnnualReport | null, parts?: RegionParts): ReportAnalysis {
  const findings = checkReport(parts === undefined ? { report, previous } : { report, previous, parts })
  return {
    findings,
    summary: summarizeFindings(findings),
    yearOverYear: previous === null ? null : computeYearOverYear(previous, report)
  }
}

/**
 * A finding's identity across recomputations: its rule and the cells it names. A reviewer's decision
 * on a finding follows it to the recomputed set through this key.
 *
 * @example findingFingerprint({ ruleId: 'T3-BALANCE', pointers: ['/requests/newReceived/total', '/requests/carriedOver/total'], … })
 *   // → 'T3-BALANCE|/requests/carriedOver/total|/requests/newReceived/total'
 */
export function findingFingerprint (finding: Pick<Finding, 'ruleId' | 'pointers'>): string {
  return [finding.ruleId, ...[...finding.pointers].sort()].join('|')
}

/** A finding with its fingerprint, as the API serves it. */
export function withFingerprint (finding: Finding): Finding & { readonly fingerprint: string } {
  return { ...finding, fingerprint: findingFingerprint(finding) }
}
