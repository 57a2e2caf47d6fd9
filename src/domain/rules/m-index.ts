import { failed, notAssessable } from '../findings.js'
import type { RuleDefinition } from '../findings.js'
import { publicationDateFor } from '../publication.js'

/** 索引号 = issuer code / publication year - sequence, e.g. 11330524MB15359635/2024-00007. */
const INDEX_YEAR = /\/(\d{4})-\d+$/

/**
 * M-INDEX (info): the year inside 索引号 (`…/YYYY-NNNNN`) is the year the report was published (发布日期, else 成文日期).
 * `not_assessable` when the index number or the date is missing or unparsable. difference = index year − publication year.
 *
 * Example: indexNo '11330524MB15359635/2023-00007' with documentDate '2024-01-31' → expected 2024, actual 2023,
 * difference −1, pointers `['/publication/indexNo', '/publication/documentDate']`.
 */
export const M_INDEX: RuleDefinition = {
  id: 'M-INDEX',
  severity: 'info',
  title: '索引号年份与发布年份一致',
  titleEn: 'Index number year matches the publication year',
  description: 'The 4-digit year after "/" in publication.indexNo (pattern .../YYYY-NNNNN) = the year of publication.publishedDate (else documentDate).',
  templates: ['2021', '2019'],
  needsPrevious: false,
  check ({ report }) {
    const indexNo = (report.publication?.indexNo ?? '').trim()
    if (indexNo === '') {
      return [notAssessable(M_INDEX, '未填写索引号，无法核对', 'The index number is not given; the rule cannot be assessed.', ['/publication/indexNo'])]
    }
    const match = INDEX_YEAR.exec(indexNo)
    if (match === null) {
      return [notAssessable(M_INDEX,
        `索引号“${indexNo}”中找不到年份（应为…/YYYY-NNNNN），无法核对`,
        `No year found in the index number "${indexNo}" (expected .../YYYY-NNNNN); the rule cannot be assessed.`,
        ['/publication/indexNo'])]
    }
    const published = publicationDateFor(M_INDEX, report)
    if (!published.ok) return [published.finding]
    const indexYear = Number(match[1])
    const year = published.date.year
    if (indexYear === year) return []
    return [failed(M_INDEX, {
      message: `索引号“${indexNo}”中的年份${indexYear}与${published.label.zh}${published.text}的年份${year}不一致`,
      messageEn: `The year ${indexYear} in the index number "${indexNo}" differs from the year ${year} of the ${published.label.en} ${published.text}`,
      pointers: ['/publication/indexNo', published.pointer],
      expected: year,
      actual: indexYear,
      difference: indexYear - year,
      context: {}
    })]
  }
}
