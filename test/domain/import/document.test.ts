import t from 'tap'
import { findTitle, isoDate, mapDocument, partRows, proseText, readMetadata, yearInText } from '../../../src/domain/import/document.js'
import { textRows } from '../../../src/domain/import/source-text.js'
import type { SourceRow } from '../../../src/domain/import/types.js'
import { SEED_TEXT } from './corpus.js'

const lines = (...texts: string[]): SourceRow[] => texts.map((text, i) => ({ line: i + 1, cells: null, covered: [], text }))

t.test('mapDocument finds the headings 二–六 in order, with variants', async (t) => {
  const rows = lines('2.主动公开方面。全年主动公开信息170条。', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
    '三、本年度办理结果', '四、因政府信息公开工作被申请行政法复议和提起行政诉讼情况', '四、结转下年度继续办理', '五、存在问题及改进情况', '六、其他需要报告的事项')
  const map = mapDocument(rows)
  t.same(map, {
    proactive: { row: 1, heading: true },
    requests: { row: 2, heading: true },
    reviewLitigation: { row: 4, heading: true },
    problems: { row: 6, heading: true },
    other: { row: 7, heading: true }
  })
  t.same(partRows(rows, map, 'requests').map((r) => r.text), ['三、本年度办理结果'])
  t.same(mapDocument(lines('第二十条第（一）项', '规章 0 0 0')), { proactive: { row: 0, heading: false } }, 'a table without its heading')
})

t.test('readMetadata: keys with spaces, values in the next cell or line, 无 left out', async (t) => {
  const seed = textRows(SEED_TEXT, 'pipe')
  t.same(readMetadata(seed, 10), {
    publication: { indexNo: '11330524MB15359635/2024-00007', documentDate: '2024-01-31', disclosure: '主动公开', retention: '长期公开', publisher: '区发改经信局' },
    rows: new Set([0, 1, 2])
  })
  t.same(readMetadata(lines('索引号：11330500002567803K/2021-00003   发布机构：区府办', '发布日期', '2021年1月29日', '正文'), 4).publication,
    { indexNo: '11330500002567803K/2021-00003', publisher: '区府办', publishedDate: '2021-01-29' })
})

t.test('isoDate', async (t) => {
  t.equal(isoDate('2024年1月31日'), '2024-01-31')
  t.equal(isoDate('2024/1/3'), '2024-01-03')
  t.equal(isoDate('2024.01.31'), '2024-01-31')
  t.equal(isoDate('一月底'), '一月底')
})

t.test('findTitle and yearInText', async (t) => {
  t.match(findTitle(lines('淮安市人民政府2024年度政府信息公开工作年度报告', '正文'), 2), { agencyName: '淮安市人民政府', year: 2024, lastRow: 0 })
  t.equal(findTitle(lines('现将本机关2023年政府信息公开工作年度报告公布如下，请查阅，如有疑问请联系我们的办公室电话。'), 1), null, 'a sentence is no title')
  t.equal(yearInText(textRows(SEED_TEXT, 'pipe')), 2023, 'the seed has no title; its statistics period says 2023')
  t.equal(yearInText(lines('今年以来，我局…')), null)
})

t.test('proseText joins layout lines into paragraphs by indentation', async (t) => {
  t.equal(proseText(lines('   本报告由淮安市人民政府办公室根据《中华人民共和', '国政府信息公开条例》编制。', '   一、总体情况', '   2023 年，我市…'), 'layout'),
    '本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》编制。\n一、总体情况\n2023年，我市…')
  t.equal(proseText(lines('第一段', '第二段'), 'pipe'), '第一段\n第二段')
})
