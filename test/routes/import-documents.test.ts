/**
 * POST /v1/imports with the published forms besides text: PDF (its text layer), Word, markdown, and the same
 * document told apart by its bytes when its Content-Type is wrong or says nothing. The documents are made here from
 * the HTML fixtures, so each must give the report its HTML page gives.
 */
import { readFileSync } from 'node:fs'
import t from 'tap'
import { sql } from 'kysely'
import { htmlRows } from '../../src/domain/import/source-html.js'
import { build, createTestDatabase, resetDb } from '../helper.js'
import { docxOf } from '../documents/docx.js'
import { markdownOf } from '../documents/markdown.js'
import { layoutText, layoutTextPdf, writePdf } from '../documents/write-pdf.js'

const { url, db } = await createTestDatabase(t)
const app = await build(t, url)
t.beforeEach(async () => await resetDb(db))

const seedHtml = readFileSync(new URL('../fixtures/html/seed-2023.html', import.meta.url), 'utf8')
const hints = `agencyName=${encodeURIComponent('湖州市吴兴区发展改革和经济信息化局')}&regionCode=330502&kind=agency`
const PDF = 'application/pdf'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const post = async (payload: string | Buffer, contentType: string, query = hints) =>
  await app.inject({ method: 'POST', url: `/v1/imports?${query}`, headers: { 'content-type': contentType }, payload })

const fromHtml = (await post(seedHtml, 'text/html; charset=utf-8')).json()
const squash = (text: string) => text.replace(/\s+/g, '')
const withoutProse = ({ sections, ...rest }: { sections: unknown }) => rest

async function reportCount (): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from report`.execute(db)
  return Number(rows[0]?.n)
}

t.test('a PDF with a text layer gives the report its HTML page gives', async (t) => {
  const pdf = layoutTextPdf(layoutText(htmlRows(seedHtml)))
  for (const contentType of [PDF, 'application/octet-stream', 'text/plain']) {
    const res = await post(pdf, contentType)
    t.equal(res.statusCode, 200, `sent as ${contentType}`)
    const { report, parse } = res.json()
    t.equal(parse.format, 'pdf', `${contentType}: read as a PDF, from its bytes`)
    t.strictSame(withoutProse(report), withoutProse(fromHtml.report), `${contentType}: every cell and field`)
    t.equal(squash(report.sections.problems), squash(fromHtml.report.sections.problems), `${contentType}: prose`)
    t.same(parse.missing, [])
  }
  const stored = await post(pdf, PDF, `${hints}&store=true`)
  t.match(stored.json().stored, { id: 1, outcome: 'created' })
  const { rows } = await sql<{ source_text: string, source_format: string }>`select source_text, source_format from report_revision`.execute(db)
  t.equal(rows[0]?.source_format, 'text', 'the text layer is kept as the source')
  t.match(rows[0]?.source_text, /二、主动公开政府信息情况/)
})

t.test('a scanned PDF (no text layer) is a clear 422, and nothing is stored', async (t) => {
  const scan = writePdf([[{ x: 280, y: 30, size: 9, text: '- 1 -' }], [], []], { picture: true })
  const res = await post(scan, PDF, `${hints}&store=true`)
  t.equal(res.statusCode, 422)
  t.match(res.json(), { code: 'IMPORT_NO_TEXT_LAYER', detail: /3 page\(s\) carry no text layer: it is a scan/ })
  t.equal(await reportCount(), 0)
})

t.test('a body declared PDF or Word that is not one is refused with 415; too many pages with 413', async (t) => {
  for (const type of [PDF, DOCX]) {
    const res = await post(seedHtml, type)
    t.equal(res.statusCode, 415, type)
    t.match(res.json(), { code: 'UNSUPPORTED_MEDIA_TYPE', detail: /is not one/ })
  }
  const zip = Buffer.from('504b0304' + '00'.repeat(40), 'hex')
  t.match((await post(zip, DOCX)).json(), { status: 422, code: 'IMPORT_DOCUMENT_UNREADABLE' }, 'a broken ZIP')
  const long = writePdf(Array.from({ length: 201 }, () => [{ x: 50, y: 700, size: 10, text: '第一页' }]))
  t.match((await post(long, PDF)).json(), { status: 413, code: 'PAYLOAD_TOO_LARGE', detail: /201 pages; at most 200/ })
})

t.test('a Word document, merged cells included, gives the report its HTML page gives', async (t) => {
  const docx = await docxOf(seedHtml)
  for (const contentType of [DOCX, 'application/octet-stream']) {
    const res = await post(docx, contentType)
    t.equal(res.statusCode, 200, contentType)
    const { report, parse } = res.json()
    t.equal(parse.format, 'docx')
    t.strictSame(withoutProse(report), withoutProse(fromHtml.report), `${contentType}: every cell and field`)
    t.same(parse.problems, [])
  }
})

t.test('markdown, as text/markdown or text/plain, merged labels repeated or left empty', async (t) => {
  for (const merged of ['repeated', 'empty'] as const) {
    const markdown = markdownOf(htmlRows(seedHtml), merged)
    t.match(markdown, /^## 二、主动公开政府信息情况$/m)
    t.match(markdown, /^\|---\|/m)
    for (const contentType of ['text/markdown; charset=utf-8', 'text/plain; charset=utf-8', 'application/octet-stream']) {
      const res = await post(markdown, contentType)
      t.equal(res.statusCode, 200, `${merged}, ${contentType}`)
      const { report, parse } = res.json()
      t.equal(parse.format, 'markdown')
      t.strictSame(withoutProse(report), withoutProse(fromHtml.report), `${merged}, ${contentType}: every cell and field`)
      t.equal(squash(report.sections.overview), squash(fromHtml.report.sections.overview), 'prose without its markers')
    }
  }
})

t.test('an HTML page sent as application/octet-stream is read as a page', async (t) => {
  const res = await post(Buffer.from(seedHtml), 'application/octet-stream')
  t.equal(res.json().parse.format, 'html')
  t.strictSame(res.json().report, fromHtml.report)
})
