/**
 * Reading the prose of a report (sections 一, 五, 六) for the narrative rules N-*: sentences, the counts they
 * state ("13件", "60条", "十三件"), percentages, and the "共 X 件，其中 a 件…" breakdowns. The rules only declare
 * which phrases they trust; everything about splitting and reading numbers lives here so they all read alike.
 *
 * Matching runs on a normalised copy of each sentence (NFKC, so （）、，、％ become ASCII; spaces next to Chinese
 * removed, so pdftotext's "2023 年" reads as "2023年"; thousands separators dropped); quotes keep the original text.
 *
 * A report's prose is read once for all the rules of a check (`proseOf`, `ProseReadings`): the sections are split
 * into sentences and normalised, and each sentence that may state a count is walked once, left to right, for its
 * counts, the clause of each, whether it is a change, its 其中 marks and the counting words that follow its numbers.
 * The rules read that reading: the counts, the breakdowns, and the sentences a claim can be in, which are the only
 * ones each rule runs its own pattern on.
 *
 * Everything here is linear in the length of the prose, whatever it holds (test/domain/rules/linear-prose.test.ts):
 * look-ups by position are binary searches; every pattern has bounded gaps, and a number is only read from the
 * start of its run of digits or numerals, so no pattern backtracks over a long run once per character.
 */
import { failed } from './findings.js'
import type { Finding, FindingFields, RuleInput, RuleStamp } from './findings.js'
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
 * Memos keyed by long-lived objects: the breakdowns of a list of sentences passed to `breakdownsOf` from outside a
 * reading, and the global form of each rule's pattern. A report's reading is not kept in a WeakMap: the engine's
 * young-generation collector keeps a weak entry's value alive, so every report's sentences would outlive the check
 * and cost a full collection (see `ProseReadings`).
 */
const BREAKDOWNS = new WeakMap<readonly Sentence[], readonly Breakdown[]>()
const GLOBAL_PATTERNS = new WeakMap<RegExp, RegExp>()

/**
 * One sentence of a section: the original text (for quoting), the normalised text (for matching), and what the one
 * walk over the normalised text found in it.
 */
export interface Sentence {
  readonly section: SectionKey
  /** Index of the line (paragraph) of the section the sentence is in. */
  readonly paragraph: number
  /** Position among all sentences returned by `sentencesOf`. */
  readonly index: number
  readonly text: string
  readonly norm: string
  /** The counts stated in `norm` (those `countsIn` lists), in text order, each with its clause start. */
  readonly counts: readonly ReadCount[]
  /** The counts that are quantities, not changes ("增加5条"): the only ones a breakdown takes as its total. */
  readonly quantities: readonly ReadCount[]
  /** Offsets of 其中 in `norm`. */
  readonly marks: readonly number[]
  /**
   * Every counting word that follows a number in `norm`, once, whether or not the number is a count ("一件事",
   * "7.5件"): a pattern ending in "(NUMBER)件" can only match a sentence with 件 here.
   */
  readonly units: readonly string[]
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

/** The characters of a simple Chinese numeral ("十三", "一百零五"). */
const NUMERALS = '零〇一二两三四五六七八九十百千'

/**
 * A number as the patterns capture it: Arabic digits, or simple Chinese numerals. It only starts where its run of
 * digits (or numerals) starts: a pattern would otherwise retry the rest of a long run from every character of it.
 */
export const NUMBER = `(?:(?<!\\d)\\d+(?:\\.\\d+)?|(?<![${NUMERALS}])[${NUMERALS}]+)`

/** Counting words reports put after a number (人次 first, so a regex alternation takes the whole word). */
const UNIT_WORDS = ['人次', '件', '条', '个', '项', '次', '份', '期', '场', '篇', '家', '批']

/** `UNIT_WORDS` as an alternation, for patterns. */
export const UNITS = `(?:${UNIT_WORDS.join('|')})`

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
/** A run of spaces; it goes when a punctuation mark stands right before or after it. */
const SPACE_RUN = / +/g
const PUNCT_SPACES_GO_AROUND = new Set([',', '.', ':', ';', '(', ')', '%'])

/** `text` without the runs of spaces next to , . : ; ( ) %: "3 , 119" → "3,119". One pass, however long the runs. */
function dropSpacesAroundPunct (text: string): string {
  return text.replace(SPACE_RUN, (run: string, offset: number) =>
    PUNCT_SPACES_GO_AROUND.has(text.charAt(offset - 1)) || PUNCT_SPACES_GO_AROUND.has(text.charAt(offset + run.length)) ? '' : run)
}
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
  return normalizeAfterNfkc(text.normalize('NFKC'))
}

/** What `normalizeProse` does after NFKC: the spaces and the thousands separators. */
function normalizeAfterNfkc (nfkc: string): string {
  // Most sentences have no whitespace left and no "3,119", and a `test` costs a fraction of a `replace` that finds
  // nothing to replace, so each replacement runs only where it can change something.
  // NFKC turns ，into "," — spaces around it are removed as around any punctuation.
  const compact = HAS_WHITESPACE.test(nfkc) ? compactSpaces(dropSpacesAroundPunct(nfkc)) : nfkc
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

/** The reading of a report's prose that every rule shares (`proseOf`). */
export interface ProseReading {
  /** Every sentence of the three sections, in document order (`sentencesOf`). */
  readonly sentences: Sentence[]
  /** The "共 X 件，其中 …" breakdowns of the sentences (as `breakdownsOf` finds them), found when first asked for. */
  readonly breakdowns: readonly Breakdown[]
  /**
   * The sentences in which a number is followed by `unit`, or by any counting word when no unit is given (see
   * `Sentence.units`), in document order: a claim "…X件" can only be in one of them, so a rule runs its pattern on
   * those alone.
   */
  readonly sentencesCounting: (unit?: string) => readonly Sentence[]
  /**
   * The sentences whose normalised text holds one of `words` (words without spaces or sentence breaks), in document
   * order: one search of each section per word, so a rule whose pattern needs one of them runs it on those alone.
   */
  readonly sentencesWith: (words: readonly string[]) => readonly Sentence[]
  /** The whole of a section after NFKC, as the sentences were read from it (before spaces and separators went). */
  readonly nfkcOf: (section: SectionKey) => string
}

/**
 * The input of a narrative rule: the rule's input and, from `checkReport`, the prose readings that all the rules of
 * the check share. A rule called on its own reads the prose itself.
 */
export interface NarrativeInput extends RuleInput {
  readonly prose?: ProseReadings
}

/**
 * The prose readings of one check (`checkReport` makes one per call): each report's prose (the report's, and the
 * prior year's for N-YOY-CLAIM) is read when a rule first asks for it, then shared, and dropped with the check.
 */
export class ProseReadings {
  private readonly bySections = new Map<Sections, ProseReading>()

  of (sections: Sections): ProseReading {
    let reading = this.bySections.get(sections)
    if (reading === undefined) {
      reading = new Reading(sections)
      this.bySections.set(sections, reading)
    }
    return reading
  }
}

/**
 * The reading of `sections` (by default the report's), shared by the rules of the check `input` comes from: its
 * sentences, what each states, and its breakdowns.
 *
 * Example: `proseOf({ report: seed, previous: null }).sentencesCounting('件').map((s) => s.norm)` →
 * `['收到申请信息公开件共13件', '其中信函申请共10件,其中无法提供6件,同意公开3件,结转下年度办理1件', '全年公开政策法规2条,…通知公告公示24件']`.
 */
export function proseOf (input: NarrativeInput, sections: Sections = input.report.sections): ProseReading {
  return input.prose?.of(sections) ?? new Reading(sections)
}

/**
 * A class rather than an object literal with a getter: a literal's accessor is built anew with every report, which
 * makes the engine keep the report's sentences past the young generation, and collecting them then costs more than
 * reading the prose.
 */
class Reading implements ProseReading {
  readonly sentences: Sentence[]
  private readonly normalisedSections: readonly NormalisedSection[]
  private found: readonly Breakdown[] | undefined
  /** `sentencesCounting`, by unit ('' for any), filled as rules ask. */
  private readonly counting = new Map<string, readonly Sentence[]>()

  constructor (sections: Sections) {
    const { sentences, normalisedSections } = readSentences(sections)
    this.sentences = sentences
    this.normalisedSections = normalisedSections
  }

  get breakdowns (): readonly Breakdown[] {
    this.found ??= findBreakdowns(this.sentences)
    return this.found
  }

  nfkcOf (section: SectionKey): string {
    return (this.normalisedSections[SECTION_KEYS.indexOf(section)] as NormalisedSection).text
  }

  sentencesCounting (unit?: string): readonly Sentence[] {
    const key = unit ?? ''
    let found = this.counting.get(key)
    if (found === undefined) {
      found = this.sentences.filter((sentence) => unit === undefined ? sentence.units.length > 0 : sentence.units.includes(unit))
      this.counting.set(key, found)
    }
    return found
  }

  sentencesWith (words: readonly string[]): readonly Sentence[] {
    const holds = new Uint8Array(this.sentences.length)
    for (const { text, first, count, starts } of this.normalisedSections) {
      if (starts === undefined) {
        for (let i = first; i < first + count; i++) {
          if (words.some((word) => (this.sentences[i] as Sentence).norm.includes(word))) holds[i] = 1
        }
        continue
      }
      // A word holds no break and no space, so where it occurs in the section it is in the sentence that starts last
      // before it; one occurrence is enough, and the search goes on from the next sentence.
      for (const word of words) {
        for (let at = text.indexOf(word); at >= 0;) {
          const k = lastIndexAtMost(starts, (start) => start, at)
          holds[first + k] = 1
          const next = starts[k + 1]
          at = next === undefined ? -1 : text.indexOf(word, next)
        }
      }
    }
    return this.sentences.filter((sentence) => holds[sentence.index] === 1)
  }
}

/**
 * A section normalised whole (NFKC), and where each of its sentences starts in it when each one's `norm` is a piece of
 * it: a search of the section is then a search of its sentences.
 */
interface NormalisedSection {
  readonly text: string
  /** The index of its first sentence, and how many it has. */
  readonly first: number
  readonly count: number
  /** Undefined when a sentence needed more than NFKC (its spaces or thousands separators went). */
  readonly starts: readonly number[] | undefined
}

/**
 * Splits the three prose sections into sentences (at 。！？； and line breaks), each with its normalised text and
 * what it states (see `Sentence`). Rules read them through `proseOf`, which shares them within a check.
 *
 * Example: `sentencesOf({ overview: '收到申请13件。其中予以公开3件', problems: '', other: '' })` →
 * `[{ section: 'overview', paragraph: 0, index: 0, text: '收到申请13件', norm: '收到申请13件', … }, { …, index: 1, text: '其中予以公开3件', … }]`.
 */
export function sentencesOf (sections: Sections): Sentence[] {
  return readSentences(sections).sentences
}

const SENTENCE_END = /[。！？!?；;]/

function readSentences (sections: Sections): { sentences: Sentence[], normalisedSections: NormalisedSection[] } {
  const sentences: Sentence[] = []
  const normalisedSections: NormalisedSection[] = []
  for (const section of SECTION_KEYS) {
    const sectionText = sections[section]
    // One NFKC per section costs a fraction of one per sentence, which is most of what reading a sentence costs; and
    // one scan of the normalised section finds its sentences and what each line needs.
    const normalised = sectionText.normalize('NFKC')
    const lines = scanLines(normalised)
    const first = sentences.length
    let starts: number[] | undefined = []
    sectionText.split('\n').forEach((line, paragraph) => {
      const scanned = lines[paragraph] as ScannedLine
      const pieces = piecesOf(line, scanned)
      pieces.forEach((piece, position) => {
        const text = piece.trim()
        if (text === '') return
        // Where the line's pieces are not the normalised line's (see `piecesOf`), each is normalised on its own.
        const aligned = pieces.length === scanned.breaks.length + 1
        const from = position === 0 ? scanned.start : (scanned.breaks[position - 1] ?? 0) + 1
        const normalisedPiece = aligned ? normalised.slice(from, scanned.breaks[position] ?? scanned.end) : undefined
        const norm = normalisedPiece === undefined ? normalizeProse(text) : scanned.needsCompacting ? normalizeAfterNfkc(normalisedPiece) : normalisedPiece
        if (norm === normalisedPiece) starts?.push(from)
        else starts = undefined
        const mayStateACount = normalisedPiece === undefined || scanned.needsCompacting || scanned.mayStateACount
        const { counts, quantities, marks, units } = mayStateACount ? readText(norm) : NOTHING_STATED
        sentences.push({ section, paragraph, index: sentences.length, text, norm, counts, quantities, marks, units })
      })
    })
    normalisedSections.push({ text: normalised, first, count: sentences.length - first, starts })
  }
  return { sentences, normalisedSections }
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

/** A count with where its clause starts and whether it is a change ("比2022年增加5条") rather than a quantity. */
export interface ReadCount extends Count {
  readonly clauseStart: number
  readonly isDelta: boolean
}

/** What one walk over a normalised text finds (the fields of `Sentence` of the same names). */
type TextReading = Pick<Sentence, 'counts' | 'quantities' | 'marks' | 'units'>

/** Most sentences state no count: they all share these. */
const NO_COUNTS: readonly ReadCount[] = Object.freeze([])
const NO_MARKS: readonly number[] = Object.freeze([])
const NO_UNITS: readonly string[] = Object.freeze([])
const NOTHING_STATED: TextReading = { counts: NO_COUNTS, quantities: NO_COUNTS, marks: NO_MARKS, units: NO_UNITS }

/** Opens the list of parts of a breakdown. */
const BREAKDOWN_MARK = '其中'

/** The characters that end a clause for `clauseBefore` and for the walk. */
const CLAUSE_BREAKS = new Set([',', ':', '('])

/** Words of a change after a comparison ("比2022年增加", "较上年下降"), besides 增, 减, 多 and 少. */
const CHANGE_WORDS = ['上升', '下降', '提高', '降低']

/**
 * What the scan of a section (`scanLines`) and the walk of a sentence (`readText`) look at in a character, one bit
 * each: a digit or numeral, a clause break, a comparison ("比", "较", so also 同比, 环比), a change, the first character
 * of a change word, of 其中 or of a counting word; a line break, a sentence break, whitespace (what NFKC leaves of
 * it: every other space becomes " "), a comma. Every other character is 0 and passed over: a scan costs little more
 * than reading the text.
 */
const DIGIT = 1
const NUMERAL = 2
const CLAUSE_BREAK = 4
const COMPARISON = 8
const CHANGE = 16
const CHANGE_WORD_START = 32
const MARK_START = 64
const UNIT_START = 128
const LINE_BREAK = 256
const SENTENCE_BREAK = 512
const SPACE = 1024
const COMMA = 2048

const CHARACTER_CLASSES = new Uint16Array(0x10000)
for (const [chars, bit] of [
  ['0123456789', DIGIT],
  [NUMERALS, NUMERAL],
  [[...CLAUSE_BREAKS].join(''), CLAUSE_BREAK],
  ['比较', COMPARISON],
  ['增减多少', CHANGE],
  [CHANGE_WORDS.map((word) => word.charAt(0)).join(''), CHANGE_WORD_START],
  [BREAKDOWN_MARK.charAt(0), MARK_START],
  [UNIT_WORDS.map((word) => word.charAt(0)).join(''), UNIT_START],
  ['\n', LINE_BREAK],
  ['。！？!?；;', SENTENCE_BREAK],
  ['\t\v\f\r \u1680\u2028\u2029\ufeff', SPACE],
  [',', COMMA]
] as const) {
  for (const ch of chars) CHARACTER_CLASSES[ch.charCodeAt(0)] = (CHARACTER_CLASSES[ch.charCodeAt(0)] ?? 0) | bit
}

/** The class bits of the character at `at` of `text`, which must be inside it (a walk's own position). */
function classWithin (text: string, at: number): number {
  return CHARACTER_CLASSES[text.charCodeAt(at)] as number
}

/** The class bits of the character at `at` of `text`; 0 outside it (a neighbour of a walk's position). */
function classAt (text: string, at: number): number {
  // Outside the text charCodeAt is NaN, and reading a typed array at NaN takes the engine off its fast path for good.
  return at >= 0 && at < text.length ? classWithin(text, at) : 0
}

/** A line of a normalised section, as `scanLines` reads it. */
interface ScannedLine {
  /** Where the line starts and ends in the section. */
  readonly start: number
  readonly end: number
  /** Where its sentence breaks are in the section, in order. */
  readonly breaks: readonly number[]
  /** Whitespace or "3,119" in the line (`normalizeAfterNfkc`'s two tests): its sentences need more than NFKC. */
  readonly needsCompacting: boolean
  /** `MAY_STATE_A_COUNT` of the line: a sentence of a line without it states no count and no breakdown. */
  readonly mayStateACount: boolean
}

/** What `scanLines` stops at. */
const SCANNED = LINE_BREAK | SENTENCE_BREAK | SPACE | COMMA | DIGIT | NUMERAL | MARK_START

/**
 * The lines of a normalised section (as `split('\n')` cuts them), their sentence breaks, and the tests of
 * `normalizeAfterNfkc` and `MAY_STATE_A_COUNT`, made of each line in one walk of the section instead of by a pattern
 * per line and per sentence. NFKC leaves no whitespace but the characters of `SPACE` and line breaks.
 */
function scanLines (normalised: string): ScannedLine[] {
  const lines: ScannedLine[] = []
  let start = 0
  let breaks: number[] = []
  let needsCompacting = false
  let mayStateACount = false
  for (let i = 0; i <= normalised.length; i++) {
    const kind = i === normalised.length ? LINE_BREAK : classWithin(normalised, i)
    if ((kind & SCANNED) === 0) continue
    if ((kind & LINE_BREAK) !== 0) {
      lines.push({ start, end: i, breaks, needsCompacting, mayStateACount })
      start = i + 1
      breaks = []
      needsCompacting = false
      mayStateACount = false
      continue
    }
    if ((kind & SENTENCE_BREAK) !== 0) breaks.push(i)
    if ((kind & SPACE) !== 0) needsCompacting = true
    if ((kind & COMMA) !== 0 && (classAt(normalised, i - 1) & DIGIT) !== 0 && (classAt(normalised, i + 1) & DIGIT) !== 0) needsCompacting = true
    if ((kind & (DIGIT | NUMERAL)) !== 0 && (classAt(normalised, i + 1) & UNIT_START) !== 0) mayStateACount = true
    if ((kind & MARK_START) !== 0 && normalised.startsWith(BREAKDOWN_MARK, i)) mayStateACount = true
  }
  return lines
}

/**
 * The pieces of a line of a section as written, between its sentence breaks. When NFKC kept the line's length and
 * each break of the normalised line (`scanned`) is a break of the line too, the line is cut there: its breaks are then
 * exactly those. Else it is split anew; NFKC keeps every sentence break and changes nothing across one (none combines
 * with what follows), so the pieces are still the normalised line's, unless a few rare characters ("﹔", "｡", "‼")
 * became breaks: then the normalised line has more pieces.
 */
function piecesOf (line: string, scanned: ScannedLine): string[] {
  const { start, end, breaks } = scanned
  if (line.length !== end - start || breaks.some((at) => (classAt(line, at - start) & SENTENCE_BREAK) === 0)) return line.split(SENTENCE_END)
  const pieces: string[] = []
  let from = 0
  for (const at of breaks) {
    pieces.push(line.slice(from, at - start))
    from = at - start + 1
  }
  pieces.push(line.slice(from))
  return pieces
}

/** The counting word at `at` of `norm` (the first of `UNIT_WORDS` there, as the alternation `UNITS` takes it), or ''. */
function unitAt (norm: string, at: number): string {
  if ((classAt(norm, at) & UNIT_START) === 0) return ''
  return UNIT_WORDS.find((word) => norm.startsWith(word, at)) ?? ''
}

const DECIMAL_POINT = '.'.charCodeAt(0)

/**
 * Where the number starting at `start` (with the class bits `kind`) ends, as `(NUMBER)(UNITS)` reads it: the run of
 * numerals, or the digits with their decimals if any (a pattern takes them whole or fails, as "." is no unit).
 */
function numberEnd (norm: string, start: number, kind: number): number {
  let end = start + 1
  if ((kind & NUMERAL) !== 0) {
    while ((classAt(norm, end) & NUMERAL) !== 0) end++
    return end
  }
  while ((classAt(norm, end) & DIGIT) !== 0) end++
  if (norm.charCodeAt(end) === DECIMAL_POINT && (classAt(norm, end + 1) & DIGIT) !== 0) {
    end += 2
    while ((classAt(norm, end) & DIGIT) !== 0) end++
  }
  return end
}

/** Characters before a Chinese numeral that make it part of a word rather than a count ("统一", "逐一", "第一"). */
const NOT_A_COUNT_BEFORE = new Set(['统', '逐', '每', '第', '唯', '同', '成', '万'])

const ARABIC_INTEGER = /^\d+$/

/**
 * A digit or numeral followed by the first character of a counting word, or 其中: a text with neither states no
 * count and no breakdown, and most sentences are passed over with this one test instead of a walk.
 */
const MAY_STATE_A_COUNT = new RegExp(`[\\d${NUMERALS}][${UNIT_WORDS.map((word) => word.charAt(0)).join('')}]|${BREAKDOWN_MARK}`)

/**
 * The value of the number `norm.slice(start, end)` followed by `unit` when it is a count: a whole number, and a
 * Chinese numeral only before 件 (not "一件事", which is a slogan) and not inside a word like 统一; null otherwise.
 */
function countValue (norm: string, start: number, end: number, unit: string): number | null {
  const number = norm.slice(start, end)
  if (!ARABIC_INTEGER.test(number)) {
    if (unit !== '件' || norm.charAt(end + unit.length) === '事') return null
    if (NOT_A_COUNT_BEFORE.has(norm.charAt(start - 1))) return null
  }
  const value = readNumber(number)
  return value !== null && Number.isInteger(value) ? value : null
}

/**
 * Walks a normalised text once, left to right, and returns what a `Sentence` keeps: the numbers followed by a
 * counting word (read as the successive matches of `(NUMBER)(UNITS)` would be, from the start of a run of digits or
 * numerals, never overlapping), which of them are counts, the start of each count's clause, whether the clause
 * before the count holds a comparison followed by a change (then the count is a change, not a quantity), and the
 * positions of 其中.
 */
function readText (norm: string): TextReading {
  if (!MAY_STATE_A_COUNT.test(norm)) return NOTHING_STATED
  let counts: ReadCount[] | undefined
  let marks: number[] | undefined
  let units: string[] | undefined
  let hasDelta = false
  let clauseStart = 0
  let comparisonAt = -1
  // The end of the first change word after a comparison in the current clause: a count from there on is a change.
  let changeEnd = Infinity
  // Where the next number may start: a number and its unit are read as one match, and matches never overlap.
  let nextNumber = 0
  let previous = 0
  for (let i = 0; i < norm.length; i++) {
    const kind = classWithin(norm, i)
    if (kind === 0) {
      previous = 0
      continue
    }
    // A number starts where its run of digits or numerals starts (NUMBER's lookbehinds).
    if ((kind & (DIGIT | NUMERAL) & ~previous) !== 0 && i >= nextNumber) {
      const end = numberEnd(norm, i, kind)
      const unit = unitAt(norm, end)
      if (unit !== '') {
        nextNumber = end + unit.length
        units ??= []
        if (!units.includes(unit)) units.push(unit)
        const value = countValue(norm, i, end, unit)
        if (value !== null) {
          counts ??= []
          counts.push({ value, unit, start: i, end, clauseStart, isDelta: changeEnd <= i })
          hasDelta ||= changeEnd <= i
        }
      }
    }
    previous = kind
    if ((kind & CLAUSE_BREAK) !== 0) {
      clauseStart = i + 1
      comparisonAt = -1
      changeEnd = Infinity
      continue
    }
    if (comparisonAt >= 0 && comparisonAt < i && changeEnd === Infinity) {
      if ((kind & CHANGE) !== 0) changeEnd = i + 1
      else if ((kind & CHANGE_WORD_START) !== 0 && CHANGE_WORDS.some((word) => norm.startsWith(word, i))) changeEnd = i + 2
    }
    if (comparisonAt < 0 && (kind & COMPARISON) !== 0) comparisonAt = i
    if ((kind & MARK_START) !== 0 && norm.startsWith(BREAKDOWN_MARK, i)) {
      marks ??= []
      marks.push(i)
    }
  }
  const quantities = hasDelta ? counts?.filter((count) => !count.isDelta) : counts
  return { counts: counts ?? NO_COUNTS, quantities: quantities ?? NO_COUNTS, marks: marks ?? NO_MARKS, units: units ?? NO_UNITS }
}

/**
 * Lists the counts stated in a normalised text: a number and a counting word. Chinese numerals count only
 * before 件 (not "一件事", which is a slogan), where they are not part of a word like 统一.
 *
 * Example: `countsIn('全年公开信息共60条,比2022年增加了7.1%')` → `[{ value: 60, unit: '条', start: 7, end: 9, … }]`.
 */
export function countsIn (norm: string): readonly ReadCount[] {
  return readText(norm).counts
}

/** A percentage, read from the start of its run of digits (see `NUMBER`). */
const PERCENT_PATTERN = /(?<!\d)(\d+(?:\.(\d+))?)%/g

/**
 * Lists the percentages stated in a normalised text, keeping how many decimals were written (the tolerance
 * of a comparison depends on it).
 *
 * Example: `percentsIn('比2022年减少了10.5%')` → `[{ value: 10.5, decimals: 1, start: 9, end: 14 }]`.
 */
export function percentsIn (norm: string): Percent[] {
  return execAll(PERCENT_PATTERN, norm).map((match) => ({
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

/** Marks a stated total ("共60条", "共收到申请10件", "合计 5 件") somewhere in its clause before the number. */
const TOTAL_MARK = /共|合计|总计|累计/

/**
 * The part of the clause (after the last ",", ":" or "(") that comes before `position` in a normalised sentence.
 *
 * Example: `clauseBefore('共60条,比2022年增加了5条', 14)` → `'比2022年增加了'`.
 */
export function clauseBefore (norm: string, position: number): string {
  let start = position
  while (start > 0 && !CLAUSE_BREAKS.has(norm.charAt(start - 1))) start--
  return norm.slice(start, position)
}

/** The index of the last item of `items` that `holds` is true of, −1 when none: it holds of a first stretch of them only. */
function lastIndexWhere<T> (items: readonly T[], holds: (item: T) => boolean): number {
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (holds(items[middle] as T)) low = middle + 1
    else high = middle
  }
  return low - 1
}

/**
 * The index of the last item of `items` (ordered by `key`, ascending) whose key is at most `limit`; −1 when none.
 * Counts, matches and breakdowns of a sentence are in text order, so a look-up by position is a binary search.
 */
export function lastIndexAtMost<T> (items: readonly T[], key: (item: T) => number, limit: number): number {
  return lastIndexWhere(items, (item) => key(item) <= limit)
}

/**
 * `counts` by counting word, each list in text order.
 *
 * Example: `countsByUnit(countsIn('共60条,其中5件,3条'))` → `Map { '条' → [60条, 3条], '件' → [5件] }`.
 */
export function countsByUnit<C extends Count> (counts: readonly C[]): ReadonlyMap<string, readonly C[]> {
  const byUnit = new Map<string, C[]>()
  for (const count of counts) {
    const list = byUnit.get(count.unit)
    if (list === undefined) byUnit.set(count.unit, [count])
    else list.push(count)
  }
  return byUnit
}

/**
 * The last of `counts` (in text order) that ends at or before `position`.
 *
 * Example: `lastCountBefore(sentence.counts, match.index)`; `lastCountBefore(sentence.quantities, mark)`.
 */
export function lastCountBefore<C extends Count> (counts: readonly C[], position: number): C | undefined {
  return counts[lastIndexAtMost(counts, (c) => c.end, position)]
}

/**
 * Finds the breakdowns "X，其中 a、b" in the prose. The total is the last count before 其中 in the same sentence,
 * or, when 其中 opens a sentence, the last count of the previous sentence of the same paragraph if its clause says 共/合计
 * (the seed: "…共60条,比2022年增加了7.1%。其中,…59条,…24条"). A second 其中 opens a nested breakdown whose total
 * is the last part before it ("共13件。其中信函申请共10件,其中无法提供6件,…"), so nested parts never add to the outer total.
 * Only parts in the total's counting word are kept, and the numbers of a list of items without it ("其中工作动态12、
 * 通知公告5、政策解读3"); changes ("增加5条") are never totals.
 *
 * Example: the seed's overview yields `{ total: 13件, parts: [10件] }`, `{ total: 10件, parts: [6件, 3件, 1件] }`
 * and `{ total: 60条, parts: [59条, 24条] }`.
 */
export function breakdownsOf (sentences: readonly Sentence[]): readonly Breakdown[] {
  // The rules take a reading's breakdowns (`ProseReading.breakdowns`); other callers get one list per array too.
  const cached = BREAKDOWNS.get(sentences)
  if (cached !== undefined) return cached
  const found = findBreakdowns(sentences)
  BREAKDOWNS.set(sentences, found)
  return found
}

function findBreakdowns (sentences: readonly Sentence[]): readonly Breakdown[] {
  const out: Breakdown[] = []
  sentences.forEach((sentence, position) => {
    const { counts, marks } = sentence
    // The parts of the breakdown at marks[i] lie between it and the next mark: one walk over the counts serves all.
    let first = 0
    for (let i = 0; i < marks.length; i++) {
      const mark = marks[i] as number
      const end = marks[i + 1] ?? sentence.norm.length
      while (first < counts.length && (counts[first] as ReadCount).start <= mark) first++
      // Changes are never totals.
      let total: Count | undefined = lastCountBefore(sentence.quantities, mark)
      let totalSentence = sentence
      if (total === undefined) {
        const previous = sentences[position - 1]
        if (mark !== 0 || previous === undefined || previous.section !== sentence.section || previous.paragraph !== sentence.paragraph) continue
        const candidate = lastCountBefore(previous.quantities, previous.norm.length)
        if (candidate === undefined || !TOTAL_MARK.test(previous.norm.slice(candidate.clauseStart, candidate.start))) continue
        total = candidate
        totalSentence = previous
      }
      const unit = total.unit
      const parts: Count[] = []
      for (let k = first; k < counts.length && (counts[k] as ReadCount).end <= end; k++) {
        const { value, unit: partUnit, start, end: partEnd, isDelta } = counts[k] as ReadCount
        if (partUnit === unit && !isDelta) parts.push({ value, unit: partUnit, start, end: partEnd })
      }
      const allParts = mergeParts(parts, listParts(sentence.norm, mark + BREAKDOWN_MARK.length, end, unit))
      if (allParts.length > 0) out.push({ sentence, totalSentence, total: plainCount(total), parts: allParts, start: mark, end })
    }
  })
  return out
}

/** One item of a list after 其中: a label, then its number, with the total's counting word or none ("工作动态12"). */
const LIST_ITEM = /^([^\d]{1,20}?)(\d+)([^\d]{0,2})$/
/** Labels that make the number something else than a part: an ordinal, a change. */
const NOT_A_LABEL = /第$|比|较|增|减/
/** The list runs to the end of its clause; a clause break right after 其中 ("其中,…") does not end it. */
const LIST_END = /[,;:()]/

/**
 * The parts of "其中工作动态12、通知公告5、政策解读3条": items separated by 、, each a label and a number, with the total's
 * counting word after any of them or none. Returns [] unless the whole first clause after 其中 is such a list of two or
 * more items, so a stray number is never taken for a part.
 */
function listParts (norm: string, from: number, to: number, unit: string): Count[] {
  let start = from
  while (start < to && (norm.charAt(start) === ',' || norm.charAt(start) === ':')) start++
  const rest = norm.slice(start, to)
  const clauseEnd = rest.search(LIST_END)
  const list = clauseEnd < 0 ? rest : rest.slice(0, clauseEnd)
  if (!list.includes('、')) return []
  const items = list.split('、')
  const parts: Count[] = []
  let offset = start
  for (const item of items) {
    const match = LIST_ITEM.exec(item)
    const [, label = '', digits = '', after = ''] = match ?? []
    if (match === null || NOT_A_LABEL.test(label) || (after !== '' && after !== unit && after !== '等' && after !== `${unit}等`)) return []
    const numberStart = offset + label.length
    parts.push({ value: Number(digits), unit, start: numberStart, end: numberStart + digits.length })
    offset += item.length + 1
  }
  return parts.length >= 2 ? parts : []
}

/** The parts in the total's counting word, and the items of a list without one, in text order, each once. */
function mergeParts (counted: readonly Count[], listed: readonly Count[]): Count[] {
  if (listed.length === 0) return [...counted]
  const starts = new Set(counted.map((part) => part.start))
  return [...counted, ...listed.filter((part) => !starts.has(part.start))].sort((a, b) => a.start - b.start)
}

/** A count without what the reading added to it, as breakdowns expose it. */
function plainCount ({ value, unit, start, end }: Count): Count {
  return { value, unit, start, end }
}

/**
 * The innermost breakdown whose parts' stretch holds `position` of `sentence`, if any: a count stated there is
 * part of that breakdown's total, not of the whole table.
 *
 * Example: in "收到申请共13件。其中信函申请共10件,其中无法提供6件", the position of "6件" is inside the breakdown of 10.
 */
export function enclosingBreakdown (breakdowns: readonly Breakdown[], sentence: Sentence, position: number): Breakdown | undefined {
  // Breakdowns come in document order, by sentence and then by their 其中, and the stretches of one sentence's do not
  // overlap: the last one starting at or before the position in the sentence is the only one that can hold it.
  const candidate = breakdowns[lastIndexWhere(breakdowns, (b) =>
    b.sentence.index < sentence.index || (b.sentence.index === sentence.index && b.start <= position))]
  return candidate?.sentence.index === sentence.index && position < candidate.end ? candidate : undefined
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
  if (breakdown === undefined) {
    const firstMark = sentence.marks[0]
    return firstMark === undefined || firstMark + BREAKDOWN_MARK.length > position
  }
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

/** Real sentences are under 200 characters; a longer one is quoted around the claim, so findings stay small. */
export const QUOTE_LIMIT = 300
const QUOTE_CONTEXT = 100

/**
 * The quote of a sentence in a finding: the sentence as written, or, when it is longer than `QUOTE_LIMIT`, the
 * 2 × 100 characters of its normalised text around `position` (an offset in `norm`), marked with "…". However many
 * findings one overlong sentence gives, each quotes a bounded excerpt.
 *
 * Example: `quoteOf(sentence, 12)` → `'收到申请信息公开件共13件'` for the seed's sentence; for a 5,000-character one,
 * `'…其中1件其中1件…'` (200 characters and the marks).
 */
export function quoteOf (sentence: Sentence, position = 0): string {
  if (sentence.text.length <= QUOTE_LIMIT) return sentence.text
  const from = Math.max(0, position - QUOTE_CONTEXT)
  const to = Math.min(sentence.norm.length, position + QUOTE_CONTEXT)
  return `${from > 0 ? '…' : ''}${sentence.norm.slice(from, to)}${to < sentence.norm.length ? '…' : ''}`
}

/**
 * A `failed` finding about a sentence: the section's pointer comes first, then the cells compared, and the
 * context quotes the sentence (`quoteOf`, around `position`, the claim's offset in `sentence.norm`) and names its
 * section (every N-* finding carries both).
 *
 * Example: `narrativeFinding(N_RECEIVED, sentence, { message: '…', messageEn: '…', pointers: ['/requests/newReceived/total'],
 * expected: 10, actual: 13, difference: 3 })` → pointers `['/sections/overview', '/requests/newReceived/total']`,
 * context `{ section: 'overview', quote: '收到申请信息公开件共13件' }`.
 */
export function narrativeFinding (rule: RuleStamp, sentence: Sentence, fields: FindingFields, position = 0): Finding {
  return failed(rule, {
    ...fields,
    pointers: [sectionPointer(sentence.section), ...fields.pointers],
    context: { section: sentence.section, quote: quoteOf(sentence, position), ...fields.context }
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
  // Loops rather than flatMap and map, whose generic flattening costs more than matching a short sentence.
  const found: { sentence: Sentence, match: RegExpExecArray }[] = []
  for (const sentence of sentences) {
    for (const match of execAll(global, sentence.norm)) found.push({ sentence, match })
  }
  return found
}
