import { failed } from '../findings.js'
import type { RuleDefinition } from '../findings.js'
import { dayNumber, publicationDateFor } from '../publication.js'
import type { ReportKind } from '../report.js'

/** 《政府信息公开条例》第四十九条: departments publish by 31 January, governments' summaries by 31 March of N+1. */
const DEADLINES: { readonly [K in ReportKind]: { readonly month: number, readonly zh: string, readonly en: string } } = {
  agency: { month: 1, zh: '本机关报告应于次年1月31日前公布', en: 'an agency report is due by 31 January of the next year' },
  government: { month: 3, zh: '本级政府报告应于次年3月31日前公布', en: 'a government report is due by 31 March of the next year' }
}

/**
 * M-DEADLINE (warning): the report is published (发布日期, else 成文日期) by 31 January of N+1 for an `agency` report,
 * by 31 March of N+1 for a `government` report. ISO date strings are compared; no clock is read. Without either date
 * (or with an unparsable one): `not_assessable`. difference = days late.
 *
 * Example: a 2023 agency report published 2024-02-05 → expected '2024-01-31', actual '2024-02-05', difference 5,
 * pointers `['/publication/publishedDate']`.
 */
export const M_DEADLINE: RuleDefinition = {
  id: 'M-DEADLINE',
  severity: 'warning',
  title: '年度报告按期公布',
  titleEn: 'Published by the legal deadline',
  description: 'publication.publishedDate (else documentDate) <= 31 January of year+1 for kind "agency", <= 31 March of year+1 for kind "government".',
  templates: ['2021', '2019'],
  needsPrevious: false,
  check ({ report }) {
    const published = publicationDateFor(M_DEADLINE, report)
    if (!published.ok) return [published.finding]
    const rule = DEADLINES[report.kind]
    const deadline = `${report.year + 1}-${String(rule.month).padStart(2, '0')}-31`
    if (published.text <= deadline) return []
    const daysLate = published.date.day - dayNumber(report.year + 1, rule.month, 31)
    return [failed(M_DEADLINE, {
      message: `${published.label.zh}${published.text}晚于法定期限${deadline}（《政府信息公开条例》第四十九条：${rule.zh}），逾期${daysLate}天`,
      messageEn: `The ${published.label.en} ${published.text} is after the legal deadline ${deadline} (Article 49: ${rule.en}), ${daysLate} day(s) late`,
      pointers: [published.pointer],
      expected: deadline,
      actual: published.text,
      difference: daysLate,
      context: { kind: report.kind }
    })]
  }
}
