import type { RuleDefinition } from '../findings.js'
import { checkAllLaidOut, rowSlot } from '../identity.js'
import type { IdentityLayout } from '../identity.js'
import { APPLICANT_COLUMNS } from '../report.js'
import type { ApplicantRow } from '../report.js'
import { COLUMN_LABELS, OUTCOME_CATEGORY_LABELS, perRequestLayout, rowCellsOf } from '../tables.js'
import type { OutcomeCategory, RequestRowLayout } from '../tables.js'

const CATEGORIES = Object.keys(OUTCOME_CATEGORY_LABELS) as OutcomeCategory[]

/** One identity per column of table 三, laid out once for each layout of the table: each category's rows, then （七）. */
const columnIdentities = perRequestLayout((rows) => APPLICANT_COLUMNS.map((column): IdentityLayout<readonly ApplicantRow[]> => {
  const total = rows.findIndex((row) => row.kind === 'total')
  return {
    scope: { zh: `第三部分“${COLUMN_LABELS[column].zh}”列`, en: `Table 3 column "${COLUMN_LABELS[column].en}"` },
    expected: CATEGORIES.map((category) => ({
      label: OUTCOME_CATEGORY_LABELS[category],
      cells: rows.flatMap((row, index) => row.kind === category ? [rowSlot(row, index, column)] : [])
    })),
    actual: [{ label: { zh: '（七）总计', en: '(7) total' }, cells: [rowSlot(rows[total] as RequestRowLayout, total, column)] }],
    context: { column }
  }
}))

/**
 * T3-RESULTS-SUM (error): in every column of table 三, （七）总计 = 予以公开 + 部分公开 + Σ不予公开 + Σ无法提供
 * + Σ不予处理 + Σ其他处理 (either layout of 其他处理; blanks count as 0). The message shows one subtotal per
 * category; the pointers list every cell. One finding per failing column.
 *
 * Example: 自然人 column with 予以公开 3, 无法提供 6 and 总计 10 → expected 9, actual 10, difference 1, message
 * '第三部分“自然人”列：予以公开(3)+部分公开(0)+不予公开(0)+无法提供(6)+不予处理(0)+其他处理(0)=9，应等于（七）总计(10)'.
 */
export const T3_RESULTS_SUM: RuleDefinition = {
  id: 'T3-RESULTS-SUM',
  severity: 'error',
  title: '表三办理结果总计等于各项办理结果之和',
  titleEn: 'Table 3 outcome total',
  description: 'For every column c of table 3: outcomes.total[c] = granted[c] + partiallyGranted[c] + Σ denied.*[c] + Σ unable.*[c] + Σ rejected.*[c] + Σ other.*[c].',
  templates: ['2021', '2019'],
  needsPrevious: false,
  check ({ report }) {
    return checkAllLaidOut(T3_RESULTS_SUM, columnIdentities(report.requests), rowCellsOf(report.requests))
  }
}
