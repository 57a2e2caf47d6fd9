import t from 'tap'
import { N_T4 } from '../../../src/domain/rules/n-t4.js'
import { essentials, seed } from '../fixtures.js'

/** The seed with 淮安市 2024's table 四: reviews 72/64/178/37/351, direct suits 13/4/8/1/26, suits after review 12/1/1/6/20. */
const huaian = (overview: string) => seed((d) => {
  d.reviewLitigation = {
    review: { upheld: 72, corrected: 64, other: 178, pending: 37, total: 351 },
    suitDirect: { upheld: 13, corrected: 4, other: 8, pending: 1, total: 26 },
    suitAfterReview: { upheld: 12, corrected: 1, other: 1, pending: 6, total: 20 }
  }
  d.sections.overview = overview
})

const HUAIAN_PROSE = '政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件；' +
  '政府信息公开行政诉讼46件，其中结果维持25件，结果纠正5件，其他结果9件，尚未审结7件。'

t.test('淮安市 2024: totals and outcomes of reviews and suits all match', async (t) => {
  t.same(N_T4.check({ report: huaian(HUAIAN_PROSE), previous: null }), [])
  t.same(N_T4.check({ report: seed(), previous: null }), [], 'the seed says nothing of reviews')
})

t.test('行政诉讼 is both suit groups added up', async (t) => {
  const findings = N_T4.check({ report: huaian('政府信息公开行政诉讼5件。'), previous: null })
  t.same(findings.map(essentials), [{
    ruleId: 'N-T4',
    severity: 'warning',
    status: 'failed',
    pointers: ['/sections/overview', '/reviewLitigation/suitDirect/total', '/reviewLitigation/suitAfterReview/total'],
    expected: 46,
    actual: 5,
    difference: -41
  }])
})

t.test('an outcome count belongs to the group claim before it', async (t) => {
  const findings = N_T4.check({ report: huaian(HUAIAN_PROSE.replace('结果纠正5件', '结果纠正6件').replace('结果维持72件', '结果维持70件')), previous: null })
  t.same(findings.map((f) => [f.pointers.slice(1), f.expected, f.actual]), [
    [['/reviewLitigation/review/upheld'], 72, 70],
    [['/reviewLitigation/suitDirect/corrected', '/reviewLitigation/suitAfterReview/corrected'], 5, 6]
  ])
  t.equal(findings[0]?.message, '正文称行政复议结果维持70件，但表四为72件')
})

t.test('行政复议 against review.total; 复议后起诉 is not a review', async (t) => {
  t.same(N_T4.check({ report: seed(), previous: null }), [])
  t.same(N_T4.check({ report: seed((d) => { d.sections.overview = '被申请行政复议1件，复议后起诉0件。' }), previous: null }), [])
  t.same(N_T4.check({ report: seed((d) => { d.sections.overview = '被申请行政复议2件。' }), previous: null }).map((f) => [f.expected, f.actual]), [[1, 2]])
})

t.test('"未发生行政复议、行政诉讼" contradicts a review in the table', async (t) => {
  const report = seed((d) => { d.sections.overview = '本年度未发生因政府信息公开引起的行政复议、行政诉讼情况。' })
  t.same(N_T4.check({ report, previous: null }).map((f) => [f.pointers.slice(1), f.expected, f.actual]), [
    [['/reviewLitigation/review/total'], 1, 0]
  ])
})

t.test('"均获维持" contradicts a corrected or pending case', async (t) => {
  t.same(N_T4.check({ report: seed((d) => { d.sections.overview = '行政复议案件均获维持。' }), previous: null }), [], 'the seed: 1 upheld')
  const findings = N_T4.check({ report: huaian('行政诉讼案件均获维持，零败诉。'), previous: null })
  t.same(findings.map((f) => [f.pointers.slice(1), f.expected, f.actual]), [[[
    '/reviewLitigation/suitDirect/corrected', '/reviewLitigation/suitAfterReview/corrected',
    '/reviewLitigation/suitDirect/pending', '/reviewLitigation/suitAfterReview/pending'
  ], 12, 0]])
})
