import t from 'tap'
import { N_RECEIVED } from '../../../src/domain/rules/n-received.js'
import { applicantRow, essentials, report2019, seed } from '../fixtures.js'

const withOverview = (overview: string, carriedOver = 0) => seed((d) => {
  d.sections.overview = overview
  d.requests.carriedOver = applicantRow({ naturalPerson: carriedOver })
  d.requests.outcomes.total = applicantRow({ naturalPerson: 9 + carriedOver })
})

t.test('the seed: prose 13 件 against 本年新收 10 and nothing carried over is an error', async (t) => {
  const findings = N_RECEIVED.check({ report: seed(), previous: null })
  t.same(findings.map(essentials), [{
    ruleId: 'N-RECEIVED',
    severity: 'error',
    status: 'failed',
    pointers: ['/sections/overview', '/requests/newReceived/total', '/requests/carriedOver/total'],
    expected: 10,
    actual: 13,
    difference: 3
  }])
  t.equal(findings[0]?.message, '正文称收到申请13件，但表三本年新收为10件（上年结转0件）')
  t.match(findings[0]?.context, { section: 'overview', quote: '收到申请信息公开件共13件' })
})

t.test('passes when the prose states 本年新收', async (t) => {
  for (const overview of [
    '2023年共收到政府信息公开申请10件。',
    '全区受理政府信息公开申请 10 件，均在法定期限答复。',
    '本年度新收政府信息公开申请十件。',
    '政府信息公开申请共收到10件。'
  ]) t.same(N_RECEIVED.check({ report: withOverview(overview), previous: null }), [], overview)
  t.same(N_RECEIVED.check({ report: report2019((d) => { d.sections.overview = '受理申请22件。' }), previous: null }), [], '2019 template')
})

t.test('new + carried over is a wording warning, not an error', async (t) => {
  const findings = N_RECEIVED.check({ report: withOverview('共受理政府信息公开申请12件（含上年结转2件）。', 2), previous: null })
  t.same(findings.map((f) => [f.severity, f.expected, f.actual]), [['warning', 10, 12]])
  t.match(findings[0]?.message, /本年新收\(10\)与上年结转\(2\)之和/)
})

t.test('ignores counts that are not requests received this year, or that are a subset', async (t) => {
  for (const overview of [
    '全年公开政策法规2条，财政信息11条。',
    '收到行政复议申请3件。',
    '收到群众咨询留言25件。',
    '共收到申请10件。其中网上受理申请4件。',
    '上年结转申请5件。'
  ]) t.same(N_RECEIVED.check({ report: withOverview(overview), previous: null }), [], overview)
})

t.test('one finding per wrong claim, in any section', async (t) => {
  const report = seed((d) => {
    d.sections.overview = '受理申请12件。'
    d.sections.other = '本年度收到信息公开申请11件。'
  })
  t.same(N_RECEIVED.check({ report, previous: null }).map((f) => [f.pointers[0], f.actual]), [
    ['/sections/overview', 12],
    ['/sections/other', 11]
  ])
})

t.test('a blank 本年新收 total is left to V-BLANK', async (t) => {
  t.same(N_RECEIVED.check({ report: seed((d) => { d.requests.newReceived.total = null }), previous: null }), [])
})
