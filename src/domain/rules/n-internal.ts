import type { Finding, RuleDefinition } from '../findings.js'
import { narrativeFinding, proseOf, quoteOf } from '../narrative.js'

/**
 * N-INTERNAL (warning): the prose contradicts itself when the parts it lists after "其中" add up to more than the
 * total it stated ("共 X 条，其中 a 条…b 条" with a + b > X). Only parts in the total's counting word count, and a
 * nested "其中" starts its own breakdown (see `breakdownsOf`), so "共13件。其中信函申请共10件,其中无法提供6件,同意公开3件,
 * 结转1件" is consistent. Parts may legitimately add up to less (the rest is unlisted).
 *
 * Example: the seed's "全年公开重点领域政府信息共60条,…。其中,涉及重大建设项目领域信息59条,发布通知公告共24条" → one
 * finding, expected 60, actual 83, difference 23, pointers `['/sections/overview']`.
 */
export const N_INTERNAL: RuleDefinition = {
  id: 'N-INTERNAL',
  severity: 'warning',
  title: '正文分项之和超过所述总数',
  titleEn: 'Parts stated in the prose exceed their stated total',
  description: 'For a prose breakdown "共 X 件/条，其中 a …, b …": a + b + … <= X (same counting word; nested 其中 is its own breakdown).',
  templates: ['2021', '2019'],
  needsPrevious: false,
  check (input) {
    const findings: Finding[] = []
    for (const breakdown of proseOf(input).breakdowns) {
      const sum = breakdown.parts.reduce((acc, part) => acc + part.value, 0)
      const total = breakdown.total.value
      if (sum <= total) continue
      const unit = breakdown.total.unit
      const parts = breakdown.parts.map((p) => p.value)
      const here = quoteOf(breakdown.sentence, breakdown.start)
      const quote = breakdown.totalSentence === breakdown.sentence
        ? here
        : `${quoteOf(breakdown.totalSentence, breakdown.total.start)}。${here}`
      findings.push(narrativeFinding(N_INTERNAL, breakdown.sentence, {
        message: `正文称共${total}${unit}，其中分项${parts.join('+')}=${sum}${unit}，超过总数`,
        messageEn: `The prose states a total of ${total}, but the parts listed after 其中 add up to ${parts.join(' + ')} = ${sum}`,
        pointers: [],
        expected: total,
        actual: sum,
        difference: sum - total,
        context: { quote, parts, unit }
      }, breakdown.start))
    }
    return findings
  }
}
