import t from 'tap'
import { checkReport, summarizeFindings } from '../../src/domain/check-report.js'
import type { Finding, RuleDefinition } from '../../src/domain/findings.js'
import { applicantRow, report2019, report2019Previous, seed, seedPrevious } from './fixtures.js'

/** The seed's prior year, with prose its year-on-year claims follow from (170 vs 190: −10.5%; 60 vs 56: +7.1%). */
const priorWithProse = () => seedPrevious((d) => {
  d.sections.overview = '全年主动公开政务信息190条。全年公开重点领域政府信息共56条。'
})

/** What the seed's own prose gets wrong (rules.md, "What the seed shows"). */
const SEED_NARRATIVE = [
  ['N-RECEIVED', 'failed'], // prose 13 件, table 10
  ['N-STALE-YEAR', 'failed'], // section 五 opens "2022年,我局顺利完成…"
  ['N-INTERNAL', 'failed'] // 重点领域 60 条 of which 59 + 24
]

const finding = (severity: Finding['severity'], status: Finding['status']): Finding => ({
  ruleId: 'X', severity, status, message: '', messageEn: '', pointers: [], expected: null, actual: null, difference: null, context: {}
})

t.test('the seed without its prior year: tables consistent, narrative findings, cross-year rules not assessable', async (t) => {
  const findings = checkReport({ report: seed(), previous: null })
  t.same(findings.filter((f) => f.status === 'failed').map((f) => [f.ruleId, f.status]), SEED_NARRATIVE,
    'tables, structure, V-*, M-DEADLINE (成文 2024-01-31) and M-INDEX hold; the prose does not')
  t.same(findings.map((f) => [f.ruleId, f.status]), [
    ['CY-CARRY', 'not_assessable'],
    ['CY-IN-FORCE', 'not_assessable'],
    ['CY-SWING', 'not_assessable'],
    ['N-RECEIVED', 'failed'],
    ['N-YOY-CLAIM', 'not_assessable'], // "170条,比2022年减少了10.5%"
    ['N-YOY-CLAIM', 'not_assessable'], // "60条,比2022年增加了7.1%"
    ['N-STALE-YEAR', 'failed'],
    ['N-INTERNAL', 'failed']
  ], 'one not_assessable per cross-year rule of the 2021 template (CY-2019-PREV applies to 2019-template reports only) and per year-on-year claim')
  t.equal(findings.find((f) => f.ruleId === 'N-RECEIVED')?.severity, 'error', '13 is not 10 + 0 carried over: an error')
  t.same(findings.filter((f) => f.ruleId === 'N-YOY-CLAIM').map((f) => f.context.claim), ['170条,比2022年减少了10.5%', '60条,比2022年增加了7.1%'])
  for (const f of findings.filter((f) => f.status === 'not_assessable')) {
    t.match(f.message, /未存储2022年度同一机关同类报告/, `${f.ruleId} says the prior-year report is not stored`)
  }
  t.same(summarizeFindings(findings), { status: 'errors', counts: { error: 1, warning: 2, info: 0, notAssessable: 5 } })
})

t.test('the seed with a consistent prior year: only what its own prose gets wrong', async (t) => {
  t.same(checkReport({ report: seed(), previous: priorWithProse() }).map((f) => [f.ruleId, f.status]), SEED_NARRATIVE)
})

t.test('a 2019-template report runs the 2019 rules', async (t) => {
  t.same(checkReport({ report: report2019(), previous: null }).map((f) => [f.ruleId, f.status]), [
    ['CY-CARRY', 'not_assessable'],
    ['CY-2019-PREV', 'not_assessable'],
    ['CY-SWING', 'not_assessable']
  ])
  t.same(checkReport({ report: report2019(), previous: report2019Previous() }), [])
})

t.test('findings come in rule order, one per failing row or column', async (t) => {
  const report = seed((d) => {
    d.requests.carriedForward = applicantRow({})
    d.requests.outcomes.granted.total = null
    d.publication = { documentDate: '2024-02-01' }
  })
  t.same(checkReport({ report, previous: priorWithProse() }).map((f) => f.ruleId), [
    'V-BLANK',
    'T3-ROWSUM',
    'T3-RESULTS-SUM',
    'T3-BALANCE', 'T3-BALANCE', // 自然人 and 总计 columns
    'M-DEADLINE',
    'M-INDEX', // not assessable: the index number is gone
    'N-RECEIVED',
    'N-PROCESSED', // the prose still carries 1 forward
    'N-STALE-YEAR',
    'N-INTERNAL'
  ])
})

t.test('runs only the given rules, and only those for the report template', async (t) => {
  const calls: string[] = []
  const probe = (id: string, templates: RuleDefinition['templates']): RuleDefinition => ({
    id,
    severity: 'info',
    title: id,
    titleEn: id,
    description: id,
    templates,
    needsPrevious: false,
    check: () => { calls.push(id); return [] }
  })
  t.same(checkReport({ report: seed(), previous: null }, [probe('only-2019', ['2019']), probe('both', ['2021', '2019'])]), [])
  t.same(calls, ['both'])
})

t.test('summarizeFindings: failed findings decide the status, not_assessable never does', async (t) => {
  const cases = [
    { name: 'nothing', findings: [], status: 'clean', counts: { error: 0, warning: 0, info: 0, notAssessable: 0 } },
    { name: 'info only', findings: [finding('info', 'failed')], status: 'clean', counts: { error: 0, warning: 0, info: 1, notAssessable: 0 } },
    { name: 'an unassessable error rule', findings: [finding('error', 'not_assessable')], status: 'clean', counts: { error: 0, warning: 0, info: 0, notAssessable: 1 } },
    { name: 'a warning', findings: [finding('warning', 'failed'), finding('info', 'failed')], status: 'warnings', counts: { error: 0, warning: 1, info: 1, notAssessable: 0 } },
    {
      name: 'an error beats warnings',
      findings: [finding('warning', 'failed'), finding('error', 'failed'), finding('error', 'failed'), finding('warning', 'not_assessable')],
      status: 'errors',
      counts: { error: 2, warning: 1, info: 0, notAssessable: 1 }
    }
  ]
  for (const c of cases) t.same(summarizeFindings(c.findings), { status: c.status, counts: c.counts }, c.name)
})
