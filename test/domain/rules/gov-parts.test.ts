import t from 'tap'
import { analyseReport } from '../../../src/domain/analysis.js'
import { coverageOf, type RegionParts, RULE_POINTERS } from '../../../src/domain/government-parts.js'
import { GOV_PARTS } from '../../../src/domain/rules/gov-parts.js'
import { essentials, seed } from '../fixtures.js'

const government = seed((d) => { d.kind = 'government' })
const received = '/requests/newReceived/total'

function parts (cells: Record<string, Array<[string, number]>>, departments = 2): RegionParts {
  return {
    regionCode: '330502',
    year: 2023,
    departments: Array.from({ length: departments }, (_, index) => ({ reportId: index + 1, agencyCode: `A${index}`, agencyName: `部门${index}` })),
    cells: new Map(Object.entries(cells).map(([at, values]) => [at, {
      sum: values.reduce((sum, [, value]) => sum + value, 0),
      top: values.map(([agencyName, value]) => ({ agencyCode: agencyName, agencyName, value }))
    }]))
  }
}

t.test('a sum above the summary\'s cell is a warning naming the cell, the sum, the value and the contributors', async (t) => {
  const total = government.requests.newReceived.total ?? 0
  const findings = GOV_PARTS.check({ report: government, previous: null, parts: parts({ [received]: [['教育局', total], ['民政局', 2]] }) })
  t.same(findings.map(essentials), [{
    ruleId: 'GOV-PARTS', severity: 'warning', status: 'failed', pointers: [received], expected: total + 2, actual: total, difference: -2
  }])
  t.match(findings[0]?.message, `合计 ${total + 2}，超过本级政府汇总的 ${total}`)
  t.match(findings[0]?.message, `主要来自 教育局 ${total}、民政局 2`)
  t.same(findings[0]?.context, { partsSum: total + 2, summaryValue: total, departments: 2, topContributors: [{ agencyCode: '教育局', agencyName: '教育局', value: total }, { agencyCode: '民政局', agencyName: '民政局', value: 2 }] })
})

t.test('a lower bound: a sum equal to or below the summary, or missing cells, is no finding', async (t) => {
  const total = government.requests.newReceived.total ?? 0
  t.same(GOV_PARTS.check({ report: government, previous: null, parts: parts({ [received]: [['教育局', total]] }) }), [])
  t.same(GOV_PARTS.check({ report: government, previous: null, parts: parts({}) }), [], 'parts with nothing in them')
})

t.test('a blank summary cell counts as 0', async (t) => {
  const blank = seed((d) => { d.kind = 'government'; d.reviewLitigation.review.total = null })
  const findings = GOV_PARTS.check({ report: blank, previous: null, parts: parts({ '/reviewLitigation/review/total': [['教育局', 1]] }) })
  t.match(findings.map(essentials), [{ pointers: ['/reviewLitigation/review/total'], expected: 1, actual: 0 }])
  t.match(findings[0]?.message, '空白，按 0 计')
})

t.test('not assessable without parts stored; nothing for an agency\'s report or when parts were not looked up', async (t) => {
  t.match(GOV_PARTS.check({ report: government, previous: null, parts: parts({}, 0) }).map(essentials), [{ status: 'not_assessable', pointers: [] }])
  t.same(GOV_PARTS.check({ report: seed(), previous: null, parts: parts({ [received]: [['教育局', 1000]] }) }), [])
  t.same(GOV_PARTS.check({ report: government, previous: null }), [])
  t.ok(GOV_PARTS.description.includes('lower bound'))
})

t.test('table 二 is coverage only, and the analysis puts GOV-PARTS last', async (t) => {
  const licensing = '/proactive/licensing/decisions'
  const value = government.proactive.licensing.decisions ?? 0
  const regionParts = parts({ [licensing]: [['教育局', value + 5]], [received]: [['教育局', 1000]] })
  t.notOk(RULE_POINTERS.includes(licensing))
  t.same(GOV_PARTS.check({ report: government, previous: null, parts: regionParts }).map((f) => f.pointers), [[received]])
  const coverage = coverageOf(government, regionParts)
  t.match(coverage.find((cell) => cell.pointer === licensing), { partsSum: value + 5, summaryValue: value, ratio: value === 0 ? null : (value + 5) / value })
  t.notOk(coverage.some((cell) => cell.pointer.endsWith('/inForce')))
  const analysis = analyseReport(government, null, regionParts)
  t.equal(analysis.findings.at(-1)?.ruleId, 'GOV-PARTS')
})
