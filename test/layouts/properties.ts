/**
 * What the layout tests check of a shape, shared by the text shapes' file (layouts.test.ts) and the printed shapes'
 * (printed.test.ts): the import of a rendered sample read back whole and exact, or, for a shape read partly, with
 * nothing wrong. A fixed seed and 25 documents per shape in the suite; `npm run test:layouts` runs 400 per shape
 * (LAYOUT_RUNS and LAYOUT_SEED override), the printed shapes a tenth of them.
 */
import { readFileSync } from 'node:fs'
import { deepStrictEqual } from 'node:assert/strict'
import fc from 'fast-check'
import type { Test } from 'tap'
import type { AnnualReport } from '../../src/domain/report.js'
import { readPublishedDocument, type PublishedDocument } from '../../src/services/import-documents.js'
import { wrongCells } from '../support/read-cells.js'
import { layOut, noiseArbitrary, printingArbitrary, sampleArbitrary } from './generate.js'
import type { Sample } from './generate.js'
import { missingPrinters, PARTLY_READ, PRINTED, PRINTERS_INSTALL } from './printed.js'
import type { Rendered, Shape } from './shapes.js'

export const NIGHTLY = process.env.npm_lifecycle_event === 'test:layouts'
export const RUNS = Number(process.env.LAYOUT_RUNS ?? (NIGHTLY ? 400 : 25))
export const PRINTED_RUNS = Number(process.env.LAYOUT_PRINTED_RUNS ?? (NIGHTLY ? Math.max(3, Math.round(RUNS / 10)) : 3))
export const SEED = Number(process.env.LAYOUT_SEED ?? 20261202)
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
export async function roundTrip (shape: Shape, sample: Sample): Promise<void> {
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
export async function readsNothingWrong (shape: Shape, sample: Sample): Promise<void> {
  const hints = { regionCode: sample.report.agency.regionCode, kind: sample.report.kind }
  const { result } = await readPublishedDocument(published(await shape(sample)), hints, LIMITS)
  const wrong = wrongCells(sample.report, result)
  if (wrong.length > 0) throw new Error(wrong.slice(0, 5).join('; '))
}

/**
 * Checks `property` (`roundTrip` unless given) of a shape on `runs` random reports; a printed shape's failure is not
 * shrunk (each try is a print).
 */
export async function checkShape (t: Test, shape: Shape, runs: number, printed = false, property = roundTrip): Promise<void> {
  const outcome = await fc.check(fc.asyncProperty(sampleArbitrary, async (sample) => await property(shape, sample)), { seed: SEED, numRuns: runs, endOnFailure: printed })
  t.equal(outcome.failed, false, outcome.failed ? `seed ${SEED}, path ${outcome.counterexamplePath}: ${String(outcome.errorInstance).slice(0, 3000)}` : `${runs} documents`)
}

/** The real reports of test/fixtures/corpus. */
export const CORPUS = ['009', '010', '011'].map((name) => JSON.parse(readFileSync(new URL(`../fixtures/corpus/${name}.json`, import.meta.url), 'utf8')) as AnnualReport)

/**
 * Registers the property tests of the printed shapes `printer` makes (their names start with it), on random reports
 * and on the corpus reports: exact from `PRINTED`, nothing wrong from `PARTLY_READ`. A shape this machine cannot print
 * is skipped, saying what it lacks.
 */
export async function checkPrintedShapes (t: Test, printer: 'chromium' | 'libreoffice'): Promise<void> {
  const missing = await missingPrinters()
  const lacking = (name: string): { skip?: string } => (missing[name] ?? []).length > 0 ? { skip: `${name} needs ${(missing[name] ?? []).join(' and ')}: ${PRINTERS_INSTALL}` } : {}
  const ours = (shapes: Readonly<Record<string, Shape>>): [string, Shape][] => Object.entries(shapes).filter(([name]) => name.startsWith(`${printer}-`))
  const shapes = [...ours(PRINTED).map(([name, shape]) => ({ name, shape, property: roundTrip, random: 'every cell of random reports comes back exactly', corpus: 'come back exactly' })),
    ...ours(PARTLY_READ).map(([name, shape]) => ({ name, shape, property: readsNothingWrong, random: 'every cell read from random reports is exact, every other is said to be unread', corpus: 'are read with nothing wrong' }))]
  for (const { name, shape, property, random } of shapes) {
    t.test(`${name}: ${random}`, lacking(name), async (t) => await checkShape(t, shape, PRINTED_RUNS, true, property))
  }
  // Each print costs seconds: in the suite each printed shape prints one corpus report, under test:layouts all three.
  for (const [i, { name, shape, property, corpus }] of shapes.entries()) {
    t.test(`${name}: the corpus reports, printed, ${corpus}`, lacking(name), async (t) => {
      for (const report of NIGHTLY ? CORPUS : CORPUS.slice(i % CORPUS.length, i % CORPUS.length + 1)) {
        const [printing, noise] = fc.sample(fc.tuple(printingArbitrary, noiseArbitrary), { seed: SEED + i, numRuns: 1 })[0] ?? []
        if (printing === undefined || noise === undefined) throw new Error('fast-check drew no sample')
        await t.resolves(property(shape, { report, blocks: layOut(report, printing), noise }), `${report.agency.name} ${report.year}`)
      }
    })
  }
}
