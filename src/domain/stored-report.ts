/** What the service knows about a stored report beyond its body: identity, revisions, times. */
import type { FindingSummary } from './check-report.js'
import type { AnnualReport, ReportKind, Template } from './report.js'

export interface ReportSummary {
  readonly id: number
  readonly agencyCode: string
  readonly agencyName: string
  readonly regionCode: string
  readonly year: number
  readonly kind: ReportKind
  readonly template: Template
  /** The latest revision. */
  readonly latestRevision: number
  /** Changes whenever the report resource changes; the basis of its ETag. */
  readonly version: number
  readonly createdAt: Date
  /** When the latest revision was stored. */
  readonly updatedAt: Date
  /** Status and counts of the latest revision's findings. */
  readonly analysis: FindingSummary | null
}

export interface StoredRevision {
  readonly reportId: number
  readonly revision: number
  readonly createdAt: Date
  readonly body: AnnualReport
}

export interface RevisionInfo {
  readonly revision: number
  readonly createdAt: Date
  readonly template: Template
}

export interface Agency {
  readonly code: string
  readonly name: string
  readonly regionCode: string
  readonly reportCount: number
  readonly firstYear: number
  readonly lastYear: number
}

export interface AgencyReportEntry {
  readonly id: number
  readonly year: number
  readonly kind: ReportKind
  readonly template: Template
  readonly latestRevision: number
  readonly updatedAt: Date
}
