/** The prose helpers the N-* rules share (src/domain/narrative.ts). */
import t from 'tap'
import {
  breakdownsOf, clauseBefore, compactSpaces, countsIn, normalizeProse, parseChineseNumeral, percentsIn, percentTolerance,
  readNumber, sentencesOf, speaksOfWhole
} from '../../../src/domain/narrative.js'
import { seed } from '../fixtures.js'

t.test('normalising prose', async (t) => {
  t.equal(compactSpaces(' 2023 年，区政府  收取 0 元 '), '2023年，区政府收取0元')
  t.equal(compactSpaces('10 20 hello world'), '10 20 hello world', 'ASCII words and numbers keep their spaces')
  t.equal(normalizeProse('受理政府信息公开申请 3,119 件，答复 3050 件（含 34 件）'), '受理政府信息公开申请3119件,答复3050件(含34件)')
  t.equal(normalizeProse('号 ， 邮 编 ： 223100'), '号,邮编:223100')
})

t.test('numbers: Arabic and simple Chinese numerals', async (t) => {
  t.same(['十三', '二十', '两', '一百零五', '三千', '十'].map(parseChineseNumeral), [13, 20, 2, 105, 3000, 10])
  t.same(['', '三安全', '二三', '十百'].map(parseChineseNumeral), [null, null, null, null])
  t.same(['13', '10.5', '十三', 'x'].map(readNumber), [13, 10.5, 13, null])
})

t.test('counts and percentages', async (t) => {
  t.same(countsIn('全年公开信息共60条,比2022年增加了7.1%').map((c) => [c.value, c.unit, c.start]), [[60, '条', 7]])
  t.same(countsIn('受理十三件,统一件数,高效办成一件事,3人次').map((c) => [c.value, c.unit]), [[13, '件'], [3, '人次']])
  t.same(countsIn('增加7.5件').length, 0, 'a count is whole')
  t.same(percentsIn('减少了10.5%,占53%').map((p) => [p.value, p.decimals]), [[10.5, 1], [53, 0]])
  t.ok(percentTolerance(1) > 0.1 && percentTolerance(1) < 0.1001)
  t.ok(percentTolerance(0) > 0.5 && percentTolerance(0) < 0.5001)
  t.equal(clauseBefore('共60条,比2022年增加了5条', 14), '比2022年增加了')
})

t.test('sentences: split at 。！？； and line breaks, quoting the original text', async (t) => {
  const sentences = sentencesOf({ overview: '收到申请 13 件。其中予以公开3件；\n第二段！', problems: '', other: '无' })
  t.same(sentences.map((s) => [s.section, s.paragraph, s.index, s.text, s.norm]), [
    ['overview', 0, 0, '收到申请 13 件', '收到申请13件'],
    ['overview', 0, 1, '其中予以公开3件', '其中予以公开3件'],
    ['overview', 1, 2, '第二段', '第二段'],
    ['other', 0, 3, '无', '无']
  ])
})

t.test('breakdowns: the seed\'s three, nested 其中 apart', async (t) => {
  const breakdowns = breakdownsOf(sentencesOf(seed().sections))
  t.same(breakdowns.map((b) => [b.total.value, b.parts.map((p) => p.value)]), [[13, [10]], [10, [6, 3, 1]], [60, [59, 24]]])
  const sentence = breakdowns[1]!.sentence
  const at = sentence.norm.indexOf('无法提供')
  t.ok(speaksOfWhole(breakdowns, sentence, at, [10]), 'the breakdown of 10 is all requests')
  t.notOk(speaksOfWhole(breakdowns, sentence, at, [9]), 'else it is a subset')
})

t.test('breakdowns need a total: same sentence, or a 共 total just before', async (t) => {
  const of = (overview: string) => breakdownsOf(sentencesOf({ overview, problems: '', other: '' })).map((b) => [b.total.value, b.parts.map((p) => p.value)])
  t.same(of('行政复议351件，其中结果维持72件，结果纠正64件；行政诉讼46件，其中结果维持25件'), [[351, [72, 64]], [46, [25]]])
  t.same(of('共收到申请10件。其中网上受理4件'), [[10, [4]]])
  t.same(of('公开信息10条。其中政策文件8条'), [], 'no 共: the previous sentence may be about something else')
  t.same(of('公开信息共10条。\n其中政策文件8条'), [], 'not across paragraphs')
  t.same(of('共公开10条,比上年增加5条,其中政策8条'), [[10, [8]]], 'a change is not a total')
})
