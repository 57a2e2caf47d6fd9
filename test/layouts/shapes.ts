/**
 * The published shapes a laid-out report is rendered into, one small renderer each: a Word-exported HTML page
 * (rowspan/colspan), pipe-flattened text, cells glued together, `pdftotext -layout` text, markdown as converters
 * write it, one cell per line, tab-separated cells as a word processor copies a table, a Word document and a PDF
 * of the layout text (its runs as text items, or each glyph one). Each takes a sample (the form laid out, and its
 * noise) and gives the document. The shapes Chromium prints or copies are in `printed.ts`.
 */
import { docxOf } from '../documents/docx.js'
import { layoutTextPdf } from '../documents/write-pdf.js'
import type { GridCell, Noise, Sample } from './generate.js'
import { withTypo, wrapLabel } from './generate.js'

/** A document as it is sent: text with its type, or the bytes of a PDF or Word file. */
export interface RenderedText { readonly body: string, readonly type: 'html' | 'text' }
export type Rendered = RenderedText | { readonly body: Uint8Array, readonly type: 'pdf' | 'docx' }

/** A renderer of a text shape (HTML included), which the other renderers build on. */
export type TextShape = (sample: Sample) => RenderedText
export type Shape = (sample: Sample) => Rendered | Promise<Rendered>

/** A cell's printed text with the label noise applied (typos in long labels). */
function cellText (cell: GridCell, noise: Noise): string {
  return cell.value ? cell.text : withTypo(cell.text, noise)
}

/** Text shapes print an empty cell as nothing, which no reader can place: they print a blank marker instead. */
function markedBlank (text: string): string {
  return text === '' ? '—' : text
}

/**
 * The shapes in which 无 cannot be read as a blank print a dash for every blank: glued to its label, 无 is a word of
 * the label; printed a cell per line, where only the order of lines places a value, it leaves its table unread.
 */
function dashedBlank (text: string): string {
  return text === '' || text === '无' ? '—' : text
}

function escapeHtml (text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** An HTML page as Word saves it: MsoNormal paragraphs, tables of merged cells, &nbsp; in empty cells. */
export const wordHtml: TextShape = ({ blocks, noise }) => {
  const out: string[] = ['<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8">',
    '<style>p.MsoNormal{margin:0cm;font-size:10.5pt}</style></head><body lang=ZH-CN><div class=WordSection1>']
  let index = 0
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      out.push(`<p class=MsoNormal${block.heading ? " style='text-indent:32pt'><b>" : '>'}<span style='font-family:仿宋_GB2312'>${escapeHtml(block.text)}</span>${block.heading ? '</b>' : ''}</p>`)
      continue
    }
    out.push("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>")
    const header = noise.repeatHeader ? Math.max(0, block.rows.findIndex((row) => row.some((cell) => cell.value))) : 0
    if (header > 0) out.push('<thead>')
    for (const [r, row] of block.rows.entries()) {
      if (header > 0 && r === header) out.push('</thead>')
      const cells = row.map((cell) => {
        const spans = `${cell.rowspan > 1 ? ` rowspan=${cell.rowspan}` : ''}${cell.colspan > 1 ? ` colspan=${cell.colspan}` : ''}`
        const lines = cell.value ? [cell.text] : wrapLabel(cellText(cell, noise), noise)
        const content = lines.map((l) => l === '' ? '&nbsp;' : `<span lang=EN-US>${escapeHtml(l)}</span>`).join('<br>')
        return `<td width=60 valign=top${spans} style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal align=center>${content}</p></td>`
      })
      if (noise.extraCell === index) cells.push("<td width=10 style='border:none'><p class=MsoNormal>&nbsp;</p></td>")
      out.push(`<tr>\n${cells.join('\n')}\n</tr>`)
      index++
    }
    out.push('</table>')
  }
  out.push('</div></body></html>')
  return { body: out.join('\n'), type: 'html' }
}

/** A page footer between rows, as text shapes carry it over from the PDF they came from. */
function footerAfter (index: number, noise: Noise, lines: string[]): void {
  const page = noise.pageBreaks.indexOf(index)
  if (page >= 0) lines.push('', `                                  ${noise.footer(page + 2)}`, '\f')
}

/**
 * The walk most text shapes share: each paragraph a line of its text, each table row printed by `printRow` (given the
 * row's index among all the document's table rows, and the lines so far), the lines joined into the document.
 */
function textDocument (blocks: Sample['blocks'], printRow: (row: readonly GridCell[], index: number, lines: string[]) => void): RenderedText {
  const lines: string[] = []
  let index = 0
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      lines.push(block.text)
      continue
    }
    for (const row of block.rows) printRow(row, index++, lines)
  }
  return { body: lines.join('\n'), type: 'text' }
}

/**
 * Text copied from a page, as the seed was: each table row "a | b | c |", the slots merged cells leave as empty
 * cells at the end of the row ("| 0 | ||"), a label broken over two lines.
 */
export const pipeText: TextShape = ({ blocks, noise }) => textDocument(blocks, (row, index, lines) => {
  const cells = row.map((cell) => cellText(cell, noise))
  const padding = row.reduce((n, cell) => n + cell.colspan - 1, 0) + (noise.extraCell === index ? 1 : 0)
  // A first cell broken over lines: the text before the break ends the line above.
  const parts = row[0]?.value === false ? wrapLabel(cells[0] ?? '', noise) : [cells[0] ?? '']
  if (parts.length > 1) {
    lines.push(parts.slice(0, -1).join(''))
    cells[0] = parts.at(-1) ?? ''
  }
  lines.push(`${cells.join(' | ')} |${'|'.repeat(padding)}`)
  footerAfter(index, noise, lines)
})

/** Cells run together as some copy-paste leaves them: labels glued to each other and to the first value. */
export const gluedText: TextShape = ({ blocks, noise }) => textDocument(blocks, (row, index, lines) => {
  const labels = row.filter((c) => !c.value).map((c) => cellText(c, noise)).join('')
  const values = row.filter((c) => c.value).map((c) => dashedBlank(c.text))
  lines.push(labels + values.join(' '))
  footerAfter(index, noise, lines)
})

/** Display width of a text in a monospaced layout: CJK characters are two columns. */
function width (text: string): number {
  let w = 0
  for (const ch of text) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1
  return w
}

function padTo (text: string, column: number): string {
  return text + ' '.repeat(Math.max(1, column - width(text)))
}

/** Prose as pdftotext lays it out: the first line indented, the rest flush left, cut at 34 characters. */
function layoutParagraph (text: string): string[] {
  const chars = [...text]
  const lines: string[] = []
  for (let i = 0; i < chars.length; i += 34) lines.push((i === 0 ? '   ' : '') + chars.slice(i, i + 34).join(''))
  return lines
}

/**
 * `pdftotext -layout` output: columns aligned with spaces; a merged label printed once, on the middle row of the rows
 * it spans (an extra first cell there); long labels broken over lines with the values on the middle line; page
 * footers and form feeds between rows.
 */
export const layoutText: TextShape = ({ blocks, noise }) => {
  const lines: string[] = []
  let index = 0
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      lines.push(...(block.heading ? [`   ${block.text}`] : layoutParagraph(block.text)))
      continue
    }
    // Where each merged label is printed: the middle row of its span.
    const printedAt = new Map<number, string[]>()
    block.rows.forEach((row, r) => {
      for (const cell of row) {
        if (cell.rowspan > 1 && !cell.value) {
          const at = r + Math.floor((cell.rowspan - 1) / 2)
          printedAt.set(at, [...(printedAt.get(at) ?? []), cellText(cell, noise)])
        }
      }
    })
    block.rows.forEach((row, r) => {
      const own = row.filter((c) => !c.value && c.rowspan === 1).map((c) => cellText(c, noise))
      const labels = [...(printedAt.get(r) ?? []), ...own]
      const values = row.filter((c) => c.value).map((c) => markedBlank(c.text))
      // Each label cell is broken within its own column; the columns' lines are printed side by side.
      const columns = labels.map((text) => wrapLabel(text, noise))
      const height = Math.max(1, ...columns.map((c) => c.length))
      const labelLines = Array.from({ length: height }, (_, l) => columns.map((c) => c[l] ?? '').filter((t) => t !== '').join('  '))
      const valueLine = Math.floor((labelLines.length - 1) / 2)
      labelLines.forEach((text, l) => {
        const line = l === valueLine && values.length > 0
          ? padTo(`    ${text}`, 44) + values.map((v) => ` ${v.padStart(8)}`).join('')
          : `    ${text}`
        if (line.trim() !== '') lines.push(line)
      })
      footerAfter(index++, noise, lines)
    })
  }
  return { body: lines.join('\n'), type: 'text' }
}

/**
 * Markdown as document converters write it: `##` headings, GFM pipe tables with leading and trailing bars and a
 * `|---|` row under the first, every merged label repeated in each slot it covers (or left empty), merged values
 * in their first slot.
 */
export function markdownShape (repeatMerged: boolean): TextShape {
  return ({ blocks, noise }) => {
    const lines: string[] = []
    for (const block of blocks) {
      if (block.kind === 'paragraph') {
        lines.push(block.heading ? `## ${block.text}` : block.text, '')
        continue
      }
      const columns = Math.max(...block.rows.map((row) => row.reduce((n, c) => n + c.colspan, 0)))
      const grid: string[][] = block.rows.map(() => new Array<string>(columns).fill(''))
      const taken = new Set<string>()
      block.rows.forEach((row, r) => {
        let col = 0
        for (const cell of row) {
          while (taken.has(`${r}:${col}`)) col++
          for (let dr = 0; dr < cell.rowspan; dr++) {
            for (let dc = 0; dc < cell.colspan; dc++) {
              taken.add(`${r + dr}:${col + dc}`)
              const first = dr === 0 && dc === 0
              const slot = grid[r + dr]
              if (slot !== undefined) slot[col + dc] = first || (repeatMerged && !cell.value) ? (cell.value ? markedBlank(cell.text) : cellText(cell, noise)) : ''
            }
          }
          col += cell.colspan
        }
      })
      grid.forEach((row, r) => {
        lines.push(`| ${row.join(' | ')} |`)
        if (r === 0) lines.push(`|${row.map(() => '---').join('|')}|`)
      })
      lines.push('')
    }
    return { body: lines.join('\n'), type: 'text' }
  }
}

/** One table cell per line, as text extracted cell by cell prints it. */
export const cellPerLine: TextShape = ({ blocks, noise }) => textDocument(blocks, (row, _index, lines) => {
  for (const cell of row) lines.push(cell.value ? dashedBlank(cell.text) : cellText(cell, noise))
})

/**
 * A table copied as text from a word processor: cells separated by tabs, rows by line breaks, a label broken over
 * lines inside its cell, an empty cell left empty (the tabs place it), the extra empty cell as a trailing tab.
 */
export const tabbedText: TextShape = ({ blocks, noise }) => textDocument(blocks, (row, index, lines) => {
  const cells = row.map((cell) => cell.value ? cell.text : wrapLabel(cellText(cell, noise), noise).join('\n'))
  if (noise.extraCell === index) cells.push('')
  lines.push(cells.join('\t'))
})

/** The Word document of the Word-exported page: its merged cells as grid spans and vertical merges. */
export const wordDocument: Shape = async (sample) => ({ body: await docxOf(wordHtml(sample).body), type: 'docx' })

/** A PDF whose text layer is the layout text: its page footers and form feeds end its pages. */
export const layoutPdf: Shape = (sample) => ({ body: layoutTextPdf(layoutText(sample).body), type: 'pdf' })

/** The same PDF with every character a text item of its own, a little off its line: glyphs placed one by one. */
export const glyphPdf: Shape = (sample) => ({ body: layoutTextPdf(layoutText(sample).body, 56, { jitter: 0.8 }), type: 'pdf' })

/** Every shape the property test renders, by name. */
export const SHAPES: Readonly<Record<string, Shape>> = {
  'word-html': wordHtml,
  'pipe-text': pipeText,
  'glued-text': gluedText,
  'pdftotext-layout': layoutText,
  'markdown-repeated': markdownShape(true),
  'markdown-empty': markdownShape(false),
  'cell-per-line': cellPerLine,
  tabbed: tabbedText,
  docx: wordDocument,
  pdf: layoutPdf,
  'pdf-glyphs': glyphPdf
}
