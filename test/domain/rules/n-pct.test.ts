import t from 'tap'
import { N_PCT } from '../../../src/domain/rules/n-pct.js'
import { essentials, seed } from '../fixtures.js'

const withOverview = (overview: string) => seed((d) => { d.sections.overview = overview })

t.test('the seed states no share (its percentages are year-on-year changes)', async (t) => {
  t.same(N_PCT.check({ report: seed(), previous: null }), [])
})

t.test('passes within 0.1 percentage point, or a rounding of the digits written', async (t) => {
  for (const overview of [
    '共收到申请20件，其中予以公开10件，占50%。',
    '共收到申请9件。其中无法提供6件，占比66.7%。',
    '共收到申请9件，其中无法提供6件，占67%。',
    '共收到申请30件，其中予以公开10件，占总数的33.3%。'
  ]) t.same(N_PCT.check({ report: withOverview(overview), previous: null }), [], overview)
})

t.test('fails when the share does not follow from the counts', async (t) => {
  const findings = N_PCT.check({ report: withOverview('共收到申请20件，其中予以公开10件，占60%。'), previous: null })
  t.same(findings.map(essentials), [{
    ruleId: 'N-PCT', severity: 'warning', status: 'failed', pointers: ['/sections/overview'], expected: 50, actual: 60, difference: 10
  }])
  t.equal(findings[0]?.message, '正文称10件占60%，但10÷20=50%')
  t.same(N_PCT.check({ report: withOverview('共收到申请9件，其中无法提供6件，占66.5%。'), previous: null }).map((f) => [f.expected, f.actual]),
    [[66.7, 66.5]], 'one decimal written: ±0.1')
})

t.test('without a base the share is not checked', async (t) => {
  for (const overview of ['予以公开10件，占60%。', '合格率均为100%。', '主动公开信息170条，比2022年减少了10.5%。']) {
    t.same(N_PCT.check({ report: withOverview(overview), previous: null }), [], overview)
  }
})
