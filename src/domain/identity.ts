/**
 * The shape most rules share: "these cells add up to those cells" (a row total, a column balance,
 * a carry-over between years). One helper computes both sides with blanks as 0 and, when they differ,
 * writes the finding with every number named, so the rules only declare their terms.
 *
 * Where the form fixes the terms (every row and column of tables 三 and 四), a rule lays its identities out once
 * (`IdentityLayout`: scopes, labels and pointers, each cell with how to read it) and `checkLaidOut` only reads the
 * cells of each report: an identity that holds costs its additions, and the terms are only built for one that fails.
 */
import { sumCells } from './cells.js'
import type { CellRef } from './cells.js'
import type { ApplicantColumn, ApplicantRow, Cell } from './report.js'
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
  // A loop, not `sumCells`: the sum in the same order (so the same number), without its two arrays.
  let sum = 0
  for (const cell of term.cells) sum += cell.value ?? 0
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
  let total = 0
  for (const term of terms) total += termValue(term)
  return total
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

/** A cell of a laid-out identity: its pointer, and how to read its value from what the rule checks (`S`). */
export interface CellSlot<S> {
  readonly pointer: string
  readonly read: (source: S) => Cell
}

/** What a laid-out identity states the same way for every report, or, where it names a year, reads from the source. */
export type LaidOut<S, T> = T | ((source: S) => T)

function resolve<S, T extends object> (value: LaidOut<S, T>, source: S): T {
  return typeof value === 'function' ? value(source) : value
}

/** A `Term` laid out once: its cells are slots, read from each report. */
export interface TermLayout<S> extends Omit<Term, 'cells' | 'label'> {
  readonly label: LaidOut<S, Label>
  readonly cells: readonly CellSlot<S>[]
}

/** An `Identity` laid out once for the form: its scope and pointers are the same for every report. */
export interface IdentityLayout<S> extends Omit<Identity, 'expected' | 'actual' | 'context'> {
  readonly expected: readonly TermLayout<S>[]
  readonly actual: readonly TermLayout<S>[]
  readonly context?: LaidOut<S, Readonly<Record<string, unknown>>>
}

/** A side of a laid-out identity read from `source`, added as `sideTotal` adds the terms it stands for. */
function laidOutTotal<S> (terms: readonly TermLayout<S>[], source: S): number {
  let total = 0
  for (const term of terms) {
    let sum = 0
    for (const cell of term.cells) sum += cell.read(source) ?? 0
    total += term.negate === true ? -sum : sum
  }
  return total
}

function readTerms<S> (terms: readonly TermLayout<S>[], source: S): Term[] {
  return terms.map((term) => ({
    ...term,
    label: resolve(term.label, source),
    cells: term.cells.map((cell) => ({ pointer: cell.pointer, value: cell.read(source) }))
  }))
}

/**
 * `checkIdentity` of a laid-out identity on one report (`source`): no finding when its two sides add up to the same,
 * which is found by reading its cells alone; else the finding `checkIdentity` writes for its terms so read.
 *
 * Example: T3-BALANCE's 自然人 column laid out as `{ scope, expected: [本年新收, 上年结转], actual: [办理结果总计, 结转下年度] }`
 * on requests with 本年新收 10, 上年结转 0, 总计 9, 结转 0 → the same finding as `checkIdentity` (expected 10, actual 9).
 */
export function checkLaidOut<S> (rule: RuleStamp, layout: IdentityLayout<S>, source: S): Finding[] {
  if (laidOutTotal(layout.expected, source) === laidOutTotal(layout.actual, source)) return []
  return checkIdentity(rule, {
    scope: layout.scope,
    expected: readTerms(layout.expected, source),
    actual: readTerms(layout.actual, source),
    context: layout.context === undefined ? undefined : resolve(layout.context, source)
  })
}

/**
 * The findings of every laid-out identity of `layouts` on `source`, in order.
 *
 * Example: T3-ROWSUM's 25 row identities on the seed's requests → `[]`.
 */
export function checkAllLaidOut<S> (rule: RuleStamp, layouts: readonly IdentityLayout<S>[], source: S): Finding[] {
  const findings: Finding[] = []
  for (const layout of layouts) {
    const found = checkLaidOut(rule, layout, source)
    if (found.length > 0) findings.push(...found)
  }
  return findings
}

/**
 * A laid-out term of one cell, the common case (`cellTerm` laid out).
 *
 * Example: `slotTerm({ zh: '总计', en: 'total' }, '/requests/newReceived/total', (r: Requests) => r.newReceived.total)`.
 */
export function slotTerm<S> (label: LaidOut<S, Label>, pointer: string, read: (source: S) => Cell, options: Pick<Term, 'negate' | 'fromPrevious'> = {}): TermLayout<S> {
  return { label, cells: [{ pointer, read }], ...options }
}

/**
 * The slot of a cell of table 三 laid out by `perRequestLayout`: row `row` of the layout (its pointers in
 * `cellPointers`), column `column`, read from the report's `rowCellsOf`. Every slot reads through the same small
 * function, which the engine then calls as cheaply as a property read.
 *
 * Example: `rowSlot(layout[2], 2, 'total')` → `{ pointer: '/requests/outcomes/granted/total', read: (rows) => rows[2].total }`.
 */
export function rowSlot (row: { readonly cellPointers: { readonly [C in ApplicantColumn]: string } }, index: number, column: ApplicantColumn): CellSlot<readonly ApplicantRow[]> {
  return { pointer: row.cellPointers[column], read: (rows) => (rows[index] as ApplicantRow)[column] }
}
