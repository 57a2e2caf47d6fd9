/**
 * A validator's issues as the field errors of a problem: one per offending value, each with its JSON Pointer and
 * where it was (body, query string, path). The error handler uses it for requests, and the routes that validate
 * parts of a body themselves (bulk lines, imported reports) for theirs.
 */
import type { Problem } from '../schemas/problem.js'
import type { ValidationIssue } from './compiled-checks.js'

export type FieldError = NonNullable<Problem['errors']>[number]
type Location = FieldError['location']

function describeIssue (issue: ValidationIssue): string {
  switch (issue.keyword) {
    case 'format':
      return issue.params?.format === 'credit-code'
        ? 'must be a valid 统一社会信用代码: 18 characters whose last is the check character'
        : issue.message ?? 'is invalid'
    default:
      return issue.message ?? 'is invalid'
  }
}

/**
 * Of the alternatives of a failed `anyOf`, keeps only the errors of the branch that came closest
 * (fewest errors): a client who sent the three-row 2021 layout wants to hear about those rows.
 */
function keepClosestBranches (issues: readonly ValidationIssue[]): ValidationIssue[] {
  let kept = [...issues]
  for (const union of issues.filter((issue) => issue.keyword === 'anyOf')) {
    const prefix = `${union.schemaPath}/anyOf/`
    const counts = new Map<string, number>()
    for (const issue of kept) {
      if (!issue.schemaPath?.startsWith(prefix)) continue
      const branch = issue.schemaPath.slice(prefix.length).split('/')[0] ?? ''
      counts.set(branch, (counts.get(branch) ?? 0) + 1)
    }
    const closest = [...counts.entries()].sort((a, b) => a[1] - b[1])[0]?.[0]
    kept = kept.filter((issue) => issue !== union &&
      !(issue.schemaPath?.startsWith(prefix) === true && !issue.schemaPath.startsWith(`${prefix}${closest}`)))
  }
  return kept
}

/** Turns a validator's issues into one field error per offending value, each with its JSON Pointer. */
export function toFieldErrors (issues: readonly ValidationIssue[], location: Location): FieldError[] {
  const errors: FieldError[] = []
  for (const issue of keepClosestBranches(issues)) {
    if (issue.keyword === 'additionalProperties') continue // reported field by field as `boolean` issues
    if (issue.keyword === 'boolean') {
      errors.push({ pointer: issue.instancePath, location, detail: 'is not a field of this schema; unknown fields are rejected' })
    } else if (issue.keyword === 'required' && Array.isArray(issue.params?.requiredProperties)) {
      for (const property of issue.params.requiredProperties as string[]) {
        errors.push({ pointer: `${issue.instancePath}/${property.replaceAll('~', '~0').replaceAll('/', '~1')}`, location, detail: 'is required' })
      }
    } else {
      errors.push({ pointer: issue.instancePath, location, detail: describeIssue(issue) })
    }
  }
  const seen = new Set<string>()
  return errors.filter((error) => {
    const key = `${error.pointer}\u0000${error.detail}`
    return seen.has(key) ? false : (seen.add(key), true)
  })
}
