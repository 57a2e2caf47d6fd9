/**
 * What a consistency rule reports (rules.md): one finding per failing row, column or cell group,
 * or one `not_assessable` finding when the rule lacks the data it needs (e.g. the prior year's report).
 */
import type { RegionParts } from './government-parts.js'
import type { AnnualReport, Template } from './report.js'

/** error: breaks an identity printed on the form; warning: usually a mistake; info: for a reviewer only. */
export type Severity = 'error' | 'warning' | 'info'

/** `not_assessable` is a result, not silence: it is re-evaluated when the missing data arrives. */
export type FindingStatus = 'failed' | 'not_assessable'

export interface Finding {
  readonly ruleId: string
  readonly severity: Severity
  readonly status: FindingStatus
  /** Chinese, naming the numbers involved. */
  readonly message: string
  readonly messageEn: string
  /** Every cell involved, as JSON Pointers into the report body (e.g. "/requests/newReceived/total"). */
  readonly pointers: readonly string[]
  readonly expected: number | string | null
  readonly actual: number | string | null
  /** `actual − expected` when both are numbers. */
  readonly difference: number | null
  readonly context: Readonly<Record<string, unknown>>
}

/** A report and, for cross-year rules, the same agency's report of the same kind for year − 1. */
export interface RuleInput {
  readonly report: AnnualReport
  readonly previous: AnnualReport | null
  /**
   * For a `government` report, the stored departments' reports of its region and year, added up (GOV-PARTS).
   * Omitted when they were not looked up: GOV-PARTS then yields nothing, and is computed apart.
   */
  readonly parts?: RegionParts
}

export interface RuleDefinition {
  /** Stable id from rules.md, e.g. "T3-BALANCE". */
  readonly id: string
  readonly severity: Severity
  readonly title: string
  readonly titleEn: string
  /** English, stating the formula. */
  readonly description: string
  /** The templates the rule applies to; `checkReport` skips it for the others. */
  readonly templates: readonly Template[]
  readonly needsPrevious: boolean
  check (input: RuleInput): Finding[]
}

/** The part of a rule a finding is stamped with. */
export type RuleStamp = Pick<RuleDefinition, 'id' | 'severity'>

/** The fields of a finding a rule chooses; the rest come from the rule and the status. */
export interface FindingFields {
  readonly message: string
  readonly messageEn: string
  readonly pointers: readonly string[]
  readonly expected: number | string | null
  readonly actual: number | string | null
  readonly difference: number | null
  readonly context?: Readonly<Record<string, unknown>>
}

/**
 * Builds a `failed` finding stamped with the rule's id and severity.
 *
 * Example: `failed(T3_BALANCE, { message: '…', messageEn: '…', pointers: ['/requests/newReceived/total'],
 * expected: 10, actual: 9, difference: -1 })` → `{ ruleId: 'T3-BALANCE', severity: 'error', status: 'failed', …, context: {} }`.
 */
export function failed (rule: RuleStamp, fields: FindingFields): Finding {
  return { ruleId: rule.id, severity: rule.severity, status: 'failed', ...fields, context: fields.context ?? {} }
}

/**
 * Builds a `not_assessable` finding: the rule could not be evaluated, so nothing is compared
 * (expected, actual and difference are null). `pointers` name the missing or unusable fields, if any.
 *
 * Example: `notAssessable(M_INDEX, '索引号缺失…', 'The index number is missing…', ['/publication/indexNo'])`
 * → `{ ruleId: 'M-INDEX', status: 'not_assessable', pointers: ['/publication/indexNo'], expected: null, … }`.
 */
export function notAssessable (
  rule: RuleStamp,
  message: string,
  messageEn: string,
  pointers: readonly string[] = [],
  context: Readonly<Record<string, unknown>> = {}
): Finding {
  return {
    ruleId: rule.id,
    severity: rule.severity,
    status: 'not_assessable',
    message,
    messageEn,
    pointers,
    expected: null,
    actual: null,
    difference: null,
    context
  }
}
