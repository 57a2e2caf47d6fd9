/**
 * Reading a PDF's text layer lets the event loop turn between pages: PDF.js works in promise callbacks only, and a
 * long document read in one go would hold every other request, `/healthz` included, until its last page.
 */
import { readFileSync } from 'node:fs'
import t from 'tap'
import { htmlRows } from '../../src/domain/import/source-html.js'
import { readPdfPages } from '../../src/services/pdf-text.js'
import { layoutText, layoutTextPdf } from '../documents/write-pdf.js'

const seedHtml = readFileSync(new URL('../fixtures/html/seed-2023.html', import.meta.url), 'utf8')
// The seed's text twenty times over, a sheet each: 60 pages.
const longPdf = layoutTextPdf(Array.from({ length: 20 }, () => layoutText(htmlRows(seedHtml))).join('\f'))

t.test('timers run while a long PDF is read, and every page is read', async (t) => {
  const pages = await readPdfPages(new Uint8Array(longPdf), 200)
  t.equal(pages.length, 60, 'every page')

  let turns = 0
  const timer = setInterval(() => { turns++ }, 1)
  const again = await readPdfPages(new Uint8Array(longPdf), 200)
  clearInterval(timer)
  t.equal(again.length, 60)
  t.ok(turns > 0, `the event loop turned while the pages were read (a 1 ms timer ran ${turns} times)`)
})
