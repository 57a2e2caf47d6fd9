import type { Finding, RuleDefinition } from '../findings.js'
import { CLAUSE_GAP, matchesIn, narrativeFinding, NUMBER, proseOf, readNumber, speaksOfWhole } from '../narrative.js'

/** "收到/受理/新收 … 申请 … X件", and "申请 … 收到 X件". The gaps never cross a clause or a number. */
const RECEIVED = new RegExp(
  `(?:收到|受理|新收|接收|接到)${CLAUSE_GAP}{0,30}?申请${CLAUSE_GAP}{0,12}?(${NUMBER})件` +
  `|申请${CLAUSE_GAP}{0,8}?(?:收到|受理)${CLAUSE_GAP}{0,6}?(${NUMBER})件`
)

/** Clauses about something else that is also "received": reviews, suits, enquiries, last year's requests. */
const OTHER_SUBJECT = /复议|诉讼|咨询|留言|来信|信箱|热线|上年|结转|举报/

/**
 * In a government's report the table counts the whole jurisdiction; a clause naming one office that acts for the
 * government ("区政府办代表区政府受理…17件", 洪泽区 2024, table 95) or the government's own level (本级) is a part of it.
 */
const PART_OF_JURISDICTION = /代表|本级|政府办|办公室/
/** How far before the claim its subject is looked for. */
const SUBJECT_REACH = 20

/** The words before a claim in its clause, at most `SUBJECT_REACH` of them. */
function subjectBefore (norm: string, at: number): string {
  const before = norm.slice(Math.max(0, at - SUBJECT_REACH), at)
  return before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(':'), before.lastIndexOf('(')) + 1)
}

const NEW_RECEIVED = '/requests/newReceived/total'
const CARRIED_OVER = '/requests/carriedOver/total'

/**
 * N-RECEIVED (error; warning for the wording case): a sentence saying how many requests were received
 * ("收到/受理/共收到…申请 X 件") must state `requests.newReceived.total`. When X equals new + carried over
 * (`newReceived.total + carriedOver.total`, with something carried over) the prose merely counted last year's
 * requests in: a warning. Any other X is an error. Claims inside a "其中" breakdown are about a subset and skipped,
 * as are clauses about reviews, suits or enquiries, and, in a government's report, claims of one office acting for
 * the government or of its own level (代表, 本级, 政府办).
 *
 * Example: the seed says "收到申请信息公开件共13件" with 本年新收 10 and 上年结转 0 → one error, expected 10, actual 13,
 * difference 3, pointers `['/sections/overview', '/requests/newReceived/total', '/requests/carriedOver/total']`.
 */
export const N_RECEIVED: RuleDefinition = {
  id: 'N-RECEIVED',
  severity: 'error',
  title: '正文所述收到申请数与表三本年新收数一致',
  titleEn: 'Requests received in the prose match table 3',
  description: 'A prose claim "收到/受理…申请 X 件" = requests.newReceived.total; X = newReceived.total + carriedOver.total (carriedOver > 0) is a wording warning, any other X an error.',
  templates: ['2021', '2019'],
  needsPrevious: false,
  check (input) {
    const { report } = input
    const table = report.requests.newReceived.total
    if (table === null) return []
    const carried = report.requests.carriedOver.total ?? 0
    const prose = proseOf(input)
    const findings: Finding[] = []
    for (const { sentence, match } of matchesIn(prose.sentencesCounting('件'), RECEIVED)) {
      if (OTHER_SUBJECT.test(match[0])) continue
      if (report.kind === 'government' && PART_OF_JURISDICTION.test(subjectBefore(sentence.norm, match.index))) continue
      // Requests received inside a breakdown ("其中网上受理申请4件") are a subset, whatever the total.
      if (!speaksOfWhole(prose.breakdowns, sentence, match.index, [])) continue
      const claimed = readNumber(match[1] ?? match[2] ?? '')
      if (claimed === null || claimed === table) continue
      const context = { claimed, newReceived: table, carriedOver: carried }
      if (carried > 0 && claimed === table + carried) {
        findings.push(narrativeFinding({ id: N_RECEIVED.id, severity: 'warning' }, sentence, {
          message: `正文称收到申请${claimed}件，是本年新收(${table})与上年结转(${carried})之和；本年新收应为${table}件`,
          messageEn: `The prose says ${claimed} requests were received: newly received (${table}) plus carried over (${carried}); newly received is ${table}`,
          pointers: [NEW_RECEIVED, CARRIED_OVER],
          expected: table,
          actual: claimed,
          difference: claimed - table,
          context
        }, match.index))
        continue
      }
      findings.push(narrativeFinding(N_RECEIVED, sentence, {
        message: `正文称收到申请${claimed}件，但表三本年新收为${table}件（上年结转${carried}件）`,
        messageEn: `The prose says ${claimed} requests were received, but table 3 shows ${table} newly received (${carried} carried over)`,
        pointers: [NEW_RECEIVED, CARRIED_OVER],
        expected: table,
        actual: claimed,
        difference: claimed - table,
        context
      }, match.index))
    }
    return findings
  }
}
