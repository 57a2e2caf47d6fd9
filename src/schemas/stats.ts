/** Statistics over many reports (`GET /v1/stats`): the query and the rollups, changes and breakdown it answers with. */
import { Type } from 'typebox'
import { HEADLINE_POINTERS } from '../domain/rollup.js'
import { INDICATOR_NAMES } from '../domain/year-over-year.js'
import { KindSchema, RegionPrefixSchema, TemplateSchema, YearSchema } from './common.js'

export const GroupBySchema = Type.Union([Type.Literal('region'), Type.Literal('agency'), Type.Literal('kind')], {
  description: 'Break the rollup down by `region` (one level below `region`: provinces without it, cities under a province, ' +
    'counties under a city, the 6-digit code under a county), by `agency` (needs `region`), or by `kind`: one group of ' +
    'the departments\' own reports (`agency`) and one of the governments\' summaries (`government`) of the region and year, ' +
    'side by side whatever `kind` is, since a summary already counts its departments.'
})

/** A comma-separated list of JSON Pointers; each is checked against the known cells by the route. */
const CELL_LIST_PATTERN = '^/[A-Za-z/]+(,/[A-Za-z/]+)*$'

export const StatsQuerySchema = Type.Object({
  region: Type.Optional(RegionPrefixSchema),
  year: YearSchema('Report year to roll up; the year before is rolled up alongside and compared.'),
  kind: Type.Optional({ ...KindSchema, default: 'agency', description: '`agency` = 本机关 reports (default); `government` = 本级政府 summaries. The two kinds are never added together.' }),
  template: Type.Optional({ ...TemplateSchema, description: 'Only reports on this national template (both when omitted).' }),
  groupBy: Type.Optional(GroupBySchema),
  cells: Type.Optional(Type.String({
    pattern: CELL_LIST_PATTERN,
    maxLength: 10000,
    description: 'With `groupBy`: the cells each group carries, as comma-separated JSON Pointers (e.g. ' +
      '`/requests/newReceived/total,/reviewLitigation/review/total`). Default: the headline totals ' +
      `(${HEADLINE_POINTERS.map((at) => `\`${at}\``).join(', ')}). The rollups of the whole selection always carry every cell.`
  }))
}, { additionalProperties: false })

const RatioSchema = (description: string) => Type.Union([Type.Number({ minimum: 0 }), Type.Null()], { description: `${description} Null when the denominator is 0.` })

export const IndicatorsSchema = Type.Object({
  disclosureRate: RatioSchema('(予以公开 + 部分公开) ÷ 办理结果总计.'),
  denialRate: RatioSchema('不予公开 (all 8 rows) ÷ 办理结果总计.'),
  notHeldShare: RatioSchema('本机关不掌握相关政府信息 ÷ 办理结果总计.'),
  reviewCorrectionRate: RatioSchema('行政复议 结果纠正 ÷ (总计 − 尚未审结).'),
  litigationCorrectionRate: RatioSchema('行政诉讼 (both kinds) 结果纠正 ÷ (总计 − 尚未审结).')
}, {
  title: 'Indicators',
  additionalProperties: false,
  description: 'The derived indicators of rules.md, recomputed from the summed cells: a ratio of sums, never an average of the reports\' ratios.'
})

export const CellTotalSchema = Type.Object({
  pointer: Type.String({ description: 'JSON Pointer of the cell in a report body, e.g. `/requests/newReceived/total`.' }),
  sum: Type.Number({ description: 'Sum over the reports that have the cell; a blank counts as 0. In 万元 for `…/amountWan` cells, else a count (`change` cells of the 2019 form may be negative).' }),
  blanks: Type.Integer({ minimum: 0, description: 'Reports in which the cell was printed blank (null), counted apart from zeros.' }),
  reports: Type.Integer({ minimum: 1, description: 'Reports that have the cell: its template\'s table 二, and its layout of （六）其他处理 (three rows or one).' })
}, { title: 'CellTotal', additionalProperties: false, description: 'One cell added up over the matching reports.' })

const rollupProperties = {
  reports: Type.Integer({ minimum: 0, description: 'Matching reports (their latest revisions).' }),
  agencies: Type.Integer({ minimum: 0, description: 'Distinct agencies among them (one report per agency, year and kind).' }),
  byStatus: Type.Object({
    clean: Type.Integer({ minimum: 0, description: 'Reports on which no rule of severity error or warning failed.' }),
    warnings: Type.Integer({ minimum: 0, description: 'Reports with a failed warning and no failed error.' }),
    errors: Type.Integer({ minimum: 0, description: 'Reports with a failed rule of severity error.' })
  }, { additionalProperties: false, description: 'Reports by the status of their latest revision\'s findings.' }),
  byTemplate: Type.Object({
    2021: Type.Integer({ minimum: 0, description: 'Reports on the 2021 template.' }),
    2019: Type.Integer({ minimum: 0, description: 'Reports on the 2019 template.' })
  }, { additionalProperties: false, description: 'Reports by national template (their table 二 differs).' }),
  cells: Type.Array(CellTotalSchema, { description: 'Every cell at least one matching report has, in document order.' }),
  indicators: IndicatorsSchema
}

export const RollupSchema = Type.Object({
  year: YearSchema('The report year rolled up.'),
  ...rollupProperties
}, { title: 'Rollup', additionalProperties: false, description: 'The matching reports of one year, added up.' })

export const RollupChangeSchema = Type.Object({
  pointer: Type.String({ description: 'JSON Pointer of the cell.' }),
  previous: Type.Number({ description: 'Sum in the year before.' }),
  current: Type.Number({ description: 'Sum in the year.' }),
  delta: Type.Number({ description: '`current − previous` (rounded to 6 decimals).' }),
  relative: Type.Union([Type.Number(), Type.Null()], { description: '`delta ÷ previous`; null when previous is 0.' })
}, { title: 'RollupChange', additionalProperties: false, description: 'The change of one summed cell from the year before.' })

export const IndicatorChangeSchema = Type.Object({
  name: Type.String({ enum: [...INDICATOR_NAMES], description: 'The indicator (see `Indicators`).' }),
  previous: Type.Union([Type.Number(), Type.Null()], { description: 'In the year before (null: denominator 0).' }),
  current: Type.Union([Type.Number(), Type.Null()], { description: 'In the year (null: denominator 0).' }),
  delta: Type.Union([Type.Number(), Type.Null()], { description: '`current − previous`; null when either is null.' })
}, { title: 'IndicatorChange', additionalProperties: false, description: 'The change of one indicator from the year before.' })

export const StatsGroupSchema = Type.Object({
  key: Type.String({ description: 'The region prefix (`groupBy=region`), the agency\'s 统一社会信用代码 (`groupBy=agency`) or the kind (`groupBy=kind`).' }),
  name: Type.Union([Type.String(), Type.Null()], { description: 'The agency\'s name as its most recent report states it; null for regions.' }),
  href: Type.String({ description: 'Drill down: the statistics of this region, or the agency.' }),
  ...rollupProperties,
  cells: Type.Array(CellTotalSchema, { description: 'The cells named in `cells` (default: the headline totals) that the group\'s reports have, in document order.' })
}, { title: 'StatsGroup', additionalProperties: false, description: 'One row of the breakdown: the group\'s reports of the year, added up.' })

export const StatsSchema = Type.Object({
  filters: Type.Object({
    region: Type.Union([Type.String(), Type.Null()], { description: 'The region prefix, or null for the whole country.' }),
    year: YearSchema('The report year.'),
    kind: KindSchema,
    template: Type.Union([TemplateSchema, Type.Null()], { description: 'The template filter, or null for both.' }),
    groupBy: Type.Union([GroupBySchema, Type.Null()], { description: 'The breakdown, or null for none.' }),
    cells: Type.Array(Type.String(), { description: 'The cells each group carries (empty without `groupBy`).' })
  }, { additionalProperties: false, description: 'The selection, with defaults applied.' }),
  current: RollupSchema,
  previous: RollupSchema,
  comparableTables: Type.Array(Type.String({ enum: ['proactive', 'requests', 'reviewLitigation'] }), {
    description: 'Tables compared in `changes`: table 二 (`proactive`) only when both years\' reports are all on the same template.'
  }),
  changes: Type.Array(RollupChangeSchema, { description: 'Every comparable cell that both years\' reports have, in document order.' }),
  indicatorChanges: Type.Array(IndicatorChangeSchema, { description: 'The indicators in both years.' }),
  groups: Type.Union([Type.Array(StatsGroupSchema), Type.Null()], { description: 'The breakdown of the year, in key order; null without `groupBy`.' })
}, {
  additionalProperties: false,
  description: 'Rollups of the year and the year before over the reports matching the filters, their changes, and an optional breakdown.'
})
