/**
 * Reading tables 二, 三 and 四 from the rows of their part of the document. Every input format arrives here as
 * the same rows, so there is one reader per table: split each row into label and values, align the rows with the
 * form's rows by label (trying both the 2021 and the 2019 layout), and read each value as a number or a blank.
 * A value that is not a number and not a blank marker makes its row unreadable: it is reported, never guessed.
 */
import { pointer } from '../cells.js'
import { APPLICANT_COLUMNS } from '../report.js'
import type { Cell, Template } from '../report.js'
import { CASE_FIELDS, CASE_GROUPS } from '../tables.js'
import { alignRows, labelScore, MATCH_THRESHOLD, normalizeLabel, rowScore, startsWithItemMarker } from './labels.js'
import type { ExpectedRow, ObservedRow } from './labels.js'
import { BLANK_MARKER, logCell, logProblem, logUnread, regionOf, UNDECIDED } from './types.js'
import type { ParseLog, SourceFormat, SourceRegion, SourceRow, UnreadReason } from './types.js'

/** Where a piece of laid-out text sits on its line: its first character's column and the column after its last. */
interface Span {
  readonly start: number
  readonly end: number
}

/**
 * A value as found: its text exactly as printed ('' for an empty cell) and its line; in laid-out text (columns of
 * spaces, as `pdftotext -layout` prints a table) also its place on the line.
 */
interface RawValue {
  readonly source: string
  readonly line: number
  readonly span?: Span
}

/** A piece of a row: a cell, or a whitespace-separated token of laid-out text with its place on the line. */
interface Piece {
  readonly text: string
  readonly span?: Span
}

/** The whitespace-separated tokens of a line, NFKC-folded (as `lineTokens`), each with its place on the line. */
function placedTokens (text: string): Piece[] {
  return [...text.matchAll(/\S+/g)].map((match) => ({ text: match[0].normalize('NFKC'), span: { start: match.index, end: match.index + match[0].length } }))
}

/** A source row that carries values, with the label text on it and the label-only text just before it. */
export interface ValueRow extends ObservedRow {
  following: string
  readonly values: RawValue[]
  readonly line: number
  /** The values came from explicit cells (pipe, HTML): an empty cell is a printed blank. */
  readonly cellular: boolean
  /** Pipe text: empty cells at the end of a row may be a blank or the padding left by merged cells. */
  readonly padded: boolean
  /** Empty cells beyond the row's width can only be at its end (pipe text, HTML: no slot comes between label and values). */
  readonly slotsAtEnd: boolean
  /** Explicit cells that are all empty: a row printed blank, or a header padded by merged cells. */
  readonly blankOnly: boolean
  /** Laid-out text (`pdftotext -layout`, a PDF): the values' places on the line say which columns they are in. */
  readonly laidOut: boolean
}

const CJK = /[\u4e00-\u9fff]/

/** Formats whose rows hold only their own cells, so the empty slots of merged cells can only be at a row's end. */
const SLOTS_AT_END: ReadonlySet<SourceFormat> = new Set(['pipe', 'html', 'docx', 'tabbed'])

/** Formats that print a table in columns of spaces, one printed line to a row of values. */
const LAID_OUT: ReadonlySet<SourceFormat> = new Set(['layout', 'pdf'])

/** A number or blank marker as printed in a cell: thousands separators, a unit, a bracketed note ("22（其中修订16件）"). */
const PRINTED_VALUE = String.raw`(?:[-+]?\d[\d,]*(?:\.\d+)?(?:万元|元|件|个|项|条)?(?:[（(][^）)]*[）)])?|${BLANK_MARKER})`

/** A value glued to the end of its label ("仍不明确0", "行政事业性收费1.5", "规范性文件—"). */
const GLUED_VALUE = new RegExp(String.raw`^(.*[\u4e00-\u9fff)）”])(${PRINTED_VALUE})$`)

const VALUE_PIECE = new RegExp(`^${PRINTED_VALUE}$`)

/** A remark in brackets on its own: a cell's note pulled out of its value ("（其中修订16件）"), not a value and not a label. */
const NOTE = /^[（(][^（()）]*[\u4e00-\u9fff][^（()）]*[）)]$/

/** Quotes and brackets standing alone: the end of a label broken over lines ("3.危及“三安全一稳定" + "”"), never a value. */
const LABEL_PUNCTUATION = /^[“”‘’"'「」『』（）()《》【】、，。：；]+$/

/**
 * An item number standing alone ("4.", "4、", "(4)"): the start of a numbered label whose words the printer put on
 * the lines around it (a cell broken over lines), never a value, which has no point without digits after it.
 */
const ITEM_NUMBER = /^(?:\d{1,2}[.、]|\(\d{1,2}\))$/

/**
 * A piece of label text: it has a Chinese character (and is no value with a unit or note), is label punctuation
 * alone, or an item number alone.
 */
function isLabelPiece (piece: string): boolean {
  const folded = piece.normalize('NFKC')
  return (CJK.test(piece) && !VALUE_PIECE.test(folded)) || LABEL_PUNCTUATION.test(piece) || ITEM_NUMBER.test(folded)
}

/** 无 ("none"), printed for a blank: a blank marker, though a Chinese character (see `unplaceable` for where it is not placed). */
const NONE = '无'

/**
 * True for a row that is only a bracketed remark, such as a cell's note printed on a line of its own; an item
 * number such as "（三）" is not one.
 *
 * Example: `isNote('（其中修订16件）')` → true; `isNote('（三）')` → false.
 */
export function isNote (text: string): boolean {
  const folded = text.normalize('NFKC').replace(/\s+/g, '')
  return NOTE.test(folded) && !/^\([一二三四五六七八九十]+\)$/.test(folded)
}

/**
 * Splits a row into its label and its values. Labels are written in Chinese and values are not, so the label is
 * everything up to the last piece (cell, or whitespace-separated token) holding a Chinese character before the first
 * piece that does not, plus the merged labels covering the row; the values are all pieces after it — including
 * garbage such as "l" for "1", which the reader then reports as unreadable instead of taking it for a label.
 * A number glued to the end of a Chinese label is split off. A row without a number or blank marker among its
 * values has none (a header row padded by empty colspan cells, a line of text).
 *
 * Example: `splitRow({ cells: ['(三)不予公开', '1.属于国家秘密', '0', '0', ''], … })` →
 * `{ label: '(三)不予公开 1.属于国家秘密', values: [{ source: '0' }, { source: '0' }, { source: '' }] }`.
 */
export function splitRow (row: SourceRow): { label: string, values: RawValue[] } {
  const pieces: Piece[] = row.cells === null ? placedTokens(row.text) : row.cells.map((cell) => ({ text: cell.trim() }))
  const firstValue = pieces.findIndex((p) => p.text !== '' && !isLabelPiece(p.text))
  const before = firstValue < 0 ? pieces : pieces.slice(0, firstValue)
  const lastLabel = before.reduce((last, p, i) => (isLabelPiece(p.text) ? i : last), -1)
  const labelPieces = pieces.slice(0, lastLabel + 1).map((p) => p.text)
  const valuePieces = pieces.slice(lastLabel + 1)
  const glued = GLUED_VALUE.exec((labelPieces.at(-1) ?? '').normalize('NFKC'))
  // 无 ending a label is a word of it ("有无"), not a blank glued to it.
  if (glued !== null && row.cells === null && glued[2] !== NONE) {
    labelPieces[labelPieces.length - 1] = glued[1] ?? ''
    valuePieces.unshift({ text: glued[2] ?? '' })
  }
  // A note split off its value by a space ("22 （其中修订16件）") is dropped: it is no cell.
  for (let i = valuePieces.length - 1; i > 0; i--) if (isNote(valuePieces[i]?.text ?? '') && valuePieces[i - 1]?.text !== '') valuePieces.splice(i, 1)
  const label = [...row.covered, ...labelPieces].filter((p) => p !== '').join(' ')
  const blankOnly = row.cells !== null && valuePieces.length > 0 && valuePieces.every((p) => p.text === '')
  if (!blankOnly && !valuePieces.some((p) => p.text !== '' && VALUE_PIECE.test(p.text.normalize('NFKC')))) return { label, values: [] }
  return { label, values: valuePieces.map(({ text, span }) => ({ source: text, line: row.line, ...(span !== undefined ? { span } : {}) })) }
}

/** Digits alone, with or without thousands commas: a piece of a number a narrow cell wrapped ("8,831" over ",886"). */
const NUMBER_PIECE = /^[\d,]*\d[\d,]*$/

/**
 * A laid-out line printing pieces of the numbers of the value row just above it, as a narrow cell wraps a long number
 * ("8,831" over ",886", "23799" over "94", or over three lines): the row's values with pieces under them become
 * undecided (`UNDECIDED`), and the line is returned without those pieces. Null when the line is no such continuation:
 * it starts with an item number, a row label of the form (`rowLabels`: a row of its own) or a label with a value
 * glued to it, and has no piece starting with a comma, is more
 * than `SPLIT_ROW_LINES` below, prints as many numbers as the row above, a blank marker or a number with a unit (a
 * whole value), or a number under no number of it.
 */
function withoutContinuedNumbers (row: SourceRow, above: ValueRow, rowLabels: readonly string[]): SourceRow | null {
  if (row.cells !== null || !above.laidOut || row.line <= above.line || row.line - above.line > SPLIT_ROW_LINES) return null
  const tokens = placedTokens(row.text)
  const firstValue = tokens.findIndex((token) => !isLabelPiece(token.text))
  const pieces = tokens.filter((token) => NUMBER_PIECE.test(token.text))
  // A blank marker or a number with a unit is a cell's whole value: the line is a row of its own.
  const whole = tokens.some((token) => !NUMBER_PIECE.test(token.text) && VALUE_PIECE.test(token.text))
  if (whole || pieces.length === 0 || pieces.length >= above.values.length) return null
  const under = pieces.map((piece) => above.values.findIndex((value) => value.span !== undefined && piece.span !== undefined &&
    NUMBER_PIECE.test(value.source.replaceAll(UNDECIDED, '')) && piece.span.start < value.span.end && value.span.start < piece.span.end))
  if (under.some((k) => k < 0)) return null
  // A piece starting with a thousands comma is the rest of a number whatever label is beside it ("总计 ,747").
  const label = tokens.slice(0, firstValue < 0 ? tokens.length : firstValue).map((t) => t.text).join('')
  // A label with a value glued to it ("其他对外管理服务事项3") is a row's label and its first value, not the rest of one.
  const ownRow = startsWithItemMarker(label) || GLUED_VALUE.test(label) ||
    rowLabels.some((rowLabel) => [...rowLabel].length >= DISTINCT_LABEL && labelScore(rowLabel, label) >= OWN_LABEL_SCORE)
  if (ownRow && !pieces.some((piece) => piece.text.startsWith(','))) return null
  under.forEach((k, i) => {
    const value = above.values[k]
    if (value !== undefined) above.values[k] = { ...value, source: `${value.source}${UNDECIDED}${pieces[i]?.text ?? ''}` }
  })
  const chars = [...row.text]
  for (const piece of pieces) for (let c = piece.span?.start ?? 0; c < (piece.span?.end ?? 0); c++) chars[c] = ' '
  return { ...row, text: chars.join('') }
}

/** Label-only rows after a value row that can be the rest of its label, wrapped under its values. */
const FOLLOWING_LABEL_ROWS = 2

/**
 * Turns the rows of a table's part of the document into value rows: label-only rows become the context of the
 * next value row (a label broken over lines before its numbers). In one-cell-per-line text, consecutive value lines
 * are one row.
 *
 * Example: layout lines "（二）部分公开（区分处理的，只计这一情 形，不", "计其他情形）", "4 0 0 0 0 0 4" → one value row
 * with label '' and context '(二)部分公开(区分处理的,只计这一情 形,不 计其他情形)' (tokens NFKC-folded), 7 values.
 */
export function valueRows (rows: readonly SourceRow[], format: SourceFormat, rowLabels: readonly string[] = []): ValueRow[] {
  const out: ValueRow[] = []
  let pending: string[] = []
  let lastWasValue = false
  for (const printed of rows) {
    if (isNote(printed.text)) continue
    const above = out.at(-1)
    const row = (above !== undefined ? withoutContinuedNumbers(printed, above, rowLabels) : null) ?? printed
    const { label, values } = splitRow(row)
    if (values.length === 0) {
      if (label !== '') {
        // The rest of a label wrapped around its values is a line or two; more is other rows' labels (a table whose
        // text lists its labels first and its values after them, as pdftotext without -layout prints it).
        if (pending.length < FOLLOWING_LABEL_ROWS) {
          const last = out.at(-1)
          if (last !== undefined) last.following += label
        }
        pending.push(label)
      }
      lastWasValue = false
      continue
    }
    // A row of empty cells may be a row printed blank: offered to the alignment, and kept as the context of the next.
    if (values.every((v) => v.source === '')) {
      out.push({ label, context: pending.join(' '), following: '', values: [...values], line: row.line, cellular: true, padded: format === 'pipe' || format === 'markdown', slotsAtEnd: SLOTS_AT_END.has(format), blankOnly: true, laidOut: false })
      if (label !== '') pending.push(label)
      lastWasValue = false
      continue
    }
    const last = out.at(-1)
    if (format === 'cell-per-line' && label === '' && lastWasValue && last !== undefined) {
      for (const value of values) last.values.push(value)
      continue
    }
    out.push({
      label,
      context: pending.join(' '),
      following: '',
      values: [...values],
      line: row.line,
      cellular: row.cells !== null,
      padded: (format === 'pipe' || format === 'markdown') && row.cells !== null,
      slotsAtEnd: SLOTS_AT_END.has(format),
      blankOnly: false,
      laidOut: LAID_OUT.has(format) && row.cells === null
    })
    pending = []
    lastWasValue = true
  }
  return out
}

/** `amount` is in 万元 unless the cell says 元; `amount-yuan` is in 元 (its header says so) unless the cell says 万元. */
type ValueKind = 'count' | 'signed' | 'amount' | 'amount-yuan'

const BLANK = new RegExp(`^(?:|${BLANK_MARKER})$`)

const AMOUNT = /^(\d+(?:\.\d+)?)(万元|元)?$/

/**
 * 元 to 万元 on the decimal digits (the point moves four places), so the result is the exact decimal, not a
 * rounded quotient.
 *
 * Example: `wanFromYuan('251000')` → `25.1`; `wanFromYuan('3.5')` → `0.00035`.
 */
export function wanFromYuan (digits: string): number {
  const [whole = '', fraction = ''] = digits.split('.')
  const padded = whole.padStart(5, '0')
  const point = padded.length - 4
  return Number(`${padded.slice(0, point)}.${padded.slice(point)}${fraction}`)
}

/**
 * Reads one printed value: blank markers ('', "/", "—", "-") are null; a count is a whole number ≥ 0 (thousands
 * separators allowed); a signed count may carry "-" (2019 本年增/减); an amount may have decimals and a unit
 * (元 is converted to 万元 exactly). Anything else is unreadable: undefined.
 *
 * Example: `readValue('1,234', 'count')` → `1234`; `readValue('—', 'count')` → `null`; `readValue('7730.28', 'count')` → `undefined`;
 * `readValue('251000元', 'amount')` → `25.1`.
 */
export function readValue (source: string, kind: ValueKind): Cell | undefined {
  // A bracketed note after the number ("22（其中修订16件）") says what the number counts; the number is the cell.
  const text = source.normalize('NFKC').replace(/\s+/g, '').replace(/(?<=[\d元件个项条])\([^()]*\)$/, '')
  if (BLANK.test(text)) return null
  const plain = text.replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1')
  if (kind === 'count') return /^\d+(?:件|个|项|条)?$/.test(plain) ? Number.parseInt(plain, 10) : undefined
  if (kind === 'signed') return /^[-+]?\d+(?:件|个|项|条)?$/.test(plain) ? Number.parseInt(plain, 10) : undefined
  const amount = AMOUNT.exec(plain)
  if (amount === null) return undefined
  const unit = amount[2] ?? (kind === 'amount-yuan' ? '元' : '万元')
  return unit === '元' ? wanFromYuan(amount[1] ?? '') : Number(amount[1])
}

/** A row of the form: where it goes in the report and what its cells are. */
interface RowSpec extends ExpectedRow {
  readonly path: readonly string[]
  readonly fields: readonly (readonly [string, ValueKind])[]
}

/**
 * The row's values for a row of `width` cells. Empty cells beyond the width are the slots of merged cells: at the
 * end of the row in pipe text and HTML (where flattening puts them), at either end elsewhere (markdown grids put a merged
 * label's slots after it). When dropping them could leave more than one sequence of values, the row is not placed.
 */
function fitValues (row: ValueRow, width: number): RawValue[] | null {
  const values = row.values
  const extra = values.length - width
  if (extra === 0) return [...values]
  if (extra < 0) return null
  const leading = values.findIndex((v) => v.source !== '')
  const lead = leading < 0 ? values.length : leading
  const trail = values.length - 1 - values.findLastIndex((v) => v.source !== '')
  const windows = new Map<string, RawValue[]>()
  for (let fromStart = row.slotsAtEnd ? 0 : Math.min(lead, extra); fromStart >= 0; fromStart--) {
    const fromEnd = extra - fromStart
    if (fromEnd > Math.min(trail, values.length)) continue
    const window = values.slice(fromStart, values.length - fromEnd)
    windows.set(window.map((v) => v.source).join('\u0000'), window)
  }
  return windows.size === 1 ? [...windows.values()][0] ?? null : null
}

/**
 * Columns by which a value may miss the value above or below it in its column: numbers of different lengths centred
 * in their cells, and pdftotext's rounding (it shifts some lines, a new page among them, by a column or two).
 */
const COLUMN_SLACK = 2

/**
 * The columns a laid-out row's values fall in, by a row of the same table printed with every one of its `width`
 * values: each value must overlap exactly one of that row's values (widened by `COLUMN_SLACK` either side), in
 * order, no two in one. Null when any value cannot be placed so.
 */
function columnsBy (row: ValueRow, reference: ValueRow, width: number): number[] | null {
  const columns: number[] = []
  for (const value of row.values) {
    if (value.span === undefined) return null
    const { start, end } = value.span
    const hits = reference.values.flatMap((ref, k) => ref.span !== undefined && start < ref.span.end + COLUMN_SLACK && ref.span.start - COLUMN_SLACK < end ? [k] : [])
    const column = hits.length === 1 ? hits[0] : undefined
    if (column === undefined || column >= width || column <= (columns.at(-1) ?? -1)) return null
    columns.push(column)
  }
  return columns
}

/** Fully printed rows on each side of a row whose columns are compared: pdftotext shifts some lines a few columns. */
const NEAREST_FULL_ROWS = 2

/** The rows nearest to `line` in line order, up to `count` on each side. */
function nearest (rows: readonly ValueRow[], line: number, count: number): ValueRow[] {
  return [...rows.filter((r) => r.line < line).slice(-count), ...rows.filter((r) => r.line > line).slice(0, count)]
}

/**
 * The fully printed rows whose columns another fully printed row near them confirms (each value of one over the same
 * column of the other): a line pdftotext printed shifted confirms none and is no reference.
 */
function confirmedRows (fullRows: readonly ValueRow[], width: number): ValueRow[] {
  return fullRows.filter((row) => nearest(fullRows, row.line, NEAREST_FULL_ROWS)
    .some((other) => columnsBy(row, other, width)?.every((column, i) => column === i) === true))
}

/**
 * A laid-out row printed with fewer values than its width, its blank cells printed as nothing: the values are placed
 * in the columns of the nearest confirmed fully printed rows of the table with as many values (two above it and two
 * below: a table broken over pages may shift its columns), and every other cell is blank. Null unless at least one
 * of those rows places every value and all that do agree.
 */
function placedInColumns (row: ValueRow, width: number, fullRows: readonly ValueRow[]): RawValue[] | null {
  if (!row.laidOut || row.values.length === 0 || row.values.length >= width) return null
  const placements = nearest(confirmedRows(fullRows, width), row.line, NEAREST_FULL_ROWS)
    .map((reference) => columnsBy(row, reference, width))
    .filter((p): p is number[] => p !== null)
  const [columns] = placements
  if (columns === undefined || placements.some((p) => p.join() !== columns.join())) return null
  const placed: RawValue[] = Array.from({ length: width }, () => ({ source: '', line: row.line }))
  columns.forEach((column, i) => { placed[column] = row.values[i] ?? { source: '', line: row.line } })
  return placed
}

/** Lines from a row within which pdftotext may have put part of its values: the label wrapped around them. */
const SPLIT_ROW_LINES = 2

/** A label with no words of its own: nothing, or an item number or punctuation alone ("2.", "”"). */
function isBareLabel (label: string): boolean {
  return label.split(/\s+/).every((piece) => piece === '' || ITEM_NUMBER.test(piece.normalize('NFKC')) || LABEL_PUNCTUATION.test(piece))
}

/**
 * Two value rows that are one row of the form printed over two lines, joined; else null. Laying out a label wrapped
 * over three lines, pdftotext can put some of the row's values on its first line and the rest on the next, beside
 * the item number. The two are one row only when they are at most `SPLIT_ROW_LINES` apart, one of them has no label
 * of its own, and their values, placed by the columns of the table's fully printed rows (`placedInColumns`), fill
 * different columns that together make the whole row.
 */
function joinedRow (first: ValueRow, second: ValueRow, width: number, fullRows: readonly ValueRow[]): ValueRow | null {
  if (second.line - first.line > SPLIT_ROW_LINES || first.values.length + second.values.length !== width) return null
  if (!isBareLabel(first.label) && !isBareLabel(second.label)) return null
  const above = placedInColumns(first, width, fullRows)
  const below = placedInColumns(second, width, fullRows)
  if (above === null || below === null) return null
  const values = above.map((value, column) => (value.source !== '' ? value : below[column]))
  if (!values.every((value) => value !== undefined && value.source !== '')) return null
  return { ...first, label: [first.label, second.label].filter((label) => label !== '').join(' '), following: first.following + second.following, values: values as RawValue[] }
}

/**
 * The laid-out value rows of a table whose rows all have `width` values, with each row that pdftotext split over two
 * lines joined back into one (`joinedRow`). Rows of other formats are left as they are.
 */
function joinSplitRows (rows: readonly ValueRow[], width: number): ValueRow[] {
  const fullRows = rows.filter((row) => row.laidOut && row.values.length === width)
  const out: ValueRow[] = []
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]
    const next = rows[k + 1]
    if (row === undefined) continue
    const joined = next !== undefined && row.laidOut && next.laidOut ? joinedRow(row, next, width, fullRows) : null
    out.push(joined ?? row)
    if (joined !== null) k++
  }
  return out
}

/**
 * Whether an unmatched value line is close to a matched row, on its side of the matched rows either side of it:
 * then the row's empty columns may be where that line's values belong, and are not read as blanks.
 */
function hasNearbyStray (row: ValueRow, matchedLines: readonly number[], strays: readonly ValueRow[]): boolean {
  const above = Math.max(-Infinity, ...matchedLines.filter((line) => line < row.line))
  const below = Math.min(Infinity, ...matchedLines.filter((line) => line > row.line))
  return strays.some((stray) => stray.line > above && stray.line < below && Math.abs(stray.line - row.line) <= SPLIT_ROW_LINES)
}

/**
 * Whether a laid-out row printed with all its values has each of them in its own column, in order, by a confirmed
 * fully printed row near it: in a table of columns too narrow for its numbers, pdftotext can print two cells' values
 * out of order ("1 12" for 12 and 1).
 */
function inItsColumns (row: ValueRow, width: number, fullRows: readonly ValueRow[]): boolean {
  return nearest(confirmedRows(fullRows, width), row.line, NEAREST_FULL_ROWS)
    .some((reference) => columnsBy(row, reference, width)?.every((column, i) => column === i) === true)
}

/** A value row's score for a spec: its label score, lowered when its number of values cannot be that row's. */
function fittedScore (spec: RowSpec, row: ValueRow): number {
  return rowScore(spec, row) - (fitValues(row, spec.fields.length) === null ? 0.3 : 0)
}

interface LayoutChoice {
  readonly specs: readonly RowSpec[]
  readonly quality: number
  readonly alignment: ReturnType<typeof alignRows>
}

function chooseLayout (layouts: readonly (readonly RowSpec[])[], rows: readonly ValueRow[], bonus: readonly number[]): LayoutChoice {
  const choices = layouts.map((specs, i) => {
    const alignment = alignRows(specs, rows, fittedScore)
    return { specs, alignment, quality: alignment.quality + (bonus[i] ?? 0) }
  })
  return choices.reduce((a, b) => (b.quality > a.quality ? b : a))
}

/** Which table a reader is reading, for messages, and the region of the source it looked in. */
interface TableContext {
  readonly zh: string
  readonly en: string
  readonly region: SourceRegion | undefined
}

/**
 * Reads one printed value into its cell, or logs the cell unread (a value that is not a number is never guessed).
 * Returns whether it was read.
 */
function readCell (log: ParseLog, cellPointer: string, raw: RawValue, kind: ValueKind, where: string, whereEn: string, region: SourceRegion | undefined): boolean {
  const value = readValue(raw.source, kind)
  if (value === undefined) {
    logUnread(log, {
      pointer: cellPointer,
      reason: 'not-a-number',
      message: `${where}“${raw.source}”（第${raw.line}行）无法识别为数值`,
      messageEn: `${whereEn} ("${raw.source}", line ${raw.line}) is not a number`,
      line: raw.line,
      source: raw.source,
      ...(region !== undefined ? { region } : {})
    })
    return false
  }
  logCell(log, cellPointer, value, raw.source, raw.line)
  return true
}

/**
 * Reads the aligned rows cell by cell: each value of a matched row of the right width goes to its pointer; the
 * cells of a row not found, or found with the wrong number of values, are logged unread with where they were
 * looked for, and so is a single value that is not a number (its neighbours are still read). False when the table is
 * unread as a whole.
 */
function readAligned (choice: LayoutChoice, rows: readonly ValueRow[], log: ParseLog, table: TableContext, format: SourceFormat): boolean {
  if (format === 'cell-per-line' && !regularCells(choice, rows)) {
    // No cell is placed, so which template's rows the table has is not known either: it is unread as a whole.
    logUnread(log, {
      pointer: `/${choice.specs[0]?.path[0] ?? ''}`,
      reason: 'value-count',
      message: `${table.zh}每格一行，但并非每行都恰有其数值，无法确定各数值所属的行`,
      messageEn: `${table.en} prints a cell per line, but not every row has its number of values right after it, so no value can be put in its row`,
      ...(table.region !== undefined ? { region: table.region } : {})
    })
    return false
  }
  const matched = choice.specs.map((spec, i) => {
    const match = choice.alignment.matches[i]
    return match == null ? undefined : rows[match.observed]
  })
  /** The laid-out rows matched to a spec of this width and printed with all their values, in line order. */
  const fullRows = (width: number): ValueRow[] => matched
    .filter((row, i): row is ValueRow => row !== undefined && row.laidOut && row.values.length === width && choice.specs[i]?.fields.length === width)
    .sort((a, b) => a.line - b.line)
  const matchedLines = matched.flatMap((row) => row === undefined ? [] : [row.line])
  // A table whose cells wrap numbers is printed in columns too narrow for them, where pdftotext also runs neighbouring
  // cells together ("3" and "9" as "39"): no cell left empty there is read as a blank by its column.
  const wrapsNumbers = rows.some((row) => row.values.some((value) => value.source.includes(UNDECIDED)))
  const strays = choice.alignment.extra.flatMap((j) => {
    const row = rows[j]
    return row !== undefined && row.laidOut && !row.blankOnly && row.values.length > 0 ? [row] : []
  })
  choice.specs.forEach((spec, i) => {
    const match = choice.alignment.matches[i]
    const row = match == null ? undefined : rows[match.observed]
    const unreadRow = (reason: UnreadReason, message: string, messageEn: string, line?: number): void => {
      for (const [field] of spec.fields) {
        logUnread(log, {
          pointer: pointer(...spec.path, field),
          reason,
          message,
          messageEn,
          ...(line !== undefined ? { line } : {}),
          ...(table.region !== undefined ? { region: table.region } : {})
        })
      }
    }
    if (match == null || row === undefined) {
      unreadRow('not-found', `${table.zh}未找到“${spec.label}”行`, `${table.en}: row "${spec.label}" not found`)
      return
    }
    const width = spec.fields.length
    const fitted = fitValues(row, width)
    const placed = fitted === null && !wrapsNumbers && !hasNearbyStray(row, matchedLines, strays) ? placedInColumns(row, width, fullRows(width)) : null
    const values = fitted ?? placed
    if (fitted !== null && wrapsNumbers && row.laidOut && !inItsColumns(row, width, fullRows(width))) {
      unreadRow('value-count',
        `${table.zh}“${spec.label}”行（第${row.line}行）的数值未对齐各列（列宽过窄，数值可能错位）`,
        `${table.en}: the values of row "${spec.label}" (line ${row.line}) do not sit in their columns (columns too narrow; values may be out of place)`, row.line)
      return
    }
    if (values === null) {
      unreadRow('value-count',
        `${table.zh}“${spec.label}”行（第${row.line}行）应有${spec.fields.length}个数值，读到${row.values.length}个`,
        `${table.en}: row "${spec.label}" (line ${row.line}) should have ${spec.fields.length} values, found ${row.values.length}`, row.line)
      return
    }
    if (row.padded && values.at(-1)?.source === '') warnTrailingBlank(log, table, row.line, pointer(...spec.path, spec.fields.at(-1)?.[0] ?? ''))
    if (placed !== null) warnPlacedBlanks(log, table, row.line, spec, placed)
    spec.fields.forEach(([field, kind], f) => {
      readCell(log, pointer(...spec.path, field), values[f] ?? { source: '', line: row.line }, kind,
        `${table.zh}“${spec.label}”行第${f + 1}个数值`, `${table.en}: value ${f + 1} of row "${spec.label}"`, table.region)
    })
    log.scores.push(match.score)
  })
  for (const j of choice.alignment.extra) {
    const row = rows[j]
    if (row === undefined || row.blankOnly) continue
    logProblem(log, 'warning', `${table.zh}第${row.line}行的数值（${row.values.map((v) => v.source).join(' ')}）无法对应到表格行，已忽略`,
      `${table.en}: the values on line ${row.line} (${row.values.map((v) => v.source).join(' ')}) match no row of the form and were ignored`)
  }
  return true
}

/**
 * Whether a table printed a cell per line reads row by row: every row of the form found has exactly its number of
 * values, and no values are left over. Text with nothing but the order of its lines to go by (pdftotext without
 * -layout prints some rows' values before their labels) is otherwise read wrongly from the first row out of step on.
 */
function regularCells (choice: LayoutChoice, rows: readonly ValueRow[]): boolean {
  const fitted = choice.specs.every((spec, i) => {
    const match = choice.alignment.matches[i]
    const row = match == null ? undefined : rows[match.observed]
    return row === undefined || row.values.length === spec.fields.length
  })
  return fitted && choice.alignment.extra.every((j) => rows[j]?.blankOnly !== false)
}

/** Why a whole table is unread: no values where it was looked for, or text whose order cannot place them. */
type UnreadTable = 'not-found' | 'by-columns' | 'none-per-line'

const UNREAD_TABLE: Readonly<Record<UnreadTable, (table: TableContext) => { message: string, messageEn: string }>> = {
  'not-found': (table) => ({ message: `${table.zh}的位置未找到数据`, messageEn: `${table.en} has no values where it was looked for` }),
  'by-columns': (table) => ({
    message: `${table.zh}的各行名称连续排列、数值另列于后（按列输出的文本），无法确定数值所属的行`,
    messageEn: `${table.en} prints its row labels one after another and its values after them (text output column by column), so no value can be put in its row`
  }),
  'none-per-line': (table) => ({
    message: `${table.zh}每格一行，并以“无”表示空格：无法确定“无”及其前后数值所属的行`,
    messageEn: `${table.en} prints a cell per line and 无 for a blank, so neither 无 nor the values around it can be put in their rows`
  })
}

/** Logs a whole table unread: its part was found but holds no values, or none that can be put in its rows. */
function unreadTable (log: ParseLog, part: string, table: TableContext, why: UnreadTable = 'not-found'): void {
  logUnread(log, {
    pointer: `/${part}`,
    reason: 'not-found',
    ...UNREAD_TABLE[why](table),
    ...(table.region !== undefined ? { region: table.region } : {})
  })
}

/**
 * Why text printed a cell per line cannot place a table's values, if it cannot: its labels run on with no value
 * between them (`printedByColumns`), or a line holds 无 — a blank in a Chinese font, which pdftotext's reading order
 * can move away from its row with the value beside it (seen: table 四's 无 after its last value, alone and as "无 26",
 * and table 二's before the value of the row below), so that neither 无 nor the numbers around it are known to be in
 * place.
 */
function unplaceable (region: readonly SourceRow[], layouts: readonly (readonly RowSpec[])[], format: SourceFormat): UnreadTable | null {
  if (printedByColumns(region, layouts)) return 'by-columns'
  if (format === 'cell-per-line' && region.some((row) => row.text.normalize('NFKC').trim().split(/\s+/).includes(NONE))) return 'none-per-line'
  return null
}

/** Rows of the form whose labels, one after another with no value between them, show a table printed by columns. */
const LABELS_IN_A_ROW = 4

/** How close a label-only line must be to a row's label to be that row's label printed alone. */
const OWN_LABEL_SCORE = 0.8

/** Characters a row's label needs to tell it apart from a header's words ("其他" and "总计" are both). */
const DISTINCT_LABEL = 4

/**
 * Whether the table's text lists the labels of `LABELS_IN_A_ROW` rows of the form or more one after another, with
 * no value between them: then its values come after them column by column (as pdftotext without -layout prints a
 * ruled table), and which row a value is in cannot be read from the text. Lines that are no row's label (headers, a
 * label's wrapped rest) neither count nor break the run; nor do short labels, which headers share.
 */
function printedByColumns (rows: readonly SourceRow[], layouts: readonly (readonly RowSpec[])[]): boolean {
  let run = 0
  for (const row of rows) {
    const { label, values } = splitRow(row)
    if (values.length > 0) run = 0
    else if (label !== '' && layouts.some((specs) => specs.some((spec) => [...spec.label].length >= DISTINCT_LABEL && labelScore(spec.label, label) >= OWN_LABEL_SCORE))) run++
    if (run >= LABELS_IN_A_ROW) return true
  }
  return false
}

/** A laid-out row's empty cells, read as blanks by the columns of the rows around it: said, cell by cell. */
function warnPlacedBlanks (log: ParseLog, table: TableContext, line: number, spec: RowSpec, placed: readonly RawValue[]): void {
  placed.forEach((value, f) => {
    if (value.source !== '') return
    logProblem(log, 'warning', `${table.zh}“${spec.label}”行（第${line}行）第${f + 1}列未印数值，按所在列读作空白`,
      `${table.en}: row "${spec.label}" (line ${line}) prints nothing in column ${f + 1}; by the columns of the rows around it, it was read as a blank`,
      pointer(...spec.path, spec.fields[f]?.[0] ?? ''))
  })
}

/** In pipe text an empty last cell is read as a blank, but it may be a merged cell's padding hiding a lost value. */
function warnTrailingBlank (log: ParseLog, table: { readonly zh: string, readonly en: string }, line: number, cellPointer: string): void {
  logProblem(log, 'warning', `${table.zh}第${line}行末尾的空单元格按空白读取（也可能是合并单元格留下的空位，数值缺失）`,
    `${table.en}: the empty last cell on line ${line} was read as a blank (it may be padding from merged cells hiding a missing value)`, cellPointer)
}

const COUNTS = (keys: readonly string[]): (readonly [string, ValueKind])[] => keys.map((k) => [k, 'count'] as const)

const PROACTIVE_2021: readonly RowSpec[] = [
  { key: 'regulations', label: '规章', path: ['proactive', 'regulations'], fields: COUNTS(['issued', 'repealed', 'inForce']) },
  { key: 'normativeDocuments', label: '行政规范性文件', path: ['proactive', 'normativeDocuments'], fields: COUNTS(['issued', 'repealed', 'inForce']) },
  { key: 'licensing', label: '行政许可', path: ['proactive', 'licensing'], fields: COUNTS(['decisions']) },
  { key: 'penalties', label: '行政处罚', path: ['proactive', 'penalties'], fields: COUNTS(['decisions']) },
  { key: 'coercion', label: '行政强制', path: ['proactive', 'coercion'], fields: COUNTS(['decisions']) },
  { key: 'fees', label: '行政事业性收费', path: ['proactive', 'fees'], fields: [['amountWan', 'amount']] }
]

const ITEMS_2019: readonly (readonly [string, ValueKind])[] = [['previousItems', 'count'], ['change', 'signed'], ['decisions', 'count']]

function proactive2019 (procurementAmount: ValueKind): readonly RowSpec[] {
  return [
    { key: 'regulations', label: '规章', path: ['proactive', 'regulations'], fields: COUNTS(['newlyMade', 'newlyPublished', 'totalPublic']) },
    { key: 'normativeDocuments', label: '规范性文件', path: ['proactive', 'normativeDocuments'], fields: COUNTS(['newlyMade', 'newlyPublished', 'totalPublic']) },
    { key: 'licensing', label: '行政许可', path: ['proactive', 'licensing'], fields: ITEMS_2019 },
    { key: 'otherServices', label: '其他对外管理服务事项', path: ['proactive', 'otherServices'], fields: ITEMS_2019 },
    { key: 'penalties', label: '行政处罚', path: ['proactive', 'penalties'], fields: ITEMS_2019 },
    { key: 'coercion', label: '行政强制', path: ['proactive', 'coercion'], fields: ITEMS_2019 },
    { key: 'fees', label: '行政事业性收费', path: ['proactive', 'fees'], fields: [['previousItems', 'count'], ['change', 'signed']] },
    { key: 'procurement', label: '政府集中采购', path: ['proactive', 'procurement'], fields: [['projects', 'count'], ['amountWan', procurementAmount]] }
  ]
}

const WORDS_2021 = /制发|废止|现行有效/
const WORDS_2019 = /新制作|新公开|对外公开总数|上一年项目数|集中采购/

/**
 * What the procurement amounts of a 2019 table 二 are printed in, by its header: 元 or 万元; unsaid, 万元 (the unit the
 * report stores) with a warning — unless the cell itself prints its unit.
 */
function procurementUnit (text: string, rows: readonly ValueRow[], log: ParseLog): ValueKind {
  const header = /采购总金额[^0-9]{0,12}/.exec(text)?.[0] ?? ''
  if (/万元/.test(header)) return 'amount'
  if (/元/.test(header)) return 'amount-yuan'
  const printsUnit = rows.some((r) => labelScore('政府集中采购', r.label) >= MATCH_THRESHOLD && r.values.some((v) => /元$/.test(v.source)))
  if (!printsUnit) {
    logProblem(log, 'warning', '表二“政府集中采购”未注明采购总金额单位，按万元读取',
      'Table 2: the unit of the procurement amount is not printed; it was read as 万元', '/proactive/procurement/amountWan')
  }
  return 'amount'
}

/** The labels of table 二's rows in either template. */
const PROACTIVE_LABELS = [...PROACTIVE_2021, ...proactive2019('amount')].map((spec) => spec.label)

/**
 * Reads table 二 (主动公开) in whichever layout fits: 2021 (规章/行政规范性文件 制发·废止·现行有效; 许可, 处罚, 强制 决定数;
 * 收费金额) or 2019 (规章/规范性文件 新制作·新公开·总数; 项目数 and 增减; 收费; 集中采购). The header words tip the balance.
 * A 2019 procurement amount printed in 元 is converted to 万元. Every cell read is logged; the layout is returned,
 * or null when the part holds no values.
 *
 * Example: the seed's rows "规章 | 0 | 0 | 0 |" … "行政事业性收费 | 0 |" → '2021', with `/proactive/regulations/issued` 0 …
 * `/proactive/fees/amountWan` 0 in `log.values`.
 */
export function readProactive (region: readonly SourceRow[], format: SourceFormat, log: ParseLog): Template | null {
  const rows = valueRows(region, format, PROACTIVE_LABELS)
  const table = { zh: '表二', en: 'Table 2', region: regionOf(region) }
  if (rows.length === 0) {
    unreadTable(log, 'proactive', table)
    return null
  }
  const text = normalizeLabel(region.map((r) => r.text).join(''))
  const is2019 = WORDS_2019.test(text)
  const layout2019 = proactive2019(is2019 ? procurementUnit(text, rows, log) : 'amount')
  const unplaced = unplaceable(region, [PROACTIVE_2021, layout2019], format)
  if (unplaced !== null) {
    unreadTable(log, 'proactive', table, unplaced)
    return null
  }
  const choice = chooseLayout([PROACTIVE_2021, layout2019], rows, [WORDS_2021.test(text) ? 1 : 0, is2019 ? 1 : 0])
  if (!readAligned(choice, rows, log, table, format)) return null
  return choice.specs === PROACTIVE_2021 ? '2021' : '2019'
}

const ROW7 = APPLICANT_COLUMNS.map((c) => [c, 'count'] as const)

/** The item markers the form prints on a row of table 三: its part (一、…四、), its group (（一）…（七）), its number. */
interface Markers {
  readonly part?: string
  readonly group?: string
  readonly number?: string
}

function requestSpec (key: string, label: string, path: readonly string[], markers: Markers): RowSpec {
  return { key, label, path: ['requests', ...path], fields: ROW7, ...markers }
}

const REQUESTS_HEAD: readonly RowSpec[] = [
  requestSpec('newReceived', '本年新收政府信息公开申请数量', ['newReceived'], { part: '一' }),
  requestSpec('carriedOver', '上年结转政府信息公开申请数量', ['carriedOver'], { part: '二' }),
  requestSpec('granted', '予以公开', ['outcomes', 'granted'], { part: '三', group: '一' }),
  requestSpec('partiallyGranted', '部分公开', ['outcomes', 'partiallyGranted'], { part: '三', group: '二' }),
  ...[
    ['stateSecret', '属于国家秘密'], ['lawProhibited', '其他法律行政法规禁止公开'], ['securityStability', '危及三安全一稳定'],
    ['thirdParty', '保护第三方合法权益'], ['internalAffairs', '属于三类内部事务信息'], ['processInfo', '属于四类过程性信息'],
    ['enforcementFile', '属于行政执法案卷'], ['adminQuery', '属于行政查询事项']
  ].map(([key = '', label = ''], i) => requestSpec(`denied.${key}`, label, ['outcomes', 'denied', key], { part: '三', group: '三', number: String(i + 1) })),
  ...[
    ['notHeld', '本机关不掌握相关政府信息'], ['needCreation', '没有现成信息需要另行制作'], ['unclear', '补正后申请内容仍不明确']
  ].map(([key = '', label = ''], i) => requestSpec(`unable.${key}`, label, ['outcomes', 'unable', key], { part: '三', group: '四', number: String(i + 1) })),
  ...[
    ['petition', '信访举报投诉类申请'], ['duplicate', '重复申请'], ['publication', '要求提供公开出版物'],
    ['massRepeat', '无正当理由大量反复申请'], ['confirm', '要求行政机关确认或重新出具已获取信息']
  ].map(([key = '', label = ''], i) => requestSpec(`rejected.${key}`, label, ['outcomes', 'rejected', key], { part: '三', group: '五', number: String(i + 1) }))
]

const REQUESTS_TAIL: readonly RowSpec[] = [
  requestSpec('total', '总计', ['outcomes', 'total'], { part: '三', group: '七' }),
  requestSpec('carriedForward', '结转下年度继续办理', ['carriedForward'], { part: '四' })
]

const REQUESTS_2021: readonly RowSpec[] = [
  ...REQUESTS_HEAD,
  requestSpec('other.noCorrection', '申请人无正当理由逾期不补正', ['outcomes', 'other', 'noCorrection'], { part: '三', group: '六', number: '1' }),
  requestSpec('other.feeUnpaid', '申请人逾期未按收费通知要求缴纳费用', ['outcomes', 'other', 'feeUnpaid'], { part: '三', group: '六', number: '2' }),
  requestSpec('other.misc', '其他', ['outcomes', 'other', 'misc'], { part: '三', group: '六', number: '3' }),
  ...REQUESTS_TAIL
]

const REQUESTS_2019: readonly RowSpec[] = [...REQUESTS_HEAD, requestSpec('other', '其他处理', ['outcomes', 'other'], { part: '三', group: '六' }), ...REQUESTS_TAIL]

/**
 * Reads table 三 (收到和处理政府信息公开申请情况): 25 rows of 7 values in the 2021 layout, or 23 with the single 2019
 * （六）其他处理 row — whichever the labels fit better. Every cell read is logged; returns the layout, or null when
 * the part holds no values.
 *
 * Example: the seed → '2021', with `/requests/newReceived/total` 10 in `log.values`; 洪泽区 2023 (single （六） row) → '2019'.
 */
export function readRequests (region: readonly SourceRow[], format: SourceFormat, log: ParseLog): Template | null {
  const rows = joinSplitRows(valueRows(region, format, [...REQUESTS_2021, ...REQUESTS_2019].map((spec) => spec.label)), APPLICANT_COLUMNS.length)
  const table = { zh: '表三', en: 'Table 3', region: regionOf(region) }
  if (rows.length === 0) {
    unreadTable(log, 'requests', table)
    return null
  }
  const unplaced = unplaceable(region, [REQUESTS_2021, REQUESTS_2019], format)
  if (unplaced !== null) {
    unreadTable(log, 'requests', table, unplaced)
    return null
  }
  const choice = chooseLayout([REQUESTS_2021, REQUESTS_2019], rows, [0, 0])
  if (!readAligned(choice, rows, log, table, format)) return null
  if (log.unread.some((part) => part.pointer.startsWith(`${OTHER_OUTCOMES}/`))) {
    unreadOtherOutcomes(log, table)
    return null
  }
  return choice.specs === REQUESTS_2021 ? '2021' : '2019'
}

const OTHER_OUTCOMES = '/requests/outcomes/other'

/**
 * （六）其他处理 is the one part of table 三 the two forms print differently: one row (2019) or three (2021). The reader
 * tells them apart by those rows' labels, so when a cell of them is unread, which form the table has is not known
 * either (LibreOffice's PDFs, a page break through the three rows, had it taken for one row, and the three rows'
 * cells were then neither read nor said): the part is unread as a whole, what was read of it left out, and the
 * table's template undecided.
 */
function unreadOtherOutcomes (log: ParseLog, table: TableContext): void {
  const inPart = (pointer: string | undefined): boolean => pointer !== undefined && pointer.startsWith(`${OTHER_OUTCOMES}/`)
  const first = log.unread.find((part) => inPart(part.pointer))
  const keep = <T extends { readonly pointer?: string }>(list: T[]): void => {
    const kept = list.filter((entry) => !inPart(entry.pointer))
    list.splice(0, list.length, ...kept)
  }
  keep(log.unread)
  keep(log.problems)
  keep(log.cells)
  for (const pointer of [...log.values.keys()]) if (inPart(pointer)) log.values.delete(pointer)
  logUnread(log, {
    pointer: OTHER_OUTCOMES,
    reason: first?.reason ?? 'value-count',
    message: `${table.zh}“（六）其他处理”各行未能全部读出，无法确定其为一行（2019年格式）还是三行（2021年格式）`,
    messageEn: `${table.en}: the rows of "(六) 其他处理" could not all be read, so whether it is one row (2019 form) or three (2021 form) is not known`,
    ...(table.region !== undefined ? { region: table.region } : {})
  })
}

/**
 * Whether, in text printed a cell per line, a label line comes between the first and the last of the value rows: table
 * 四 prints its header and then its one row of values, so its text runs down the columns instead (pdftotext without
 * -layout prints each header column with the value under it), and the values are not in the row's order.
 */
function labelsAmongValues (region: readonly SourceRow[], rows: readonly ValueRow[]): boolean {
  const first = rows[0]?.line ?? 0
  const last = rows.at(-1)?.line ?? 0
  return region.some((row) => row.line > first && row.line < last && !isNote(row.text) && splitRow(row).label !== '')
}

/**
 * Reads table 四 (行政复议、行政诉讼): its one printed row of 15 values — 行政复议, 未经复议直接起诉, 复议后起诉, each
 * 维持/纠正/其他/尚未审结/总计 — from all value rows of its part in order (a row broken over lines still reads).
 * Empty trailing cells beyond 15 are colspan padding. Unless exactly 15 values are found, no cell can be placed and
 * all 15 are logged unread.
 *
 * Example: the seed's row "1 | 0 | 0 | 0 | 1 | 0 | … | 0 |" → `/reviewLitigation/review/upheld` 1, … in `log.values`.
 */
export function readReviewLitigation (region: readonly SourceRow[], format: SourceFormat, log: ParseLog): void {
  const all = valueRows(region, format)
  // Rows of empty cells are header padding, unless the table has no other values: then its unlabelled row is the blank data row.
  const printed = all.filter((r) => !r.blankOnly)
  const rows = printed.length > 0 ? printed : all.filter((r) => r.label === '')
  const values = rows.flatMap((r) => r.values)
  while (values.length > 15 && values.at(-1)?.source === '') values.pop()
  const table = { zh: '表四', en: 'Table 4', region: regionOf(region) }
  const unplaced = format === 'cell-per-line' && labelsAmongValues(region, rows) ? 'by-columns' : unplaceable(region, [], format)
  if (unplaced !== null) {
    unreadTable(log, 'reviewLitigation', table, unplaced)
    return
  }
  const last = rows.at(-1)
  if (values.length === 15 && last?.padded === true && values.at(-1)?.source === '') {
    warnTrailingBlank(log, table, last.line, '/reviewLitigation/suitAfterReview/total')
  }
  CASE_GROUPS.forEach((group, g) => {
    CASE_FIELDS.forEach((field, f) => {
      const n = g * CASE_FIELDS.length + f + 1
      const cellPointer = pointer('reviewLitigation', group, field)
      const raw = values[n - 1]
      if (values.length === 15 && raw !== undefined) {
        readCell(log, cellPointer, raw, 'count', `表四第${n}个数值`, `Table 4: value ${n}`, table.region)
        return
      }
      logUnread(log, {
        pointer: cellPointer,
        reason: values.length === 0 ? 'not-found' : 'value-count',
        message: values.length === 0 ? '未找到表四（行政复议、行政诉讼情况）的数据' : `表四应有15个数值，读到${values.length}个`,
        messageEn: values.length === 0 ? 'Table 4 (reviews and lawsuits) has no values' : `Table 4 should have 15 values, found ${values.length}`,
        ...(table.region !== undefined ? { region: table.region } : {})
      })
    })
  })
  if (values.length === 15) log.scores.push(1)
}
