/**
 * The publication date the metadata rules judge by: 发布日期 when the page gives one, else 成文日期.
 * Dates are compared as calendar days from their ISO text; no clock is read.
 */
import { notAssessable } from './findings.js'
import type { Finding, RuleStamp } from './findings.js'
import type { AnnualReport } from './report.js'
import type { Label } from './tables.js'

const DAY_MS = 86_400_000

/**
 * Numbers a calendar day (days since 1970-01-01), so two days subtract to the days between them.
 *
 * Example: `dayNumber(2024, 1, 31)` → `19753`; `dayNumber(2024, 2, 5) - dayNumber(2024, 1, 31)` → `5`.
 */
export function dayNumber (year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS
}

export interface IsoDate {
  readonly year: number
  /** See `dayNumber`. */
  readonly day: number
}

/**
 * Parses a calendar date written `YYYY-MM-DD`; anything else, or a day that does not exist, is null.
 *
 * Example: `parseIsoDate('2024-01-31')` → `{ year: 2024, day: 19753 }`; `parseIsoDate('2024-02-30')` → `null`.
 */
export function parseIsoDate (text: string): IsoDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (match === null) return null
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  // Date.UTC would roll 02-30 over to 03-01 and read years below 100 as 19xx: such a date is not a real one.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null
  return { year, day: dayNumber(year, month, day) }
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** The days of a month of the (proleptic) Gregorian calendar, as Date counts them. */
function daysIn (year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1] as number
}

/** A usable publication date, or the `not_assessable` finding that explains why there is none. */
export type PublicationDateResult =
  | {
    readonly ok: true
    readonly pointer: '/publication/publishedDate' | '/publication/documentDate'
    readonly label: Label
    readonly text: string
    readonly date: IsoDate
  }
  | { readonly ok: false, readonly finding: Finding }

const PUBLISHED = { pointer: '/publication/publishedDate', label: { zh: '发布日期', en: 'publication date' } } as const
const DOCUMENTED = { pointer: '/publication/documentDate', label: { zh: '成文日期', en: 'document date' } } as const

/**
 * Picks the date a report counts as published on for `rule`: `publishedDate` (发布日期) when given, else
 * `documentDate` (成文日期). Without either, or when the chosen one is not a real `YYYY-MM-DD` date, the rule
 * cannot be assessed and the result carries that `not_assessable` finding, naming the field(s).
 * A given but unparsable 发布日期 is not replaced by 成文日期: the bad field is reported instead.
 *
 * Example: the seed has only `documentDate: '2024-01-31'` →
 * `{ ok: true, pointer: '/publication/documentDate', label: { zh: '成文日期', … }, text: '2024-01-31', date: { year: 2024, day: 19753 } }`.
 */
export function publicationDateFor (rule: RuleStamp, report: AnnualReport): PublicationDateResult {
  const publication = report.publication ?? {}
  const published = publication.publishedDate ?? ''
  const documented = publication.documentDate ?? ''
  const [field, text] = published !== '' ? [PUBLISHED, published] : [DOCUMENTED, documented]
  if (text === '') {
    return {
      ok: false,
      finding: notAssessable(rule,
        '未填写发布日期或成文日期，无法核对',
        'Neither the publication date nor the document date is given; the rule cannot be assessed.',
        [PUBLISHED.pointer, DOCUMENTED.pointer])
    }
  }
  const date = parseIsoDate(text)
  if (date === null) {
    return {
      ok: false,
      finding: notAssessable(rule,
        `${field.label.zh}“${text}”不是有效日期（应为YYYY-MM-DD），无法核对`,
        `The ${field.label.en} "${text}" is not a valid YYYY-MM-DD date; the rule cannot be assessed.`,
        [field.pointer])
    }
  }
  return { ok: true, ...field, text, date }
}
