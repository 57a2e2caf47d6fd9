import t from 'tap'
import { CY_2019_PREV } from '../../../src/domain/rules/cy-2019-prev.js'
import { essentials, report2019, report2019Previous, seed, seedPrevious } from '../fixtures.js'

t.test('is not assessable without a prior year on the same template', async (t) => {
  const cases = [
    { name: 'not stored', previous: null, reason: 'previous_missing' },
    { name: 'a prior year on the 2021 template', previous: seedPrevious((d) => { d.year = 2019 }), reason: 'template_mismatch' }
  ]
  for (const c of cases) {
    const findings = CY_2019_PREV.check({ report: report2019(), previous: c.previous })
    t.same(findings.map(essentials), [{
      ruleId: 'CY-2019-PREV', severity: 'warning', status: 'not_assessable', pointers: [], expected: null, actual: null, difference: null
    }], c.name)
    t.equal(findings[0]?.context.reason, c.reason, `${c.name}: reason`)
  }
})

t.test('passes when 上一年项目数量 = last year’s count + last year’s change', async (t) => {
  t.same(CY_2019_PREV.check({ report: report2019(), previous: report2019Previous() }), [])
})

t.test('says nothing for 2021-template reports, which have no item counts', async (t) => {
  t.same(CY_2019_PREV.check({ report: seed(), previous: seedPrevious() }), [])
})

t.test('fails once per row whose count does not follow, with a negative change', async (t) => {
  const previous = report2019Previous((d) => { d.proactive.licensing = { previousItems: 10, change: -2, decisions: 5 } })
  const report = report2019((d) => { d.proactive.licensing.previousItems = 9 })
  const findings = CY_2019_PREV.check({ report, previous })
  t.same(findings.map(essentials), [{
    ruleId: 'CY-2019-PREV',
    severity: 'warning',
    status: 'failed',
    pointers: ['/proactive/licensing/previousItems'],
    expected: 8,
    actual: 9,
    difference: 1
  }])
  t.equal(findings[0]?.message, '第二部分“行政许可”：2019年上一年项目数量(10)+2019年本年增/减(-2)=8，应等于2020年上一年项目数量(9)')
  t.same(findings[0]?.context, {
    row: 'licensing',
    previousYear: 2019,
    blankPointers: [],
    previousPointers: ['/proactive/licensing/previousItems', '/proactive/licensing/change'],
    previousBlankPointers: []
  })
})

t.test('counts blanks as 0 on either side and lists them', async (t) => {
  const previous = report2019Previous((d) => { d.proactive.fees = { previousItems: 4, change: null } })
  const report = report2019((d) => { d.proactive.fees.previousItems = null })
  const findings = CY_2019_PREV.check({ report, previous })
  t.same(findings.map(essentials), [{
    ruleId: 'CY-2019-PREV', severity: 'warning', status: 'failed', pointers: ['/proactive/fees/previousItems'], expected: 4, actual: 0, difference: -4
  }])
  t.same(findings[0]?.context.blankPointers, ['/proactive/fees/previousItems'])
  t.same(findings[0]?.context.previousBlankPointers, ['/proactive/fees/change'])
})
