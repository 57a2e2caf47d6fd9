import t from 'tap'
import { CY_CARRY } from '../../../src/domain/rules/cy-carry.js'
import { applicantRow, essentials, report2019, seed, seedPrevious } from '../fixtures.js'

t.test('is not assessable without a usable prior-year report', async (t) => {
  const cases = [
    { name: 'not stored', previous: null, reason: 'previous_missing', message: '未存储2022年度同一机关同类报告，无法进行跨年度核对' },
    { name: 'the wrong year', previous: seedPrevious((d) => { d.year = 2021 }), reason: 'previous_year_mismatch', message: '所给上年报告为2021年度，应为2022年度，无法进行跨年度核对' },
    { name: 'another kind', previous: seedPrevious((d) => { d.kind = 'government' }), reason: 'kind_mismatch', message: '上年报告为本级政府报告，本报告为本机关报告，不同类型的报告不作比较' }
  ]
  for (const c of cases) {
    const findings = CY_CARRY.check({ report: seed(), previous: c.previous })
    t.same(findings.map(essentials), [{
      ruleId: 'CY-CARRY', severity: 'error', status: 'not_assessable', pointers: [], expected: null, actual: null, difference: null
    }], c.name)
    t.equal(findings[0]?.message, c.message, `${c.name}: message`)
    t.equal(findings[0]?.context.reason, c.reason, `${c.name}: reason`)
  }
  t.equal(CY_CARRY.check({ report: seed(), previous: null })[0]?.messageEn,
    'The prior-year (2022) report of the same agency and kind is not stored; the cross-year check cannot be assessed.')
})

t.test('passes when this year carries over what last year carried forward', async (t) => {
  t.same(CY_CARRY.check({ report: seed(), previous: seedPrevious() }), [], '2022 → 2023, nothing carried')
  t.same(CY_CARRY.check({ report: report2019(), previous: report2019((d) => { d.year = 2019; d.requests.carriedForward = applicantRow({ naturalPerson: 1 }) }) }), [],
    '2019 → 2020, 1 carried')
})

t.test('fails once per column that does not carry over, across templates too', async (t) => {
  const report = seed((d) => { d.year = 2021 })
  const findings = CY_CARRY.check({ report, previous: report2019() })
  t.same(findings.map(essentials), ['naturalPerson', 'commercial', 'total'].map((column, i) => ({
    ruleId: 'CY-CARRY',
    severity: 'error',
    status: 'failed',
    pointers: [`/requests/carriedOver/${column}`],
    expected: [1, 1, 2][i],
    actual: 0,
    difference: -[1, 1, 2][i]!
  })))
  t.equal(findings[2]?.message, '第三部分“总计”列：2020年结转下年度(2)，应等于2021年上年结转(0)')
  t.same(findings[2]?.context, {
    column: 'total',
    previousYear: 2020,
    blankPointers: [],
    previousPointers: ['/requests/carriedForward/total'],
    previousBlankPointers: []
  })
})
