import { pointer } from '../cells.js'
import { crossYearRule } from '../cross-year.js'
import { cellTerm, checkIdentity } from '../identity.js'
import { PROACTIVE_ROW_LABELS } from '../tables.js'

/** The table-二 rows of the 2019 form that carry 上一年项目数量 and 本年增/减. */
const ROWS = ['licensing', 'otherServices', 'penalties', 'coercion', 'fees'] as const

/**
 * CY-2019-PREV (warning), both years on the 2019 form: 上一年项目数量 (N) = 上一年项目数量 (N−1) + 本年增/减 (N−1)
 * for 行政许可, 其他对外管理服务事项, 行政处罚, 行政强制 and 行政事业性收费 (blanks count as 0; 本年增/减 may be negative).
 * `pointers` name the year-N cell, `context.previousPointers` the two year-N−1 cells. One finding per failing row.
 *
 * Example: 2019 licensing previousItems 10, change −2; 2020 previousItems 9 → expected 8, actual 9, difference 1,
 * message '第二部分“行政许可”：2019年上一年项目数量(10)+2019年本年增/减(-2)=8，应等于2020年上一年项目数量(9)'.
 */
export const CY_2019_PREV = crossYearRule({
  id: 'CY-2019-PREV',
  severity: 'warning',
  title: '上一年项目数量与上年报告衔接',
  titleEn: 'Prior-year item counts follow from the prior report',
  description: 'Template "2019" in both years: previousItems(N) = previousItems(N-1) + change(N-1), for proactive.licensing, otherServices, penalties, coercion and fees.',
  templates: ['2019'],
  needsSameTemplate: true,
  compare (report, previous) {
    if (report.template !== '2019' || previous.template !== '2019') return []
    return ROWS.flatMap((row) => {
      const before = previous.proactive[row]
      return checkIdentity(CY_2019_PREV, {
        scope: { zh: `第二部分“${PROACTIVE_ROW_LABELS[row].zh}”`, en: `Table 2 "${PROACTIVE_ROW_LABELS[row].en}"` },
        expected: [
          cellTerm({ zh: `${previous.year}年上一年项目数量`, en: `prior items in ${previous.year}` },
            { pointer: pointer('proactive', row, 'previousItems'), value: before.previousItems }, { fromPrevious: true }),
          cellTerm({ zh: `${previous.year}年本年增/减`, en: `change in ${previous.year}` },
            { pointer: pointer('proactive', row, 'change'), value: before.change }, { fromPrevious: true })
        ],
        actual: [cellTerm({ zh: `${report.year}年上一年项目数量`, en: `prior items in ${report.year}` },
          { pointer: pointer('proactive', row, 'previousItems'), value: report.proactive[row].previousItems })],
        context: { row, previousYear: previous.year }
      })
    })
  }
})
