/**
 * Fuzzy matching of printed row labels. Real labels carry typos ("其他法律行政止公开"), break across lines
 * ("（二）部分公开（区分处理的，只计这一情 形，不" + "计其他情形）"), mix （一）/(一) and 、/., and pick up noise from
 * neighbouring cells. A label is scored by how many of the expected label's character pairs it contains, and rows
 * are assigned to the expected rows in printed order, so the order settles what a weak label leaves open.
 */

/**
 * Folds the spelling differences that carry no meaning: full-width forms (NFKC), whitespace, 、/．/． → ".",
 * quotation marks, and the "、" or "." after a list number.
 *
 * Example: `normalizeLabel('（三）不予公开 3.危及“三安全一稳定”')` → `'(三)不予公开3.危及三安全一稳定'`.
 */
export function normalizeLabel (text: string): string {
  return text.normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[、．。]/g, '.')
    .replace(/[“”"'‘’「」『』]/g, '')
}

function bigrams (text: string): string[] {
  const chars = [...text]
  if (chars.length === 1) return chars
  return chars.slice(1).map((ch, i) => (chars[i] ?? '') + ch)
}

/** The expected labels' character pairs: the form's few dozen labels are scored against every row of every report. */
const EXPECTED_BIGRAMS = new Map<string, string[]>()

function expectedBigrams (expected: string): string[] {
  let pairs = EXPECTED_BIGRAMS.get(expected)
  if (pairs === undefined) {
    pairs = bigrams(normalizeLabel(expected))
    // Bounded: only the form's labels are expected ones, but a caller could pass any text.
    if (EXPECTED_BIGRAMS.size < 1000) EXPECTED_BIGRAMS.set(expected, pairs)
  }
  return pairs
}

/**
 * The share of the expected label's character pairs found in the observed text (0..1), after `normalizeLabel`.
 * Extra text in the observed label costs nothing: labels arrive with neighbouring fragments attached.
 *
 * Example: `labelScore('2.其他法律行政法规禁止公开', '2.其他法律行政止公开')` → `0.69…` (9 of 13 pairs); `labelScore('规章', '行政许可')` → `0`.
 */
export function labelScore (expected: string, observed: string): number {
  const want = expectedBigrams(expected)
  if (want.length === 0) return 0
  if (want.length === 1 && (want[0] ?? '').length === 1) return normalizeLabel(observed).includes(want[0] ?? '') ? 1 : 0
  const have = new Set(bigrams(normalizeLabel(observed)))
  return want.filter((pair) => have.has(pair)).length / want.length
}

/** A row the reader expects, in printed order. */
export interface ExpectedRow {
  readonly key: string
  /** The distinctive words of its printed label. */
  readonly label: string
  /** The item number printed before the label ("2.重复申请"), when there is one. */
  readonly number?: string
  /** The numeral of its group's marker ("（三）不予公开" → "三"), when the form prints one. */
  readonly group?: string
  /** The numeral of its part of the table ("三、本年度办理结果" → "三"), when the form prints one. */
  readonly part?: string
}

/** A row found in the source: its own label text and the label-only text just before it. */
export interface ObservedRow {
  readonly label: string
  readonly context: string
  /** Label-only text after the row's values, before the next row: the rest of a label broken around its values. */
  readonly following?: string
}

/** A label completed from the lines around it scores a little below one printed whole, so its own label wins a tie. */
const BORROWED = 0.95

/** Minimum score for a row to be taken as a given expected row. */
export const MATCH_THRESHOLD = 0.5
const MISSING_PENALTY = 1
const EXTRA_PENALTY = 0.3
const NUMBER_BONUS = 0.15

const NUMERAL = '[一二三四五六七八九十]{1,3}'

/** How a row of the form starts, after `normalizeLabel`: its item number ("2.", "(五)", "三."). */
const ROW_MARKER = new RegExp(`^(?:\\d{1,2}\\.|\\((?:${NUMERAL}|\\d{1,2})\\)|${NUMERAL}\\.)`)

/**
 * Whether a label starts with an item number, as a row of the form does and the wrapped rest of a label does not.
 *
 * Example: `startsWithItemMarker('（五）不予处理')` → true; `startsWithItemMarker('当理由大量反复申请')` → false.
 */
export function startsWithItemMarker (label: string): boolean {
  return ROW_MARKER.test(normalizeLabel(label))
}

/** The item markers a label prints, by kind: groups ("(三)"), parts ("三."), numbers ("2."), after `normalizeLabel`. */
function markers (label: string): { readonly group: string[], readonly part: string[], readonly number: string[] } {
  const text = normalizeLabel(label)
  const all = (pattern: RegExp): string[] => [...text.matchAll(pattern)].map((m) => m[1] ?? '')
  return {
    group: all(new RegExp(`\\((${NUMERAL})\\)`, 'g')),
    part: all(new RegExp(`(?:^|[^一二三四五六七八九十(])(${NUMERAL})\\.`, 'g')),
    number: all(/(?:^|[^\d.])(\d{1,2})\.(?!\d)/g)
  }
}

/**
 * Whether a label prints an item marker of a kind the expected row has, and none of that kind is the expected
 * one's: "（二）" is not the row of group (一), however much of its words the text around it shares.
 */
function contradicts (expected: ExpectedRow, label: string): boolean {
  const printed = markers(label)
  const differs = (want: string | undefined, have: readonly string[]): boolean => want !== undefined && have.length > 0 && !have.includes(want)
  return differs(expected.group, printed.group) || differs(expected.part, printed.part) || differs(expected.number, printed.number)
}

/**
 * Scores an observed row against an expected one: the better of its own label and (a little lower) its label with the
 * label-only text before and after it, plus a small bonus when the expected item number ("2.") is printed.
 *
 * An own label whose item marker contradicts the expected row's (`contradicts`) scores 0.
 *
 * Example: `rowScore({ key: 'duplicate', label: '重复申请', number: '2' }, { label: '2.重复申请', context: '' })` → `1.15`.
 */
export function rowScore (expected: ExpectedRow, observed: ObservedRow): number {
  if (contradicts(expected, observed.label)) return 0
  const own = labelScore(expected.label, observed.label)
  const withContext = BORROWED * labelScore(expected.label, observed.context + observed.label + (observed.following ?? ''))
  const text = normalizeLabel(observed.label !== '' ? observed.label : observed.context)
  const numbered = expected.number !== undefined && new RegExp(`(?:^|[^\\d])${expected.number}\\.(?!\\d)`).test(text)
  return Math.max(own, withContext) + (numbered ? NUMBER_BONUS : 0)
}

/** The outcome of aligning observed rows to expected rows. */
export interface Alignment {
  /** For each expected row, the index of the observed row taken for it and its score, or null. */
  readonly matches: readonly ({ readonly observed: number, readonly score: number } | null)[]
  /** Observed rows taken by no expected row. */
  readonly extra: readonly number[]
  /** Σ scores − 1 per expected row not found − 0.3 per observed row left over: compares layouts. */
  readonly quality: number
}

/**
 * Assigns observed rows to expected rows keeping both in order (dynamic programming over the two sequences),
 * maximising the total score; a pair scoring below `MATCH_THRESHOLD` is never made. Expected rows left without a
 * match are missing; observed rows left over are noise (a stray number line) or rows of another layout.
 *
 * Example: expected [规章, 行政规范性文件] and observed rows labelled "规章", "行政规范性文件" →
 * `{ matches: [{ observed: 0, score: 1 }, { observed: 1, score: 1 }], extra: [], quality: 2 }`.
 */
export function alignRows<E extends ExpectedRow, O extends ObservedRow> (
  expected: readonly E[],
  observed: readonly O[],
  score: (expected: E, observed: O) => number = rowScore
): Alignment {
  const n = expected.length
  const m = observed.length
  // best[i][j]: best quality aligning the first i expected rows with the first j observed rows.
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(-Infinity))
  const move: string[][] = Array.from({ length: n + 1 }, () => new Array<string>(m + 1).fill(''))
  const scores: number[][] = expected.map((e) => observed.map((o) => score(e, o)))
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) {
        best[0]![0] = 0
        continue
      }
      const options: [number, string][] = []
      if (i > 0) options.push([best[i - 1]![j]! - MISSING_PENALTY, 'missing'])
      if (j > 0) options.push([best[i]![j - 1]! - EXTRA_PENALTY, 'extra'])
      const s = i > 0 && j > 0 ? scores[i - 1]![j - 1]! : 0
      if (i > 0 && j > 0 && s >= MATCH_THRESHOLD) options.push([best[i - 1]![j - 1]! + s, 'match'])
      const [value, how] = options.reduce((a, b) => (b[0] > a[0] ? b : a))
      best[i]![j] = value
      move[i]![j] = how
    }
  }
  const matches: ({ observed: number, score: number } | null)[] = new Array(n).fill(null)
  const taken = new Set<number>()
  for (let i = n, j = m; i > 0 || j > 0;) {
    const how = move[i]![j]
    if (how === 'match') {
      matches[i - 1] = { observed: j - 1, score: Math.min(1, scores[i - 1]![j - 1]!) }
      taken.add(j - 1)
      i--
      j--
    } else if (how === 'missing') {
      i--
    } else {
      j--
    }
  }
  return {
    matches,
    extra: observed.map((_, j) => j).filter((j) => !taken.has(j)),
    quality: best[n]![m]!
  }
}
