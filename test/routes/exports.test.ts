import t from 'tap'
import { streamReportsWithBodies } from '../../src/db/report-repository.js'
import type { AnnualReport, Report2021 } from '../../src/domain/report.js'
import { CELL_COLUMNS } from '../../src/schemas/cell-columns.js'
import { build, createTestDatabase, seedReport } from '../helper.js'
import { creditCode, report2019, reportFor } from '../fixtures.js'

const { url, db } = await createTestDatabase(t)
const app = await build(t, url)

const seed = seedReport() as Report2021
const bodies: AnnualReport[] = [
  seed,
  { ...reportFor({ code: creditCode('11330100MB7654321'), name: '杭州市"某"局, 办公室', regionCode: '330100' }), reviewLitigation: { ...seed.reviewLitigation, suitDirect: { upheld: null, corrected: null, other: null, pending: null, total: null } } },
  { ...report2019(), agency: { code: creditCode('11320100MB0000001'), name: '南京市某局', regionCode: '320100' } },
  { ...seed, proactive: { ...seed.proactive, fees: { amountWan: 12.345678 } }, agency: { code: creditCode('11330500MB1111111'), name: '湖州市某局', regionCode: '330500' } }
]
for (const body of bodies) {
  const res = await app.inject({ method: 'POST', url: '/v1/reports', payload: body })
  if (res.statusCode !== 201) throw new Error(res.body)
}

/** A small RFC 4180 reader, independent of the exporter. */
function parseCsv (text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') { field += '"'; i++ } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') { row.push(field); field = '' } else if (char === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++ } else field += char
  }
  return rows
}

function valueAt (body: unknown, pointer: string): unknown {
  return pointer.slice(1).split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], body)
}

t.test('the CSV export round-trips to the stored numbers', async (t) => {
  const res = await app.inject({ url: '/v1/exports/reports.csv' })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'text/csv; charset=utf-8')
  t.match(res.headers['content-disposition'], /attachment; filename="reports.csv"/)
  t.ok(res.body.startsWith('\uFEFF'), 'UTF-8 byte order mark for Excel')
  const [header, ...rows] = parseCsv(res.body.slice(1))
  t.equal(header?.length, 9 + CELL_COLUMNS.length)
  t.same(header?.slice(0, 3), ['id', 'agencyCode', 'agencyName'])
  t.equal(rows.length, bodies.length)
  rows.forEach((row, index) => {
    const body = bodies[index]
    t.equal(row[2], body?.agency.name, 'names with quotes and commas survive')
    let compared = 0
    for (const [column, pointer] of (header ?? []).entries()) {
      if (!pointer.startsWith('/')) continue
      const expected = valueAt(body, pointer)
      const cell = row[column]
      if (typeof expected === 'number') {
        t.equal(Number(cell), expected, `report ${index + 1} ${pointer}`)
        compared++
      } else {
        t.equal(cell, '', `report ${index + 1} ${pointer} is empty (blank or not in this template)`)
      }
    }
    t.ok(compared > 150, `report ${index + 1}: compared ${compared} numbers`)
  })
})

t.test('the CSV header can use the Chinese labels, and filters apply', async (t) => {
  const res = await app.inject({ url: '/v1/exports/reports.csv?header=labels&region=33&template=2021' })
  const [header, ...rows] = parseCsv(res.body.slice(1))
  t.equal(header?.[1], '统一社会信用代码')
  t.ok(header?.includes('一、本年新收政府信息公开申请数量（自然人）'))
  t.ok(header?.includes('三、本年度办理结果 （三）不予公开 1.属于国家秘密（自然人）'))
  t.same(rows.map((row) => row[0]), ['1', '2', '4'])
})

t.test('the NDJSON export has one report per line with its body', async (t) => {
  const res = await app.inject({ url: '/v1/exports/reports.ndjson?kind=agency' })
  t.equal(res.headers['content-type'], 'application/x-ndjson; charset=utf-8')
  const lines = res.body.trimEnd().split('\n').map((line) => JSON.parse(line))
  t.same(lines.map((line) => line.report), bodies)
  t.match(lines[0], { id: 1, agencyCode: seed.agency.code, href: '/v1/reports/1', status: String })
  const bad = await app.inject({ url: '/v1/exports/reports.ndjson?colour=red' })
  t.equal(bad.statusCode, 400)
})

t.test('the export reads the database in batches, in id order', async (t) => {
  const seen: number[] = []
  for await (const { report } of streamReportsWithBodies(db, {}, 3)) seen.push(report.id)
  t.same(seen, [1, 2, 3, 4], 'every report once across batches of 3')
})

t.test('CSV cells a spreadsheet would run as a formula are neutralised; NDJSON keeps the text exact', async (t) => {
  const names = ['=HYPERLINK("https://example.com/x","点击")', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '广州市-某局', '广州市某局=']
  for (const [index, name] of names.entries()) {
    const body = reportFor({ code: creditCode(`1144010${index}MB0000000`), name, regionCode: '440100' })
    const res = await app.inject({ method: 'POST', url: '/v1/reports', payload: body })
    t.equal(res.statusCode, 201, `stored ${JSON.stringify(name)}`)
  }
  const csv = await app.inject({ url: '/v1/exports/reports.csv?region=44' })
  const [header, ...rows] = parseCsv(csv.body.slice(1))
  const nameColumn = header?.indexOf('agencyName') ?? -1
  t.same(rows.map((row) => row[nameColumn]), [
    '\'=HYPERLINK("https://example.com/x","点击")', '\'+1+1', '\'-2+3', '\'@SUM(A1:A9)', '\'\t=1+1', '\'\r=1+1', '广州市-某局', '广州市某局='
  ], 'a single quote before each formula, only where the text starts like one')
  const lines = csv.body.split('\r\n')
  t.ok(lines.some((line) => line.includes(',"\'@SUM(A1:A9)",')), 'the neutralised field is quoted')
  t.ok(lines.some((line) => line.includes(',广州市-某局,')), 'other text is left as it was')
  for (const row of rows) {
    const counts = row.slice(9).filter((cell) => cell !== '')
    t.ok(counts.length > 150 && counts.every((cell) => /^\d+(\.\d+)?$/.test(cell)), 'numbers are written as they are')
  }

  const ndjson = await app.inject({ url: '/v1/exports/reports.ndjson?region=44' })
  t.same(ndjson.body.trimEnd().split('\n').map((line) => JSON.parse(line).agencyName), names, 'NDJSON: every name exactly as stored')
})
