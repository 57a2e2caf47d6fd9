import { addCells, pointer } from '../cells.js'
import type { Finding, RuleDefinition } from '../findings.js'
import { lastIndexAtMost, matchesIn, narrativeFinding, NUMBER, proseOf, readNumber } from '../narrative.js'
import type { Sentence } from '../narrative.js'
import type { CaseGroup, ReviewLitigation } from '../report.js'
import { CASE_FIELD_LABELS } from '../tables.js'
import type { Label } from '../tables.js'

type Group = keyof ReviewLitigation
type Field = keyof CaseGroup

/** What a phrase refers to: one or more table-四 groups added up ("行政诉讼" = both suit groups). */
interface Target {
  readonly groups: readonly Group[]
  readonly label: Label
}

const REVIEW: Target = { groups: ['review'], label: { zh: '行政复议', en: 'administrative reviews' } }
const SUITS: Target = { groups: ['suitDirect', 'suitAfterReview'], label: { zh: '行政诉讼', en: 'lawsuits' } }
const DIRECT: Target = { groups: ['suitDirect'], label: { zh: '未经复议直接起诉', en: 'lawsuits filed directly' } }
const AFTER_REVIEW: Target = { groups: ['suitAfterReview'], label: { zh: '复议后起诉', en: 'lawsuits filed after review' } }
/** Reviews and suits counted together: "共办理行政复议、行政诉讼案件N件". */
const COMBINED: Target = {
  groups: ['review', 'suitDirect', 'suitAfterReview'],
  label: { zh: '行政复议和行政诉讼', en: 'administrative reviews and lawsuits together' }
}

/** Joins two case words into one combined count. */
const JOIN = '(?:、|和|及|与|以及|或)'

/**
 * Longest phrases first, so 复议后起诉 is not read as 复议 and "行政复议、行政诉讼" is read as both together. "相关案件" and
 * "上述案件" are both together only after a sentence naming both (see `referenceTarget`).
 */
const GROUP_WORDS: readonly (readonly [string, Target])[] = [
  [`(?:行政)?复议${JOIN}(?:行政)?诉讼|(?:行政)?诉讼${JOIN}(?:行政)?复议`, COMBINED],
  ['未经复议直接起诉|直接起诉', DIRECT],
  ['复议后起诉', AFTER_REVIEW],
  ['行政诉讼|诉讼', SUITS],
  ['行政复议|复议(?!后)', REVIEW]
]

const GROUP_CLAIM = new RegExp(`(${GROUP_WORDS.map(([w]) => w).join('|')})(?:申请|案件|案)?(?:共|共计|合计|为|达)?(${NUMBER})件`)

/** "共办理相关案件N件": the cases a previous sentence spoke of. */
const REFERENCE_CLAIM = new RegExp(`(?:相关|上述|以上|前述)(?:案件|案)(?:共|共计|合计|为|达)?(${NUMBER})件`)

/** What "相关案件" refers to: both kinds when the sentence before (same paragraph) names reviews and suits. */
function referenceTarget (previous: Sentence | undefined, sentence: Sentence): Target | null {
  if (previous === undefined || previous.section !== sentence.section || previous.paragraph !== sentence.paragraph) return null
  return previous.norm.includes('复议') && previous.norm.includes('诉讼') ? COMBINED : null
}

const FIELD_WORDS: readonly (readonly [string, Field])[] = [
  ['结果维持|维持', 'upheld'],
  ['结果纠正|纠正', 'corrected'],
  ['其他结果', 'other'],
  ['尚未审结|未审结', 'pending']
]

const FIELD_CLAIM = new RegExp(`(${FIELD_WORDS.map(([w]) => w).join('|')})(?:的)?(?:共|为)?(${NUMBER})件`)
const FIELD_PATTERNS = FIELD_WORDS.map(([words, field]) => [new RegExp(`^(?:${words})$`), field] as const)

/** "all upheld", "no case lost": contradicted by any corrected or pending case. */
const ALL_UPHELD = /均(?:获|被|予以)?维持|全部(?:被|获)?维持|零败诉|无败诉|未(?:出现|发生)?败诉|均胜诉/
/** Every phrase of `ALL_UPHELD` ends in one of these. */
const UPHELD_WORDS = ['维持', '败诉', '胜诉']

/**
 * "未发生…行政复议、行政诉讼": a zero, when a clause without numbers says 未/没有 before naming review or suit, and
 * ends with the name (or 案件, 情况 …), and speaks of no outcome.
 */
const NEGATIONS = ['未', '没有']
const CASE_WORDS = ['行政复议', '行政诉讼']
const NONE_TAIL = /(?:行政复议|行政诉讼)(?:案件|的情况|的情形|情况|情形|事项|案)?$/
/** The longest ending `NONE_TAIL` can match: it is only tried on that many last characters of a clause. */
const NONE_TAIL_LENGTH = 7

/** True when the clause says 未/没有 somewhere before it names review or suit: one look for each word. */
function negatesCases (clause: string): boolean {
  const negationEnd = Math.min(...NEGATIONS.map((word) => {
    const at = clause.indexOf(word)
    return at < 0 ? Infinity : at + word.length
  }))
  return CASE_WORDS.some((word) => clause.lastIndexOf(word) >= negationEnd)
}

const GROUP_PATTERNS = GROUP_WORDS.map(([words, target]) => [new RegExp(`^(?:${words})$`), target] as const)

function targetOf (phrase: string): Target {
  return GROUP_PATTERNS.find(([pattern]) => pattern.test(phrase))?.[1] ?? REVIEW
}

function cellsOfTarget (rl: ReviewLitigation, target: Target, field: Field): { pointer: string, value: number | null }[] {
  return target.groups.map((group) => ({ pointer: pointer('reviewLitigation', group, field), value: rl[group][field] }))
}

/** The groups a sentence is about: those it names, else all three. */
function targetsNamed (norm: string): Target[] {
  const named = [norm.includes('复议') ? REVIEW : null, norm.includes('诉讼') ? SUITS : null].filter((t) => t !== null)
  return named.length > 0 ? named : [REVIEW, SUITS]
}

/**
 * N-T4 (warning): what the prose says of table 四. "行政复议 X 件" = `review.total`; "行政诉讼 X 件" =
 * `suitDirect.total + suitAfterReview.total` (and "直接起诉"/"复议后起诉" their own group); a combined count
 * ("行政复议、行政诉讼案件 X 件", or "相关案件 X 件" after a sentence naming both) = all three totals added up; the outcome counts after
 * such a claim in the same sentence ("其中结果维持 a 件，结果纠正 b 件，其他结果 c 件，尚未审结 d 件") = that group's
 * columns; "未发生行政复议、行政诉讼" = 0; "均获维持/零败诉" while `corrected` or `pending` > 0 is contradicted.
 *
 * Example: "政府信息公开行政复议351件，其中结果维持72件" with review 72/64/178/37/351 → no finding; "行政诉讼5件" with
 * suits 26 + 20 → one finding, expected 46, actual 5, pointers: the section, `/reviewLitigation/suitDirect/total`,
 * `/reviewLitigation/suitAfterReview/total`.
 */
export const N_T4: RuleDefinition = {
  id: 'N-T4',
  severity: 'warning',
  title: '正文所述行政复议、行政诉讼情况与表四一致',
  titleEn: 'Reviews and lawsuits in the prose match table 4',
  description: '"行政复议 X 件" = review.total; "行政诉讼 X 件" = suitDirect.total + suitAfterReview.total; stated outcomes = the group columns; "均获维持/零败诉" needs corrected = pending = 0.',
  templates: ['2021', '2019'],
  needsPrevious: false,
  check (input) {
    const { report } = input
    const rl = report.reviewLitigation
    const prose = proseOf(input)
    const sentences = prose.sentences
    const findings: Finding[] = []
    const compare = (sentence: Sentence, target: Target, field: Field, claimed: number, at: number): void => {
      const cells = cellsOfTarget(rl, target, field)
      const table = addCells(cells.map((c) => c.value))
      if (cells.every((c) => c.value === null) || table === claimed) return
      const what = field === 'total' ? target.label.zh : `${target.label.zh}${CASE_FIELD_LABELS[field].zh}`
      const whatEn = field === 'total' ? target.label.en : `${target.label.en} (${CASE_FIELD_LABELS[field].en})`
      findings.push(narrativeFinding(N_T4, sentence, {
        message: `正文称${what}${claimed}件，但表四为${table}件`,
        messageEn: `The prose says ${claimed} ${whatEn}, but table 4 shows ${table}`,
        pointers: cells.map((c) => c.pointer),
        expected: table,
        actual: claimed,
        difference: claimed - table,
        context: { claimed, field }
      }, at))
    }

    // No sentence without one of these words says anything of table 四.
    for (const sentence of prose.sentencesWith(['件', ...CASE_WORDS, ...UPHELD_WORDS])) {
      // The claims with a number all end in "X件".
      if (sentence.units.includes('件')) {
        const reference = referenceTarget(sentences[sentence.index - 1], sentence)
        if (reference !== null) {
          for (const { match } of matchesIn([sentence], REFERENCE_CLAIM)) {
            const claimed = readNumber(match[1] ?? '')
            if (claimed !== null) compare(sentence, reference, 'total', claimed, match.index)
          }
        }
        const groupClaims = matchesIn([sentence], GROUP_CLAIM)
        for (const { match } of groupClaims) {
          const claimed = readNumber(match[2] ?? '')
          if (claimed !== null) compare(sentence, targetOf(match[1] ?? ''), 'total', claimed, match.index)
        }
        // Outcome counts belong to the nearest group claim before them in the sentence.
        for (const { match } of matchesIn([sentence], FIELD_CLAIM)) {
          const owner = groupClaims[lastIndexAtMost(groupClaims, (g) => g.match.index, match.index - 1)]
          const field = FIELD_PATTERNS.find(([pattern]) => pattern.test(match[1] ?? ''))?.[1]
          const claimed = readNumber(match[2] ?? '')
          if (owner === undefined || field === undefined || claimed === null) continue
          compare(sentence, targetOf(owner.match[1] ?? ''), field, claimed, match.index)
        }
      }
      // A zero ends its clause with 行政复议 or 行政诉讼 (`NONE_TAIL`): only a sentence naming one can state it.
      if (CASE_WORDS.some((word) => sentence.norm.includes(word))) {
        let clauseStart = 0
        for (const clause of sentence.norm.split(/[,:;()]/)) {
          const at = clauseStart
          clauseStart += clause.length + 1
          if (/\d/.test(clause) || /纠错|纠正|败诉|维持|审结/.test(clause)) continue
          if (!NONE_TAIL.test(clause.slice(-NONE_TAIL_LENGTH)) || !negatesCases(clause)) continue
          for (const target of targetsNamed(clause)) compare(sentence, target, 'total', 0, at)
        }
      }
      if (ALL_UPHELD.test(sentence.norm)) {
        for (const target of targetsNamed(sentence.norm)) {
          const cells = [...cellsOfTarget(rl, target, 'corrected'), ...cellsOfTarget(rl, target, 'pending')]
          const against = addCells(cells.map((c) => c.value))
          if (against === 0) continue
          findings.push(narrativeFinding(N_T4, sentence, {
            message: `正文称${target.label.zh}均获维持（无败诉），但表四有结果纠正或尚未审结${against}件`,
            messageEn: `The prose says all ${target.label.en} were upheld, but table 4 shows ${against} corrected or pending`,
            pointers: cells.map((c) => c.pointer),
            expected: against,
            actual: 0,
            difference: -against,
            context: { claim: 'all_upheld' }
          }))
        }
      }
    }
    return findings
  }
}
