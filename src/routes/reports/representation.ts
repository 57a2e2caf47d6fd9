/** How a stored report appears over HTTP: its URLs, its entity tag and its JSON representation. */
import type { FindingSummary } from '../../domain/check-report.js'
import type { AnnualReport } from '../../domain/report.js'
import type { ReportSummary } from '../../domain/stored-report.js'

export const reportHref = (id: number) => `/v1/reports/${id}`
export const agencyHref = (code: string) => `/v1/agencies/${code}`

/**
 * The ETag of a report resource at one revision. The latest revision's tag is `"<id>.<version>"`,
 * the value `If-Match` expects; an older revision's tag also names that revision.
 */
export function reportEtag (report: ReportSummary, revision: number): string {
  return revision === report.latestRevision
    ? `"${report.id}.${report.version}"`
    : `"${report.id}.${report.version}.r${revision}"`
}

/** The version an `If-Match` tag of report `id` refers to, if it is one of its latest-revision tags. */
export function versionFromEtag (id: number, etag: string): number | undefined {
  const match = /^"(\d+)\.(\d+)"$/.exec(etag)
  return match !== null && Number(match[1]) === id ? Number(match[2]) : undefined
}

/** A report without its body; status and counts are those of the latest revision, or of `analysis` when given. */
export function summaryJson (report: ReportSummary, analysis: FindingSummary | null = report.analysis) {
  return {
    id: report.id,
    agencyCode: report.agencyCode,
    agencyName: report.agencyName,
    regionCode: report.regionCode,
    year: report.year,
    kind: report.kind,
    template: report.template,
    latestRevision: report.latestRevision,
    createdAt: report.createdAt.toISOString(),
    updatedAt: report.updatedAt.toISOString(),
    status: analysis?.status ?? null,
    counts: analysis?.counts ?? null
  }
}

/** A report at one revision; `analysis` is that revision's (the latest's is in `report`). */
export function resourceJson (
  report: ReportSummary,
  revision: { revision: number, createdAt: Date, body: AnnualReport },
  analysis: FindingSummary | null = report.analysis
) {
  return { ...resourceMetadata(report, revision, analysis), report: revision.body }
}

/**
 * The same resource as JSON text, with the body spliced in as stored: the body was validated when it
 * was stored, and parsing it only to serialise it again was most of a read's work.
 */
export function resourceText (
  report: ReportSummary,
  revision: { revision: number, createdAt: Date, bodyText: string },
  analysis: FindingSummary | null
): string {
  const metadata = JSON.stringify(resourceMetadata(report, revision, analysis))
  return `${metadata.slice(0, -1)},"report":${revision.bodyText}}`
}

/**
 * The resource's fields around its body: the summary, with the status and counts of the revision served, then the
 * revision and the links, in the order the API has always written them (built on the summary's object, not spread
 * into a new one: every read makes one).
 */
function resourceMetadata (report: ReportSummary, revision: { revision: number, createdAt: Date }, analysis: FindingSummary | null) {
  const self = reportHref(report.id)
  const query = revision.revision === report.latestRevision ? '' : `?revision=${revision.revision}`
  return Object.assign(summaryJson(report, analysis), {
    revision: revision.revision,
    revisionCreatedAt: revision.createdAt.toISOString(),
    links: {
      self: `${self}${query}`,
      latest: self,
      revisions: `${self}/revisions`,
      findings: `${self}/findings${query}`,
      changes: `${self}/changes${query}`,
      agency: agencyHref(report.agencyCode)
    }
  })
}
