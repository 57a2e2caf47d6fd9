import { addCells } from '../cells.js'
import { notAssessable } from '../findings.js'
import type { Finding, RuleDefinition } from '../findings.js'
import {
  countsByUnit, lastCountBefore, matchesIn, narrativeFinding, NUMBER, percentTolerance, proseOf, quoteOf, readNumber, sectionPointer, UNITS
} from '../narrative.js'
import type { Count, ReadCount, Sentence } from '../narrative.js'
import type { AnnualReport } from '../report.js'

/**
 * "比2022年减少了10.5%", "同比增长15%", "较上年增加5件". 环比 (month on month) and 占比 (a share) are not year-on-year.
 * Groups: 1 the year named, 2 the direction, 3 the number, 4 its decimals, 5 % or a counting word.
 */
const CHANGE = new RegExp(
  '(?:(?<![环占对])比|较|同比|与)(?:(\\d{4})年度?|上一?年度?|去年)?(?:同期)?(?:相比)?,?' +
  '(增加|增长|上升|提高|提升|多|减少|下降|降低|少)了?约?' +
  `(${NUMBER.replace('(?:\\.\\d+)?', '(?:\\.(\\d+))?')})(%|${UNITS})`
)

/** Every claim of `CHANGE` opens with one of these (同比 with 比). */
const COMPARISON_WORDS = ['比', '较', '与']

const DECREASE = /减少|下降|降低|少/

/** Table cells a subject can stand for, so the prior year's table answers rather than its prose. */
const TABLE_SUBJECTS: readonly { readonly test: RegExp, readonly cells: (r: AnnualReport) => { pointer: string, value: number | null }[] }[] = [
  {
    test: /(?:收到|受理|新收).*申请|申请.*(?:收到|受理)/,
    cells: (r) => [{ pointer: '/requests/newReceived/total', value: r.requests.newReceived.total }]
  },
  {
    test: /复议/,
    cells: (r) => [{ pointer: '/reviewLitigation/review/total', value: r.reviewLitigation.review.total }]
  },
  {
    test: /诉讼/,
    cells: (r) => [
      { pointer: '/reviewLitigation/suitDirect/total', value: r.reviewLitigation.suitDirect.total },
      { pointer: '/reviewLitigation/suitAfterReview/total', value: r.reviewLitigation.suitAfterReview.total }
    ]
  }
]

/**
 * How far back a subject reaches: real subjects ("全年主动公开政务信息") are a dozen characters, and a longer clause
 * only adds words no two reports share. Bounding it keeps reading and matching subjects linear in the prose.
 */
const SUBJECT_WINDOW = 40

/** How far before the claim its count may end: "170条,比2022年减少了10.5%" has one character between them. */
const CLAIM_REACH = 40

/** What a count counts: the words of its clause before it, without "全年/2023年" in front or "共/达" behind. */
function subjectOf (norm: string, count: ReadCount): string {
  return norm.slice(Math.max(count.clauseStart, count.start - SUBJECT_WINDOW), count.start)
    .replace(/^(?:全年|今年|本年度?|\d{4}年度?|上年度?|去年)+,?/, '')
    .replace(/(?:共计|共|合计|累计|达到|达|为|约)+$/, '')
}

interface PriorValue {
  readonly value: number
  readonly source: 'table' | 'prose'
  readonly pointers: readonly string[]
  readonly quote?: string
}

/** A count stated in a report's prose, with what it counts (`subjectOf`) and the sentence that states it. */
interface StatedCount {
  readonly subject: string
  readonly count: Count
  readonly sentence: Sentence
}

/** The shortest common ending of two subjects that makes them the same phrase. */
const MIN_COMMON_SUFFIX = 4

/**
 * A node of a trie of subjects read from their last character: the counts whose subjects end this way, in document
 * order (the first is the one a match takes), and its children, keyed by the character before that ending, which are
 * only sorted out when a search first goes through the node.
 */
interface SuffixNode {
  readonly members: readonly StatedCount[]
  /** How many characters of the ending the node stands for. */
  readonly depth: number
  children: Map<string, SuffixNode> | undefined
}

/**
 * The counts in one counting word stated in a report's prose, in a trie of their subjects read backwards: the count
 * whose subject shares the longest ending with a given subject (the first in document order among equals) is found
 * by walking that subject once, so matching every claim against every prior count is never needed. Undefined when
 * no count is in that word. A node's members are sorted into its children once, when a search first passes it, so a
 * search costs at most what building the whole trie would, and the few searches of a report cost much less.
 */
function subjectIndex (sentences: readonly Sentence[], unit: string): SuffixNode | undefined {
  const members: StatedCount[] = []
  for (const sentence of sentences) {
    for (const count of sentence.counts) {
      if (count.unit === unit) members.push({ subject: subjectOf(sentence.norm, count), count, sentence })
    }
  }
  return members.length === 0 ? undefined : { members, depth: 0, children: undefined }
}

/** The child of `node` whose ending is `ch` before the node's, sorting its members out when first asked. */
function childOf (node: SuffixNode, ch: string): SuffixNode | undefined {
  if (node.children === undefined) {
    const children = new Map<string, SuffixNode>()
    for (const member of node.members) {
      if (member.subject.length <= node.depth) continue
      const key = member.subject.charAt(member.subject.length - 1 - node.depth)
      const child = children.get(key)
      if (child === undefined) children.set(key, { members: [member], depth: node.depth + 1, children: undefined })
      else (child.members as StatedCount[]).push(member)
    }
    node.children = children
  }
  return node.children.get(ch)
}

/** The first stated count whose subject shares the longest ending (at least `MIN_COMMON_SUFFIX`) with `subject`. */
function closestSubject (root: SuffixNode | undefined, subject: string): StatedCount | null {
  let node = root
  let best: StatedCount | null = null
  for (let depth = 1; node !== undefined && depth <= subject.length; depth++) {
    node = childOf(node, subject.charAt(subject.length - depth))
    if (node !== undefined && depth >= MIN_COMMON_SUFFIX) best = node.members[0] ?? null
  }
  return best
}

/**
 * The prior year's value of a subject: its table when the subject is a table cell, else the same phrase in its prose
 * (`priorIndex`, the prior year's `subjectIndex` of a counting word; the first of the longest matches wins).
 */
function priorValue (
  subject: string, unit: string, previous: AnnualReport, priorIndex: (previous: AnnualReport, unit: string) => SuffixNode | undefined
): PriorValue | null {
  const mapped = TABLE_SUBJECTS.find((s) => s.test.test(subject))
  if (mapped !== undefined) {
    const cells = mapped.cells(previous)
    if (cells.every((c) => c.value === null)) return null
    return { value: addCells(cells.map((c) => c.value)), source: 'table', pointers: cells.map((c) => c.pointer) }
  }
  const best = closestSubject(priorIndex(previous, unit), subject)
  return best === null ? null : { value: best.count.value, source: 'prose', pointers: [], quote: quoteOf(best.sentence, best.count.start) }
}

function unassessable (sentence: Sentence, at: number, claim: string, zh: string, en: string, reason: string): Finding {
  return notAssessable(N_YOY_CLAIM, zh, en, [sectionPointer(sentence.section)], {
    section: sentence.section, quote: quoteOf(sentence, at), claim, reason
  })
}

/**
 * N-YOY-CLAIM (warning): a year-on-year claim ("170条,比2022年减少了10.5%", "同比增长15%", "较上年增加5件") must agree
 * with the prior year's value: (current − prior) ÷ prior × 100 within ±0.1 percentage point (coarser when fewer
 * decimals are written), or current − prior for a stated count. The current value is the count stated before the
 * claim; the prior value comes from the prior year's table when the subject is a table cell (申请, 行政复议, 行政诉讼),
 * else from the same phrase in the prior year's prose. Without the prior report, with a claim against another year
 * than N−1, a prior value of 0 or no prior value found: one `not_assessable` finding per claim.
 *
 * Example: the seed alone → `not_assessable` for "170条,比2022年减少了10.5%" (message '未存储2022年度同一机关同类报告…');
 * with a 2022 report whose prose says "全年主动公开政务信息190条" → no finding (170 ÷ 190 − 1 = −10.5%).
 */
export const N_YOY_CLAIM: RuleDefinition = {
  id: 'N-YOY-CLAIM',
  severity: 'warning',
  title: '正文所述同比变化与上年数据一致',
  titleEn: 'Year-on-year claims in the prose match the prior year',
  description: 'A prose claim "X …, 比N-1年增加/减少 P%" = (X − prior) / prior × 100 ± 0.1 (or X − prior for a count); prior = the N-1 table cell or the same phrase in the N-1 prose; not_assessable without it.',
  templates: ['2021', '2019'],
  needsPrevious: true,
  check (input) {
    const { report, previous } = input
    const priorYear = report.year - 1
    const findings: Finding[] = []
    // The prior year's prose is read, and indexed by counting word, when the first claim needs it, not once per claim.
    const priorIndexes = new Map<string, SuffixNode | undefined>()
    const priorIndex = (prior: AnnualReport, unit: string): SuffixNode | undefined => {
      if (!priorIndexes.has(unit)) priorIndexes.set(unit, subjectIndex(proseOf(input, prior.sections).sentences, unit))
      return priorIndexes.get(unit)
    }
    // A sentence's counts by counting word, built for the sentence whose claims are read (they come sentence by sentence).
    let byUnit: { readonly sentence: Sentence, readonly counts: ReadonlyMap<string, readonly ReadCount[]> } | undefined
    const countsInUnit = (sentence: Sentence, unit: string): readonly ReadCount[] => {
      if (byUnit?.sentence !== sentence) byUnit = { sentence, counts: countsByUnit(sentence.counts) }
      return byUnit.counts.get(unit) ?? []
    }
    // A claim compares a count stated before it.
    const claiming = proseOf(input).sentencesWith(COMPARISON_WORDS).filter((sentence) => sentence.counts.length > 0)
    for (const { sentence, match } of matchesIn(claiming, CHANGE)) {
      const isPercent = match[5] === '%'
      const current = lastCountBefore(isPercent ? sentence.counts : countsInUnit(sentence, match[5] ?? ''), match.index)
      const stated = readNumber(match[3] ?? '')
      if (current === undefined || current.end < match.index - CLAIM_REACH || stated === null) continue
      const claim = sentence.norm.slice(current.start, match.index + match[0].length)
      const namedYear = match[1] === undefined ? priorYear : Number(match[1])
      if (namedYear !== priorYear) {
        findings.push(unassessable(sentence, match.index, claim,
          `“${claim}”与${namedYear}年比较，不是上一年度（${priorYear}年），无法核对`,
          `"${claim}" compares with ${namedYear}, not the prior year ${priorYear}; it cannot be assessed.`, 'other_year'))
        continue
      }
      if (previous === null || previous.year !== priorYear || previous.kind !== report.kind) {
        findings.push(unassessable(sentence, match.index, claim,
          `未存储${priorYear}年度同一机关同类报告，无法核对“${claim}”中的同比说法`,
          `The prior-year (${priorYear}) report of the same agency and kind is not stored; "${claim}" cannot be checked.`,
          'previous_missing'))
        continue
      }
      const subject = subjectOf(sentence.norm, current)
      const prior = priorValue(subject, current.unit, previous, priorIndex)
      if (prior === null || (isPercent && prior.value === 0)) {
        findings.push(unassessable(sentence, match.index, claim,
          `${priorYear}年度报告中找不到“${subject}”的可比数值，无法核对“${claim}”`,
          `No comparable ${priorYear} value for "${subject}" was found; "${claim}" cannot be checked.`,
          prior === null ? 'prior_value_missing' : 'prior_value_zero'))
        continue
      }
      const sign = DECREASE.test(match[2] ?? '') ? -1 : 1
      const claimed = sign * stated
      const actual = isPercent ? (current.value - prior.value) / prior.value * 100 : current.value - prior.value
      const tolerance = isPercent ? percentTolerance((match[4] ?? '').length) : 0
      if (Math.abs(actual - claimed) <= tolerance) continue
      const shown = isPercent ? Math.round(actual * 10) / 10 : actual
      const unitShown = isPercent ? '%' : current.unit
      const mapped = TABLE_SUBJECTS.find((s) => s.test.test(subject))
      findings.push(narrativeFinding(N_YOY_CLAIM, sentence, {
        message: `正文称“${claim}”，但${priorYear}年为${prior.value}${current.unit}，实际变化为${shown}${unitShown}`,
        messageEn: `The prose claims "${claim}", but ${priorYear} had ${prior.value}: the change is ${shown}${isPercent ? '%' : ''}`,
        pointers: mapped === undefined ? [] : mapped.cells(report).map((c) => c.pointer),
        expected: shown,
        actual: claimed,
        difference: Math.round((claimed - shown) * 10) / 10,
        context: {
          claim,
          current: current.value,
          previousValue: prior.value,
          previousSource: prior.source,
          ...(prior.pointers.length > 0 ? { previousPointers: prior.pointers } : {}),
          ...(prior.quote !== undefined ? { previousQuote: prior.quote } : {})
        }
      }, match.index))
    }
    return findings
  }
}
