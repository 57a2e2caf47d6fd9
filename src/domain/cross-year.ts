/**
 * The gate every cross-year rule shares: without the same agency's report of the same kind for
 * year − 1 (and, for table 二, on the same template) a rule cannot be assessed, and says so once
 * instead of staying silent. The rule itself then only compares two reports it can trust.
 */
import { notAssessable } from './findings.js'
import type { Finding, RuleDefinition } from './findings.js'
import type { AnnualReport, ReportKind } from './report.js'

const KIND_LABELS: { readonly [K in ReportKind]: { readonly zh: string, readonly en: string } } = {
  agency: { zh: '本机关', en: 'agency' },
  government: { zh: '本级政府', en: 'government' }
}

export interface CrossYearRuleSpec extends Omit<RuleDefinition, 'needsPrevious' | 'check'> {
  /** Table 二 changed with the 2021 template, so rules over it compare only two reports on the same template. */
  readonly needsSameTemplate: boolean
  /** Called only with a usable prior-year report. */
  compare (report: AnnualReport, previous: AnnualReport): Finding[]
}

function missing (spec: CrossYearRuleSpec, report: AnnualReport): Finding {
  const priorYear = report.year - 1
  return notAssessable(spec,
    `未存储${priorYear}年度同一机关同类报告，无法进行跨年度核对`,
    `The prior-year (${priorYear}) report of the same agency and kind is not stored; the cross-year check cannot be assessed.`,
    [], { reason: 'previous_missing', previousYear: priorYear })
}

/** Why a stored report cannot serve as this report's prior year, or null when it can. */
function mismatch (spec: CrossYearRuleSpec, report: AnnualReport, previous: AnnualReport): Finding | null {
  const priorYear = report.year - 1
  if (previous.year !== priorYear) {
    return notAssessable(spec,
      `所给上年报告为${previous.year}年度，应为${priorYear}年度，无法进行跨年度核对`,
      `The report given as the prior year is for ${previous.year}, not ${priorYear}; the cross-year check cannot be assessed.`,
      [], { reason: 'previous_year_mismatch', previousYear: previous.year, expectedPreviousYear: priorYear })
  }
  if (previous.kind !== report.kind) {
    return notAssessable(spec,
      `上年报告为${KIND_LABELS[previous.kind].zh}报告，本报告为${KIND_LABELS[report.kind].zh}报告，不同类型的报告不作比较`,
      `The prior-year report is a ${KIND_LABELS[previous.kind].en} report and this one a ${KIND_LABELS[report.kind].en} report; reports of different kinds are not compared.`,
      [], { reason: 'kind_mismatch', previousYear: priorYear })
  }
  if (spec.needsSameTemplate && previous.template !== report.template) {
    return notAssessable(spec,
      `上年报告采用${previous.template}年模板、本报告采用${report.template}年模板，表二口径不同，不作比较`,
      `The prior-year report follows the ${previous.template} template and this one the ${report.template} template; table 2 is not comparable.`,
      [], { reason: 'template_mismatch', previousYear: priorYear })
  }
  return null
}

/**
 * Turns a two-report comparison into a rule: `check` yields exactly one `not_assessable` finding when
 * `previous` is null, is not for year − 1, is of another kind, or (with `needsSameTemplate`) follows
 * another template; otherwise it returns `compare(report, previous)`.
 *
 * Example: `crossYearRule({ id: 'CY-CARRY', …, needsSameTemplate: false, compare })`.check({ report: seed2023, previous: null })
 * → `[{ ruleId: 'CY-CARRY', status: 'not_assessable', message: '未存储2022年度同一机关同类报告，无法进行跨年度核对', … }]`.
 */
export function crossYearRule (spec: CrossYearRuleSpec): RuleDefinition {
  return {
    id: spec.id,
    severity: spec.severity,
    title: spec.title,
    titleEn: spec.titleEn,
    description: spec.description,
    templates: spec.templates,
    needsPrevious: true,
    check ({ report, previous }) {
      if (previous === null) return [missing(spec, report)]
      const blocked = mismatch(spec, report, previous)
      return blocked !== null ? [blocked] : spec.compare(report, previous)
    }
  }
}
