import type { Finding, RuleDefinition } from '../findings.js'
import { narrativeFinding, proseOf } from '../narrative.js'

/** Numbering in front of a sentence: （一）, 1., 一、, 一是. */
const ENUMERATOR = /^(?:\(?[一二三四五六七八九十\d]+[).、]|[一二三四五六七八九十]是)+/

/**
 * A sentence opening with a year: "2022年,…", "2022年度，…". Not "2022年12月" (a date inside the period may
 * be legitimate) and not "2018年以来" (a history reaching up to now).
 */
const OPENING_YEAR = /^((?:19|20)\d{2})年度?(?!\d{1,2}月)(?!以来|至今)/

const FOUR_DIGITS = /^\d{4}$/

/**
 * True unless the sentence cannot open with a year: numbering holds no 年, so an opening year is the four digits
 * before the sentence's first 年. Most sentences are ruled out by that one look.
 */
function mayOpenWithYear (norm: string): boolean {
  const at = norm.indexOf('年')
  return at >= 4 && FOUR_DIGITS.test(norm.slice(at - 4, at))
}

/** Plans name future years legitimately ("2024年，我局将…"). */
const FUTURE = /将|计划|拟|下一步|力争|预计|继续|持续推进|争取/

/** Words of last year's problems and their remedy, which section 五 asks for ("2023年工作中存在问题的改进情况"). */
const PROBLEM_WORDS = /问题|整改|改进|不足|差距|短板/
/** Words that sum up achievements: before a problem word they make the sentence a summary of the year's work. */
const ACHIEVEMENT_WORDS = /完成|取得|成效|成绩|开展|推进|落实/
/** How much of a sentence after its opening year says what it is about. */
const OPENING_REACH = 40

/**
 * True for a sentence about the previous year's problems and how they were remedied: the opening names a problem (or
 * its remedy) before any achievement. The seed's "2022年,我局顺利完成…各项任务,但…存在一定差距" claims the year's work first.
 */
function isPreviousYearsProblems (norm: string, openingEnd: number): boolean {
  const opening = norm.slice(openingEnd, openingEnd + OPENING_REACH)
  const problem = PROBLEM_WORDS.exec(opening)
  if (problem === null) return false
  return !ACHIEVEMENT_WORDS.test(opening.slice(0, problem.index))
}

/**
 * N-STALE-YEAR (warning): a summary sentence that opens with a year other than the report year — the sign of a
 * paragraph copied from an earlier report (the seed's section 五, in a 2023 report: "2022年,我局顺利完成…").
 * Plans (将, 下一步, 计划 …), histories ("2018年以来"), dates ("2022年12月"), sentences that also name the report
 * year (comparisons) and sentences about the previous year's problems and their remedy, which the form asks section 五
 * for ("（一）2023年工作中存在问题的改进情况" in a 2024 report), are not flagged.
 *
 * Example: the seed → one finding on '/sections/problems', expected 2023, actual 2022, difference −1,
 * quote '2022年,我局顺利完成政府信息公开工作的各项任务,…'.
 */
export const N_STALE_YEAR: RuleDefinition = {
  id: 'N-STALE-YEAR',
  severity: 'warning',
  title: '正文总结句年份与报告年度不符',
  titleEn: 'A summary sentence names another year than the report year',
  description: 'A prose sentence opening with "YYYY年" where YYYY != report.year, unless it is a plan, a history (以来) or also names the report year.',
  templates: ['2021', '2019'],
  needsPrevious: false,
  check (input) {
    const { report } = input
    const findings: Finding[] = []
    for (const sentence of proseOf(input).sentences) {
      if (!mayOpenWithYear(sentence.norm)) continue
      const text = sentence.norm.replace(ENUMERATOR, '')
      const opening = OPENING_YEAR.exec(text)
      if (opening === null) continue
      const year = Number(opening[1])
      if (year === report.year || FUTURE.test(sentence.norm) || sentence.norm.includes(`${report.year}年`)) continue
      if (year === report.year - 1 && isPreviousYearsProblems(text, opening[0].length)) continue
      findings.push(narrativeFinding(N_STALE_YEAR, sentence, {
        message: `${report.year}年度报告中的总结句以“${year}年”开头，疑为沿用往年报告内容`,
        messageEn: `A summary sentence in the ${report.year} report opens with the year ${year}; it may be copied from an earlier report`,
        pointers: [],
        expected: report.year,
        actual: year,
        difference: year - report.year
      }))
    }
    return findings
  }
}
