import { cellsOf } from '../cells.js'
import { failed } from '../findings.js'
import type { RuleDefinition } from '../findings.js'
import { APPLICANT_COLUMNS, isSingleRowOther } from '../report.js'

/**
 * S-MIXED (warning): a report on the 2021 form with a table in the 2019 layout. The only table whose
 * layout can differ within one template is table 三 （六）其他处理: one row (2019) instead of three (2021).
 *
 * Example: a 2023 report whose `requests.outcomes.other` is a single 7-column row → one finding, expected `'2021'`,
 * actual `'2019'`, pointers `/requests/outcomes/other/naturalPerson` … `/requests/outcomes/other/total`.
 */
export const S_MIXED: RuleDefinition = {
  id: 'S-MIXED',
  severity: 'warning',
  title: '2021年模板中混用2019年表格',
  titleEn: '2019 table layout inside a 2021-template report',
  description: 'template "2021" => requests.outcomes.other has the three 2021 rows (noCorrection, feeUnpaid, misc), not the single 2019 row.',
  templates: ['2021'],
  needsPrevious: false,
  check ({ report }) {
    const other = report.requests.outcomes.other
    if (report.template !== '2021' || !isSingleRowOther(other)) return []
    return [failed(S_MIXED, {
      message: '报告采用2021年模板，但第三部分“（六）其他处理”按2019年模板填为一行（2021年模板分为逾期不补正、逾期未缴纳费用、其他三行）',
      messageEn: 'The report follows the 2021 template, but table 3 "(6) other handling" is a single row as in the 2019 template (the 2021 template has three rows).',
      pointers: cellsOf(['requests', 'outcomes', 'other'], other, APPLICANT_COLUMNS).map((cell) => cell.pointer),
      expected: '2021',
      actual: '2019',
      difference: null,
      context: { table: '/requests/outcomes/other' }
    })]
  }
}
