/** How analyses appear over HTTP: the prior-year reference, the changes, and a check's full result. */
import { withFingerprint } from '../../domain/analysis.js'
import type { YearOverYear } from '../../domain/year-over-year.js'
import type { Validation } from '../../services/reports.js'
import { reportHref } from '../reports/representation.js'

/** The comparable tables, cell changes and indicators of a year-over-year comparison (empty without one). */
export function changesJson (yearOverYear: YearOverYear | null) {
  return {
    comparableTables: [...yearOverYear?.comparableTables ?? []],
    changes: [...yearOverYear?.changes ?? []],
    indicators: [...yearOverYear?.indicators ?? []]
  }
}

export function previousJson (previous: { reportId: number, revision: number } | null, year: number) {
  return previous === null
    ? null
    : { id: previous.reportId, revision: previous.revision, year, href: `${reportHref(previous.reportId)}?revision=${previous.revision}` }
}

/** A check's result as `POST /v1/validate` and `POST /v1/imports` serve it. */
export function validationJson ({ analysis, previous }: Validation) {
  return {
    status: analysis.summary.status,
    counts: analysis.summary.counts,
    previous: previous === null ? null : previousJson(previous, previous.year),
    findings: analysis.findings.map(withFingerprint),
    yearOverYear: analysis.yearOverYear === null ? null : changesJson(analysis.yearOverYear)
  }
}
