import { pointer } from '../cells.js'
import type { RuleDefinition } from '../findings.js'
import { checkAllLaidOut, slotTerm } from '../identity.js'
import type { IdentityLayout } from '../identity.js'
import { APPLICANT_COLUMNS } from '../report.js'
import type { Requests } from '../report.js'
import { COLUMN_LABELS } from '../tables.js'

/** One identity per column of table 三, laid out once (these four rows are the same in both layouts). */
const COLUMN_IDENTITIES = APPLICANT_COLUMNS.map((column): IdentityLayout<Requests> => ({
  scope: { zh: `第三部分“${COLUMN_LABELS[column].zh}”列`, en: `Table 3 column "${COLUMN_LABELS[column].en}"` },
  expected: [
    slotTerm({ zh: '本年新收', en: 'newly received' }, pointer('requests', 'newReceived', column), (r: Requests) => r.newReceived[column]),
    slotTerm({ zh: '上年结转', en: 'carried over' }, pointer('requests', 'carriedOver', column), (r: Requests) => r.carriedOver[column])
  ],
  actual: [
    slotTerm({ zh: '办理结果总计', en: 'outcome total' }, pointer('requests', 'outcomes', 'total', column), (r: Requests) => r.outcomes.total[column]),
    slotTerm({ zh: '结转下年度', en: 'carried forward' }, pointer('requests', 'carriedForward', column), (r: Requests) => r.carriedForward[column])
  ],
  context: { column }
}))

/**
 * T3-BALANCE (error), printed in the corner of table 三: in every column, 本年新收 + 上年结转 = 办理结果总计 + 结转下年度
 * (what came in was either handled or carried forward; blanks count as 0). One finding per failing column.
 *
 * Example: 自然人 column with 本年新收 10, 上年结转 0, 总计 9, 结转 0 → expected 10, actual 9, difference −1, message
 * '第三部分“自然人”列：本年新收(10)+上年结转(0)=10，应等于办理结果总计(9)+结转下年度(0)=9'.
 */
export const T3_BALANCE: RuleDefinition = {
  id: 'T3-BALANCE',
  severity: 'error',
  title: '表三收支平衡（第一项加第二项之和等于第三项加第四项之和）',
  titleEn: 'Table 3 balance',
  description: 'For every column c of table 3: newReceived[c] + carriedOver[c] = outcomes.total[c] + carriedForward[c].',
  templates: ['2021', '2019'],
  needsPrevious: false,
  check ({ report }) {
    return checkAllLaidOut(T3_BALANCE, COLUMN_IDENTITIES, report.requests)
  }
}
