/**
 * An HTML page (typically exported from Word or WPS) to the intermediate rows, with parse5: paragraphs become
 * text rows, and each data table becomes one row per <tr> after its rowspan/colspan grid is laid out, so a merged
 * label ("三、本年度办理结果" over 23 rows) is known to every row it covers.
 */
import { parse } from 'parse5'
import type { DefaultTreeAdapterTypes } from 'parse5'
import { compactSpaces } from '../narrative.js'
import type { SourceRow } from './types.js'

type Node = DefaultTreeAdapterTypes.Node
type Element = DefaultTreeAdapterTypes.Element

/** Elements whose content is never report text. */
const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'select', 'button'])

/** Elements that start a new line of text (a table is handled apart). */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'ul', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption'
])

function isElement (node: Node): node is Element {
  return 'tagName' in node
}

function childrenOf (node: Node): readonly Node[] {
  return 'childNodes' in node ? node.childNodes : []
}

function lineOf (node: Node): number {
  return node.sourceCodeLocation?.startLine ?? 0
}

function attribute (element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value
}

/**
 * Walks the tree under `root` in document order without recursion (a page may nest elements a hundred thousand
 * deep): `enter` is called on each node and says whether to walk its children; `leave`, after them.
 */
function walkTree (root: Node, enter: (node: Node) => boolean, leave: (node: Node) => void = () => {}): void {
  const stack: { readonly node: Node, readonly leaving: boolean }[] = [{ node: root, leaving: false }]
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if (step.leaving) {
      leave(step.node)
      continue
    }
    if (!enter(step.node)) continue
    stack.push({ node: step.node, leaving: true })
    const children = childrenOf(step.node)
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]
      if (child !== undefined) stack.push({ node: child, leaving: false })
    }
  }
}

/** Elements under `root` with the tag, not looking inside nested tables (their rows are theirs). */
function ownDescendants (root: Element, tag: string): Element[] {
  const out: Element[] = []
  walkTree(root, (node) => {
    if (node === root) return true
    if (!isElement(node)) return false
    if (node.tagName === tag) out.push(node)
    return node.tagName !== 'table'
  })
  return out
}

/** The text of a cell: its pieces joined, spaces only where neither side is Chinese ("（二）部分公开（…，" + "不计其他情形）"). */
function cellText (node: Node): string {
  const pieces: string[] = []
  walkTree(node, (n) => {
    if (n.nodeName === '#text' && 'value' in n) pieces.push(n.value)
    if (!isElement(n)) return false
    if (SKIPPED.has(n.tagName)) return false
    if (n.tagName === 'br' || BLOCKS.has(n.tagName)) pieces.push(' ')
    return true
  }, (n) => {
    if (isElement(n) && BLOCKS.has(n.tagName)) pieces.push(' ')
  })
  return compactSpaces(pieces.join('').replace(/\u00a0/g, ' '))
}

/** A data table has no table inside it and at least two rows of two or more cells; others are page layout. */
function isDataTable (table: Element): boolean {
  if (ownDescendants(table, 'table').length > 0) return false
  const wide = ownDescendants(table, 'tr').filter((tr) => ownDescendants(tr, 'td').length + ownDescendants(tr, 'th').length >= 2)
  return wide.length >= 2
}

function span (element: Element, name: string): number {
  const value = Number.parseInt(attribute(element, name) ?? '1', 10)
  return Number.isFinite(value) && value >= 1 ? Math.min(value, 1000) : 1
}

interface GridCell {
  readonly text: string
  readonly row: number
  readonly col: number
}

/**
 * Lays a data table out on its grid (each cell at its row and column, merged cells occupying every slot they span)
 * and returns one row per <tr>: the cells that start in it, in column order, and as `covered` the text of merged
 * cells from rows above that span into it, left of its own cells.
 */
function tableRows (table: Element): SourceRow[] {
  const trs = ownDescendants(table, 'tr')
  const grid = new Map<string, GridCell>()
  const origins: GridCell[][] = trs.map(() => [])
  trs.forEach((tr, r) => {
    let col = 0
    for (const td of childrenOf(tr)) {
      if (!isElement(td) || (td.tagName !== 'td' && td.tagName !== 'th')) continue
      while (grid.has(`${r}:${col}`)) col++
      const cell: GridCell = { text: cellText(td), row: r, col }
      const rows = span(td, 'rowspan')
      const cols = span(td, 'colspan')
      for (let dr = 0; dr < rows; dr++) {
        for (let dc = 0; dc < cols; dc++) grid.set(`${r + dr}:${col + dc}`, cell)
      }
      origins[r]?.push(cell)
      col += cols
    }
  })
  const out: SourceRow[] = []
  trs.forEach((tr, r) => {
    const own = origins[r] ?? []
    if (own.length === 0) return
    const firstCol = own.reduce((min, c) => Math.min(min, c.col), Infinity)
    const covered: string[] = []
    for (let col = 0; col < firstCol; col++) {
      const above = grid.get(`${r}:${col}`)
      if (above !== undefined && above.row < r && above.text !== '' && covered.at(-1) !== above.text) covered.push(above.text)
    }
    const cells = own.map((c) => c.text)
    out.push({ line: lineOf(tr), cells, covered, text: cells.join('\t') })
  })
  return out
}

/**
 * Reads an HTML page into rows: every paragraph (or other block, or line after a <br>) outside data tables is a
 * text row; every <tr> of a data table is a cell row (see `tableRows`). Tables used for page layout are read as
 * paragraphs. Script, style and the <head> are ignored; &nbsp; is a space, so an "&nbsp;" cell is empty.
 *
 * Example: `htmlRows('<p>一、总体情况</p><table><tr><td rowspan=2>规章</td><td>0</td><td>0</td></tr><tr><td>1</td><td>2</td></tr></table>')` →
 * `[{ cells: null, text: '一、总体情况', … }, { cells: ['规章', '0', '0'], covered: [], … }, { cells: ['1', '2'], covered: ['规章'], … }]`.
 */
export function htmlRows (html: string): SourceRow[] {
  const document = parse(html, { sourceCodeLocationInfo: true })
  const rows: SourceRow[] = []
  let buffer = ''
  let bufferLine = 0
  const flush = (): void => {
    const text = compactSpaces(buffer.replace(/\u00a0/g, ' '))
    if (text !== '') rows.push({ line: bufferLine, cells: null, covered: [], text })
    buffer = ''
  }
  const isBlock = (node: Node): boolean => isElement(node) && (BLOCKS.has(node.tagName) || node.tagName === 'br')
  walkTree(document, (node) => {
    if (node.nodeName === '#text' && 'value' in node) {
      if (buffer.trim() === '') bufferLine = lineOf(node)
      buffer += node.value
      return false
    }
    if (!isElement(node)) return true
    if (SKIPPED.has(node.tagName)) return false
    if (node.tagName === 'table' && isDataTable(node)) {
      flush()
      for (const row of tableRows(node)) rows.push(row)
      return false
    }
    if (isBlock(node)) flush()
    return true
  }, (node) => {
    if (isBlock(node)) flush()
  })
  flush()
  return rows
}
