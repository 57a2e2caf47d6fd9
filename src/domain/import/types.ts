/**
 * What the importer takes and gives: hints for what a published page does not say, the report it read, and a
 * parse record that says how it read it (format, table layouts, where each cell came from, what went wrong).
 */
import type { AnnualReport, Cell, ReportKind, Template } from '../report.js'

/** Facts about a report that its text may not state; the text wins where it does state them (with a warning). */
export interface ImportHints {
  /** 统一社会信用代码 of the agency, when the page has no 索引号 carrying it. */
  readonly agencyCode?: string
  readonly agencyName?: string
  /** 6-digit 行政区划代码. */
  readonly regionCode?: string
  readonly kind?: ReportKind
  readonly year?: number
  /** Where the report was published; copied to `publication.sourceUrl`. */
  readonly sourceUrl?: string
}

/**
 * How the text was laid out: `pipe` = table rows as "a | b | c |" (text flattened from HTML), `layout` =
 * `pdftotext -layout` columns, `cell-per-line` = one table cell per line, `html` = an HTML page, `markdown` = headings
 * and GFM pipe tables ("| a | b |" under a "|---|" rule, merged cells repeated or left empty), `pdf` = a PDF's text
 * layer laid out in columns (read as `layout`), `docx` = a Word document (read as its HTML), `tabbed` = table cells
 * separated by tabs, as a browser or a word processor copies a table as text (a cell's paragraphs on lines of their own).
 */
export type SourceFormat = 'pipe' | 'layout' | 'cell-per-line' | 'html' | 'markdown' | 'pdf' | 'docx' | 'tabbed'

/** What turned the input into rows: the text reader (any text layout), or the HTML, markdown, PDF or Word reader. */
export type SourceReader = 'text' | 'html' | 'markdown' | 'pdf' | 'docx'

/** Why a cell or field is unread: not printed where it was looked for, printed but not a number, or on a row with the wrong number of values. */
export type UnreadReason = 'not-found' | 'not-a-number' | 'value-count' | 'not-given'

/** A source region: the lines (1-based, inclusive) that were searched. */
export interface SourceRegion {
  readonly fromLine: number
  readonly toLine: number
}

/**
 * A cell or required field the importer could not read: it is left out of the report (never filled in), and
 * this says where it was looked for, so a reviewer can find it in the source and send it.
 */
export interface UnreadPart {
  readonly pointer: string
  readonly reason: UnreadReason
  readonly message: string
  readonly messageEn: string
  /** The line the cell's row was found on, when it was found. */
  readonly line?: number
  /** The text printed where the value should be, when there was one. */
  readonly source?: string
  /** The part of the source it was looked in. */
  readonly region?: SourceRegion
}

export interface ParseProblem {
  /** The JSON Pointer of the part concerned, when there is one. */
  readonly pointer?: string
  readonly severity: 'error' | 'warning'
  readonly message: string
  readonly messageEn: string
}

/** Where one table cell of the report was read: its source text ('' for an empty cell) and line. */
export interface SourceCell {
  readonly pointer: string
  readonly source: string
  readonly line?: number
}

export interface ParseRecord {
  readonly reader: SourceReader
  readonly format: SourceFormat
  /** The layout each table was read in (null when the table was not read). Table 四 is the same on both forms. */
  readonly templates: {
    readonly proactive: Template | null
    readonly requests: Template | null
    readonly reviewLitigation: Template | null
  }
  readonly cells: readonly SourceCell[]
  readonly problems: readonly ParseProblem[]
  /** 0 when no report was produced; else how cleanly it was read (label matches, warnings). */
  readonly confidence: number
  /** JSON Pointers of the unread parts (as `unread`); empty exactly when the report is complete. */
  readonly missing: readonly string[]
  /** Every cell and required field not read, with why and where it was looked for. */
  readonly unread: readonly UnreadPart[]
}

/**
 * A report as far as it was read: the report body with every cell and field read in place and every unread one
 * left out. Filling in the pointers of `parse.unread` makes it a complete report body for `POST /v1/reports`.
 */
export type PartialReport = object

export type ParseResult =
  | { readonly complete: true, readonly report: AnnualReport, readonly parse: ParseRecord }
  | { readonly complete: false, readonly report: PartialReport, readonly parse: ParseRecord }

/**
 * One row of the intermediate form every input becomes: a line of text, or a table row with explicit cells.
 * The text parsers and the HTML parser both produce it, and everything after reads only this.
 */
export interface SourceRow {
  /** 1-based line in the source text (for HTML: the line the element starts on). */
  readonly line: number
  /** The cells of a table row (pipe text, HTML); null for a line or paragraph of text. */
  readonly cells: readonly string[] | null
  /** Text of merged cells from rows above that also cover this row (HTML rowspan): labels like "（三）不予公开". */
  readonly covered: readonly string[]
  /** The row as text: the line itself (indentation kept, for layout text) or the cells joined by tabs. */
  readonly text: string
}

/** What the importer accumulates while reading: problems, missing parts and the source of every cell. */
export interface ParseLog {
  readonly problems: ParseProblem[]
  readonly unread: UnreadPart[]
  readonly cells: SourceCell[]
  /** The value read for each cell pointer. */
  readonly values: Map<string, Cell>
  /** Label-match quality of every table row read (0..1), for the confidence. */
  readonly scores: number[]
}

/**
 * Starts an empty log.
 *
 * Example: `newLog()` → `{ problems: [], unread: [], cells: [], values: Map {}, scores: [] }`.
 */
export function newLog (): ParseLog {
  return { problems: [], unread: [], cells: [], values: new Map(), scores: [] }
}

/**
 * Records a problem.
 *
 * Example: `logProblem(log, 'warning', '未注明单位', 'No unit printed', '/proactive/fees/amountWan')` → one warning.
 */
export function logProblem (log: ParseLog, severity: ParseProblem['severity'], message: string, messageEn: string, pointer?: string): void {
  log.problems.push({ ...(pointer !== undefined ? { pointer } : {}), severity, message, messageEn })
}

/**
 * Records a part as unread (left out of the report, never guessed), and the same as an error problem.
 *
 * Example: `logUnread(log, { pointer: '/year', reason: 'not-found', message: '无法确定报告年度', messageEn: 'No year' })`
 * → log.unread has it, log.problems an error for '/year'.
 */
export function logUnread (log: ParseLog, part: UnreadPart): void {
  if (log.unread.some((u) => u.pointer === part.pointer)) return
  log.unread.push(part)
  log.problems.push({ pointer: part.pointer, severity: 'error', message: part.message, messageEn: part.messageEn })
}

/**
 * Records a cell read: its value and its source.
 *
 * Example: `logCell(log, '/proactive/fees/amountWan', 1.5, '1.5', 12)` → values has 1.5, cells the source on line 12.
 */
export function logCell (log: ParseLog, cellPointer: string, value: Cell, source: string, line: number): void {
  log.values.set(cellPointer, value)
  log.cells.push({ pointer: cellPointer, source, line })
}

/** The lines a run of rows spans, or undefined for no rows. */
export function regionOf (rows: readonly SourceRow[]): SourceRegion | undefined {
  const first = rows[0]
  const last = rows.at(-1)
  return first === undefined || last === undefined ? undefined : { fromLine: first.line, toLine: last.line }
}

/**
 * What joins the pieces of a cell that cannot be read as printed (a number wrapped over lines or cut by a page, text
 * that may be either of two rows'): a bar, which is no number, so the cell is reported unread with every piece.
 */
export const UNDECIDED = '｜'

/**
 * What a form's cell prints for a blank, as a regular-expression alternation: a dash or slash ("/", "—", "--"), or
 * 无 ("none"). Each is read as `null`, never as 0: the cell was not filled with a number.
 */
export const BLANK_MARKER = String.raw`[-—–/\\]{1,2}|无`
