import t from 'tap'
import { S_MIXED } from '../../../src/domain/rules/s-mixed.js'
import { applicantRow, essentials, report2019, seed } from '../fixtures.js'

const singleRowOther = seed((d) => { d.requests.outcomes.other = applicantRow({}) })

t.test('passes when every table follows the declared template', async (t) => {
  t.same(S_MIXED.check({ report: seed(), previous: null }), [], 'the seed: three-row 其他处理 on the 2021 template')
  t.same(S_MIXED.check({ report: report2019(), previous: null }), [], 'a single-row 其他处理 is the 2019 layout itself')
})

t.test('fails for a 2021-template report with the single 2019 row of （六）其他处理', async (t) => {
  const findings = S_MIXED.check({ report: singleRowOther, previous: null })
  t.same(findings.map(essentials), [{
    ruleId: 'S-MIXED',
    severity: 'warning',
    status: 'failed',
    pointers: [
      '/requests/outcomes/other/naturalPerson',
      '/requests/outcomes/other/commercial',
      '/requests/outcomes/other/research',
      '/requests/outcomes/other/socialWelfare',
      '/requests/outcomes/other/legalService',
      '/requests/outcomes/other/otherOrg',
      '/requests/outcomes/other/total'
    ],
    expected: '2021',
    actual: '2019',
    difference: null
  }])
  t.match(findings[0]?.message, /“（六）其他处理”按2019年模板填为一行/)
  t.same(findings[0]?.context, { table: '/requests/outcomes/other' })
})
