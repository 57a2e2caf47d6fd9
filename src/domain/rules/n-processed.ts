import type { Finding, RuleDefinition } from '../findings.js'
import { CLAUSE_GAP, matchesIn, narrativeFinding, NUMBER, proseOf, readNumber, speaksOfWhole, wholeRequestTotals } from '../narrative.js'
import type { Sentence } from '../narrative.js'

/** "办结/答复 … X件": the verb comes first ("103件顺延到下年度答复" is not a count of replies). */
const HANDLED = new RegExp(`(?:办结|答复|办理完毕|处理完毕)${CLAUSE_GAP}{0,12}?(${NUMBER})件`)

/** "结转下年度办理 X件", "X件顺延到下年度". 上年结转 (carried over from last year) never matches: 下 is required. */
const FORWARD = new RegExp(
  `(?:结转|顺延|转入)(?:到|至)?下一?年度?${CLAUSE_GAP}{0,10}?(${NUMBER})件` +
  `|(${NUMBER})件${CLAUSE_GAP}{0,10}?(?:结转|顺延|转入)(?:到|至)?下一?年`
)

/** Replies to enquiries, messages or reviews are counted in 件 too; they are not table 三. */
const OTHER_SUBJECT = /复议|诉讼|咨询|留言|信箱|热线|建议|提案|来信|来访/

/**
 * An outcome category next to the verb makes the count a category, not a total: "同意公开答复5件", "部分公开答复2件",
 * "答复不予公开1件", "其中同意公开答复N件" after a true total. N-T3 compares those with their rows.
 */
const CATEGORY = /同意公开|予以公开|部分公开|不予公开|全部公开|无法提供|不予处理|其他处理|告知|不属于|不存在|补正|撤回/
/** How far before the verb a category word still qualifies it ("部分公开答复", "不予公开的答复"). */
const CATEGORY_REACH = 6

/** True when a category word stands right before the verb or between it and the count. */
function isCategoryCount (norm: string, match: RegExpExecArray): boolean {
  return CATEGORY.test(norm.slice(Math.max(0, match.index - CATEGORY_REACH), match.index + match[0].length))
}

interface Claim {
  readonly sentence: Sentence
  readonly at: number
  readonly claimed: number
}

/**
 * N-PROCESSED (warning): "办结/答复 X 件" must state `requests.outcomes.total.total` (办理结果总计) and
 * "结转（下年度）X 件" must state `requests.carriedForward.total`. A count of replies is a total only in a sentence about
 * requests (申请) and with no outcome category next to it ("同意公开答复5件" is a category, N-T3's); "结转下年度继续办理
 * X件" is a claim in any sentence. A claim inside a "其中" breakdown counts only when that breakdown's total is the whole
 * table (new, new + carried over, or handled); otherwise it speaks of a subset.
 *
 * Example: 淮安市 2024 says "答复3050件…另有103件顺延到下年度答复" with 总计 3050 and 结转下年度 103 → no finding;
 * had it said "答复3000件" → one finding, expected 3050, actual 3000, pointers `['/sections/overview', '/requests/outcomes/total/total']`.
 */
export const N_PROCESSED: RuleDefinition = {
  id: 'N-PROCESSED',
  severity: 'warning',
  title: '正文所述办结、结转数与表三一致',
  titleEn: 'Handled and carried-forward counts in the prose match table 3',
  description: 'A prose claim "办结/答复 X 件" = requests.outcomes.total.total; "结转下年度 X 件" = requests.carriedForward.total.',
  templates: ['2021', '2019'],
  needsPrevious: false,
  check (input) {
    const { report } = input
    const r = report.requests
    const prose = proseOf(input)
    // Both patterns end in "X件".
    const counting = prose.sentencesCounting('件')
    const aboutRequests = counting.filter((s) => s.norm.includes('申请'))
    const whole = wholeRequestTotals(r)
    const claims = (sentences: readonly Sentence[], pattern: RegExp, isTotal: (norm: string, match: RegExpExecArray) => boolean): Claim[] =>
      matchesIn(sentences, pattern)
        .filter(({ sentence, match }) => !OTHER_SUBJECT.test(match[0]) && isTotal(sentence.norm, match) &&
          speaksOfWhole(prose.breakdowns, sentence, match.index, whole))
        .flatMap(({ sentence, match }) => {
          const claimed = readNumber(match[1] ?? match[2] ?? '')
          return claimed === null ? [] : [{ sentence, at: match.index, claimed }]
        })

    const findings: Finding[] = []
    const compare = (found: Claim[], table: number | null, pointer: string, zh: string, en: string): void => {
      if (table === null) return
      for (const { sentence, at, claimed } of found) {
        if (claimed === table) continue
        findings.push(narrativeFinding(N_PROCESSED, sentence, {
          message: `正文称${zh}${claimed}件，但表三为${table}件`,
          messageEn: `The prose says ${claimed} requests were ${en}, but table 3 shows ${table}`,
          pointers: [pointer],
          expected: table,
          actual: claimed,
          difference: claimed - table,
          context: { claimed }
        }, at))
      }
    }
    const handled = claims(aboutRequests, HANDLED, (norm, match) => !isCategoryCount(norm, match))
    compare(handled, r.outcomes.total.total, '/requests/outcomes/total/total', '办结（答复）', 'handled')
    compare(claims(counting, FORWARD, () => true), r.carriedForward.total, '/requests/carriedForward/total', '结转下年度', 'carried forward')
    return findings
  }
}
