/**
 * The JSON Schema of a report body (TypeBox) and the domain's `AnnualReport` must describe the same document, in both
 * directions: the type checker (`npm run typecheck`, run by CI) refuses this file when they drift.
 */
import t from 'tap'
import type { AnnualReport } from '../../src/domain/report.js'
import type { AnnualReportBody } from '../../src/schemas/report.js'

type Assignable<From, To> = [From] extends [To] ? true : false

const bodyFitsDomain: Assignable<AnnualReportBody, AnnualReport> = true
const domainFitsBody: Assignable<AnnualReport, AnnualReportBody> = true

t.ok(bodyFitsDomain && domainFitsBody, 'every valid body is a domain report, and every domain report a valid body')
