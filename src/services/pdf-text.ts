/**
 * The text layer of a PDF, with PDF.js (Mozilla's pure-JavaScript reader): each page's positioned text items and
 * the straight lines drawn on it (table borders), handed to the pure layout in `domain/import/source-pdf.ts`. Fonts
 * are not loaded and nothing is rendered: only the content streams' operators are read.
 */
import { AnnotationMode, getDocument, OPS, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { PDFPageProxy, TextItem } from 'pdfjs-dist/types/src/display/api.js'
import type { PdfRule } from '../domain/import/pdf-grid.js'
import type { PdfPage } from '../domain/import/source-pdf.js'

/** A text item that is a table cell's whole value: a number, or a blank marker. */
const TABLE_CELL = /^\s*(?:\d[\d,.]*|[-—–/])\s*$/

/** Cell values a page must print for its drawing to be read for table borders. */
const TABLE_CELLS = 3

/** Thickest filled rectangle taken for a drawn line: Word, WPS and browsers fill borders of 0.5 to 3 points. */
const MAX_RULE_THICKNESS = 3

/** Most lines read off one page; a page drawing more is a chart or a picture in vectors, not a form's tables. */
const MAX_PAGE_RULES = 20_000

/** The path commands of PDF.js's `constructPath` data (its `DrawOPS`): each followed by its coordinates. */
const MOVE_TO = 0
const LINE_TO = 1
const CURVE_TO = 2
const QUADRATIC_CURVE_TO = 3
const CLOSE_PATH = 4

type Matrix = readonly [number, number, number, number, number, number]

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]

/** `m` applied after `n` (PDF's `cm`: the new matrix times the current one). */
function times (m: readonly number[], n: Matrix): Matrix {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m
  return [a * n[0] + b * n[2], a * n[1] + b * n[3], c * n[0] + d * n[2], c * n[1] + d * n[3], e * n[0] + f * n[2] + n[4], e * n[1] + f * n[3] + n[5]]
}

function apply (m: Matrix, x: number, y: number): readonly [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]
}

const STROKES: ReadonlySet<number> = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke])
const FILLS: ReadonlySet<number> = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke])

/** A path's subpaths as their points in page space; a subpath with a curve is left out (no ruling is curved). */
function subpaths (data: ArrayLike<number>, ctm: Matrix): { points: (readonly [number, number])[], closed: boolean }[] {
  const out: { points: (readonly [number, number])[], closed: boolean }[] = []
  let current: { points: (readonly [number, number])[], closed: boolean, curved: boolean } | undefined
  const end = (): void => {
    if (current !== undefined && !current.curved && current.points.length >= 2) out.push({ points: current.points, closed: current.closed })
    current = undefined
  }
  for (let i = 0; i < data.length;) {
    const op = data[i++]
    if (op === MOVE_TO || op === LINE_TO) {
      const point = apply(ctm, data[i++] ?? NaN, data[i++] ?? NaN)
      if (op === MOVE_TO) end()
      current ??= { points: [], closed: false, curved: false }
      current.points.push(point)
    } else if (op === CURVE_TO || op === QUADRATIC_CURVE_TO) {
      i += op === CURVE_TO ? 6 : 4
      if (current !== undefined) current.curved = true
    } else if (op === CLOSE_PATH) {
      if (current !== undefined) current.closed = true
      end()
    } else {
      break
    }
  }
  end()
  return out
}

/** A filled subpath that is a thin level or plumb rectangle, as the line along its middle; else null. */
function filledRule (points: readonly (readonly [number, number])[]): PdfRule | null {
  const corners = points.length === 5 && points[0]?.[0] === points[4]?.[0] && points[0]?.[1] === points[4]?.[1] ? points.slice(0, 4) : points
  if (corners.length !== 4) return null
  const xs = corners.map((p) => p[0])
  const ys = corners.map((p) => p[1])
  const left = Math.min(...xs)
  const right = Math.max(...xs)
  const bottom = Math.min(...ys)
  const top = Math.max(...ys)
  // Every corner on the box's sides: an axis-aligned rectangle, not a rotated one.
  const on = (value: number, a: number, b: number): boolean => Math.abs(value - a) <= 0.01 || Math.abs(value - b) <= 0.01
  if (!corners.every(([x, y]) => on(x, left, right) && on(y, bottom, top))) return null
  if (top - bottom <= MAX_RULE_THICKNESS && right - left > top - bottom) return { x1: left, y1: (top + bottom) / 2, x2: right, y2: (top + bottom) / 2 }
  if (right - left <= MAX_RULE_THICKNESS && top - bottom > right - left) return { x1: (left + right) / 2, y1: bottom, x2: (left + right) / 2, y2: top }
  return null
}

/**
 * The straight lines drawn on a page, in page space: every segment of a stroked path, and every thin filled
 * rectangle (how Chromium and some word processors draw borders). Form XObjects' matrices and the graphics state's
 * `cm` are followed. A page drawing more than `MAX_PAGE_RULES` lines gets none.
 */
async function pageRules (page: PDFPageProxy): Promise<PdfRule[]> {
  let list
  try {
    list = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE })
  } catch {
    // A drawing PDF.js cannot read leaves the page's text as it is: laid out without its tables' cells.
    return []
  }
  const { fnArray, argsArray } = list
  const rules: PdfRule[] = []
  const stack: Matrix[] = []
  let ctm = IDENTITY
  for (let k = 0; k < fnArray.length; k++) {
    const fn = fnArray[k]
    const args: unknown = argsArray[k]
    if (fn === OPS.save) stack.push(ctm)
    else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY
    else if (fn === OPS.transform && Array.isArray(args)) ctm = times(args as number[], ctm)
    else if (fn === OPS.paintFormXObjectBegin && Array.isArray(args)) {
      stack.push(ctm)
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = times(Array.from(args[0] as ArrayLike<number>), ctm)
    } else if (fn === OPS.constructPath && Array.isArray(args)) {
      const [paint, [data] = []] = args as [number, (ArrayLike<number> | null)[]?]
      if (data === null || data === undefined || (!STROKES.has(paint) && !FILLS.has(paint))) continue
      for (const { points, closed } of subpaths(data, ctm)) {
        if (FILLS.has(paint)) {
          const rule = filledRule(points)
          if (rule !== null) rules.push(rule)
        }
        if (STROKES.has(paint)) {
          const ends = closed ? [...points, points[0] ?? [NaN, NaN]] : points
          for (let i = 1; i < ends.length; i++) {
            const [x1, y1] = ends[i - 1] ?? [NaN, NaN]
            const [x2, y2] = ends[i] ?? [NaN, NaN]
            rules.push({ x1, y1, x2, y2 })
          }
        }
      }
      if (rules.length > MAX_PAGE_RULES) return []
    }
  }
  return rules
}

/** Why a PDF could not be read, for the route to answer as a problem. */
export class PdfReadError extends Error {
  constructor (readonly reason: 'too-many-pages' | 'encrypted' | 'malformed', message: string) {
    super(message)
    this.name = 'PdfReadError'
  }
}

/**
 * Reads the text items of every page of a PDF, refusing one with more than `maxPages` pages before reading any
 * page, and a password-protected or broken one.
 */
export async function readPdfPages (bytes: Uint8Array, maxPages: number): Promise<PdfPage[]> {
  const task = getDocument({
    // PDF.js may detach the buffer it is given: hand it a copy so the caller's bytes stay readable.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS
  })
  let document
  try {
    document = await task.promise
  } catch (error) {
    await task.destroy()
    const name = (error as { name?: string }).name
    if (name === 'PasswordException') throw new PdfReadError('encrypted', 'The PDF is password-protected.')
    throw new PdfReadError('malformed', `The PDF could not be opened: ${(error as Error).message}`)
  }
  try {
    if (document.numPages > maxPages) {
      throw new PdfReadError('too-many-pages', `The PDF has ${document.numPages} pages; at most ${maxPages} are read.`)
    }
    const pages: PdfPage[] = []
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      const content = await page.getTextContent({ disableNormalization: false })
      // A page's drawing is read only where a table of the form can be: on a page printing a few bare numbers or
      // blank markers, as tables' cells are. Prose pages and a scan's pages (no text) are not looked at, which spares
      // their share of the operator lists (a sixth of the time of reading a printed report's text, measured).
      const cells = content.items.filter((item) => 'str' in item && TABLE_CELL.test(item.str)).length
      const rules = cells >= TABLE_CELLS ? await pageRules(page) : []
      pages.push({
        rules,
        items: content.items.filter((item): item is TextItem => 'str' in item).map((item) => {
          const [a = 1, b = 0, c = 0, d = 1, x = 0, y = 0] = item.transform as number[]
          return {
            text: item.str,
            x,
            y,
            width: item.width,
            height: item.height > 0 ? item.height : Math.hypot(c, d),
            // Rotated glyphs (b, c ≠ 0) or a run taller than wide that has several characters: printed vertically.
            vertical: Math.abs(b) > Math.abs(a) || (item.str.trim().length > 1 && item.height > 2 * item.width)
          }
        })
      })
      page.cleanup()
      // PDF.js reads in promise callbacks only, which never let the event loop turn: without this, a 200-page PDF
      // would hold every other request (and /healthz) for seconds. A page takes milliseconds.
      await new Promise((resolve) => setImmediate(resolve))
    }
    return pages
  } finally {
    await task.destroy()
  }
}
