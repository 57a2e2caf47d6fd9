/**
 * A government's summary (`kind: government`) against the departments' reports (`kind: agency`) of its region and
 * year: what the stored parts add up to, cell by cell, how much of the summary they cover, and where their sum
 * exceeds it (GOV-PARTS). The sums are computed by the database; this module only reads them.
 */
import { type CellRef, reportCells } from './cells.js'
import type { AnnualReport, Cell } from './report.js'
import { FIGURE_POINTERS } from './rollup.js'

/** A department whose report of the summary's region and year is stored. */
export interface PartDepartment {
  readonly reportId: number
  readonly agencyCode: string
  readonly agencyName: string
}

/** One department's value in one cell. */
export interface PartContribution {
  readonly agencyCode: string
  readonly agencyName: string
  readonly value: number
}

/** One cell over the stored parts: its sum (blanks as 0) and its largest contributors, largest first. */
export interface PartCellSum {
  readonly sum: number
  /** At most `TOP_CONTRIBUTORS`, each with a positive value; ties in agency-code order. Empty where not looked up. */
  readonly top: readonly PartContribution[]
}

/** The stored departments' reports of one region and year, added up. A cell whose sum is 0 may be absent. */
export interface RegionParts {
  readonly regionCode: string
  readonly year: number
  /** In agency-code order. */
  readonly departments: readonly PartDepartment[]
  readonly cells: ReadonlyMap<string, PartCellSum>
}

/** How many of the largest contributors a finding and the coverage name. */
export const TOP_CONTRIBUTORS = 3

/** The cells GOV-PARTS compares: every cell of tables 三 and 四 (table 二's counts are compared as coverage only). */
export const RULE_POINTERS: readonly string[] = Object.freeze(FIGURE_POINTERS.filter((at) => at.startsWith('/requests/') || at.startsWith('/reviewLitigation/')))

/**
 * Stocks: what is in force or public at the end of the year. A summary's stock is not the sum of its departments'
 * (a document in force is counted by the issuer alone), so coverage leaves them out.
 */
const STOCK_CELL = /\/(inForce|totalPublic|previousItems)$/

/** The cells coverage is shown for: tables 二, 三 and 四 without the stocks. */
export const COVERAGE_POINTERS: readonly string[] = Object.freeze(FIGURE_POINTERS.filter((at) => !STOCK_CELL.test(at)))

/** The cell the one-line coverage on the report page speaks of: 本年新收政府信息公开申请数量 总计. */
export const HEADLINE_COVERAGE_POINTER = '/requests/newReceived/total'

const RULE_CELLS = new Set(RULE_POINTERS)
const COVERAGE_CELLS = new Set(COVERAGE_POINTERS)
const NO_PARTS: PartCellSum = { sum: 0, top: [] }

/** A cell whose parts add up to more than the summary states. */
export interface Exceedance {
  readonly pointer: string
  /** Σ over the stored parts, blanks as 0. */
  readonly partsSum: number
  /** The summary's cell; a blank (null) counts as 0. */
  readonly summaryValue: Cell
  readonly top: readonly PartContribution[]
}

function partsOf (parts: RegionParts, at: string): PartCellSum {
  return parts.cells.get(at) ?? NO_PARTS
}

/**
 * The cells of tables 三 and 四 where the stored parts add up to more than the summary, in document order. Only a
 * cell the summary has is compared (a part of the other （六） layout adds nothing to a cell the summary lacks).
 *
 * Example: summary 本年新收 总计 10, parts 6 and 7 → `[{ pointer: '/requests/newReceived/total', partsSum: 13, summaryValue: 10, top: […] }]`.
 */
export function findExceedances (summaryCells: readonly CellRef[], parts: RegionParts): Exceedance[] {
  return summaryCells.flatMap(({ pointer, value }) => {
    if (!RULE_CELLS.has(pointer)) return []
    const { sum, top } = partsOf(parts, pointer)
    return sum > (value ?? 0) ? [{ pointer, partsSum: sum, summaryValue: value, top }] : []
  })
}

/** One cell of the summary with what the stored parts add up to. */
export interface CellCoverage {
  readonly pointer: string
  readonly summaryValue: Cell
  readonly partsSum: number
  /** `partsSum ÷ summaryValue`; null when the summary's cell is 0 or blank. */
  readonly ratio: number | null
  readonly top: readonly PartContribution[]
}

/**
 * For each cell of tables 二, 三 and 四 the summary has (stocks left out), Σ parts ÷ summary, in document order.
 *
 * Example: summary 本年新收 总计 20, parts 6 and 7 → `{ pointer: '/requests/newReceived/total', summaryValue: 20, partsSum: 13, ratio: 0.65, … }`.
 */
export function coverageOf (summary: AnnualReport, parts: RegionParts): CellCoverage[] {
  return reportCells(summary).flatMap(({ pointer, value }) => {
    if (!COVERAGE_CELLS.has(pointer)) return []
    const { sum, top } = partsOf(parts, pointer)
    return [{ pointer, summaryValue: value, partsSum: sum, ratio: value === null || value === 0 ? null : sum / value, top }]
  })
}
