/**
 * Ruled tables in a PDF's drawing: grids found from the lines drawn on a page, and the laid-out rows of a page whose
 * tables are ruled read by their cells (an empty cell a blank), everything else exactly as the layout text reads.
 */
import t from 'tap'
import { cellAt, ruledGrids, snapped, type PdfRule } from '../../../src/domain/import/pdf-grid.js'
import { pdfLayout, pdfLayoutText, type PdfPage, type PdfTextItem } from '../../../src/domain/import/source-pdf.js'
import { textRows } from '../../../src/domain/import/source-text.js'

const item = (text: string, x: number, y: number, size = 10): PdfTextItem =>
  ({ text, x, y, width: [...text].reduce((w, c) => w + ((c.codePointAt(0) ?? 0) < 0x2e80 ? size / 2 : size), 0), height: size, vertical: false })

/**
 * The borders of a table as Chromium draws them, every slot's sides apart: the verticals at `xs` (left to right) and
 * horizontals at `ys` (top to bottom), less the sides named in `open` ("v:i:j" the left side of slot i, j;
 * "h:i:j" the top side of slot i, j).
 */
function borders (xs: readonly number[], ys: readonly number[], open: readonly string[] = []): PdfRule[] {
  const rules: PdfRule[] = []
  for (let i = 0; i + 1 < ys.length; i++) {
    for (let j = 0; j < xs.length; j++) {
      if (!open.includes(`v:${i}:${j}`)) rules.push({ x1: xs[j] ?? 0, y1: ys[i + 1] ?? 0, x2: xs[j] ?? 0, y2: ys[i] ?? 0 })
    }
  }
  for (let i = 0; i < ys.length; i++) {
    for (let j = 0; j + 1 < xs.length; j++) {
      // A fraction of a point off, as each cell draws its own edge.
      if (!open.includes(`h:${i}:${j}`)) rules.push({ x1: xs[j] ?? 0, y1: (ys[i] ?? 0) + (j % 2) * 0.5, x2: xs[j + 1] ?? 0, y2: (ys[i] ?? 0) + (j % 2) * 0.5 })
    }
  }
  return rules
}

/** The rows of the page that carry cells. */
const cellRows = (pages: readonly PdfPage[]) => pdfLayout(pages).rows.filter((row) => row.cells !== null).map((row) => ({ line: row.line, cells: row.cells, covered: row.covered }))

t.test('snapped and ruledGrids: drawn edges a fraction apart are one ruling; boxes closed on every side are cells', async (t) => {
  t.same(snapped([100, 100.75, 130]), [100.375, 130])
  const [grid, ...more] = ruledGrids(borders([0, 100, 200], [60, 30, 0]))
  t.equal(more.length, 0)
  t.same(grid?.cells.map((c) => [c.row, c.col, c.rowspan, c.colspan]), [[0, 0, 1, 1], [0, 1, 1, 1], [1, 0, 1, 1], [1, 1, 1, 1]])
  t.equal(grid === undefined ? -2 : cellAt(grid, 150, 45), 1, 'the top right cell')
  t.equal(grid === undefined ? -2 : cellAt(grid, 250, 45), -1, 'outside')
})

t.test('ruledGrids: no grid from what is no table', async (t) => {
  t.same(ruledGrids([]), [], 'no rulings')
  t.same(ruledGrids(borders([0, 200], [60, 0])), [], 'a frame: one cell')
  t.same(ruledGrids(borders([0, 100, 200], [60, 0])).map((grid) => grid.wide), [1], 'one row of two cells: a grid, but no table of its own')
  t.same(ruledGrids(borders([0, 100, 200], [60, 30, 0], ['v:0:0'])), [], 'a cell open on the table edge (a corner cell with no left side)')
  t.same(ruledGrids(borders([0, 100, 200, 300], [90, 60, 30, 0], ['v:1:1', 'h:1:0'])), [], 'a merged region that is no rectangle')
  const hostile: PdfRule[] = [
    { x1: NaN, y1: 0, x2: 100, y2: 0 },
    { x1: 0, y1: Infinity, x2: 0, y2: 10 },
    { x1: -1e300, y1: 5, x2: 1e300, y2: 5 },
    { x1: 0, y1: 0, x2: 100, y2: 100 }
  ]
  t.same(ruledGrids(hostile), [], 'NaN, infinite, huge and slanted lines are no rulings')
  t.same(ruledGrids(Array.from({ length: 30_000 }, (_, k) => ({ x1: 0, y1: k, x2: 100, y2: k }))), [], 'a hatching of thousands of lines is a drawing')
})

t.test('pdfLayout: a ruled row reads its empty cells as blanks, where the layout text has nothing', async (t) => {
  const page: PdfPage = {
    items: [
      item('二、主动公开政府信息情况', 40, 700, 12),
      item('行政许可', 45, 665), item('550', 145, 665), item('3', 245, 665),
      item('行政处罚', 45, 635), item('7', 245, 635),
      item('说明', 40, 560, 12)
    ],
    rules: borders([40, 140, 240, 340], [680, 650, 620])
  }
  const { text, rows } = pdfLayout([page])
  t.equal(text, pdfLayoutText([page]), 'the source text is the laid-out text')
  t.same(cellRows([page]), [
    { line: 2, cells: ['行政许可', '550', '3'], covered: [] },
    { line: 3, cells: ['行政处罚', '', '7'], covered: [] }
  ], 'the blank is an empty cell, each row on its line of the text')
  t.same(rows.filter((r) => r.cells === null).map((r) => r.text.trim()), ['二、主动公开政府信息情况', '说明'], 'lines outside the table stay laid-out lines')
  t.same(rows.map((r) => r.line), [1, 2, 3, 4], 'in the order of the text')
})

t.test('pdfLayout: a merged header, a label merged over rows, and a label wrapped inside its cell', async (t) => {
  // Columns 40 | 140 | 240 | 340 | 440; rows 700 | 680 | 650 | 620 | 590.
  const page: PdfPage = {
    items: [
      item('信息内容', 45, 686), item('行政诉讼', 250, 686),
      item('（三）不予公开', 45, 640),
      item('1.属于国家秘密', 145, 665), item('1', 245, 665), item('2', 345, 665),
      item('2.其他法律行政', 145, 640), item('法规禁止公开', 145, 628), item('3', 345, 634),
      item('总计', 45, 600), item('4', 245, 600), item('5', 345, 600)
    ],
    rules: borders([40, 140, 240, 340, 440], [700, 680, 650, 620, 590], [
      'v:0:1', // 信息内容 over the first two columns
      'v:0:3', // 行政诉讼 over the last two
      'h:2:0', // （三）不予公开 over two rows
      'v:3:1' // 总计 over two columns
    ])
  }
  t.same(cellRows([page]), [
    { line: 1, cells: ['信息内容', '行政诉讼'], covered: [] },
    { line: 2, cells: ['（三）不予公开', '1.属于国家秘密', '1', '2'], covered: [] },
    { line: 4, cells: ['2.其他法律行政法规禁止公开', '', '3'], covered: ['（三）不予公开'] },
    { line: 6, cells: ['总计', '4', '5'], covered: [] }
  ], 'merged cells are one cell; a label over rows is covered in the rows below; a wrapped label is one cell, its row on its values\' line')
})

t.test('pdfLayout: what the grid does not fit, and pages with no rulings, read as the layout text reads', async (t) => {
  const laidOut = (pages: readonly PdfPage[]) => textRows(pdfLayoutText(pages), 'layout')
  const items = [item('行政许可', 45, 665), item('550', 145, 665), item('行政处罚', 45, 635), item('7', 245, 635)]
  const plain: PdfPage = { items }
  t.same(pdfLayout([plain]).rows, laidOut([plain]), 'no rulings')
  const ruled = borders([40, 140, 240, 340], [680, 650, 620])
  const straddling: PdfPage = { items: [...items, item('备注', 400, 665)], rules: ruled }
  t.same(pdfLayout([straddling]).rows, laidOut([straddling]), 'a line running out of the table')
  const spilling: PdfPage = { items: [item('行政许可', 45, 665), { ...item('0  0', 145, 665), width: 190 }, item('行政处罚', 45, 635), item('7', 245, 635)], rules: ruled }
  t.same(pdfLayout([spilling]).rows, laidOut([spilling]), 'a run of text reaching over cells (a whole row printed as one string)')
  const broken: PdfPage = { items: [item('行政许可', 45, 665), item('5\n5', 145, 665), item('行政处罚', 45, 635), item('7', 245, 635)], rules: ruled }
  t.same(pdfLayout([broken]).rows, laidOut([broken]), 'a line break inside an item')
  const nested: PdfPage = {
    items: [item('外表', 305, 700), item('乙', 305, 300), item('丙', 5, 300), item('内表', 25, 750), item('1', 105, 750), item('2', 25, 650), item('3', 105, 650)],
    rules: [...borders([0, 300, 600], [800, 500, 200]), ...borders([20, 100, 180], [780, 700, 620])]
  }
  t.same(pdfLayout([nested]).rows, laidOut([nested]), 'a table drawn inside a cell of another, whose text either could claim')
})

t.test('pdfLayout: a table broken over pages, without borders at the break, and line numbers across pages', async (t) => {
  const first: PdfPage = {
    items: [item('标题', 40, 750, 12), item('行政许可', 45, 665), item('550', 145, 665), item('行政处罚', 45, 635), item('6', 145, 635), item('7', 245, 635)],
    rules: borders([40, 140, 240, 340], [680, 650, 620], ['h:2:0', 'h:2:1', 'h:2:2'])
  }
  const second: PdfPage = {
    items: [item('行政强制', 45, 765), item('9', 145, 765), item('3', 245, 765), item('- 2 -', 280, 30, 9)],
    rules: borders([40, 140, 240, 340], [780, 750], ['h:0:0', 'h:0:1', 'h:0:2'])
      .concat(borders([40, 140, 240, 340], [750, 720]))
  }
  t.same(cellRows([first, second]), [
    { line: 2, cells: ['行政许可', '550', ''], covered: [] },
    { line: 3, cells: ['行政处罚', '6', '7'], covered: [] },
    { line: 4, cells: ['行政强制', '9', '3'], covered: [] },
    { line: 4, cells: ['', '', ''], covered: [] }
  ], 'the edges where both outer verticals end close the cells; an empty row takes the line of the row above')
})

t.test('pdfLayout: a row the printer may have broken over a page is never read as either page printed it', async (t) => {
  const xs = [40, 200, 260, 320]
  const foot = (label: string, values: readonly [string, number][]): PdfPage => ({
    items: [item('3.要求提供公开出版物', 45, 665), item('1', 205, 665), item('2', 265, 665), item('3', 325, 665), item(label, 45, 635), ...values.map(([text, x]) => item(text, x, 635))],
    rules: borders(xs.concat(380), [680, 650, 620])
  })
  const head = (label: string, values: readonly [string, number][]): PdfPage => ({
    items: [item(label, 45, 765), ...values.map(([text, x]) => item(text, x, 765))],
    rules: borders(xs.concat(380), [780, 750]).concat(borders(xs.concat(380), [750, 720]))
  })
  const rows = (pages: readonly PdfPage[]) => cellRows(pages).filter((row) => row.cells?.some((cell) => cell !== '') === true).map((row) => row.cells)
  t.same(rows([foot('4.无正', [['78268', 205], ['10', 265]]), head('当理由大量反复申请', [['64', 205]])]), [
    ['3.要求提供公开出版物', '1', '2', '3'],
    ['4.无正', '78268｜64', '10', ''],
    ['当理由大量反复申请', '｜64', '｜', '｜']
  ], 'a number cut by the page is undecided, and so is every value under the break; a value printed whole above it stands')
  t.same(rows([foot('4.无正当理由大量反复申请', [['5', 205], ['10', 265], ['15', 325]]), head('5.要求确认信息', [['64', 205]])]).slice(1), [
    ['4.无正当理由大量反复申请', '5', '10', '15'],
    ['5.要求确认信息', '64', '', '']
  ], 'a row starting with its item number is a row of its own: its empty cells are blanks')
  t.same(rows([foot('4.无正当理由大量反复申请', [['5', 205], ['10', 265], ['15', 325]]), head('行政强制', [['1', 205], ['2', 265], ['3', 325]])]).slice(1), [
    ['4.无正当理由大量反复申请', '5', '10', '15'],
    ['行政强制', '1', '2', '3']
  ], 'two rows printing the same value cells are two rows')
  t.same(rows([foot('4.无正', [['5', 205], ['10', 265], ['15', 325]]), head('当理由大量反复申请', [])]).slice(1), [
    ['4.无正', '5', '10', '15'],
    ['当理由大量反复申请', '｜', '｜', '｜']
  ], 'with nothing under its values, the row above stands as printed, and the rest of it has no blank to give')
})

t.test('pdfLayout: header rows repeated at the head of the next page are dropped, and a row broken over the page stays undecided', async (t) => {
  const xs = [40, 200, 260, 320, 380]
  const header = (y: number) => [item('申请人情况', 45, y), item('自然人', 205, y), item('法人', 265, y), item('总计', 325, y)]
  const first: PdfPage = {
    items: [...header(665), item('3.要求提供公开出版物', 45, 635), item('1', 205, 635), item('2', 265, 635), item('3', 325, 635),
      item('4.无正', 45, 605), item('78268', 205, 605), item('10', 265, 605)],
    rules: borders(xs, [680, 650, 620, 590])
  }
  const second: PdfPage = {
    items: [...header(765), item('当理由大量反复申请', 45, 735), item('64', 205, 735), item('5.要求确认信息', 45, 705), item('4', 205, 705), item('5', 265, 705), item('9', 325, 705)],
    rules: borders(xs, [780, 750, 720, 690])
  }
  t.same(cellRows([first, second]).map((row) => row.cells), [
    ['申请人情况', '自然人', '法人', '总计'],
    ['3.要求提供公开出版物', '1', '2', '3'],
    ['4.无正', '78268｜64', '10', ''],
    ['当理由大量反复申请', '｜64', '｜', '｜'],
    ['5.要求确认信息', '4', '5', '9']
  ], 'the header is read once; the cells under the break are undecided, none is taken for a blank')
  const twice: PdfPage = { ...second, items: [...header(765), item('5.要求确认信息', 45, 735), item('4', 205, 735), item('5', 265, 735), item('9', 325, 735), item('申请人情况', 45, 705)] }
  t.same(cellRows([first, twice]).map((row) => row.cells).slice(3), [['5.要求确认信息', '4', '5', '9'], ['申请人情况', '', '', '']],
    'only the rows at the head of the page, each as the table began, are the repeated header')
})

t.test('pdfLayout: a ruled table at the head of a page, going on from a page whose table was not read by its cells', async (t) => {
  const xs = [40, 200, 260, 320, 380]
  // The page before: its table printed without borders (laid-out text), its last row begun at its foot.
  const before: PdfPage = { items: [item('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处', 45, 605, 8), item('2', 205, 605), item('9', 265, 605), item('26', 325, 605)] }
  const head = (label: string, values: readonly [string, number][]): PdfPage => ({
    items: [item(label, 45, 765), ...values.map(([text, x]) => item(text, x, 765)), item('3.其他', 45, 735), item('1', 205, 735), item('2', 265, 735), item('3', 325, 735)],
    rules: borders(xs, [780, 750, 720])
  })
  const rows = (pages: readonly PdfPage[]) => cellRows(pages).map((row) => row.cells)
  t.same(rows([before, head('理其政府信息公开申请', [])]), [['理其政府信息公开申请', '｜', '｜', '｜'], ['3.其他', '1', '2', '3']],
    'the rest of a label with empty cells is undecided, never read as blanks')
  t.same(rows([before, head('4.无正当理由大量反复申请', [['5', 205]])])[0], ['4.无正当理由大量反复申请', '5', '', ''], 'a row starting with its item number is a row of its own')
  t.same(rows([before, head('行政许可', [['5', 205], ['6', 265], ['7', 325]])])[0], ['行政许可', '5', '6', '7'], 'as is one printing every value cell')
})

t.test('pdfLayout: a single ruled row is a table\'s row only where it goes on from a table of the page before', async (t) => {
  const xs = [40, 140, 240, 340]
  const headers: PdfPage = {
    items: [item('结果维持', 45, 665), item('结果纠正', 145, 665), item('总计', 245, 665), item('复议', 45, 635), item('诉讼', 145, 635), item('其他', 245, 635)],
    rules: borders(xs, [680, 650, 620])
  }
  const values: PdfPage = { items: [item('1', 45, 765), item('2', 245, 765)], rules: borders(xs, [780, 750]) }
  t.same(cellRows([headers, values]).at(-1), { line: 3, cells: ['1', '', '2'], covered: [] }, 'under the headers on the page before, with their columns')
  t.same(cellRows([values]), [], 'alone, it is laid-out text')
  const elsewhere: PdfPage = { ...values, rules: borders([40, 190, 340], [780, 750]) }
  t.same(cellRows([headers, elsewhere]).length, 2, 'in other columns, it is laid-out text')
})
