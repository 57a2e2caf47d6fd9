import t from 'tap'
import { reportCells } from '../../src/domain/cells.js'
import { checkReport } from '../../src/domain/check-report.js'
import type { AnnualReport } from '../../src/domain/report.js'
import type { CellChange } from '../../src/domain/year-over-year.js'
import { computeYearOverYear } from '../../src/domain/year-over-year.js'
import { escapeHtml, html } from '../../src/views/html.js'
import { renderReportPage, type ReportPageFinding, type ReportPageResource } from '../../src/views/report-page.js'
import { applicantRow, otherRows, report2019, seed, seedPrevious } from '../domain/fixtures.js'
import {
  attr, byAttr, byClass, byTag, cellsByPointer, cellValue, classes, type Element, findAll, findOne, parsePage, textOf
} from './dom.js'

function resourceOf (report: AnnualReport): ReportPageResource {
  return {
    id: 7,
    year: report.year,
    kind: report.kind,
    template: report.template,
    revision: 2,
    latestRevision: 3,
    revisionCreatedAt: '2026-11-27T08:00:00.000Z',
    status: 'clean',
    report
  }
}

function render (report: AnnualReport, findings: readonly ReportPageFinding[] = [], changes: readonly CellChange[] = []) {
  const text = renderReportPage({ resource: resourceOf(report), findings, changes })
  return { text, ...parsePage(text) }
}

const table = (root: Element | ReturnType<typeof parsePage>['document'], name: string) =>
  findOne(root, (el) => el.tagName === 'table' && attr(el, 'data-table') === name, `table ${name}`)
const rowsOf = (root: Element, section: 'thead' | 'tbody') => findAll(findOne(root, byTag(section), section), byTag('tr'))
const cellsOfRow = (row: Element) => findAll(row, (el) => el.tagName === 'td' || el.tagName === 'th')
const texts = (elements: readonly Element[]) => elements.map((el) => textOf(el).trim())
const span = (el: Element, name: 'rowspan' | 'colspan') => Number(attr(el, name) ?? 1)

/** The number of grid columns each row covers, counting cells that reach down from rows above (rowspan). */
function gridWidths (rows: readonly Element[]): number[] {
  let carried: number[] = []
  return rows.map((row) => {
    const own = cellsOfRow(row)
    const width = carried.length + own.reduce((acc, cell) => acc + span(cell, 'colspan'), 0)
    carried = [
      ...carried.map((left) => left - 1),
      ...own.flatMap((cell) => Array.from({ length: span(cell, 'colspan') }, () => span(cell, 'rowspan') - 1))
    ].filter((left) => left > 0)
    return width
  })
}

const FAILED_CARRY: ReportPageFinding[] = [
  { ruleId: 'CY-CARRY', severity: 'error', status: 'failed', message: '上年结转（总计）0 与上年报告结转下年度 2 不一致', messageEn: 'Carried over (total) 0 differs from 2 carried forward', pointers: ['/requests/carriedOver/total'] },
  { ruleId: 'T3-ROWSUM', severity: 'warning', status: 'failed', message: '予以公开各列之和不等于总计', messageEn: 'The columns of granted do not add up', pointers: ['/requests/outcomes/granted/naturalPerson', '/requests/outcomes/granted/total'] },
  { ruleId: 'CY-SWING', severity: 'info', status: 'failed', message: '本年新收较上年变化较大', messageEn: 'Newly received swung', pointers: ['/requests/outcomes/granted/total', '/reviewLitigation/review/total'] },
  { ruleId: 'CY-IN-FORCE', severity: 'error', status: 'not_assessable', message: '上年报告未入库，无法核对', messageEn: 'The prior year is not stored', pointers: ['/proactive/normativeDocuments/inForce'] }
]

t.test('the seed is a complete, conforming, self-contained HTML5 document', async (t) => {
  const { text, document, errors } = render(seed())
  t.ok(text.startsWith('<!DOCTYPE html>\n'), 'starts with the HTML5 doctype')
  t.same(errors.map((e) => e.code), [], 'the HTML5 parser reports no error')
  const root = findOne(document, byTag('html'))
  t.equal(attr(root, 'lang'), 'zh-CN')
  t.equal(attr(findOne(document, byAttr('charset')), 'charset'), 'utf-8')
  t.equal(textOf(findOne(document, byTag('title'))), '湖州市吴兴区发展改革和经济信息化局2023年政府信息公开工作年度报告')
  t.same(findAll(document, (el) => ['script', 'link', 'img', 'iframe', 'object', 'embed'].includes(el.tagName)), [], 'no scripts and no external assets')
  t.same(findAll(document, (el) => el.attrs.some((a) => a.name === 'src' || a.name.startsWith('on'))), [], 'no src and no event handler attributes')
  t.match(attr(findOne(document, byAttr('http-equiv', 'Content-Security-Policy')), 'content'), /^default-src 'none'; style-src 'unsafe-inline'/)

  const style = textOf(findOne(document, byTag('style')))
  t.notMatch(style, /url\(|@import/, 'the CSS loads nothing')
  t.notMatch(style, /&(quot|#39|amp|lt|gt);/, 'the stylesheet is not entity-escaped (<style> is raw text)')
  t.match(style, '[lang="en"]')
  const selectors = style.replace(/\{[^}]*\}/g, '\n').split(/[\n,]/).map((s) => s.trim()).filter((s) => s.length > 0)
  t.ok(selectors.length > 20)
  t.same(selectors.filter((s) => !s.startsWith('.gdr-report')), [], 'every CSS selector is scoped under .gdr-report')
  const article = findOne(document, byClass('gdr-report'))
  t.equal(article.tagName, 'article')
  t.equal(findAll(findOne(document, byTag('body')), (el) => el.parentNode?.nodeName === 'body').length, 1, 'the body holds only the root article')
})

t.test('the metadata block and the prose sections', async (t) => {
  const { document } = render(seed())
  const meta = findOne(document, byClass('gdr-meta'))
  const entries = new Map(findAll(meta, byClass('gdr-meta-item')).map((item) => [textOf(findOne(item, byTag('dt'))), findOne(item, byTag('dd'))]))
  t.equal(textOf(entries.get('索引号') as Element), '11330524MB15359635/2024-00007')
  t.equal(attr(entries.get('索引号') as Element, 'data-pointer'), '/publication/indexNo')
  t.equal(textOf(entries.get('发布机构') as Element), '区发改经信局')
  t.equal(textOf(entries.get('成文日期') as Element), '2024-01-31')
  t.equal(textOf(entries.get('公开方式') as Element), '主动公开')
  t.equal(textOf(entries.get('统一社会信用代码') as Element), '11330524MB15359635')
  t.equal(textOf(entries.get('统计期间') as Element), '2023年1月1日至2023年12月31日')
  t.ok(classes(entries.get('发布日期') as Element).includes('gdr-blank'), 'a missing field is shown blank')
  t.equal(textOf(entries.get('版本') as Element), '第 2 版（共 3 版）')

  const headings = texts(findAll(document, (el) => el.tagName === 'h2' && findAll(document, byClass('gdr-section')).includes(el.parentNode as Element)))
  t.same(headings, ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'])
  const overview = findOne(document, byAttr('data-pointer', '/sections/overview'))
  const paragraphs = texts(findAll(overview, byTag('p')))
  t.equal(paragraphs.length, seed().sections.overview.split('\n').length, 'one paragraph per line')
  t.equal(paragraphs[1], '一、工作开展情况')
  t.match(textOf(findOne(document, byAttr('data-pointer', '/sections/other'))), '未收取政府信息公开信息处理费')
})

t.test('table 二 (2021 layout): the four blocks of 第二十条 with their labels and numbers', async (t) => {
  const report = seed((d) => { d.proactive.fees.amountWan = 12.345678 })
  const { document } = render(report)
  const t2 = table(document, 'proactive')
  t.equal(attr(t2, 'data-layout'), '2021')
  const rows = rowsOf(t2, 'tbody')
  t.same(gridWidths(rows), rows.map(() => 4), 'every row covers the 4 columns')
  t.same(texts(findAll(t2, (el) => el.tagName === 'th' && attr(el, 'scope') === 'colgroup')),
    ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项'])
  t.same(texts(findAll(t2, (el) => el.tagName === 'th' && attr(el, 'scope') === 'row')),
    ['规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费'])
  const heads = texts(findAll(t2, (el) => el.tagName === 'th' && attr(el, 'scope') === 'col'))
  for (const label of ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额（单位：万元）']) {
    t.ok(heads.includes(label), `${label} is a column heading`)
  }
  const cells = cellsByPointer(t2)
  t.equal(cells.size, 10)
  t.equal(cellValue(cells.get('/proactive/normativeDocuments/repealed') as Element), '1')
  t.equal(cellValue(cells.get('/proactive/normativeDocuments/inForce') as Element), '2')
  t.equal(cellValue(cells.get('/proactive/fees/amountWan') as Element), '12.345678', '万元 keep their decimals')
  t.equal(attr(cells.get('/proactive/licensing/decisions') as Element, 'colspan'), '3')
})

const T3_ROW_LABELS_2021 = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '（一）予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益',
  '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项',
  '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确',
  '1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息',
  '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '3.其他',
  '（七）总计',
  '四、结转下年度继续办理'
]

t.test('table 三 (2021 layout): 25 rows × 7 applicant columns under the merged national header', async (t) => {
  const { document } = render(seed())
  const t3 = table(document, 'requests')
  t.equal(attr(t3, 'data-layout'), '2021')

  const head = rowsOf(t3, 'thead')
  t.same(gridWidths(head), [10, 10, 10], 'the header covers 3 label and 7 number columns on each of its 3 rows')
  const [top, middle, bottom] = head.map(cellsOfRow) as [Element[], Element[], Element[]]
  t.match(textOf(top[0] as Element), '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')
  t.same([span(top[0] as Element, 'colspan'), span(top[0] as Element, 'rowspan')], [3, 3])
  t.same([textOf(top[1] as Element), span(top[1] as Element, 'colspan')], ['申请人情况', 7])
  t.same(middle.map((c) => [textOf(c), span(c, 'rowspan'), span(c, 'colspan')]), [['自然人', 2, 1], ['法人或其他组织', 1, 5], ['总计', 2, 1]])
  t.same(texts(bottom), ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'])

  const rows = rowsOf(t3, 'tbody')
  t.equal(rows.length, 25)
  t.same(gridWidths(rows), rows.map(() => 10), 'every body row covers the 10 columns')
  t.same(rows.map((row) => findAll(row, byTag('td')).length), rows.map(() => 7), '7 numbers on every row')
  t.same(rows.map((row) => textOf(findAll(row, byTag('th')).at(-1) as Element)), T3_ROW_LABELS_2021, 'the row labels of the form, in order')
  const groups = findAll(t3, (el) => el.tagName === 'th' && attr(el, 'scope') === 'rowgroup').map((el) => [textOf(el), span(el, 'rowspan')])
  t.same(groups, [['三、本年度办理结果', 22], ['（三）不予公开', 8], ['（四）无法提供', 3], ['（五）不予处理', 5], ['（六）其他处理', 3]])

  const cells = cellsByPointer(t3)
  t.equal(cells.size, 175)
  t.equal(cellValue(cells.get('/requests/newReceived/naturalPerson') as Element), '10')
  t.equal(cellValue(cells.get('/requests/outcomes/unable/notHeld/total') as Element), '6')
  t.equal(cellValue(cells.get('/requests/outcomes/total/total') as Element), '9')
  t.equal(cellValue(cells.get('/requests/carriedForward/total') as Element), '1')
  const firstRow = findAll(rows[0] as Element, byTag('td')).map((td) => attr(td, 'data-pointer'))
  t.same(firstRow, ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'].map((c) => `/requests/newReceived/${c}`), 'columns in the printed order')
})

t.test('table 四: 3 groups × 5 under 行政复议 / 行政诉讼', async (t) => {
  const { document } = render(seed())
  const t4 = table(document, 'reviewLitigation')
  const head = rowsOf(t4, 'thead')
  t.same(gridWidths(head), [15, 15, 15])
  t.same(cellsOfRow(head[0] as Element).map((c) => [textOf(c), span(c, 'colspan')]), [['行政复议', 5], ['行政诉讼', 10]])
  t.same(texts(cellsOfRow(head[1] as Element)), ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'])
  t.same(texts(cellsOfRow(head[2] as Element)), ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'])
  const body = rowsOf(t4, 'tbody')
  t.equal(body.length, 1)
  const tds = findAll(body[0] as Element, byTag('td'))
  t.equal(tds.length, 15)
  t.same([attr(tds[0] as Element, 'data-pointer'), cellValue(tds[0] as Element)], ['/reviewLitigation/review/upheld', '1'])
  t.equal(attr(tds[14] as Element, 'data-pointer'), '/reviewLitigation/suitAfterReview/total')
})

t.test('every numeric cell of the report is on the page once, at its JSON Pointer, with its value; blanks are empty', async (t) => {
  const report = seed((d) => {
    d.reviewLitigation.suitDirect = { upheld: null, corrected: null, other: null, pending: null, total: null }
    d.proactive.coercion.decisions = null
  })
  const { document } = render(report)
  const cells = cellsByPointer(document)
  const expected = reportCells(report)
  t.equal(expected.length, 200)
  t.same([...cells.keys()], expected.map((cell) => cell.pointer), 'the same cells, in document order')
  const wrong = expected.filter((cell) => cellValue(cells.get(cell.pointer) as Element) !== (cell.value === null ? '' : String(cell.value)))
  t.same(wrong, [], 'each cell shows its value')
  const blanks = [...cells].filter(([, el]) => classes(el).includes('gdr-blank')).map(([at, el]) => [at, textOf(el)])
  t.same(blanks, [
    ['/proactive/coercion/decisions', ''],
    ...['upheld', 'corrected', 'other', 'pending', 'total'].map((f) => [`/reviewLitigation/suitDirect/${f}`, ''])
  ], 'blank cells are empty and marked, and only they')
  t.ok(expected.filter((c) => c.value === 0).every((c) => cellValue(cells.get(c.pointer) as Element) === '0'), 'a 0 is printed, never blank')
})

t.test('a failed finding highlights exactly its cells, by severity, with its message as tooltip; all are listed', async (t) => {
  const { document } = render(seed(), FAILED_CARRY)
  const flagged = findAll(document, byClass('gdr-flag')).filter((el) => attr(el, 'data-pointer') !== undefined)
  t.same(flagged.map((el) => [attr(el, 'data-pointer'), classes(el).filter((c) => c.startsWith('gdr-flag-'))]), [
    ['/requests/carriedOver/total', ['gdr-flag-error']],
    ['/requests/outcomes/granted/naturalPerson', ['gdr-flag-warning']],
    ['/requests/outcomes/granted/total', ['gdr-flag-warning']],
    ['/reviewLitigation/review/total', ['gdr-flag-info']]
  ], 'only cells of failed findings, the worst severity winning; not_assessable highlights nothing')
  const cells = cellsByPointer(document)
  t.equal(attr(cells.get('/requests/carriedOver/total') as Element, 'title'),
    '[CY-CARRY] 上年结转（总计）0 与上年报告结转下年度 2 不一致\nCarried over (total) 0 differs from 2 carried forward')
  const both = attr(cells.get('/requests/outcomes/granted/total') as Element, 'title') ?? ''
  t.ok(both.includes('[T3-ROWSUM]') && both.includes('[CY-SWING]'), 'a cell named by two findings lists both')
  t.equal(attr(cells.get('/requests/carriedOver/naturalPerson') as Element, 'title'), undefined, 'other cells have no tooltip')

  const failedList = findOne(document, byClass('gdr-failed'))
  const items = findAll(failedList, byClass('gdr-finding'))
  t.same(items.map((li) => [attr(li, 'data-rule'), textOf(findOne(li, byClass('gdr-badge')))]),
    [['CY-CARRY', '错误 error'], ['T3-ROWSUM', '警告 warning'], ['CY-SWING', '提示 info']], 'failed findings by severity')
  t.equal(textOf(findOne(items[0] as Element, byClass('gdr-message'))), FAILED_CARRY[0]?.message)
  t.equal(textOf(findOne(items[0] as Element, byClass('gdr-message-en'))), FAILED_CARRY[0]?.messageEn)
  t.equal(textOf(findOne(items[0] as Element, byClass('gdr-rule'))), 'CY-CARRY')
  const open = findAll(findOne(document, byClass('gdr-not-assessable')), byClass('gdr-finding'))
  t.same(open.map((li) => [attr(li, 'data-rule'), attr(li, 'data-status')]), [['CY-IN-FORCE', 'not_assessable']])
})

t.test('the findings of the real rules: a prior year carrying 2 forward makes CY-CARRY fail on the 上年结转 cells', async (t) => {
  const current = seed()
  const previous = seedPrevious((d) => { d.requests.newReceived = applicantRow({ naturalPerson: 11 }); d.requests.carriedForward = applicantRow({ naturalPerson: 2 }) })
  const findings = checkReport({ report: current, previous })
  const { document } = render(current, findings, computeYearOverYear(previous, current).changes)
  const carry = findings.filter((f) => f.ruleId === 'CY-CARRY' && f.status === 'failed').flatMap((f) => f.pointers)
  t.same(carry, ['/requests/carriedOver/naturalPerson', '/requests/carriedOver/total'])
  const cells = cellsByPointer(document)
  for (const at of carry) t.ok(classes(cells.get(at) as Element).includes('gdr-flag-error'), `${at} is highlighted as an error`)
  const flaggedCells = [...cells].filter(([, el]) => classes(el).includes('gdr-flag')).map(([at]) => at)
  const named = new Set(findings.filter((f) => f.status === 'failed').flatMap((f) => f.pointers))
  t.same(flaggedCells, [...cells.keys()].filter((at) => named.has(at)), 'exactly the cells the failed findings name')
  t.ok(findAll(document, byClass('gdr-finding')).some((li) => attr(li, 'data-rule') === 'CY-CARRY'))
})

t.test('year-over-year arrows beside changed numbers only, the change in the tooltip', async (t) => {
  const changes: CellChange[] = [
    { pointer: '/requests/newReceived/total', previous: 11, current: 10, delta: -1, relative: -1 / 11 },
    { pointer: '/requests/outcomes/granted/total', previous: 1, current: 3, delta: 2, relative: 2 },
    { pointer: '/requests/carriedOver/total', previous: 0, current: 0, delta: 0, relative: null },
    { pointer: '/proactive/normativeDocuments/repealed', previous: null, current: 1, delta: null, relative: null },
    { pointer: '/requests/outcomes/unable/notHeld/total', previous: 0, current: 6, delta: 6, relative: null }
  ]
  const { document } = render(seed(), [], changes)
  const arrows = findAll(document, byClass('gdr-yoy')).filter((el) => attr(el, 'data-delta') !== undefined)
  t.same(arrows.map((el) => [attr((el.parentNode as Element), 'data-pointer'), textOf(el), attr(el, 'data-delta')]), [
    ['/requests/newReceived/total', '▼', '-1'],
    ['/requests/outcomes/granted/total', '▲', '2'],
    ['/requests/outcomes/unable/notHeld/total', '▲', '6']
  ], 'nothing for an unchanged cell or one blank in either year')
  t.equal(attr(arrows[0] as Element, 'title'), '较上年减少 1（上年 11，-9.1%）\n-1 vs the previous year (11)')
  t.equal(attr(arrows[2] as Element, 'title'), '较上年增加 6（上年 0）\n+6 vs the previous year (0)')
  const cells = cellsByPointer(document)
  t.equal(cellValue(cells.get('/requests/newReceived/total') as Element), '10', 'the number itself is unchanged')
})

t.test('text from users is escaped everywhere: prose, names, metadata, messages', async (t) => {
  const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>"\'&'
  const report = seed((d) => {
    d.sections.overview = `第一段${evil}\n第二段`
    d.sections.problems = evil
    d.agency.name = `局${evil}`
    d.publication = { indexNo: evil, publisher: '"><b>x</b>', sourceUrl: 'javascript:alert(1)' }
  })
  const findings: ReportPageFinding[] = [{ ruleId: 'T3-BALANCE', severity: 'error', status: 'failed', message: evil, messageEn: evil, pointers: ['/requests/newReceived/total', evil] }]
  const { text, document, errors } = render(report, findings)
  t.same(errors.map((e) => e.code), [], 'still a conforming document')
  t.same(findAll(document, (el) => ['script', 'img', 'b', 'a'].includes(el.tagName)), [], 'no element came from the text')
  t.notOk(text.includes('<script'), 'no script tag in the source')
  t.same(findAll(document, (el) => el.attrs.some((a) => a.name.startsWith('on') || a.name === 'src')), [])
  t.equal(textOf(findOne(document, byTag('title'))), `局${evil}2023年政府信息公开工作年度报告`, 'the title shows the text as it is')
  t.equal(textOf(findAll(findOne(document, byAttr('data-pointer', '/sections/overview')), byTag('p'))[0] as Element), `第一段${evil}`)
  t.equal(textOf(findOne(document, byAttr('data-pointer', '/publication/indexNo'))), evil)
  t.equal(textOf(findOne(document, byAttr('data-pointer', '/publication/sourceUrl'))), 'javascript:alert(1)', 'only http(s) sources become links')
  t.match(attr(cellsByPointer(document).get('/requests/newReceived/total') as Element, 'title'), evil, 'the tooltip keeps the message as text')
  t.equal(textOf(findOne(document, byClass('gdr-message'))), evil)
})

t.test('an http(s) source becomes a link', async (t) => {
  const { document } = render(seed((d) => { d.publication = { sourceUrl: 'http://www.wuxing.gov.cn/art/2024/1/31/a.html?x=1&y="2"' } }))
  const link = findOne(document, byTag('a'))
  t.equal(attr(link, 'href'), 'http://www.wuxing.gov.cn/art/2024/1/31/a.html?x=1&y="2"')
  t.equal(attr(link, 'rel'), 'noopener noreferrer nofollow')
})

t.test('the 2019 layout: table 二 of 〔2019〕60号 and the single-row （六）其他处理', async (t) => {
  const report = report2019()
  const { document, errors } = render(report)
  t.same(errors.map((e) => e.code), [])
  const t2 = table(document, 'proactive')
  t.equal(attr(t2, 'data-layout'), '2019')
  t.same(gridWidths(rowsOf(t2, 'tbody')), rowsOf(t2, 'tbody').map(() => 4))
  t.same(texts(findAll(t2, (el) => el.tagName === 'th' && attr(el, 'scope') === 'row')),
    ['规章', '规范性文件', '行政许可', '其他对外管理服务事项', '行政处罚', '行政强制', '行政事业性收费', '政府集中采购'])
  t.same(texts(findAll(t2, (el) => el.tagName === 'th' && attr(el, 'scope') === 'colgroup')),
    ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项'])
  const heads = texts(findAll(t2, (el) => el.tagName === 'th' && attr(el, 'scope') === 'col'))
  for (const label of ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '处理决定数量', '采购项目数量']) {
    t.ok(heads.includes(label), `${label} is a column heading`)
  }
  const cells = cellsByPointer(t2)
  t.equal(cells.size, 22)
  t.equal(cellValue(cells.get('/proactive/licensing/change') as Element), String(report.proactive.licensing.change), 'a negative 本年增/减 is printed')
  t.match(cellValue(cells.get('/proactive/licensing/change') as Element), /^-\d/)
  t.equal(cellValue(cells.get('/proactive/procurement/amountWan') as Element), String(report.proactive.procurement.amountWan))

  const t3 = table(document, 'requests')
  t.equal(attr(t3, 'data-layout'), '2019')
  const rows = rowsOf(t3, 'tbody')
  t.equal(rows.length, 23)
  t.same(gridWidths(rows), rows.map(() => 10))
  const other = findOne(t3, byAttr('data-row', '/requests/outcomes/other'))
  const label = findAll(other, byTag('th')).at(-1) as Element
  t.same([textOf(label), span(label, 'colspan')], ['（六）其他处理', 2])
  t.same(findAll(other, byTag('td')).map((td) => attr(td, 'data-pointer')), ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'].map((c) => `/requests/outcomes/other/${c}`))
  t.same(findAll(t3, (el) => attr(el, 'scope') === 'rowgroup').map((el) => [textOf(el), span(el, 'rowspan')]),
    [['三、本年度办理结果', 20], ['（三）不予公开', 8], ['（四）无法提供', 3], ['（五）不予处理', 5]])
  t.same([...cellsByPointer(document).keys()], reportCells(report).map((c) => c.pointer), 'every cell of the 2019 report, in order')
})

t.test('a mixed layout: 2021 table 二 with the 2019 single-row （六）', async (t) => {
  const report = seed((d) => {
    const { misc } = otherRows(d)
    d.requests.outcomes.other = misc
  })
  const { document } = render(report)
  t.equal(attr(table(document, 'proactive'), 'data-layout'), '2021')
  t.equal(attr(table(document, 'requests'), 'data-layout'), '2019')
  t.equal(rowsOf(table(document, 'requests'), 'tbody').length, 23)
})

t.test('no findings: the page says no rule failed', async (t) => {
  const { document } = render(seed())
  t.match(textOf(findOne(document, byClass('gdr-none'))), '未发现不一致之处')
  t.same(findAll(document, byClass('gdr-flag')).filter((el) => attr(el, 'data-pointer') !== undefined), [])
})

t.test('escapeHtml and html', async (t) => {
  t.equal(escapeHtml('<a href="x">\'&\'</a>'), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
  t.equal(html`<p title="${'a"b'}">${'<b>'}${html`<i>${1}</i>`}${[null, false, undefined, 'x', ['<y>']]}</p>`.text,
    '<p title="a&quot;b">&lt;b&gt;<i>1</i>x&lt;y&gt;</p>')
})

t.test("reviewers' decisions: a dismissed finding is set apart and flags no cell, an acknowledged one stays with its note", async (t) => {
  const decidedAt = new Date('2024-03-05T08:00:00Z')
  const [carry, rowsum, swing, inForce] = FAILED_CARRY as [ReportPageFinding, ReportPageFinding, ReportPageFinding, ReportPageFinding]
  const reviewed: ReportPageFinding[] = [
    { ...carry, review: { decision: 'dismissed', reason: '上年报告结转数有误，已更正', decidedAt } },
    { ...rowsum, review: { decision: 'acknowledged', reason: '将在修订版中更正', decidedAt } },
    { ...swing, review: null },
    inForce
  ]
  const { document } = render(seed(), reviewed)
  const cells = cellsByPointer(document)
  t.notOk(classes(cells.get('/requests/carriedOver/total') as Element).includes('gdr-flag'), 'the dismissed finding flags no cell')
  t.equal(attr(cells.get('/requests/carriedOver/total') as Element, 'title'), undefined, 'nor gives it a tooltip')
  t.ok(classes(cells.get('/requests/outcomes/granted/naturalPerson') as Element).includes('gdr-flag-warning'), 'an acknowledged finding still flags its cells')

  const failed = findAll(findOne(document, byClass('gdr-failed')), byClass('gdr-finding'))
  t.same(failed.map((li) => [attr(li, 'data-rule'), attr(li, 'data-review')]), [['T3-ROWSUM', 'acknowledged'], ['CY-SWING', undefined]],
    'the open list holds no dismissed finding')
  t.match(textOf(findOne(failed[0] as Element, byClass('gdr-review'))), /已确认 acknowledged 2024-03-05：将在修订版中更正/)

  const dismissed = findAll(findOne(document, byClass('gdr-dismissed')), byClass('gdr-finding'))
  t.same(dismissed.map((li) => [attr(li, 'data-rule'), attr(li, 'data-review')]), [['CY-CARRY', 'dismissed']])
  t.ok(classes(dismissed[0] as Element).includes('gdr-finding-dismissed'), 'styled apart')
  t.match(textOf(findOne(dismissed[0] as Element, byClass('gdr-review'))), /已驳回 dismissed 2024-03-05：上年报告结转数有误，已更正/)

  const allDismissed = render(seed(), [{ ...carry, review: { decision: 'dismissed', reason: '核实无误', decidedAt } }]).document
  t.match(textOf(findOne(allDismissed, byClass('gdr-none'))), /均已由审核人员驳回/, 'a page whose every failure was dismissed says so, not "no rule failed"')
})
