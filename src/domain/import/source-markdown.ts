/**
 * Markdown (as converters write it from PDF or Word, or as people type it) to the intermediate rows, with marked's
 * lexer: headings and paragraphs become text rows without their markers, GFM pipe tables become cell rows (the
 * delimiter row `|---|` is no row), and HTML tables inside the markdown are read as HTML. Markdown has no merged
 * cells, so converters repeat a merged label in every row it covers or leave it empty there: both are turned back
 * into the label covering the row, as an HTML rowspan is.
 */
import { Lexer, type Token, type Tokens } from 'marked'
import { compactSpaces } from '../narrative.js'
import { htmlRows } from './source-html.js'
import type { SourceRow } from './types.js'

/** A GFM delimiter row: "|---|:---:|", "--- | ---". */
const DELIMITER_ROW = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/m
/** An ATX heading line: "## 二、主动公开政府信息情况". */
const ATX_HEADING = /^#{1,6}[ \t]+\S/gm

const CJK = /[\u4e00-\u9fff]/

/**
 * True when a text is markdown rather than plain text: it has a GFM table delimiter row, or at least two ATX
 * headings. Plain report text has neither (pipe-flattened text has bars but no `|---|` rows).
 *
 * Example: `looksLikeMarkdown('## 一、总体情况\n…\n## 二、主动公开政府信息情况')` → true; `looksLikeMarkdown('规章 | 0 | 0 | 0 |')` → false.
 */
export function looksLikeMarkdown (text: string): boolean {
  return DELIMITER_ROW.test(text) || (text.match(ATX_HEADING)?.length ?? 0) >= 2
}

/** The plain text of inline markdown: emphasis, code and link markers dropped, line breaks as spaces. */
function inlineText (tokens: readonly Token[] | undefined, fallback: string): string {
  if (tokens === undefined) return fallback
  return tokens.map((token) => {
    if (token.type === 'br') return ' '
    if ('tokens' in token && token.tokens !== undefined) return inlineText(token.tokens, '')
    return 'text' in token ? String(token.text) : ''
  }).join('')
}

/** Line breaks in a token's source, to keep count of lines as the tokens go by (once each: linear). */
function lineBreaks (raw: string): number {
  let count = 0
  for (let i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) count++
  return count
}

/**
 * The rows of a GFM table, its header row first. In the label cells of a row (those before its first value), a
 * cell left empty or repeating the cell above it is covered by that label; a cell repeating its left neighbour is
 * the same merged cell once more and is dropped. Value cells are kept as they are: an empty one is a blank.
 */
function tableRows (table: Tokens.Table, firstLine: number): SourceRow[] {
  const grid = [table.header, ...table.rows].map((cells) => cells.map((cell) => compactSpaces(inlineText(cell.tokens, cell.text))))
  const above: (string | undefined)[] = []
  return grid.map((cells, index) => {
    const firstValue = cells.findIndex((cell) => cell !== '' && !CJK.test(cell))
    const labelEnd = firstValue < 0 ? cells.length : firstValue
    const covered: string[] = []
    const own: string[] = []
    for (let col = 0; col < labelEnd; col++) {
      const cell = cells[col] ?? ''
      const upper = above[col]
      if ((cell === '' || cell === upper) && upper !== undefined && upper !== '') {
        if (covered.at(-1) !== upper) covered.push(upper)
        continue
      }
      if (cell === '' || (col > 0 && cell === cells[col - 1])) continue
      own.push(cell)
      above[col] = cell
      // A new label starts a new group: labels of the columns right of it no longer cover the rows below.
      above.length = col + 1
    }
    const kept = [...own, ...cells.slice(labelEnd)]
    // Header row (index 0) and body rows: the delimiter row between them is line firstLine + 1.
    return { line: firstLine + (index === 0 ? 0 : index + 1), cells: kept, covered, text: kept.join('\t') }
  })
}

/**
 * Reads markdown into rows: one text row per heading, paragraph or list item (markers dropped, wrapped lines joined),
 * cell rows for every GFM table row and every row of an HTML table, lines of code blocks as text rows.
 *
 * Example: `markdownRows('## 二、主动公开政府信息情况\n\n| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 0 |')` →
 * `[{ line: 1, cells: null, text: '二、主动公开政府信息情况', … }, { line: 3, cells: ['信息内容', '本年制发件数'], … }, { line: 5, cells: ['规章', '0'], … }]`.
 */
export function markdownRows (markdown: string): SourceRow[] {
  const rows: SourceRow[] = []
  const text = (line: number, value: string): void => {
    const compact = compactSpaces(value)
    if (compact !== '') rows.push({ line, cells: null, covered: [], text: compact })
  }
  const visit = (tokens: readonly Token[], firstLine: number): void => {
    let line = firstLine
    for (const token of tokens) {
      switch (token.type) {
        case 'heading':
        case 'paragraph':
          text(line, inlineText(token.tokens, token.text))
          break
        case 'table':
          for (const row of tableRows(token as Tokens.Table, line)) rows.push(row)
          break
        case 'list':
          (token as Tokens.List).items.forEach((item, i) => text(line + i, inlineText(item.tokens, item.text)))
          break
        case 'blockquote':
          visit((token as Tokens.Blockquote).tokens, line)
          break
        case 'code':
          String(token.text).split('\n').forEach((codeLine, i) => text(line + i, codeLine))
          break
        case 'html':
          for (const row of htmlRows(token.raw)) rows.push({ ...row, line: line + Math.max(0, row.line - 1) })
          break
        default:
          break
      }
      line += lineBreaks(token.raw)
    }
  }
  visit(Lexer.lex(markdown), 1)
  return rows
}
