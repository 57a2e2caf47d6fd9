import t from 'tap'
import { T4_GROUPSUM } from '../../../src/domain/rules/t4-groupsum.js'
import { essentials, report2019, seed } from '../fixtures.js'

const pointersOf = (group: string): string[] =>
  ['upheld', 'corrected', 'other', 'pending', 'total'].map((field) => `/reviewLitigation/${group}/${field}`)

t.test('passes when each group total is the sum of its results', async (t) => {
  t.same(T4_GROUPSUM.check({ report: seed(), previous: null }), [], 'the seed')
  t.same(T4_GROUPSUM.check({ report: report2019(), previous: null }), [], 'a 2019 report')
})

t.test('fails once per group whose total is off', async (t) => {
  const cases = [
    { name: 'review total too high', edit: { group: 'review' as const, field: 'total' as const, value: 2 }, expected: 1, actual: 2 },
    { name: 'a pending direct suit left out of the total', edit: { group: 'suitDirect' as const, field: 'pending' as const, value: 1 }, expected: 1, actual: 0 },
    { name: 'corrected suits after review left out of the total', edit: { group: 'suitAfterReview' as const, field: 'corrected' as const, value: 2 }, expected: 2, actual: 0 }
  ]
  for (const c of cases) {
    const report = seed((d) => { d.reviewLitigation[c.edit.group][c.edit.field] = c.edit.value })
    t.same(T4_GROUPSUM.check({ report, previous: null }).map(essentials), [{
      ruleId: 'T4-GROUPSUM',
      severity: 'error',
      status: 'failed',
      pointers: pointersOf(c.edit.group),
      expected: c.expected,
      actual: c.actual,
      difference: c.actual - c.expected
    }], c.name)
  }
})

t.test('names the group and every number, blank included', async (t) => {
  const report = seed((d) => {
    d.reviewLitigation.review.total = 2
    d.reviewLitigation.suitAfterReview.pending = 1
    d.reviewLitigation.suitAfterReview.total = null
  })
  const findings = T4_GROUPSUM.check({ report, previous: null })
  t.equal(findings.length, 2)
  t.equal(findings[0]?.message, '第四部分“行政复议”：结果维持(1)+结果纠正(0)+其他结果(0)+尚未审结(0)=1，应等于总计(2)')
  t.equal(findings[1]?.message, '第四部分“行政诉讼（复议后起诉）”：结果维持(0)+结果纠正(0)+其他结果(0)+尚未审结(1)=1，应等于总计(空白)')
  t.same(findings[1]?.context, { group: 'suitAfterReview', blankPointers: ['/reviewLitigation/suitAfterReview/total'] })
})
