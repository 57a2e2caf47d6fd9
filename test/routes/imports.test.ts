import t from 'tap'
import { sql } from 'kysely'
import { htmlFixture, SEED_TEXT } from '../domain/import/corpus.js'
import { build, createTestDatabase, resetDb, seedReport } from '../helper.js'

const { url, db } = await createTestDatabase(t)
const app = await build(t, url)
t.beforeEach(async () => await resetDb(db))

const seedText = SEED_TEXT
const seedHints = `agencyName=${encodeURIComponent('湖州市吴兴区发展改革和经济信息化局')}&regionCode=330502&kind=agency`

const importText = async (payload: string | Buffer, query = seedHints, contentType = 'text/plain; charset=utf-8') =>
  await app.inject({ method: 'POST', url: `/v1/imports?${query}`, headers: { 'content-type': contentType }, payload })

async function reportCount (): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from report`.execute(db)
  return Number(rows[0]?.n)
}

const squash = (text: string) => text.replace(/\s+/g, '')

t.test('the seed text imports to the seed report, with the findings rules.md lists', async (t) => {
  const res = await importText(seedText)
  t.equal(res.statusCode, 200)
  const { report, parse, analysis, stored } = res.json()
  const seed = seedReport()
  for (const key of ['template', 'year', 'kind', 'agency', 'publication', 'proactive', 'requests', 'reviewLitigation'] as const) {
    t.same(report[key], seed[key], `${key} is exactly the seed's`)
  }
  for (const section of ['overview', 'problems', 'other'] as const) {
    t.equal(squash(report.sections[section]), squash(seed.sections[section]), `section ${section} up to whitespace`)
  }
  t.match(parse, { format: 'pipe', templates: { proactive: '2021', requests: '2021', reviewLitigation: '2021' }, missing: [] })
  t.ok(parse.cells.length >= 190, 'the source of every cell is recorded')
  const failedNarrative = analysis.findings
    .filter((f: { status: string, ruleId: string }) => f.status === 'failed' && f.ruleId.startsWith('N-'))
    .map((f: { ruleId: string }) => f.ruleId)
  t.same([...new Set(failedNarrative)].sort(), ['N-INTERNAL', 'N-RECEIVED', 'N-STALE-YEAR'])
  t.equal(stored, null, 'nothing stored without store=true')
  t.equal(await reportCount(), 0)
})

t.test('store=true stores the report with its source text, as POST /v1/reports would', async (t) => {
  const res = await importText(seedText, `${seedHints}&store=true`)
  t.equal(res.statusCode, 200)
  t.match(res.json().stored, { id: 1, revision: 1, href: '/v1/reports/1', outcome: 'created' })
  const { rows } = await sql<{ source_text: string, source_format: string }>`select source_text, source_format from report_revision`.execute(db)
  t.same(rows, [{ source_text: seedText, source_format: 'text' }])
  const findings = await app.inject({ url: '/v1/reports/1/findings?rule=N-RECEIVED&status=failed' })
  t.equal(findings.json().items.length, 1, 'the stored report has its narrative findings')

  const again = await importText(seedText, `${seedHints}&store=true`)
  t.match(again.json().stored, { id: 1, outcome: 'replayed' })
  t.equal(await reportCount(), 1)
})

t.test('GBK text is read', async (t) => {
  const encoded = await encodeGbk(seedText)
  const res = await importText(encoded, seedHints, 'text/plain; charset=gbk')
  t.equal(res.statusCode, 200)
  t.equal(res.json().report.agency.code, '11330524MB15359635')
})

t.test('a GBK page saved from a site is read in the charset its <meta> names; a header charset wins; an unknown one is 415', async (t) => {
  const page = (meta: string) => htmlFixture('seed-2023').replace('<meta http-equiv=Content-Type content="text/html; charset=utf-8">', meta)
  for (const meta of ['<meta charset="gb2312">', '<meta http-equiv="Content-Type" content="text/html; charset=GBK">']) {
    const res = await importText(await encodeGbk(page(meta)), seedHints, 'text/html')
    t.equal(res.statusCode, 200, meta)
    t.equal(res.json().report.agency.name, '湖州市吴兴区发展改革和经济信息化局', `${meta}: the Chinese text decoded`)
    const sniffed = await importText(await encodeGbk(page(meta)), seedHints, 'application/octet-stream')
    t.equal(sniffed.json().report?.agency.code, '11330524MB15359635', `${meta}: also when sent as octet-stream`)
  }
  const utf8Page = Buffer.from(page('<meta charset="gb2312">'))
  t.equal((await importText(utf8Page, seedHints, 'text/html; charset=utf-8')).statusCode, 200, 'the header\'s charset wins over the page\'s')
  const big5 = await importText(Buffer.from(page('<meta charset="big5">')), seedHints, 'text/html')
  t.equal(big5.statusCode, 415)
  t.match(big5.json(), { code: 'UNSUPPORTED_MEDIA_TYPE', detail: /charset=big5 is not supported/ })
})

/** GBK bytes for the text, through the Postgres server's own converter (Node can decode GBK but not encode it). */
async function encodeGbk (text: string): Promise<Buffer> {
  const { rows } = await sql<{ bytes: Buffer }>`select convert_to(${text}, 'GBK') as bytes`.execute(db)
  const bytes = rows[0]?.bytes
  if (bytes === undefined) throw new Error('no bytes')
  return bytes
}

/** The first sector of an OLE compound file, as a Word 97–2003 document starts. */
const WORD_97_HEADER = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])

t.test('a Word 97–2003 document is refused with a problem that says what to send instead', async (t) => {
  const res = await importText(WORD_97_HEADER, seedHints, 'application/octet-stream')
  t.equal(res.statusCode, 415)
  t.match(res.json().detail, /Word 97–2003 document \(\.doc\).*save the report as \.docx or PDF/)
})

t.test('what cannot be read is a clear 4xx problem, and nothing is stored', async (t) => {
  const withoutTable四 = seedText.slice(0, seedText.indexOf('四、政府信息公开行政复议')) + seedText.slice(seedText.indexOf('五、'))
  const cases: Array<{ name: string, payload: string | Buffer, contentType?: string, status: number, code: string, missing?: string }> = [
    { name: 'garbage', payload: 'lorem ipsum dolor sit amet', status: 422, code: 'IMPORT_UNREADABLE', missing: '/requests' },
    { name: 'an empty body', payload: '   ', status: 400, code: 'MALFORMED_JSON' },
    { name: 'a report without table 四', payload: withoutTable四, status: 422, code: 'IMPORT_INCOMPLETE', missing: '/reviewLitigation' },
    { name: 'binary data', payload: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0x80]), status: 400, code: 'MALFORMED_JSON' },
    { name: 'a 50 MB body', payload: 'x'.repeat(50 * 1024 * 1024), status: 413, code: 'PAYLOAD_TOO_LARGE' },
    { name: 'JSON sent to the importer', payload: '{}', contentType: 'application/json', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    { name: 'an unknown charset', payload: seedText, contentType: 'text/plain; charset=latin1', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    { name: 'a damaged PDF', payload: Buffer.from('%PDF-1.7'), contentType: 'application/pdf', status: 422, code: 'IMPORT_DOCUMENT_UNREADABLE' },
    { name: 'a Word 97–2003 (.doc) file', payload: WORD_97_HEADER, contentType: 'application/octet-stream', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    { name: 'a .doc file sent as text', payload: WORD_97_HEADER, contentType: 'text/plain', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }
  ]
  for (const c of cases) {
    const res = await importText(c.payload, `${seedHints}&store=true`, c.contentType)
    t.equal(res.statusCode, c.status, `${c.name}: status`)
    t.match(res.headers['content-type'], /^application\/problem\+json/, `${c.name}: problem`)
    t.equal(res.json().code, c.code, `${c.name}: code`)
    if (c.missing !== undefined) t.ok(res.json().missing.includes(c.missing), `${c.name}: names ${c.missing}`)
  }
  t.equal(await reportCount(), 0, 'nothing stored')
})

t.test('reading needs no agency code; storing does', async (t) => {
  const text = seedText.replace('11330524MB15359635/2024-00007', '无')
  const read = await importText(text)
  t.equal(read.statusCode, 200)
  t.equal(read.json().complete, false)
  t.same(read.json().parse.missing, ['/agency/code'])
  const stored = await importText(text, `${seedHints}&store=true`)
  t.equal(stored.statusCode, 422)
  t.same(stored.json().missing, ['/agency/code'])
  t.equal(await reportCount(), 0)
})

t.test('a partial import: every cell read, each unread one located; store=true refuses it; the filled-in body stores', async (t) => {
  const garbled = seedText.replace('行政规范性文件 | 0 | 1 | 2 |', '行政规范性文件 | 0 | l | 2 |')
  const res = await importText(garbled)
  t.equal(res.statusCode, 200)
  const { complete, report, parse, analysis, stored } = res.json()
  t.equal(complete, false)
  t.equal(analysis, null)
  t.equal(stored, null)
  t.match(parse, { reader: 'text', format: 'pipe', missing: ['/proactive/normativeDocuments/repealed'] })
  t.match(parse.unread, [{ pointer: '/proactive/normativeDocuments/repealed', reason: 'not-a-number', source: 'l', line: Number, region: { fromLine: Number, toLine: Number } }])
  t.same(report.proactive.normativeDocuments, { issued: 0, inForce: 2 })
  t.same(report.requests, seedReport().requests)

  const refused = await importText(garbled, `${seedHints}&store=true`)
  t.equal(refused.statusCode, 422)
  t.match(refused.json(), { code: 'IMPORT_INCOMPLETE', missing: ['/proactive/normativeDocuments/repealed'], unread: [{ reason: 'not-a-number' }] })
  t.equal(await reportCount(), 0, 'nothing stored')

  const asIs = await app.inject({ method: 'POST', url: '/v1/reports', payload: report })
  t.equal(asIs.statusCode, 400, 'the partial body is refused until completed')
  t.ok(JSON.stringify(asIs.json().errors).includes('repealed'), 'naming the unread cell')
  report.proactive.normativeDocuments.repealed = 1
  const completed = await app.inject({ method: 'POST', url: '/v1/reports', payload: report })
  t.equal(completed.statusCode, 201, 'the reviewer completes it and stores it')
  t.equal(await reportCount(), 1)
})
