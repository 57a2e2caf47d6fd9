import t from 'tap'
import { T2_INFORCE_GE_ISSUED } from '../../../src/domain/rules/t2-inforce-ge-issued.js'
import { essentials, report2019, seed } from '../fixtures.js'

t.test('passes when documents in force are at least those issued', async (t) => {
  const cases = [
    { name: 'the seed', report: seed() },
    { name: 'equal counts', report: seed((d) => { d.proactive.regulations = { issued: 2, repealed: 0, inForce: 2 } }) },
    { name: 'a blank in-force count is not read as 0', report: seed((d) => { d.proactive.regulations = { issued: 2, repealed: 0, inForce: null } }) },
    { name: 'a blank issued count', report: seed((d) => { d.proactive.regulations = { issued: null, repealed: 0, inForce: 0 } }) },
    { name: 'the 2019 form has no such columns', report: report2019() }
  ]
  for (const c of cases) t.same(T2_INFORCE_GE_ISSUED.check({ report: c.report, previous: null }), [], c.name)
})

t.test('fails once per row with fewer documents in force than issued', async (t) => {
  const report = seed((d) => {
    d.proactive.regulations = { issued: 1, repealed: 0, inForce: 0 }
    d.proactive.normativeDocuments = { issued: 3, repealed: 0, inForce: 1 }
  })
  const findings = T2_INFORCE_GE_ISSUED.check({ report, previous: null })
  t.same(findings.map(essentials), [
    {
      ruleId: 'T2-INFORCE-GE-ISSUED',
      severity: 'warning',
      status: 'failed',
      pointers: ['/proactive/regulations/issued', '/proactive/regulations/inForce'],
      expected: 1,
      actual: 0,
      difference: -1
    },
    {
      ruleId: 'T2-INFORCE-GE-ISSUED',
      severity: 'warning',
      status: 'failed',
      pointers: ['/proactive/normativeDocuments/issued', '/proactive/normativeDocuments/inForce'],
      expected: 3,
      actual: 1,
      difference: -2
    }
  ])
  t.equal(findings[1]?.message, '第二部分“行政规范性文件”：现行有效件数(1)少于本年制发件数(3)，本年制发的文件一般仍在有效期内')
})
