import { pointer } from '../cells.js'
import { crossYearRule } from '../cross-year.js'
import { cellTerm, checkIdentity } from '../identity.js'
import { PROACTIVE_ROW_LABELS } from '../tables.js'

const ROWS = ['regulations', 'normativeDocuments'] as const

/**
 * CY-IN-FORCE (warning), both years on the 2021 form: 现行有效 (N) = 现行有效 (N−1) + 本年制发 (N) − 本年废止 (N) for
 * 规章 and 行政规范性文件 (blanks count as 0). A warning, not an error: real reports break it after clean-ups of
 * their document lists. `context.previousPointers` names the year-N−1 cell. One finding per failing row.
 *
 * Example: 2022 inForce 3; 2023 issued 0, repealed 1, inForce 5 → expected 2, actual 5, difference 3, message
 * '第二部分“行政规范性文件”：2022年现行有效(3)+本年制发(0)-本年废止(1)=2，应等于2023年现行有效(5)'.
 */
export const CY_IN_FORCE = crossYearRule({
  id: 'CY-IN-FORCE',
  severity: 'warning',
  title: '现行有效件数与上年衔接',
  titleEn: 'Documents in force follow from the prior year',
  description: 'Template "2021" in both years: inForce(N) = inForce(N-1) + issued(N) - repealed(N), for proactive.regulations and proactive.normativeDocuments.',
  templates: ['2021'],
  needsSameTemplate: true,
  compare (report, previous) {
    if (report.template !== '2021' || previous.template !== '2021') return []
    return ROWS.flatMap((row) => {
      const now = report.proactive[row]
      return checkIdentity(CY_IN_FORCE, {
        scope: { zh: `第二部分“${PROACTIVE_ROW_LABELS[row].zh}”`, en: `Table 2 "${PROACTIVE_ROW_LABELS[row].en}"` },
        expected: [
          cellTerm({ zh: `${previous.year}年现行有效`, en: `in force in ${previous.year}` },
            { pointer: pointer('proactive', row, 'inForce'), value: previous.proactive[row].inForce }, { fromPrevious: true }),
          cellTerm({ zh: '本年制发', en: 'issued' }, { pointer: pointer('proactive', row, 'issued'), value: now.issued }),
          cellTerm({ zh: '本年废止', en: 'repealed' }, { pointer: pointer('proactive', row, 'repealed'), value: now.repealed }, { negate: true })
        ],
        actual: [cellTerm({ zh: `${report.year}年现行有效`, en: `in force in ${report.year}` },
          { pointer: pointer('proactive', row, 'inForce'), value: now.inForce })],
        context: { row, previousYear: previous.year }
      })
    })
  }
})
