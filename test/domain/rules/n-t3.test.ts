import t from 'tap'
import { N_T3 } from '../../../src/domain/rules/n-t3.js'
import { applicantRow, essentials, seed } from '../fixtures.js'

const withOverview = (overview: string) => seed((d) => { d.sections.overview = overview })

t.test('the seed: "无法提供6件" and "同意公开3件" match table 三', async (t) => {
  t.same(N_T3.check({ report: seed(), previous: null }), [])
})

t.test('compares a category with the sum of its rows', async (t) => {
  const report = seed((d) => {
    d.requests.outcomes.denied.thirdParty = applicantRow({ naturalPerson: 1 })
    d.requests.outcomes.denied.processInfo = applicantRow({ naturalPerson: 2 })
    d.sections.overview = '其中予以公开3件，不予公开3件，无法提供6件。'
  })
  t.same(N_T3.check({ report, previous: null }), [], '不予公开 = 1 + 2')
  const wrong = seed((d) => { d.sections.overview = '不予公开2件。' })
  const findings = N_T3.check({ report: wrong, previous: null })
  t.same(findings.map(essentials), [{
    ruleId: 'N-T3',
    severity: 'warning',
    status: 'failed',
    pointers: ['/sections/overview', ...['stateSecret', 'lawProhibited', 'securityStability', 'thirdParty', 'internalAffairs', 'processInfo', 'enforcementFile', 'adminQuery']
      .map((k) => `/requests/outcomes/denied/${k}/total`)],
    expected: 0,
    actual: 2,
    difference: 2
  }])
  t.equal(findings[0]?.message, '正文称不予公开2件，但表三不予公开合计为0件')
})

t.test('a sum of categories is compared with the sum of their rows', async (t) => {
  t.same(N_T3.check({ report: withOverview('予以公开及部分公开共3件。'), previous: null }), [])
  const findings = N_T3.check({ report: withOverview('予以公开和部分公开5件。'), previous: null })
  t.same(findings.map((f) => [f.expected, f.actual, f.context.categories]), [[3, 5, ['granted', 'partiallyGranted']]])
})

t.test('the 2019 single-row （六）其他处理 and the three 2021 rows both count', async (t) => {
  const single = seed((d) => {
    d.requests.outcomes.other = applicantRow({ naturalPerson: 2 })
    d.sections.overview = '其他处理2件。'
  })
  t.same(N_T3.check({ report: single, previous: null }), [])
  t.same(N_T3.check({ report: withOverview('其他处理1件。'), previous: null }).map((f) => f.pointers.slice(1)), [[
    '/requests/outcomes/other/noCorrection/total', '/requests/outcomes/other/feeUnpaid/total', '/requests/outcomes/other/misc/total'
  ]])
})

t.test('skips subsets, "respectively", and 予以公开 inside other words', async (t) => {
  for (const overview of [
    '共收到申请20件。其中网上申请5件，其中予以公开4件。',
    '予以公开、部分公开分别为3件、0件。',
    '不予以公开0件。',
    '主动予以公开政府信息50件。'
  ]) t.same(N_T3.check({ report: withOverview(overview), previous: null }), [], overview)
})
