import { pointer } from '../cells.js'
import { failed } from '../findings.js'
import type { Finding, RuleDefinition } from '../findings.js'
import { APPLICANT_COLUMNS } from '../report.js'
import type { ApplicantRow, Cell, ReviewLitigation } from '../report.js'
import { CASE_FIELD_LABELS, CASE_FIELDS, CASE_GROUP_LABELS, CASE_GROUPS, COLUMN_LABELS, perRequestLayout, rowCellsOf } from '../tables.js'
import type { Label } from '../tables.js'

/** One printed row, laid out once: where it is, what the form calls it, and its cells, each with its column name. */
interface PrintedRow {
  readonly pointer: string
  readonly label: Label
  readonly cells: readonly { readonly pointer: string, readonly label: Label, readonly read: (cells: TableCells) => Cell }[]
}

/** What the printed rows are read from: the cells of table 三's rows (`rowCellsOf`) and table 四. */
interface TableCells {
  readonly rows: readonly ApplicantRow[]
  readonly reviewLitigation: ReviewLitigation
}

/** Table 四 as one printed row of 15 cells in printed order with their pointers and names (the layout is fixed). */
const TABLE4: PrintedRow = {
  pointer: '/reviewLitigation',
  label: { zh: '第四部分', en: 'Table 4' },
  cells: CASE_GROUPS.flatMap((group) => CASE_FIELDS.map((field) => ({
    pointer: pointer('reviewLitigation', group, field),
    label: {
      zh: `${CASE_GROUP_LABELS[group].zh}-${CASE_FIELD_LABELS[field].zh}`,
      en: `${CASE_GROUP_LABELS[group].en} ${CASE_FIELD_LABELS[field].en}`
    },
    read: (cells: TableCells) => cells.reviewLitigation[group][field]
  })))
}

/** The printed rows of tables 三 and 四, laid out once for each layout of table 三. */
const printedRows = perRequestLayout((rows): readonly PrintedRow[] => [
  ...rows.map((row, index) => ({
    pointer: row.pointer,
    label: { zh: `第三部分“${row.label.zh}”行`, en: `Table 3 row "${row.label.en}"` },
    cells: APPLICANT_COLUMNS.map((column) => ({
      pointer: row.cellPointers[column],
      label: COLUMN_LABELS[column],
      read: (cells: TableCells) => (cells.rows[index] as ApplicantRow)[column]
    }))
  })),
  TABLE4
])

function blankFinding (row: PrintedRow, cells: TableCells): Finding | null {
  // Most rows have no blank: they are passed over without building anything.
  if (row.cells.every((cell) => cell.read(cells) !== null)) return null
  const blanks = row.cells.filter((cell) => cell.read(cells) === null)
  return failed(V_BLANK, {
    message: `${row.label.zh}有${blanks.length}个空白单元格（${blanks.map((b) => b.label.zh).join('、')}），合计时按0计算`,
    messageEn: `${row.label.en} has ${blanks.length} blank cell(s) (${blanks.map((b) => b.label.en).join(', ')}); they count as 0 in sums`,
    pointers: blanks.map((cell) => cell.pointer),
    expected: null,
    actual: null,
    difference: null,
    context: { row: row.pointer, blankCount: blanks.length }
  })
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
    const findings: Finding[] = []
    const cells = { rows: rowCellsOf(report.requests), reviewLitigation: report.reviewLitigation }
    for (const row of printedRows(report.requests)) {
      const finding = blankFinding(row, cells)
      if (finding !== null) findings.push(finding)
    }
    return findings
  }
}
