import { pointer } from '../cells.js'
import type { RuleDefinition } from '../findings.js'
import { cellTerm, checkIdentity } from '../identity.js'
import { APPLICANT_COLUMNS } from '../report.js'
import { COLUMN_LABELS, OUTCOME_CATEGORY_LABELS, requestRows } from '../tables.js'
import type { OutcomeCategory } from '../tables.js'

const CATEGORIES = Object.keys(OUTCOME_CATEGORY_LABELS) as OutcomeCategory[]

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
    const rows = requestRows(report.requests)
    // Each category's rows, picked once for all seven columns.
    const categories = CATEGORIES.map((category) => ({
      label: OUTCOME_CATEGORY_LABELS[category],
      rows: rows.filter((row) => row.kind === category)
    }))
    const o = report.requests.outcomes
    return APPLICANT_COLUMNS.flatMap((column) => checkIdentity(T3_RESULTS_SUM, {
      scope: { zh: `第三部分“${COLUMN_LABELS[column].zh}”列`, en: `Table 3 column "${COLUMN_LABELS[column].en}"` },
      expected: categories.map((category) => ({
        label: category.label,
        cells: category.rows.map((row) => ({ pointer: row.cellPointers[column], value: row.cells[column] }))
      })),
      actual: [cellTerm({ zh: '（七）总计', en: '(7) total' }, { pointer: pointer('requests', 'outcomes', 'total', column), value: o.total[column] })],
      context: { column }
    }))
  }
}
