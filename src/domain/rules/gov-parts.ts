import { type CellRef, reportCells } from '../cells.js'
import { type Exceedance, findExceedances, type RegionParts } from '../government-parts.js'
import { failed, type Finding, notAssessable, type RuleDefinition, type RuleStamp } from '../findings.js'

const STAMP: RuleStamp = { id: 'GOV-PARTS', severity: 'warning' }

function contributorsText (exceedance: Exceedance, separator: string): string {
  return exceedance.top.map(({ agencyName, value }) => `${agencyName} ${value}`).join(separator)
}

function exceedanceFinding (exceedance: Exceedance, departments: number): Finding {
  const { pointer, partsSum, summaryValue, top } = exceedance
  const stated = summaryValue ?? 0
  const blank = summaryValue === null ? '（空白，按 0 计）' : ''
  const blankEn = summaryValue === null ? ' (blank, counted as 0)' : ''
  return failed(STAMP, {
    message: `${pointer}：本地区本年度已存储的 ${departments} 份部门报告合计 ${partsSum}，超过本级政府汇总的 ${stated}${blank}；` +
      `主要来自 ${contributorsText(exceedance, '、')}。`,
    messageEn: `${pointer}: the ${departments} departments' reports stored for this region and year add up to ${partsSum}, ` +
      `more than the summary's ${stated}${blankEn}; largest: ${contributorsText(exceedance, ', ')}.`,
    pointers: [pointer],
    expected: partsSum,
    actual: stated,
    difference: stated - partsSum,
    context: { partsSum, summaryValue, departments, topContributors: top }
  })
}

/**
 * The GOV-PARTS findings of a summary whose cells are `summaryCells` (every cell it has, blanks as null): one
 * `not_assessable` finding while no part is stored, else one finding per exceeded cell. The write paths recompute
 * them from the stored figures with this when a department's report changes.
 */
export function govPartsFindings (summaryCells: readonly CellRef[], parts: RegionParts): Finding[] {
  if (parts.departments.length === 0) {
    return [notAssessable(STAMP,
      `本地区（${parts.regionCode}）${parts.year} 年尚无已存储的部门报告，无法核对汇总。`,
      `No department's report of region ${parts.regionCode} for ${parts.year} is stored: the summary cannot be checked against its parts.`,
      [], { departments: 0 })]
  }
  return findExceedances(summaryCells, parts).map((exceedance) => exceedanceFinding(exceedance, parts.departments.length))
}

/**
 * GOV-PARTS (warning), a lower bound: for a `government` report of region R and year N, every cell of tables 三 and
 * 四 is at least the sum of that cell over the `agency` reports of region R and year N stored. Missing parts only
 * lower the sum, so the rule never fails because a department's report is not yet stored; blanks count as 0. No
 * equality is claimed: some summaries leave out vertically managed units. With no part stored, one
 * `not_assessable` finding. The parts are looked up by the caller (`RuleInput.parts`); without them (not looked
 * up) the rule yields nothing, and agency reports never have findings from it.
 *
 * Example: summary 本年新收 总计 10; stored parts 6 (A) and 7 (B) → one finding for `/requests/newReceived/total`,
 * expected 13 (the parts' sum), actual 10, difference −3, `context.topContributors` B 7, A 6.
 */
export const GOV_PARTS: RuleDefinition = {
  ...STAMP,
  title: '部门报告合计不超过本级政府汇总',
  titleEn: 'Departments add up to no more than the government\'s summary',
  description: 'A lower bound, not an equality: for a government report of region R and year N and every cell x of tables 3 and 4, ' +
    'the sum of x over the stored agency reports of region R and year N <= x of the government report (blanks count as 0). ' +
    'Reports not yet stored only lower the sum, so they never make the rule fail; some summaries leave out vertically managed ' +
    'units, so a smaller sum is no finding. Recomputed whenever a department\'s report is stored or revised.',
  templates: ['2021', '2019'],
  needsPrevious: false,
  check ({ report, parts }) {
    return report.kind !== 'government' || parts === undefined ? [] : govPartsFindings(reportCells(report), parts)
  }
}
