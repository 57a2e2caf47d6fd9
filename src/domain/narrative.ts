/**
 * Reading the prose of a report (sections 一, 五, 六) for the narrative rules N-*: sentences, the counts they
 * state ("13件", "60条", "十三件"), percentages, and the "共 X 件，其中 a 件…" breakdowns. The rules only declare
 * which phrases they trust; everything about splitting and reading numbers lives here so they all read alike.
 *
 * Matching runs on a normalised copy of each sentence (NFKC, so （）、，、％ become ASCII; spaces next to Chinese
 * removed, so pdftotext's "2023 年" reads as "2023年"; thousands separators dropped); quotes keep the original text.
 */
import { failed } from './findings.js'
import type { Finding, FindingFields, RuleStamp } from './findings.js'
import type { Requests, Sections } from './report.js'
import type { Label } from './tables.js'

export type SectionKey = keyof Sections

/** The sections in document order, with the names the messages use. */
export const SECTION_LABELS: { readonly [K in SectionKey]: Label } = {
  overview: { zh: '第一部分（总体情况）', en: 'section 1 (overview)' },
  problems: { zh: '第五部分（存在的主要问题及改进情况）', en: 'section 5 (problems)' },
  other: { zh: '第六部分（其他需要报告的事项）', en: 'section 6 (other matters)' }
}

const SECTION_KEYS = Object.keys(SECTION_LABELS) as readonly SectionKey[]

/**
 * Memos keyed by the (immutable) input objects: the sentences of a report's prose, their breakdowns, and the
 * global form of each rule's pattern. Weak keys, so they never keep a report alive.
 */
const SENTENCES = new WeakMap<Sections, Sentence[]>()
const BREAKDOWNS = new WeakMap<readonly Sentence[], readonly Breakdown[]>()
const GLOBAL_PATTERNS = new WeakMap<RegExp, RegExp>()

/** One sentence of a section: the original text (for quoting) and the normalised text (for matching). */
export interface Sentence {
  readonly section: SectionKey
  /** Index of the line (paragraph) of the section the sentence is in. */
  readonly paragraph: number
  /** Position among all sentences returned by `sentencesOf`. */
  readonly index: number
  readonly text: string
  readonly norm: string
}

/** A number followed by a counting word: "13件", "60 条", "十三件". */
export interface Count {
  readonly value: number
  readonly unit: string
  /** Offsets of the number (not the unit) in `Sentence.norm`. */
  readonly start: number
  readonly end: number
}

/** A stated percentage: "10.5%" → `{ value: 10.5, decimals: 1 }`. */
export interface Percent {
  readonly value: number
  readonly decimals: number
  readonly start: number
  readonly end: number
}

/** A number as the patterns capture it: Arabic digits, or simple Chinese numerals. */
export const NUMBER = '(?:\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)'

/** Counting words reports put after a number (人次 first, so a regex alternation takes the whole word). */
export const UNITS = '(?:人次|件|条|个|项|次|份|期|场|篇|家|批)'

/** Characters that end a clause: a number, a unit or a word never reaches across them in a pattern. */
export const CLAUSE_GAP = '[^,:;()\\d。]'

/** Chinese characters, full-width forms and punctuation blocks, as the body of a character class. */
const CJK_OR_PUNCT_RANGES = '\\u2000-\\u206f\\u2e80-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef'

/** A single space with a Chinese character or punctuation mark on either side. */
const SPACE_NEXT_TO_CJK = new RegExp(`(?<=[${CJK_OR_PUNCT_RANGES}]) | (?=[${CJK_OR_PUNCT_RANGES}])`, 'g')

/**
 * Collapses whitespace and drops it wherever it touches a Chinese character or punctuation: layout extraction
 * spaces text apart ("2023 年", "邮 编 ："), Chinese never needs a space, and ASCII words and numbers keep theirs.
 *
 * Example: `compactSpaces(' 2023 年，区政府  收取 0 元 ')` → `'2023年，区政府收取0元'`; `compactSpaces('10 20')` → `'10 20'`.
 */
export function compactSpaces (text: string): string {
  // Once every run is a single space between two non-spaces, each space can be judged by its neighbours alone.
  return text.replace(/\s+/g, ' ').trim().replace(SPACE_NEXT_TO_CJK, '')
}

const HAS_WHITESPACE = /\s/
const SPACES_AROUND_PUNCT = / *([,.:;()%]) */g
const HAS_DIGIT_COMMA_DIGIT = /\d,\d/
/** A comma between digits with exactly three digits after it: "3,119" → "3119", but "1,23" and "2022,2023" stay. */
const THOUSANDS_SEPARATOR = /(\d),(?=\d{3}(?!\d))/g

/**
 * Normalises prose for matching: NFKC (full-width punctuation and digits to ASCII), `compactSpaces`, and no
 * thousands separators between digits, so "3,119件" reads as one number.
 *
 * Example: `normalizeProse('受理政府信息公开申请 3,119 件，答复 3050 件')` → `'受理政府信息公开申请3119件,答复3050件'`.
 */
export function normalizeProse (text: string): string {
  const nfkc = text.normalize('NFKC')
  // Most sentences have no whitespace left and no "3,119", and a `test` costs a fraction of a `replace` that finds
  // nothing to replace, so each replacement runs only where it can change something.
  // NFKC turns ，into "," — spaces around it are removed as around any punctuation.
  const compact = HAS_WHITESPACE.test(nfkc) ? compactSpaces(nfkc.replace(SPACES_AROUND_PUNCT, '$1')) : nfkc
  return HAS_DIGIT_COMMA_DIGIT.test(compact) ? compact.replace(THOUSANDS_SEPARATOR, '$1') : compact
}

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const MULTIPLIERS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 }

/**
 * Reads a simple Chinese numeral below 10000 ("十三", "二十", "一百零五", "两"); null for anything else.
 * Reports rarely spell counts out, and only small ones, so nothing larger is attempted.
 *
 * Example: `parseChineseNumeral('十三')` → `13`; `parseChineseNumeral('一百零五')` → `105`; `parseChineseNumeral('三安全')` → `null`.
 */
export function parseChineseNumeral (text: string): number | null {
  if (text === '') return null
  let total = 0
  let digit: number | null = null
  let lastMultiplier = Infinity
  for (const ch of text) {
    if ((ch === '零' || ch === '〇') && text.length > 1) continue // a placeholder: 一百零五
    if (ch in DIGITS) {
      if (digit !== null) return null // two digits in a row ("二三") is not a numeral
      digit = DIGITS[ch] ?? 0
    } else if (ch in MULTIPLIERS) {
      const multiplier = MULTIPLIERS[ch] ?? 1
      if (multiplier >= lastMultiplier) return null
      total += (digit ?? 1) * multiplier
      digit = null
      lastMultiplier = multiplier
    } else {
      return null
    }
  }
  return total + (digit ?? 0)
}

/**
 * Reads a number captured by `NUMBER`: Arabic digits, else a simple Chinese numeral; null when neither.
 *
 * Example: `readNumber('13')` → `13`; `readNumber('10.5')` → `10.5`; `readNumber('十三')` → `13`.
 */
export function readNumber (text: string): number | null {
  return /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : parseChineseNumeral(text)
}

/**
 * Splits the three prose sections into sentences (at 。！？； and line breaks), each with its normalised text.
 *
 * Example: `sentencesOf({ overview: '收到申请13件。其中予以公开3件', problems: '', other: '' })` →
 * `[{ section: 'overview', paragraph: 0, index: 0, text: '收到申请13件', norm: '收到申请13件' }, { …, index: 1, text: '其中予以公开3件', … }]`.
 */
export function sentencesOf (sections: Sections): Sentence[] {
  // Every N-* rule reads the same sentences of the same report: split and normalise them once.
  const cached = SENTENCES.get(sections)
  if (cached !== undefined) return cached
  const out: Sentence[] = []
  for (const section of SECTION_KEYS) {
    sections[section].split('\n').forEach((line, paragraph) => {
      for (const piece of line.split(/[。！？!?；;]/)) {
        const text = piece.trim()
        if (text === '') continue
        out.push({ section, paragraph, index: out.length, text, norm: normalizeProse(text) })
      }
    })
  }
  SENTENCES.set(sections, out)
  return out
}

/**
 * Every match of `pattern` (which must have the g flag) in `text`, in order, as `[...text.matchAll(pattern)]` gives
 * them. `exec` in a loop, because `matchAll` copies the pattern on every call, and on our short sentences the copy
 * costs more than the matching. An empty match moves on by one code unit, as `matchAll` does without the u flag.
 */
function execAll (pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = []
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    matches.push(match)
    if (match[0] === '') pattern.lastIndex++
  }
  return matches
}

/** Words before a Chinese numeral that make it part of a word rather than a count ("统一", "逐一", "第一"). */
const NOT_A_COUNT_BEFORE = /[统逐每第唯同成万]$/

/** Counting words after a number, e.g. 件 and 条. */
const COUNT_PATTERN = new RegExp(`(${NUMBER})(${UNITS})`, 'g')

/**
 * Lists the counts stated in a normalised text: a number and a counting word. Chinese numerals count only
 * before 件 (not "一件事", which is a slogan), where they are not part of a word like 统一.
 *
 * Example: `countsIn('全年公开信息共60条,比2022年增加了7.1%')` → `[{ value: 60, unit: '条', start: 7, end: 9 }]`.
 */
export function countsIn (norm: string): Count[] {
  const out: Count[] = []
  for (const match of execAll(COUNT_PATTERN, norm)) {
    const [, number = '', unit = ''] = match
    const start = match.index
    const arabic = /^\d+$/.test(number)
    if (!arabic) {
      if (unit !== '件' || norm.charAt(start + match[0].length) === '事') continue
      if (NOT_A_COUNT_BEFORE.test(norm.slice(0, start))) continue
    }
    const value = readNumber(number)
    if (value === null || !Number.isInteger(value)) continue
    out.push({ value, unit, start, end: start + number.length })
  }
  return out
}

/**
 * Lists the percentages stated in a normalised text, keeping how many decimals were written (the tolerance
 * of a comparison depends on it).
 *
 * Example: `percentsIn('比2022年减少了10.5%')` → `[{ value: 10.5, decimals: 1, start: 9, end: 14 }]`.
 */
export function percentsIn (norm: string): Percent[] {
  return [...norm.matchAll(/(\d+(?:\.(\d+))?)%/g)].map((match) => ({
    value: Number(match[1]),
    decimals: match[2]?.length ?? 0,
    start: match.index,
    end: match.index + match[0].length
  }))
}

/**
 * How far a stated percentage may be from the computed one: ±0.1 percentage point (rules.md), but never less than
 * half a unit of the last written digit, so "53%" for 52.6% is a rounding, not an error.
 *
 * Example: `percentTolerance(1)` → `0.1`; `percentTolerance(0)` → `0.5`.
 */
export function percentTolerance (decimals: number): number {
  return Math.max(0.1, 0.5 / 10 ** decimals) + 1e-9
}

/** "共 X 件，其中 a 件，b 件": a stated total and the parts listed after 其中 with the same counting word. */
export interface Breakdown {
  /** The sentence holding 其中 (the total may be at the end of the sentence before it). */
  readonly sentence: Sentence
  readonly totalSentence: Sentence
  readonly total: Count
  readonly parts: readonly Count[]
  /** The stretch of `sentence.norm` the parts come from: from 其中 to the next 其中 or the end. */
  readonly start: number
  readonly end: number
}

/** Opens the list of parts of a breakdown. */
const BREAKDOWN_MARK = /其中/g

/** Marks a stated total ("共60条", "共收到申请10件", "合计 5 件") somewhere in its clause before the number. */
const TOTAL_MARK = /共|合计|总计|累计/

/**
 * The part of the clause (after the last ",", ":" or "(") that comes before `position` in a normalised sentence.
 *
 * Example: `clauseBefore('共60条,比2022年增加了5条', 14)` → `'比2022年增加了'`.
 */
export function clauseBefore (norm: string, position: number): string {
  const clauseStart = Math.max(0, ...[',', ':', '('].map((c) => norm.lastIndexOf(c, position - 1) + 1))
  return norm.slice(clauseStart, position)
}

/** A count that is a change, not a quantity: "比2022年增加5条". */
function isDelta (norm: string, count: Count): boolean {
  return /(?:比|较|同比|环比).*(?:增|减|多|少|上升|下降|提高|降低)/.test(clauseBefore(norm, count.start))
}

function lastCount (norm: string, before: number): Count | undefined {
  return countsIn(norm).filter((c) => c.end <= before && !isDelta(norm, c)).at(-1)
}

/**
 * Finds the breakdowns "X，其中 a、b" in the prose. The total is the last count before 其中 in the same sentence,
 * or, when 其中 opens a sentence, the last count of the previous sentence of the same paragraph if its clause says 共/合计
 * (the seed: "…共60条,比2022年增加了7.1%。其中,…59条,…24条"). A second 其中 opens a nested breakdown whose total
 * is the last part before it ("共13件。其中信函申请共10件,其中无法提供6件,…"), so nested parts never add to the outer total.
 * Only parts in the total's counting word are kept; changes ("增加5条") are never totals.
 *
 * Example: the seed's overview yields `{ total: 13件, parts: [10件] }`, `{ total: 10件, parts: [6件, 3件, 1件] }`
 * and `{ total: 60条, parts: [59条, 24条] }`.
 */
export function breakdownsOf (sentences: readonly Sentence[]): readonly Breakdown[] {
  // Five N-* rules read the breakdowns of the same sentences (`sentencesOf` returns the same array): find them once.
  const cached = BREAKDOWNS.get(sentences)
  if (cached !== undefined) return cached
  const out: Breakdown[] = []
  sentences.forEach((sentence, position) => {
    const marks = execAll(BREAKDOWN_MARK, sentence.norm).map((m) => m.index)
    marks.forEach((mark, i) => {
      const end = marks[i + 1] ?? sentence.norm.length
      let total = lastCount(sentence.norm, mark)
      let totalSentence = sentence
      if (total === undefined) {
        const previous = sentences[position - 1]
        if (mark !== 0 || previous === undefined || previous.section !== sentence.section || previous.paragraph !== sentence.paragraph) return
        const candidate = lastCount(previous.norm, previous.norm.length)
        if (candidate === undefined || !TOTAL_MARK.test(clauseBefore(previous.norm, candidate.start))) return
        total = candidate
        totalSentence = previous
      }
      const unit = total.unit
      const parts = countsIn(sentence.norm).filter((c) => c.start > mark && c.end <= end && c.unit === unit && !isDelta(sentence.norm, c))
      if (parts.length > 0) out.push({ sentence, totalSentence, total, parts, start: mark, end })
    })
  })
  BREAKDOWNS.set(sentences, out)
  return out
}

/**
 * The innermost breakdown whose parts' stretch holds `position` of `sentence`, if any: a count stated there is
 * part of that breakdown's total, not of the whole table.
 *
 * Example: in "收到申请共13件。其中信函申请共10件,其中无法提供6件", the position of "6件" is inside the breakdown of 10.
 */
export function enclosingBreakdown (breakdowns: readonly Breakdown[], sentence: Sentence, position: number): Breakdown | undefined {
  return breakdowns
    .filter((b) => b.sentence.index === sentence.index && b.start <= position && position < b.end)
    .at(-1)
}

/**
 * True when a claim at `position` speaks of the whole table rather than of a subset: it is in no breakdown and no
 * "其中" precedes it in its sentence, or the breakdown's total is one of `wholeTotals` (the seed breaks its 10
 * letters down, and 10 is all requests). Rules skip subset claims ("其中网上申请5件，其中予以公开3件"): a missed
 * claim is better than a false alarm.
 *
 * Example: `speaksOfWhole(breakdowns, sentence, pos, [10, 9])` → true for "无法提供6件" in the seed; with `[]`, false.
 */
export function speaksOfWhole (
  breakdowns: readonly Breakdown[],
  sentence: Sentence,
  position: number,
  wholeTotals: readonly (number | null)[]
): boolean {
  const breakdown = enclosingBreakdown(breakdowns, sentence, position)
  if (breakdown === undefined) return !sentence.norm.slice(0, position).includes('其中')
  return wholeTotals.includes(breakdown.total.value)
}

/**
 * The totals a breakdown of all requests can have: 本年新收, 本年新收 + 上年结转, and 办理结果总计. A "其中" list under
 * one of them speaks of the whole table (see `speaksOfWhole`).
 *
 * Example: the seed (10 new, 0 carried over, 9 handled) → `[10, 10, 9]`.
 */
export function wholeRequestTotals (requests: Requests): (number | null)[] {
  return [
    requests.newReceived.total,
    (requests.newReceived.total ?? 0) + (requests.carriedOver.total ?? 0),
    requests.outcomes.total.total
  ]
}

/**
 * The JSON Pointer of a prose section, which every N-* finding names first.
 *
 * Example: `sectionPointer('problems')` → `'/sections/problems'`.
 */
export function sectionPointer (section: SectionKey): string {
  return `/sections/${section}`
}

/**
 * A `failed` finding about a sentence: the section's pointer comes first, then the cells compared, and the
 * context quotes the sentence and names its section (every N-* finding carries both).
 *
 * Example: `narrativeFinding(N_RECEIVED, sentence, { message: '…', messageEn: '…', pointers: ['/requests/newReceived/total'],
 * expected: 10, actual: 13, difference: 3 })` → pointers `['/sections/overview', '/requests/newReceived/total']`,
 * context `{ section: 'overview', quote: '收到申请信息公开件共13件' }`.
 */
export function narrativeFinding (rule: RuleStamp, sentence: Sentence, fields: FindingFields): Finding {
  return failed(rule, {
    ...fields,
    pointers: [sectionPointer(sentence.section), ...fields.pointers],
    context: { section: sentence.section, quote: sentence.text, ...fields.context }
  })
}

/**
 * Every match of `pattern` (compiled with the g flag) in the sentences, with its sentence, for rules that
 * scan all prose with one pattern.
 *
 * Example: `matchesIn(sentences, /结转下年度\d+件/)` → `[{ sentence, match }]` for each occurrence.
 */
export function matchesIn (sentences: readonly Sentence[], pattern: RegExp): { sentence: Sentence, match: RegExpExecArray }[] {
  let global = GLOBAL_PATTERNS.get(pattern)
  if (global === undefined) {
    global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g')
    GLOBAL_PATTERNS.set(pattern, global)
  }
  const scan = global
  return sentences.flatMap((sentence) => execAll(scan, sentence.norm).map((match) => ({ sentence, match })))
}
