import t from 'tap'
import { readValue, splitRow, valueRows } from '../../../src/domain/import/read-tables.js'
import { htmlRows } from '../../../src/domain/import/source-html.js'
import { detectTextFormat, isPageNumber, lineTokens, tabbedRows, textRows } from '../../../src/domain/import/source-text.js'
import type { SourceRow } from '../../../src/domain/import/types.js'
import { SEED_TEXT } from './corpus.js'

const text = (line: string, n = 1): SourceRow => ({ line: n, cells: null, covered: [], text: line })

t.test('detectTextFormat', async (t) => {
  t.equal(detectTextFormat(SEED_TEXT), 'pipe')
  t.equal(detectTextFormat(Array.from({ length: 30 }, (_, i) => (i % 8 === 0 ? '标签' : '0')).join('\n')), 'cell-per-line')
  t.equal(detectTextFormat(''), 'layout')
})

t.test('tabbedRows: tabs separate cells; the breaks a tab usually has are the row\'s, more end it', async (t) => {
  const cell = (line: number, cells: string[]): SourceRow => ({ line, cells, covered: [], text: cells.join('\t') })
  // A browser's innerText of a Word-exported page: each cell's paragraph between blank lines, a blank cell a no-break space.
  const copied = '二、主动公开\n\n规章\n\n\t\n\n28\n\n\t\n\n\u00a0\n\n\n\n\n规范性\n文件\n\n\t\n\n\t\n\n2'
  t.same(tabbedRows(copied), [text('二、主动公开'), cell(3, ['规章', '28', '']), text('规范性', 16), cell(17, ['文件', '', '2'])],
    'a trailing blank cell, a blank cell between two tabs, a label broken inside its cell; lines as in the text')
  // A plain copy (no breaks beside tabs): a break after a tab ends a row that ends with an empty cell, one before a tab
  // starts a row with one.
  t.same(tabbedRows('a\t1\t\n\t2\t3\r\nb\t4'), [cell(1, ['a', '1', '']), cell(2, ['', '2', '3']), cell(3, ['b', '4'])])
  t.same(tabbedRows('\t一、总体情况\n\t2023年，我局共收到申请3件。'), [cell(1, ['', '一、总体情况']), cell(2, ['', '2023年，我局共收到申请3件。'])])
})

t.test('detectTextFormat: tabbed only for tables of tab-separated cells', async (t) => {
  const rows = Array.from({ length: 6 }, (_, i) => `行${i}\t${i}\t0\t—`).join('\n')
  t.equal(detectTextFormat(`标题\n${rows}`), 'tabbed')
  t.equal(detectTextFormat(Array.from({ length: 6 }, (_, i) => `\t第${i}段，共收到申请${i}件。`).join('\n')), 'layout', 'paragraphs indented with a tab are no table')
  t.equal(detectTextFormat(Array.from({ length: 6 }, (_, i) => `行${i} | ${i}\t| 0 |`).join('\n')), 'pipe', 'bars win over tabs')
})

t.test('page numbers, tokens and text rows', async (t) => {
  t.ok(isPageNumber('                 -3-'))
  t.ok(isPageNumber('- 12 -'))
  t.ok(isPageNumber('第 3 页 共 5 页'))
  t.notOk(isPageNumber('3'), 'a bare number may be a cell')
  t.same(lineTokens('行政许可      ５５０'), ['行政许可', '550'])
  t.same(textRows('规章 | 0 | 0 | 0 |\n\n-2-\n说明\f', 'pipe'), [
    { line: 1, cells: ['规章', '0', '0', '0'], covered: [], text: '规章\t0\t0\t0' },
    { line: 4, cells: null, covered: [], text: '说明' }
  ])
  t.same(textRows('a | b |', 'layout'), [{ line: 1, cells: null, covered: [], text: 'a | b |' }], 'bars are cells only in pipe text')
})

t.test('splitRow: label pieces hold Chinese, values follow', async (t) => {
  const row = splitRow({ line: 3, cells: ['(三)不予公开', '1.属于国家秘密', '0', '/', ''], covered: ['三、本年度办理结果'], text: '' })
  t.same(row, {
    label: '三、本年度办理结果 (三)不予公开 1.属于国家秘密',
    values: [{ source: '0', line: 3 }, { source: '/', line: 3 }, { source: '', line: 3 }]
  })
  t.same(splitRow(text('              1.属于国家秘密         1     0      0')).values.map((v) => v.source), ['1', '0', '0'])
  t.same(splitRow(text('3.补正后申请内容仍不明确0 0')), { label: '3.补正后申请内容仍不明确', values: [{ source: '0', line: 1 }, { source: '0', line: 1, span: { start: 15, end: 16 } }] },
    'a glued value (its place unknown); a token keeps its place on the line')
  t.same(splitRow(text('行政规范性文件 0 l 2')).values.map((v) => v.source), ['0', 'l', '2'], 'garbage stays a value, to be reported')
  t.same(splitRow({ line: 1, cells: ['第二十条第(一)项', '', '', ''], covered: [], text: '' }).values.map((v) => v.source), ['', '', ''],
    'empty cells after a label may be a row printed blank (or header padding): offered as blanks')
  t.same(splitRow(text('hzzwgk@126.com）。')).values, [], 'no number: no values')
  t.same(splitRow({ line: 1, cells: ['', '0', '1'], covered: [], text: '' }).values.map((v) => v.source), ['', '0', '1'], 'no label: a leading blank is a value')
  // pdftotext puts a label broken over lines in its cell as its words above or below and its number on the values' line.
  t.match(splitRow(text('                               4.               26    9977 0   29  1   —   1')),
    { label: '4.', values: ['26', '9977', '0', '29', '1', '—', '1'].map((source) => ({ source, line: 1 })) }, 'an item number alone is label')
  t.same(splitRow(text('  规章     12    0')).values, [{ source: '12', line: 1, span: { start: 9, end: 11 } }, { source: '0', line: 1, span: { start: 15, end: 16 } }],
    'laid-out values keep their columns')
  t.same(splitRow(text('  3.   补正后申请内 65   26   9   23   17   15   3')).label, '3. 补正后申请内', 'an item number apart from its words')
  t.same(splitRow(text('（4） 0 1 2')).label, '(4)', 'a bracketed item number')
  t.same(splitRow(text('合计 4.5 1')).values.map((v) => v.source), ['4.5', '1'], 'a decimal stays a value')
})

t.test('valueRows: label lines become context; one cell per line merges', async (t) => {
  const layout = valueRows([text('（二）部分公开（区分处理的，只计这一情 形，不'), text('计其他情形）'), text('4 0 0 0 0 0 4'), text('1.属于国家秘密 1 0 0 0 0 0 1')], 'layout')
  t.same(layout.map((r) => [r.label, r.context, r.values.length]), [
    ['', '(二)部分公开(区分处理的,只计这一情 形,不 计其他情形)', 7], // tokens are NFKC-folded
    ['1.属于国家秘密', '', 7]
  ])
  const numberApart = valueRows([text('保护第三方合法权益'), text('4.  26 0 0 29 1 — 1'), text('属于三类内部事务信息'), text('5.  1 2 3 4 5 6 21')], 'layout')
  t.same(numberApart.map((r) => [r.label, r.context, r.values.length]), [['4.', '保护第三方合法权益', 7], ['5.', '属于三类内部事务信息', 7]],
    'the words above a numbered values line are its context')
  const perLine = valueRows(['规章', '0', '0', '0', '行政规范性文件', '0', '1', '2'].map((l, i) => text(l, i + 1)), 'cell-per-line')
  t.same(perLine.map((r) => [r.context, r.values.map((v) => v.source)]), [['规章', ['0', '0', '0']], ['行政规范性文件', ['0', '1', '2']]])
})

t.test('readValue: numbers, blanks, and nothing else', async (t) => {
  t.equal(readValue('1,234', 'count'), 1234)
  t.equal(readValue('１２', 'count'), 12, 'full-width digits')
  t.equal(readValue('—', 'count'), null)
  t.equal(readValue('', 'count'), null)
  t.equal(readValue('-2', 'signed'), -2)
  t.equal(readValue('-2', 'count'), undefined, 'only 本年增/减 is signed')
  t.equal(readValue('7730.28', 'amount'), 7730.28)
  t.equal(readValue('7730.28', 'count'), undefined, 'a count is whole')
  t.equal(readValue('l', 'count'), undefined)
})

t.test('htmlRows: paragraphs, merged cells, &nbsp; and page-layout tables', async (t) => {
  const rows = htmlRows([
    '<html><head><title>不是正文</title><style>p{}</style></head><body>',
    '<p>一、总体<span>情况</span></p><p>&nbsp;</p>',
    '<table><tr><td rowspan=2>（三）不予<br>公开</td><td>1.属于国家秘密</td><td>0</td></tr>',
    '<tr><td>2.其他</td><td>&nbsp;</td></tr>',
    '<tr><td colspan=2><p>（七）</p><p>总计</p></td><td>1</td></tr></table>',
    '<table><tr><td><p>包在版式表格里的段落</p></td></tr></table>',
    '</body></html>'
  ].join('\n'))
  t.same(rows.map((r) => [r.cells, r.covered, r.text]), [
    [null, [], '一、总体情况'],
    [['（三）不予公开', '1.属于国家秘密', '0'], [], '（三）不予公开\t1.属于国家秘密\t0'],
    [['2.其他', ''], ['（三）不予公开'], '2.其他\t'],
    [['（七）总计', '1'], [], '（七）总计\t1'],
    [null, [], '包在版式表格里的段落']
  ])
  t.ok(rows.every((r) => r.line > 0), 'lines from parse5 source locations')
})

t.test('htmlRows: a page nested 100,000 elements deep, a row of 150,000 cells and a table of 150,000 rows are read without recursion', async (t) => {
  const nested = htmlRows(`${'<div>'.repeat(100_000)}二、主动公开政府信息情况${'</div>'.repeat(100_000)}`)
  t.same(nested.map((row) => row.text), ['二、主动公开政府信息情况'])
  const wide = htmlRows(`<table><tr>${'<td>1</td>'.repeat(150_000)}</tr><tr><td>规章</td><td>0</td></tr></table>`)
  t.equal(wide[0]?.cells?.length, 150_000)
  const tall = htmlRows(`<table>${'<tr><td>规章</td><td>1</td></tr>'.repeat(150_000)}</table>`)
  t.equal(tall.length, 150_000)
})
