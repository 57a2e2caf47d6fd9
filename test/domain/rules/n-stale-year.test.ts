import t from 'tap'
import { N_STALE_YEAR } from '../../../src/domain/rules/n-stale-year.js'
import { essentials, seed } from '../fixtures.js'

t.test('the seed: section 五 opens with 2022 in a 2023 report', async (t) => {
  const findings = N_STALE_YEAR.check({ report: seed(), previous: null })
  t.same(findings.map(essentials), [{
    ruleId: 'N-STALE-YEAR', severity: 'warning', status: 'failed', pointers: ['/sections/problems'], expected: 2023, actual: 2022, difference: -1
  }])
  t.match(findings[0]?.context.quote, /^2022年,我局顺利完成政府信息公开工作的各项任务/)
  t.equal(findings[0]?.context.section, 'problems')
})

t.test('flags a past year after numbering, in any section', async (t) => {
  const report = seed((d) => {
    d.sections.problems = '一是2021年度，我局圆满完成各项任务。'
    d.sections.other = '（一）2022年，未收取信息处理费。'
  })
  t.same(N_STALE_YEAR.check({ report, previous: null }).map((f) => [f.pointers[0], f.actual]), [
    ['/sections/problems', 2021],
    ['/sections/other', 2022]
  ])
})

t.test('leaves plans, histories, dates and comparisons alone', async (t) => {
  const report = seed((d) => {
    d.sections.problems = '2024年，我局将进一步加强政务公开。2018年以来，我局持续推进公开工作。2022年12月，我局召开专题会议。2022年共收到申请8件，2023年共收到10件。'
    d.sections.other = '2023年，未收取信息处理费。'
  })
  t.same(N_STALE_YEAR.check({ report, previous: null }), [])
})
