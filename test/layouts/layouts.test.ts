/**
 * The property the importer must keep on every published shape: a random valid report, laid out as the form prints
 * it and rendered with realistic noise, imports back complete, every cell exactly as it was. Fixed seeds here;
 * `npm run test:layouts` runs many more (LAYOUT_RUNS, LAYOUT_SEED).
 */
import { deepStrictEqual } from 'node:assert/strict'
import fc from 'fast-check'
import t from 'tap'
import { parseReportHtml, parseReportText } from '../../src/domain/import/index.js'
import { sampleArbitrary } from './generate.js'
import { SHAPES } from './shapes.js'

const RUNS = Number(process.env.LAYOUT_RUNS ?? 25)
const SEED = Number(process.env.LAYOUT_SEED ?? 20261202)

for (const [name, shape] of Object.entries(SHAPES)) {
  t.test(`${name}: every cell comes back exactly`, async (t) => {
    const outcome = fc.check(fc.property(sampleArbitrary, (sample) => {
      const { body, contentType } = shape(sample)
      const hints = { regionCode: sample.report.agency.regionCode, kind: sample.report.kind }
      const result = contentType === 'text/html' ? parseReportHtml(body, hints) : parseReportText(body, hints)
      if (!result.complete) throw new Error(`incomplete: ${JSON.stringify(result.parse.unread.slice(0, 3))}`)
      const { report } = result
      const want = sample.report
      const got = { template: report.template, year: report.year, code: report.agency.code, name: report.agency.name, proactive: report.proactive, requests: report.requests, reviewLitigation: report.reviewLitigation }
      const expected = { template: want.template, year: want.year, code: want.agency.code, name: want.agency.name, proactive: want.proactive, requests: want.requests, reviewLitigation: want.reviewLitigation }
      deepStrictEqual(got, expected)
    }), { seed: SEED, numRuns: RUNS })
    t.equal(outcome.failed, false, outcome.failed ? `seed ${SEED}, path ${outcome.counterexamplePath}: ${String(outcome.errorInstance).slice(0, 3000)}` : `${RUNS} documents`)
  })
}
