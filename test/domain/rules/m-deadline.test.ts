import t from 'tap'
import { M_DEADLINE } from '../../../src/domain/rules/m-deadline.js'
import { essentials, report2019, seed } from '../fixtures.js'

t.test('passes when published by the deadline', async (t) => {
  const cases = [
    { name: 'the seed: 成文 2024-01-31, the last day', report: seed() },
    { name: 'a 2019-template report published 2021-01-29', report: report2019() },
    { name: 'a government report on 31 March', report: seed((d) => { d.kind = 'government'; d.publication = { publishedDate: '2024-03-31' } }) },
    { name: '发布日期 wins over a late 成文日期', report: seed((d) => { d.publication = { documentDate: '2024-03-01', publishedDate: '2024-01-30' } }) }
  ]
  for (const c of cases) t.same(M_DEADLINE.check({ report: c.report, previous: null }), [], c.name)
})

t.test('fails when published after the deadline, counting the days late', async (t) => {
  const cases = [
    { name: 'an agency report in February', report: seed((d) => { d.publication = { documentDate: '2024-01-20', publishedDate: '2024-02-05' } }), pointer: '/publication/publishedDate', expected: '2024-01-31', actual: '2024-02-05', days: 5 },
    { name: 'a government report on 1 April', report: seed((d) => { d.kind = 'government'; d.publication = { documentDate: '2024-04-01' } }), pointer: '/publication/documentDate', expected: '2024-03-31', actual: '2024-04-01', days: 1 },
    { name: 'a year late, over a leap day', report: seed((d) => { d.publication = { publishedDate: '2025-01-31' } }), pointer: '/publication/publishedDate', expected: '2024-01-31', actual: '2025-01-31', days: 366 }
  ]
  for (const c of cases) {
    t.same(M_DEADLINE.check({ report: c.report, previous: null }).map(essentials), [{
      ruleId: 'M-DEADLINE', severity: 'warning', status: 'failed', pointers: [c.pointer], expected: c.expected, actual: c.actual, difference: c.days
    }], c.name)
  }
  const [finding] = M_DEADLINE.check({ report: cases[0]!.report, previous: null })
  t.equal(finding?.message, '发布日期2024-02-05晚于法定期限2024-01-31（《政府信息公开条例》第四十九条：本机关报告应于次年1月31日前公布），逾期5天')
  t.same(finding?.context, { kind: 'agency' })
})

t.test('is not assessable without a usable date', async (t) => {
  const cases = [
    { name: 'no publication block', report: seed((d) => { delete d.publication }), pointers: ['/publication/publishedDate', '/publication/documentDate'] },
    { name: 'no dates', report: seed((d) => { d.publication = { indexNo: 'x/2024-1', documentDate: null } }), pointers: ['/publication/publishedDate', '/publication/documentDate'] },
    { name: 'a day that does not exist', report: seed((d) => { d.publication = { publishedDate: '2024-02-30' } }), pointers: ['/publication/publishedDate'] },
    { name: 'not ISO', report: seed((d) => { d.publication = { documentDate: '2024年1月31日' } }), pointers: ['/publication/documentDate'] }
  ]
  for (const c of cases) {
    t.same(M_DEADLINE.check({ report: c.report, previous: null }).map(essentials), [{
      ruleId: 'M-DEADLINE', severity: 'warning', status: 'not_assessable', pointers: c.pointers, expected: null, actual: null, difference: null
    }], c.name)
  }
  const [finding] = M_DEADLINE.check({ report: cases[2]!.report, previous: null })
  t.equal(finding?.message, '发布日期“2024-02-30”不是有效日期（应为YYYY-MM-DD），无法核对')
})
