/**
 * Cells as data: JSON Pointers, sums that treat a blank as 0 while remembering it, and the list of
 * every numeric cell of a report in document order (used for storage, exports and year-over-year).
 */
import { APPLICANT_COLUMNS } from './report.js'
import type { AnnualReport, Cell, Requests, ReviewLitigation } from './report.js'
import { CASE_FIELDS, CASE_GROUPS, requestRows } from './tables.js'

/** One table cell and where it sits in the report body. */
export interface CellRef {
  readonly pointer: string
  readonly value: Cell
}

/**
 * Builds an RFC 6901 JSON Pointer from path segments, escaping `~` and `/` inside a segment.
 *
 * Example: `pointer('requests', 'newReceived', 'total')` → `'/requests/newReceived/total'`.
 */
export function pointer (...segments: readonly string[]): string {
  let text = ''
  // Our keys never contain `~` or `/`, so the escaping (the costly part of this hot path) is rarely needed.
  for (const segment of segments) {
    text += '/' + (/[~/]/.test(segment) ? segment.replaceAll('~', '~0').replaceAll('/', '~1') : segment)
  }
  return text
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
  return keys.map((key) => ({ pointer: pointer(...path, key), value: row[key] }))
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

/**
 * Lists the cells of table 二 in printed order; the layout depends on the template.
 *
 * Example: for a 2021 report this is 10 cells, from `/proactive/regulations/issued` to `/proactive/fees/amountWan`;
 * for a 2019 report 22 cells, ending with `/proactive/procurement/amountWan`.
 */
export function proactiveCells (report: AnnualReport): CellRef[] {
  if (report.template === '2021') {
    const p = report.proactive
    return [
      ...cellsOf(['proactive', 'regulations'], p.regulations, DOCUMENTS_2021),
      ...cellsOf(['proactive', 'normativeDocuments'], p.normativeDocuments, DOCUMENTS_2021),
      ...cellsOf(['proactive', 'licensing'], p.licensing, ['decisions']),
      ...cellsOf(['proactive', 'penalties'], p.penalties, ['decisions']),
      ...cellsOf(['proactive', 'coercion'], p.coercion, ['decisions']),
      ...cellsOf(['proactive', 'fees'], p.fees, ['amountWan'])
    ]
  }
  const p = report.proactive
  return [
    ...cellsOf(['proactive', 'regulations'], p.regulations, DOCUMENTS_2019),
    ...cellsOf(['proactive', 'normativeDocuments'], p.normativeDocuments, DOCUMENTS_2019),
    ...cellsOf(['proactive', 'licensing'], p.licensing, ITEMS_2019),
    ...cellsOf(['proactive', 'otherServices'], p.otherServices, ITEMS_2019),
    ...cellsOf(['proactive', 'penalties'], p.penalties, ITEMS_2019),
    ...cellsOf(['proactive', 'coercion'], p.coercion, ITEMS_2019),
    ...cellsOf(['proactive', 'fees'], p.fees, ['previousItems', 'change']),
    ...cellsOf(['proactive', 'procurement'], p.procurement, ['projects', 'amountWan'])
  ]
}

/**
 * Lists the cells of table 三 row by row in printed order, 7 columns each.
 *
 * Example: the first cells are `/requests/newReceived/naturalPerson` … `/requests/newReceived/total`;
 * a 2021-layout table has 175 cells, a 2019-layout one 161.
 */
export function requestCells (requests: Requests): CellRef[] {
  return requestRows(requests).flatMap((row) => cellsOf(row.path, row.cells, APPLICANT_COLUMNS))
}

/**
 * Lists the 15 cells of table 四 (its single printed row) in printed order.
 *
 * Example: `/reviewLitigation/review/upheld`, …, `/reviewLitigation/review/total`, `/reviewLitigation/suitDirect/upheld`, …,
 * `/reviewLitigation/suitAfterReview/total`.
 */
export function reviewLitigationCells (reviewLitigation: ReviewLitigation): CellRef[] {
  return CASE_GROUPS.flatMap((group) => cellsOf(['reviewLitigation', group], reviewLitigation[group], CASE_FIELDS))
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
