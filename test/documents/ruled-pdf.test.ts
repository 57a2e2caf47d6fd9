/**
 * The lines a PDF page draws, as the PDF reader hands them to the layout: stroked segments and rectangles, thin
 * filled rectangles (how Chromium draws borders) as their middle lines, through the transformation matrix; curves,
 * filled areas and the drawing of pages without a table's cell values (a scan's, prose) left out.
 */
import t from 'tap'
import { readPdfPages } from '../../src/services/pdf-text.js'
import { writePdf } from './write-pdf.js'

const rounded = (rules: readonly { x1: number, y1: number, x2: number, y2: number }[] | undefined) =>
  (rules ?? []).map((r) => [r.x1, r.y1, r.x2, r.y2].map((v) => Math.round(v * 100) / 100))

t.test('readPdfPages: the straight lines of each page with text, in page space', async (t) => {
  const drawing = [
    '0.5 w 40 600 m 340 600 l S',
    '40 500 300 60 re S',
    'q 2 0 0 2 10 10 cm 100 100 50 0.4 re f Q',
    '200 200 50 50 re f',
    '40 100 m 60 120 80 120 100 100 c S',
    '5 0 m 5 50 l S'
  ].join('\n')
  const text = [{ x: 300, y: 700, size: 12, text: '表格' }, ...['1', '—', '30'].map((value, k) => ({ x: 300 + 40 * k, y: 650, size: 12, text: value }))]
  const prose = [{ x: 100, y: 700, size: 12, text: '2023年，本机关主动公开政府信息120条。' }]
  const pdf = writePdf([text, [], prose], { drawings: [drawing, drawing, drawing] })
  const [page, blank, words] = await readPdfPages(new Uint8Array(pdf), 10)
  t.same(rounded(page?.rules), [
    [40, 600, 340, 600],
    [40, 500, 340, 500], [340, 500, 340, 560], [340, 560, 40, 560], [40, 560, 40, 500],
    [210, 210.4, 310, 210.4],
    [5, 0, 5, 50]
  ], 'a segment, a stroked box\'s four sides, a thin filled box scaled and moved by its matrix (restored after), never a filled area or a curve')
  t.same(blank?.rules, [], 'a page without text is not looked at')
  t.same(words?.rules, [], 'nor a page of prose, which prints no bare number or blank marker of a table\'s cells')
})

t.test('readPdfPages: a page drawing more lines than a form would is read without them', async (t) => {
  const hatching = Array.from({ length: 25_000 }, (_, k) => `0 ${(k % 800).toFixed(0)} m 500 ${(k % 800).toFixed(0)} l`).join('\n') + '\nS'
  const cells = ['表格', '1', '2', '3'].map((text, k) => ({ x: 300 + 40 * k, y: 700, size: 12, text }))
  const [page] = await readPdfPages(new Uint8Array(writePdf([cells], { drawings: [hatching] })), 10)
  t.same(page?.rules, [])
  t.ok(page?.items.some((item) => item.text.includes('表格')), 'its text is read')
})
