/**
 * Benchmark of POST /v1/imports' reading, per published shape, in one process: the seed report (its HTML page in
 * test/fixtures/html) made into each shape the service accepts — pipe text (the baseline), `pdftotext -layout`-style
 * text, tab-separated text as a table is copied, the HTML page, markdown, a Word document, a PDF of its natural 3 pages and the same report printed over
 * 10 pages — and read by `readPublishedDocument` (bytes to report and parse record; no HTTP, no database).
 * Where Chromium and a Chinese font are installed, also the page as Chromium prints it to PDF: tables with their
 * borders drawn, which the reader takes cells from (else that shape is skipped, saying why).
 * Each shape is checked to give the seed's report before it is timed.
 *
 * Prints ms per document, ms per page for the PDFs, and each as a ratio to the pipe text measured in the same run;
 * writes bench/results/imports.json. Run: `npm run bench:imports` (about 30 s).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { Bench } from 'tinybench'
import { parseReportHtml } from '../src/domain/import/index.js'
import { htmlRows } from '../src/domain/import/source-html.js'
import { readPublishedDocument, type PublishedDocument } from '../src/services/import-documents.js'
import { docxOf } from '../test/documents/docx.js'
import { markdownOf } from '../test/documents/markdown.js'
import { layoutText, layoutTextPdf } from '../test/documents/write-pdf.js'
import { missingPrinters, printedPdf } from '../test/layouts/printed.js'
import { readPdfPages } from '../src/services/pdf-text.js'

const RESULTS = new URL('./results/', import.meta.url)
const html = readFileSync(new URL('../test/fixtures/html/seed-2023.html', import.meta.url), 'utf8')
const hints = { agencyName: '湖州市吴兴区发展改革和经济信息化局', regionCode: '330502', kind: 'agency' } as const
const limits = { maxPages: 200, maxTextLength: 1_048_576 }
const rows = htmlRows(html)
const pipeText = rows.map((row) => (row.cells === null ? row.text : `${[...row.covered, ...row.cells].join(' | ')} |`)).join('\n')
const layout = layoutText(rows)
const layoutLines = layout.split('\n').length

const shapes: Array<{ readonly name: string, readonly pages: number | null, readonly document: PublishedDocument }> = [
  { name: 'text (pipe), baseline', pages: null, document: { type: 'text', text: pipeText } },
  { name: 'text (pdftotext -layout style)', pages: null, document: { type: 'text', text: layout } },
  { name: 'text (tab-separated, as copied)', pages: null, document: { type: 'text', text: rows.map((row) => (row.cells === null ? row.text : row.cells.join('\t'))).join('\n') } },
  { name: 'HTML page', pages: null, document: { type: 'html', text: html } },
  { name: 'markdown', pages: null, document: { type: 'markdown', text: markdownOf(rows, 'empty') } },
  { name: 'DOCX', pages: null, document: { type: 'docx', bytes: await docxOf(html) } },
  { name: 'PDF, 3 pages', pages: Math.ceil(layoutLines / 56), document: { type: 'pdf', bytes: layoutTextPdf(layout, 56) } },
  { name: 'PDF, 10 pages', pages: 10, document: { type: 'pdf', bytes: layoutTextPdf(layout, Math.ceil(layoutLines / 10)) } }
]
const lacking = (await missingPrinters())['chromium-pdf'] ?? []
if (lacking.length === 0) {
  // The seed page's table 三 fits an A4 page only with its header cells allowed to wrap.
  const bytes = new Uint8Array(await printedPdf(html.replace('</style>', 'table td p{white-space:normal}</style>')))
  const pages = (await readPdfPages(bytes, limits.maxPages)).length
  shapes.push({ name: `PDF printed by Chromium (ruled), ${pages} pages`, pages, document: { type: 'pdf', bytes } })
} else {
  console.log(`PDF printed by Chromium: skipped, this machine lacks ${lacking.join(' and ')}`)
}

const expected = JSON.stringify({ ...parseReportHtml(html, hints).report, sections: null })
for (const { name, document } of shapes) {
  const { result } = await readPublishedDocument(document, hints, limits)
  if (JSON.stringify({ ...result.report, sections: null }) !== expected) throw new Error(`${name} no longer gives the seed report`)
}

const bench = new Bench({ time: 3000, warmup: true, warmupTime: 500 })
for (const { name, document } of shapes) bench.add(name, async () => { await readPublishedDocument(document, hints, limits) })
await bench.run()

const latencies = bench.tasks.map((task) => {
  const result = task.result
  if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`)
  return result.latency
})
const baseline = latencies[0]?.mean ?? NaN
const table = bench.tasks.map((task, i) => {
  const shape = shapes[i]
  const latency = latencies[i]
  const mean = latency?.mean ?? NaN
  const perPage = shape?.pages == null ? null : mean / shape.pages
  return {
    shape: task.name,
    'ms/doc': Number(mean.toFixed(2)),
    'p99 ms': Number((latency?.p99 ?? NaN).toFixed(2)),
    '× text': Number((mean / baseline).toFixed(1)),
    'ms/page': perPage === null ? '' : Number(perPage.toFixed(2)),
    'page × text': perPage === null ? '' : Number((perPage / baseline).toFixed(2)),
    samples: latency?.samplesCount ?? 0
  }
})
console.table(table)
mkdirSync(RESULTS, { recursive: true })
writeFileSync(new URL('imports.json', RESULTS), JSON.stringify({
  date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, load: os.loadavg(), results: table
}, null, 2))
