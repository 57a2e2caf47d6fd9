/**
 * The shapes real documents take that the layout generator does not draw: each is applied to a known report and
 * must give its cells back exactly, or leave them unread — never a wrong number.
 */
import t from 'tap'
import { parseReportText } from '../../../src/domain/import/index.js'
import { wanFromYuan } from '../../../src/domain/import/read-tables.js'
import { completed } from './corpus.js'
import { layOut } from '../../layouts/generate.js'
import { layoutText, pipeText } from '../../layouts/shapes.js'
import { report2019 } from '../../fixtures.js'
import { seedReport } from '../../helper.js'

const QUIET = { pageBreaks: [], footer: (n: number) => `-${n}-`, typo: null, wrap: null, extraCell: null, repeatHeader: false }
const PRINTING = { blank: '/' as const, thousands: false, procurementUnit: 'cell-yuan' as const }
const hints = { regionCode: '330502', kind: 'agency' as const }
const tables = (r: { proactive: unknown, requests: unknown, reviewLitigation: unknown } | null) =>
  r === null ? null : { proactive: r.proactive, requests: r.requests, reviewLitigation: r.reviewLitigation }

const seed2019 = report2019()
const seed2021 = seedReport()
const text2019 = pipeText({ report: seed2019, blocks: layOut(seed2019, PRINTING), noise: QUIET }).body
const text2021 = layoutText({ report: seed2021, blocks: layOut(seed2021, PRINTING), noise: QUIET }).body

t.test('2019 template: 采购总金额 "123456.78元" in the cell is 万元 exactly', async (t) => {
  const { report, parse } = completed(parseReportText(text2019, hints))
  t.same(tables(report), tables(seed2019))
  t.equal(parse.templates.proactive, '2019')
  t.ok(parse.cells.some((c) => c.pointer === '/proactive/procurement/amountWan' && c.source.endsWith('元')))
  t.equal(wanFromYuan('251000'), 25.1)
  t.equal(wanFromYuan('1234567.89'), 123.456789)
  t.equal(wanFromYuan('0.01'), 0.000001)
})

t.test('a cell note pulled out of its value, in the cell or on a line of its own', async (t) => {
  const inCell = text2019.replace('规范性文件 | 1 | 1 | 3 |', '规范性文件 | 1 | 1 | 3（其中修订2件） |')
  t.same(completed(parseReportText(inCell, hints)).report?.proactive, seed2019.proactive)
  const layoutNote = text2021.replace(/(\n\s*行政规范性文件\s+0\s+1\s+2)/, '$1 （其中修订1件）')
  t.not(layoutNote, text2021)
  t.same(completed(parseReportText(layoutNote, hints)).report?.proactive, seed2021.proactive)
  const ownLine = text2021.replace(/(\n\s*行政规范性文件\s+0\s+1\s+2)/, '$1\n                                  （其中修订1件）')
  t.same(completed(parseReportText(ownLine, hints)).report?.proactive, seed2021.proactive)
})

t.test('headings with markdown marks or 第N部分, and a missing 四 heading', async (t) => {
  const marked = text2021
    .replace('二、主动公开政府信息情况', '## **二、主动公开政府信息情况**')
    .replace('三、收到和处理政府信息公开申请情况', '第三部分 收到和处理政府信息公开申请情况')
    .replace('四、政府信息公开行政复议、行政诉讼情况', '### 四、政府信息公开行政复议、行政诉讼情况')
  t.same(tables(completed(parseReportText(marked, hints)).report), tables(seed2021))
  const noHeading = text2021.replace('四、政府信息公开行政复议、行政诉讼情况', '')
  t.same(tables(completed(parseReportText(noHeading, hints)).report), tables(seed2021), 'table 四 found by its own header')
})

t.test('page footers of every kind inside a table', async (t) => {
  for (const footer of ['— 3 —', '-3-', '第3页', '第 3 页 共 5 页']) {
    const text = text2021.replace(/(\n\s*2\.重复申请[^\n]*)/, `$1\n\f\n                        ${footer}\n`)
    t.same(tables(completed(parseReportText(text, hints)).report), tables(seed2021), footer)
  }
})

t.test('metadata: a title broken over lines, a statistics period with spaces, a date standing alone', async (t) => {
  const broken = text2021.replace('湖州市吴兴区发展改革和经济信息化局2023年政府信息公开工作年度报告', '湖州市吴兴区发展改革和经济信息化局2023年\n政府信息公开工作年度报告')
  const { report } = completed(parseReportText(broken, hints))
  t.equal(report?.year, 2023)
  t.equal(report?.agency.name, '湖州市吴兴区发展改革和经济信息化局')
  const noTitle = text2021
    .replace('湖州市吴兴区发展改革和经济信息化局2023年政府信息公开工作年度报告', '年度报告')
    .replace(/统计期限自2023年1月1日起/, '统计周期为 2023 年 1 月 1 日至 2023 年 12 月 31 日')
    .replace(/\d{4}年，我单位/, '本年，我单位')
  t.not(noTitle, text2021)
  t.equal(completed(parseReportText(noTitle, { ...hints, agencyName: '某局' })).report?.year, 2023, 'the year from the spaced statistics period')
  const dated = `${text2021}\n                                   湖州市吴兴区发展改革和经济信息化局\n                                   2024 年 1 月 31 日\n`
  const withDate = completed(parseReportText(dated, hints)).report
  t.equal(withDate?.publication?.documentDate, '2024-01-31', 'the date at the foot is the document date')
  t.notMatch(withDate?.sections.other ?? '', /2024/, 'and is not prose')
  const head = completed(parseReportText(`2024-01-30\n${text2021}`, hints)).report
  t.equal(head?.publication?.documentDate, '2024-01-30', 'at the head too')
})

t.test('a label cut short or misread is read when it can only be that row, unread when it could be another', async (t) => {
  const cut = text2021.replace('5.要求行政机关确认或重新出具已获取信息', '5.要求行政机关确认或重新')
  t.same(tables(completed(parseReportText(cut, hints)).report), tables(seed2021), 'cut short')
  const misread = text2021.replace('2.没有现成信息需要另行制作', '2.没有现戍信息需要另行制做')
  t.same(tables(completed(parseReportText(misread, hints)).report), tables(seed2021), 'two misread characters')
  const swapped = text2021.replace(/\n(\s*2\.重复申请)/, '\n    ?')
  const result = parseReportText(swapped, hints)
  const got = result.report as Record<string, any>
  t.notOk(result.complete)
  t.notOk(got.requests?.outcomes?.rejected?.duplicate?.naturalPerson !== undefined && got.requests.outcomes.rejected.duplicate.naturalPerson !== seed2021.requests.outcomes.rejected.duplicate.naturalPerson, 'never a wrong number')
})
