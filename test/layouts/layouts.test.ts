/**
 * The property the importer must keep on every published shape: a random valid report, laid out as the form prints
 * it and rendered with realistic noise, imports back complete, every cell exactly as it was. A fixed seed and 25
 * documents per shape in the suite; `npm run test:layouts` runs 400 per shape (LAYOUT_RUNS and LAYOUT_SEED override).
 * The real reports of test/fixtures/corpus go through every shape as well.
 */
import { readFileSync } from 'node:fs'
import { deepStrictEqual } from 'node:assert/strict'
import fc from 'fast-check'
import t from 'tap'
import { parseReportHtml, parseReportText } from '../../src/domain/import/index.js'
import type { AnnualReport } from '../../src/domain/report.js'
import { layOut, noiseArbitrary, printingArbitrary, sampleArbitrary } from './generate.js'
import type { Sample } from './generate.js'
import { SHAPES } from './shapes.js'
import type { Shape } from './shapes.js'

const RUNS = Number(process.env.LAYOUT_RUNS ?? (process.env.npm_lifecycle_event === 'test:layouts' ? 400 : 25))
const SEED = Number(process.env.LAYOUT_SEED ?? 20261202)

/** Imports a rendered sample and throws unless it comes back complete with every cell and the agency exactly. */
function roundTrip (shape: Shape, sample: Sample): void {
  const { body, contentType } = shape(sample)
  const hints = { regionCode: sample.report.agency.regionCode, kind: sample.report.kind }
  const result = contentType === 'text/html' ? parseReportHtml(body, hints) : parseReportText(body, hints)
  if (!result.complete) throw new Error(`incomplete: ${JSON.stringify(result.parse.unread.slice(0, 3))}`)
  const pick = (r: AnnualReport) => ({
    template: r.template,
    year: r.year,
    code: r.agency.code,
    name: r.agency.name,
    proactive: r.proactive,
    requests: r.requests,
    reviewLitigation: r.reviewLitigation
  })
  deepStrictEqual(pick(result.report), pick(sample.report))
}

for (const [name, shape] of Object.entries(SHAPES)) {
  t.test(`${name}: every cell of random reports comes back exactly`, async (t) => {
    const outcome = fc.check(fc.property(sampleArbitrary, (sample) => roundTrip(shape, sample)), { seed: SEED, numRuns: RUNS })
    t.equal(outcome.failed, false, outcome.failed ? `seed ${SEED}, path ${outcome.counterexamplePath}: ${String(outcome.errorInstance).slice(0, 3000)}` : `${RUNS} documents`)
  })
}

const CORPUS = ['009', '010', '011'].map((name) => JSON.parse(readFileSync(new URL(`../fixtures/corpus/${name}.json`, import.meta.url), 'utf8')) as AnnualReport)

t.test('the corpus reports, in every shape and with noise, come back exactly', async (t) => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    const outcome = fc.check(fc.property(fc.constantFrom(...CORPUS), printingArbitrary, noiseArbitrary, (report, printing, noise) =>
      roundTrip(shape, { report, blocks: layOut(report, printing), noise })), { seed: SEED, numRuns: Math.max(6, Math.round(RUNS / 4)) })
    t.equal(outcome.failed, false, outcome.failed ? `${name}: ${String(outcome.errorInstance).slice(0, 2000)}` : name)
  }
})
