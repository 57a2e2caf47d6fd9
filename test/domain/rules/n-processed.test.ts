import t from 'tap'
import { N_PROCESSED } from '../../../src/domain/rules/n-processed.js'
import { essentials, seed } from '../fixtures.js'

const withOverview = (overview: string) => seed((d) => { d.sections.overview = overview })

t.test('the seed: "结转下年度办理1件" matches 结转下年度 1', async (t) => {
  t.same(N_PROCESSED.check({ report: seed(), previous: null }), [])
})

t.test('passes on true statements of handled and carried-forward requests', async (t) => {
  for (const overview of [
    '共受理申请10件，办结9件，结转下年度1件。',
    '全年答复政府信息公开申请9件，另有1件顺延到下年度答复。',
    '共受理申请10件，答复9件（含上年度结转申请0件，另有1件顺延到下年度答复）。'
  ]) t.same(N_PROCESSED.check({ report: withOverview(overview), previous: null }), [], overview)
})

t.test('fails on a wrong handled count', async (t) => {
  const findings = N_PROCESSED.check({ report: withOverview('共受理政府信息公开申请10件，已全部办结10件。'), previous: null })
  t.same(findings.map(essentials), [{
    ruleId: 'N-PROCESSED',
    severity: 'warning',
    status: 'failed',
    pointers: ['/sections/overview', '/requests/outcomes/total/total'],
    expected: 9,
    actual: 10,
    difference: 1
  }])
  t.equal(findings[0]?.message, '正文称办结（答复）10件，但表三为9件')
})

t.test('fails on a wrong carried-forward count, either word order', async (t) => {
  for (const overview of ['受理申请10件，结转下年度办理3件。', '受理申请10件，另有3件顺延至下年度答复。']) {
    t.same(N_PROCESSED.check({ report: withOverview(overview), previous: null }).map((f) => [f.pointers[1], f.expected, f.actual]),
      [['/requests/carriedForward/total', 1, 3]], overview)
  }
})

t.test('ignores 上年结转, other kinds of replies, and subsets', async (t) => {
  for (const overview of [
    '受理申请10件，其中含上年结转申请5件。',
    '全年答复网民留言50件。',
    '办结行政复议案件2件。',
    '共收到申请20件。其中信函申请共5件,其中办结4件,结转下年度1件。'
  ]) t.same(N_PROCESSED.check({ report: withOverview(overview), previous: null }), [], overview)
})
