/**
 * The shape most rules share: "these cells add up to those cells" (a row total, a column balance,
 * a carry-over between years). One helper computes both sides with blanks as 0 and, when they differ,
 * writes the finding with every number named, so the rules only declare their terms.
 */
import { sumCells } from './cells.js'
import type { CellRef } from './cells.js'
import { failed } from './findings.js'
import type { Finding, RuleStamp } from './findings.js'
import type { Label } from './tables.js'

/** One addend of an identity: a single cell, or a group of cells shown as one subtotal (e.g. 不予公开). */
export interface Term {
  readonly label: Label
  readonly cells: readonly CellRef[]
  /** Subtracted rather than added (本年废止 in CY-IN-FORCE). */
  readonly negate?: boolean
  /** The cells are in the prior year's report, so their pointers go to `context.previousPointers`. */
  readonly fromPrevious?: boolean
}

/** `expected` is the side the form takes as given (the parts, the inflow, last year); `actual` must match it. */
export interface Identity {
  /** Where the identity lives, e.g. 第三部分“自然人”列. */
  readonly scope: Label
  readonly expected: readonly Term[]
  readonly actual: readonly Term[]
  readonly context?: Readonly<Record<string, unknown>>
}

function termValue (term: Term): number {
  const { sum } = sumCells(term.cells)
  return term.negate === true ? -sum : sum
}

function renderTerm (term: Term, lang: keyof Label): string {
  const only = term.cells.length === 1 ? term.cells[0] : undefined
  const shown = only?.value === null ? (lang === 'zh' ? '空白' : 'blank') : String(sumCells(term.cells).sum)
  return lang === 'zh' ? `${term.label.zh}(${shown})` : `${term.label.en} (${shown})`
}

function renderSide (terms: readonly Term[], total: number, lang: keyof Label): string {
  const [plus, minus, equals] = lang === 'zh' ? ['+', '-', '='] : [' + ', ' - ', ' = ']
  const text = terms
    .map((term, i) => (term.negate === true ? minus : i === 0 ? '' : plus) + renderTerm(term, lang))
    .join('')
  return terms.length > 1 ? `${text}${equals}${total}` : text
}

function sideTotal (terms: readonly Term[]): number {
  return terms.reduce((acc, term) => acc + termValue(term), 0)
}

/**
 * Checks `Σ expected terms = Σ actual terms` (blank cells count as 0) and returns no finding when it
 * holds, else one `failed` finding with `expected`/`actual` = the two sums, `difference = actual − expected`,
 * every cell of the current report in `pointers`, and blank / prior-year cells listed in `context`.
 *
 * Example: T3-BALANCE on the 自然人 column with 本年新收 10, 上年结转 0, 总计 9, 结转 0 →
 * `[{ expected: 10, actual: 9, difference: -1, message: '第三部分“自然人”列：本年新收(10)+上年结转(0)=10，应等于办理结果总计(9)+结转下年度(0)=9', … }]`.
 */
export function checkIdentity (rule: RuleStamp, identity: Identity): Finding[] {
  const expected = sideTotal(identity.expected)
  const actual = sideTotal(identity.actual)
  if (expected === actual) return []

  const terms = [...identity.expected, ...identity.actual]
  const current = terms.filter((t) => t.fromPrevious !== true).flatMap((t) => t.cells)
  const previous = terms.filter((t) => t.fromPrevious === true).flatMap((t) => t.cells)
  return [failed(rule, {
    message: `${identity.scope.zh}：${renderSide(identity.expected, expected, 'zh')}，应等于${renderSide(identity.actual, actual, 'zh')}`,
    messageEn: `${identity.scope.en}: ${renderSide(identity.expected, expected, 'en')} should equal ${renderSide(identity.actual, actual, 'en')}`,
    pointers: current.map((cell) => cell.pointer),
    expected,
    actual,
    difference: actual - expected,
    context: {
      ...identity.context,
      blankPointers: sumCells(current).blanks,
      ...(previous.length > 0
        ? { previousPointers: previous.map((cell) => cell.pointer), previousBlankPointers: sumCells(previous).blanks }
        : {})
    }
  })]
}

/**
 * A term made of one cell, the common case.
 *
 * Example: `cellTerm({ zh: '总计', en: 'total' }, { pointer: '/requests/newReceived/total', value: 10 })`
 * → `{ label: { zh: '总计', … }, cells: [{ pointer: '/requests/newReceived/total', value: 10 }] }`.
 */
export function cellTerm (label: Label, cell: CellRef, options: Pick<Term, 'negate' | 'fromPrevious'> = {}): Term {
  return { label, cells: [cell], ...options }
}
