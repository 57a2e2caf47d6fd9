import t from 'tap'
import { N_FEE_SECTION6 } from '../../../src/domain/rules/n-fee-section6.js'
import { essentials, report2019, seed } from '../fixtures.js'

t.test('passes when section 六 says whether fees were charged', async (t) => {
  t.same(N_FEE_SECTION6.check({ report: seed(), previous: null }), [], 'the seed: 未收取…信息处理费')
  t.same(N_FEE_SECTION6.check({ report: report2019(), previous: null }), [], '2019 fixture')
  for (const other of ['全年收取政府信息公开信息处理费 3940 元。', '本机关未收取任何费用。', '依申请公开不收费。']) {
    t.same(N_FEE_SECTION6.check({ report: seed((d) => { d.sections.other = other }), previous: null }), [], other)
  }
})

t.test('fails when section 六 is silent about the fee, or empty', async (t) => {
  const findings = N_FEE_SECTION6.check({ report: seed((d) => { d.sections.other = '本报告电子版可在区政府门户网站查阅。' }), previous: null })
  t.same(findings.map(essentials), [{
    ruleId: 'N-FEE-SECTION6', severity: 'warning', status: 'failed', pointers: ['/sections/other'], expected: '说明是否收取信息处理费', actual: null, difference: null
  }])
  t.same(findings[0]?.context, { section: 'other', quote: '本报告电子版可在区政府门户网站查阅。' })
  t.equal(N_FEE_SECTION6.check({ report: seed((d) => { d.sections.other = '' }), previous: null })[0]?.message, '第六部分为空，未说明是否收取信息处理费')
})
