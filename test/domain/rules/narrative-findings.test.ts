/**
 * The findings of the narrative rules (N-*) on whole reports, pinned: the seed, with and without a prior year whose
 * prose its year-on-year claims follow from; the corpus reports of test/fixtures/corpus as published (their prose and
 * tables agree) and with every table cell one more than printed (then each claim the prose makes of a table fails,
 * with the numbers it was read with); 010 with its prior year 009; and the adversarial prose that states every kind
 * of claim. narrative-findings.json holds what the rules found before their prose reading was shared (commit
 * 7fb1714): any change to how prose is read must leave every finding, message and quote as it was.
 *
 * When findings are meant to change, write the file anew and review its diff:
 * `npx tsx test/domain/rules/narrative-findings.test.ts --write`.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import t from 'tap'
import { checkReport } from '../../../src/domain/check-report.js'
import type { Finding, RuleInput } from '../../../src/domain/findings.js'
import type { AnnualReport } from '../../../src/domain/report.js'
import { ADVERSARIAL_FAMILIES, adversarialReport } from '../../adversarial-prose.js'
import { seed, seedPrevious } from '../fixtures.js'

const PINNED = new URL('./narrative-findings.json', import.meta.url)

const corpusReport = (name: string): AnnualReport =>
  JSON.parse(readFileSync(new URL(`../../fixtures/corpus/${name}.json`, import.meta.url), 'utf8')) as AnnualReport

/** `value` with every number one more: applied to a report's tables, it contradicts every count the prose states. */
function plusOne<T> (value: T): T {
  if (typeof value === 'number') return (value + 1) as T
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plusOne(inner)])) as T
}

function withTablesOneMore (report: AnnualReport): AnnualReport {
  return { ...report, requests: plusOne(report.requests), reviewLitigation: plusOne(report.reviewLitigation), proactive: plusOne(report.proactive) } as AnnualReport
}

const mixedKeywords = ADVERSARIAL_FAMILIES.find((family) => family.name === 'mixed-keywords')
const years = ADVERSARIAL_FAMILIES.find((family) => family.name === 'years')
if (mixedKeywords === undefined || years === undefined) throw new Error('test/adversarial-prose.ts has no mixed-keywords or years family')

const CASES: Readonly<Record<string, RuleInput>> = {
  seed: { report: seed(), previous: null },
  'seed, prior year with prose': {
    report: seed(),
    previous: seedPrevious((d) => { d.sections.overview = '全年主动公开政务信息190条。全年公开重点领域政府信息共56条。' })
  },
  ...Object.fromEntries(['009', '010', '011'].flatMap((name) => [
    [name, { report: corpusReport(name), previous: null }],
    [`${name}, every table cell one more`, { report: withTablesOneMore(corpusReport(name)), previous: null }]
  ])),
  '010, prior year 009': { report: corpusReport('010'), previous: corpusReport('009') },
  'mixed keywords, 120 characters a section': {
    report: adversarialReport(seed(), mixedKeywords, 120),
    previous: adversarialReport(seedPrevious(), mixedKeywords, 120)
  },
  'years, 60 characters a section': { report: adversarialReport(seed(), years, 60), previous: null }
}

const narrativeFindings = (input: RuleInput): Finding[] => checkReport(input).filter((finding) => finding.ruleId.startsWith('N-'))

if (process.argv.includes('--write')) {
  const found = Object.fromEntries(Object.entries(CASES).map(([name, input]) => [name, narrativeFindings(input)]))
  writeFileSync(PINNED, JSON.stringify(found, null, 2) + '\n')
} else {
  const pinned = JSON.parse(readFileSync(PINNED, 'utf8')) as Record<string, Finding[]>
  t.same(Object.keys(pinned), Object.keys(CASES), 'the pinned file has every case')
  for (const [name, input] of Object.entries(CASES)) {
    t.test(name, async (t) => {
      t.strictSame(narrativeFindings(input), pinned[name])
    })
  }
}
