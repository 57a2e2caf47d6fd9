/**
 * The property the importer must keep on every published shape: a random valid report, laid out as the form prints
 * it and rendered with realistic noise, imports back complete, every cell exactly as it was. Each document is read
 * the way POST /v1/imports reads it (PDF and Word files included). This file checks the text shapes, the Word
 * document and the PDF of the layout text (shapes.ts), and the real reports of test/fixtures/corpus through each;
 * the shapes Chromium and LibreOffice print are checked in chromium.test.ts and libreoffice.test.ts. Runs and seeds: see properties.ts.
 */
import fc from 'fast-check'
import t from 'tap'
import { layOut, noiseArbitrary, printingArbitrary } from './generate.js'
import { checkShape, CORPUS, roundTrip, RUNS, SEED } from './properties.js'
import { SHAPES } from './shapes.js'

for (const [name, shape] of Object.entries(SHAPES)) {
  t.test(`${name}: every cell of random reports comes back exactly`, async (t) => await checkShape(t, shape, RUNS))
}

t.test('the corpus reports, in every shape and with noise, come back exactly', async (t) => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    const outcome = await fc.check(fc.asyncProperty(fc.constantFrom(...CORPUS), printingArbitrary, noiseArbitrary, async (report, printing, noise) =>
      await roundTrip(shape, { report, blocks: layOut(report, printing), noise })), { seed: SEED, numRuns: Math.max(6, Math.round(RUNS / 4)) })
    t.equal(outcome.failed, false, outcome.failed ? `${name}: ${String(outcome.errorInstance).slice(0, 2000)}` : name)
  }
})
