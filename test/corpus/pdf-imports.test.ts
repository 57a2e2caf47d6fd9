/**
 * The real published PDFs of the corpus (its pdf/ folder, see corpus.ts) read through their text layer: each gives
 * exactly the report its checked fixture holds, and the same cells as its `pdftotext -layout` text. Their text as
 * pdftotext prints it in its other modes is read too: `-raw` (content-stream order) whole, and the default reading
 * order, which prints ruled tables down their columns, with nothing read wrongly and every cell it cannot place said.
 */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import path from 'node:path'
import t from 'tap'
import { parseReportText } from '../../src/domain/import/index.js'
import type { ImportHints } from '../../src/domain/import/index.js'
import { readPublishedDocument } from '../../src/services/import-documents.js'
import { comparable, completed, CORPUS, expectedReport } from '../domain/import/corpus.js'
import { wrongCells } from '../support/read-cells.js'
import { corpusDirectory, corpusIsPresent, corpusText } from './corpus.js'

const readText = (text: string, hints?: ImportHints) => completed(parseReportText(text, hints))

const PDFS: Readonly<Record<string, string>> = { '009': '009_hongze_2023.pdf', '010': '010_hongze_2024.pdf', '011': '011_huaian_2024.pdf' }

if (!corpusIsPresent()) {
  t.comment(`skipped: no corpus folder at ${corpusDirectory()}`)
} else {
  for (const { name, text, hints } of CORPUS.filter((c) => PDFS[c.name] !== undefined)) {
    t.test(`${PDFS[name]} gives its fixture, as its pdftotext text does`, async (t) => {
      const bytes = readFileSync(path.join(corpusDirectory(), 'pdf', PDFS[name] ?? ''))
      const { report, parse } = completed((await readPublishedDocument({ type: 'pdf', bytes }, hints, { maxPages: 200, maxTextLength: 2_000_000 })).result)
      const expected = comparable(expectedReport(name))
      t.equal(parse.format, 'pdf')
      t.strictSame(comparable(report)?.rest, expected?.rest, 'every cell and metadata field, exactly')
      t.strictSame(comparable(report)?.prose, expected?.prose, 'the prose, up to whitespace')
      t.same(parse.problems, [], 'no problem')
      const fromText = readText(corpusText(text), hints)
      t.same(parse.templates, fromText.parse.templates, 'the layouts the text import finds')
      t.same(parse.cells.map((c) => c.pointer), fromText.parse.cells.map((c) => c.pointer), 'the same cells as the text import')
    })
  }

  const pdftotext = await promisify(execFile)('pdftotext', ['-v']).then(() => true, () => false)
  for (const { name, hints } of CORPUS.filter((c) => PDFS[c.name] !== undefined)) {
    t.test(`${PDFS[name]} through pdftotext -raw and without options`, pdftotext ? {} : { skip: 'needs pdftotext (apt-get install poppler-utils)' }, async (t) => {
      const file = path.join(corpusDirectory(), 'pdf', PDFS[name] ?? '')
      const text = async (...options: string[]) => (await promisify(execFile)('pdftotext', [...options, '-enc', 'UTF-8', file, '-'], { maxBuffer: 16 * 1024 * 1024 })).stdout
      const raw = completed(parseReportText(await text('-raw'), hints))
      t.strictSame(comparable(raw.report)?.rest, comparable(expectedReport(name))?.rest, '-raw: every cell and metadata field, exactly')
      const byColumns = parseReportText(await text(), hints)
      t.same(wrongCells(expectedReport(name), byColumns), [], 'reading order: every cell read is exact, every other is said to be unread')
      t.ok(byColumns.parse.unread.some((u) => u.pointer === '/requests' && /column by column|not every row has its number of values/.test(u.messageEn)),
        'table 三 is unread as a whole, saying why')
    })
  }
}
