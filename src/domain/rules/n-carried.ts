import type { Finding, RuleDefinition } from '../findings.js'
import { CLAUSE_GAP, matchesIn, narrativeFinding, NUMBER, proseOf, readNumber, speaksOfWhole, wholeRequestTotals } from '../narrative.js'

/**
 * "上年结转N件", "上年度结转申请5件", "上一年度结转至本年度办理的申请3件", "2023年结转的申请2件" (the year before the
 * report year), "结转上年度申请N件". 结转下年度 (carried forward) never matches: 上 or a year is required before 结转,
 * and 下 never follows it.
 */
const CARRIED = new RegExp(
  `(?:(?:上一?年度?|去年|(\\d{4})年度?)结转(?!到?下|至下)|结转上一?年度?)${CLAUSE_GAP}{0,14}?(${NUMBER})件`
)

/** Carried-over reviews, suits or enquiries are not table 三. */
const OTHER_SUBJECT = /复议|诉讼|咨询|留言|信箱|热线|建议|提案/

const POINTER = '/requests/carriedOver/total'

/**
 * N-CARRIED (warning): "上年结转 X 件" in the prose must state `requests.carriedOver.total` (上年结转政府信息公开申请数).
 * A year named before 结转 must be the year before the report year; claims inside a "其中" breakdown of a subset are
 * skipped (a breakdown of all requests, "共收到申请13件，其中上年结转3件", is whole).
 *
 * Example: "上年结转申请5件" with 上年结转 0 → one finding, expected 0, actual 5, difference 5,
 * pointers `['/sections/overview', '/requests/carriedOver/total']`.
 */
export const N_CARRIED: RuleDefinition = {
  id: 'N-CARRIED',
  severity: 'warning',
  title: '正文所述上年结转数与表三一致',
  titleEn: 'Requests carried over in the prose match table 3',
  description: 'A prose claim "上年结转 X 件" = requests.carriedOver.total.',
  templates: ['2021', '2019'],
  needsPrevious: false,
  check (input) {
    const { report } = input
    const table = report.requests.carriedOver.total
    if (table === null) return []
    const prose = proseOf(input)
    const whole = wholeRequestTotals(report.requests)
    const findings: Finding[] = []
    for (const { sentence, match } of matchesIn(prose.sentencesCounting('件'), CARRIED)) {
      if (OTHER_SUBJECT.test(match[0])) continue
      if (match[1] !== undefined && Number(match[1]) !== report.year - 1) continue
      if (!speaksOfWhole(prose.breakdowns, sentence, match.index, whole)) continue
      const claimed = readNumber(match[2] ?? '')
      if (claimed === null || claimed === table) continue
      findings.push(narrativeFinding(N_CARRIED, sentence, {
        message: `正文称上年结转${claimed}件，但表三上年结转为${table}件`,
        messageEn: `The prose says ${claimed} requests were carried over from the previous year, but table 3 shows ${table}`,
        pointers: [POINTER],
        expected: table,
        actual: claimed,
        difference: claimed - table,
        context: { claimed }
      }, match.index))
    }
    return findings
  }
}
