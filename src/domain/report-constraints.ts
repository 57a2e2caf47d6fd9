/**
 * Constraints on a report body that a static schema cannot state: they depend on today's date or on
 * decimal precision. Breaking one is invalid input (400), like a schema error, not a finding.
 */
import { pointer } from './cells.js'
import type { AnnualReport } from './report.js'

export interface ConstraintViolation {
  /** JSON Pointer into the report body. */
  readonly pointer: string
  readonly detail: string
}

/** Amounts in 万元 are printed with at most 6 decimals (to the yuan and below). */
const MAX_AMOUNT_DECIMALS = 6

function hasAtMostDecimals (value: number, decimals: number): boolean {
  return Number(value.toFixed(decimals)) === value
}

/** What is wrong with a text that Postgres cannot store, if anything. */
function unstorableText (text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)'
  // A lone surrogate (`"\ud800"` in JSON) is no character at all; Postgres refuses it in jsonb.
  if (!text.isWellFormed()) return 'must not contain a lone UTF-16 surrogate (an escape such as \\ud800 that is half of a character)'
  return undefined
}

/**
 * Adds every string in `value` that Postgres could not store to `found`, with its JSON Pointer and the reason.
 * `path` is the way down to `value`; pointers are built only for the rare bad string, since this walks every
 * value of every report stored.
 */
function collectUnstorableTexts (value: unknown, path: string[], found: ConstraintViolation[]): void {
  if (typeof value === 'string') {
    const detail = unstorableText(value)
    if (detail !== undefined) found.push({ pointer: pointer(...path), detail })
    return
  }
  if (typeof value !== 'object' || value === null) return
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'number' || typeof item === 'boolean' || item === null) continue
    path.push(key)
    collectUnstorableTexts(item, path, found)
    path.pop()
  }
}

/**
 * Checks the constraints of a report body given today's date (passed in: the domain reads no clock).
 *
 * - `year` is not after the current year (reports cover a finished or current year);
 * - amounts in 万元 have at most 6 decimals;
 * - no text contains the NUL character (a PDF-extraction artefact) or a lone surrogate, which Postgres cannot store.
 *
 * @example reportConstraintViolations({ ...seed, year: 2031 }, new Date('2026-11-27'))
 *   // → [{ pointer: '/year', detail: 'must not be after the current year (2026)' }]
 */
export function reportConstraintViolations (report: AnnualReport, today: Date): ConstraintViolation[] {
  const violations: ConstraintViolation[] = []
  const currentYear = today.getUTCFullYear()
  if (report.year > currentYear) {
    violations.push({ pointer: '/year', detail: `must not be after the current year (${currentYear})` })
  }
  const amounts: Array<[string, number | null]> = report.template === '2021'
    ? [['/proactive/fees/amountWan', report.proactive.fees.amountWan]]
    : [['/proactive/procurement/amountWan', report.proactive.procurement.amountWan]]
  for (const [pointer, amount] of amounts) {
    if (amount !== null && !hasAtMostDecimals(amount, MAX_AMOUNT_DECIMALS)) {
      violations.push({ pointer, detail: `must have at most ${MAX_AMOUNT_DECIMALS} decimals (万元)` })
    }
  }
  collectUnstorableTexts(report, [], violations)
  return violations
}
