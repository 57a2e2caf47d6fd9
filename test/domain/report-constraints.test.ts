import t from 'tap'
import { reportConstraintViolations } from '../../src/domain/report-constraints.js'
import type { AnnualReport, Report2021 } from '../../src/domain/report.js'
import { report2019 } from '../fixtures.js'
import { seedReport } from '../helper.js'

const today = new Date('2026-11-27T00:00:00Z')

function withFee (amountWan: number): Report2021 {
  const seed = seedReport() as Report2021
  return { ...seed, proactive: { ...seed.proactive, fees: { amountWan } } }
}

t.test('the seed breaks no constraint', async (t) => {
  t.same(reportConstraintViolations(seedReport(), today), [])
  t.same(reportConstraintViolations(report2019(), today), [])
})

t.test('constraints the schema cannot state', async (t) => {
  const seed = seedReport()
  const cases: Array<{ name: string, report: AnnualReport, expected: Array<{ pointer: string, detail: string }> }> = [
    { name: 'the current year is allowed', report: { ...seed, year: 2026 }, expected: [] },
    { name: 'a future year', report: { ...seed, year: 2027 }, expected: [{ pointer: '/year', detail: 'must not be after the current year (2026)' }] },
    { name: '6 decimals of 万元', report: withFee(0.000001), expected: [] },
    {
      name: '7 decimals of 万元',
      report: withFee(1.0000001),
      expected: [{ pointer: '/proactive/fees/amountWan', detail: 'must have at most 6 decimals (万元)' }]
    },
    {
      name: '2019 procurement amount',
      report: { ...report2019(), proactive: { ...report2019().proactive, procurement: { projects: 1, amountWan: 0.12345678 } } },
      expected: [{ pointer: '/proactive/procurement/amountWan', detail: 'must have at most 6 decimals (万元)' }]
    },
    {
      name: 'NUL in the agency name and a publication field',
      report: { ...seed, agency: { ...seed.agency, name: '局\u0000' }, publication: { 'index/No': 'x\u0000' } as never },
      expected: [
        { pointer: '/agency/name', detail: 'must not contain the NUL character (U+0000)' },
        { pointer: '/publication/index~1No', detail: 'must not contain the NUL character (U+0000)' }
      ]
    },
    {
      name: 'a lone surrogate in the prose (JSON "\\ud800"), while a whole pair is a character like any other',
      report: { ...seed, sections: { ...seed.sections, overview: '\ud800概述', other: '𠀀' } },
      expected: [{ pointer: '/sections/overview', detail: 'must not contain a lone UTF-16 surrogate (an escape such as \\ud800 that is half of a character)' }]
    }
  ]
  for (const c of cases) t.same(reportConstraintViolations(c.report, today), c.expected, c.name)
})
