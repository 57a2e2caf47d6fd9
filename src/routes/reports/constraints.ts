/** Constraints beyond the schema, answered like schema errors: 400 with a JSON Pointer per field. */
import type { AnnualReport } from '../../domain/report.js'
import { reportConstraintViolations } from '../../domain/report-constraints.js'
import { ProblemError } from '../../problems.js'

/** Rejects what the schema cannot express (a future year, too many decimals, NUL characters). */
export function assertConstraints (body: AnnualReport, today: Date): void {
  const violations = reportConstraintViolations(body, today)
  if (violations.length > 0) {
    throw new ProblemError('VALIDATION_ERROR', `${violations.length} invalid field${violations.length === 1 ? '' : 's'} in the body`, {
      errors: violations.map((violation) => ({ ...violation, location: 'body' }))
    })
  }
}
