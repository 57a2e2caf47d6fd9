import t from 'tap'
import { M_INDEX } from '../../../src/domain/rules/m-index.js'
import { essentials, report2019, seed } from '../fixtures.js'

t.test('passes when the index number carries the publication year', async (t) => {
  t.same(M_INDEX.check({ report: seed(), previous: null }), [], 'the seed: …/2024-00007, 成文 2024-01-31')
  t.same(M_INDEX.check({ report: report2019(), previous: null }), [], 'a 2019-template report: …/2021-00003, 发布 2021-01-29')
})

t.test('fails when the years differ', async (t) => {
  const cases = [
    { name: 'the report year instead of the publication year', report: seed((d) => { d.publication!.indexNo = '11330524MB15359635/2023-00007' }), pointer: '/publication/documentDate', expected: 2024, actual: 2023 },
    { name: '发布日期 decides over 成文日期', report: seed((d) => { d.publication!.publishedDate = '2025-01-02' }), pointer: '/publication/publishedDate', expected: 2025, actual: 2024 }
  ]
  for (const c of cases) {
    t.same(M_INDEX.check({ report: c.report, previous: null }).map(essentials), [{
      ruleId: 'M-INDEX', severity: 'info', status: 'failed', pointers: ['/publication/indexNo', c.pointer], expected: c.expected, actual: c.actual, difference: c.actual - c.expected
    }], c.name)
  }
  t.equal(M_INDEX.check({ report: cases[0]!.report, previous: null })[0]?.message,
    '索引号“11330524MB15359635/2023-00007”中的年份2023与成文日期2024-01-31的年份2024不一致')
})

t.test('is not assessable when the index number or the date is missing or unparsable', async (t) => {
  const cases = [
    { name: 'no publication block', report: seed((d) => { delete d.publication }), pointers: ['/publication/indexNo'] },
    { name: 'a blank index number', report: seed((d) => { d.publication!.indexNo = '  ' }), pointers: ['/publication/indexNo'] },
    { name: 'an index number without a year', report: seed((d) => { d.publication!.indexNo = '吴发改〔2024〕7号' }), pointers: ['/publication/indexNo'] },
    { name: 'no date', report: seed((d) => { d.publication!.documentDate = null }), pointers: ['/publication/publishedDate', '/publication/documentDate'] },
    { name: 'an unparsable date', report: seed((d) => { d.publication!.documentDate = '2024-13-01' }), pointers: ['/publication/documentDate'] }
  ]
  for (const c of cases) {
    t.same(M_INDEX.check({ report: c.report, previous: null }).map(essentials), [{
      ruleId: 'M-INDEX', severity: 'info', status: 'not_assessable', pointers: c.pointers, expected: null, actual: null, difference: null
    }], c.name)
  }
  t.equal(M_INDEX.check({ report: cases[2]!.report, previous: null })[0]?.message,
    '索引号“吴发改〔2024〕7号”中找不到年份（应为…/YYYY-NNNNN），无法核对')
})
