/** A report's identity: one report per agency, kind and year. */
import type { AnnualReport, ReportKind } from './report.js'

/** Which report of which agency, kind and year. */
export interface ReportKey {
  readonly agencyCode: string
  readonly kind: ReportKind
  readonly year: number
}

/** A report key as one string, for maps and messages. */
export const reportKeyText = ({ agencyCode, kind, year }: ReportKey): string => `${agencyCode}:${kind}:${year}`

/** The key of the report `body` is (or, `offset` years on, of the same agency's report of the same kind). */
export function reportKeyOf (body: AnnualReport, offset = 0): ReportKey {
  return { agencyCode: body.agency.code, kind: body.kind, year: body.year + offset }
}
