/**
 * The rules read any prose in time linear in its length: for each family of adversarial prose (test/adversarial-prose.ts),
 * the CPU time of the whole catalogue grows with the text about as a linear baseline does, measured in the same run.
 * No time is compared with a fixed threshold: only growth factors, of the catalogue and of the baseline, are.
 * A reader that re-reads a sentence per keyword grows with the square of the text (64 times for 8 times the text)
 * or worse; a linear one about 8 times, like the baseline.
 */
import t from 'tap'
import { checkReport } from '../../../src/domain/check-report.js'
import { normalizeProse } from '../../../src/domain/narrative.js'
import type { AnnualReport } from '../../../src/domain/report.js'
import { ADVERSARIAL_FAMILIES, adversarialReport, type AdversarialFamily } from '../../adversarial-prose.js'
import { seed, seedPrevious } from '../fixtures.js'

const SMALL = 600
const GROWTH = 8
const LARGE = SMALL * GROWTH
/** What a reader that re-reads a sentence per keyword costs for GROWTH times the text. */
const QUADRATIC = GROWTH * GROWTH
/** Up to this many measurements of each size; the median of each is compared. */
const ROUNDS = 3
/**
 * How much faster than the baseline the catalogue's time may grow: 8 times the text costs the baseline about 8
 * times as much, a quadratic reader 64 times, so a factor of 3 leaves room for a busy machine and still fails it.
 */
const ALLOWED = 3

const base = seed()
const previous = seedPrevious()

/** CPU time of `work` run `times` times, in microseconds: unlike the wall clock, it does not count time other processes took. */
function cpuMicros (work: () => void, times = 1): number {
  const start = process.cpuUsage()
  for (let i = 0; i < times; i++) work()
  const used = process.cpuUsage(start)
  return used.user + used.system
}

/** The shortest measurement a growth factor is taken from: shorter ones are mostly the clock's and the collector's noise. */
const MEASURED_MICROS = 3000

/** How many runs of `work` take at least `MEASURED_MICROS` of CPU (the same count is then used at both sizes). */
function repeatsFor (work: () => void): number {
  let times = 1
  while (times < 10_000 && cpuMicros(work, times) < MEASURED_MICROS) times *= 2
  return times
}

function median (values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

/** Linear by construction: every character is copied, normalised and scanned a fixed number of times. */
function baseline (report: AnnualReport): void {
  for (let i = 0; i < 40; i++) {
    const text = JSON.stringify(report.sections)
    for (const section of Object.values(report.sections)) normalizeProse(section).split('件')
    if (text.length === 0) throw new Error('unreachable')
  }
}

/** The catalogue on a fresh copy (the prose readings are kept per report object, so each run reads anew). */
function analyse (report: AnnualReport): void {
  checkReport({ report: structuredClone(report), previous })
}

interface Growth {
  readonly analysis: number
  readonly baseline: number
}

function growthOf (family: AdversarialFamily): Growth {
  const small = adversarialReport(base, family, SMALL)
  const large = adversarialReport(base, family, LARGE)
  // A first run of each compiles the patterns and lets the JIT optimise the code: measured cold, the first family's
  // small runs are slower than its large ones and the growth factors mean nothing.
  for (const report of [small, large]) {
    baseline(report)
    analyse(report)
  }
  // Each measurement repeats its work as often at both sizes, enough for the small one to be measurable: the small
  // baseline alone takes microseconds, and a growth factor of two such readings is noise.
  const times = { analysis: repeatsFor(() => analyse(small)), baseline: repeatsFor(() => baseline(small)) }
  const runs = { analysis: { small: [] as number[], large: [] as number[] }, baseline: { small: [] as number[], large: [] as number[] } }
  for (let round = 0; round < ROUNDS; round++) {
    runs.baseline.small.push(cpuMicros(() => baseline(small), times.baseline))
    runs.analysis.small.push(cpuMicros(() => analyse(small), times.analysis))
    runs.baseline.large.push(cpuMicros(() => baseline(large), times.baseline))
    runs.analysis.large.push(cpuMicros(() => analyse(large), times.analysis))
    const growth = {
      analysis: median(runs.analysis.large) / Math.max(1, median(runs.analysis.small)),
      baseline: median(runs.baseline.large) / Math.max(1, median(runs.baseline.small))
    }
    // A quadratic reader (64 times for 8 times the text) is plain after one round; measuring it again would only
    // take long. Anything less gets every round, so that one noisy round decides nothing.
    if (growth.analysis > QUADRATIC / 2 || round === ROUNDS - 1) return growth
  }
  throw new Error('unreachable')
}

t.test('the catalogue reads adversarial prose in linear time', async (t) => {
  for (const family of ADVERSARIAL_FAMILIES) {
    const growth = growthOf(family)
    t.ok(growth.analysis <= growth.baseline * ALLOWED,
      `${family.name} (${family.aims}): ${GROWTH}× the text, the rules' time ×${growth.analysis.toFixed(1)}, the baseline's ×${growth.baseline.toFixed(1)}`)
  }
})

t.test('a maximal sentence of adversarial prose gives findings of bounded size', async (t) => {
  // Every claim in one overlong sentence is a finding; each quotes an excerpt around its claim, not the sentence.
  const report = adversarialReport(base, ADVERSARIAL_FAMILIES.find((f) => f.name === 'mixed-keywords') as AdversarialFamily, 20_000)
  const findings = checkReport({ report, previous })
  const narrative = findings.filter((f) => f.ruleId.startsWith('N-'))
  t.ok(narrative.length > 100, `many findings (${narrative.length})`)
  const longest = Math.max(...narrative.map((f) => JSON.stringify(f).length))
  t.ok(longest < 2_000, `the largest finding is ${longest} characters of JSON`)
})
