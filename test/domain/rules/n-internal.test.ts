import t from 'tap'
import { N_INTERNAL } from '../../../src/domain/rules/n-internal.js'
import { essentials, seed } from '../fixtures.js'

const withOverview = (overview: string) => seed((d) => { d.sections.overview = overview })

t.test('the seed: 重点领域 60 条 of which 59 + 24', async (t) => {
  const findings = N_INTERNAL.check({ report: seed(), previous: null })
  t.same(findings.map(essentials), [{
    ruleId: 'N-INTERNAL', severity: 'warning', status: 'failed', pointers: ['/sections/overview'], expected: 60, actual: 83, difference: 23
  }])
  t.equal(findings[0]?.message, '正文称共60条，其中分项59+24=83条，超过总数')
  t.equal(findings[0]?.context.quote, '全年公开重点领域政府信息共60条,比2022年增加了7.1%。其中,涉及重大建设项目领域信息59条,发布通知公告共24条')
})

t.test('nested 其中 is its own breakdown; parts may add up to less', async (t) => {
  for (const overview of [
    '收到申请信息公开件共13件。其中信函申请共10件,其中无法提供6件,同意公开3件,结转下年度办理1件。',
    '行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件。',
    '共公开信息100条，其中政策文件20条。',
    '共公开信息10条，比上年增加5条。其中政策文件8条。'
  ]) t.same(N_INTERNAL.check({ report: withOverview(overview), previous: null }), [], overview)
})

t.test('fails in the same sentence and counts only the total\'s unit', async (t) => {
  const findings = N_INTERNAL.check({ report: withOverview('受理申请10件，其中予以公开6件，无法提供5件，涉及3个部门。'), previous: null })
  t.same(findings.map((f) => [f.expected, f.actual, f.context.parts]), [[10, 11, [6, 5]]])
})

t.test('a total in the previous sentence must be marked 共/合计', async (t) => {
  t.same(N_INTERNAL.check({ report: withOverview('公开信息10条。其中政策文件8条，通知5条。'), previous: null }), [])
})
