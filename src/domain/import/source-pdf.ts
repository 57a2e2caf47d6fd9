/**
 * A PDF's text layer to the text the layout reader takes: the positioned text items of each page (what a PDF
 * library extracts) are grouped into lines by their baselines, ordered left to right, and laid out in columns
 * the way `pdftotext -layout` prints them — a gap between two items on a line becomes spaces in proportion to
 * its width, so table cells stay apart and a paragraph's indented first line stays indented. The result goes
 * through the same reading as layout text, so a PDF and its `pdftotext -layout` text give the same report.
 */

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

/** The x where most lines start: the left margin, from which indentation is measured. */
function leftMargin (lines: readonly Line[]): number {
  const starts = new Map<number, number>()
  for (const line of lines) {
    const x = Math.round(line.items[0]?.x ?? 0)
    starts.set(x, (starts.get(x) ?? 0) + 1)
  }
  let margin = 0
  let most = 0
  for (const [x, count] of starts) {
    if (count > most || (count === most && x < margin)) {
      margin = x
      most = count
    }
  }
  return margin
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

/**
 * Lays the pages out as text, one line per printed line, pages separated by a form feed (as pdftotext does).
 *
 * Example: a page with "规章" at x 81 and "0" at x 282, 377, 466 on one baseline (12 pt) →
 * `'规章                                0              0              0'` (columns 34, 49 and 64: 6 points each).
 */
export function pdfLayoutText (pages: readonly PdfPage[]): string {
  const all = pages.map(pageLines)
  const margin = leftMargin(all.flat())
  return all.map((lines) => lines.map((line) => printLine(line, margin)).join('\n')).join('\n\f')
}
