import t from 'tap'
import { V_BLANK } from '../../../src/domain/rules/v-blank.js'
import { essentials, report2019, seed } from '../fixtures.js'

t.test('passes when tables 三 and 四 have no blank cell', async (t) => {
  t.same(V_BLANK.check({ report: seed(), previous: null }), [], 'the seed')
  t.same(V_BLANK.check({ report: report2019(), previous: null }), [], 'a 2019 report')
})

t.test('reports one finding per table-三 row with blank cells, listing them', async (t) => {
  const report = seed((d) => {
    d.requests.newReceived.naturalPerson = null
    d.requests.newReceived.total = null
    d.requests.outcomes.denied.thirdParty.legalService = null
  })
  const findings = V_BLANK.check({ report, previous: null })
  t.same(findings.map(essentials), [
    {
      ruleId: 'V-BLANK',
      severity: 'warning',
      status: 'failed',
      pointers: ['/requests/newReceived/naturalPerson', '/requests/newReceived/total'],
      expected: null,
      actual: null,
      difference: null
    },
    {
      ruleId: 'V-BLANK',
      severity: 'warning',
      status: 'failed',
      pointers: ['/requests/outcomes/denied/thirdParty/legalService'],
      expected: null,
      actual: null,
      difference: null
    }
  ])
  t.equal(findings[0]?.message, '第三部分“本年新收”行有2个空白单元格（自然人、总计），合计时按0计算')
  t.equal(findings[0]?.messageEn, 'Table 3 row "newly received" has 2 blank cell(s) (natural persons, total); they count as 0 in sums')
  t.same(findings[0]?.context, { row: '/requests/newReceived', blankCount: 2 })
  t.equal(findings[1]?.message, '第三部分“（三）不予公开 4.保护第三方合法权益”行有1个空白单元格（法律服务机构），合计时按0计算')
})

t.test('reports table 四 as one printed row', async (t) => {
  const report = seed((d) => {
    d.reviewLitigation.review.pending = null
    d.reviewLitigation.suitAfterReview.total = null
  })
  const findings = V_BLANK.check({ report, previous: null })
  t.same(findings.map(essentials), [{
    ruleId: 'V-BLANK',
    severity: 'warning',
    status: 'failed',
    pointers: ['/reviewLitigation/review/pending', '/reviewLitigation/suitAfterReview/total'],
    expected: null,
    actual: null,
    difference: null
  }])
  t.equal(findings[0]?.message, '第四部分有2个空白单元格（行政复议-尚未审结、行政诉讼（复议后起诉）-总计），合计时按0计算')
  t.same(findings[0]?.context, { row: '/reviewLitigation', blankCount: 2 })
})

t.test('covers the single 2019 row of （六）其他处理', async (t) => {
  const report = report2019((d) => { d.requests.outcomes.other = { ...d.requests.outcomes.other, otherOrg: null } })
  t.same(V_BLANK.check({ report, previous: null }).map((f) => f.pointers), [['/requests/outcomes/other/otherOrg']])
})
