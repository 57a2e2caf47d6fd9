import t from 'tap'
import { T3_BALANCE } from '../../../src/domain/rules/t3-balance.js'
import { applicantRow, essentials, report2019, seed } from '../fixtures.js'

const pointersOf = (column: string): string[] => [
  `/requests/newReceived/${column}`,
  `/requests/carriedOver/${column}`,
  `/requests/outcomes/total/${column}`,
  `/requests/carriedForward/${column}`
]

t.test('passes when new + carried over = handled + carried forward in every column', async (t) => {
  t.same(T3_BALANCE.check({ report: seed(), previous: null }), [], 'the seed: 10 + 0 = 9 + 1')
  t.same(T3_BALANCE.check({ report: report2019(), previous: null }), [], 'a 2019 report: 22 + 1 = 21 + 2')
})

t.test('fails once per unbalanced column', async (t) => {
  const report = seed((d) => { d.requests.carriedForward = applicantRow({}) })
  const findings = T3_BALANCE.check({ report, previous: null })
  t.same(findings.map(essentials), ['naturalPerson', 'total'].map((column) => ({
    ruleId: 'T3-BALANCE',
    severity: 'error',
    status: 'failed',
    pointers: pointersOf(column),
    expected: 10,
    actual: 9,
    difference: -1
  })))
  t.equal(findings[0]?.message, '第三部分“自然人”列：本年新收(10)+上年结转(0)=10，应等于办理结果总计(9)+结转下年度(0)=9')
  t.equal(findings[0]?.messageEn,
    'Table 3 column "natural persons": newly received (10) + carried over (0) = 10 should equal outcome total (9) + carried forward (0) = 9')
  t.same(findings[0]?.context, { column: 'naturalPerson', blankPointers: [] })
})

t.test('counts a blank as 0 and lists it', async (t) => {
  const report = seed((d) => { d.requests.carriedForward.total = null })
  const findings = T3_BALANCE.check({ report, previous: null })
  t.same(findings.map(essentials), [{
    ruleId: 'T3-BALANCE', severity: 'error', status: 'failed', pointers: pointersOf('total'), expected: 10, actual: 9, difference: -1
  }])
  t.same(findings[0]?.context.blankPointers, ['/requests/carriedForward/total'])
  t.match(findings[0]?.message, /结转下年度\(空白\)=9$/)
})
