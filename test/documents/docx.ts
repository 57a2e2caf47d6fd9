/**
 * Writes a Word document (.docx) of an HTML page with the docx library, the way Word saves one: paragraphs, and
 * tables whose merged cells are kept (a colspan as a grid span, a rowspan as a vertical merge that restarts in its
 * first row and continues in the rows below) and the rows of a `<thead>` marked as header rows, repeated on each page.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx'
import { parse } from 'parse5'
import type { DefaultTreeAdapterTypes } from 'parse5'

export async function docxOf (html: string): Promise<Buffer> {
  type Element = DefaultTreeAdapterTypes.Element
  const children: (Paragraph | Table)[] = []
  const textOf = (node: DefaultTreeAdapterTypes.Node): string =>
    node.nodeName === '#text' ? (node as DefaultTreeAdapterTypes.TextNode).value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : ''
  const visit = (node: DefaultTreeAdapterTypes.Node): void => {
    if (!('tagName' in node)) {
      if ('childNodes' in node) node.childNodes.forEach(visit)
      return
    }
    const element = node as Element
    if (element.tagName === 'table') {
      const trs: Element[] = []
      const collect = (n: DefaultTreeAdapterTypes.Node): void => {
        if ('tagName' in n && n.tagName === 'tr') trs.push(n as Element)
        else if ('childNodes' in n) n.childNodes.forEach(collect)
      }
      // Rows of a <thead> are header rows, which Word repeats at the top of every page the table runs onto.
      const headerRows = new Set(trs.filter((tr) => tr.parentNode !== null && 'tagName' in tr.parentNode && tr.parentNode.tagName === 'thead'))
      collect(element)
      // Word writes a rowspan as a cell that restarts a vertical merge and continuing cells in the rows below.
      const continuing = new Map<string, number>()
      const rows = trs.map((tr, r) => {
        const cells: TableCell[] = []
        let col = 0
        const tds = tr.childNodes.filter((n): n is Element => 'tagName' in n && (n.tagName === 'td' || n.tagName === 'th'))
        const flushContinuing = (): void => {
          while (continuing.has(`${r}:${col}`)) {
            const span = continuing.get(`${r}:${col}`) ?? 1
            cells.push(new TableCell({ children: [new Paragraph('')], columnSpan: span, verticalMerge: VerticalMergeType.CONTINUE }))
            col += span
          }
        }
        for (const td of tds) {
          flushContinuing()
          const attribute = (name: string) => Number(td.attrs.find((a) => a.name === name)?.value ?? '1')
          const rowSpan = attribute('rowspan')
          const columnSpan = attribute('colspan')
          for (let below = 1; below < rowSpan; below++) continuing.set(`${r + below}:${col}`, columnSpan)
          cells.push(new TableCell({
            children: [new Paragraph(textOf(td).replace(/\s+/g, ' ').trim())],
            columnSpan,
            ...(rowSpan > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {})
          }))
          col += columnSpan
        }
        flushContinuing()
        return new TableRow({ children: cells, ...(headerRows.has(tr) ? { tableHeader: true } : {}) })
      })
      children.push(new Table({ rows }))
      return
    }
    if (element.tagName === 'p' || /^h\d$/.test(element.tagName)) {
      const text = textOf(element).replace(/\s+/g, ' ').trim()
      if (text !== '') children.push(new Paragraph(text))
      return
    }
    element.childNodes.forEach(visit)
  }
  visit(parse(html))
  return await Packer.toBuffer(new Document({ sections: [{ children }] }))
}
