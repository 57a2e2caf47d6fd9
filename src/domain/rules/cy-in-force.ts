import { pointer } from '../cells.js'
import { crossYearRule } from '../cross-year.js'
import { checkAllLaidOut, slotTerm } from '../identity.js'
import type { IdentityLayout } from '../identity.js'
import type { Report2021 } from '../report.js'
import { PROACTIVE_ROW_LABELS } from '../tables.js'

const ROWS = ['regulations', 'normativeDocuments'] as const

/** The two reports compared, both on the 2021 form. */
interface Years { readonly report: Report2021, readonly previous: Report2021 }

/** One identity per row, laid out once; the labels name the two years. */
const ROW_IDENTITIES = ROWS.map((row): IdentityLayout<Years> => ({
  scope: { zh: `第二部分“${PROACTIVE_ROW_LABELS[row].zh}”`, en: `Table 2 "${PROACTIVE_ROW_LABELS[row].en}"` },
  expected: [
    slotTerm(({ previous }: Years) => ({ zh: `${previous.year}年现行有效`, en: `in force in ${previous.year}` }),
      pointer('proactive', row, 'inForce'), ({ previous }: Years) => previous.proactive[row].inForce, { fromPrevious: true }),
    slotTerm({ zh: '本年制发', en: 'issued' }, pointer('proactive', row, 'issued'), ({ report }: Years) => report.proactive[row].issued),
    slotTerm({ zh: '本年废止', en: 'repealed' }, pointer('proactive', row, 'repealed'), ({ report }: Years) => report.proactive[row].repealed, { negate: true })
  ],
  actual: [slotTerm(({ report }: Years) => ({ zh: `${report.year}年现行有效`, en: `in force in ${report.year}` }),
    pointer('proactive', row, 'inForce'), ({ report }: Years) => report.proactive[row].inForce)],
  context: ({ previous }: Years) => ({ row, previousYear: previous.year })
}))

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
    return checkAllLaidOut(CY_IN_FORCE, ROW_IDENTITIES, { report, previous })
  }
})
