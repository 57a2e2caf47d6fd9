/**
 * Benchmark of the prose rules on adversarial prose (test/adversarial-prose.ts): for each family of prose, the seed
 * report with its three sections made of that family's fragment repeated without a sentence break, `--kb` KB of UTF-8
 * in all (default 30). Each prose rule is run alone on a fresh copy (so it pays for reading the sentences itself, as
 * the first rule of a real check does), then the whole catalogue, then a linear baseline on the same text: NFKC, a
 * copy of every section and a split, the floor of touching every character. Times are CPU time (median of `--rounds`,
 * default 3), reported as ms per 100 KB of prose and as a multiple of the baseline; `--check` also measures a quarter
 * of the size and prints each row's growth against the baseline's, which is about 4 for anything linear.
 *
 * Prints tables and writes bench/results/adversarial-prose.json. Run: `npm run bench:prose` (`-- --kb 60 --check`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { parseArgs } from 'node:util'
import { checkReport } from '../src/domain/check-report.js'
import type { RuleDefinition } from '../src/domain/findings.js'
import { normalizeProse } from '../src/domain/narrative.js'
import type { AnnualReport, Report2021 } from '../src/domain/report.js'
import { RULES } from '../src/domain/rules/index.js'
import { ADVERSARIAL_FAMILIES, adversarialReport, type AdversarialFamily } from '../test/adversarial-prose.js'

const { values: options } = parseArgs({
  options: {
    kb: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '3' },
    check: { type: 'boolean', default: false }
  }
})
const KB = Number(options.kb)
const ROUNDS = Number(options.rounds)
if (!(KB > 0) || !(ROUNDS >= 1)) throw new Error('--kb and --rounds must be positive numbers')

const FIXTURE = new URL('../examples/seed-2023.json', import.meta.url)
const RESULTS = new URL('./results/', import.meta.url)
const seed: Report2021 = JSON.parse(readFileSync(FIXTURE, 'utf8'))
const previous: Report2021 = { ...seed, year: 2022 }

/** The rules that read the prose: the narrative rules and the check that section 五 says something. */
const PROSE_RULES = RULES.filter((rule) => rule.id.startsWith('N-') || rule.id === 'S-PROBLEMS-EMPTY')

let sink: unknown

function cpuMs (work: () => void): number {
  const start = process.cpuUsage()
  work()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

function median (values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

/** A report of the family's prose with `kb` KB of UTF-8 in its three sections together. */
function reportOf (family: AdversarialFamily, kb: number): { report: AnnualReport, bytes: number } {
  const bytesPerChar = Buffer.byteLength(family.fragment) / family.fragment.length
  const report = adversarialReport(seed, family, Math.round(kb * 1024 / 3 / bytesPerChar))
  const bytes = Object.values(report.sections).reduce((sum, text) => sum + Buffer.byteLength(text), 0)
  return { report, bytes }
}

const fresh = (report: AnnualReport): AnnualReport => ({ ...report, sections: { ...report.sections } })

interface Task {
  readonly name: string
  readonly run: (report: AnnualReport) => void
}

const BASELINE = 'baseline (NFKC + copy + split)'
const CATALOGUE = 'whole catalogue (checkReport)'
const tasks: Task[] = [
  ...PROSE_RULES.map((rule: RuleDefinition) => ({ name: rule.id, run: (report: AnnualReport) => { sink = rule.check({ report: fresh(report), previous }) } })),
  { name: CATALOGUE, run: (report) => { sink = checkReport({ report: fresh(report), previous }) } },
  {
    name: BASELINE,
    run: (report) => {
      sink = Object.values(report.sections).map((text) => normalizeProse(text).split('件').length + JSON.stringify(text).length)
    }
  }
]

/** ms per 100 KB of each task on each family. */
function measure (kb: number): Map<string, Map<string, number>> {
  const table = new Map<string, Map<string, number>>()
  for (const family of ADVERSARIAL_FAMILIES) {
    const { report, bytes } = reportOf(family, kb)
    for (const task of tasks) {
      task.run(report) // compiles the patterns, warms the code
      const ms = median(Array.from({ length: ROUNDS }, () => cpuMs(() => task.run(report))))
      const row = table.get(task.name) ?? new Map<string, number>()
      row.set(family.name, ms * 100 * 1024 / bytes)
      table.set(task.name, row)
    }
  }
  return table
}

const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits

const full = measure(KB)
const baseline = full.get(BASELINE) as Map<string, number>

console.log(`adversarial prose, ${KB} KB a report, ${ADVERSARIAL_FAMILIES.length} families, median of ${ROUNDS} — ` +
  `${os.cpus()[0]?.model ?? 'unknown'}, ${os.availableParallelism()} CPU(s), Node ${process.version}, load average ${round(os.loadavg()[0] ?? 0, 2)}`)

/** Per rule: the worst family, in ms per 100 KB and as a multiple of the baseline on that family. */
const summary = tasks.map((task) => {
  const row = full.get(task.name) as Map<string, number>
  const worst = [...row.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0]
  const ratios = [...row.entries()].map(([name, ms]) => ms / (baseline.get(name) ?? 1))
  return {
    task: task.name,
    'worst ms/100KB': round(worst[1]),
    'worst family': worst[0],
    'median ms/100KB': round(median([...row.values()])),
    'worst x baseline': round(Math.max(...ratios))
  }
})
console.table(summary)

const byFamily = ADVERSARIAL_FAMILIES.map((family) => ({
  family: family.name,
  'catalogue ms/100KB': round(full.get(CATALOGUE)?.get(family.name) ?? 0),
  'baseline ms/100KB': round(baseline.get(family.name) ?? 0, 2),
  'x baseline': round((full.get(CATALOGUE)?.get(family.name) ?? 0) / (baseline.get(family.name) ?? 1))
}))
console.table(byFamily)

let growth: { task: string, family: string, growth: number, baselineGrowth: number }[] | null = null
if (options.check) {
  // Four times the text: ms per 100 KB stays put for a linear reader, so the growth of the time is the size ratio.
  const quarter = measure(KB / 4)
  growth = []
  for (const task of tasks) {
    for (const family of ADVERSARIAL_FAMILIES) {
      const large = full.get(task.name)?.get(family.name) ?? 0
      const small = quarter.get(task.name)?.get(family.name) ?? 0
      growth.push({
        task: task.name,
        family: family.name,
        growth: round(4 * large / Math.max(small, 1e-6)),
        baselineGrowth: round(4 * (baseline.get(family.name) ?? 0) / Math.max(quarter.get(BASELINE)?.get(family.name) ?? 0, 1e-6))
      })
    }
  }
  const worst = [...growth].filter((g) => g.task !== BASELINE).sort((a, b) => b.growth - a.growth).slice(0, 8)
  console.log('largest growth for 4 times the text (linear ≈ 4):')
  console.table(worst)
}

mkdirSync(RESULTS, { recursive: true })
writeFileSync(new URL('adversarial-prose.json', RESULTS), JSON.stringify({
  kb: KB,
  rounds: ROUNDS,
  machine: { cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage: os.loadavg()[0] },
  msPer100KB: Object.fromEntries([...full.entries()].map(([task, row]) => [task, Object.fromEntries(row)])),
  summary,
  growth
}, null, 2))
if (sink === undefined) throw new Error('nothing ran')
