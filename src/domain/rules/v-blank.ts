import { pointer } from '../cells.js'
import type { CellRef } from '../cells.js'
import { failed } from '../findings.js'
import type { Finding, RuleDefinition } from '../findings.js'
import { APPLICANT_COLUMNS } from '../report.js'
import { CASE_FIELD_LABELS, CASE_FIELDS, CASE_GROUP_LABELS, CASE_GROUPS, COLUMN_LABELS, requestRows } from '../tables.js'
import type { Label } from '../tables.js'

/** One printed row: where it is, what the form calls it, and its cells, each with its column name. */
interface PrintedRow {
  readonly pointer: string
  readonly label: Label
  readonly cells: readonly { readonly cell: CellRef, readonly label: Label }[]
}

/** The cells of table 四 in printed order with their pointers and names, built once (the layout is fixed). */
const TABLE4_CELLS = CASE_GROUPS.flatMap((group) => CASE_FIELDS.map((field) => ({
  group,
  field,
  cellPointer: pointer('reviewLitigation', group, field),
  label: {
    zh: `${CASE_GROUP_LABELS[group].zh}-${CASE_FIELD_LABELS[field].zh}`,
    en: `${CASE_GROUP_LABELS[group].en} ${CASE_FIELD_LABELS[field].en}`
  }
})))

function blankFinding (row: PrintedRow): Finding[] {
  const blanks = row.cells.filter(({ cell }) => cell.value === null)
  if (blanks.length === 0) return []
  return [failed(V_BLANK, {
    message: `${row.label.zh}有${blanks.length}个空白单元格（${blanks.map((b) => b.label.zh).join('、')}），合计时按0计算`,
    messageEn: `${row.label.en} has ${blanks.length} blank cell(s) (${blanks.map((b) => b.label.en).join(', ')}); they count as 0 in sums`,
    pointers: blanks.map(({ cell }) => cell.pointer),
    expected: null,
    actual: null,
    difference: null,
    context: { row: row.pointer, blankCount: blanks.length }
  })]
}

/**
 * V-BLANK (warning): a blank (`null`) cell in table 三 or 四 is not a 0; it counts as 0 inside sums and
 * is reported here, one finding per printed row (table 四 is one printed row of 15 cells) listing its blank cells.
 *
 * Example: `newReceived = { naturalPerson: null, …, total: null }` → one finding with pointers
 * `['/requests/newReceived/naturalPerson', '/requests/newReceived/total']`, message
 * '第三部分“本年新收”行有2个空白单元格（自然人、总计），合计时按0计算'.
 */
export const V_BLANK: RuleDefinition = {
  id: 'V-BLANK',
  severity: 'warning',
  title: '表三、表四存在空白单元格',
  titleEn: 'Blank cells in tables 3 and 4',
  description: 'Every cell of table 3 (requests) and table 4 (reviewLitigation) should be a number; a null (printed blank, "/", "—") is reported once per printed row and counts as 0 in sums.',
  templates: ['2021', '2019'],
  needsPrevious: false,
  check ({ report }) {
    const table3: PrintedRow[] = requestRows(report.requests).map((row) => ({
      pointer: row.pointer,
      label: { zh: `第三部分“${row.label.zh}”行`, en: `Table 3 row "${row.label.en}"` },
      cells: APPLICANT_COLUMNS.map((column) => ({
        cell: { pointer: row.cellPointers[column], value: row.cells[column] },
        label: COLUMN_LABELS[column]
      }))
    }))
    const rl = report.reviewLitigation
    const table4: PrintedRow = {
      pointer: '/reviewLitigation',
      label: { zh: '第四部分', en: 'Table 4' },
      cells: TABLE4_CELLS.map(({ group, field, cellPointer, label }) => ({ cell: { pointer: cellPointer, value: rl[group][field] }, label }))
    }
    return [...table3, table4].flatMap(blankFinding)
  }
}
