import { readFileSync } from 'node:fs'
import t from 'tap'
import { parseReportHtml, parseReportText, type ImportHints } from '../../../src/domain/import/index.js'
import type { AnnualReport } from '../../../src/domain/report.js'
import { wrongCells } from '../../support/read-cells.js'
import { comparable, completed, CORPUS, expectedReport, htmlFixture, SEED_HINTS, SEED_TEXT as seedText } from './corpus.js'

const readText = (text: string, hints?: ImportHints) => completed(parseReportText(text, hints))
const readHtml = (html: string, hints?: ImportHints) => completed(parseReportHtml(html, hints))

t.test('the seed text parses to exactly seed-2023.json', async (t) => {
  const { report, parse } = readText(seedText, SEED_HINTS)
  const expected = expectedReport('seed-2023')
  t.strictSame(comparable(report)?.rest, comparable(expected)?.rest, 'every cell and every metadata field, exactly')
  t.strictSame(comparable(report)?.prose, comparable(expected)?.prose, 'the three prose sections, up to whitespace')
  t.equal(report?.sections.problems, expected.sections.problems, 'section 五 is even character for character')
  t.same(parse.missing, [])
  t.same(parse.problems, [])
  t.equal(parse.format, 'pipe')
  t.same(parse.templates, { proactive: '2021', requests: '2021', reviewLitigation: '2021' })
  t.equal(parse.confidence, 1)
  t.equal(parse.cells.length, 200, '10 + 175 + 15 cells, each traced to its source')
  t.same(parse.cells.find((c) => c.pointer === '/requests/newReceived/total'), { pointer: '/requests/newReceived/total', source: '10', line: 38 })
  t.same(parse.cells.at(-1), { pointer: '/reviewLitigation/suitAfterReview/total', source: '0', line: 67 })
})

t.test('the HTML fixtures (Word export, merged cells) parse to their report JSON', async (t) => {
  for (const { name, hints } of CORPUS.filter((c) => c.name !== '010')) {
    const { report, parse } = readHtml(htmlFixture(name), hints)
    const expected = expectedReport(name)
    t.equal(parse.format, 'html')
    t.strictSame(comparable(report)?.rest, comparable(expected)?.rest, `${name}: tables and metadata`)
    t.strictSame(comparable(report)?.prose, comparable(expected)?.prose, `${name}: prose`)
    t.same(parse.problems, [], `${name}: no problem`)
  }
})

t.test('HTML: a page-layout table around the whole report is read as paragraphs, its data tables as tables', async (t) => {
  const wrapped = htmlFixture('seed-2023')
    .replace("<div class=WordSection1 style='layout-grid:15.6pt'>", '<table width=900><tr><td class=content><div class=WordSection1>')
    .replace('</body>', '</td></tr></table></body>')
  const { report, parse } = readHtml(wrapped, SEED_HINTS)
  t.strictSame(comparable(report), comparable(expectedReport('seed-2023')))
  t.same(parse.problems, [])
})

t.test('the same seed as one cell per line, and column-aligned', async (t) => {
  const cells = (line: string): string[] => line.split('|').map((c) => c.trim()).filter((c) => c !== '')
  const cellPerLine = seedText.split('\n').flatMap((line) => line.includes('|') ? cells(line) : [line]).join('\n')
  const aligned = seedText.split('\n').map((line) => line.includes('|') ? '    ' + cells(line).join('      ') : line).join('\n')
  const expected = comparable(expectedReport('seed-2023'))
  for (const [format, text] of [['cell-per-line', cellPerLine], ['layout', aligned]] as const) {
    const { report, parse } = readText(text, SEED_HINTS)
    t.equal(parse.format, format)
    t.strictSame(comparable(report), expected, format)
  }
})

t.test('table 四 printed down its columns, a header column with its value under it (pdftotext without -layout), is not read', async (t) => {
  const cells = (line: string): string[] => line.split('|').map((c) => c.trim()).filter((c) => c !== '')
  const lines = seedText.split('\n')
  const start = lines.findIndex((line) => line.startsWith('四、政府信息公开行政复议'))
  const values = cells(lines[start + 4] ?? '')
  const headers = cells(lines[start + 3] ?? '')
  // 行政复议 and 行政诉讼 first, then each of the 15 columns' header with its value under it.
  const byColumns = [...lines.slice(0, start + 1), '行政复议', '行政诉讼', ...headers.flatMap((header, i) => [header, values[i] ?? '']),
    ...values.slice(headers.length), ...lines.slice(start + 5)].join('\n')
  const cellPerLine = byColumns.split('\n').flatMap((line) => line.includes('|') ? cells(line) : [line]).join('\n')
  const { report, parse } = parseReportText(cellPerLine, SEED_HINTS)
  t.equal(parse.format, 'cell-per-line')
  t.equal((report as Partial<AnnualReport> | null)?.reviewLitigation, undefined, 'no cell of table 四')
  t.match(parse.unread.filter((u) => u.pointer.startsWith('/reviewLitigation')), [{ pointer: '/reviewLitigation', reason: 'not-found', messageEn: /Table 4 prints its row labels one after another and its values after them/ }])
  const inOrder = seedText.split('\n').flatMap((line) => line.includes('|') ? cells(line) : [line]).join('\n')
  t.same(readText(inOrder, SEED_HINTS).report?.reviewLitigation, expectedReport('seed-2023').reviewLitigation, 'printed header first, then its row: read')
})

t.test('pdftotext without -layout (a cell per line, some rows\' values before their labels): no cell is read wrongly', async (t) => {
  // A random report printed by Chromium and put through `pdftotext` (poppler 22), with the report it was made from.
  const fixture = (name: string) => readFileSync(new URL(`../../fixtures/pdftotext/${name}`, import.meta.url), 'utf8')
  const printed = JSON.parse(fixture('raw-generated.json')) as AnnualReport
  const result = parseReportText(fixture('raw-generated.txt'), { regionCode: printed.agency.regionCode, kind: printed.kind })
  t.equal(result.parse.format, 'cell-per-line')
  t.same((result.report as Partial<AnnualReport>).requests, undefined, 'table 三, whose rows are out of step, is not read')
  t.match(result.parse.unread.filter((u) => u.pointer.startsWith('/requests')), [{ pointer: '/requests', reason: 'value-count', messageEn: /not every row has its number of values right after it/ }],
    'it is unread as a whole: which template\'s rows it has is not known either')
  t.same(result.parse.templates.requests, null)
  t.same(wrongCells(printed, result), [], 'every other cell is read as printed or said to be unread')
})

t.test('labels: full-width brackets, 、 for ., typos, broken lines, heading variants', async (t) => {
  const variant = seedText
    .replace(/\(([一二三四五六七])\)/g, '（$1）')
    .replace('2.其他法律行政法规禁止公开', '2、其他法律行政止公开')
    .replace('4.无正当理由大量反复申请', '4.无正当理由大量反复 申请')
    .replace('(二)部分公开(区分处理的,只计这一情形,不计其他情形) |', '（二）部分公开（区分处理的，只计这一情\n形，不计其他情形） |')
    .replace('四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政法复议和提起行政诉讼情况')
    .replace('五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况')
    .replace('商业 企业', '-2-\n商业 企业')
  const { report, parse } = readText(variant, SEED_HINTS)
  t.strictSame(comparable(report)?.rest, comparable(expectedReport('seed-2023'))?.rest)
  t.same(parse.problems, [])
  t.ok(parse.confidence > 0.9 && parse.confidence <= 1, `confidence ${parse.confidence}`)
})

t.test('blank markers are null, never 0', async (t) => {
  const { report, parse } = readText(seedText.replace('行政规范性文件 | 0 | 1 | 2 |', '行政规范性文件 | / | — | - |'), SEED_HINTS)
  t.same(report?.template === '2021' && report.proactive.normativeDocuments, { issued: null, repealed: null, inForce: null })
  t.same(parse.cells.filter((c) => c.pointer.startsWith('/proactive/normativeDocuments')).map((c) => c.source), ['/', '—', '-'])
  // 无 ("none") in a cell, in a pipe row and in laid-out text; alone on a line of text printed a cell per line, it is not
  // known to be where its row is (pdftotext's reading order moves it), and its table is not read.
  const none = seedText.replace('行政规范性文件 | 0 | 1 | 2 |', '行政规范性文件 | 无 | 1 | 无 |')
  const laidOut = none.split('\n').map((line) => line.includes('|') ? '    ' + line.split('|').map((c) => c.trim()).filter((c) => c !== '').join('      ') : line).join('\n')
  for (const [format, text] of [['pipe', none], ['layout', laidOut]] as const) {
    const read = readText(text, SEED_HINTS)
    t.equal(read.parse.format, format)
    t.same(read.report?.template === '2021' && read.report.proactive.normativeDocuments, { issued: null, repealed: 1, inForce: null }, `${format}: 无 is a blank`)
  }
  const perLine = none.split('\n').flatMap((line) => line.includes('|') ? line.split('|').map((c) => c.trim()).filter((c) => c !== '') : [line]).join('\n')
  const cellPerLine = parseReportText(perLine, SEED_HINTS)
  const seed = expectedReport('seed-2023')
  const printed = { ...seed, proactive: { ...seed.proactive, normativeDocuments: { issued: null, repealed: 1, inForce: null } } } as AnnualReport
  t.equal(cellPerLine.parse.format, 'cell-per-line')
  t.same(wrongCells(printed, cellPerLine), [], 'one cell per line: nothing is read wrongly, what is not read is said')
  t.match(cellPerLine.parse.unread.filter((u) => u.pointer.startsWith('/proactive')), [{ pointer: '/proactive', messageEn: /prints a cell per line and 无 for a blank/ }],
    'table 二 is unread as a whole: 无 alone on a line may not be where its row is')
  t.ok(cellPerLine.parse.unread.every((u) => u.pointer === '/proactive' || u.pointer.startsWith('/agency')), 'the other tables are read')
  t.not(perLine.replace(/^无\n1$/m, '无 1'), perLine)
  const besideValue = parseReportText(perLine.replace(/^无\n1$/m, '无 1'), SEED_HINTS)
  t.match(besideValue.parse.unread.filter((u) => u.pointer.startsWith('/proactive')), [{ pointer: '/proactive' }], 'so with 无 on a line beside a value')
})

t.test('（六）其他处理 with a cell unread is unread as a whole: one row or three is not known then', async (t) => {
  const { report, parse } = parseReportText(seedText.replace('3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '3.其他 | 0 | 0 | l | 0 | 0 | 0 | 0 |'), SEED_HINTS)
  t.same(parse.unread.filter((u) => u.pointer.startsWith('/requests')).map((u) => [u.pointer, u.reason]), [['/requests/outcomes/other', 'not-a-number']])
  t.match(parse.unread.find((u) => u.pointer === '/requests/outcomes/other'), { messageEn: /whether it is one row \(2019 form\) or three \(2021 form\) is not known/ })
  t.equal((report as Partial<AnnualReport>).requests?.outcomes?.other, undefined, 'none of its cells is given, the ones read included')
  t.notOk(parse.cells.some((c) => c.pointer.startsWith('/requests/outcomes/other/')))
  t.equal(parse.templates.requests, null, 'the template of table 三 is undecided')
  t.same((report as Partial<AnnualReport>).requests?.outcomes?.granted, expectedReport('seed-2023').requests.outcomes.granted, 'the other rows are read')
})

t.test('a 2019-template report (table 二 of 2019, 采购 in 元, single （六）) as pipe text', async (t) => {
  const text2019 = seedText
    .replace(/二、主动公开政府信息情况[\s\S]*?三、收到和处理/, [
      '二、主动公开政府信息情况',
      '第二十条第(一)项 | |||',
      '信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |',
      '规章 | 0 | 0 | 5 |',
      '规范性文件 | 2 | 2 | 30 |',
      '第二十条第(五)项 | |||',
      '信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |',
      '行政许可 | 40 | -2 | 1200 |',
      '其他对外管理服务事项 | 10 | 0 | 50 |',
      '第二十条第(六)项 | |||',
      '信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |',
      '行政处罚 | 25 | 1 | 80 |',
      '行政强制 | 5 | 0 | 3 |',
      '第二十条第(八)项 | |||',
      '信息内容 | 上一年项目数量 | 本年增/减 | |',
      '行政事业性收费 | 4 | -1 | |',
      '第二十条第(九)项 | |||',
      '信息内容 | 采购项目数量 | 采购总金额(元) | |',
      '政府集中采购 | 6 | 1234567.89 | |',
      '三、收到和处理'
    ].join('\n'))
    .replace(/\(六\)其他处理 \| 1\.申请人[^\n]*\n2\.申请人[^\n]*\n3\.其他 \|[^\n]*/, '(六)其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||')
    .replaceAll('2023', '2020')
  const { report, parse } = readText(text2019, SEED_HINTS)
  t.same(parse.templates, { proactive: '2019', requests: '2019', reviewLitigation: '2019' })
  t.equal(report?.template, '2019')
  t.equal(report?.year, 2020)
  t.same(report?.template === '2019' && report.proactive, {
    regulations: { newlyMade: 0, newlyPublished: 0, totalPublic: 5 },
    normativeDocuments: { newlyMade: 2, newlyPublished: 2, totalPublic: 30 },
    licensing: { previousItems: 40, change: -2, decisions: 1200 },
    otherServices: { previousItems: 10, change: 0, decisions: 50 },
    penalties: { previousItems: 25, change: 1, decisions: 80 },
    coercion: { previousItems: 5, change: 0, decisions: 3 },
    fees: { previousItems: 4, change: -1 },
    procurement: { projects: 6, amountWan: 123.456789 }
  }, '1234567.89 元 = 123.456789 万元')
  t.same(report?.requests.outcomes.other, { naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 0 })
})

t.test('metadata: dates normalised, hints filled in and overruled by the text', async (t) => {
  const text = seedText.replace('成文日期: | 2024-01-31 |', '成文日期: | 2024年1月31日 | 发布日期: | 2024/2/1 |')
  const { report, parse } = readText(text, { ...SEED_HINTS, agencyCode: '11330500002567803K', year: 2022, sourceUrl: 'http://www.wuxing.gov.cn/art/2024/1/31/art_1.html' })
  t.same(report?.publication, {
    indexNo: '11330524MB15359635/2024-00007',
    documentDate: '2024-01-31',
    publishedDate: '2024-02-01',
    disclosure: '主动公开',
    retention: '长期公开',
    publisher: '区发改经信局',
    sourceUrl: 'http://www.wuxing.gov.cn/art/2024/1/31/art_1.html'
  })
  t.equal(report?.agency.code, '11330524MB15359635', 'the 索引号 wins over the hint')
  t.equal(report?.year, 2023, 'the text wins over the hint')
  t.same(parse.problems.map((p) => [p.severity, p.pointer]), [['warning', '/year'], ['warning', '/agency/code']])
})

const TABLE_4 = ['review', 'suitDirect', 'suitAfterReview'].flatMap((g) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((f) => `/reviewLitigation/${g}/${f}`))

t.test('nothing is guessed: what cannot be read leaves the report incomplete and is named', async (t) => {
  const cases: { name: string, text: string, hints?: object, missing: string[], message: RegExp }[] = [
    { name: 'empty', text: '', missing: ['/year', '/agency/code', '/proactive', '/requests', '/reviewLitigation'], message: /文本为空/ },
    { name: 'garbage', text: 'lorem ipsum\n这是一段与报告无关的文字。\n12 34 56', missing: ['/year', '/agency/code', '/proactive', '/requests', '/reviewLitigation'], message: /未找到第二部分/ },
    { name: 'binary', text: '%PDF-1.7\n' + Array.from({ length: 400 }, (_, i) => String.fromCharCode(i % 9)).join(''), missing: ['', '/year', '/agency/code', '/proactive', '/requests', '/reviewLitigation'], message: /二进制/ },
    { name: 'table 三 missing', text: seedText.slice(0, seedText.indexOf('三、收到和处理')) + seedText.slice(seedText.indexOf('四、政府信息公开行政复议')), missing: ['/requests'], message: /未找到第三部分/ },
    { name: 'table 三 empty', text: seedText.replace(/(三、收到和处理政府信息公开申请情况\n)[\s\S]*?(四、政府信息公开行政复议)/, '$1$2'), missing: ['/requests'], message: /表三/ },
    { name: 'an unreadable cell', text: seedText.replace('行政规范性文件 | 0 | 1 | 2 |', '行政规范性文件 | 0 | l | 2 |'), missing: ['/proactive/normativeDocuments/repealed'], message: /“l”（第\d+行）无法识别/ },
    { name: 'a row missing', text: seedText.replace(/5\.属于三类内部事务信息[^\n]*\n/, ''), missing: ['/requests/outcomes/denied/internalAffairs/naturalPerson', '/requests/outcomes/denied/internalAffairs/commercial', '/requests/outcomes/denied/internalAffairs/research', '/requests/outcomes/denied/internalAffairs/socialWelfare', '/requests/outcomes/denied/internalAffairs/legalService', '/requests/outcomes/denied/internalAffairs/otherOrg', '/requests/outcomes/denied/internalAffairs/total'], message: /未找到“属于三类内部事务信息”行/ },
    { name: 'table 四 short', text: seedText.replace('1 | 0 | 0 | 0 | 1 | 0 |', '1 | 0 | 0 | 0 | 1 |'), missing: TABLE_4, message: /表四应有15个数值，读到14个/ },
    { name: 'no agency code', text: seedText.replace('11330524MB15359635/2024-00007', '无'), missing: ['/agency/code'], message: /统一社会信用代码/ },
    { name: 'no hints', text: seedText, hints: {}, missing: ['/agency/regionCode', '/agency/name', '/kind'], message: /行政区划代码/ }
  ]
  for (const c of cases) {
    const { report, parse } = readText(c.text, c.hints ?? SEED_HINTS)
    t.equal(report, null, `${c.name}: no report`)
    t.same(parse.missing, c.missing, `${c.name}: missing`)
    t.ok(parse.problems.some((p) => p.severity === 'error' && c.message.test(p.message) && p.messageEn !== ''), `${c.name}: the problem says so`)
    t.equal(parse.confidence, 0)
  }
  t.same(readText(seedText.replace(/20\d\d ?年/g, '本年'), { ...SEED_HINTS, year: 2023 }).report?.year, 2023, 'the hint supplies an unstated year')
})

t.test('a partial read keeps every cell read and says where each unread one was looked for', async (t) => {
  const text = seedText
    .replace('行政规范性文件 | 0 | 1 | 2 |', '行政规范性文件 | 0 | l | 2 |')
    .replace('11330524MB15359635/2024-00007', '无')
  const result = parseReportText(text, SEED_HINTS)
  t.equal(result.complete, false)
  const line = text.split('\n').findIndex((l) => l.startsWith('行政规范性文件')) + 1
  t.match(result.parse.unread, [
    { pointer: '/agency/code', reason: 'not-given', region: { fromLine: 1 } },
    { pointer: '/proactive/normativeDocuments/repealed', reason: 'not-a-number', source: 'l', line, region: { fromLine: Number, toLine: Number } }
  ])
  t.equal(result.parse.unread.length, 2)
  const region = result.parse.unread[1]?.region
  t.ok(region !== undefined && region.fromLine < line && line < region.toLine, 'the region of table 二 holds the line')
  t.equal(result.parse.cells.length, 199, 'every other cell is read')
  const partial = result.report as Record<string, any>
  t.same(partial.proactive.normativeDocuments, { issued: 0, inForce: 2 }, 'the unread cell is left out, its neighbours kept')
  t.notOk('code' in partial.agency)
  t.same(partial.requests, expectedReport('seed-2023').requests, 'the other tables whole')
  t.equal(partial.year, 2023)

  // Filling in the unread pointers gives the report exactly.
  partial.proactive.normativeDocuments.repealed = 1
  partial.agency.code = '11330524MB15359635'
  const { publication, ...expected } = expectedReport('seed-2023')
  const { publication: readPublication, ...filled } = partial
  t.strictSame(comparable(filled as never)?.rest, comparable(expected as never)?.rest)
  t.notOk('indexNo' in readPublication)
  t.ok(publication !== undefined)
})

t.test('a table 三 row the labels cannot place leaves its 7 cells unread with the region searched', async (t) => {
  const text = seedText.replace(/5\.属于三类内部事务信息[^\n]*\n/, '')
  const { partial, parse } = readText(text, SEED_HINTS)
  const unread = parse.unread.filter((u) => u.pointer.startsWith('/requests/outcomes/denied/internalAffairs/'))
  t.equal(unread.length, 7)
  t.ok(unread.every((u) => u.reason === 'not-found' && u.region !== undefined && u.region.fromLine < u.region.toLine))
  t.same((partial as Record<string, any>).requests.outcomes.denied.processInfo, expectedReport('seed-2023').requests.outcomes.denied.processInfo)
})

t.test('pipe text: an empty last cell standing in for a lost value is read as a blank, with a warning', async (t) => {
  // "… | 0 | ||": the empties after the values are merged-cell padding in the seed, so a lost value cannot be told apart.
  const { report, parse } = readText(seedText.replace('8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 |'), SEED_HINTS)
  t.equal(report?.requests.outcomes.denied.adminQuery.total, null)
  t.same(parse.problems.map((p) => [p.severity, p.pointer]), [['warning', '/requests/outcomes/denied/adminQuery/total']])
  t.match(parse.problems[0]?.message, /末尾的空单元格按空白读取/)
})

t.test('HTML that is not a report, or a broken page', async (t) => {
  const empty = readHtml('<html><body><script>var a = 1</script></body></html>', SEED_HINTS)
  t.equal(empty.report, null)
  t.ok(empty.parse.problems.some((p) => /没有文字内容/.test(p.message)))
  const truncated = htmlFixture('seed-2023').slice(0, 60000)
  const result = readHtml(truncated, SEED_HINTS)
  t.equal(result.report, null, 'a page cut off inside table 三')
  t.ok(result.parse.missing.length > 0)
})

/**
 * The seed with its tables laid out as `pdftotext -layout` prints them: each row's labels, then its values
 * right-aligned in columns 6 characters wide from character 60, whatever the label's length. `edit` may change a
 * row's printed values (an empty string prints the cell as nothing).
 */
function laidOutSeed (edit: (label: string, values: string[]) => string[] = (_, values) => values): string {
  return seedText.split('\n').map((line) => {
    if (!line.includes('|')) return line
    const cells = line.split('|').map((cell) => cell.trim()).filter((cell) => cell !== '')
    const labels = cells.filter((cell) => !/^\d+$/.test(cell)).join(' ')
    const values = edit(labels, cells.filter((cell) => /^\d+$/.test(cell)))
    return `    ${labels}`.padEnd(60) + values.map((value) => value.padStart(6)).join('')
  }).join('\n')
}

t.test('layout text: a cell printed as nothing is placed by the columns of the rows around it, and said', async (t) => {
  const full = readText(laidOutSeed(), SEED_HINTS)
  t.equal(full.parse.format, 'layout')
  t.strictSame(comparable(full.report)?.rest, comparable(expectedReport('seed-2023'))?.rest, 'laid out in full, the seed reads exactly')
  const blankOrganisations = (label: string, values: string[]) => label.startsWith('一、本年新收') ? values.map((v, i) => (i >= 1 && i <= 5 ? '' : v)) : values
  const { report, parse } = readText(laidOutSeed(blankOrganisations), SEED_HINTS)
  t.same(report?.requests.newReceived, { naturalPerson: 10, commercial: null, research: null, socialWelfare: null, legalService: null, otherOrg: null, total: 10 },
    'the five 法人或其他组织 cells printed empty are blanks; the two printed values are in their columns')
  t.same(parse.unread, [])
  t.same(parse.problems.filter((p) => p.pointer?.startsWith('/requests/newReceived/') === true).map((p) => p.pointer),
    ['commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg'].map((field) => `/requests/newReceived/${field}`), 'each placed blank is a warning')
  t.match(parse.problems.find((p) => p.pointer === '/requests/newReceived/commercial'), { severity: 'warning', message: /第2列未印数值，按所在列读作空白/ })
})

/** The laid-out seed with the line of 一、本年新收 split after its first `kept` values, the rest on the line below in their columns. */
function splitNewReceived (kept: number, edit: (rest: string) => string = (rest) => rest): string {
  return laidOutSeed().split('\n').flatMap((line) => {
    if (!line.trimStart().startsWith('一、本年新收')) return [line]
    const cut = 60 + 6 * kept
    return [line.slice(0, cut), edit(' '.repeat(cut) + line.slice(cut))]
  }).join('\n')
}

t.test('layout text: a row whose values pdftotext split over two lines is read whole, never with blanks in the gap', async (t) => {
  const split = readText(splitNewReceived(2), SEED_HINTS)
  t.strictSame(comparable(split.report)?.rest, comparable(expectedReport('seed-2023'))?.rest, 'the values of the line below fill the columns left empty above')
  t.same(split.parse.unread, [])
  t.notOk(split.parse.problems.some((p) => p.pointer?.startsWith('/requests/newReceived/') === true || /无法对应到表格行/.test(p.message)),
    'no cell is said to be a blank and no line is said to be ignored')
  const lastLost = readText(splitNewReceived(2, (rest) => rest.replace(/\s+\S+$/, '')), SEED_HINTS)
  t.same(lastLost.report?.requests.newReceived, undefined, 'with a column that neither line fills, no cell of the row is read')
  t.same(lastLost.parse.unread.map((u) => [u.pointer.split('/').slice(0, 3).join('/'), u.reason])[0], ['/requests/newReceived', 'value-count'])
  t.equal(lastLost.parse.unread.length, 7, 'the row\'s seven cells are unread, none read as a blank')
})

t.test('layout text: a number a narrow cell wrapped onto the line below is never read as its first digits', async (t) => {
  // 本年新收's 总计 "10" printed as "1" with "0" under it, beside the wrapped rest of the label.
  const wrapped = laidOutSeed().split('\n').flatMap((line) => {
    if (!line.trimStart().startsWith('一、本年新收')) return [line]
    const total = line.lastIndexOf('10')
    return [line.slice(0, total) + '1 ', ' '.repeat(4) + '数量'.padEnd(total - 4) + '0']
  }).join('\n')
  const { complete, report, parse } = parseReportText(wrapped, SEED_HINTS)
  t.notOk(complete)
  t.same((report as Partial<AnnualReport> | null)?.requests?.newReceived, { naturalPerson: 10, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0 },
    'the 总计 cell is not read; the row\'s other cells are')
  t.same(parse.unread.map((u) => [u.pointer, u.reason, u.source]), [['/requests/newReceived/total', 'not-a-number', '1｜0']], 'it is unread, with both pieces')
  const overThree = laidOutSeed().split('\n').flatMap((line) => {
    if (!line.trimStart().startsWith('一、本年新收')) return [line]
    const total = line.lastIndexOf('10')
    return [line.slice(0, total) + '1 ', ' '.repeat(total) + '0', ' '.repeat(total) + '0']
  }).join('\n')
  t.same(parseReportText(overThree, SEED_HINTS).parse.unread.map((u) => [u.pointer, u.source]), [['/requests/newReceived/total', '1｜0｜0']],
    'a number wrapped over three lines is unread with its three pieces, and the third is no row of its own')
  const withEmptyCell = wrapped.replace(/^( +二、上年结转政府信息公开申请数量 +0 +)0/m, (_, before: string) => before + ' ')
  const narrow = parseReportText(withEmptyCell, SEED_HINTS)
  t.equal((narrow.report as Partial<AnnualReport> | null)?.requests?.carriedOver, undefined, 'in a table that wraps numbers, a row with a cell printed empty is not read')
  t.ok(narrow.parse.unread.some((u) => u.pointer === '/requests/carriedOver/commercial' && u.reason === 'value-count'), 'its cells are unread, none taken for a blank')
  // 予以公开's 3 and 0 printed out of order inside the first column, as pdftotext can in columns this narrow.
  const outOfOrder = wrapped.replace(/^(.*\(一\)予以公开.*)$/m, (line: string) => line.slice(0, 60) + '   0 3      ' + line.slice(72))
  const jumbled = parseReportText(outOfOrder, SEED_HINTS)
  t.equal((jumbled.report as Partial<AnnualReport> | null)?.requests?.outcomes?.granted, undefined, 'a full row whose values are not in their columns is not read')
  t.match(jumbled.parse.unread.find((u) => u.pointer === '/requests/outcomes/granted/naturalPerson'), { reason: 'value-count', messageEn: /do not sit in their columns/ })
  const marked = readText(laidOutSeed((label, values) => (label === '行政规范性文件' ? ['0', '1', '—'] : values)), SEED_HINTS)
  t.same([marked.report?.proactive.regulations, marked.report?.proactive.normativeDocuments], [{ issued: 0, repealed: 0, inForce: 0 }, { issued: 0, repealed: 1, inForce: null }],
    'a row below with fewer numbers and a blank marker is a row of its own, not the rest of the numbers above it')
  // 行政规范性文件's first value glued to its label (typed 理 as 埋, so no label of the form matches), its others in their columns.
  const glued = laidOutSeed().replace(/^ +行政规范性文件 +0 +1 +2$/m, `${'    行政观范性文件0'.padEnd(60)}${''.padStart(6)}${'1'.padStart(6)}${'2'.padStart(6)}`)
  t.not(glued, laidOutSeed())
  t.same(readText(glued, SEED_HINTS).report?.proactive.normativeDocuments, { issued: 0, repealed: 1, inForce: 2 },
    'a row whose label has a value glued to it is a row of its own, not the rest of the numbers above it')
})

t.test('text listing a table\'s labels first and its values after them (pdftotext without -layout) reads no cell of it', async (t) => {
  const cells = (line: string): string[] => line.split('|').map((c) => c.trim()).filter((c) => c !== '')
  const lines = seedText.split('\n')
  const start = lines.findIndex((line) => line.startsWith('三、收到和处理'))
  const end = lines.findIndex((line) => line.startsWith('四、政府信息公开行政复议'))
  const table = lines.slice(start + 1, end).map(cells)
  const byColumns = [...lines.slice(0, start + 1), ...table.map((row) => row.filter((cell) => !/^\d+$/.test(cell)).join(' ')),
    ...table.flatMap((row) => row.filter((cell) => /^\d+$/.test(cell))), ...lines.slice(end)].join('\n')
  const { report, parse } = parseReportText(byColumns, SEED_HINTS)
  t.equal((report as Partial<AnnualReport> | null)?.requests, undefined, 'no cell of table 三')
  t.match(parse.unread.filter((u) => u.pointer.startsWith('/requests')), [{ pointer: '/requests', reason: 'not-found', messageEn: /prints its row labels one after another and its values after them/ }])
})

t.test('layout text: a value between two columns is not placed; its row is unread, never read into a column', async (t) => {
  // The 总计 of 上年结转 printed three characters left of its column, halfway to the column before it.
  const shifted = (label: string, values: string[]) => label.startsWith('二、上年结转') ? [values[0] ?? '', '', '', '', '', `${values[6] ?? ''}   `] : values
  const { report, parse } = readText(laidOutSeed(shifted), SEED_HINTS)
  t.same(report?.requests.carriedOver, undefined, 'no cell of the row is read')
  t.same([...new Set(parse.unread.map((u) => u.reason))], ['value-count'])
  t.equal(parse.unread.length, 7, 'the row\'s seven cells are unread')
  t.ok(parse.unread.every((u) => u.pointer.startsWith('/requests/carriedOver/')))
})
