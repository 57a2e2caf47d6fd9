/**
 * What the importer takes and gives: hints for what a published page does not say, the report it read, and a
 * parse record that says how it read it (format, table layouts, where each cell came from, what went wrong).
 */
import type { AnnualReport, ReportKind, Template } from '../report.js'

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
 * and GFM pipe tables, `pdf` = a PDF's text layer laid out in columns (read as `layout`), `docx` = a Word document
 * (read as its HTML).
 */
export type SourceFormat = 'pipe' | 'layout' | 'cell-per-line' | 'html' | 'markdown' | 'pdf' | 'docx'

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
  /** JSON Pointers of required parts that could not be read; non-empty exactly when `report` is null. */
  readonly missing: readonly string[]
}

export interface ParseResult {
  readonly report: AnnualReport | null
  readonly parse: ParseRecord
}

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
  readonly missing: string[]
  readonly cells: SourceCell[]
  /** Label-match quality of every table row read (0..1), for the confidence. */
  readonly scores: number[]
}

/**
 * Starts an empty log.
 *
 * Example: `newLog()` → `{ problems: [], missing: [], cells: [], scores: [] }`.
 */
export function newLog (): ParseLog {
  return { problems: [], missing: [], cells: [], scores: [] }
}

/**
 * Records a problem; an `error` with a pointer also marks that part missing (an unreadable part is never guessed).
 *
 * Example: `logProblem(log, 'error', '第三部分缺失', 'Table 3 is missing', '/requests')` → log.missing `['/requests']`.
 */
export function logProblem (log: ParseLog, severity: ParseProblem['severity'], message: string, messageEn: string, pointer?: string): void {
  log.problems.push({ ...(pointer !== undefined ? { pointer } : {}), severity, message, messageEn })
  if (severity === 'error' && pointer !== undefined && !log.missing.includes(pointer)) log.missing.push(pointer)
}
