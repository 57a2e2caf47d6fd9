import t from 'tap'
import { N_T2 } from '../../../src/domain/rules/n-t2.js'
import { essentials, report2019, seed } from '../fixtures.js'

const withOverview = (overview: string) => seed((d) => { d.sections.overview = overview })

t.test('passes when the prose matches table 二 (seed: 行政规范性文件 0 / 1 / 2)', async (t) => {
  t.same(N_T2.check({ report: seed(), previous: null }), [])
  for (const overview of ['全年废止行政规范性文件1件，现行有效规范性文件2件。', '本年度未制发规范性文件0件。', '规范性文件废止1件。']) {
    t.same(N_T2.check({ report: withOverview(overview), previous: null }), [], overview)
  }
})

t.test('fails on a wrong count, naming the cell', async (t) => {
  const findings = N_T2.check({ report: withOverview('全年废止规范性文件5件。'), previous: null })
  t.same(findings.map(essentials), [{
    ruleId: 'N-T2',
    severity: 'warning',
    status: 'failed',
    pointers: ['/sections/overview', '/proactive/normativeDocuments/repealed'],
    expected: 1,
    actual: 5,
    difference: 4
  }])
  t.equal(findings[0]?.message, '正文称废止行政规范性文件5件，但表二为1件')
  t.same(N_T2.check({ report: withOverview('印发规章2件。'), previous: null }).map((f) => f.pointers[1]), ['/proactive/regulations/issued'])
})

t.test('ignores publishing, 规章制度 and sums of two document types', async (t) => {
  for (const overview of ['全年新增公开市政府规章1件。', '制定内部规章制度3件。', '制发规章和规范性文件共3件。', '主动公开规范性文件9件。']) {
    t.same(N_T2.check({ report: withOverview(overview), previous: null }), [], overview)
  }
})

t.test('on the 2019 form only 制发 is compared, with 本年新制作', async (t) => {
  t.same(N_T2.check({ report: report2019((d) => { d.sections.overview = '制发规范性文件2件，废止规范性文件9件。' }), previous: null }), [])
  t.same(N_T2.check({ report: report2019((d) => { d.sections.overview = '制发规范性文件3件。' }), previous: null }).map((f) => f.pointers[1]),
    ['/proactive/normativeDocuments/newlyMade'])
})
