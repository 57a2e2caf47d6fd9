import type { Finding, RuleDefinition } from '../findings.js'
import {
  countsByUnit, enclosingBreakdown, lastCountBefore, matchesIn, narrativeFinding, NUMBER, percentTolerance, proseOf, readNumber, UNITS
} from '../narrative.js'
import type { Breakdown, Count, Sentence } from '../narrative.js'

/** "X件，占(总数的) P%": a count and the share the prose gives it; the count may end the clause before 占. */
const SHARE = new RegExp(`(${NUMBER})(${UNITS})[^\\d;。]{0,6}?占(?:比)?[^\\d%;。]{0,10}?(\\d+(?:\\.(\\d+))?)%`)

/** Words right before a count that make it a stated total: "共60条", "合计5件". */
const TOTAL_WORDS = ['共', '共计', '合计', '总计']

/** The counts of a sentence stated as totals ("共 N 件"), by counting word. */
function statedTotalsOf (sentence: Sentence): ReadonlyMap<string, readonly Count[]> {
  return countsByUnit(sentence.counts.filter((count) => TOTAL_WORDS.some((word) => sentence.norm.endsWith(word, count.start))))
}

/**
 * The base of a share: the total of the breakdown the count is in, else a stated total ("共 N 件") before it
 * (`statedTotals`, the sentence's `statedTotalsOf`).
 */
function baseOf (
  sentence: Sentence, at: number, unit: string, breakdowns: readonly Breakdown[], statedTotals: ReadonlyMap<string, readonly Count[]>
): Count | undefined {
  const breakdown = enclosingBreakdown(breakdowns, sentence, at)
  if (breakdown !== undefined) return breakdown.total.unit === unit ? breakdown.total : undefined
  return lastCountBefore(statedTotals.get(unit) ?? [], at)
}

/**
 * N-PCT (warning): a stated share "X 件，占 P%" must be X ÷ base × 100 within ±0.1 percentage point (half a unit of
 * the last written digit when coarser: "53%" may round 52.6%). The base is the total of the "其中" breakdown the
 * count belongs to, else a total stated earlier in the sentence ("共 N 件"); without one the share is not checked.
 * Year-on-year changes ("比2022年减少了10.5%") are N-YOY-CLAIM's, not shares.
 *
 * Example: "共收到申请20件，其中予以公开10件，占60%" → one finding, expected 50, actual 60, difference 10,
 * pointers `['/sections/overview']`.
 */
export const N_PCT: RuleDefinition = {
  id: 'N-PCT',
  severity: 'warning',
  title: '正文所述占比与其计数一致',
  titleEn: 'Stated percentages match their counts',
  description: 'A prose share "X 件，占 P%" = X / base × 100 ± 0.1 percentage point, base = the breakdown total (共 N 件, 其中 …).',
  templates: ['2021', '2019'],
  needsPrevious: false,
  check (input) {
    const prose = proseOf(input)
    const findings: Finding[] = []
    for (const sentence of prose.sentencesWith(['占'])) {
      const shares = matchesIn([sentence], SHARE)
      if (shares.length === 0) continue
      // Read once per sentence, however many shares it states.
      const statedTotals = statedTotalsOf(sentence)
      for (const { match } of shares) {
        const count = readNumber(match[1] ?? '')
        const unit = match[2] ?? ''
        const stated = Number(match[3])
        const base = baseOf(sentence, match.index, unit, prose.breakdowns, statedTotals)
        if (count === null || base === undefined || base.value === 0 || base.start === match.index) continue
        const share = Math.round(count / base.value * 1000) / 10
        if (Math.abs(count / base.value * 100 - stated) <= percentTolerance((match[4] ?? '').length)) continue
        findings.push(narrativeFinding(N_PCT, sentence, {
          message: `正文称${count}${unit}占${stated}%，但${count}÷${base.value}=${share}%`,
          messageEn: `The prose says ${count} is ${stated}%, but ${count} / ${base.value} = ${share}%`,
          pointers: [],
          expected: share,
          actual: stated,
          difference: Math.round((stated - share) * 10) / 10,
          context: { count, base: base.value }
        }, match.index))
      }
    }
    return findings
  }
}
