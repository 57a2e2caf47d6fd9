/** What the service knows about a stored report beyond its body: identity, revisions, times. */
import type { FindingSummary } from './check-report.js'
import type { ReportKind, Template } from './report.js'

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

/** A report at one revision, with the body as its stored JSON text: served as it is, never re-serialised. */
export interface ReportAtRevision {
  readonly report: ReportSummary
  /** Undefined when the report has no such revision. */
  readonly revision?: {
    readonly revision: number
    readonly createdAt: Date
    readonly bodyText: string
    /** The analysis of that revision (the latest's is also in `report`). */
    readonly analysis: FindingSummary | null
  }
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
