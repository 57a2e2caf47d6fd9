import t from 'tap'
import { V_FEE_UNIT } from '../../../src/domain/rules/v-fee-unit.js'
import { essentials, report2019, seed } from '../fixtures.js'

t.test('passes for plausible amounts, government reports and the 2019 form', async (t) => {
  const cases = [
    { name: 'the seed (0 万元)', report: seed() },
    { name: 'just below the threshold', report: seed((d) => { d.proactive.fees.amountWan = 99999.999999 }) },
    { name: 'a blank amount', report: seed((d) => { d.proactive.fees.amountWan = null }) },
    { name: 'a government report may collect that much', report: seed((d) => { d.kind = 'government'; d.proactive.fees.amountWan = 250000 }) },
    { name: 'the 2019 form has no fee amount', report: report2019() }
  ]
  for (const c of cases) t.same(V_FEE_UNIT.check({ report: c.report, previous: null }), [], c.name)
})

t.test('flags an agency amount of 100000 万元 or more', async (t) => {
  const findings = V_FEE_UNIT.check({ report: seed((d) => { d.proactive.fees.amountWan = 152000 }), previous: null })
  t.same(findings.map(essentials), [{
    ruleId: 'V-FEE-UNIT',
    severity: 'info',
    status: 'failed',
    pointers: ['/proactive/fees/amountWan'],
    expected: '< 100000',
    actual: 152000,
    difference: null
  }])
  t.match(findings[0]?.message, /152000万元.*疑为按“元”填报/)
})
