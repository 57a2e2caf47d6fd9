import { pointer } from '../cells.js'
import type { RuleDefinition } from '../findings.js'
import { checkAllLaidOut, slotTerm } from '../identity.js'
import type { IdentityLayout } from '../identity.js'
import type { ReviewLitigation } from '../report.js'
import { CASE_FIELD_LABELS, CASE_FIELDS, CASE_GROUP_LABELS, CASE_GROUPS } from '../tables.js'

const PARTS = CASE_FIELDS.filter((field) => field !== 'total')

/** One identity per group of table 四, laid out once. */
const GROUP_IDENTITIES = CASE_GROUPS.map((group): IdentityLayout<ReviewLitigation> => ({
  scope: { zh: `第四部分“${CASE_GROUP_LABELS[group].zh}”`, en: `Table 4 "${CASE_GROUP_LABELS[group].en}"` },
  expected: PARTS.map((field) => slotTerm(CASE_FIELD_LABELS[field], pointer('reviewLitigation', group, field), (rl: ReviewLitigation) => rl[group][field])),
  actual: [slotTerm(CASE_FIELD_LABELS.total, pointer('reviewLitigation', group, 'total'), (rl: ReviewLitigation) => rl[group].total)],
  context: { group }
}))

/**
 * T4-GROUPSUM (error): for 行政复议, 未经复议直接起诉 and 复议后起诉 alike, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结
 * (blanks count as 0). One finding per failing group.
 *
 * Example: `review = { upheld: 1, corrected: 0, other: 0, pending: 0, total: 2 }` → expected 1, actual 2, difference 1,
 * message '第四部分“行政复议”：结果维持(1)+结果纠正(0)+其他结果(0)+尚未审结(0)=1，应等于总计(2)'.
 */
export const T4_GROUPSUM: RuleDefinition = {
  id: 'T4-GROUPSUM',
  severity: 'error',
  title: '表四各组总计等于各项结果之和',
  titleEn: 'Table 4 group totals',
  description: 'For each of review, suitDirect, suitAfterReview: total = upheld + corrected + other + pending.',
  templates: ['2021', '2019'],
  needsPrevious: false,
  check ({ report }) {
    return checkAllLaidOut(T4_GROUPSUM, GROUP_IDENTITIES, report.reviewLitigation)
  }
}
