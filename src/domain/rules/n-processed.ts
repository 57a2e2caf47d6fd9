import type { Finding, RuleDefinition } from '../findings.js'
import { breakdownsOf, CLAUSE_GAP, matchesIn, narrativeFinding, NUMBER, readNumber, sentencesOf, speaksOfWhole, wholeRequestTotals } from '../narrative.js'
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

interface Claim {
  readonly sentence: Sentence
  readonly at: number
  readonly claimed: number
}

/**
 * N-PROCESSED (warning): "办结/答复 X 件" must state `requests.outcomes.total.total` (办理结果总计) and
 * "结转（下年度）X 件" must state `requests.carriedForward.total`. Only sentences about requests (申请) count, and a
 * claim inside a "其中" breakdown counts only when that breakdown's total is the whole table (new, new + carried
 * over, or handled); otherwise it speaks of a subset.
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
  check ({ report }) {
    const r = report.requests
    const sentences = sentencesOf(report.sections).filter((s) => s.norm.includes('申请'))
    const breakdowns = breakdownsOf(sentencesOf(report.sections))
    const whole = wholeRequestTotals(r)
    const claims = (pattern: RegExp): Claim[] => matchesIn(sentences, pattern)
      .filter(({ sentence, match }) => !OTHER_SUBJECT.test(match[0]) && speaksOfWhole(breakdowns, sentence, match.index, whole))
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
    compare(claims(HANDLED), r.outcomes.total.total, '/requests/outcomes/total/total', '办结（答复）', 'handled')
    compare(claims(FORWARD), r.carriedForward.total, '/requests/carriedForward/total', '结转下年度', 'carried forward')
    return findings
  }
}
