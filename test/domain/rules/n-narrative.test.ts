/** The prose helpers the N-* rules share (src/domain/narrative.ts). */
import assert from 'node:assert/strict'
import fc from 'fast-check'
import t from 'tap'
import {
  breakdownsOf, clauseBefore, compactSpaces, countsIn, matchesIn, normalizeProse, parseChineseNumeral, percentsIn, percentTolerance,
  readNumber, sentencesOf, speaksOfWhole
} from '../../../src/domain/narrative.js'
import { seed } from '../fixtures.js'

t.test('normalising prose', async (t) => {
  t.equal(compactSpaces(' 2023 年，区政府  收取 0 元 '), '2023年，区政府收取0元')
  t.equal(compactSpaces('10 20 hello world'), '10 20 hello world', 'ASCII words and numbers keep their spaces')
  t.equal(normalizeProse('受理政府信息公开申请 3,119 件，答复 3050 件（含 34 件）'), '受理政府信息公开申请3119件,答复3050件(含34件)')
  t.equal(normalizeProse('号 ， 邮 编 ： 223100'), '号,邮编:223100')
})

t.test('compactSpaces: every kind of whitespace, next to Chinese or between ASCII', async (t) => {
  const cases: [string, string, string][] = [
    ['a\tb', 'a b', 'a tab between ASCII words becomes a space'],
    ['a \n\t\r b', 'a b', 'a mixed run collapses to one space'],
    ['2023\n年', '2023年', 'a line break next to Chinese goes'],
    ['区\u3000政府', '区政府', 'a full-width space is whitespace too'],
    ['A\u3000B', 'A B', 'a full-width space between ASCII letters becomes a space'],
    ['a\u2003b', 'a b', 'an em space is collapsed before its neighbours are looked at (it is also in the punctuation block)'],
    ['中 \u2003 b', '中b', 'a run of mixed spaces next to Chinese goes entirely'],
    ['abc 中文 def', 'abc中文def', 'ASCII next to Chinese'],
    ['（ 1 ）', '（1）', 'full-width brackets'],
    ['10 20 ， 30', '10 20，30', 'full-width comma'],
    ['x — y', 'x—y', 'general punctuation (em dash)'],
    ['a 😀 b', 'a 😀 b', 'an emoji (a surrogate pair) is not Chinese'],
    ['\u00a0 x \ufeff', 'x', 'no-break space and BOM are trimmed'],
    [' \t\n ', '', 'only whitespace'],
    ['', '', 'empty']
  ]
  for (const [text, expected, name] of cases) t.equal(compactSpaces(text), expected, name)
})

t.test('normalizeProse: full-width forms, thousands separators, spaced punctuation', async (t) => {
  const cases: [string, string][] = [
    ['共\t3,119\t件', '共3119件'],
    ['１２３件，占４５％', '123件,占45%'],
    ['1,234,567件', '1234567件'],
    ['3 , 119件', '3119件'],
    ['2022,2023年', '2022,2023年'],
    ['其中1,23件', '其中1,23件'],
    ['a ( b ) c', 'a(b)c'],
    ['邮编：\u3000223100', '邮编:223100'],
    ['no whitespace,12,345', 'no whitespace,12345']
  ]
  for (const [text, expected] of cases) t.equal(normalizeProse(text), expected, JSON.stringify(text))
})

/** The straightforward versions of compactSpaces and normalizeProse that the faster ones replaced: the oracle. */
function compactSpacesByCharacter (text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim()
  const cjkOrPunct = /[\u2000-\u206f\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/
  let out = ''
  for (let i = 0; i < collapsed.length; i++) {
    const ch = collapsed.charAt(i)
    if (ch === ' ' && (cjkOrPunct.test(collapsed.charAt(i - 1)) || cjkOrPunct.test(collapsed.charAt(i + 1)))) continue
    out += ch
  }
  return out
}

function normalizeProseEveryStep (text: string): string {
  return compactSpacesByCharacter(text.normalize('NFKC').replace(/ *([,.:;()%]) */g, '$1'))
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
}

const RUNS = 5000

t.test('compactSpaces and normalizeProse agree with their straightforward versions on any mix', async (t) => {
  const unit = fc.constantFrom(
    ' ', ' ', '\t', '\n', '\r', '\u000b', '\u000c', '\u00a0', '\u2003', '\u2028', '\u3000', '\ufeff',
    'a', 'Z', '0', '1', '9', '１', 'Ａ', ',', '.', ':', ';', '(', ')', '%', '，', '。', '：', '（', '）', '％', '—', '“',
    '年', '件', '申', '\u2e80', '\u9fff', '\uf900', '\ufe30', '\uff00', '\uffef', '\u1fff', '\ua000', 'é', '😀'
  )
  fc.assert(fc.property(fc.string({ unit, maxLength: 16 }), (text) => {
    assert.equal(compactSpaces(text), compactSpacesByCharacter(text), `compactSpaces(${JSON.stringify(text)})`)
    assert.equal(normalizeProse(text), normalizeProseEveryStep(text), `normalizeProse(${JSON.stringify(text)})`)
  }), { numRuns: RUNS })
  t.pass(`${RUNS} generated strings`)
})

t.test('matchesIn: every match of every sentence, as matchAll finds them, whatever the flags', async (t) => {
  const sentences = sentencesOf({ overview: '收到申请13件,答复12件。结转1件', problems: '', other: '' })
  const found = (pattern: RegExp) => matchesIn(sentences, pattern).map(({ sentence, match }) => [sentence.index, match.index, match[0]])
  const expected = [[0, 4, '13件'], [0, 10, '12件'], [1, 2, '1件']]
  t.same(found(/(\d+)件/), expected, 'a pattern without the g flag')
  const global = /(\d+)件/g
  global.lastIndex = 5
  t.same(found(global), expected, 'a global pattern, whatever its lastIndex')
  t.equal(global.lastIndex, 5, 'the caller\'s pattern is left alone')
  t.same(found(/(\d+)件/), expected, 'and again: nothing carries over between calls')
  const empty = /x*/g
  t.same(matchesIn(sentences, empty).map(({ sentence, match }) => [sentence.index, match.index]),
    sentences.flatMap((s) => [...s.norm.matchAll(empty)].map((m) => [s.index, m.index])), 'an empty match moves on as matchAll does')
  t.same(countsIn('收到13件,答复12件,13件').map((c) => c.start), [2, 8, 12], 'countsIn finds every count too')
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

t.test('breakdowns of the same sentences are found once', async (t) => {
  const sentences = sentencesOf(seed().sections)
  t.equal(breakdownsOf(sentences), breakdownsOf(sentences), 'the rules share one list')
  t.same(breakdownsOf([...sentences]), breakdownsOf(sentences), 'another array of the same sentences gives the same breakdowns')
})

t.test('breakdowns need a total: same sentence, or a 共 total just before', async (t) => {
  const of = (overview: string) => breakdownsOf(sentencesOf({ overview, problems: '', other: '' })).map((b) => [b.total.value, b.parts.map((p) => p.value)])
  t.same(of('行政复议351件，其中结果维持72件，结果纠正64件；行政诉讼46件，其中结果维持25件'), [[351, [72, 64]], [46, [25]]])
  t.same(of('共收到申请10件。其中网上受理4件'), [[10, [4]]])
  t.same(of('公开信息10条。其中政策文件8条'), [], 'no 共: the previous sentence may be about something else')
  t.same(of('公开信息共10条。\n其中政策文件8条'), [], 'not across paragraphs')
  t.same(of('共公开10条,比上年增加5条,其中政策8条'), [[10, [8]]], 'a change is not a total')
})
