/**
 * Cells as data: JSON Pointers, sums that treat a blank as 0 while remembering it, and the list of
 * every numeric cell of a report in document order (used for storage, exports and year-over-year).
 */
import { APPLICANT_COLUMNS } from './report.js'
import type { AnnualReport, Cell, Requests, ReviewLitigation } from './report.js'
import { pointer } from './pointer.js'
import { CASE_FIELDS, CASE_GROUPS, requestRows } from './tables.js'

export { pointer }

/** One table cell and where it sits in the report body. */
export interface CellRef {
  readonly pointer: string
  readonly value: Cell
}

/** The cells of one printed row: each key with the JSON Pointer of its cell. */
type RowPointers<K extends string> = readonly (readonly [K, string])[]

function rowPointers<K extends string> (path: readonly string[], keys: readonly K[]): RowPointers<K> {
  return keys.map((key) => [key, pointer(...path, key)] as const)
}

function cellsAt<K extends string> (pointers: RowPointers<K>, row: { readonly [k in K]: Cell }): CellRef[] {
  return pointers.map(([key, cellPointer]) => ({ pointer: cellPointer, value: row[key] }))
}

/**
 * Lists the named cells of one row under `path`, in the order of `keys`.
 *
 * Example: `cellsOf(['reviewLitigation', 'review'], { upheld: 1, corrected: 0, … }, ['upheld', 'total'])`
 * → `[{ pointer: '/reviewLitigation/review/upheld', value: 1 }, { pointer: '/reviewLitigation/review/total', value: … }]`.
 */
export function cellsOf<K extends string> (
  path: readonly string[],
  row: { readonly [k in K]: Cell },
  keys: readonly K[]
): CellRef[] {
  return cellsAt(rowPointers(path, keys), row)
}

/**
 * Adds cell values, counting a blank as 0 (the rule for every sum on the form).
 *
 * Example: `addCells([3, null, 4])` → `7`; `addCells([])` → `0`.
 */
export function addCells (values: readonly Cell[]): number {
  return values.reduce<number>((acc, value) => acc + (value ?? 0), 0)
}

/** A sum in which blank cells counted as 0, with the pointers of those blanks (for V-BLANK and messages). */
export interface CellSum {
  readonly sum: number
  readonly blanks: readonly string[]
}

/**
 * Adds cells, counting a blank (`null`) as 0 — the form's identities treat an unprinted count as none —
 * and reports which cells were blank so the caller can say so.
 *
 * Example: `sumCells([{ pointer: '/a', value: 3 }, { pointer: '/b', value: null }])` → `{ sum: 3, blanks: ['/b'] }`.
 */
export function sumCells (cells: readonly CellRef[]): CellSum {
  return {
    sum: addCells(cells.map((cell) => cell.value)),
    blanks: cells.filter((cell) => cell.value === null).map((cell) => cell.pointer)
  }
}

/**
 * Adds values that together stand for one printed figure: blank only when every part is blank,
 * otherwise the sum with blanks as 0 (e.g. the three 2021 （六）其他处理 rows read as the single 2019 row).
 *
 * Example: `sumOrNull([1, null, 2])` → `3`; `sumOrNull([null, null])` → `null`.
 */
export function sumOrNull (values: readonly Cell[]): Cell {
  return values.every((v) => v === null) ? null : addCells(values)
}

const DOCUMENTS_2021 = ['issued', 'repealed', 'inForce'] as const
const DOCUMENTS_2019 = ['newlyMade', 'newlyPublished', 'totalPublic'] as const
const ITEMS_2019 = ['previousItems', 'change', 'decisions'] as const

/*
 * The pointers of tables 二 and 四, built once: the layouts are fixed, and the cells are listed on every write and
 * for both years of every year-over-year comparison. (Table 三's rows carry theirs, see `requestRows`.)
 */
const PROACTIVE_2021 = {
  regulations: rowPointers(['proactive', 'regulations'], DOCUMENTS_2021),
  normativeDocuments: rowPointers(['proactive', 'normativeDocuments'], DOCUMENTS_2021),
  licensing: rowPointers(['proactive', 'licensing'], ['decisions']),
  penalties: rowPointers(['proactive', 'penalties'], ['decisions']),
  coercion: rowPointers(['proactive', 'coercion'], ['decisions']),
  fees: rowPointers(['proactive', 'fees'], ['amountWan'])
}
const PROACTIVE_2019 = {
  regulations: rowPointers(['proactive', 'regulations'], DOCUMENTS_2019),
  normativeDocuments: rowPointers(['proactive', 'normativeDocuments'], DOCUMENTS_2019),
  licensing: rowPointers(['proactive', 'licensing'], ITEMS_2019),
  otherServices: rowPointers(['proactive', 'otherServices'], ITEMS_2019),
  penalties: rowPointers(['proactive', 'penalties'], ITEMS_2019),
  coercion: rowPointers(['proactive', 'coercion'], ITEMS_2019),
  fees: rowPointers(['proactive', 'fees'], ['previousItems', 'change']),
  procurement: rowPointers(['proactive', 'procurement'], ['projects', 'amountWan'])
}
const REVIEW_LITIGATION = CASE_GROUPS.map((group) => [group, rowPointers(['reviewLitigation', group], CASE_FIELDS)] as const)

/**
 * Lists the cells of table 二 in printed order; the layout depends on the template.
 *
 * Example: for a 2021 report this is 10 cells, from `/proactive/regulations/issued` to `/proactive/fees/amountWan`;
 * for a 2019 report 22 cells, ending with `/proactive/procurement/amountWan`.
 */
export function proactiveCells (report: AnnualReport): CellRef[] {
  if (report.template === '2021') {
    const p = report.proactive
    const rows = PROACTIVE_2021
    return [
      ...cellsAt(rows.regulations, p.regulations),
      ...cellsAt(rows.normativeDocuments, p.normativeDocuments),
      ...cellsAt(rows.licensing, p.licensing),
      ...cellsAt(rows.penalties, p.penalties),
      ...cellsAt(rows.coercion, p.coercion),
      ...cellsAt(rows.fees, p.fees)
    ]
  }
  const p = report.proactive
  const rows = PROACTIVE_2019
  return [
    ...cellsAt(rows.regulations, p.regulations),
    ...cellsAt(rows.normativeDocuments, p.normativeDocuments),
    ...cellsAt(rows.licensing, p.licensing),
    ...cellsAt(rows.otherServices, p.otherServices),
    ...cellsAt(rows.penalties, p.penalties),
    ...cellsAt(rows.coercion, p.coercion),
    ...cellsAt(rows.fees, p.fees),
    ...cellsAt(rows.procurement, p.procurement)
  ]
}

/**
 * Lists the cells of table 三 row by row in printed order, 7 columns each.
 *
 * Example: the first cells are `/requests/newReceived/naturalPerson` … `/requests/newReceived/total`;
 * a 2021-layout table has 175 cells, a 2019-layout one 161.
 */
export function requestCells (requests: Requests): CellRef[] {
  const cells: CellRef[] = []
  for (const row of requestRows(requests)) {
    for (const column of APPLICANT_COLUMNS) cells.push({ pointer: row.cellPointers[column], value: row.cells[column] })
  }
  return cells
}

/**
 * Lists the 15 cells of table 四 (its single printed row) in printed order.
 *
 * Example: `/reviewLitigation/review/upheld`, …, `/reviewLitigation/review/total`, `/reviewLitigation/suitDirect/upheld`, …,
 * `/reviewLitigation/suitAfterReview/total`.
 */
export function reviewLitigationCells (reviewLitigation: ReviewLitigation): CellRef[] {
  return REVIEW_LITIGATION.flatMap(([group, pointers]) => cellsAt(pointers, reviewLitigation[group]))
}

/**
 * Lists every numeric cell of a report (tables 二, 三, 四) with its JSON Pointer, in document order.
 * Blank cells are listed with `value: null`: a blank is kept, never turned into 0.
 *
 * Example: the seed (2021 template, 2021 layout) yields 10 + 175 + 15 = 200 cells, the first being
 * `{ pointer: '/proactive/regulations/issued', value: 0 }` and the last `{ pointer: '/reviewLitigation/suitAfterReview/total', value: 0 }`.
 */
export function reportCells (report: AnnualReport): CellRef[] {
  return [...proactiveCells(report), ...requestCells(report.requests), ...reviewLitigationCells(report.reviewLitigation)]
}
