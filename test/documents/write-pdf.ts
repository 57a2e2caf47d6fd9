/**
 * Writes small PDFs for tests and benchmarks, with no font files and no browser: text is placed at given positions
 * in a Type0 font with the Identity-H encoding (each character its Unicode code, two bytes) and an identity
 * ToUnicode map, which is how PDF printers write CJK text layers. The glyphs are not embedded (viewers substitute
 * a font); the text layer, which is what the importer reads, is exact.
 */

/** One run of text on a page, at (x, y) in points from the bottom left, in a font of `size` points. */
export interface PlacedText {
  readonly x: number
  readonly y: number
  readonly size: number
  readonly text: string
}

const PAGE_WIDTH = 595
const PAGE_HEIGHT = 842

function hex (text: string): string {
  return [...text].map((char) => (char.codePointAt(0) ?? 0x3f).toString(16).padStart(4, '0')).join('')
}

/** Latin letters, digits and punctuation are printed half as wide as CJK characters (as in Chinese fonts). */
function isNarrow (char: string): boolean {
  return (char.codePointAt(0) ?? 0) < 0x2e80
}

/** The CID widths: narrow for every code below U+2E80, full for the rest (DW). */
const WIDTHS = '/W [0 11903 500]'

/**
 * A PDF of the pages (a page per array of runs); pages with no runs are blank, like a scan's page without OCR
 * (give `picture` to draw a grey box on each, standing in for a scanned image). `drawings` are content-stream
 * operators drawn on each page before its text (table borders, say), page by page.
 */
export function writePdf (pages: readonly (readonly PlacedText[])[], options: { picture?: boolean, drawings?: readonly string[] } = {}): Buffer {
  const objects: string[] = []
  const add = (body: string): number => objects.push(body)
  const stream = (content: string): string => `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`
  const catalog = add('')
  const pagesRef = add('')
  const toUnicode = add(stream([
    '/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def', '/CMapName /Identity-UCS def', '/CMapType 2 def',
    '1 begincodespacerange', '<0000> <FFFF>', 'endcodespacerange',
    '1 beginbfrange', '<0000> <FFFF> <0000>', 'endbfrange',
    'endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end'
  ].join('\n')))
  const descriptor = add('<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>')
  const cidFont = add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 ${WIDTHS} /CIDToGIDMap /Identity >>`)
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`)
  const pageRefs: number[] = []
  for (const [index, runs] of pages.entries()) {
    const content = [
      ...(options.picture === true ? ['0.8 g 40 40 515 762 re f 0 g'] : []),
      ...(options.drawings?.[index] !== undefined ? [options.drawings[index]] : []),
      ...runs.map((run) => `BT /F1 ${run.size} Tf ${run.x.toFixed(2)} ${run.y.toFixed(2)} Td <${hex(run.text)}> Tj ET`)
    ].join('\n')
    const contents = add(stream(content))
    pageRefs.push(add(`<< /Type /Page /Parent ${pagesRef} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${contents} 0 R >>`))
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesRef} 0 R >>`
  objects[pagesRef - 1] = `<< /Type /Pages /Kids [${pageRefs.map((ref) => `${ref} 0 R`).join(' ')}] /Count ${pageRefs.length} >>`
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

/** Width of a text in a font size: CJK characters a full em, the others half. */
export function textWidth (text: string, size: number): number {
  return [...text].reduce((sum, char) => sum + (isNarrow(char) ? size / 2 : size), 0)
}

/**
 * Prints layout text (as `pdftotext -layout` writes it: columns kept by spaces, one character column = 5 pt at
 * 10 pt, a CJK character two columns) onto A4 pages of `linesPerPage` lines, each page numbered "- n -" at its foot.
 * A form feed ends a page early, as it does in pdftotext's output. Text too wide for the page is printed smaller,
 * as printing fits a page to its width: the font shrinks until the widest line fits. With `glyphs`, every character
 * is a text item of its own, as printers that position each glyph write it (WPS, some Word versions, typesetters),
 * and each sits up to `glyphs.jitter` points above or below its line, as glyphs of mixed fonts do.
 */
export function layoutTextPdf (text: string, linesPerPage = 56, glyphs?: { readonly jitter: number }): Buffer {
  const widest = Math.max(...text.split('\n').map((line) => [...line].reduce((n, char) => n + (isNarrow(char) ? 1 : 2), 0)))
  const size = Math.min(10, (PAGE_WIDTH - 80) * 2 / widest)
  const sheets = text.split('\f').flatMap((sheet) => {
    const lines = sheet.replace(/^\n/, '').split('\n')
    return Array.from({ length: Math.ceil(lines.length / linesPerPage) }, (_, n) => lines.slice(n * linesPerPage, (n + 1) * linesPerPage))
  })
  const pages: PlacedText[][] = []
  for (const sheet of sheets) {
    const page: PlacedText[] = []
    sheet.forEach((line, i) => {
      const y = PAGE_HEIGHT - 60 - i * size * 1.35
      let column = 0
      if (glyphs !== undefined) {
        for (const char of line) {
          if (char !== ' ') page.push({ x: 40 + column * size / 2, y: y + Math.sin(column) * glyphs.jitter, size, text: char })
          column += isNarrow(char) ? 1 : 2
        }
        return
      }
      // Runs of text separated by two spaces or more are placed apart; a single space stays inside its run.
      for (const piece of line.split(/( {2,})/)) {
        if (/^ +$/.test(piece) || piece === '') {
          column += piece.length
          continue
        }
        const leading = piece.length - piece.trimStart().length
        const run = piece.trim()
        if (run !== '') page.push({ x: 40 + (column + leading) * size / 2, y, size, text: run })
        column += [...piece].reduce((n, char) => n + (isNarrow(char) ? 1 : 2), 0)
      }
    })
    page.push({ x: PAGE_WIDTH / 2 - 10, y: 30, size: 9, text: `- ${pages.length + 1} -` })
    pages.push(page)
  }
  return writePdf(pages)
}

/**
 * Lays the importer's rows out as a PDF printer would: paragraphs wrapped at 34 characters with an indented first
 * line, table rows with their label on the left and each value in a column of its own.
 */
export function layoutText (rows: readonly { readonly cells: readonly string[] | null, readonly covered: readonly string[], readonly text: string }[]): string {
  const lines: string[] = []
  for (const row of rows) {
    if (row.cells === null) {
      const chars = [...row.text]
      for (let at = 0; at < chars.length; at += 34) lines.push((at === 0 ? '    ' : '') + chars.slice(at, at + 34).join(''))
      continue
    }
    // A metadata row ("索引号:", value, "成文日期:", value) is printed as a line of text.
    if (/[:：]$/.test(row.cells[0] ?? '')) {
      lines.push(row.cells.join(' '))
      continue
    }
    const values = row.cells.filter((cell) => !/[\u4e00-\u9fff]/.test(cell))
    const chars = [...[...row.covered, ...row.cells.filter((cell) => /[\u4e00-\u9fff]/.test(cell))].join(' ')]
    // A long label wraps inside its cell: its first lines stand above the line with the values.
    const labelColumns = values.length > 8 ? 10 : 56
    const perLine = Math.floor((labelColumns - 4) / 2)
    while (chars.length > perLine && values.length > 0) lines.push('  ' + chars.splice(0, perLine).join(''))
    const label = chars.join('')
    const width = chars.reduce((n, char) => n + ((char.codePointAt(0) ?? 0) < 0x2e80 ? 1 : 2), 0)
    const valueWidth = Math.max(4, Math.min(6, Math.floor((100 - labelColumns) / Math.max(1, values.length))))
    lines.push('  ' + label + ' '.repeat(Math.max(2, labelColumns - width)) + values.map((value) => value.padStart(valueWidth)).join(''))
  }
  return lines.join('\n')
}
