import { failed } from '../findings.js'
import type { RuleDefinition } from '../findings.js'

/** 100 000 万元 = 10 亿元 of fees in one year is implausible for a single department. */
const THRESHOLD_WAN = 100_000

/**
 * V-FEE-UNIT (info): an `agency` report whose 行政事业性收费 amount is ≥ 100 000 万元 probably entered it in 元.
 * Government (whole-jurisdiction) reports can legitimately reach such sums, so they are not checked.
 *
 * Example: `{ kind: 'agency', proactive: { fees: { amountWan: 152000 } } }` → one finding, pointers
 * `['/proactive/fees/amountWan']`, expected `'< 100000'`, actual `152000`.
 */
export const V_FEE_UNIT: RuleDefinition = {
  id: 'V-FEE-UNIT',
  severity: 'info',
  title: '收费金额疑似以元为单位填报',
  titleEn: 'Fee amount probably entered in yuan',
  description: 'kind "agency" and template "2021": proactive.fees.amountWan < 100000 (万元); a larger value was probably entered in 元.',
  templates: ['2021'],
  needsPrevious: false,
  check ({ report }) {
    if (report.template !== '2021' || report.kind !== 'agency') return []
    const amount = report.proactive.fees.amountWan
    if (amount === null || amount < THRESHOLD_WAN) return []
    return [failed(V_FEE_UNIT, {
      message: `本机关报告第二部分行政事业性收费金额为${amount}万元（不低于${THRESHOLD_WAN}万元），疑为按“元”填报，应以万元为单位`,
      messageEn: `Table 2 administrative fees of ${amount} (10k yuan) in an agency report is at least ${THRESHOLD_WAN}; the amount was probably entered in yuan`,
      pointers: ['/proactive/fees/amountWan'],
      expected: `< ${THRESHOLD_WAN}`,
      actual: amount,
      difference: null,
      context: { thresholdWan: THRESHOLD_WAN }
    })]
  }
}
