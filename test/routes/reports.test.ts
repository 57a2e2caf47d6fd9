import t from 'tap'
import { sql } from 'kysely'
import { build, createTestDatabase, resetDb, seedJson, seedReport } from '../helper.js'
import { creditCode, report2019, reportFor } from '../fixtures.js'

const { url, db } = await createTestDatabase(t)
const app = await build(t, url)

t.beforeEach(async () => await resetDb(db))

const post = async (body: unknown, headers: Record<string, string> = {}) =>
  await app.inject({ method: 'POST', url: '/v1/reports', headers: { 'content-type': 'application/json', ...headers }, payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) })

const put = async (id: number, body: unknown, headers: Record<string, string> = {}) =>
  await app.inject({ method: 'PUT', url: `/v1/reports/${id}`, headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) })

async function storedCounts () {
  const row = await sql<{ reports: string, revisions: string, agencies: string }>`
    select (select count(*) from report) as reports, (select count(*) from report_revision) as revisions,
           (select count(*) from agency) as agencies`.execute(db)
  const counts = row.rows[0]
  return { reports: Number(counts?.reports), revisions: Number(counts?.revisions), agencies: Number(counts?.agencies) }
}

function pointers (res: { json: () => { errors?: Array<{ pointer: string }> } }): string[] {
  return (res.json().errors ?? []).map((error) => error.pointer).sort()
}

t.test('POST stores the seed: 201 with Location and ETag, and GET returns the same report', async (t) => {
  const created = await post(seedJson)
  t.equal(created.statusCode, 201)
  t.equal(created.headers.location, '/v1/reports/1')
  t.equal(created.headers.etag, '"1.1"')
  t.match(created.headers['content-type'], /^application\/json/)
  const body = created.json()
  t.match(body, { id: 1, revision: 1, latestRevision: 1, agencyCode: '11330524MB15359635', year: 2023, kind: 'agency', template: '2021', regionCode: '330502' })
  t.same(body.report, seedReport())

  const read = await app.inject({ url: '/v1/reports/1' })
  t.equal(read.statusCode, 200)
  t.equal(read.headers.etag, '"1.1"')
  t.same(read.json().report, seedReport(), 'the stored report is exactly the submitted one')
  t.same(read.json().links, {
    self: '/v1/reports/1',
    latest: '/v1/reports/1',
    revisions: '/v1/reports/1/revisions',
    findings: '/v1/reports/1/findings',
    changes: '/v1/reports/1/changes',
    agency: '/v1/agencies/11330524MB15359635'
  })
})

t.test('POST of the same body again is an idempotent replay: 200, no new revision', async (t) => {
  t.equal((await post(seedJson)).statusCode, 201)
  const reordered = Object.fromEntries(Object.entries(seedReport()).reverse())
  const replay = await post(reordered)
  t.equal(replay.statusCode, 200, 'key order does not make a different report')
  t.equal(replay.headers.etag, '"1.1"')
  t.equal(replay.headers.location, '/v1/reports/1')
  t.same(await storedCounts(), { reports: 1, revisions: 1, agencies: 1 })
})

t.test('POST of a different body for a stored agency, year and kind is 409 naming the stored report', async (t) => {
  await post(seedJson)
  const changed = seedReport()
  const res = await post({ ...changed, sections: { ...changed.sections, other: '未收取信息处理费。' } })
  t.equal(res.statusCode, 409)
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  t.match(res.json(), {
    status: 409,
    code: 'REPORT_EXISTS',
    type: /\/problems\/report-exists$/,
    instance: '/v1/reports',
    existing: { id: 1, href: '/v1/reports/1', revision: 1 }
  })
  t.same(await storedCounts(), { reports: 1, revisions: 1, agencies: 1 })
})

t.test('the same agency and year as a government report is a separate report', async (t) => {
  await post(seedJson)
  await post(seedJson)
  const res = await post(reportFor({ kind: 'government' }))
  t.equal(res.statusCode, 201)
  t.equal(res.json().id, 2, 'a replay uses up no id')
})

t.test('a 2019-template report with negative 本年增/减 and the single-row 其他处理 is stored', async (t) => {
  const res = await post(report2019())
  t.equal(res.statusCode, 201)
  t.same(res.json().report, report2019())
  t.equal(res.json().template, '2019')
})

t.test('a 2021 report with the 2019 single-row 其他处理 (a mixed layout) is accepted', async (t) => {
  const mixed = seedReport()
  const res = await post({ ...mixed, requests: { ...mixed.requests, outcomes: { ...mixed.requests.outcomes, other: report2019().requests.outcomes.other } } })
  t.equal(res.statusCode, 201)
})

t.test('blank cells are kept as null, never turned into 0', async (t) => {
  const seed = seedReport()
  const body = { ...seed, reviewLitigation: { ...seed.reviewLitigation, suitDirect: { upheld: null, corrected: null, other: null, pending: null, total: null } } }
  const created = await post(body)
  t.equal(created.statusCode, 201)
  const read = await app.inject({ url: `/v1/reports/${created.json().id}` })
  t.same(read.json().report.reviewLitigation.suitDirect, { upheld: null, corrected: null, other: null, pending: null, total: null })
})

t.test('fees keep their decimals exactly', async (t) => {
  const seed = seedReport()
  const body = { ...seed, proactive: { ...seed.proactive, fees: { amountWan: 1234.567891 } } }
  const created = await post(body)
  t.equal(created.statusCode, 201)
  const read = await app.inject({ url: '/v1/reports/1' })
  t.equal(read.json().report.proactive.fees.amountWan, 1234.567891)
})

t.test('invalid input is refused with problem+json and nothing is stored', async (t) => {
  const seed = seedReport()
  const cases: Array<{ name: string, payload: string | Buffer, headers?: Record<string, string>, status: number, code: string, pointers?: string[] }> = [
    { name: 'malformed JSON', payload: '{"template": "2021",', status: 400, code: 'MALFORMED_JSON' },
    { name: 'an empty body', payload: '', status: 400, code: 'MALFORMED_JSON' },
    { name: 'a body that is not valid UTF-8', payload: Buffer.concat([Buffer.from('{"template":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]), status: 400, code: 'MALFORMED_JSON' },
    { name: 'a GBK charset', payload: seedJson, headers: { 'content-type': 'application/json; charset=gbk' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    { name: 'a text/plain body', payload: seedJson, headers: { 'content-type': 'text/plain' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    { name: 'a __proto__ key', payload: '{"__proto__": {"polluted": true}}', status: 400, code: 'MALFORMED_JSON' },
    { name: 'a JSON array', payload: '[]', status: 400, code: 'VALIDATION_ERROR', pointers: [''] },
    { name: 'an unknown template', payload: JSON.stringify({ ...seed, template: '2024' }), status: 400, code: 'VALIDATION_ERROR', pointers: ['/template'] },
    {
      name: 'unknown fields, top-level and nested',
      payload: JSON.stringify({ ...seed, remarks: 'x', requests: { ...seed.requests, newReceived: { ...seed.requests.newReceived, foreigner: 1 } } }),
      status: 400,
      code: 'VALIDATION_ERROR',
      pointers: ['/remarks', '/requests/newReceived/foreigner']
    },
    {
      name: 'a string year, a negative count, a fractional count and a wrong check digit, all at once',
      payload: JSON.stringify({
        ...seed,
        year: '2023',
        agency: { ...seed.agency, code: '11330524MB15359636' },
        requests: { ...seed.requests, newReceived: { ...seed.requests.newReceived, naturalPerson: -1, commercial: 1.5 } }
      }),
      status: 400,
      code: 'VALIDATION_ERROR',
      pointers: ['/agency/code', '/requests/newReceived/commercial', '/requests/newReceived/naturalPerson', '/year']
    },
    { name: 'a missing table', payload: JSON.stringify({ ...seed, reviewLitigation: undefined }), status: 400, code: 'VALIDATION_ERROR', pointers: ['/reviewLitigation'] },
    { name: 'a region code of 4 digits and a bad date', payload: JSON.stringify({ ...seed, agency: { ...seed.agency, regionCode: '3305' }, publication: { documentDate: '2024-02-30' } }), status: 400, code: 'VALIDATION_ERROR', pointers: ['/agency/regionCode', '/publication/documentDate'] },
    { name: 'a year before 2008', payload: JSON.stringify({ ...seed, year: 2007 }), status: 400, code: 'VALIDATION_ERROR', pointers: ['/year'] },
    { name: 'a year after the current one', payload: JSON.stringify({ ...seed, year: 2027 }), status: 400, code: 'VALIDATION_ERROR', pointers: ['/year'] },
    { name: 'a fee with 7 decimals', payload: JSON.stringify({ ...seed, proactive: { ...seed.proactive, fees: { amountWan: 0.1234567 } } }), status: 400, code: 'VALIDATION_ERROR', pointers: ['/proactive/fees/amountWan'] },
    { name: 'a negative 本年增/减 in a 2021 cell', payload: JSON.stringify({ ...seed, proactive: { ...seed.proactive, licensing: { decisions: -3 } } }), status: 400, code: 'VALIDATION_ERROR', pointers: ['/proactive/licensing/decisions'] },
    { name: 'a count above 2^53', payload: seedJson.replace('"naturalPerson": 10', '"naturalPerson": 12345678901234567890'), status: 400, code: 'VALIDATION_ERROR', pointers: ['/requests/newReceived/naturalPerson'] },
    { name: 'a body over the 1 MiB limit', payload: JSON.stringify({ ...seed, sections: { ...seed.sections, overview: 'x'.repeat(1_100_000) } }), status: 413, code: 'PAYLOAD_TOO_LARGE' }
  ]
  for (const c of cases) {
    const res = await post(c.payload, c.headers)
    t.equal(res.statusCode, c.status, `${c.name}: status`)
    t.match(res.headers['content-type'], /^application\/problem\+json/, `${c.name}: problem+json`)
    t.match(res.json(), { status: c.status, code: c.code, title: String, type: String, instance: '/v1/reports' }, `${c.name}: problem body`)
    if (c.pointers !== undefined) t.same(pointers(res), [...c.pointers].sort(), `${c.name}: every offending pointer`)
  }
  t.same(await storedCounts(), { reports: 0, revisions: 0, agencies: 0 }, 'nothing was stored')
})

t.test('validation errors name each field once, with a readable detail', async (t) => {
  const seed = seedReport()
  const res = await post({ ...seed, agency: { ...seed.agency, code: '11330524MB15359636' }, remarks: 1 })
  t.same(res.json().errors, [
    { pointer: '/remarks', location: 'body', detail: 'is not a field of this schema; unknown fields are rejected' },
    { pointer: '/agency/code', location: 'body', detail: 'must be a valid 统一社会信用代码: 18 characters whose last is the check character' }
  ])
  t.equal(res.json().detail, '2 invalid fields in the body')
})

t.test('a wrong row in 其他处理 is reported against the layout the client used', async (t) => {
  const seed = seedReport()
  const outcomes = seed.requests.outcomes
  const other = { ...outcomes.other, misc: { ...('misc' in outcomes.other ? outcomes.other.misc : {}), total: -1 } }
  const res = await post({ ...seed, requests: { ...seed.requests, outcomes: { ...outcomes, other } } })
  t.equal(res.statusCode, 400)
  t.same(pointers(res), ['/requests/outcomes/other/misc/total'])
})

t.test('PUT stores a new revision only with the current ETag', async (t) => {
  await post(seedJson)
  const revised = seedReport()
  const body = { ...revised, sections: { ...revised.sections, problems: '2023年，我局…' } }

  const missing = await put(1, body)
  t.equal(missing.statusCode, 428)
  t.equal(missing.json().code, 'PRECONDITION_REQUIRED')

  const foreign = await put(1, body, { 'if-match': '"2.1"' })
  t.equal(foreign.statusCode, 412, 'an ETag of another report is not current')

  const ok = await put(1, body, { 'if-match': '"1.1"' })
  t.equal(ok.statusCode, 200)
  t.equal(ok.headers.etag, '"1.2"')
  t.match(ok.json(), { id: 1, revision: 2, latestRevision: 2 })
  t.same(ok.json().report, body)

  const stale = await put(1, { ...body, sections: { ...body.sections, other: '另一次修改' } }, { 'if-match': '"1.1"' })
  t.equal(stale.statusCode, 412)
  t.match(stale.json(), { code: 'PRECONDITION_FAILED', detail: /"1\.2"/ })

  const unchanged = await put(1, body, { 'if-match': '"1.2"' })
  t.equal(unchanged.statusCode, 200, 'the same body again stores nothing')
  t.equal(unchanged.headers.etag, '"1.2"')

  const star = await put(1, seedReport(), { 'if-match': '*' })
  t.equal(star.statusCode, 200)
  t.equal(star.json().revision, 3)
  t.same(await storedCounts(), { reports: 1, revisions: 3, agencies: 1 })
})

t.test('every revision stays readable and listed', async (t) => {
  await post(seedJson)
  const revised = { ...seedReport(), publication: { publishedDate: '2024-02-01' } }
  await put(1, revised, { 'if-match': '"1.1"' })

  const first = await app.inject({ url: '/v1/reports/1?revision=1' })
  t.equal(first.statusCode, 200)
  t.same(first.json().report, seedReport())
  t.equal(first.json().revision, 1)
  t.equal(first.json().latestRevision, 2)
  t.equal(first.json().links.self, '/v1/reports/1?revision=1')
  t.equal(first.headers.etag, '"1.2.r1"')

  const latest = await app.inject({ url: '/v1/reports/1' })
  t.same(latest.json().report, revised)

  const revisions = await app.inject({ url: '/v1/reports/1/revisions' })
  t.equal(revisions.statusCode, 200)
  t.equal(revisions.headers['last-modified'], new Date(revisions.json().items[1].createdAt).toUTCString(), 'Last-Modified is the newest revision\'s time')
  t.match(revisions.json(), {
    reportId: 1,
    items: [{ revision: 1, template: '2021', href: '/v1/reports/1?revision=1' }, { revision: 2, template: '2021', href: '/v1/reports/1?revision=2' }]
  })
  t.equal(revisions.json().items.length, 2)

  const absent = await app.inject({ url: '/v1/reports/1?revision=3' })
  t.equal(absent.statusCode, 404)
  t.equal(absent.json().code, 'REVISION_NOT_FOUND')
})

t.test('PUT refuses to change the agency, year or kind, and unknown ids', async (t) => {
  await post(seedJson)
  const moved = await put(1, reportFor({ year: 2022 }), { 'if-match': '"1.1"' })
  t.equal(moved.statusCode, 422)
  t.equal(moved.json().code, 'REPORT_KEY_CHANGED')

  const unknown = await put(99, seedReport(), { 'if-match': '"99.1"' })
  t.equal(unknown.statusCode, 404)
  t.equal(unknown.json().code, 'REPORT_NOT_FOUND')

  const invalid = await put(1, { ...seedReport(), year: 'x' }, { 'if-match': '"1.1"' })
  t.equal(invalid.statusCode, 400)
  t.same(await storedCounts(), { reports: 1, revisions: 1, agencies: 1 })
})

t.test('GET answers 304 to a current If-None-Match and 200 once the report changed', async (t) => {
  await post(seedJson)
  const cached = await app.inject({ url: '/v1/reports/1', headers: { 'if-none-match': '"1.1"' } })
  t.equal(cached.statusCode, 304)
  t.equal(cached.body, '')
  t.equal(cached.headers.etag, '"1.1"')
  t.notOk(cached.headers['content-type'], 'a 304 has no body, so no content type')

  const weak = await app.inject({ url: '/v1/reports/1', headers: { 'if-none-match': 'W/"1.1", "x"' } })
  t.equal(weak.statusCode, 304, 'If-None-Match compares weakly and accepts lists')

  await put(1, { ...seedReport(), publication: {} }, { 'if-match': '"1.1"' })
  const fresh = await app.inject({ url: '/v1/reports/1', headers: { 'if-none-match': '"1.1"' } })
  t.equal(fresh.statusCode, 200)
  t.equal(fresh.headers.etag, '"1.2"')
})

t.test('a conditional GET answers as an unconditional one: 404s, an older revision\'s tag, and the whole answer when stale', async (t) => {
  await post(seedJson)
  await put(1, { ...seedReport(), publication: {} }, { 'if-match': '"1.1"' })
  const unknown = await app.inject({ url: '/v1/reports/42', headers: { 'if-none-match': '"42.1"' } })
  t.equal(unknown.statusCode, 404)
  t.match(unknown.json(), { code: 'REPORT_NOT_FOUND', detail: 'No report has id 42.' })
  const beyond = await app.inject({ url: '/v1/reports/1?revision=3', headers: { 'if-none-match': '"1.2"' } })
  t.equal(beyond.statusCode, 404)
  t.match(beyond.json(), { code: 'REVISION_NOT_FOUND', detail: 'Report 1 has revisions 1 to 2; there is no revision 3.' })

  const older = await app.inject({ url: '/v1/reports/1?revision=1', headers: { 'if-none-match': '"1.2.r1"' } })
  t.equal(older.statusCode, 304, 'an older revision\'s own tag')
  t.same([older.headers.etag, older.headers['cache-control'], older.headers.vary], ['"1.2.r1"', 'no-cache', 'Accept'])
  const page = await app.inject({ url: '/v1/reports/1', headers: { 'if-none-match': '"1.2-html"', accept: 'text/html' } })
  t.equal(page.statusCode, 304, 'the page\'s tag')

  const stale = await app.inject({ url: '/v1/reports/1', headers: { 'if-none-match': '"1.1"' } })
  const plain = await app.inject({ url: '/v1/reports/1' })
  t.equal(stale.statusCode, 200)
  t.equal(stale.body, plain.body, 'the same body as without the header')
  t.same([stale.headers.etag, stale.headers['content-type']], [plain.headers.etag, plain.headers['content-type']])
})

t.test('GET of an unknown or malformed id', async (t) => {
  const unknown = await app.inject({ url: '/v1/reports/42' })
  t.equal(unknown.statusCode, 404)
  t.match(unknown.json(), { code: 'REPORT_NOT_FOUND', status: 404, detail: 'No report has id 42.' })

  const malformed = await app.inject({ url: '/v1/reports/abc' })
  t.equal(malformed.statusCode, 400)
  t.same(malformed.json().errors, [{ pointer: '/id', location: 'params', detail: 'must be integer' }])

  const revisions = await app.inject({ url: '/v1/reports/42/revisions' })
  t.equal(revisions.statusCode, 404)

  for (const id of ['0', '-1', '1.5', '99999999999999999999']) {
    const res = await app.inject({ url: `/v1/reports/${id}` })
    t.equal(res.statusCode, 400, `id ${id} is refused, not a database error`)
    t.same(pointers(res), ['/id'])
  }
})

t.test('GET /v1/reports filters and pages through reports in a stable order', async (t) => {
  const huzhou = creditCode('11330500MB1234567')
  const hangzhou = creditCode('11330100MB7654321')
  const bodies = [
    seedReport(),
    reportFor({ year: 2022 }),
    reportFor({ code: huzhou, name: '湖州市某局', regionCode: '330500' }),
    reportFor({ code: huzhou, name: '湖州市某局', regionCode: '330500', kind: 'government' }),
    reportFor({ code: hangzhou, name: '杭州市某局', regionCode: '330100' }),
    { ...report2019(), agency: { code: hangzhou, name: '杭州市某局', regionCode: '330100' } }
  ]
  for (const body of bodies) t.equal((await post(body)).statusCode, 201)

  const list = async (query: string) => await app.inject({ url: `/v1/reports${query}` })
  const ids = async (query: string) => (await list(query)).json().items.map((item: { id: number }) => item.id)

  t.same(await ids(''), [1, 2, 3, 4, 5, 6])
  t.same(await ids('?region=3305'), [1, 2, 3, 4], 'region is a prefix: 3305 = 湖州市')
  t.same(await ids('?region=330502'), [1, 2])
  t.same(await ids('?region=33&year=2023'), [1, 3, 4, 5])
  t.same(await ids('?kind=government'), [4])
  t.same(await ids('?template=2019'), [6])
  t.same(await ids(`?agency=${huzhou}`), [3, 4])

  const item = (await list('?limit=1')).json().items[0]
  t.same(Object.keys(item).sort(), ['agencyCode', 'agencyName', 'counts', 'createdAt', 'href', 'id', 'kind', 'latestRevision', 'regionCode', 'status', 'template', 'updatedAt', 'year'])

  const seen: number[] = []
  let next: string | null = '/v1/reports?region=33&limit=4'
  let pages = 0
  while (next !== null) {
    const page = await app.inject({ url: next })
    t.equal(page.statusCode, 200)
    const json: { items: Array<{ id: number }>, next: string | null } = page.json()
    seen.push(...json.items.map((i) => i.id))
    if (json.next !== null) t.equal(page.headers.link, `<${json.next}>; rel="next"`)
    else t.notOk(page.headers.link)
    next = json.next
    pages++
  }
  t.same(seen, [1, 2, 3, 4, 5, 6], 'every report once, in order')
  t.equal(pages, 2)

  for (const [query, pointer] of [['?cursor=bogus', '/cursor'], ['?limit=501', '/limit'], ['?limit=0', '/limit'], ['?region=3', '/region'], ['?colour=red', '/colour'], ['?year=last', '/year']] as const) {
    const res = await list(query)
    t.equal(res.statusCode, 400, `${query} is refused`)
    t.same(pointers(res), [pointer])
    t.equal(res.json().errors[0].location, 'querystring')
  }
})

t.test('one ETag names one sequence of bytes: POST, PUT, replays and GET answer the same body under the same tag', async (t) => {
  const bodiesByTag = new Map<string, Set<string>>()
  const record = <Answer extends { headers: Record<string, unknown>, body: string }>(res: Answer): Answer => {
    const tag = String(res.headers.etag)
    bodiesByTag.set(tag, (bodiesByTag.get(tag) ?? new Set()).add(res.body))
    return res
  }
  const read = async () => record(await app.inject({ url: '/v1/reports/1' }))

  record(await post(seedJson))
  await read()
  // The same report with its keys in another order and other spacing is the same report, answered as stored.
  const reordered = JSON.stringify(Object.fromEntries(Object.entries(seedReport()).reverse()), null, 2)
  t.equal(record(await post(reordered)).statusCode, 200)
  const revised = { ...seedReport(), publication: { ...seedReport().publication, documentDate: '2024-02-01' } }
  t.equal(record(await put(1, revised, { 'if-match': '"1.1"' })).headers.etag, '"1.2"')
  await read()
  t.equal(record(await put(1, revised, { 'if-match': '"1.2"' })).statusCode, 200, 'an unchanged revision')
  // The prior year arriving recomputes this report's results: the representation changes, so does its tag.
  await post(reportFor({ year: 2022 }))
  const afterPrior = await read()
  t.not(afterPrior.headers.etag, '"1.2"', 'results recomputed from the prior year change the tag')
  t.equal(afterPrior.json().latestRevision, 2, 'while the revision stays')
  record(await put(1, revised, { 'if-match': String(afterPrior.headers.etag) }))

  t.same([...bodiesByTag.keys()], ['"1.1"', '"1.2"', afterPrior.headers.etag])
  for (const [tag, bodies] of bodiesByTag) t.equal(bodies.size, 1, `every answer tagged ${tag} has the same bytes`)
})
