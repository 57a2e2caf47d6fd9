import { pointer, sumOrNull } from '../cells.js'
import { crossYearRule } from '../cross-year.js'
import { failed } from '../findings.js'
import type { Finding } from '../findings.js'
import type { CellSlot } from '../identity.js'
import type { AnnualReport } from '../report.js'
import type { Label } from '../tables.js'

/** Swings from a smaller base are noise: 2 → 7 applications says nothing. */
const MIN_BASE = 10
const FACTOR = 3

/** A headline count a reader compares across years, and the cells it is made of (their pointers built once). */
interface Headline {
  readonly label: Label
  readonly cells: readonly CellSlot<AnnualReport>[]
}

const HEADLINES: readonly Headline[] = [
  {
    label: { zh: '本年新收申请数', en: 'Requests newly received' },
    cells: [{ pointer: pointer('requests', 'newReceived', 'total'), read: (r) => r.requests.newReceived.total }]
  },
  {
    label: { zh: '办理结果总计', en: 'Requests handled' },
    cells: [{ pointer: pointer('requests', 'outcomes', 'total', 'total'), read: (r) => r.requests.outcomes.total.total }]
  },
  {
    label: { zh: '行政复议总计', en: 'Administrative reviews' },
    cells: [{ pointer: pointer('reviewLitigation', 'review', 'total'), read: (r) => r.reviewLitigation.review.total }]
  },
  {
    // "行政诉讼 N件" in prose means both kinds of suit together.
    label: { zh: '行政诉讼总计（直接起诉与复议后起诉）', en: 'Lawsuits (direct and after review)' },
    cells: [
      { pointer: pointer('reviewLitigation', 'suitDirect', 'total'), read: (r) => r.reviewLitigation.suitDirect.total },
      { pointer: pointer('reviewLitigation', 'suitAfterReview', 'total'), read: (r) => r.reviewLitigation.suitAfterReview.total }
    ]
  }
]

/**
 * CY-SWING (info): a headline count (本年新收, 办理结果总计, 行政复议总计, 行政诉讼总计) that grew to more than 3× or
 * fell below ⅓ of the prior year's value, when the prior value is at least 10. A blank headline is not compared.
 * expected = the prior value, actual = this year's, difference = the change; `context.ratio` = actual ÷ expected.
 *
 * Example: 本年新收 总计 12 in 2022 and 40 in 2023 → one finding, expected 12, actual 40, difference 28, ratio 3.33…,
 * pointers `['/requests/newReceived/total']`.
 */
export const CY_SWING = crossYearRule({
  id: 'CY-SWING',
  severity: 'info',
  title: '主要数量同比大幅变动',
  titleEn: 'Large year-over-year swing in a headline count',
  description: 'For requests.newReceived.total, requests.outcomes.total.total, reviewLitigation.review.total and suitDirect.total + suitAfterReview.total: with a prior-year value >= 10, the current value > 3 x prior or < prior / 3.',
  templates: ['2021', '2019'],
  needsSameTemplate: false,
  compare (report, previous) {
    return HEADLINES.flatMap((headline): Finding[] => {
      const before = sumOrNull(headline.cells.map((cell) => cell.read(previous)))
      const cells = headline.cells
      const now = sumOrNull(cells.map((cell) => cell.read(report)))
      if (before === null || now === null || before < MIN_BASE) return []
      const grew = now > before * FACTOR
      if (!grew && now * FACTOR >= before) return []
      const ratio = now / before
      const shown = ratio.toFixed(2)
      return [failed(CY_SWING, {
        message: `${headline.label.zh}由${previous.year}年的${before}件变为${report.year}年的${now}件（为上年的${shown}倍），` +
          (grew ? '增幅超过3倍' : '降至不足三分之一'),
        messageEn: `${headline.label.en} went from ${before} in ${previous.year} to ${now} in ${report.year} (×${shown}), ` +
          (grew ? 'more than three times the prior year' : 'less than a third of the prior year'),
        pointers: cells.map((cell) => cell.pointer),
        expected: before,
        actual: now,
        difference: now - before,
        context: { ratio, previousYear: previous.year, previousPointers: cells.map((cell) => cell.pointer) }
      })]
    })
  }
})
