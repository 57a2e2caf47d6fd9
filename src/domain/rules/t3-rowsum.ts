import type { RuleDefinition } from '../findings.js'
import { checkAllLaidOut, rowSlot } from '../identity.js'
import type { IdentityLayout } from '../identity.js'
import { APPLICANT_COLUMNS } from '../report.js'
import type { ApplicantRow } from '../report.js'
import { COLUMN_LABELS, perRequestLayout, rowCellsOf } from '../tables.js'

const PARTS = APPLICANT_COLUMNS.filter((column) => column !== 'total')

/** One identity per row of table 三, laid out once for each layout of the table. */
const rowIdentities = perRequestLayout((rows) => rows.map((row, index): IdentityLayout<readonly ApplicantRow[]> => ({
  scope: { zh: `第三部分“${row.label.zh}”行`, en: `Table 3 row "${row.label.en}"` },
  expected: PARTS.map((column) => ({ label: COLUMN_LABELS[column], cells: [rowSlot(row, index, column)] })),
  actual: [{ label: COLUMN_LABELS.total, cells: [rowSlot(row, index, 'total')] }],
  context: { row: row.pointer }
})))

/**
 * T3-ROWSUM (error): in every row of table 三, 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他组织
 * (blank cells count as 0). One finding per failing row.
 *
 * Example: `granted = { naturalPerson: 3, commercial: 1, …0, total: 3 }` → one finding, expected 4, actual 3,
 * difference −1, pointers `/requests/outcomes/granted/naturalPerson` … `/requests/outcomes/granted/total`.
 */
export const T3_ROWSUM: RuleDefinition = {
  id: 'T3-ROWSUM',
  severity: 'error',
  title: '表三各行总计等于各类申请人之和',
  titleEn: 'Table 3 row totals',
  description: 'For every row of table 3: total = naturalPerson + commercial + research + socialWelfare + legalService + otherOrg.',
  templates: ['2021', '2019'],
  needsPrevious: false,
  check ({ report }) {
    return checkAllLaidOut(T3_ROWSUM, rowIdentities(report.requests), rowCellsOf(report.requests))
  }
}
