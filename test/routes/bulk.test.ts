import { Readable } from 'node:stream'
import v8 from 'node:v8'
import vm from 'node:vm'
import t from 'tap'
import type { AnnualReport, ApplicantRow } from '../../src/domain/report.js'
import { build, createTestDatabase, resetDb, seedReport } from '../helper.js'
import { creditCode, reportFor } from '../fixtures.js'

const main = await createTestDatabase(t)
const app = await build(t, main.url)
t.beforeEach(async () => await resetDb(main.db))

const ndjson = (lines: unknown[]) => lines.map((line) => typeof line === 'string' ? line : JSON.stringify(line)).join('\n') + '\n'
const bulk = async (target: typeof app, payload: string | Readable) =>
  await target.inject({ method: 'POST', url: '/v1/reports:bulk', headers: { 'content-type': 'application/x-ndjson' }, payload })
const parseLines = (body: string) => body.trimEnd().split('\n').map((line) => JSON.parse(line))

const row = (naturalPerson: number): ApplicantRow => ({ naturalPerson, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: naturalPerson })

t.test('each line is stored, revised, unchanged or rejected, answered in order with totals', async (t) => {
  const first = await bulk(app, ndjson([seedReport(), reportFor({ year: 2022 })]))
  t.equal(first.statusCode, 200)
  t.equal(first.headers['content-type'], 'application/x-ndjson; charset=utf-8')
  const [seedResult, priorResult, totals] = parseLines(first.body)
  t.match(seedResult, { line: 1, outcome: 'stored', revision: 1, href: `/v1/reports/${seedResult.id}` })
  t.match(priorResult, { line: 2, outcome: 'stored', revision: 1 })
  t.same(totals, { summary: { stored: 2, revised: 0, unchanged: 0, rejected: 0 } })
  const seedId = seedResult.id

  const changed = { ...seedReport(), publication: { documentDate: '2024-01-30' } }
  const second = await bulk(app, ndjson([
    seedReport(),
    '{"template": "2021",',
    '',
    { ...seedReport(), year: '2023' },
    changed,
    reportFor({ code: creditCode('11330500MB1234567'), regionCode: '330500', name: '湖州市某局' }),
    'x'.repeat(1024 * 1024 + 10)
  ]))
  t.match(parseLines(second.body), [
    { line: 1, outcome: 'unchanged', id: seedId, revision: 1 },
    { line: 2, outcome: 'rejected', problem: { code: 'MALFORMED_JSON' } },
    { line: 4, outcome: 'rejected', problem: { code: 'VALIDATION_ERROR', errors: [{ pointer: '/year', location: 'body' }] } },
    { line: 5, outcome: 'revised', id: seedId, revision: 2 },
    { line: 6, outcome: 'stored', id: 3, revision: 1 },
    { line: 7, outcome: 'rejected', problem: { code: 'PAYLOAD_TOO_LARGE' } },
    { summary: { stored: 1, revised: 1, unchanged: 1, rejected: 3 } }
  ])
  const revision = await app.inject({ url: `/v1/reports/${seedId}` })
  t.same(revision.json().report, changed)

  const wrongType = await app.inject({ method: 'POST', url: '/v1/reports:bulk', headers: { 'content-type': 'application/json' }, payload: '[]' })
  t.equal(wrongType.statusCode, 415)
})

t.test('a rejected line carries the problem POST /v1/reports answers for the same body, type and status included', async (t) => {
  const bodies = { 'a field of the wrong type': { ...seedReport(), year: '2023' }, 'a year after today': { ...seedReport(), year: 2031 } }
  const lines = parseLines((await bulk(app, ndjson(Object.values(bodies)))).body)
  for (const [index, [name, body]] of Object.entries(bodies).entries()) {
    const answer = await app.inject({ method: 'POST', url: '/v1/reports', payload: body })
    t.equal(answer.statusCode, 400, name)
    const { requestId, instance, ...problem } = answer.json()
    t.ok(requestId !== undefined && instance !== undefined, `${name}: the answer names its request`)
    t.same(lines[index], { line: index + 1, outcome: 'rejected', problem }, name)
    t.match(problem, { type: /validation-error$/, status: 400, code: 'VALIDATION_ERROR' }, name)
  }
})

/** Four agencies, three years each, with carry-overs that agree or not: many cross-year results. */
function history (): AnnualReport[] {
  const bodies: AnnualReport[] = []
  for (let agency = 0; agency < 4; agency++) {
    const code = creditCode(`1133050${agency}MB00000${agency}0`)
    for (const year of [2021, 2022, 2023]) {
      const body = reportFor({ code, year, regionCode: '330502', name: `局${agency}` })
      const carried = (agency + year) % 3
      bodies.push({ ...body, requests: { ...body.requests, newReceived: row(9 + carried), carriedForward: row(carried) } })
    }
  }
  // A fixed shuffle, so that later years often arrive before earlier ones.
  return [7, 2, 11, 0, 5, 9, 1, 10, 3, 8, 6, 4].map((index) => bodies[index] as AnnualReport)
}

async function snapshot (target: typeof app) {
  const list = (await target.inject({ url: '/v1/reports?limit=500' })).json().items as Array<{ id: number, agencyCode: string, year: number }>
  const byKey: Record<string, unknown> = {}
  for (const item of list) {
    const findings = (await target.inject({ url: `/v1/reports/${item.id}/findings` })).json()
    const changes = (await target.inject({ url: `/v1/reports/${item.id}/changes` })).json()
    byKey[`${item.agencyCode}/${item.year}`] = {
      status: findings.status,
      counts: findings.counts,
      findings: findings.items.map((f: Record<string, unknown>) => [f.ruleId, f.status, f.pointers, f.expected, f.actual]),
      previousYear: changes.previous?.year ?? null,
      changes: changes.changes
    }
  }
  return byKey
}

t.test('an empty or blank body is a 400 problem, not a summary of zeros', async (t) => {
  for (const [name, payload] of [['empty', ''], ['blank lines', '\n \r\n\t\n']] as const) {
    const res = await bulk(app, payload)
    t.equal(res.statusCode, 400, name)
    t.match(res.headers['content-type'], /^application\/problem\+json/, name)
    t.match(res.json(), { code: 'MALFORMED_JSON', detail: /holds no report/ }, name)
  }
  const blankThenReport = await bulk(app, Readable.from([Buffer.from('\n\n'), Buffer.from(JSON.stringify(seedReport()) + '\n')]))
  t.match(parseLines(blankThenReport.body), [{ line: 3, outcome: 'stored' }, { summary: { stored: 1 } }], 'leading blank lines are kept in the line count')
})

t.test('a bulk upload gives the same results as storing the reports one by one', async (t) => {
  const other = await createTestDatabase(t)
  const oneByOne = await build(t, other.url)
  for (const body of history()) {
    const res = await oneByOne.inject({ method: 'POST', url: '/v1/reports', payload: body })
    t.equal(res.statusCode, 201)
  }
  const res = await bulk(app, ndjson(history()))
  t.match(parseLines(res.body).at(-1), { summary: { stored: 12, rejected: 0 } })
  const [viaBulk, viaSingle] = [await snapshot(app), await snapshot(oneByOne)]
  t.equal(Object.keys(viaBulk).length, 12)
  t.same(viaBulk, viaSingle)
  t.ok(Object.values(viaBulk).some((entry) => (entry as { findings: unknown[][] }).findings.some((f) => f[0] === 'CY-CARRY' && f[1] === 'failed')),
    'the comparison covers failing cross-year rules')
})

t.test('a key given several times in one upload is stored, revised and left unchanged in line order', async (t) => {
  const code = creditCode('11330500MB7654321')
  const first = reportFor({ code, year: 2023, name: '湖州市某局' })
  const second = { ...first, publication: { documentDate: '2024-01-30' } }
  const earlierYear = reportFor({ code, year: 2022, name: '湖州市某局（旧名）' })
  const res = await bulk(app, ndjson([first, second, earlierYear, second, first]))
  t.match(parseLines(res.body), [
    { line: 1, outcome: 'stored', revision: 1 },
    { line: 2, outcome: 'revised', revision: 2 },
    { line: 3, outcome: 'stored', revision: 1 },
    { line: 4, outcome: 'unchanged', revision: 2 },
    { line: 5, outcome: 'revised', revision: 3 },
    { summary: { stored: 2, revised: 2, unchanged: 1, rejected: 0 } }
  ])
  const [stored] = parseLines(res.body) as Array<{ id: number }>
  const revisions = (await app.inject({ url: `/v1/reports/${stored?.id}/revisions` })).json()
  t.same(revisions.items.map((item: { revision: number }) => item.revision), [1, 2, 3], 'every revision kept')
  t.same((await app.inject({ url: `/v1/reports/${stored?.id}` })).json().report, first, 'the last line is the latest revision')
  const agency = (await app.inject({ url: `/v1/agencies/${code}` })).json()
  t.equal(agency.name, '湖州市某局', 'the name of the latest year, though an earlier year came later')
  const feed = (await app.inject({ url: '/v1/feed' })).json()
  t.equal(feed.items.filter((event: { type: string }) => event.type === 'revision_stored').length, 4, 'one event per revision stored')
})

t.test('lines of one agency in different batches are stored in line order, other batches alongside', async (t) => {
  const bodies = Array.from({ length: 260 }, (_, index) =>
    reportFor({ code: creditCode(`11330500MB${String(index).padStart(7, '0')}`), name: `局${index}` }))
  const changed = { ...bodies[3] as AnnualReport, publication: { documentDate: '2024-01-30' } }
  const earlier = reportFor({ code: (bodies[10] as AnnualReport).agency.code, year: 2022 })
  // Line 4 and line 151 are one key in the first and second batch; line 211 gives line 11's previous year.
  bodies.splice(150, 0, changed)
  bodies.splice(210, 0, earlier)
  const res = await bulk(app, ndjson(bodies))
  const lines = parseLines(res.body)
  t.equal(lines.length, bodies.length + 1)
  t.same(lines.slice(0, -1).map((line: { line: number }) => line.line), bodies.map((_, index) => index + 1), 'answered in line order')
  t.match(lines[3], { outcome: 'stored', revision: 1 })
  t.match(lines[150], { outcome: 'revised', revision: 2, id: lines[3].id })
  t.match(lines[210], { outcome: 'stored', revision: 1 })
  t.same(lines.at(-1), { summary: { stored: 261, revised: 1, unchanged: 0, rejected: 0 } })
  t.same((await app.inject({ url: `/v1/reports/${lines[3].id}` })).json().report, changed)
  const changes = (await app.inject({ url: `/v1/reports/${lines[10].id}/changes` })).json()
  t.equal(changes.previous?.year, 2022, 'the 2023 report was compared with the 2022 one stored after it')
})

t.test('revisions through bulk recompute the next year as revisions one by one do', async (t) => {
  const other = await createTestDatabase(t)
  const oneByOne = await build(t, other.url)
  const bodies = history()
  await bulk(app, ndjson(bodies))
  await bulk(oneByOne, ndjson(bodies))
  // Each 2022 report now disagrees with its stored 2023 report's carry-over (CY-CARRY), or agrees again.
  const revised = bodies.filter((body) => body.year === 2022).map((body, index) =>
    ({ ...body, requests: { ...body.requests, carriedForward: row(index + 5) } }))
  const res = await bulk(app, ndjson(revised))
  t.match(parseLines(res.body).at(-1), { summary: { revised: revised.length, rejected: 0 } })
  for (const body of revised) {
    const [found] = (await oneByOne.inject({ url: `/v1/reports?agency=${body.agency.code}&year=2022` })).json().items as Array<{ id: number }>
    const put = await oneByOne.inject({ method: 'PUT', url: `/v1/reports/${found?.id}`, headers: { 'if-match': '*' }, payload: body })
    t.equal(put.statusCode, 200)
  }
  t.same(await snapshot(app), await snapshot(oneByOne))
  const etags = async (target: typeof app) => {
    const list = (await target.inject({ url: '/v1/reports?year=2023' })).json().items as Array<{ id: number }>
    return await Promise.all(list.map(async ({ id }) => (await target.inject({ url: `/v1/reports/${id}` })).headers.etag))
  }
  const before = await etags(app)
  await bulk(app, ndjson(bodies.filter((body) => body.year === 2022)))
  const after = await etags(app)
  t.ok(before.every((etag, index) => etag !== after[index]), 'each recomputed 2023 report has a new ETag')
})

t.test('memory stays bounded for a large stream', async (t) => {
  const valid = JSON.stringify(seedReport())
  // Truncated reports: rejected by the JSON parser after it has read the whole line, so the test stays fast.
  const invalid = valid.slice(0, -1)
  const lineCount = 20_000
  // What stays reachable, not what awaits collection: a full collection before each reading of the heap.
  v8.setFlagsFromString('--expose-gc')
  const collect = vm.runInNewContext('gc') as () => void
  collect()
  const start = process.memoryUsage().heapUsed
  const readings: number[] = []
  // The heap is read as the stream goes through: every 1,000 lines the service is sent (it pulls them as it reads).
  const payload = Readable.from((function * () {
    for (let index = 0; index < lineCount; index++) {
      if (index > 0 && index % 1_000 === 0) {
        collect()
        readings.push(process.memoryUsage().heapUsed - start)
      }
      yield Buffer.from((index === 0 ? valid : invalid) + '\n')
    }
  })())
  const res = await bulk(app, payload)
  const summary = parseLines(res.body).at(-1)
  t.same(summary, { summary: { stored: 1, revised: 0, unchanged: 0, rejected: lineCount - 1 } })
  t.equal(readings.length, lineCount / 1_000 - 1, `the heap was read ${readings.length} times while the stream went through`)
  const inputBytes = lineCount * invalid.length
  // The first reading holds what the first batch brought in for good (compiled code, buffers, ~20 MB); what
  // stays reachable must not grow with the input from then on, apart from the answer that inject collects
  // in this process (~2 MB of result lines).
  const [first = 0] = readings
  const peak = Math.max(...readings)
  t.ok(peak < inputBytes / 3, `${Math.round(peak / 1e6)} MB reachable at most while ${Math.round(inputBytes / 1e6)} MB streamed through`)
  t.ok(peak - first < inputBytes / 10, `${Math.round((peak - first) / 1e6)} MB more reachable at the peak than at the first reading`)
})
