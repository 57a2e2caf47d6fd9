import t from 'tap'
import { T3_RESULTS_SUM } from '../../../src/domain/rules/t3-results-sum.js'
import { applicantRow, essentials, report2019, seed } from '../fixtures.js'

const OUTCOMES = '/requests/outcomes'
const CATEGORY_ROWS = [
  'granted', 'partiallyGranted',
  'denied/stateSecret', 'denied/lawProhibited', 'denied/securityStability', 'denied/thirdParty',
  'denied/internalAffairs', 'denied/processInfo', 'denied/enforcementFile', 'denied/adminQuery',
  'unable/notHeld', 'unable/needCreation', 'unable/unclear',
  'rejected/petition', 'rejected/duplicate', 'rejected/publication', 'rejected/massRepeat', 'rejected/confirm'
]
const OTHER_2021 = ['other/noCorrection', 'other/feeUnpaid', 'other/misc']

const pointersOf = (column: string, otherRows: string[]): string[] => [
  ...[...CATEGORY_ROWS, ...otherRows].map((row) => `${OUTCOMES}/${row}/${column}`),
  `${OUTCOMES}/total/${column}`
]

t.test('passes when （七）总计 is the sum of the outcomes in every column', async (t) => {
  t.same(T3_RESULTS_SUM.check({ report: seed(), previous: null }), [], 'the seed')
  t.same(T3_RESULTS_SUM.check({ report: report2019(), previous: null }), [], 'a 2019 report with a single-row 其他处理')
})

t.test('fails once per column whose total is off (2021 layout)', async (t) => {
  const report = seed((d) => { d.requests.outcomes.total = applicantRow({ naturalPerson: 10 }) })
  const findings = T3_RESULTS_SUM.check({ report, previous: null })
  t.same(findings.map(essentials), ['naturalPerson', 'total'].map((column) => ({
    ruleId: 'T3-RESULTS-SUM',
    severity: 'error',
    status: 'failed',
    pointers: pointersOf(column, OTHER_2021),
    expected: 9,
    actual: 10,
    difference: 1
  })))
  t.equal(findings[0]?.message,
    '第三部分“自然人”列：予以公开(3)+部分公开(0)+不予公开(0)+无法提供(6)+不予处理(0)+其他处理(0)=9，应等于（七）总计(10)')
  t.same(findings[0]?.context, { column: 'naturalPerson', blankPointers: [] })
})

t.test('adds the single 2019 row of 其他处理 and counts blanks as 0', async (t) => {
  const report = report2019((d) => {
    d.requests.outcomes.other = applicantRow({ commercial: 2, total: 3 })
    d.requests.outcomes.denied.thirdParty.commercial = null
  })
  const findings = T3_RESULTS_SUM.check({ report, previous: null })
  t.same(findings.map(essentials), [
    { ruleId: 'T3-RESULTS-SUM', severity: 'error', status: 'failed', pointers: pointersOf('naturalPerson', ['other']), expected: 19, actual: 20, difference: 1 },
    { ruleId: 'T3-RESULTS-SUM', severity: 'error', status: 'failed', pointers: pointersOf('commercial', ['other']), expected: 3, actual: 1, difference: -2 },
    { ruleId: 'T3-RESULTS-SUM', severity: 'error', status: 'failed', pointers: pointersOf('total', ['other']), expected: 23, actual: 21, difference: -2 }
  ])
  t.same(findings[1]?.context.blankPointers, ['/requests/outcomes/denied/thirdParty/commercial'])
})
