import t from 'tap'
import { CY_SWING } from '../../../src/domain/rules/cy-swing.js'
import { applicantRow, essentials, report2019, seed, seedPrevious } from '../fixtures.js'

t.test('is not assessable without the prior year', async (t) => {
  const findings = CY_SWING.check({ report: seed(), previous: null })
  t.same(findings.map(essentials), [{
    ruleId: 'CY-SWING', severity: 'info', status: 'not_assessable', pointers: [], expected: null, actual: null, difference: null
  }])
})

t.test('stays quiet for ordinary changes, small bases and blanks', async (t) => {
  const cases = [
    { name: 'the seed and its prior year', previous: seedPrevious(), report: seed() },
    { name: 'exactly three times', previous: seedPrevious((d) => { d.requests.newReceived = applicantRow({ naturalPerson: 10 }) }), report: seed((d) => { d.requests.newReceived = applicantRow({ naturalPerson: 30 }) }) },
    { name: 'exactly a third', previous: seedPrevious((d) => { d.requests.newReceived = applicantRow({ naturalPerson: 30 }) }), report: seed() },
    { name: 'a base below 10', previous: seedPrevious(), report: seed((d) => { d.requests.newReceived = applicantRow({ naturalPerson: 90 }) }) },
    { name: 'a blank headline this year', previous: seedPrevious((d) => { d.reviewLitigation.review.total = 30 }), report: seed((d) => { d.reviewLitigation.review.total = null }) },
    { name: 'a blank headline last year', previous: seedPrevious((d) => { d.reviewLitigation.review.total = null }), report: seed() },
    { name: 'across templates, table 三 is comparable', previous: report2019(), report: seed((d) => { d.year = 2021; d.requests.newReceived = applicantRow({ naturalPerson: 60 }) }) }
  ]
  for (const c of cases) t.same(CY_SWING.check({ report: c.report, previous: c.previous }), [], c.name)
})

t.test('flags a headline that grew more than threefold or fell below a third', async (t) => {
  const previous = seedPrevious((d) => {
    d.requests.newReceived = applicantRow({ naturalPerson: 12 })
    d.requests.outcomes.total = applicantRow({ naturalPerson: 30 })
    d.reviewLitigation.suitDirect.total = 6
    d.reviewLitigation.suitAfterReview.total = 6
  })
  const report = seed((d) => {
    d.requests.newReceived = applicantRow({ naturalPerson: 40 })
    d.reviewLitigation.suitDirect.total = 2
    d.reviewLitigation.suitAfterReview.total = 1
  })
  const findings = CY_SWING.check({ report, previous })
  t.same(findings.map(essentials), [
    { ruleId: 'CY-SWING', severity: 'info', status: 'failed', pointers: ['/requests/newReceived/total'], expected: 12, actual: 40, difference: 28 },
    { ruleId: 'CY-SWING', severity: 'info', status: 'failed', pointers: ['/requests/outcomes/total/total'], expected: 30, actual: 9, difference: -21 },
    {
      ruleId: 'CY-SWING',
      severity: 'info',
      status: 'failed',
      pointers: ['/reviewLitigation/suitDirect/total', '/reviewLitigation/suitAfterReview/total'],
      expected: 12,
      actual: 3,
      difference: -9
    }
  ])
  t.equal(findings[0]?.message, '本年新收申请数由2022年的12件变为2023年的40件（为上年的3.33倍），增幅超过3倍')
  t.equal(findings[1]?.message, '办理结果总计由2022年的30件变为2023年的9件（为上年的0.30倍），降至不足三分之一')
  t.equal(findings[1]?.messageEn, 'Requests handled went from 30 in 2022 to 9 in 2023 (×0.30), less than a third of the prior year')
  t.same(findings[2]?.context, {
    ratio: 0.25,
    previousYear: 2022,
    previousPointers: ['/reviewLitigation/suitDirect/total', '/reviewLitigation/suitAfterReview/total']
  })
})

t.test('reads a partly blank lawsuit total as the sum of what is printed', async (t) => {
  const previous = seedPrevious((d) => { d.reviewLitigation.suitDirect.total = 10; d.reviewLitigation.suitAfterReview.total = null })
  const findings = CY_SWING.check({ report: seed(), previous })
  t.same(findings.map((f) => [f.expected, f.actual]), [[10, 0]])
})

t.test('flags a swing in administrative reviews', async (t) => {
  const previous = seedPrevious((d) => { d.reviewLitigation.review.total = 10 })
  const report = seed((d) => { d.reviewLitigation.review.total = 31 })
  t.same(CY_SWING.check({ report, previous }).map(essentials), [{
    ruleId: 'CY-SWING', severity: 'info', status: 'failed', pointers: ['/reviewLitigation/review/total'], expected: 10, actual: 31, difference: 21
  }])
})
