/** Findings, their summary, year-over-year changes and the rule catalogue, as served. */
import { Type } from 'typebox'
import { RULES } from '../domain/rules/index.js'
import { INDICATOR_NAMES } from '../domain/year-over-year.js'
import {
  CreditCodeSchema, KindSchema, RegionPrefixSchema, ReportIdSchema, RevisionSchema, TemplateSchema, TimestampSchema, YearSchema
} from './common.js'

export const SeveritySchema = Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')], {
  description: '`error` breaks an identity printed on the form; `warning` is a plausibility check that usually means a mistake; `info` is for reviewers.'
})

export const FindingStatusSchema = Type.Union([Type.Literal('failed'), Type.Literal('not_assessable')], {
  description: '`failed`: the rule was evaluated and broken. `not_assessable`: it needs data the service does not have yet (e.g. the prior year\'s report); it is evaluated again when that arrives.'
})

export const ReportStatusSchema = Type.Union([Type.Literal('clean'), Type.Literal('warnings'), Type.Literal('errors')], {
  description: '`errors` when a rule of severity error failed, else `warnings` when a warning failed, else `clean` (info findings never change the status).'
})

export const RuleIdSchema = Type.String({
  enum: RULES.map((rule) => rule.id),
  description: 'A rule of the catalogue (`GET /v1/rules`).'
})

const ValueSchema = Type.Union([Type.Number(), Type.String(), Type.Null()])

export const ReviewDecisionSchema = Type.Union([Type.Literal('acknowledged'), Type.Literal('dismissed')], {
  description: '`acknowledged`: the finding is right and the agency is told. `dismissed`: a reviewer judged it a false alarm.'
})

export const ReviewSchema = Type.Object({
  decision: ReviewDecisionSchema,
  reason: Type.String({ minLength: 1, maxLength: 2000, description: 'Why, in the reviewer\'s words.' }),
  decidedAt: TimestampSchema('When the decision was recorded.')
}, { additionalProperties: false, description: 'A reviewer\'s decision on a finding.' })

export const FindingSchema = Type.Object({
  id: Type.Optional(Type.Integer({ description: 'Id of the stored finding (absent from `/v1/validate`, which stores nothing).' })),
  ruleId: Type.String({ description: 'The rule, e.g. `T3-BALANCE`.' }),
  severity: SeveritySchema,
  status: FindingStatusSchema,
  message: Type.String({ description: '说明（中文）, naming the numbers involved.' }),
  messageEn: Type.String({ description: 'The same in English.' }),
  pointers: Type.Array(Type.String(), { description: 'Every cell involved, as JSON Pointers into the report body.' }),
  expected: { ...ValueSchema, description: 'What the rule expected (a number, a date or a bound), or null.' },
  actual: { ...ValueSchema, description: 'What the report says, or null.' },
  difference: Type.Union([Type.Number(), Type.Null()], { description: '`actual − expected` when both are numbers.' }),
  context: Type.Object({}, { additionalProperties: true, description: 'Rule-specific detail (column, quoted sentence, prior-year pointers, …).' }),
  fingerprint: Type.String({ description: 'Rule and cells: the same for the same finding when results are recomputed.' }),
  review: Type.Optional(Type.Union([ReviewSchema, Type.Null()], { description: 'The latest reviewer decision; it follows the finding through recomputation and new revisions.' }))
}, { $id: 'Finding', additionalProperties: false, description: 'One result of a consistency rule.' })

export const CountsSchema = Type.Object({
  error: Type.Integer({ minimum: 0, description: 'Failed rules of severity error.' }),
  warning: Type.Integer({ minimum: 0, description: 'Failed rules of severity warning.' }),
  info: Type.Integer({ minimum: 0, description: 'Failed rules of severity info.' }),
  notAssessable: Type.Integer({ minimum: 0, description: 'Rules that could not be assessed yet.' })
}, { additionalProperties: false, description: 'Findings by severity.' })

const CellChangeSchema = Type.Object({
  pointer: Type.String({ description: 'JSON Pointer of the cell in both reports.' }),
  previous: Type.Union([Type.Number(), Type.Null()], { description: 'Value in the prior year (null: blank).' }),
  current: Type.Union([Type.Number(), Type.Null()], { description: 'Value this year (null: blank).' }),
  delta: Type.Union([Type.Number(), Type.Null()], { description: '`current − previous`; null when either is blank.' }),
  relative: Type.Union([Type.Number(), Type.Null()], { description: '`delta ÷ previous`; null when previous is 0 or blank.' })
}, { additionalProperties: false })

const IndicatorChangeSchema = Type.Object({
  name: Type.String({ enum: [...INDICATOR_NAMES], description: 'disclosureRate = (予以公开 + 部分公开) ÷ 办理总计; denialRate = 不予公开 ÷ 办理总计; notHeldShare = 本机关不掌握 ÷ 办理总计; reviewCorrectionRate = 复议纠正 ÷ (复议总计 − 尚未审结); litigationCorrectionRate likewise for 行政诉讼.' }),
  previous: Type.Union([Type.Number(), Type.Null()], { description: 'Prior year (null: denominator 0).' }),
  current: Type.Union([Type.Number(), Type.Null()], { description: 'This year (null: denominator 0).' }),
  delta: Type.Union([Type.Number(), Type.Null()], { description: '`current − previous`.' })
}, { additionalProperties: false })

export const PreviousReportSchema = Type.Union([
  Type.Object({
    id: ReportIdSchema,
    revision: RevisionSchema('The revision compared against.'),
    year: YearSchema('The prior year.'),
    href: Type.String({ description: 'URL of that revision.' })
  }, { additionalProperties: false }),
  Type.Null()
], { description: 'The same agency\'s report of the same kind for the year before, as compared; null when none is stored.' })

export const ChangesSchema = Type.Object({
  comparableTables: Type.Array(Type.String({ enum: ['proactive', 'requests', 'reviewLitigation'] }), {
    description: 'Tables compared; table 二 (`proactive`) is not comparable across the 2020→2021 template change.'
  }),
  changes: Type.Array(CellChangeSchema, { description: 'Every comparable cell.' }),
  indicators: Type.Array(IndicatorChangeSchema, { description: 'Derived indicators in both years.' })
}, { additionalProperties: false })

export const AnalysisResultSchema = Type.Object({
  status: ReportStatusSchema,
  counts: CountsSchema,
  previous: PreviousReportSchema,
  findings: Type.Array(Type.Ref('Finding'), { description: 'Every finding, in catalogue order.' }),
  yearOverYear: Type.Union([ChangesSchema, Type.Null()], { description: 'Changes against the prior year; null when it is not stored.' })
}, { additionalProperties: false, description: 'What checking a report gives: status, counts, findings and changes.' })

export const ReportChangesSchema = Type.Object({
  reportId: ReportIdSchema,
  revision: RevisionSchema('The revision whose changes these are.'),
  previous: PreviousReportSchema,
  computedAt: TimestampSchema('When these results were computed.'),
  ...ChangesSchema.properties
}, { additionalProperties: false, description: 'Year-over-year changes of a report revision; empty lists when the prior year is not stored.' })

export const ReportFindingsSchema = Type.Object({
  reportId: ReportIdSchema,
  revision: RevisionSchema('The revision whose findings these are.'),
  status: ReportStatusSchema,
  counts: CountsSchema,
  computedAt: TimestampSchema('When these results were computed.'),
  items: Type.Array(Type.Ref('Finding'), { description: 'The findings matching the filters, in catalogue order.' })
}, { additionalProperties: false, description: 'Findings of a report revision.' })

export const RuleCatalogueSchema = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.String({ description: 'Stable rule id.' }),
    severity: SeveritySchema,
    title: Type.String({ description: '规则名称.' }),
    titleEn: Type.String({ description: 'Name in English.' }),
    description: Type.String({ description: 'The formula or check.' }),
    templates: Type.Array(Type.String({ enum: ['2021', '2019'] }), { description: 'Templates it applies to.' }),
    needsPrevious: Type.Boolean({ description: 'Needs the prior year\'s report (`not_assessable` without it).' })
  }, { additionalProperties: false }))
}, { additionalProperties: false, description: 'The rule catalogue.' })

export const FindingDetailSchema = Type.Object({
  finding: Type.Ref('Finding'),
  reportId: ReportIdSchema,
  revision: RevisionSchema('The revision the finding belongs to.'),
  reviews: Type.Array(ReviewSchema, { description: 'Every decision on this finding, oldest first.' })
}, { additionalProperties: false, description: 'A finding with its report and its review history.' })

export const ANALYSIS_COMPONENTS = [FindingSchema] as const

/** The filters of report lists and exports: the same query parameters wherever reports are selected. */
export const ReportFilterProperties = {
  agency: Type.Optional(CreditCodeSchema),
  region: Type.Optional(RegionPrefixSchema),
  year: Type.Optional(YearSchema('Report year.')),
  kind: Type.Optional(KindSchema),
  template: Type.Optional(TemplateSchema),
  status: Type.Optional(ReportStatusSchema),
  rule: Type.Optional({ ...RuleIdSchema, description: 'Only reports whose latest revision fails this rule.' })
}
