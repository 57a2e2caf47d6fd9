import t from 'tap'
import { CY_IN_FORCE } from '../../../src/domain/rules/cy-in-force.js'
import { essentials, report2019, seed, seedPrevious } from '../fixtures.js'

t.test('is not assessable without a prior year on the same template', async (t) => {
  const cases = [
    { name: 'not stored', report: seed(), previous: null, reason: 'previous_missing' },
    { name: '2020 (2019 template) → 2021', report: seed((d) => { d.year = 2021 }), previous: report2019(), reason: 'template_mismatch' }
  ]
  for (const c of cases) {
    const findings = CY_IN_FORCE.check({ report: c.report, previous: c.previous })
    t.same(findings.map(essentials), [{
      ruleId: 'CY-IN-FORCE', severity: 'warning', status: 'not_assessable', pointers: [], expected: null, actual: null, difference: null
    }], c.name)
    t.equal(findings[0]?.context.reason, c.reason, `${c.name}: reason`)
  }
  t.equal(CY_IN_FORCE.check({ report: seed((d) => { d.year = 2021 }), previous: report2019() })[0]?.message,
    '上年报告采用2019年模板、本报告采用2021年模板，表二口径不同，不作比较')
})

t.test('passes when in force = last year in force + issued − repealed', async (t) => {
  t.same(CY_IN_FORCE.check({ report: seed(), previous: seedPrevious() }), [], '3 + 0 − 1 = 2')
})

t.test('says nothing for 2019-template reports, which have no in-force column', async (t) => {
  t.same(CY_IN_FORCE.check({ report: report2019(), previous: report2019((d) => { d.year = 2019 }) }), [])
})

t.test('fails once per row that does not follow from last year', async (t) => {
  const previous = seedPrevious((d) => { d.proactive.regulations.inForce = 4 })
  const report = seed((d) => { d.proactive.normativeDocuments.inForce = 5 })
  const findings = CY_IN_FORCE.check({ report, previous })
  t.same(findings.map(essentials), [
    {
      ruleId: 'CY-IN-FORCE',
      severity: 'warning',
      status: 'failed',
      pointers: ['/proactive/regulations/issued', '/proactive/regulations/repealed', '/proactive/regulations/inForce'],
      expected: 4,
      actual: 0,
      difference: -4
    },
    {
      ruleId: 'CY-IN-FORCE',
      severity: 'warning',
      status: 'failed',
      pointers: ['/proactive/normativeDocuments/issued', '/proactive/normativeDocuments/repealed', '/proactive/normativeDocuments/inForce'],
      expected: 2,
      actual: 5,
      difference: 3
    }
  ])
  t.equal(findings[1]?.message, '第二部分“行政规范性文件”：2022年现行有效(3)+本年制发(0)-本年废止(1)=2，应等于2023年现行有效(5)')
  t.equal(findings[1]?.messageEn,
    'Table 2 "normative documents": in force in 2022 (3) + issued (0) - repealed (1) = 2 should equal in force in 2023 (5)')
  t.same(findings[1]?.context.previousPointers, ['/proactive/normativeDocuments/inForce'])
})
