/**
 * The real published PDFs of the corpus (its pdf/ folder, see corpus.ts) read through their text layer: each gives
 * exactly the report its checked fixture holds, and the same cells as its `pdftotext -layout` text.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import { parseReportText } from '../../src/domain/import/index.js'
import { readPublishedDocument } from '../../src/services/import-documents.js'
import { comparable, CORPUS, expectedReport } from '../domain/import/corpus.js'
import { corpusDirectory, corpusIsPresent, corpusText } from './corpus.js'

const PDFS: Readonly<Record<string, string>> = { '009': '009_hongze_2023.pdf', '010': '010_hongze_2024.pdf', '011': '011_huaian_2024.pdf' }

if (!corpusIsPresent()) {
  t.comment(`skipped: no corpus folder at ${corpusDirectory()}`)
} else {
  for (const { name, text, hints } of CORPUS.filter((c) => PDFS[c.name] !== undefined)) {
    t.test(`${PDFS[name]} gives its fixture, as its pdftotext text does`, async (t) => {
      const bytes = readFileSync(path.join(corpusDirectory(), 'pdf', PDFS[name] ?? ''))
      const { result: { report, parse } } = await readPublishedDocument({ type: 'pdf', bytes }, hints, { maxPages: 200, maxTextLength: 2_000_000 })
      const expected = comparable(expectedReport(name))
      t.equal(parse.format, 'pdf')
      t.strictSame(comparable(report)?.rest, expected?.rest, 'every cell and metadata field, exactly')
      t.strictSame(comparable(report)?.prose, expected?.prose, 'the prose, up to whitespace')
      t.same(parse.problems, [], 'no problem')
      const fromText = parseReportText(corpusText(text), hints)
      t.same(parse.templates, fromText.parse.templates, 'the layouts the text import finds')
      t.same(parse.cells.map((c) => c.pointer), fromText.parse.cells.map((c) => c.pointer), 'the same cells as the text import')
    })
  }
}
