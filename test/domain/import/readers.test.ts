import t from 'tap'
import { binarySignature, looksLikeHtml } from '../../../src/domain/import/sniff.js'
import { looksLikeMarkdown, markdownRows } from '../../../src/domain/import/source-markdown.js'
import { lacksTextLayer, pdfLayoutText, type PdfTextItem } from '../../../src/domain/import/source-pdf.js'
import { textRows } from '../../../src/domain/import/source-text.js'

const item = (text: string, x: number, y: number, size = 12, vertical = false): PdfTextItem =>
  ({ text, x, y, width: [...text].length * size, height: size, vertical })

t.test('binarySignature and looksLikeHtml', async (t) => {
  t.equal(binarySignature(Buffer.from('%PDF-1.7\n')), 'pdf')
  t.equal(binarySignature(Buffer.from('\r\n  junk %PDF-1.4')), 'pdf', 'junk before the header, as readers allow')
  t.equal(binarySignature(Buffer.from('PK\x03\x04rest', 'latin1')), 'zip')
  t.equal(binarySignature(Buffer.from('二、主动公开 %PDF-1.7')), 'pdf', 'within the first kilobyte')
  t.equal(binarySignature(Buffer.from(`${'x'.repeat(2000)}%PDF-1.7`)), null, 'not after it')
  t.equal(binarySignature(Buffer.from('<html>')), null)
  t.ok(looksLikeHtml('\ufeff  <html xmlns:o="urn:schemas-microsoft-com:office:office">'))
  t.ok(looksLikeHtml('<!DOCTYPE html><p>x'))
  t.ok(looksLikeHtml('<table><tr>'))
  t.notOk(looksLikeHtml('二、主动公开政府信息情况 <p>'))
  t.notOk(looksLikeHtml('<pre-formatted text'))
})

t.test('looksLikeMarkdown: a delimiter row or two ATX headings; pipe text is not markdown', async (t) => {
  t.ok(looksLikeMarkdown('| a | b |\n|---|:---:|\n| 1 | 2 |'))
  t.ok(looksLikeMarkdown('a | b\n--- | ---\n1 | 2'))
  t.ok(looksLikeMarkdown('## 一、总体情况\n正文\n## 二、主动公开政府信息情况'))
  t.notOk(looksLikeMarkdown('规章 | 0 | 0 | 0 |\n行政规范性文件 | 0 | 1 | 2 |'))
  t.notOk(looksLikeMarkdown('#1 只有一个 # 号\n———'))
})

t.test('markdownRows: markers dropped, delimiter rows skipped, merged labels covered', async (t) => {
  const rows = markdownRows([
    '## 三、收到和处理政府信息公开申请情况', '',
    '| 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 1 | |',
    '|---|---|---|---|---|',
    '| 三、本年度办理结果 | （三）不予公开 | 2.其他法律行政法规禁止公开 | 0 | 0 |',
    '| | | 3.危及“三安全一稳定” | **2** | — |',
    '| | （四）无法提供 | 1.本机关不掌握相关政府信息 | 4 | 4 |'
  ].join('\n'))
  t.same(rows[0], { line: 1, cells: null, covered: [], text: '三、收到和处理政府信息公开申请情况' })
  t.same(rows.slice(1).map((r) => [r.line, r.covered, r.cells]), [
    [3, [], ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '1', '']],
    [5, ['三、本年度办理结果', '（三）不予公开'], ['2.其他法律行政法规禁止公开', '0', '0']],
    [6, ['三、本年度办理结果', '（三）不予公开'], ['3.危及“三安全一稳定”', '2', '—']],
    [7, ['三、本年度办理结果'], ['（四）无法提供', '1.本机关不掌握相关政府信息', '4', '4']]
  ], 'repeated and empty label cells are the labels above; an empty value cell stays a blank')
  const html = markdownRows('正文\n\n<table><tr><td>规章</td><td>0</td></tr><tr><td>行政规范性文件</td><td>1</td></tr></table>\n')
  t.same(html.map((r) => r.cells), [null, ['规章', '0'], ['行政规范性文件', '1']], 'an HTML table inside markdown')
})

t.test('pdfLayoutText: lines by baseline, columns by gaps, indentation from the margin', async (t) => {
  const text = pdfLayoutText([{
    items: [
      item('- 1 -', 280, 30, 9),
      item('二、主动公开政府信息情况', 106, 700, 16),
      item('规章', 81, 650),
      item('0', 282, 650.8), // a value centred a little off its label's baseline
      item('5', 377, 650),
      item('三、本年', 90, 600, 10, true),
      item('本报告由', 74, 620, 16),
      item('第', 138, 620, 16),
      item('711', 158, 620, 16),
      item(' ', 200, 620, 0)
    ]
  }])
  const lines = text.split('\n')
  t.match(lines[0], /^ {4}二、主动公开政府信息情况$/, 'indented by its distance from the margin, in columns of half its font size')
  t.match(lines[1], /^ 规章 +0 +5$/, 'one line, values apart')
  t.same([lines[1]?.indexOf('0'), lines[1]?.indexOf('5')], [Math.round((282 - 74) / 6), Math.round((377 - 74) / 6)],
    'each value at the column of its x, whatever the text before it')
  t.equal(lines[2], '本报告由第 711', 'adjacent runs join, a word gap is one space; blank items and vertical labels are not printed')
  t.equal(lines[3]?.trim(), '- 1 -')
  t.equal(lines.length, 4)
  t.ok(lacksTextLayer([{ items: [item('- 1 -', 280, 30)] }, { items: [] }]), 'a page number alone is no text layer')
  t.notOk(lacksTextLayer([{ items: [item('二、主动公开政府信息情况二、主动公开政府信息情况', 0, 0)] }]))
})

t.test('pdfLayoutText: the margin is the leftmost place lines start, not where most do', async (t) => {
  // A table of narrow cells: the pieces of labels wrapped in its inner column start most lines.
  const lines = pdfLayoutText([{
    items: [
      item('一、本', 78, 700), item('28', 120, 700), item('8,831', 160, 700),
      item('年新收', 78, 685), item(',886', 160, 688),
      item('1.属于', 160, 660), item('国家秘', 160, 645), item('密', 160, 630), item('2.其他', 160, 615), item('法律行', 160, 600)
    ]
  }]).split('\n')
  t.equal(lines[0]?.indexOf('一'), 0, 'the first column at the margin')
  t.equal(lines[2]?.indexOf('1.属于'), Math.round((160 - 78) / 6), 'the inner column indented from it, in columns of half the font size')
  t.equal(lines[1]?.indexOf(',886'), lines[2]?.indexOf('1.属于'), 'a line starting in the inner column is printed there, under the number it continues')
})

t.test('textRows: radicals a font printed for ideographs are read as the ideographs', async (t) => {
  // Chromium with Noto CJK writes 民 as the radical ⺠ (U+2EA0); a Kangxi radical (⽂, U+2F42) folds by NFKC.
  const rows = textRows('淮安市洪泽区人⺠政府\n⻓兴县⽂化局', 'layout')
  t.same(rows.map((row) => row.text), ['淮安市洪泽区人民政府', '长兴县文化局'])
})
