import { pointer } from '../cells.js'
import { crossYearRule } from '../cross-year.js'
import { checkAllLaidOut, slotTerm } from '../identity.js'
import type { IdentityLayout } from '../identity.js'
import { APPLICANT_COLUMNS } from '../report.js'
import type { AnnualReport } from '../report.js'
import { COLUMN_LABELS } from '../tables.js'

/** The two reports compared. */
interface Years { readonly report: AnnualReport, readonly previous: AnnualReport }

/** One identity per column of table 三, laid out once; the labels name the two years. */
const COLUMN_IDENTITIES = APPLICANT_COLUMNS.map((column): IdentityLayout<Years> => ({
  scope: { zh: `第三部分“${COLUMN_LABELS[column].zh}”列`, en: `Table 3 column "${COLUMN_LABELS[column].en}"` },
  expected: [slotTerm(
    ({ previous }: Years) => ({ zh: `${previous.year}年结转下年度`, en: `carried forward in ${previous.year}` }),
    pointer('requests', 'carriedForward', column),
    ({ previous }: Years) => previous.requests.carriedForward[column],
    { fromPrevious: true }
  )],
  actual: [slotTerm(
    ({ report }: Years) => ({ zh: `${report.year}年上年结转`, en: `carried over in ${report.year}` }),
    pointer('requests', 'carriedOver', column),
    ({ report }: Years) => report.requests.carriedOver[column]
  )],
  context: ({ previous }: Years) => ({ column, previousYear: previous.year })
}))

/**
 * CY-CARRY (error): what year N−1 carried forward is what year N carried over, in every column:
 * `requests.carriedOver[c]` (N) = `requests.carriedForward[c]` (N−1). Table 三 has the same rows for this on both
 * templates, so the rule also spans the 2020→2021 change. `pointers` are the year-N cells; the year-N−1 cells are
 * in `context.previousPointers`. Without the prior year's report: one `not_assessable` finding.
 *
 * Example: 2022 结转下年度 总计 3, 2023 上年结转 总计 2 → a finding for the 总计 column, expected 3, actual 2,
 * difference −1, pointers `['/requests/carriedOver/total']`, `context.previousPointers` `['/requests/carriedForward/total']`.
 */
export const CY_CARRY = crossYearRule({
  id: 'CY-CARRY',
  severity: 'error',
  title: '本年上年结转等于上年结转下年度',
  titleEn: 'Carry-over matches the prior year',
  description: 'For every column c of table 3: requests.carriedOver[c] (year N) = requests.carriedForward[c] (year N-1).',
  templates: ['2021', '2019'],
  needsSameTemplate: false,
  compare (report, previous) {
    return checkAllLaidOut(CY_CARRY, COLUMN_IDENTITIES, { report, previous })
  }
})
