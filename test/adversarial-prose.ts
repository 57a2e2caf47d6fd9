/**
 * Prose built to make a reader of sentences work hard: one fragment repeated with no sentence break, so a whole
 * section is one long sentence full of the keywords, counts, numerals and brackets the narrative rules look for.
 * The linearity test (test/domain/rules/linear-prose.test.ts) and the benchmark (bench/adversarial-prose.ts) both
 * use it: a reader that re-reads the sentence for every keyword, or a pattern that backtracks over a run of digits,
 * shows up as time growing faster than the text.
 */
import type { AnnualReport } from '../src/domain/report.js'

/** A family of adversarial prose: a fragment repeated back to back, and what it aims at. */
export interface AdversarialFamily {
  readonly name: string
  readonly fragment: string
  readonly aims: string
}

export const ADVERSARIAL_FAMILIES: readonly AdversarialFamily[] = [
  { name: 'breakdown-marks', fragment: '其中1件', aims: 'a 其中 per count: breakdown totals and parts' },
  { name: 'negation', fragment: '未', aims: '"未发生…行政复议" zero claims with nothing after 未' },
  { name: 'none-happened', fragment: '未发生', aims: 'zero claims of table 4' },
  { name: 'category-chain', fragment: '予以公开、', aims: 'chains of outcome categories joined by 、' },
  { name: 'full-width-breakdown', fragment: '共１3件，其中(２)件', aims: 'full-width digits, brackets, totals and breakdowns' },
  { name: 'chinese-numerals', fragment: '一二三四五六七八九十百千零两', aims: 'one run of Chinese numerals' },
  { name: 'digits', fragment: '1234567890', aims: 'one run of digits' },
  { name: 'digits-and-units', fragment: '13件', aims: 'a count every few characters, no clause break' },
  { name: 'brackets', fragment: '（（2）', aims: 'clause breaks and numbers' },
  { name: 'received-claims', fragment: '收到申请', aims: 'N-RECEIVED openers without a count' },
  { name: 'handled-claims', fragment: '办结答复结转下年度', aims: 'N-PROCESSED openers' },
  { name: 'comparisons', fragment: '比2022年增加', aims: 'year-on-year claims and changes' },
  { name: 'shares', fragment: '5件占', aims: 'shares without a percentage' },
  { name: 'reviews', fragment: '行政复议行政诉讼', aims: 'N-T4 group words' },
  { name: 'documents', fragment: '制发规范性文件', aims: 'N-T2 verbs and objects' },
  { name: 'carried', fragment: '上年结转', aims: 'N-CARRIED openers' },
  { name: 'spaces', fragment: '办  ', aims: 'runs of spaces between words' },
  { name: 'years', fragment: '2022年', aims: 'years and enumerators' },
  {
    name: 'mixed-keywords',
    fragment: '共收到申请13件其中予以公开3件比2022年增加5件占10%办结答复行政复议未发生上年结转',
    aims: 'every keyword in one fragment'
  }
]

/**
 * `fragment` repeated until the text has `length` characters (the last repetition cut), with no sentence break.
 *
 * Example: `adversarialText('其中1件', 10)` → `'其中1件其中1件其中'`.
 */
export function adversarialText (fragment: string, length: number): string {
  return fragment.repeat(Math.ceil(length / fragment.length)).slice(0, length)
}

/** `report` with each of its three prose sections replaced by `length` characters of the family's prose. */
export function adversarialReport<R extends AnnualReport> (report: R, family: AdversarialFamily, length: number): R {
  const text = adversarialText(family.fragment, length)
  return { ...report, sections: { overview: text, problems: text, other: text } }
}
