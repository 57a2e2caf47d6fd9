/**
 * Runs the rule catalogue over one report (and its prior year, for the cross-year rules) and sums up the result.
 */
import type { Finding, RuleDefinition, RuleInput } from './findings.js'
import { ProseReadings } from './narrative.js'
import type { NarrativeInput } from './narrative.js'
import { RULES } from './rules/index.js'

/**
 * Runs every rule that applies to the report's template and returns their findings in rule order.
 * `previous` is the same agency's report of the same kind for year − 1, or null when it is not stored;
 * each cross-year rule then yields one `not_assessable` finding.
 *
 * Example: `checkReport({ report: seed2023, previous: null })` → no failed findings from the table, structure and
 * metadata rules, and one `not_assessable` finding each for CY-CARRY, CY-IN-FORCE and CY-SWING
 * (CY-2019-PREV applies to 2019-template reports only).
 */
export function checkReport (input: RuleInput, rules: readonly RuleDefinition[] = RULES): Finding[] {
  // The narrative rules all read the report's prose (and N-YOY-CLAIM the prior year's): it is read once for them all.
  const shared: NarrativeInput = { ...input, prose: new ProseReadings() }
  // A loop rather than filter and flatMap, whose generic flattening costs as much as some rules.
  const findings: Finding[] = []
  for (const rule of rules) {
    if (rule.templates.includes(input.report.template)) findings.push(...rule.check(shared))
  }
  return findings
}

export interface FindingSummary {
  /** `errors` if any error failed, else `warnings` if any warning failed, else `clean` (info alone is clean). */
  readonly status: 'clean' | 'warnings' | 'errors'
  /** `error`/`warning`/`info` count failed findings; `notAssessable` counts the rest. */
  readonly counts: { readonly error: number, readonly warning: number, readonly info: number, readonly notAssessable: number }
}

/**
 * Summarises findings: failed findings are counted by severity and decide the status; rules that could
 * not be assessed are counted apart and never make a report worse.
 *
 * Example: one failed T3-BALANCE (error), one failed CY-SWING (info) and three not_assessable →
 * `{ status: 'errors', counts: { error: 1, warning: 0, info: 1, notAssessable: 3 } }`.
 */
export function summarizeFindings (findings: readonly Finding[]): FindingSummary {
  const failedOf = (severity: Finding['severity']): number =>
    findings.filter((f) => f.status === 'failed' && f.severity === severity).length
  const counts = {
    error: failedOf('error'),
    warning: failedOf('warning'),
    info: failedOf('info'),
    notAssessable: findings.filter((f) => f.status === 'not_assessable').length
  }
  return { status: statusOf(counts), counts }
}

/** The status of findings so counted: `errors` if any error failed, else `warnings` if any warning failed, else `clean`. */
export function statusOf (counts: FindingSummary['counts']): FindingSummary['status'] {
  return counts.error > 0 ? 'errors' : counts.warning > 0 ? 'warnings' : 'clean'
}
