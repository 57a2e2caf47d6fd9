import t from 'tap'
import { S_TEMPLATE } from '../../../src/domain/rules/s-template.js'
import { essentials, report2019, seed } from '../fixtures.js'

t.test('passes when the template matches the report year', async (t) => {
  const cases = [
    { name: '2023 on the 2021 template (the seed)', report: seed() },
    { name: '2021 on the 2021 template', report: seed((d) => { d.year = 2021 }) },
    { name: '2020 on the 2019 template', report: report2019() },
    { name: '2019 on the 2019 template', report: report2019((d) => { d.year = 2019 }) }
  ]
  for (const c of cases) t.same(S_TEMPLATE.check({ report: c.report, previous: null }), [], c.name)
})

t.test('fails when the template does not match the report year', async (t) => {
  const cases = [
    { name: 'a 2021 report on the 2019 template', report: report2019((d) => { d.year = 2021 }), expected: '2021', actual: '2019' },
    { name: 'a 2020 report on the 2021 template', report: seed((d) => { d.year = 2020 }), expected: '2019', actual: '2021' }
  ]
  for (const c of cases) {
    const findings = S_TEMPLATE.check({ report: c.report, previous: null })
    t.same(findings.map(essentials), [{
      ruleId: 'S-TEMPLATE',
      severity: 'error',
      status: 'failed',
      pointers: ['/template', '/year'],
      expected: c.expected,
      actual: c.actual,
      difference: null
    }], c.name)
  }
})

t.test('names the year, both templates and the circular', async (t) => {
  const [finding] = S_TEMPLATE.check({ report: report2019((d) => { d.year = 2023 }), previous: null })
  t.equal(finding?.message, '2023年度报告应采用2021年模板（国办公开办函〔2021〕30号），实际采用2019年模板')
  t.equal(finding?.messageEn, 'A report for 2023 should follow the 2021 template (国办公开办函〔2021〕30号), but follows the 2019 template')
})
