import t from 'tap'
import { reportCells } from '../../src/domain/cells.js'
import type { AnnualReport, ApplicantRow } from '../../src/domain/report.js'
import {
  AMOUNT_POINTERS, compareRollups, FIGURE_POINTERS, type FigureTotals, INDICATOR_INPUTS, LAYOUTS, layoutOf, layoutPointers,
  nextRegionLevel, reportOfLayout, reportsWithCell, type Rollup, summarise
} from '../../src/domain/rollup.js'
import { computeIndicators, INDICATOR_NAMES } from '../../src/domain/year-over-year.js'
import { applicantRow, report2019, seed } from './fixtures.js'

const zero = applicantRow({})

/** One real body of each layout: the seed (2021, three rows), the 2019 fixture (one row) and their mixes. */
const BODIES: AnnualReport[] = [
  seed(),
  seed((d) => { d.requests.outcomes.other = applicantRow({ naturalPerson: 2 }) }),
  report2019((d) => { d.requests.outcomes.other = { noCorrection: applicantRow({ naturalPerson: 1 }), feeUnpaid: zero, misc: zero } }),
  report2019()
]

function valueAt (report: AnnualReport, at: string): number | null {
  const cell = reportCells(report).find((c) => c.pointer === at)
  if (cell === undefined) throw new Error(`${at} is not a cell of this report`)
  return cell.value
}

t.test('the figure cells are the union of reportCells over every layout, without repeats', async (t) => {
  const union = new Set(BODIES.flatMap((body) => reportCells(body).map((cell) => cell.pointer)))
  t.same(BODIES.map(layoutOf), LAYOUTS)
  t.same(new Set(FIGURE_POINTERS), union)
  t.equal(FIGURE_POINTERS.length, union.size, 'no pointer twice')
  t.equal(FIGURE_POINTERS.length, 226)
  t.same(AMOUNT_POINTERS, ['/proactive/procurement/amountWan', '/proactive/fees/amountWan'])
  for (const [index, body] of BODIES.entries()) {
    const order = reportCells(body).map((cell) => FIGURE_POINTERS.indexOf(cell.pointer))
    t.same(order, [...order].sort((a, b) => a - b), `layout ${index}: document order is kept`)
    t.same(layoutPointers(layoutOf(body)), reportCells(body).map((cell) => cell.pointer))
  }
})

t.test('reportOfLayout rebuilds a body\'s cells from a lookup, in every layout', async (t) => {
  for (const body of BODIES) {
    const rebuilt = reportOfLayout(layoutOf(body), (at) => valueAt(body, at))
    t.same(reportCells(rebuilt), reportCells(body))
    t.same(computeIndicators(rebuilt), computeIndicators(body))
  }
})

t.test('the indicators read exactly INDICATOR_INPUTS', async (t) => {
  // Every cell distinct and every denominator positive, so that any input changes some indicator.
  const pointers = layoutPointers(LAYOUTS[0]!)
  const base = (at: string) => (at.endsWith('/total') ? 1000 : 1 + (pointers.indexOf(at) % 7))
  const before = computeIndicators(reportOfLayout(LAYOUTS[0]!, base))
  t.ok(INDICATOR_NAMES.every((name) => before[name] !== null))
  const reading = pointers.filter((changed) => {
    const after = computeIndicators(reportOfLayout(LAYOUTS[0]!, (at) => (at === changed ? base(at) + 17 : base(at))))
    return INDICATOR_NAMES.some((name) => after[name] !== before[name])
  })
  t.same(new Set(reading), new Set(INDICATOR_INPUTS))
})

function totals (partial: Omit<Partial<FigureTotals>, 'cells'> & { cells: Array<[string, number, number]> }): FigureTotals {
  return {
    reports: 2,
    agencies: 2,
    byStatus: { clean: 2, warnings: 0, errors: 0 },
    layouts: LAYOUTS.map((layout, index) => ({ ...layout, reports: index === 0 ? 2 : 0 })),
    ...partial,
    cells: new Map(partial.cells.map(([at, sum, blanks]) => [at, { sum, blanks }]))
  }
}

t.test('summarise: per cell its sum, its blanks and the reports whose layout has it', async (t) => {
  const rollup = summarise(totals({
    layouts: LAYOUTS.map((layout, index) => ({ ...layout, reports: [3, 1, 0, 2][index]! })),
    reports: 6,
    cells: [
      ['/requests/newReceived/total', 40, 1], // every layout has it: 6 reports
      ['/proactive/fees/amountWan', 1.5, 0], // 2021 only: 4 reports
      ['/proactive/procurement/amountWan', 0.25, 1], // 2019 only: 2 reports
      ['/requests/outcomes/other/misc/total', 0, 3], // three rows: 3 + 0 reports, all blank
      ['/requests/outcomes/other/total', 3, 0], // one row: 1 + 2 reports
      ['/proactive/licensing/previousItems', 0, 2] // 2019 only: 2 reports, both blank
    ]
  }))
  t.same(rollup.cells, [
    { pointer: '/proactive/licensing/previousItems', sum: 0, blanks: 2, reports: 2 },
    { pointer: '/proactive/procurement/amountWan', sum: 0.25, blanks: 1, reports: 2 },
    { pointer: '/proactive/fees/amountWan', sum: 1.5, blanks: 0, reports: 4 },
    { pointer: '/requests/newReceived/total', sum: 40, blanks: 1, reports: 6 },
    { pointer: '/requests/outcomes/other/total', sum: 3, blanks: 0, reports: 3 },
    { pointer: '/requests/outcomes/other/misc/total', sum: 0, blanks: 3, reports: 3 }
  ], 'document order; cells of the totals only')
  t.same(rollup.byTemplate, { 2021: 4, 2019: 2 })
  t.equal(reportsWithCell('/proactive/fees/amountWan', LAYOUTS.map((l) => ({ ...l, reports: 1 }))), 2, 'one report of each layout: two on the 2021 template')
})

t.test('summarise leaves out cells no matching report has', async (t) => {
  const rollup = summarise(totals({ cells: [['/proactive/procurement/amountWan', 0, 0], ['/requests/newReceived/total', 0, 0]] }))
  t.same(rollup.cells.map((cell) => cell.pointer), ['/requests/newReceived/total'])
  t.same(summarise(totals({ reports: 0, agencies: 0, layouts: LAYOUTS.map((l) => ({ ...l, reports: 0 })), cells: [['/requests/newReceived/total', 0, 0]] })).cells, [])
})

t.test('summarise recomputes the indicators from the sums: a ratio of sums, not an average of ratios', async (t) => {
  // Report A: 3 granted of 9 handled; report B: 1 of 1. Summed: 4 of 10 = 0.4 (the average of the rates is 0.67).
  const rollup = summarise(totals({
    cells: [
      ['/requests/outcomes/granted/total', 4, 0],
      ['/requests/outcomes/total/total', 10, 0],
      ['/requests/outcomes/unable/notHeld/total', 5, 0],
      ['/requests/outcomes/denied/thirdParty/total', 1, 0],
      ['/reviewLitigation/review/corrected', 1, 0],
      ['/reviewLitigation/review/pending', 1, 1],
      ['/reviewLitigation/review/total', 5, 0]
    ]
  }))
  t.same(rollup.indicators, { disclosureRate: 0.4, denialRate: 0.1, notHeldShare: 0.5, reviewCorrectionRate: 0.25, litigationCorrectionRate: null })
})

function rollup (partial: Partial<Rollup>): Rollup {
  return {
    reports: 1,
    agencies: 1,
    byStatus: { clean: 1, warnings: 0, errors: 0 },
    byTemplate: { 2021: 1, 2019: 0 },
    cells: [],
    indicators: { disclosureRate: null, denialRate: null, notHeldShare: null, reviewCorrectionRate: null, litigationCorrectionRate: null },
    ...partial
  }
}

const cell = (pointer: string, sum: number) => ({ pointer, sum, blanks: 0, reports: 1 })

t.test('compareRollups: every cell of both years, with delta and relative change', async (t) => {
  const comparison = compareRollups(
    rollup({
      cells: [cell('/proactive/fees/amountWan', 0.3), cell('/requests/newReceived/total', 40), cell('/requests/carriedOver/total', 0), cell('/requests/outcomes/other/total', 2)],
      indicators: { disclosureRate: 0.5, denialRate: 0, notHeldShare: null, reviewCorrectionRate: 0, litigationCorrectionRate: null }
    }),
    rollup({
      cells: [cell('/proactive/fees/amountWan', 0.1), cell('/requests/newReceived/total', 50), cell('/requests/carriedOver/total', 3), cell('/requests/outcomes/other/misc/total', 1)],
      indicators: { disclosureRate: 0.4, denialRate: 0, notHeldShare: 0.2, reviewCorrectionRate: null, litigationCorrectionRate: null }
    })
  )
  t.same(comparison.comparableTables, ['proactive', 'requests', 'reviewLitigation'])
  t.same(comparison.changes, [
    { pointer: '/proactive/fees/amountWan', previous: 0.3, current: 0.1, delta: -0.2, relative: -0.2 / 0.3 },
    { pointer: '/requests/newReceived/total', previous: 40, current: 50, delta: 10, relative: 0.25 },
    { pointer: '/requests/carriedOver/total', previous: 0, current: 3, delta: 3, relative: null }
  ])
  t.same(comparison.indicators, [
    { name: 'disclosureRate', previous: 0.5, current: 0.4, delta: -0.1 },
    { name: 'denialRate', previous: 0, current: 0, delta: 0 },
    { name: 'notHeldShare', previous: null, current: 0.2, delta: null },
    { name: 'reviewCorrectionRate', previous: 0, current: null, delta: null },
    { name: 'litigationCorrectionRate', previous: null, current: null, delta: null }
  ])
})

t.test('compareRollups leaves table 二 out unless both years are all on one template', async (t) => {
  const cells = [cell('/proactive/licensing/decisions', 5), cell('/requests/newReceived/total', 1)]
  const only2021 = rollup({ cells })
  const only2019 = rollup({ cells, byTemplate: { 2021: 0, 2019: 1 } })
  const mixed = rollup({ cells, byTemplate: { 2021: 3, 2019: 1 } })
  for (const [name, previous, current] of [['2019 → 2021', only2019, only2021], ['mixed → 2021', mixed, only2021], ['2021 → mixed', only2021, mixed]] as const) {
    const comparison = compareRollups(previous, current)
    t.same(comparison.comparableTables, ['requests', 'reviewLitigation'], name)
    t.same(comparison.changes.map((c) => c.pointer), ['/requests/newReceived/total'], name)
  }
  t.same(compareRollups(only2019, only2019).changes.length, 2, 'one template in both years: compared')
})

t.test('nextRegionLevel: provinces, then cities, then counties', async (t) => {
  t.same([undefined, '3', '33', '330', '3305', '33050', '330502'].map(nextRegionLevel), [2, 2, 4, 4, 6, 6, 6])
})

t.test('an all-blank report of a layout has that layout\'s cells, all null', async (t) => {
  for (const layout of LAYOUTS) {
    const blank = reportOfLayout(layout, () => null)
    t.same(layoutOf(blank), layout)
    t.ok(reportCells(blank).every((c) => c.value === null))
  }
  const row: ApplicantRow = reportOfLayout(LAYOUTS[1]!, () => 1).requests.outcomes.other as ApplicantRow
  t.equal(row.total, 1)
})
