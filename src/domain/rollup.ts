/**
 * Rollups over many reports: which cells a report can have (two templates, two layouts of （六）其他处理),
 * totals of those cells with their blanks, the derived indicators recomputed from the totals (never averaged),
 * and the year-over-year comparison of two rollups. Pure: the database adds up, this module interprets.
 */
import { pointer, reportCells } from './cells.js'
import type { FindingSummary } from './check-report.js'
import { APPLICANT_COLUMNS } from './report.js'
import type {
  AnnualReport, ApplicantRow, CaseGroup, Cell, DeniedOutcomes, DocumentCounts2019, DocumentCounts2021, ItemCounts2019,
  OtherOutcomes2021, RejectedOutcomes, ReportKind, Requests, ReviewLitigation, Template, UnableOutcomes
} from './report.js'
import { computeIndicators, INDICATOR_NAMES } from './year-over-year.js'
import type { IndicatorChange, Indicators, ReportTable } from './year-over-year.js'

export type ReportStatus = FindingSummary['status']

export const REPORT_STATUSES = ['clean', 'warnings', 'errors'] as const satisfies readonly ReportStatus[]

/**
 * Which cells a report has: table 二 follows the template, and （六）其他处理 of table 三 is printed either as the
 * three 2021 rows or as the single 2019 row, whatever the template (real reports mix them).
 */
export interface Layout {
  readonly template: Template
  readonly singleRowOther: boolean
}

/** Every layout a report can have, 2021 form first. */
export const LAYOUTS: readonly Layout[] = [
  { template: '2021', singleRowOther: false },
  { template: '2021', singleRowOther: true },
  { template: '2019', singleRowOther: false },
  { template: '2019', singleRowOther: true }
]

type CellOf = (at: string) => Cell

function row<K extends string> (path: readonly string[], keys: readonly K[], value: CellOf): { readonly [k in K]: Cell } {
  return Object.fromEntries(keys.map((key) => [key, value(pointer(...path, key))])) as { [k in K]: Cell }
}

// The keys of each printed row, in printed order (the report types check them; `cells.ts` lists the same).
const DOCUMENTS_2021 = ['issued', 'repealed', 'inForce'] as const satisfies readonly (keyof DocumentCounts2021)[]
const DOCUMENTS_2019 = ['newlyMade', 'newlyPublished', 'totalPublic'] as const satisfies readonly (keyof DocumentCounts2019)[]
const ITEMS_2019 = ['previousItems', 'change', 'decisions'] as const satisfies readonly (keyof ItemCounts2019)[]
const DENIED = ['stateSecret', 'lawProhibited', 'securityStability', 'thirdParty', 'internalAffairs', 'processInfo', 'enforcementFile', 'adminQuery'] as const satisfies readonly (keyof DeniedOutcomes)[]
const UNABLE = ['notHeld', 'needCreation', 'unclear'] as const satisfies readonly (keyof UnableOutcomes)[]
const REJECTED = ['petition', 'duplicate', 'publication', 'massRepeat', 'confirm'] as const satisfies readonly (keyof RejectedOutcomes)[]
const OTHER = ['noCorrection', 'feeUnpaid', 'misc'] as const satisfies readonly (keyof OtherOutcomes2021)[]
const CASE = ['upheld', 'corrected', 'other', 'pending', 'total'] as const satisfies readonly (keyof CaseGroup)[]

function applicantRow (path: readonly string[], value: CellOf): ApplicantRow {
  return row(path, APPLICANT_COLUMNS, value)
}

function rowsOf<K extends string> (path: readonly string[], keys: readonly K[], value: CellOf): { readonly [k in K]: ApplicantRow } {
  return Object.fromEntries(keys.map((key) => [key, applicantRow([...path, key], value)])) as { [k in K]: ApplicantRow }
}

function requestsOf (singleRowOther: boolean, value: CellOf): Requests {
  const o = ['requests', 'outcomes']
  return {
    newReceived: applicantRow(['requests', 'newReceived'], value),
    carriedOver: applicantRow(['requests', 'carriedOver'], value),
    outcomes: {
      granted: applicantRow([...o, 'granted'], value),
      partiallyGranted: applicantRow([...o, 'partiallyGranted'], value),
      denied: rowsOf([...o, 'denied'], DENIED, value),
      unable: rowsOf([...o, 'unable'], UNABLE, value),
      rejected: rowsOf([...o, 'rejected'], REJECTED, value),
      other: singleRowOther ? applicantRow([...o, 'other'], value) : rowsOf([...o, 'other'], OTHER, value),
      total: applicantRow([...o, 'total'], value)
    },
    carriedForward: applicantRow(['requests', 'carriedForward'], value)
  }
}

function reviewLitigationOf (value: CellOf): ReviewLitigation {
  const group = (name: string): CaseGroup => row(['reviewLitigation', name], CASE, value)
  return { review: group('review'), suitDirect: group('suitDirect'), suitAfterReview: group('suitAfterReview') }
}

/**
 * A report of the given layout whose every cell is `value(pointer)`, with empty texts and a placeholder agency:
 * the shape the domain functions (`reportCells`, `computeIndicators`) read, filled from totals or left blank.
 *
 * Example: `reportOfLayout({ template: '2021', singleRowOther: false }, () => null)` is a 2021 report of 200 blank
 * cells; `reportCells` of it lists the 200 pointers of that layout.
 */
export function reportOfLayout (layout: Layout, value: CellOf, meta: { year?: number, kind?: ReportKind } = {}): AnnualReport {
  const base = {
    year: meta.year ?? (layout.template === '2021' ? 2021 : 2020),
    kind: meta.kind ?? 'agency',
    agency: { code: '', name: '', regionCode: '' },
    sections: { overview: '', problems: '', other: '' },
    requests: requestsOf(layout.singleRowOther, value),
    reviewLitigation: reviewLitigationOf(value)
  } as const
  const p = ['proactive']
  if (layout.template === '2021') {
    return {
      ...base,
      template: '2021',
      proactive: {
        regulations: row([...p, 'regulations'], DOCUMENTS_2021, value),
        normativeDocuments: row([...p, 'normativeDocuments'], DOCUMENTS_2021, value),
        licensing: row([...p, 'licensing'], ['decisions'], value),
        penalties: row([...p, 'penalties'], ['decisions'], value),
        coercion: row([...p, 'coercion'], ['decisions'], value),
        fees: row([...p, 'fees'], ['amountWan'], value)
      }
    }
  }
  return {
    ...base,
    template: '2019',
    proactive: {
      regulations: row([...p, 'regulations'], DOCUMENTS_2019, value),
      normativeDocuments: row([...p, 'normativeDocuments'], DOCUMENTS_2019, value),
      licensing: row([...p, 'licensing'], ITEMS_2019, value),
      otherServices: row([...p, 'otherServices'], ITEMS_2019, value),
      penalties: row([...p, 'penalties'], ITEMS_2019, value),
      coercion: row([...p, 'coercion'], ITEMS_2019, value),
      fees: row([...p, 'fees'], ['previousItems', 'change'], value),
      procurement: row([...p, 'procurement'], ['projects', 'amountWan'], value)
    }
  }
}

/**
 * The layout of a report body.
 *
 * Example: the seed → `{ template: '2021', singleRowOther: false }`.
 */
export function layoutOf (report: AnnualReport): Layout {
  return { template: report.template, singleRowOther: 'total' in report.requests.outcomes.other }
}

/** The pointers of the cells a report of this layout has, in document order (as `reportCells` lists them). */
export function layoutPointers (layout: Layout): string[] {
  return reportCells(reportOfLayout(layout, () => null)).map((cell) => cell.pointer)
}

/**
 * Merges lists of pointers into one without repeats, keeping each list's order: a pointer new to the result goes
 * right after the one preceding it in its own list, or, for a list's first new pointers, right before the first
 * pointer of that list already placed.
 */
function mergeInOrder (lists: readonly (readonly string[])[]): string[] {
  const merged: string[] = []
  for (const list of lists) {
    let after: string | undefined
    const leading: string[] = []
    for (const item of list) {
      if (merged.includes(item)) {
        if (after === undefined) merged.splice(merged.indexOf(item), 0, ...leading)
        after = item
      } else if (after === undefined) {
        leading.push(item)
      } else {
        merged.splice(merged.indexOf(after) + 1, 0, item)
        after = item
      }
    }
    if (after === undefined) merged.push(...leading)
  }
  return merged
}

/**
 * Every cell any report can have, as JSON Pointers in document order: the union of `reportCells` over the four
 * layouts — 10 table-二 cells of the 2021 form, 19 more of the 2019 form (`licensing`, `penalties` and `coercion`
 * `decisions` are the same pointer in both), 175 table-三 cells with （六） in three rows, 7 with （六） in one row,
 * and the 15 of table 四: 226 in all. Derived from `reportCells`, so it cannot drift from the report types.
 */
export const FIGURE_POINTERS: readonly string[] = Object.freeze(mergeInOrder(LAYOUTS.map(layoutPointers)))

const POINTERS_BY_LAYOUT = LAYOUTS.map((layout) => ({ layout, pointers: new Set(layoutPointers(layout)) }))

/** Cells holding an amount in 万元 (a decimal with up to 6 places); every other cell is a whole count. */
export const AMOUNT_POINTERS: readonly string[] = FIGURE_POINTERS.filter((at) => at.endsWith('/amountWan'))

/**
 * The cells the derived indicators read (see `computeIndicators`): the rollup of a group needs only these to
 * recompute its indicators.
 */
export const INDICATOR_INPUTS: readonly string[] = [
  '/requests/outcomes/granted/total',
  '/requests/outcomes/partiallyGranted/total',
  ...DENIED.map((key) => pointer('requests', 'outcomes', 'denied', key, 'total')),
  '/requests/outcomes/unable/notHeld/total',
  '/requests/outcomes/total/total',
  ...['review', 'suitDirect', 'suitAfterReview'].flatMap((group) =>
    ['corrected', 'pending', 'total'].map((field) => pointer('reviewLitigation', group, field)))
]

/** Headline cells: the totals of tables 三 and 四, the default cells of a breakdown by region or agency. */
export const HEADLINE_POINTERS: readonly string[] = [
  '/requests/newReceived/total',
  '/requests/carriedOver/total',
  '/requests/outcomes/granted/total',
  '/requests/outcomes/partiallyGranted/total',
  '/requests/outcomes/total/total',
  '/requests/carriedForward/total',
  '/reviewLitigation/review/total',
  '/reviewLitigation/suitDirect/total',
  '/reviewLitigation/suitAfterReview/total'
]

/** How many reports of one layout matched. */
export interface LayoutCount extends Layout {
  readonly reports: number
}

/** One cell over a set of reports: the sum of its non-blank values, and how many of the reports left it blank. */
export interface CellAccumulation {
  readonly sum: number
  readonly blanks: number
}

/**
 * What the database adds up over a set of reports: the raw material of a rollup. `cells` holds the pointers that
 * were asked for; a pointer no matching report has may be absent or have `{ sum: 0, blanks: 0 }`.
 */
export interface FigureTotals {
  readonly reports: number
  readonly agencies: number
  readonly byStatus: { readonly [S in ReportStatus]: number }
  readonly layouts: readonly LayoutCount[]
  readonly cells: ReadonlyMap<string, CellAccumulation>
}

/** One cell of a rollup. */
export interface CellTotal {
  readonly pointer: string
  /** Sum over the reports that have the cell; a blank counts as 0 (and is counted in `blanks`). */
  readonly sum: number
  /** Reports in which the cell was blank (null). */
  readonly blanks: number
  /** Reports whose layout has the cell. */
  readonly reports: number
}

export interface Rollup {
  readonly reports: number
  readonly agencies: number
  readonly byStatus: { readonly [S in ReportStatus]: number }
  readonly byTemplate: { readonly [T in Template]: number }
  /** The cells at least one matching report has, in document order. */
  readonly cells: readonly CellTotal[]
  readonly indicators: Indicators
}

/**
 * How many of the counted reports have the cell `at`, given how many reports there are of each layout.
 *
 * Example: 3 reports on the 2021 template and 2 on the 2019 one → 3 have `/proactive/fees/amountWan`, 5 have
 * `/requests/newReceived/total`.
 */
export function reportsWithCell (at: string, layouts: readonly LayoutCount[]): number {
  let reports = 0
  for (const count of layouts) {
    const entry = POINTERS_BY_LAYOUT.find((candidate) =>
      candidate.layout.template === count.template && candidate.layout.singleRowOther === count.singleRowOther)
    if (entry?.pointers.has(at) === true) reports += count.reports
  }
  return reports
}

/**
 * Turns database totals into a rollup: per cell its sum, its blanks (a blank is not a zero) and the reports that
 * have it (by their layouts); and the indicators recomputed from the summed cells with `computeIndicators`, i.e. a
 * ratio of sums, never an average of the reports' ratios.
 *
 * Example: two 2021 reports, 予以公开 3 of 9 handled and 1 of 1 → disclosureRate (3 + 1) / (9 + 1) = 0.4
 * (the average of the two rates would be 0.67); a cell blank in one of them → `{ sum: …, blanks: 1, reports: 2 }`.
 */
export function summarise (totals: FigureTotals): Rollup {
  const cells: CellTotal[] = []
  for (const at of FIGURE_POINTERS) {
    const accumulated = totals.cells.get(at)
    if (accumulated === undefined) continue
    const reports = reportsWithCell(at, totals.layouts)
    if (reports === 0) continue
    cells.push({ pointer: at, sum: accumulated.sum, blanks: accumulated.blanks, reports })
  }
  const byTemplate = { 2021: 0, 2019: 0 }
  for (const count of totals.layouts) byTemplate[count.template] += count.reports
  // Any layout will do: the indicators read only table-三 totals and table 四, which every layout has.
  const summed = reportOfLayout(LAYOUTS[0] as Layout, (at) => totals.cells.get(at)?.sum ?? null)
  return {
    reports: totals.reports,
    agencies: totals.agencies,
    byStatus: totals.byStatus,
    byTemplate,
    cells,
    indicators: computeIndicators(summed)
  }
}

/** Rounds to 6 decimals (the precision of 万元 amounts); `+ 0` turns −0 into 0. */
function round6 (value: number): number {
  return Math.round(value * 1e6) / 1e6 + 0
}

/** The only template of a rollup's reports, or null when it has none or both. */
function soleTemplate (rollup: Rollup): Template | null {
  if (rollup.byTemplate[2021] > 0 && rollup.byTemplate[2019] === 0) return '2021'
  if (rollup.byTemplate[2019] > 0 && rollup.byTemplate[2021] === 0) return '2019'
  return null
}

/** The change of one summed cell between two rollups (a sum is never blank). */
export interface RollupChange {
  readonly pointer: string
  readonly previous: number
  readonly current: number
  /** current − previous, rounded to 6 decimals. */
  readonly delta: number
  /** delta ÷ previous; null when previous is 0. */
  readonly relative: number | null
}

export interface RollupComparison {
  /** Table 二 (`proactive`) is compared only when both years' reports all follow the same template. */
  readonly comparableTables: readonly ReportTable[]
  readonly changes: readonly RollupChange[]
  readonly indicators: readonly IndicatorChange[]
}

/**
 * Compares two rollups (the same filters, years N−1 and N): for every cell both have, in the current rollup's
 * document order, the previous and current sums, their difference and the relative change (null when the previous
 * sum is 0), and the indicators of both years. As for one agency's reports, table 二 is compared only within one
 * template: when either year has reports of the other template (or of both), its cells are left out.
 *
 * Example: 本年新收 总计 summed to 40 over the 2022 reports and 50 over the 2023 ones →
 * `{ pointer: '/requests/newReceived/total', previous: 40, current: 50, delta: 10, relative: 0.25 }`.
 */
export function compareRollups (previous: Rollup, current: Rollup): RollupComparison {
  const template = soleTemplate(current)
  const proactive = template !== null && template === soleTemplate(previous)
  const before = new Map(previous.cells.map((cell) => [cell.pointer, cell.sum]))
  const changes: RollupChange[] = []
  for (const cell of current.cells) {
    const old = before.get(cell.pointer)
    if (old === undefined || (!proactive && cell.pointer.startsWith('/proactive/'))) continue
    const delta = round6(cell.sum - old)
    changes.push({ pointer: cell.pointer, previous: old, current: cell.sum, delta, relative: old === 0 ? null : delta / old })
  }
  return {
    comparableTables: proactive ? ['proactive', 'requests', 'reviewLitigation'] : ['requests', 'reviewLitigation'],
    changes,
    indicators: INDICATOR_NAMES.map((name) => {
      const p = previous.indicators[name]
      const c = current.indicators[name]
      return { name, previous: p, current: c, delta: p === null || c === null ? null : round6(c - p) }
    })
  }
}

/**
 * The prefix of a region code that groups a breakdown by region one level below `prefix`: provinces (2 digits)
 * without a prefix, then cities (4) and counties (6) of the 行政区划代码. A county has no level below: its breakdown
 * is by the full code.
 *
 * Example: `nextRegionLevel(undefined)` → 2; `nextRegionLevel('33')` → 4; `nextRegionLevel('3305')` → 6; `nextRegionLevel('330')` → 4.
 */
export function nextRegionLevel (prefix: string | undefined): 2 | 4 | 6 {
  const length = prefix?.length ?? 0
  return length < 2 ? 2 : length < 4 ? 4 : 6
}
