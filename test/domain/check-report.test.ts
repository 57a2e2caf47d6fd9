import t from 'tap'
import { checkReport, summarizeFindings } from '../../src/domain/check-report.js'
import type { Finding, RuleDefinition } from '../../src/domain/findings.js'
import { applicantRow, report2019, report2019Previous, seed, seedPrevious } from './fixtures.js'

const finding = (severity: Finding['severity'], status: Finding['status']): Finding => ({
  ruleId: 'X', severity, status, message: '', messageEn: '', pointers: [], expected: null, actual: null, difference: null, context: {}
})

t.test('the seed without its prior year: consistent, every cross-year rule not assessable', async (t) => {
  const findings = checkReport({ report: seed(), previous: null })
  t.same(findings.filter((f) => f.status === 'failed'), [], 'no failed finding: tables, structure, V-*, M-DEADLINE (成文 2024-01-31) and M-INDEX hold')
  t.same(findings.map((f) => [f.ruleId, f.status]), [
    ['CY-CARRY', 'not_assessable'],
    ['CY-IN-FORCE', 'not_assessable'],
    ['CY-SWING', 'not_assessable']
  ], 'one not_assessable per cross-year rule of the 2021 template (CY-2019-PREV applies to 2019-template reports only)')
  for (const f of findings) t.match(f.message, /未存储2022年度同一机关同类报告/, `${f.ruleId} says the prior-year report is not stored`)
  t.same(summarizeFindings(findings), { status: 'clean', counts: { error: 0, warning: 0, info: 0, notAssessable: 3 } })
})

t.test('the seed with a consistent prior year has no finding at all', async (t) => {
  t.same(checkReport({ report: seed(), previous: seedPrevious() }), [])
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
  t.same(checkReport({ report, previous: seedPrevious() }).map((f) => f.ruleId), [
    'V-BLANK',
    'T3-ROWSUM',
    'T3-RESULTS-SUM',
    'T3-BALANCE', 'T3-BALANCE', // 自然人 and 总计 columns
    'M-DEADLINE',
    'M-INDEX' // not assessable: the index number is gone
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
