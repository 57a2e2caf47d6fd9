import { addCells } from '../cells.js'
import type { Finding, RuleDefinition } from '../findings.js'
import { matchesIn, narrativeFinding, NUMBER, proseOf, readNumber, speaksOfWhole, wholeRequestTotals } from '../narrative.js'
import { OUTCOME_CATEGORY_LABELS, requestRows } from '../tables.js'
import type { OutcomeCategory, RequestRow } from '../tables.js'

/** The words prose uses for each outcome category of table 三. */
const CATEGORY_WORDS: readonly (readonly [OutcomeCategory, string])[] = [
  ['partiallyGranted', '部分予以公开|部分公开'],
  ['denied', '不予以公开|不予公开'],
  // 予以公开 inside 不予以公开 / 部分予以公开 / 主动予以公开 is not a grant.
  ['granted', '(?<![不分动])予以公开|同意公开|全部公开'],
  ['unable', '无法提供'],
  ['rejected', '不予处理'],
  ['other', '其他处理']
]

const CATEGORY = `(?:${CATEGORY_WORDS.map(([, words]) => words).join('|')})`

/**
 * One category or several joined by 、/和/及/与 (a sum: "予以公开及部分公开"), then at most a few filler words, then
 * the count. "分别为" (respectively) lists several counts and is not a sum, so the filler excludes it. A sum names
 * each of the six categories at most once, so a chain is at most six long: an endless "予以公开、予以公开、…" is not
 * walked again from each of its links.
 */
const CLAIM = new RegExp(`(${CATEGORY}(?:(?:、|和|及|与|以及)${CATEGORY}){0,5})(?:的|申请|类|情形|情况)?(?:共|共计|合计|为|达)?(${NUMBER})件`)

/** Each category's words at the start of a text, compiled once. */
const CATEGORY_STARTS = CATEGORY_WORDS.map(([category, words]) => [category, new RegExp(`^(?:${words})`)] as const)

/** The category whose words open `text` (the first in `CATEGORY_WORDS` order) and the words, if any. */
function categoryAtStart (text: string): { category: OutcomeCategory, words: string } | undefined {
  for (const [category, start] of CATEGORY_STARTS) {
    const match = start.exec(text)
    if (match !== null) return { category, words: match[0] }
  }
  return undefined
}

function categoriesOf (phrase: string): OutcomeCategory[] {
  const found: OutcomeCategory[] = []
  let rest = phrase
  while (rest !== '') {
    const hit = categoryAtStart(rest)
    if (hit === undefined) {
      rest = rest.slice(1) // a joining word
      continue
    }
    if (!found.includes(hit.category)) found.push(hit.category)
    rest = rest.slice(hit.words.length)
  }
  return found
}

/** The 总计-column cells of every table-三 row (`rows`) in the categories (a category's subtotal is its rows added up). */
function totalCells (rows: readonly RequestRow[], categories: readonly OutcomeCategory[]): { pointer: string, value: number | null }[] {
  return rows
    .filter((row) => (categories as readonly string[]).includes(row.kind))
    .map((row) => ({ pointer: row.cellPointers.total, value: row.cells.total }))
}

/**
 * N-T3 (warning): a count the prose gives for an outcome category of table 三 — 予以公开 (also 同意公开), 部分公开,
 * 不予公开, 无法提供, 不予处理, 其他处理 — or for a sum of them ("予以公开及部分公开 X 件") must equal that category's
 * 总计 column, added up over the category's rows (the form prints no subtotal rows). Claims in a breakdown of a subset
 * ("其中网上申请5件，其中予以公开3件") are skipped.
 *
 * Example: "无法提供6件" with （四）无法提供 rows 6 + 0 + 0 → no finding; "不予公开2件" with all 不予公开 rows 0 → one
 * finding, expected 0, actual 2, pointers: the section, then the eight `/requests/outcomes/denied/*\/total` cells.
 */
export const N_T3: RuleDefinition = {
  id: 'N-T3',
  severity: 'warning',
  title: '正文所述办理结果数与表三一致',
  titleEn: 'Outcome counts in the prose match table 3',
  description: 'A prose count for 予以公开/部分公开/不予公开/无法提供/不予处理/其他处理 (or a sum of them) = the sum of the total column over those table-3 rows.',
  templates: ['2021', '2019'],
  needsPrevious: false,
  check (input) {
    const { report } = input
    const r = report.requests
    const prose = proseOf(input)
    const whole = wholeRequestTotals(r)
    const findings: Finding[] = []
    // Laid out when the first claim needs them, once however many claims there are.
    let rows: readonly RequestRow[] | undefined
    for (const { sentence, match } of matchesIn(prose.sentencesCounting('件'), CLAIM)) {
      if (!speaksOfWhole(prose.breakdowns, sentence, match.index, whole)) continue
      const claimed = readNumber(match[2] ?? '')
      const categories = categoriesOf(match[1] ?? '')
      if (claimed === null || categories.length === 0) continue
      const cells = totalCells(rows ??= requestRows(r), categories)
      const table = addCells(cells.map((cell) => cell.value))
      // A category printed blank throughout is V-BLANK's to report; it says nothing to compare with.
      if (claimed === table || cells.every((cell) => cell.value === null)) continue
      const zh = categories.map((c) => OUTCOME_CATEGORY_LABELS[c].zh).join('及')
      const en = categories.map((c) => OUTCOME_CATEGORY_LABELS[c].en).join(' and ')
      findings.push(narrativeFinding(N_T3, sentence, {
        message: `正文称${zh}${claimed}件，但表三${zh}合计为${table}件`,
        messageEn: `The prose says ${claimed} requests were ${en}, but table 3 adds up to ${table}`,
        pointers: cells.map((cell) => cell.pointer),
        expected: table,
        actual: claimed,
        difference: claimed - table,
        context: { categories, claimed }
      }, match.index))
    }
    return findings
  }
}
