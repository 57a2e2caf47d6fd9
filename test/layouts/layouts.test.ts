/**
 * The property the importer must keep on every published shape: a random valid report, laid out as the form prints
 * it and rendered with realistic noise, imports back complete, every cell exactly as it was. Each document is read
 * the way POST /v1/imports reads it (PDF and Word files included). A fixed seed and 25 documents per shape in the
 * suite; `npm run test:layouts` runs 400 per shape (LAYOUT_RUNS and LAYOUT_SEED override). The shapes Chromium
 * prints cost a second each: 3 of them in the suite, a tenth of the runs under test:layouts; without Chromium, a
 * Chinese font or pdftotext they are skipped, saying what is missing. A PDF LibreOffice makes of the Word document
 * can lose cells to its printing (a number cut by a page break), so for it the property is weaker and as strict:
 * every cell read is exact, and every other is said to be unread; so for that PDF through `pdftotext -layout`. The
 * real reports of test/fixtures/corpus go through every shape as well, the printed ones included.
 */
import { readFileSync } from 'node:fs'
import { deepStrictEqual } from 'node:assert/strict'
import fc from 'fast-check'
import t from 'tap'
import type { Test } from 'tap'
import type { AnnualReport } from '../../src/domain/report.js'
import { readPublishedDocument, type PublishedDocument } from '../../src/services/import-documents.js'
import { wrongCells } from '../support/read-cells.js'
import { layOut, noiseArbitrary, printingArbitrary, sampleArbitrary } from './generate.js'
import type { Sample } from './generate.js'
import { missingPrinters, PARTLY_READ, PRINTED, PRINTERS_INSTALL } from './printed.js'
import { SHAPES } from './shapes.js'
import type { Rendered, Shape } from './shapes.js'

const NIGHTLY = process.env.npm_lifecycle_event === 'test:layouts'
const RUNS = Number(process.env.LAYOUT_RUNS ?? (NIGHTLY ? 400 : 25))
const PRINTED_RUNS = Number(process.env.LAYOUT_PRINTED_RUNS ?? (NIGHTLY ? Math.max(3, Math.round(RUNS / 10)) : 3))
const SEED = Number(process.env.LAYOUT_SEED ?? 20261202)
const LIMITS = { maxPages: 200, maxTextLength: 10_000_000 }

function published (rendered: Rendered): PublishedDocument {
  switch (rendered.type) {
    case 'pdf':
    case 'docx':
      return { type: rendered.type, bytes: rendered.body }
    default:
      return { type: rendered.type, text: rendered.body }
  }
}

/** Imports a rendered sample and throws unless it comes back complete with every cell and the agency exactly. */
async function roundTrip (shape: Shape, sample: Sample): Promise<void> {
  const hints = { regionCode: sample.report.agency.regionCode, kind: sample.report.kind }
  const { result } = await readPublishedDocument(published(await shape(sample)), hints, LIMITS)
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

/**
 * Imports a rendered sample and throws unless every table cell it read is exactly the sample's and every cell it
 * did not read is named among the unread parts (by its pointer or one over it).
 */
async function readsNothingWrong (shape: Shape, sample: Sample): Promise<void> {
  const hints = { regionCode: sample.report.agency.regionCode, kind: sample.report.kind }
  const { result } = await readPublishedDocument(published(await shape(sample)), hints, LIMITS)
  const wrong = wrongCells(sample.report, result)
  if (wrong.length > 0) throw new Error(wrong.slice(0, 5).join('; '))
}

const missing = await missingPrinters()

/**
 * Checks `property` (`roundTrip` unless given) of a shape on `runs` random reports; a printed shape's failure is not
 * shrunk (each try is a print).
 */
async function checkShape (t: Test, shape: Shape, runs: number, printed = false, property = roundTrip): Promise<void> {
  const outcome = await fc.check(fc.asyncProperty(sampleArbitrary, async (sample) => await property(shape, sample)), { seed: SEED, numRuns: runs, endOnFailure: printed })
  t.equal(outcome.failed, false, outcome.failed ? `seed ${SEED}, path ${outcome.counterexamplePath}: ${String(outcome.errorInstance).slice(0, 3000)}` : `${runs} documents`)
}

for (const [name, shape] of Object.entries(SHAPES)) {
  t.test(`${name}: every cell of random reports comes back exactly`, async (t) => await checkShape(t, shape, RUNS))
}

for (const [name, shape] of Object.entries(PRINTED)) {
  const lacking = missing[name] ?? []
  t.test(`${name}: every cell of random reports comes back exactly`,
    lacking.length > 0 ? { skip: `${name} needs ${lacking.join(' and ')}: ${PRINTERS_INSTALL}` } : {},
    async (t) => await checkShape(t, shape, PRINTED_RUNS, true))
}

for (const [name, shape] of Object.entries(PARTLY_READ)) {
  const lacking = missing[name] ?? []
  t.test(`${name}: every cell read from random reports is exact, every other is said to be unread`,
    lacking.length > 0 ? { skip: `${name} needs ${lacking.join(' and ')}: ${PRINTERS_INSTALL}` } : {},
    async (t) => await checkShape(t, shape, PRINTED_RUNS, true, readsNothingWrong))
}

const CORPUS = ['009', '010', '011'].map((name) => JSON.parse(readFileSync(new URL(`../fixtures/corpus/${name}.json`, import.meta.url), 'utf8')) as AnnualReport)

t.test('the corpus reports, in every shape and with noise, come back exactly', async (t) => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    const outcome = await fc.check(fc.asyncProperty(fc.constantFrom(...CORPUS), printingArbitrary, noiseArbitrary, async (report, printing, noise) =>
      await roundTrip(shape, { report, blocks: layOut(report, printing), noise })), { seed: SEED, numRuns: Math.max(6, Math.round(RUNS / 4)) })
    t.equal(outcome.failed, false, outcome.failed ? `${name}: ${String(outcome.errorInstance).slice(0, 2000)}` : name)
  }
})

// Each print costs seconds: in the suite each printed shape prints one corpus report, under test:layouts all three.
const PRINTERS = [...Object.entries(PRINTED).map(([name, shape]) => ({ name, shape, property: roundTrip, claim: 'come back exactly' })),
  ...Object.entries(PARTLY_READ).map(([name, shape]) => ({ name, shape, property: readsNothingWrong, claim: 'are read with nothing wrong' }))]
for (const [i, { name, shape, property, claim }] of PRINTERS.entries()) {
  const lacking = missing[name] ?? []
  t.test(`${name}: the corpus reports, printed, ${claim}`,
    lacking.length > 0 ? { skip: `${name} needs ${lacking.join(' and ')}: ${PRINTERS_INSTALL}` } : {},
    async (t) => {
      for (const report of NIGHTLY ? CORPUS : CORPUS.slice(i % CORPUS.length, i % CORPUS.length + 1)) {
        const [printing, noise] = fc.sample(fc.tuple(printingArbitrary, noiseArbitrary), { seed: SEED + i, numRuns: 1 })[0] ?? []
        if (printing === undefined || noise === undefined) throw new Error('fast-check drew no sample')
        await t.resolves(property(shape, { report, blocks: layOut(report, printing), noise }), `${report.agency.name} ${report.year}`)
      }
    })
}
