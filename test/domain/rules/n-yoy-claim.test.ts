import t from 'tap'
import { N_YOY_CLAIM } from '../../../src/domain/rules/n-yoy-claim.js'
import { applicantRow, essentials, seed, seedPrevious } from '../fixtures.js'

/** A 2022 report whose prose gives the values the seed's two claims compare with (170 vs 190: −10.5%; 60 vs 56: +7.1%). */
const prior = (overview = '全年主动公开政务信息190条。全年公开重点领域政府信息共56条。') => seedPrevious((d) => { d.sections.overview = overview })

t.test('the seed alone: each year-on-year claim is not assessable', async (t) => {
  const findings = N_YOY_CLAIM.check({ report: seed(), previous: null })
  t.same(findings.map((f) => [f.status, f.severity, f.pointers, f.context.claim, f.context.reason]), [
    ['not_assessable', 'warning', ['/sections/overview'], '170条,比2022年减少了10.5%', 'previous_missing'],
    ['not_assessable', 'warning', ['/sections/overview'], '60条,比2022年增加了7.1%', 'previous_missing']
  ])
  t.equal(findings[0]?.message, '未存储2022年度同一机关同类报告，无法核对“170条,比2022年减少了10.5%”中的同比说法')
  t.equal(findings[0]?.context.quote, '全年主动公开政务信息170条,比2022年减少了10.5%')
})

t.test('with the prior year, claims that follow from its prose pass', async (t) => {
  t.same(N_YOY_CLAIM.check({ report: seed(), previous: prior() }), [])
})

t.test('the prior year\'s prose is read once for every claim, and its first best match wins', async (t) => {
  const twice = prior('全年主动公开政务信息190条。全年主动公开政务信息200条。全年公开重点领域政府信息共56条。')
  t.same(N_YOY_CLAIM.check({ report: seed(), previous: twice }), [], '190, not 200: both claims hold')
  const findings = N_YOY_CLAIM.check({ report: seed(), previous: prior('全年主动公开政务信息200条。全年公开重点领域政府信息共50条。') })
  t.same(findings.map((f) => [f.context.claim, f.context.previousValue, f.context.previousQuote]), [
    ['170条,比2022年减少了10.5%', 200, '全年主动公开政务信息200条'],
    ['60条,比2022年增加了7.1%', 50, '全年公开重点领域政府信息共50条']
  ], 'each claim finds its own subject in the same reading')
})

t.test('a claim the prior year contradicts fails', async (t) => {
  const findings = N_YOY_CLAIM.check({ report: seed(), previous: prior('全年主动公开政务信息200条。全年公开重点领域政府信息共56条。') })
  t.same(findings.map(essentials), [{
    ruleId: 'N-YOY-CLAIM', severity: 'warning', status: 'failed', pointers: ['/sections/overview'], expected: -15, actual: -10.5, difference: 4.5
  }])
  t.match(findings[0]?.context, { previousValue: 200, previousSource: 'prose', current: 170 })
})

t.test('requests, reviews and suits compare with the prior year\'s table', async (t) => {
  const report = seed((d) => { d.sections.overview = '收到政府信息公开申请10件，同比增长25%。' })
  const previous = seedPrevious((d) => { d.requests.newReceived = applicantRow({ naturalPerson: 8 }) })
  t.same(N_YOY_CLAIM.check({ report, previous }), [], '10 vs 8: +25%')
  const wrong = seedPrevious((d) => { d.requests.newReceived = applicantRow({ naturalPerson: 5 }) })
  const findings = N_YOY_CLAIM.check({ report, previous: wrong })
  t.same(findings.map((f) => [f.expected, f.actual, f.pointers, f.context.previousPointers]), [
    [100, 25, ['/sections/overview', '/requests/newReceived/total'], ['/requests/newReceived/total']]
  ])
})

t.test('a change in counts is checked exactly', async (t) => {
  const report = seed((d) => { d.sections.overview = '收到政府信息公开申请10件，较上年增加2件。' })
  t.same(N_YOY_CLAIM.check({ report, previous: seedPrevious((d) => { d.requests.newReceived = applicantRow({ naturalPerson: 8 }) }) }), [])
  t.same(N_YOY_CLAIM.check({ report, previous: seedPrevious() }).map((f) => [f.expected, f.actual]), [[1, 2]], '10 vs 9')
})

t.test('not assessable: another year named, no comparable value, a prior value of 0', async (t) => {
  const reasons = (overview: string, previous = prior()) =>
    N_YOY_CLAIM.check({ report: seed((d) => { d.sections.overview = overview }), previous }).map((f) => [f.status, f.context.reason])
  t.same(reasons('全年主动公开政务信息170条，比2021年减少了10.5%。'), [['not_assessable', 'other_year']])
  t.same(reasons('全年发布政策解读3条，同比增长50%。'), [['not_assessable', 'prior_value_missing']])
  t.same(reasons('全年主动公开政务信息170条，同比增长10%。', prior('全年主动公开政务信息0条。')), [['not_assessable', 'prior_value_zero']])
  t.same(reasons('信息170条，环比增长10%。'), [], '环比 is not year-on-year')
})
