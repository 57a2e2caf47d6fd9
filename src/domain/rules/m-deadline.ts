import { failed } from '../findings.js'
import type { RuleDefinition } from '../findings.js'
import { normalizeProse } from '../narrative.js'
import { dayNumber, parseIsoDate, publicationDateFor } from '../publication.js'
import type { PublicationDateResult } from '../publication.js'
import type { AnnualReport, ReportKind } from '../report.js'

/** 《政府信息公开条例》第四十九条: departments publish by 31 January, governments' summaries by 31 March of N+1. */
const DEADLINES: { readonly [K in ReportKind]: { readonly month: number, readonly zh: string, readonly en: string } } = {
  agency: { month: 1, zh: '本机关报告应于次年1月31日前公布', en: 'an agency report is due by 31 January of the next year' },
  government: { month: 3, zh: '本级政府报告应于次年3月31日前公布', en: 'a government report is due by 31 March of the next year' }
}

/** A line that is only a date, as printed under the title or above the signature: "（2025年1月20日）", "2025年1月20日". */
const STANDALONE_DATE = /^\(?(\d{4})年(\d{1,2})月(\d{1,2})日\)?$/
/** How many lines at the head of section 一 and at the foot of section 六 may hold the document's date. */
const EDGE_LINES = 3

/**
 * The document's date as the text prints it, when the metadata gives none: a line that is only a date among the first
 * lines of section 一 (under the title, where the introduction starts) or the last lines of section 六 (above or below
 * the signature). Null when there is none or it is not a real date.
 *
 * Example: overview `'（2025年1月20日）\n一、总体情况…'` → `{ text: '2025-01-20', pointer: '/sections/overview' }`.
 */
export function textDate (report: AnnualReport): { readonly text: string, readonly pointer: string } | null {
  const edges: [string, string[]][] = [
    ['/sections/overview', edgeLines(report.sections.overview.slice(0, 2000).split('\n'))],
    ['/sections/other', edgeLines(report.sections.other.slice(-2000).split('\n').reverse()).reverse()]
  ]
  for (const [pointer, candidates] of edges) {
    for (const line of candidates) {
      const match = STANDALONE_DATE.exec(line)
      if (match === null) continue
      const [year = '', month = '', day = ''] = match.slice(1)
      const text = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
      if (parseIsoDate(text) !== null) return { text, pointer }
    }
  }
  return null
}

/**
 * The first `EDGE_LINES` lines of `lines` that are not empty once normalised, normalised: only the lines up to them
 * are normalised, not the whole edge of the section.
 */
function edgeLines (lines: readonly string[]): string[] {
  const found: string[] = []
  for (const line of lines) {
    if (found.length === EDGE_LINES) break
    const normalised = normalizeProse(line)
    if (normalised !== '') found.push(normalised)
  }
  return found
}

/** The date M-DEADLINE judges by: the metadata's (see `publicationDateFor`), else the date the text prints. */
function deadlineDate (report: AnnualReport): PublicationDateResult | { readonly ok: true, readonly fromText: true, readonly pointer: string, readonly text: string, readonly day: number } {
  const fromMetadata = publicationDateFor(M_DEADLINE, report)
  const publication = report.publication ?? {}
  if (fromMetadata.ok || (publication.publishedDate ?? '') !== '' || (publication.documentDate ?? '') !== '') return fromMetadata
  const printed = textDate(report)
  const date = printed === null ? null : parseIsoDate(printed.text)
  if (printed === null || date === null) return fromMetadata
  return { ok: true, fromText: true, pointer: printed.pointer, text: printed.text, day: date.day }
}

/**
 * M-DEADLINE (warning): the report is published (发布日期, else 成文日期) by 31 January of N+1 for an `agency` report,
 * by 31 March of N+1 for a `government` report. ISO date strings are compared; no clock is read. When the metadata
 * gives neither date, the date the text prints on a line of its own at the head of section 一 or the foot of section 六
 * ("（2025年1月20日）" under the title) is the document date. Without any date (or with an unparsable one):
 * `not_assessable`. difference = days late.
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
    const published = deadlineDate(report)
    if (!published.ok) return [published.finding]
    const rule = DEADLINES[report.kind]
    const deadline = `${report.year + 1}-${String(rule.month).padStart(2, '0')}-31`
    if (published.text <= deadline) return []
    const fromText = 'fromText' in published
    const day = fromText ? published.day : published.date.day
    const label = fromText ? { zh: '正文所载日期', en: 'date printed in the text' } : published.label
    const daysLate = day - dayNumber(report.year + 1, rule.month, 31)
    return [failed(M_DEADLINE, {
      message: `${label.zh}${published.text}晚于法定期限${deadline}（《政府信息公开条例》第四十九条：${rule.zh}），逾期${daysLate}天`,
      messageEn: `The ${label.en} ${published.text} is after the legal deadline ${deadline} (Article 49: ${rule.en}), ${daysLate} day(s) late`,
      pointers: [published.pointer],
      expected: deadline,
      actual: published.text,
      difference: daysLate,
      context: { kind: report.kind, ...(fromText ? { dateSource: 'text' } : {}) }
    })]
  }
}
