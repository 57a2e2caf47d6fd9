import t from 'tap'
import { reportCells } from '../../src/domain/cells.js'
import { computeIndicators, computeYearOverYear } from '../../src/domain/year-over-year.js'
import { applicantRow, otherRows, report2019, report2019Previous, seed, seedPrevious } from './fixtures.js'

t.test('same template: every cell, in document order, with delta and relative change', async (t) => {
  const yoy = computeYearOverYear(seedPrevious(), seed())
  t.equal(yoy.previousYear, 2022)
  t.equal(yoy.currentYear, 2023)
  t.same(yoy.comparableTables, ['proactive', 'requests', 'reviewLitigation'])
  t.same(yoy.changes.map((c) => c.pointer), reportCells(seed()).map((c) => c.pointer), 'all 200 cells of the current report')
  const at = (pointer: string): unknown => yoy.changes.find((c) => c.pointer === pointer)
  const cases = [
    { pointer: '/requests/newReceived/total', previous: 9, current: 10, delta: 1, relative: 1 / 9 },
    { pointer: '/proactive/normativeDocuments/inForce', previous: 3, current: 2, delta: -1, relative: -1 / 3 },
    { pointer: '/proactive/normativeDocuments/issued', previous: 1, current: 0, delta: -1, relative: -1 },
    { pointer: '/requests/carriedForward/total', previous: 0, current: 1, delta: 1, relative: null },
    { pointer: '/requests/outcomes/granted/total', previous: 3, current: 3, delta: 0, relative: 0 },
    { pointer: '/reviewLitigation/suitDirect/total', previous: 0, current: 0, delta: 0, relative: null }
  ]
  for (const c of cases) t.same(at(c.pointer), c, c.pointer)
})

t.test('a blank on either side leaves the change unknown', async (t) => {
  const yoy = computeYearOverYear(
    seedPrevious((d) => { d.requests.newReceived.total = null }),
    seed((d) => { d.reviewLitigation.review.total = null })
  )
  const at = (pointer: string): unknown => yoy.changes.find((c) => c.pointer === pointer)
  t.same(at('/requests/newReceived/total'), { pointer: '/requests/newReceived/total', previous: null, current: 10, delta: null, relative: null })
  t.same(at('/reviewLitigation/review/total'), { pointer: '/reviewLitigation/review/total', previous: 1, current: null, delta: null, relative: null })
})

t.test('amounts in 万元 change without float noise', async (t) => {
  const cases = [
    { previous: 0.3, current: 0.1, delta: -0.2, relative: -0.2 / 0.3 },
    { previous: 12.345678, current: 12.345679, delta: 0.000001, relative: 0.000001 / 12.345678 },
    { previous: 0.1 + 0.2, current: 0.3, delta: 0, relative: 0 }
  ]
  for (const c of cases) {
    const yoy = computeYearOverYear(seedPrevious((d) => { d.proactive.fees.amountWan = c.previous }), seed((d) => { d.proactive.fees.amountWan = c.current }))
    const change = yoy.changes.find((x) => x.pointer === '/proactive/fees/amountWan')
    t.same(change, { pointer: '/proactive/fees/amountWan', ...c }, `${c.previous} → ${c.current}`)
    t.ok(!Object.is(change?.delta, -0), 'never −0')
  }
})

t.test('across the 2020→2021 template change only tables 三 and 四 are compared', async (t) => {
  const yoy = computeYearOverYear(report2019(), seed((d) => { d.year = 2021 }))
  t.same(yoy.comparableTables, ['requests', 'reviewLitigation'])
  t.equal(yoy.changes.length, 161 + 15, 'table 三 as 23 rows (其他处理 read as one row) and table 四')
  t.notOk(yoy.changes.some((c) => c.pointer.startsWith('/proactive/')), 'table 二 is not comparable')
  t.notOk(yoy.changes.some((c) => c.pointer.startsWith('/requests/outcomes/other/noCorrection')), 'no three-row pointers')
  t.same(yoy.changes.filter((c) => c.pointer.startsWith('/requests/outcomes/other/')).slice(0, 2), [
    { pointer: '/requests/outcomes/other/naturalPerson', previous: 1, current: 0, delta: -1, relative: -1 },
    { pointer: '/requests/outcomes/other/commercial', previous: 0, current: 0, delta: 0, relative: null }
  ])
})

t.test('the three 2021 其他处理 rows are summed against a single row, blank only when all three are', async (t) => {
  const current = seed((d) => {
    const other = otherRows(d)
    other.noCorrection.naturalPerson = 1
    other.feeUnpaid.naturalPerson = null
    other.misc.naturalPerson = 2
    other.noCorrection.research = null
    other.feeUnpaid.research = null
    other.misc.research = null
  })
  // The prior year on the same (2021) template but with the 2019 single row: the mix S-MIXED reports.
  const previous = seedPrevious((d) => { d.requests.outcomes.other = applicantRow({ naturalPerson: 2, research: 1 }) })
  const yoy = computeYearOverYear(previous, current)
  t.same(yoy.comparableTables, ['proactive', 'requests', 'reviewLitigation'])
  const at = (pointer: string): unknown => yoy.changes.find((c) => c.pointer === pointer)
  t.same(at('/requests/outcomes/other/naturalPerson'), { pointer: '/requests/outcomes/other/naturalPerson', previous: 2, current: 3, delta: 1, relative: 0.5 })
  t.same(at('/requests/outcomes/other/research'), { pointer: '/requests/outcomes/other/research', previous: 1, current: null, delta: null, relative: null })
  t.equal(yoy.changes.length, 10 + 161 + 15)
})

t.test('two single-row reports compare the row as it is', async (t) => {
  const yoy = computeYearOverYear(report2019Previous(), report2019())
  t.equal(yoy.changes.length, 198)
  t.same(yoy.changes.find((c) => c.pointer === '/proactive/licensing/previousItems'),
    { pointer: '/proactive/licensing/previousItems', previous: 38, current: 40, delta: 2, relative: 2 / 38 })
})

t.test('computeIndicators derives the rates of rules.md', async (t) => {
  const cases = [
    {
      name: 'the seed',
      report: seed(),
      expected: { disclosureRate: 3 / 9, denialRate: 0, notHeldShare: 6 / 9, reviewCorrectionRate: 0, litigationCorrectionRate: null }
    },
    {
      name: 'a 2019 report',
      report: report2019(),
      expected: { disclosureRate: 15 / 21, denialRate: 1 / 21, notHeldShare: 3 / 21, reviewCorrectionRate: 1 / 3, litigationCorrectionRate: 0 }
    },
    {
      name: 'nothing handled, nothing decided',
      report: seed((d) => {
        d.requests.outcomes.total.total = 0
        d.reviewLitigation.review = { upheld: 0, corrected: 0, other: 0, pending: 2, total: 2 }
      }),
      expected: { disclosureRate: null, denialRate: null, notHeldShare: null, reviewCorrectionRate: null, litigationCorrectionRate: null }
    },
    {
      name: 'blank totals count as 0; a negative denominator is a broken table',
      report: seed((d) => {
        d.requests.outcomes.total.total = null
        d.reviewLitigation.review = { upheld: 0, corrected: 1, other: 0, pending: 3, total: 1 }
        d.reviewLitigation.suitDirect = { upheld: 1, corrected: 2, other: 0, pending: null, total: 4 }
        d.reviewLitigation.suitAfterReview = { upheld: 0, corrected: 1, other: 0, pending: 1, total: null }
      }),
      expected: { disclosureRate: null, denialRate: null, notHeldShare: null, reviewCorrectionRate: null, litigationCorrectionRate: 1 }
    },
    {
      name: 'denials summed over the eight reasons',
      report: seed((d) => {
        d.requests.outcomes.denied.stateSecret.total = 1
        d.requests.outcomes.denied.adminQuery.total = 2
        d.requests.outcomes.denied.processInfo.total = null
      }),
      expected: { disclosureRate: 3 / 9, denialRate: 3 / 9, notHeldShare: 6 / 9, reviewCorrectionRate: 0, litigationCorrectionRate: null }
    }
  ]
  for (const c of cases) t.same(computeIndicators(c.report), c.expected, c.name)
})

t.test('the year-over-year result carries both years’ indicators and their change', async (t) => {
  const previous = seedPrevious((d) => {
    d.requests.outcomes.granted = applicantRow({ naturalPerson: 2 })
    d.requests.outcomes.unable.notHeld = applicantRow({ naturalPerson: 7 })
  })
  t.same(computeYearOverYear(previous, seed()).indicators, [
    { name: 'disclosureRate', previous: 2 / 9, current: 3 / 9, delta: 0.111111 },
    { name: 'denialRate', previous: 0, current: 0, delta: 0 },
    { name: 'notHeldShare', previous: 7 / 9, current: 6 / 9, delta: -0.111111 },
    { name: 'reviewCorrectionRate', previous: 0, current: 0, delta: 0 },
    { name: 'litigationCorrectionRate', previous: null, current: null, delta: null }
  ])
})
