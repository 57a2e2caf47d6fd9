/**
 * The importer on the real published reports of the corpus (see corpus.ts): each parses to its report JSON in
 * test/fixtures/corpus, the HTML fixtures agree with the text form, and the rules find what the reports get wrong.
 */
import t from 'tap'
import { checkReport } from '../../src/domain/check-report.js'
import { findTitle } from '../../src/domain/import/document.js'
import { parseReportHtml, parseReportText } from '../../src/domain/import/index.js'
import type { ImportHints } from '../../src/domain/import/index.js'
import { detectTextFormat, textRows } from '../../src/domain/import/source-text.js'
import { comparable, completed, CORPUS, expectedReport, HONGZE_HINTS, htmlFixture } from '../domain/import/corpus.js'
import { corpusText } from './corpus.js'

const readText = (text: string, hints?: ImportHints) => completed(parseReportText(text, hints))
const readHtml = (html: string, hints?: ImportHints) => completed(parseReportHtml(html, hints))

t.test('every corpus report parses to its fixture (cells checked against the PDFs)', async (t) => {
  for (const { name, text, hints } of CORPUS) {
    const { report, parse } = readText(corpusText(text), hints)
    const expected = expectedReport(name)
    t.strictSame(comparable(report)?.rest, comparable(expected)?.rest, `${name}: tables and metadata`)
    t.strictSame(comparable(report)?.prose, comparable(expected)?.prose, `${name}: prose`)
    t.same(parse.problems, [], `${name}: no problem`)
  }
})

t.test('the PDFs: layout text, the mixed 2021/2019 layout, page numbers between rows', async (t) => {
  const hongze = readText(corpusText('009'), HONGZE_HINTS)
  t.equal(hongze.parse.format, 'layout')
  t.same(hongze.parse.templates, { proactive: '2021', requests: '2019', reviewLitigation: '2021' }, '（六）其他处理 is one row')
  t.equal(hongze.parse.cells.length, 10 + 161 + 15)
  t.same(hongze.report?.reviewLitigation.review, { upheld: 10, corrected: 1, other: 0, pending: 0, total: 0 }, 'read as printed, inconsistent')
  t.same(hongze.report?.requests.outcomes.denied.lawProhibited.total, 0, 'the row labelled "2.其他法律行政止公开"')
  t.same(hongze.report?.requests.outcomes.unable.unclear.total, 0, 'the row after the page number -3-')
  t.equal(hongze.report?.year, 2023, 'year from the title')
  const huaian = readText(corpusText('011'), CORPUS[3]?.hints)
  t.same(huaian.parse.templates, { proactive: '2021', requests: '2021', reviewLitigation: '2021' })
  t.same(huaian.report?.requests.outcomes.other, {
    noCorrection: { naturalPerson: 67, commercial: 3, research: 0, socialWelfare: 0, legalService: 1, otherOrg: 0, total: 71 },
    feeUnpaid: { naturalPerson: 6, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 6 },
    misc: { naturalPerson: 108, commercial: 2, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 110 }
  }, 'labels broken over three lines around their values')
})

t.test('the HTML fixtures (Word export, merged cells) parse to the same report as their text form', async (t) => {
  for (const { name, text, hints } of CORPUS.filter((c) => c.name !== '010')) {
    const fromHtml = readHtml(htmlFixture(name), hints)
    const fromText = readText(corpusText(text), hints)
    t.equal(fromHtml.parse.format, 'html')
    t.strictSame(comparable(fromHtml.report)?.rest, comparable(fromText.report)?.rest, `${name}: tables and metadata`)
    t.strictSame(comparable(fromHtml.report)?.prose, comparable(fromText.report)?.prose, `${name}: prose`)
    t.same(fromHtml.parse.templates, fromText.parse.templates, `${name}: layouts`)
    t.same(fromHtml.parse.problems, [], `${name}: no problem`)
    t.same(fromHtml.parse.cells.map((c) => c.pointer), fromText.parse.cells.map((c) => c.pointer), `${name}: the same cells`)
  }
})

t.test('kind inferred from the name when not given', async (t) => {
  const { report, parse } = readText(corpusText('011'), { agencyCode: '11320800PLACE0001C', regionCode: '320800' })
  t.equal(report?.agency.name, '淮安市人民政府', 'name from the title')
  t.equal(report?.kind, 'government')
  t.same(parse.problems.map((p) => [p.severity, p.pointer]), [['warning', '/kind']])
  t.ok(parse.confidence < 1)
})

t.test('nothing is guessed in layout text: what cannot be read leaves the report incomplete and is named', async (t) => {
  const cases: { name: string, text: string, missing: string[], message: RegExp }[] = [
    { name: 'a row one value short', text: corpusText('009').replace('1.属于国家秘密         1     0', '1.属于国家秘密         1'), missing: ['/requests/outcomes/denied/stateSecret/naturalPerson', '/requests/outcomes/denied/stateSecret/commercial', '/requests/outcomes/denied/stateSecret/research', '/requests/outcomes/denied/stateSecret/socialWelfare', '/requests/outcomes/denied/stateSecret/legalService', '/requests/outcomes/denied/stateSecret/otherOrg', '/requests/outcomes/denied/stateSecret/total'], message: /应有7个数值，读到6个/ },
    { name: 'no year', text: corpusText('009').replace(/20\d\d ?年/g, '本年'), missing: ['/year'], message: /年度/ }
  ]
  for (const c of cases) {
    const { report, parse } = readText(c.text, HONGZE_HINTS)
    t.equal(report, null, `${c.name}: no report`)
    t.same(parse.missing, c.missing, `${c.name}: missing`)
    t.ok(parse.problems.some((p) => p.severity === 'error' && c.message.test(p.message) && p.messageEn !== ''), `${c.name}: the problem says so`)
    t.equal(parse.confidence, 0)
  }
})

t.test('the PDFs are layout text, titled with agency and year', async (t) => {
  t.equal(detectTextFormat(corpusText('009')), 'layout')
  t.match(findTitle(textRows(corpusText('009'), 'layout'), 10), { agencyName: '洪泽区人民政府', year: 2023, lastRow: 1 })
})

t.test('the corpus through the rules: what the published reports get wrong', async (t) => {
  const findings = (name: string, previous: string | null = null) => {
    const { report } = readText(corpusText(name), name === '011' ? CORPUS[3]?.hints : HONGZE_HINTS)
    const prior = previous === null ? null : readText(corpusText(previous), HONGZE_HINTS).report
    return report === null ? [] : checkReport({ report, previous: prior }).filter((f) => f.status === 'failed').map((f) => f.ruleId)
  }
  t.same(findings('009'), ['S-MIXED', 'T4-GROUPSUM', 'T4-GROUPSUM'], '洪泽区 2023: one-row （六）; table 四 totals printed 0')
  // The prose's 17 are what 区政府办 received on the government's behalf; the summary's table counts the district's 95.
  t.same(findings('010', '009'), ['S-MIXED', 'CY-SWING', 'CY-SWING'], '洪泽区 2024: 21 → 95 requests; one office\'s 17 in the prose is not the district\'s total')
  t.same(findings('011'), [], '淮安市 2024: consistent, prose included')
})
