import type { RuleDefinition } from '../findings.js'
import { failed } from '../findings.js'
import { normalizeProse, proseOf } from '../narrative.js'

/** Any statement about the fee: "未收取信息处理费", "收取…处理费3940元", "不收费", "未收取任何费用". */
const FEE_STATEMENT = /处理费|收费|收取[^,;。]{0,12}费/

/**
 * N-FEE-SECTION6 (warning): section 六 (其他需要报告的事项) must say whether 信息处理费 was charged (条例第四十二条,
 * 《政府信息公开信息处理费管理办法》). Any sentence about 处理费, 收费 or 收取…费 satisfies it; the amount is not checked.
 *
 * Example: the seed's "2023年,吴兴区发改经信局未收取政府信息公开信息处理费" → no finding; a section 六 that only gives
 * contact details → one finding, pointers `['/sections/other']`, quote the section's first 80 characters.
 */
export const N_FEE_SECTION6: RuleDefinition = {
  id: 'N-FEE-SECTION6',
  severity: 'warning',
  title: '第六部分未说明是否收取信息处理费',
  titleEn: 'Section 6 does not say whether processing fees were charged',
  description: 'sections.other mentions 信息处理费 (or 收费 / 收取…费), stating whether fees were charged.',
  templates: ['2021', '2019'],
  needsPrevious: false,
  check (input) {
    const { report } = input
    const text = report.sections.other
    // A statement within a sentence is one of the section; only a section without one is normalised whole, in case a
    // statement runs across a sentence break. Every statement has 费.
    const stated = proseOf(input).sentencesWith(['费']).some((sentence) => sentence.section === 'other' && FEE_STATEMENT.test(sentence.norm))
    if (stated || FEE_STATEMENT.test(normalizeProse(text))) return []
    const excerpt = text.trim().slice(0, 80)
    return [failed(N_FEE_SECTION6, {
      message: excerpt === '' ? '第六部分为空，未说明是否收取信息处理费' : '第六部分未说明是否收取信息处理费',
      messageEn: excerpt === '' ? 'Section 6 is empty: it does not say whether processing fees were charged' : 'Section 6 does not say whether processing fees were charged',
      pointers: ['/sections/other'],
      expected: '说明是否收取信息处理费',
      actual: null,
      difference: null,
      context: { section: 'other', quote: excerpt }
    })]
  }
}
