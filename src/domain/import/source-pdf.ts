/**
 * A PDF's text layer to the text the layout reader takes: the positioned text items of each page (what a PDF
 * library extracts) are grouped into lines by their baselines, ordered left to right, and laid out in columns
 * the way `pdftotext -layout` prints them — a gap between two items on a line becomes spaces in proportion to
 * its width, so table cells stay apart and a paragraph's indented first line stays indented. The result goes
 * through the same reading as layout text, so a PDF and its `pdftotext -layout` text give the same report.
 * Where a page's tables are ruled (their borders drawn), each table row is read by its cells instead, as an HTML
 * table is: a cell printed empty is then known to be a blank, which columns of spaces cannot tell.
 */
import { compactSpaces } from '../narrative.js'
import { startsWithItemMarker } from './labels.js'
import { cellAt, ruledGrids } from './pdf-grid.js'
import type { PdfRule, RuledGrid } from './pdf-grid.js'
import { textRows } from './source-text.js'
import { UNDECIDED } from './types.js'
import type { SourceRow } from './types.js'

/** One run of text as placed on a page: its baseline origin (PDF units, y upwards), its extent and font size. */
export interface PdfTextItem {
  readonly text: string
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  /** Horizontal text when false; vertical runs (a merged label printed top to bottom) are not part of a line. */
  readonly vertical: boolean
}

export interface PdfPage {
  readonly items: readonly PdfTextItem[]
  /** The straight lines drawn on the page, table borders among them (none when they were not read). */
  readonly rules?: readonly PdfRule[]
}

/** Printed characters a page must carry on average for the PDF to count as having a text layer. */
const TEXT_LAYER_MINIMUM = 20

/**
 * True when the pages carry (almost) no text: a scanned PDF, whose pages are pictures. Page numbers a scanner
 * stamps on do not make a text layer.
 *
 * Example: `lacksTextLayer([{ items: [] }, { items: [] }])` → true.
 */
export function lacksTextLayer (pages: readonly PdfPage[]): boolean {
  const printed = pages.reduce((sum, page) => sum + page.items.reduce((n, item) => n + item.text.replace(/\s+/g, '').length, 0), 0)
  return printed < TEXT_LAYER_MINIMUM * Math.max(1, pages.length)
}

interface Line {
  readonly y: number
  readonly height: number
  readonly items: PdfTextItem[]
}

/**
 * Groups a page's items into lines: items whose baselines lie within a third of the smaller font size of each
 * other are one line (a value centred in a taller cell sits a point or two off its label's baseline; the second
 * line of a wrapped label sits a whole line lower). Lines run top to bottom, items left to right.
 */
function pageLines (page: PdfPage): Line[] {
  const items = page.items
    .filter((item) => !item.vertical && item.text.trim() !== '')
    .sort((a, b) => b.y - a.y || a.x - b.x)
  const lines: Line[] = []
  for (const item of items) {
    const size = item.height > 0 ? item.height : 10
    const line = lines.find((candidate) => Math.abs(candidate.y - item.y) <= Math.min(candidate.height, size) / 3)
    if (line === undefined) {
      lines.push({ y: item.y, height: size, items: [item] })
    } else {
      line.items.push(item)
    }
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x)
  return lines.sort((a, b) => b.y - a.y)
}

/** Lines that must start at an x for it to be the left margin: one stray line further left is a page number. */
const MARGIN_LINES = 2

/**
 * The left margin, from which indentation is measured: the leftmost x (to the point) where `MARGIN_LINES` lines or
 * more start. Not the x where most lines start: in a table of narrow cells most lines are the pieces of labels
 * wrapped in an inner column, and a margin there would print everything left of it in column 0.
 */
function leftMargin (lines: readonly Line[]): number {
  const starts = new Map<number, number>()
  for (const line of lines) {
    const x = Math.round(line.items[0]?.x ?? 0)
    starts.set(x, (starts.get(x) ?? 0) + 1)
  }
  const shared = [...starts].filter(([, count]) => count >= MARGIN_LINES).map(([x]) => x)
  return shared.length > 0 ? Math.min(...shared) : starts.size > 0 ? Math.min(...starts.keys()) : 0
}

/** Widest a printed line may be, in columns: a landscape page in 4-point type is about 400; coordinates beyond are no layout. */
const MAX_COLUMNS = 2000

/**
 * Prints one line in columns half a font size wide (a digit's width), counted from the margin: its indentation,
 * then its items, with one space for a narrow gap (a word space, "第 711 号"), overlapping items run together. After
 * a column gap (half a font size or more) an item starts at the column of its x, as `pdftotext -layout` places it:
 * a table's values then sit in the same columns on every line, whatever the text before them (a Chinese character
 * is one character but two columns wide), and a cell printed empty leaves its columns empty.
 */
function printLine (line: Line, margin: number): string {
  const half = line.height / 2
  const columnOf = (x: number): number => Math.min(MAX_COLUMNS, Math.max(0, Math.round((x - margin) / half)))
  const first = line.items[0]
  if (first === undefined) return ''
  let text = ' '.repeat(columnOf(first.x))
  let end = first.x
  for (const item of line.items) {
    const gap = item.x - end
    if (text.trim() !== '' && gap > line.height / 8) text += ' '.repeat(gap >= half ? Math.max(1, columnOf(item.x) - text.length) : 1)
    text += item.text
    end = Math.max(end, item.x + item.width)
  }
  return text.replace(/\s+$/, '')
}

/** The pages' lines, and each printed as laid-out text. */
function laidOutPages (pages: readonly PdfPage[]): { lines: Line[][], printed: string[][] } {
  const lines = pages.map(pageLines)
  const margin = leftMargin(lines.flat())
  return { lines, printed: lines.map((page) => page.map((line) => printLine(line, margin))) }
}

/** The printed pages as one text: a line per printed line, pages separated by a form feed (as pdftotext does). */
function joinedPages (printed: readonly (readonly string[])[]): string {
  return printed.map((page) => page.join('\n')).join('\n\f')
}

/**
 * Lays the pages out as text, one line per printed line, pages separated by a form feed (as pdftotext does).
 *
 * Example: a page with "规章" at x 81 and "0" at x 282, 377, 466 on one baseline (12 pt) →
 * `'规章                                0              0              0'` (columns 34, 49 and 64: 6 points each).
 */
export function pdfLayoutText (pages: readonly PdfPage[]): string {
  return joinedPages(laidOutPages(pages).printed)
}

/** A row of a ruled table, with the sides of each of its own cells (those starting in it), in the order of `cells`. */
interface RuledRow {
  readonly row: SourceRow & { readonly cells: readonly string[] }
  readonly sides: readonly (readonly [left: number, right: number])[]
}

/** A ruled table read off a page: its grid, its rows, the laid-out lines they replace, and the first of those lines. */
interface RuledTable {
  readonly grid: RuledGrid
  readonly first: number
  readonly lines: ReadonlySet<number>
  readonly rows: readonly RuledRow[]
}

/** Where an item sits: the grid of the page and the cell of it, or null outside every grid. */
interface Placement {
  readonly grid: number
  readonly cell: number
}

/**
 * How far above its baseline an item's glyphs are centred, as a share of its size: CJK glyphs run from about a
 * tenth of the size below the baseline to nine tenths above, digits from the baseline to seven tenths.
 */
const GLYPH_CENTRE = 0.35

/**
 * The cell an item is printed in: the one holding the centre of its glyphs, provided the item lies within the
 * cell's sides (a run of text reaching into the next cell, such as a whole row printed as one string, is in none).
 */
function placement (grids: readonly RuledGrid[], item: PdfTextItem, size: number): Placement | null {
  const x = item.x + item.width / 2
  const y = item.y + size * GLYPH_CENTRE
  for (let grid = 0; grid < grids.length; grid++) {
    const found = grids[grid]
    if (found === undefined) continue
    const cell = cellAt(found, x, y)
    const box = found.cells[cell]
    if (box === undefined) continue
    const slack = Math.min(size / 2, (box.right - box.left) / 4)
    return item.x >= box.left - slack && item.x + item.width <= box.right + slack ? { grid, cell } : { grid, cell: -1 }
  }
  return null
}

/**
 * A cell's text as a laid-out line of it reads (radicals put back to ideographs, no-break spaces as spaces), with
 * spaces only where neither side is Chinese, as an HTML cell's; null when the cleaning leaves nothing of a
 * printed text (a page number pattern), which would make the cell look blank.
 */
function cellText (pieces: readonly string[]): string | null {
  const joined = pieces.join(' ')
  if (joined.trim() === '') return ''
  const [row] = textRows(joined.replace(/[\r\n]/g, ' '), 'layout')
  if (row === undefined) return null
  const text = compactSpaces(row.text)
  return text === '' ? null : text
}

/** One line's items in one cell as text: items a gap apart (an eighth of the size) with a space, others run together. */
function cellLine (items: readonly PdfTextItem[], size: number): string {
  let text = ''
  let end = -Infinity
  for (const item of items) {
    if (text !== '' && item.x - end > size / 8) text += ' '
    text += item.text
    end = Math.max(end, item.x + item.width)
  }
  return text
}

/**
 * The rows of a ruled table, as an HTML table's (see `tableRows` in source-html.ts): for each row of the grid, the
 * cells that start in it in column order, and as `covered` the text of merged cells from rows above that span into it,
 * left of its own cells. A row takes the number of the laid-out line where the text of its last cell with text
 * starts — the line of its values, which is the line layout text reads them on, even when the label beside them is
 * wrapped over lines above and below — or the row above's when it has no text; never less than the row above's, so
 * the rows keep their order.
 */
function ruledRows (grid: RuledGrid, texts: readonly string[], firstLines: readonly (number | undefined)[], first: number): RuledRow[] {
  const cols = grid.xs.length - 1
  const starting = grid.ys.map((): number[] => [])
  grid.cells.forEach((cell, index) => starting[cell.row]?.push(index))
  const out: RuledRow[] = []
  let line = first
  for (let r = 0; r + 1 < grid.ys.length; r++) {
    const own = starting[r] ?? []
    const firstCol = grid.cells[own[0] ?? -1]?.col
    if (firstCol === undefined) continue
    const covered: string[] = []
    for (let col = 0; col < firstCol; col++) {
      const text = texts[grid.slots[r * cols + col] ?? -1] ?? ''
      if (text !== '' && covered.at(-1) !== text) covered.push(text)
    }
    const starts = own.map((index) => firstLines[index]).filter((n): n is number => n !== undefined)
    line = Math.max(line, starts.at(-1) ?? line)
    const cells = own.map((index) => texts[index] ?? '')
    const sides = own.map((index): readonly [number, number] => [grid.cells[index]?.left ?? NaN, grid.cells[index]?.right ?? NaN])
    out.push({ row: { line, cells, covered, text: cells.join('\t') }, sides })
  }
  return out
}

/** The grid lowest on its page: where a table broken over pages goes on from. */
function lowest (grids: readonly RuledGrid[]): RuledGrid | undefined {
  return grids.reduce<RuledGrid | undefined>((low, grid) => (low === undefined || (grid.ys.at(-1) ?? 0) < (low.ys.at(-1) ?? 0) ? grid : low), undefined)
}

/** The grid highest on its page. */
function highest (grids: readonly RuledGrid[]): RuledGrid | undefined {
  return grids.reduce<RuledGrid | undefined>((high, grid) => (high === undefined || (grid.ys[0] ?? 0) > (high.ys[0] ?? 0) ? grid : high), undefined)
}

/** Every column edge of `grid` is one of `before`'s (within a point), and both have the same outer edges. */
function sameColumns (grid: RuledGrid, before: RuledGrid): boolean {
  const near = (a: number | undefined, b: number | undefined): boolean => a !== undefined && b !== undefined && Math.abs(a - b) <= 1
  return near(grid.xs[0], before.xs[0]) && near(grid.xs.at(-1), before.xs.at(-1)) && grid.xs.every((x) => before.xs.some((b) => near(x, b)))
}

/** Whether two grids' boxes overlap: a table drawn inside another's cell, whose text either could claim. */
function overlap (a: RuledGrid, b: RuledGrid): boolean {
  const [aLeft = 0, aRight = 0, bLeft = 0, bRight = 0] = [a.xs[0], a.xs.at(-1), b.xs[0], b.xs.at(-1)]
  const [aTop = 0, aBottom = 0, bTop = 0, bBottom = 0] = [a.ys[0], a.ys.at(-1), b.ys[0], b.ys.at(-1)]
  return aLeft < bRight && bLeft < aRight && aBottom < bTop && bBottom < aTop
}

/**
 * The grids of a page that are tables: those with two rows of cells or more, and a single row of cells that is the
 * top of the page's grids and has the columns of the lowest grid of the page before — the rest of a table broken
 * over pages (table 四's row of values, under its headers on the page before). Grids overlapping another are none.
 */
function tableGrids (grids: readonly RuledGrid[], before: RuledGrid | undefined): RuledGrid[] {
  const top = highest(grids)
  return grids.filter((grid) => !grids.some((other) => other !== grid && overlap(grid, other)) &&
    (grid.wide >= 2 || (grid === top && before !== undefined && sameColumns(grid, before))))
}

/**
 * The ruled tables of one page whose first laid-out line is number `first`, given its table grids. A grid is read
 * only when every line with text in it lies wholly in it and every item of those lines in one cell; otherwise its
 * lines stay laid-out text.
 */
function pageTables (grids: readonly RuledGrid[], lines: readonly Line[], first: number): RuledTable[] {
  if (grids.length === 0) return []
  const placements = lines.map((line) => line.items.map((item) => placement(grids, item, line.height)))
  const rejected = new Set<number>()
  const gridOfLine = placements.map((placed) => {
    const on = new Set(placed.map((p) => p?.grid ?? -1))
    const broken = on.size > 1 || placed.some((p) => p !== null && p.cell < 0)
    if (broken) for (const grid of on) rejected.add(grid)
    return broken ? -1 : placed[0]?.grid ?? -1
  })
  return grids.flatMap((grid, g) => {
    if (rejected.has(g)) return []
    const pieces: string[][] = grid.cells.map(() => [])
    const firstLines: (number | undefined)[] = grid.cells.map(() => undefined)
    const taken = new Set<number>()
    lines.forEach((line, k) => {
      if (gridOfLine[k] !== g) return
      taken.add(first + k)
      const byCell = new Map<number, PdfTextItem[]>()
      line.items.forEach((item, i) => {
        const cell = placements[k]?.[i]?.cell ?? -1
        const items = byCell.get(cell)
        if (items === undefined) byCell.set(cell, [item])
        else items.push(item)
      })
      for (const [cell, items] of byCell) {
        pieces[cell]?.push(cellLine(items, line.height))
        firstLines[cell] ??= first + k
      }
    })
    if (taken.size === 0) return []
    const texts = pieces.map(cellText)
    if (texts.some((t) => t === null)) return []
    const start = Math.min(...taken)
    return [{ grid, first: start, lines: taken, rows: ruledRows(grid, texts.map((t) => t ?? ''), firstLines, start) }]
  })
}

/** The laid-out rows with the lines of ruled tables replaced by the tables' rows, each table where its first line was. */
function withTables (rows: readonly SourceRow[], tables: readonly RuledTable[]): SourceRow[] {
  const replaced = new Set(tables.flatMap((table) => [...table.lines]))
  const pending = [...tables].sort((a, b) => a.first - b.first)
  const out: SourceRow[] = []
  let next = 0
  for (const row of rows) {
    for (let table = pending[next]; table !== undefined && table.first <= row.line; table = pending[++next]) out.push(...table.rows.map((r) => r.row))
    if (!replaced.has(row.line)) out.push(row)
  }
  for (let table = pending[next]; table !== undefined; table = pending[++next]) out.push(...table.rows.map((r) => r.row))
  return out
}

const CJK = /[\u4e00-\u9fff]/

/**
 * The last row of a table at the foot of a page and the first row of its continuation at the head of the next, with
 * the cells that cannot be read as printed made undecided (`UNDECIDED`), when the two may be one row that the
 * printer broke over the page (Word and LibreOffice break a row whose label wraps over lines); else null. In such a
 * row a number can be cut in two, a cell's text be on either page, and a cell empty on one page hold a value on the
 * other.
 *
 * They are two rows for certain when the second starts with an item number ("5.", "（六）"), or prints text in
 * exactly the value cells where the first does. Otherwise every value cell of the second row is undecided, and so is
 * each value cell of the first row with text under it on the next page; the first row's other values were printed
 * whole. Labels stay as printed, for the reader to find the row by either part.
 */
function brokenOverPage (last: RuledRow, next: RuledRow): readonly [RuledRow, RuledRow] | null {
  const { label } = labelOf(next)
  if (!/\d/.test(last.row.cells.join('')) || label === '' || startsWithItemMarker(label)) return null
  const under = last.sides.map(([left, right]) => next.row.cells.filter((cell, k) => {
    const [nextLeft = NaN, nextRight = NaN] = next.sides[k] ?? []
    const centre = (nextLeft + nextRight) / 2
    return cell !== '' && centre >= left && centre <= right
  }).join(''))
  const isValue = (cell: string): boolean => !CJK.test(cell)
  const values = last.row.cells.flatMap((cell, k) => (isValue(cell + (under[k] ?? '')) ? [[cell, under[k] ?? ''] as const] : []))
  if (values.every(([cell, rest]) => (cell !== '') === (rest !== ''))) return null
  return [withCells(last, last.row.cells.map((cell, k) => (isValue(cell) && under[k] !== '' ? `${cell}${UNDECIDED}${under[k] ?? ''}` : cell))), undecidedValues(next)]
}

/** A row's label: its first cell with text, and where it is (-1 and '' in a row of empty cells). */
function labelOf (row: RuledRow): { readonly at: number, readonly label: string } {
  const at = row.row.cells.findIndex((cell) => cell !== '')
  return { at, label: row.row.cells[at] ?? '' }
}

function withCells (row: RuledRow, cells: readonly string[]): RuledRow {
  return { row: { ...row.row, cells, text: cells.join('\t') }, sides: row.sides }
}

/** A row with every value cell after its label undecided: what may be the rest of a row begun on the page before. */
function undecidedValues (row: RuledRow): RuledRow {
  const { at } = labelOf(row)
  return withCells(row, row.row.cells.map((cell, k) => (k > at && !CJK.test(cell) ? `${UNDECIDED}${cell}` : cell)))
}

/**
 * Whether the first row of a page's table may be the rest of a row the page before printed as no table this one goes
 * on from (its table not read by its cells, or other columns): a label with no item number and a value cell left
 * empty. Read as printed, its empty cells would be blanks of the row begun above (seen: the rest of 2.申请人逾期未按
 * 收费通知要求缴纳费用… read as seven blanks where the page before printed its numbers).
 */
function mayGoOnFromBefore (row: RuledRow): boolean {
  const { at, label } = labelOf(row)
  return at >= 0 && !startsWithItemMarker(label) && CJK.test(label) && row.row.cells.slice(at + 1).some((cell) => cell === '')
}

/**
 * How many rows at the head of a table's continuation repeat its header: rows printing no number, each the same
 * text cell for cell as the row as many places down the table on the page before (Word repeats a long table's
 * header rows at the top of every page it runs onto).
 */
function repeatedHeader (before: readonly RuledRow[], after: readonly RuledRow[]): number {
  let count = 0
  while (count < after.length - 1) {
    const [above, below] = [before[count], after[count]]
    if (above === undefined || below === undefined || /\d/.test(below.row.cells.join('')) || above.row.cells.join('\t') !== below.row.cells.join('\t')) break
    count++
  }
  return count
}

/**
 * The tables of every page, with the header rows repeated at the head of a page dropped (see `repeatedHeader`) and
 * the cells of a row that may be broken over a page made undecided (see `brokenOverPage`): the table lowest on a page
 * and the one highest on the next are one table broken over the page when they have the same columns.
 */
function joinedOverPages (pages: readonly (readonly RuledTable[])[]): RuledTable[] {
  const byPage = pages.map((tables) => tables.map((table) => ({ ...table, rows: [...table.rows] })))
  for (let p = 1; p < byPage.length; p++) {
    const original = lowestTable(pages[p - 1] ?? [])
    const before = lowestTable(byPage[p - 1] ?? [])
    const after = highestTable(byPage[p] ?? [])
    if (after === undefined) continue
    if (before === undefined || original === undefined || !sameColumns(after.grid, before.grid)) {
      const head = after.rows[0]
      if (head !== undefined && mayGoOnFromBefore(head)) after.rows[0] = undecidedValues(head)
      continue
    }
    // Compared with the rows as printed on the page before, whose own repeated header is still there.
    after.rows.splice(0, repeatedHeader(original.rows, after.rows))
    const [last, next] = [before.rows.at(-1), after.rows[0]]
    const broken = last !== undefined && next !== undefined ? brokenOverPage(last, next) : null
    if (broken === null) continue
    before.rows[before.rows.length - 1] = broken[0]
    after.rows[0] = broken[1]
  }
  return byPage.flat()
}

function lowestTable<T extends RuledTable> (tables: readonly T[]): T | undefined {
  const grid = lowest(tables.map((table) => table.grid))
  return tables.find((table) => table.grid === grid)
}

function highestTable<T extends RuledTable> (tables: readonly T[]): T | undefined {
  const grid = highest(tables.map((table) => table.grid))
  return tables.find((table) => table.grid === grid)
}

/** The laid-out text of a PDF (its source text, which line numbers refer to) and the rows read from it. */
export interface PdfLayout {
  readonly text: string
  readonly rows: readonly SourceRow[]
}

/**
 * Lays the pages out as `pdfLayoutText` does and cuts the text into layout rows, except that the lines of each
 * ruled table (a grid of drawn borders, see pdf-grid.ts) become one row per table row with its cells, as HTML rows
 * are, numbered by their first line in the text. A page without rulings, or whose grids the text does not fit,
 * gives exactly the layout rows of its text.
 *
 * Example: a page whose "行政许可" and "550" sit in the two cells of a ruled row, and an empty third cell →
 * a row `{ cells: ['行政许可', '550', ''], … }` where the layout text has the line '行政许可    550'.
 */
export function pdfLayout (pages: readonly PdfPage[]): PdfLayout {
  const { lines, printed } = laidOutPages(pages)
  const text = joinedPages(printed)
  const rows = textRows(text, 'layout')
  // A line break inside an item would shift the line numbers the tables' rows are given.
  if (printed.some((page) => page.some((line) => /[\r\n]/.test(line)))) return { text, rows }
  const byPage: RuledTable[][] = []
  let first = 1
  let before: RuledGrid | undefined
  pages.forEach((page, p) => {
    const onPage = lines[p] ?? []
    const grids = ruledGrids(page.rules ?? [])
    byPage.push(pageTables(tableGrids(grids, before), onPage, first))
    before = lowest(grids)
    first += Math.max(1, onPage.length)
  })
  const tables = joinedOverPages(byPage)
  return { text, rows: tables.length === 0 ? rows : withTables(rows, tables) }
}
