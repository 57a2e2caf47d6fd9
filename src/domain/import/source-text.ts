/**
 * Plain text to the intermediate rows: decide how the text lays tables out (pipe rows, `pdftotext -layout`
 * columns, one cell per line) and cut it into `SourceRow`s, dropping page furniture (page numbers, form feeds).
 */
import { BLANK_MARKER } from './types.js'
import type { SourceFormat, SourceRow } from './types.js'

/** A value as a table prints it: a number, or a blank marker. Full-width forms are NFKC-folded before this test. */
export const VALUE_TOKEN = new RegExp(String.raw`^(?:[-+]?\d[\d,]*(?:\.\d+)?|${BLANK_MARKER})$`)

/**
 * The ideographs that CJK fonts draw with the same glyph as a radical: a PDF printer that maps glyphs back to text
 * (Chromium with Noto CJK does) writes the radical's code, so "人民政府" comes out as "人⺠政府" in the PDF's text layer and in `pdftotext`'s text. Kangxi radicals
 * fold to their ideographs by NFKC; of the CJK Radicals Supplement only these standalone forms have an ideograph
 * of the same shape (Unicode's EquivalentUnifiedIdeograph data).
 */
const RADICALS = '⺟⺠⻄⻅⻆⻈⻉⻋⻐⻓⻔⻘⻙⻚⻛⻜⻝⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳'
const IDEOGRAPHS = '母民西见角讠贝车钅长门青韦页风飞食饣马骨鬼鱼鸟卤麦黄黾齐齿龙龟'
const RADICAL_IDEOGRAPHS = new Map([...RADICALS].map((radical, i) => [radical, [...IDEOGRAPHS][i] ?? radical]))

/** A text with radicals written for ideographs put back to the ideographs. */
function ideographText (text: string): string {
  return text.replace(/[\u2e80-\u2eff\u2f00-\u2fdf]/g, (char) => RADICAL_IDEOGRAPHS.get(char) ?? char.normalize('NFKC'))
}

/** The rule under a markdown table's header: "|---|:---:|". */
const MARKDOWN_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/

/** "-3-", "- 3 -", "—3—", "第 3 页", "第3页 共5页": page numbers pdftotext puts between rows. */
const PAGE_NUMBER = /^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?)\s*$/

/**
 * True when a line is only a page number, which pdftotext leaves between table rows and inside paragraphs.
 *
 * Example: `isPageNumber('                 -3-')` → true; `isPageNumber('3')` → false (a bare number may be a cell).
 */
export function isPageNumber (line: string): boolean {
  return PAGE_NUMBER.test(line)
}

/**
 * Cuts a text line into whitespace-separated tokens and folds full-width digits and signs to ASCII.
 *
 * Example: `lineTokens('行政许可      ５５０')` → `['行政许可', '550']`.
 */
export function lineTokens (line: string): string[] {
  return line.normalize('NFKC').trim().split(/\s+/).filter((t) => t !== '')
}

/** A run of line breaks (with the spaces on the lines it spans): inside a tab-separated row, or between rows. */
const LINE_BREAKS = / *\n[ \n]*/g

/** Rows of three or more tab-separated cells, one of them a value, that make a text `tabbed`. */
const TABBED_ROWS = 5

function breakCount (run: string): number {
  let count = 0
  for (const char of run) if (char === '\n') count++
  return count
}

/** The most frequent of the counts (the smallest among equals); 0 for none. */
function mostFrequent (counts: readonly number[]): number {
  const tally = new Map<number, number>()
  for (const count of counts) tally.set(count, (tally.get(count) ?? 0) + 1)
  let best = 0
  let bestTally = 0
  for (const [count, times] of tally) {
    if (times > bestTally || (times === bestTally && count < best)) [best, bestTally] = [count, times]
  }
  return best
}

/**
 * Cuts tab-separated text into rows, as browsers and word processors copy tables: cells are separated by tabs and
 * rows by line breaks, but a cell's paragraphs put line breaks around its text as well (a browser's `innerText` of a
 * Word-exported page gives "规章\n\n\t\n\n28\n\n\t\n\n25"). The breaks next to a tab are the row's own when there are
 * no more of them than the text usually has there (counted over all its tabs: 2 in that example, 0 in a plain
 * copy); more mean that the row ended, or began, with an empty cell. Other breaks end a row. Every cell is kept,
 * empty cells (a no-break space, or nothing) as ''; lines without a tab are text rows, numbered where they start.
 *
 * Example: `tabbedRows('规章\n\n\t\n\n28\n\n\t\n\n\u00a0\n\n\n\n\n说明')` →
 * `[{ line: 1, cells: ['规章', '28', ''], … }, { line: 10, cells: null, text: '说明', … }]`.
 */
export function tabbedRows (text: string): SourceRow[] {
  const unified = text.replace(/\r\n?/g, '\n')
  const runs = [...unified.matchAll(LINE_BREAKS)].map((match) => {
    const start = match.index
    const end = start + match[0].length
    return { start, end, breaks: breakCount(match[0]), afterTab: unified[start - 1] === '\t', beforeTab: unified[end] === '\t' }
  })
  // How many breaks a tab usually has on each side; a tab with text right beside it has none.
  const besideTabs: number[] = []
  for (const run of runs) {
    if (run.afterTab) besideTabs.push(run.breaks)
    if (run.beforeTab) besideTabs.push(run.breaks)
  }
  const tabs = unified.split('\t').length - 1
  for (let i = besideTabs.length; i < 2 * tabs; i++) besideTabs.push(0)
  const usual = mostFrequent(besideTabs)
  const rows: SourceRow[] = []
  let line = 1
  let rowLine = 1
  let row = ''
  let from = 0
  const endRow = (): void => {
    const cleaned = ideographText(row).replace(/[\f\v\u200b\ufeff]/g, '')
    if (cleaned.includes('\t')) {
      const cells = cleaned.split('\t').map((cell) => cell.replace(/\u00a0|\u3000/g, ' ').trim())
      rows.push({ line: rowLine, cells, covered: [], text: cells.join('\t') })
    } else {
      const plain = cleaned.replace(/\u00a0|\u3000/g, ' ').trim()
      if (plain !== '' && !isPageNumber(plain)) rows.push({ line: rowLine, cells: null, covered: [], text: plain })
    }
    row = ''
  }
  for (const run of runs) {
    row += unified.slice(from, run.start)
    from = run.end
    line += run.breaks
    if ((run.afterTab || run.beforeTab) && run.breaks <= usual) continue
    endRow()
    rowLine = line
  }
  row += unified.slice(from)
  endRow()
  return rows
}

/**
 * Decides the table layout of a text. `pipe` when at least 5 lines carry two or more "|" (`markdown` when a
 * `|---|` rule row says they are GFM tables, whose rows open with a bar); otherwise `tabbed` when at least 5 rows
 * have three or more tab-separated cells with a value among them; otherwise
 * `cell-per-line` when lines holding a single value outnumber lines holding three or more values three to one
 * (and there are at least 20 of them: a 7-column table prints 7 per row); otherwise `layout`.
 *
 * Example: the seed text → `'pipe'`; `pdftotext -layout` output → `'layout'`.
 */
export function detectTextFormat (text: string): Exclude<SourceFormat, 'html'> {
  const lines = text.split(/\r\n|\r|\n/)
  if (lines.filter((l) => (l.match(/\|/g)?.length ?? 0) >= 2).length >= 5) {
    return lines.some((l) => MARKDOWN_RULE.test(l)) ? 'markdown' : 'pipe'
  }
  if (text.includes('\t') && isTabbed(text)) return 'tabbed'
  let single = 0
  let multi = 0
  for (const line of lines) {
    if (isPageNumber(line)) continue
    const tokens = lineTokens(line)
    let run = 0
    while (run < tokens.length && VALUE_TOKEN.test(tokens[tokens.length - 1 - run] ?? '')) run++
    if (tokens.length === 1 && run === 1) single++
    else if (run >= 3) multi++
  }
  return single >= 20 && single > 3 * multi ? 'cell-per-line' : 'layout'
}

function isTabbed (text: string): boolean {
  let tabular = 0
  for (const row of tabbedRows(text)) {
    const cells = row.cells ?? []
    if (cells.length >= 3 && cells.some((cell) => VALUE_TOKEN.test(cell.normalize('NFKC')))) tabular++
    if (tabular >= TABBED_ROWS) return true
  }
  return false
}

/**
 * Cuts a text into rows: one per non-empty line, minus page numbers and form feeds. In `pipe` text a line with
 * "|" is a table row whose cells are the trimmed pieces between bars (the closing bar ends the row; empty pieces
 * before it, from colspans, are kept: the table reader knows how many cells a row has); other lines are text.
 * `tabbed` text is cut by its tabs (`tabbedRows`).
 *
 * Example: `textRows('规章 | 0 | 0 | 0 |\n说明', 'pipe')` →
 * `[{ line: 1, cells: ['规章', '0', '0', '0'], covered: [], text: '规章\t0\t0\t0' }, { line: 2, cells: null, covered: [], text: '说明' }]`.
 */
export function textRows (text: string, format: Exclude<SourceFormat, 'html'>): SourceRow[] {
  if (format === 'tabbed') return tabbedRows(text)
  const rows: SourceRow[] = []
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = ideographText(raw).replace(/[\f\v\u200b\ufeff]/g, '').replace(/\u00a0|\u3000/g, ' ').replace(/\s+$/, '')
    if (line.trim() === '' || isPageNumber(line)) return
    if ((format === 'pipe' || format === 'markdown') && line.includes('|')) {
      // A markdown table's rule row (|---|:--:|) is no row.
      if (format === 'markdown' && MARKDOWN_RULE.test(line)) return
      // A row ends with "|": the piece after the last bar is no cell, nor (markdown) the piece before the first.
      // Empty pieces between may be colspan padding.
      const trimmed = format === 'markdown' ? line.trim().replace(/^\|/, '') : line
      const cells = trimmed.replace(/\|\s*$/, '').split('|').map((cell) => cell.trim())
      rows.push({ line: index + 1, cells, covered: [], text: cells.join('\t') })
      return
    }
    rows.push({ line: index + 1, cells: null, covered: [], text: line })
  })
  return rows
}
