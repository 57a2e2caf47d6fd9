/**
 * `npm run rules:corpus`: for each rule, every sentence of the sample reports it fired on, with the numbers it used.
 * Reads the published reports of `../shared/corpus/reports/` (through the importer, as `POST /v1/imports` does), the
 * fixtures of `../shared/fixtures/` and the repository's own test fixtures (`test/fixtures/corpus/`). `../shared` is
 * not part of the repository: without it only the test fixtures are read, and the script says so. Exits 0 either way;
 * it is for reading, and a reviewer decides which finding is false.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkReport } from '../src/domain/check-report.js'
import type { Finding } from '../src/domain/findings.js'
import { parseReportText } from '../src/domain/import/index.js'
import type { ImportHints } from '../src/domain/import/index.js'
import type { AnnualReport } from '../src/domain/report.js'
import { RULES } from '../src/domain/rules/index.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SHARED = path.resolve(ROOT, '../shared')
const TEST_FIXTURES = path.join(ROOT, 'test/fixtures/corpus')

interface Source {
  readonly name: string
  readonly report: AnnualReport
}

const jsonFiles = (dir: string): string[] => existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : []

/**
 * What the text of a corpus report does not say, as a client of `POST /v1/imports` would supply it: the agency's
 * code, name, region and kind, taken from the JSON form of the same report when there is one (009.txt ↔ 009.json).
 */
function hintsOf (file: string, forms: readonly Source[]): ImportHints {
  const stem = file.replace(/\.txt$/, '')
  const form = forms.find((s) => path.basename(s.name, '.json') === stem || (stem.endsWith('_seed') && s.name.includes('seed')))?.report
  if (form === undefined) return {}
  return { agencyCode: form.agency.code, agencyName: form.agency.name, regionCode: form.agency.regionCode, kind: form.kind, year: form.year }
}

const forms: Source[] = jsonFiles(TEST_FIXTURES).map((file) => ({
  name: `test/fixtures/corpus/${file}`,
  report: JSON.parse(readFileSync(path.join(TEST_FIXTURES, file), 'utf8')) as AnnualReport
}))
const sources: Source[] = []
const notes: string[] = []
if (existsSync(SHARED)) {
  for (const file of jsonFiles(path.join(SHARED, 'fixtures'))) {
    forms.push({ name: `shared/fixtures/${file}`, report: JSON.parse(readFileSync(path.join(SHARED, 'fixtures', file), 'utf8')) })
  }
  const reports = path.join(SHARED, 'corpus/reports')
  for (const file of existsSync(reports) ? readdirSync(reports).filter((f) => f.endsWith('.txt')).sort() : []) {
    const text = readFileSync(path.join(reports, file), 'utf8')
    // The corpus files open with a description of their source, ended by a line "---".
    const body = text.includes('\n---\n') ? text.slice(text.indexOf('\n---\n') + 5) : text
    const parsed = parseReportText(body, hintsOf(file, forms))
    if (parsed.complete) sources.push({ name: `corpus/reports/${file} (imported)`, report: parsed.report })
    else notes.push(`corpus/reports/${file}: not read completely (${parsed.parse.unread.map((cell) => cell.pointer).join(', ')})`)
  }
} else {
  notes.push(`${SHARED} is absent (it is not part of the repository): only the test fixtures are read`)
}
sources.push(...forms)

/** The prior year's report of the same agency among the sources, so the cross-year rules compare where they can. */
function previousOf (report: AnnualReport): AnnualReport | null {
  return sources.find((s) => s.report.agency.code === report.agency.code && s.report.kind === report.kind &&
    s.report.year === report.year - 1)?.report ?? null
}

const byRule = new Map<string, { source: string, finding: Finding }[]>()
for (const source of sources) {
  for (const finding of checkReport({ report: source.report, previous: previousOf(source.report) })) {
    if (finding.status !== 'failed') continue
    byRule.set(finding.ruleId, [...byRule.get(finding.ruleId) ?? [], { source: source.name, finding }])
  }
}

const shown = (value: unknown): string => value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value)

console.log(`rules on ${sources.length} report(s): ${sources.map((s) => s.name).join(', ')}`)
for (const note of notes) console.log(`note: ${note}`)
for (const rule of RULES) {
  const fired = byRule.get(rule.id) ?? []
  console.log(`\n## ${rule.id} (${rule.severity}) — ${fired.length === 0 ? 'fired on nothing' : `${fired.length} finding(s)`}`)
  for (const { source, finding } of fired) {
    const context = finding.context as { section?: string, quote?: string }
    const where = context.section === undefined ? finding.pointers.join(' ') : `sections.${context.section}`
    console.log(`- ${source} · ${where}`)
    if (context.quote !== undefined && context.quote !== '') console.log(`  “${context.quote}”`)
    console.log(`  expected ${shown(finding.expected)}, actual ${shown(finding.actual)}, difference ${shown(finding.difference)} — ${finding.message}`)
  }
}
