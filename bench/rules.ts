/**
 * Benchmark of the rule engine on the seed report (2023, 湖州市吴兴区发改经信局), in one process:
 * - baseline: `structuredClone(report)`, a deep copy of the same document — the floor of touching every cell once;
 * - checkReport without the prior year (the cross-year rules each yield one `not_assessable` finding);
 * - checkReport with a consistent prior year (every cross-year rule compares);
 * - computeYearOverYear(previous, report) (every cell's change and the indicators).
 *
 * Prints a table (ops/s, mean µs, p99 µs, ratio of the mean to the baseline's) and writes bench/results/rules.json.
 * Run: `npm run bench:rules` (or `npx tsx bench/rules.ts`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { Bench } from 'tinybench'
import { checkReport } from '../src/domain/check-report.js'
import { parseReportText } from '../src/domain/import/index.js'
import { RULES } from '../src/domain/rules/index.js'
import type { Report2021 } from '../src/domain/report.js'
import { computeYearOverYear } from '../src/domain/year-over-year.js'

const FIXTURE = new URL('../examples/seed-2023.json', import.meta.url)
const RESULTS = new URL('./results/', import.meta.url)

const report: Report2021 = JSON.parse(readFileSync(FIXTURE, 'utf8'))
/** The seed as published (text flattened from its page), and what the text does not say. */
const SEED_TEXT = readFileSync(new URL('../examples/seed-2023.txt', import.meta.url), 'utf8')
const SEED_HINTS = { agencyName: report.agency.name, regionCode: report.agency.regionCode, kind: report.kind }
if (parseReportText(SEED_TEXT, SEED_HINTS).report === null) throw new Error('the seed text no longer parses')

/**
 * A 2022 report for the seed's agency that agrees with the seed on every cross-year rule (as test/domain/fixtures.ts
 * `seedPrevious`, built here so the bench does not depend on the tests): nothing carried forward into 2023,
 * 3 normative documents in force (the seed repeals one and keeps 2), 9 requests received and all 9 handled.
 */
function seedPrevious (current: Report2021): Report2021 {
  const zero = { naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 0 }
  const previous = structuredClone(current)
  return {
    ...previous,
    year: 2022,
    publication: { indexNo: '11330524MB15359635/2023-00004', documentDate: '2023-01-20', publishedDate: '2023-01-20' },
    proactive: { ...previous.proactive, normativeDocuments: { issued: 1, repealed: 0, inForce: 3 } },
    requests: { ...previous.requests, newReceived: { ...zero, naturalPerson: 9, total: 9 }, carriedForward: zero }
  }
}

const previous = seedPrevious(report)

// Measure the paths we mean to measure: with the prior year every cross-year rule is assessed, and none fails.
/** The catalogue without the narrative rules, which read the prose and cost the most. */
const TABLE_RULES = RULES.filter((rule) => !rule.id.startsWith('N-'))

const withPrevious = checkReport({ report, previous })
const crossYear = withPrevious.filter((f) => f.ruleId.startsWith('CY-'))
if (crossYear.length > 0) {
  throw new Error(`the constructed prior year is not consistent with the seed: ${JSON.stringify(crossYear.map((f) => f.messageEn))}`)
}
const withoutPrevious = checkReport({ report, previous: null })
const yoy = computeYearOverYear(previous, report)

/** Keeps every result reachable so the engine cannot skip the work. */
let sink: unknown

const BASELINE = 'baseline: structuredClone(report)'
const bench = new Bench({ time: 2000, warmupTime: 500 })
bench
  .add(BASELINE, () => { sink = structuredClone(report) })
  // A fresh `sections` object each time: the prose is split once per report, and a real call never
  // sees the same report twice, so the bench must not either.
  .add('checkReport, no previous year', () => { sink = checkReport({ report: { ...report, sections: { ...report.sections } }, previous: null }) })
  .add('checkReport, consistent previous year', () => { sink = checkReport({ report: { ...report, sections: { ...report.sections } }, previous }) })
  .add('checkReport, tables and metadata rules only (no N-*)', () => { sink = checkReport({ report, previous }, TABLE_RULES) })
  .add('computeYearOverYear(previous, report)', () => { sink = computeYearOverYear(previous, report) })
  .add('parseReportText(seed text)', () => { sink = parseReportText(SEED_TEXT, SEED_HINTS) })
  .add('import: parse + checkReport', () => {
    const parsed = parseReportText(SEED_TEXT, SEED_HINTS).report
    sink = parsed === null ? null : checkReport({ report: parsed, previous: null })
  })

await bench.run()

interface Row {
  readonly name: string
  /** 1 / mean latency. */
  readonly opsPerSec: number
  readonly meanUs: number
  readonly p99Us: number
  /** Relative margin of error of the mean, in percent. */
  readonly rmePercent: number
  readonly samples: number
  /** mean ÷ the baseline's mean. */
  readonly ratioToBaseline: number
}

const measured = bench.tasks.map((task) => {
  const result = task.result
  if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`)
  return { name: task.name, latency: result.latency }
})
const baselineMean = measured.find((m) => m.name === BASELINE)?.latency.mean
if (baselineMean === undefined) throw new Error('the baseline did not run')

const rows: Row[] = measured.map(({ name, latency }) => ({
  name,
  opsPerSec: Math.round(1000 / latency.mean),
  meanUs: round(latency.mean * 1000, 2),
  p99Us: round(latency.p99 * 1000, 2),
  rmePercent: round(latency.rme, 2),
  samples: latency.samplesCount,
  ratioToBaseline: round(latency.mean / baselineMean, 2)
}))

function round (value: number, digits: number): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

const machine = {
  cpus: os.availableParallelism(),
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  node: process.version,
  platform: `${os.platform()} ${os.arch()}`,
  /** 1-minute load average when the run ended: other processes on the machine skew the figures. */
  loadAverage: round(os.loadavg()[0] ?? 0, 2)
}

console.log(`rule engine on ${FIXTURE.pathname.split('/').slice(-1)[0]} — ${machine.cpuModel}, ${machine.cpus} CPU(s), ` +
  `Node ${machine.node}, load average ${machine.loadAverage}`)
console.log(`findings: ${withoutPrevious.length} without the prior year, ${withPrevious.length} with it; ` +
  `year-over-year: ${yoy.changes.length} cell changes`)
console.table(Object.fromEntries(rows.map((r) => [r.name, {
  'ops/s': r.opsPerSec,
  'mean µs': r.meanUs,
  'p99 µs': r.p99Us,
  '± %': r.rmePercent,
  samples: r.samples,
  'x baseline': r.ratioToBaseline
}])))

mkdirSync(RESULTS, { recursive: true })
const out = new URL('rules.json', RESULTS)
writeFileSync(out, JSON.stringify({
  date: new Date().toISOString(),
  fixture: 'examples/seed-2023.json',
  machine,
  options: { timeMs: bench.time, warmupTimeMs: bench.warmupTime },
  results: rows
}, null, 2) + '\n')
console.log(`written to ${out.pathname}`)
// Read once more so no bundler or engine treats the assignments as dead.
if (sink === undefined) throw new Error('nothing was measured')
