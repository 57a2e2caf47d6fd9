/** Constraints beyond the schema, answered like schema errors: 400 with a JSON Pointer per field. */
import type { AnnualReport } from '../../domain/report.js'
import { reportConstraintViolations } from '../../domain/report-constraints.js'
import { invalidFields } from '../../http/problem.js'
import type { ProblemError } from '../../problems.js'

/** What the schema cannot express (a future year, too many decimals, NUL characters) as a problem; undefined when all holds. */
export function constraintsProblem (body: AnnualReport, today: Date): ProblemError | undefined {
  const violations = reportConstraintViolations(body, today)
  return violations.length === 0 ? undefined : invalidFields('body', violations.map((violation) => ({ ...violation, location: 'body' })))
}

/** Rejects what the schema cannot express. */
export function assertConstraints (body: AnnualReport, today: Date): void {
  const problem = constraintsProblem(body, today)
  if (problem !== undefined) throw problem
}
