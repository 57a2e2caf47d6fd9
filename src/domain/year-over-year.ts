/**
 * Year-over-year changes of one agency's reports (same kind, years N−1 and N): every comparable cell with its
 * change, and the derived indicators of rules.md (disclosure rate, denial rate, …) in both years.
 */
import { addCells, proactiveCells, requestCells, reviewLitigationCells, sumOrNull } from './cells.js'
import type { CellRef } from './cells.js'
import { APPLICANT_COLUMNS, isSingleRowOther } from './report.js'
import type { AnnualReport, ApplicantRow, Cell, Requests } from './report.js'
import { requestRows } from './tables.js'

export interface CellChange {
  readonly pointer: string
  readonly previous: Cell
  readonly current: Cell
  /** current − previous, rounded to 6 decimals (the precision of 万元 amounts); null when either side is blank. */
  readonly delta: number | null
  /** delta ÷ previous; null when either side is blank or previous is 0. */
  readonly relative: number | null
}

/** The derived indicators of rules.md, in the order they are served. */
export const INDICATOR_NAMES = [
  'disclosureRate',
  'denialRate',
  'notHeldShare',
  'reviewCorrectionRate',
  'litigationCorrectionRate'
] as const

export type IndicatorName = typeof INDICATOR_NAMES[number]

/** Each indicator is a ratio in [0, 1], or null when its denominator is 0. */
export type Indicators = { readonly [N in IndicatorName]: number | null }

export interface IndicatorChange {
  readonly name: IndicatorName
  readonly previous: number | null
  readonly current: number | null
  /** current − previous, rounded to 6 decimals; null when either is null. */
  readonly delta: number | null
}

export type ReportTable = 'proactive' | 'requests' | 'reviewLitigation'

export interface YearOverYear {
  readonly previousYear: number
  readonly currentYear: number
  /** Table 二 (`proactive`) is left out when the two reports follow different templates. */
  readonly comparableTables: readonly ReportTable[]
  readonly changes: readonly CellChange[]
  readonly indicators: readonly IndicatorChange[]
}

/** Rounds to 6 decimals, so 万元 amounts subtract without float noise (0.3 − 0.1 → 0.2); `+ 0` turns −0 into 0. */
function round6 (value: number): number {
  return Math.round(value * 1e6) / 1e6 + 0
}

function ratio (numerator: number, denominator: number): number | null {
  // A rate over nothing is undefined; a negative denominator (total < pending) only comes from a broken table.
  return denominator > 0 ? numerator / denominator : null
}

/**
 * Computes the derived indicators of rules.md for one report; blank cells count as 0, and an indicator whose
 * denominator is 0 is null:
 * - disclosureRate = (granted.total + partiallyGranted.total) / outcomes.total.total
 * - denialRate = Σ denied.*.total / outcomes.total.total
 * - notHeldShare = unable.notHeld.total / outcomes.total.total
 * - reviewCorrectionRate = review.corrected / (review.total − review.pending)
 * - litigationCorrectionRate = (suitDirect + suitAfterReview).corrected / ((suitDirect + suitAfterReview).total − (…).pending)
 *
 * Example: the seed (予以公开 3, 无法提供/不掌握 6, 总计 9; one review upheld) →
 * `{ disclosureRate: 0.333…, denialRate: 0, notHeldShare: 0.666…, reviewCorrectionRate: 0, litigationCorrectionRate: null }`.
 */
export function computeIndicators (report: AnnualReport): Indicators {
  const o = report.requests.outcomes
  const handled = o.total.total ?? 0
  const denied = requestRows(report.requests).filter((row) => row.kind === 'denied').map((row) => row.cells.total)
  const { review, suitDirect, suitAfterReview } = report.reviewLitigation
  return {
    disclosureRate: ratio(addCells([o.granted.total, o.partiallyGranted.total]), handled),
    denialRate: ratio(addCells(denied), handled),
    notHeldShare: ratio(addCells([o.unable.notHeld.total]), handled),
    reviewCorrectionRate: ratio(addCells([review.corrected]), addCells([review.total]) - addCells([review.pending])),
    litigationCorrectionRate: ratio(
      addCells([suitDirect.corrected, suitAfterReview.corrected]),
      addCells([suitDirect.total, suitAfterReview.total]) - addCells([suitDirect.pending, suitAfterReview.pending])
    )
  }
}

/** The 2021 （六）其他处理 rows read as the single 2019 row: per column, their sum (blank only if all three are blank). */
function withSingleRowOther (requests: Requests): Requests {
  const other = requests.outcomes.other
  if (isSingleRowOther(other)) return requests
  const parts = [other.noCorrection, other.feeUnpaid, other.misc]
  const merged = Object.fromEntries(
    APPLICANT_COLUMNS.map((column) => [column, sumOrNull(parts.map((row) => row[column]))])
  ) as ApplicantRow
  return { ...requests, outcomes: { ...requests.outcomes, other: merged } }
}

interface Comparability {
  /** Table 二 is comparable only between reports on the same template. */
  readonly proactive: boolean
  /** The two years print （六）其他处理 in different layouts, so both are read as the single row. */
  readonly singleRowOther: boolean
}

function comparableCells (report: AnnualReport, how: Comparability): CellRef[] {
  const requests = how.singleRowOther ? withSingleRowOther(report.requests) : report.requests
  return [
    ...(how.proactive ? proactiveCells(report) : []),
    ...requestCells(requests),
    ...reviewLitigationCells(report.reviewLitigation)
  ]
}

function change (pointer: string, previous: Cell, current: Cell): CellChange {
  // A blank is not a 0, so a change from or to a blank is unknown.
  if (previous === null || current === null) return { pointer, previous, current, delta: null, relative: null }
  const delta = round6(current - previous)
  return { pointer, previous, current, delta, relative: previous === 0 ? null : delta / previous }
}

/**
 * Lists, in the current report's document order, every cell present and comparable in both years with
 * previous, current, delta and relative change, plus the indicators of both years.
 *
 * Comparability: on the same template every cell is compared. Across the 2020→2021 template change table 二 is
 * left out (its rows and columns changed) and only tables 三 and 四 are compared. When one year prints （六）其他处理
 * as the single 2019 row and the other as the three 2021 rows, the three rows are summed per column and compared
 * with the single row under the single-row pointers `/requests/outcomes/other/<column>` — the only cells both
 * years actually have — instead of the three-row pointers.
 *
 * Example: seed 2022 with 本年新收 总计 8 and seed 2023 with 10 → a change
 * `{ pointer: '/requests/newReceived/total', previous: 8, current: 10, delta: 2, relative: 0.25 }`, among 200.
 */
export function computeYearOverYear (previous: AnnualReport, current: AnnualReport): YearOverYear {
  const sameTemplate = previous.template === current.template
  const how: Comparability = {
    proactive: sameTemplate,
    singleRowOther: isSingleRowOther(previous.requests.outcomes.other) !== isSingleRowOther(current.requests.outcomes.other)
  }
  const before = new Map<string, Cell>()
  for (const cell of comparableCells(previous, how)) before.set(cell.pointer, cell.value)
  // Both lists have the same pointers by construction; matching by pointer rather than by position keeps it so.
  const changes: CellChange[] = []
  for (const cell of comparableCells(current, how)) {
    const old = before.get(cell.pointer)
    if (old !== undefined) changes.push(change(cell.pointer, old, cell.value))
  }
  const was = computeIndicators(previous)
  const is = computeIndicators(current)
  return {
    previousYear: previous.year,
    currentYear: current.year,
    comparableTables: sameTemplate ? ['proactive', 'requests', 'reviewLitigation'] : ['requests', 'reviewLitigation'],
    changes,
    indicators: INDICATOR_NAMES.map((name) => {
      const p = was[name]
      const c = is[name]
      return { name, previous: p, current: c, delta: p === null || c === null ? null : round6(c - p) }
    })
  }
}
