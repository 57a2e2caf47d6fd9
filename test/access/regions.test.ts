/**
 * Who may write which agency, decided inside each write's transaction: racing keys, refused and conflicting
 * writes that change nothing, the region inside the credit code, bulk lines judged one by one, admins moving
 * agencies, reviews scoped like writes and the request ids of the audit trail.
 */
import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import t from 'tap'
import { build, createTestDatabase, makeKey, resetDb } from '../helper.js'
import { creditCode, reportFor } from '../fixtures.js'

const { url, db } = await createTestDatabase(t)
const app = await build(t, url, { authenticated: false })
t.beforeEach(async () => await resetDb(db))

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const post = async (body: unknown, token: string, headers: Record<string, string> = {}) =>
  await app.inject({ method: 'POST', url: '/v1/reports', headers: { ...bearer(token), ...headers }, payload: body as object })
const bulk = async (bodies: readonly unknown[], token: string) => {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/reports:bulk',
    headers: { ...bearer(token), 'content-type': 'application/x-ndjson' },
    payload: bodies.map((body) => JSON.stringify(body)).join('\n')
  })
  return res.body.trimEnd().split('\n').map((line) => JSON.parse(line))
}

async function storedAgency (code: string): Promise<{ name: string, region_code: string } | undefined> {
  const { rows } = await sql<{ name: string, region_code: string }>`select name, region_code from agency where code = ${code}`.execute(db)
  return rows[0]
}

async function counts (): Promise<{ revisions: number, events: number, audit: number, agencies: number }> {
  const { rows } = await sql<{ revisions: string, events: string, audit: string, agencies: string }>`select
    (select count(*) from report_revision) as revisions, (select count(*) from report_event) as events,
    (select count(*) from audit_entry where action <> 'key.created') as audit, (select count(*) from agency) as agencies`.execute(db)
  const row = rows[0]
  return { revisions: Number(row?.revisions), events: Number(row?.events), audit: Number(row?.audit), agencies: Number(row?.agencies) }
}

/** A 湖州-registered agency (code region 330500), as two counties' keys might each claim it. */
const huzhouAgency = (n: number) => creditCode(`11330500MB${String(n).padStart(7, '0')}`)

t.test('two keys of different regions racing on one new agency: one creates it, the other is refused and moves nothing', async (t) => {
  const wuxing = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['330502'] })
  const changxing = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['330522'] })
  const ROUNDS = 20
  for (let round = 0; round < ROUNDS; round++) {
    const code = huzhouAgency(round)
    const [first, second] = await Promise.all([
      post(reportFor({ code, regionCode: '330502', name: `吴兴区某局${round}` }), wuxing.token),
      post(reportFor({ code, regionCode: '330522', name: `长兴县某局${round}` }), changxing.token)
    ])
    const statuses = [first.statusCode, second.statusCode].sort()
    t.same(statuses, [201, 403], `round ${round}: one created, the other refused`)
    const winner = first.statusCode === 201 ? { region: '330502', name: `吴兴区某局${round}` } : { region: '330522', name: `长兴县某局${round}` }
    t.same(await storedAgency(code), { name: winner.name, region_code: winner.region }, `round ${round}: the agency stays where its creator put it`)
  }
  t.equal((await counts()).revisions, ROUNDS)
})

t.test('a POST answered 409 changes nothing: no rename, no move, no audit entry, no event', async (t) => {
  const huzhou = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['3305'] })
  const code = huzhouAgency(1)
  t.equal((await post(reportFor({ code, regionCode: '330502', name: '吴兴区某局' }), huzhou.token)).statusCode, 201)
  const before = await counts()

  const renamed = reportFor({ code, regionCode: '330502', name: '改名后的局' })
  const conflict = await post({ ...renamed, sections: { ...renamed.sections, other: '另一份' } }, huzhou.token)
  t.equal(conflict.statusCode, 409)
  t.equal(conflict.json().code, 'REPORT_EXISTS')
  t.same(await storedAgency(code), { name: '吴兴区某局', region_code: '330502' }, 'not renamed')

  const moved = await post(reportFor({ code, regionCode: '330522', name: '长兴县某局' }), huzhou.token)
  t.equal(moved.statusCode, 409)
  t.match(moved.json(), { code: 'AGENCY_REGION_CONFLICT', storedRegionCode: '330502' })
  const nextYear = await post(reportFor({ code, regionCode: '330522', name: '长兴县某局', year: 2024 }), huzhou.token)
  t.equal(nextYear.json().code, 'AGENCY_REGION_CONFLICT', 'not even through another year\'s report')
  t.same(await storedAgency(code), { name: '吴兴区某局', region_code: '330502' }, 'not moved')
  t.same(await counts(), before, 'nothing written')
})

t.test('an agency key cannot move its agency to another region', async (t) => {
  const code = huzhouAgency(2)
  const own = await makeKey(db, { scopes: ['reports:write'], agencyCodes: [code] })
  t.equal((await post(reportFor({ code, regionCode: '330502' }), own.token)).statusCode, 201)
  for (const regionCode of ['330522', '330100']) {
    const res = await post(reportFor({ code, regionCode, year: 2024 }), own.token)
    t.equal(res.statusCode, 409, regionCode)
    t.equal(res.json().code, 'AGENCY_REGION_CONFLICT')
  }
  const put = await app.inject({ method: 'PUT', url: '/v1/reports/1', headers: { ...bearer(own.token), 'if-match': '*' }, payload: reportFor({ code, regionCode: '330100' }) })
  t.equal(put.json().code, 'AGENCY_REGION_CONFLICT', 'nor by revising')
  t.equal((await storedAgency(code))?.region_code, '330502')
})

t.test('a new agency\'s region must lie in the city of its credit code, unless an admin places it', async (t) => {
  const huzhou = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['3305'] })
  const hangzhou = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['3301'] })
  const admin = await makeKey(db, { scopes: ['admin'] })
  const hangzhouCode = creditCode('11330100MB7654321')

  const claimed = await post(reportFor({ code: hangzhouCode, regionCode: '330502', name: '杭州市某局' }), huzhou.token)
  t.equal(claimed.statusCode, 422)
  t.match(claimed.json(), { code: 'AGENCY_REGION_MISMATCH', registeredRegion: '330100' })
  t.equal(await storedAgency(hangzhouCode), undefined, 'nothing stored')
  const county = await post(reportFor({ regionCode: '330502' }), huzhou.token)
  t.equal(county.statusCode, 201, 'the seed\'s agency, registered in 330524, reports for 330502: the same city')

  const placed = await app.inject({
    method: 'PUT',
    url: `/v1/admin/agencies/${hangzhouCode}/region`,
    headers: bearer(admin.token),
    payload: { regionCode: '330502', reason: '机构改革划转湖州市吴兴区', name: '杭州市某局' }
  })
  t.equal(placed.statusCode, 200)
  t.same(placed.json(), { code: hangzhouCode, name: '杭州市某局', regionCode: '330502', previousRegionCode: null, movedReports: 0 })
  t.equal((await post(reportFor({ code: hangzhouCode, regionCode: '330502', name: '杭州市某局' }), huzhou.token)).statusCode, 201, 'placed by an admin: allowed')
  t.equal((await post(reportFor({ code: hangzhouCode, regionCode: '330100', name: '杭州市某局', kind: 'government' }), hangzhou.token)).statusCode, 403,
    'the region of the code no longer opens it')

  const unnamed = await app.inject({
    method: 'PUT', url: `/v1/admin/agencies/${huzhouAgency(9)}/region`, headers: bearer(admin.token), payload: { regionCode: '330502', reason: '新设' }
  })
  t.equal(unnamed.json().code, 'AGENCY_NAME_REQUIRED')
  const notAdmin = await app.inject({
    method: 'PUT', url: `/v1/admin/agencies/${hangzhouCode}/region`, headers: bearer(huzhou.token), payload: { regionCode: '330100', reason: '试图' }
  })
  t.equal(notAdmin.statusCode, 403, 'only admins move agencies')
})

t.test('an admin moves an agency with its reports: audited, one feed event per report, ETags change', async (t) => {
  const wuxing = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['330502'] })
  const changxing = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['330522'] })
  const admin = await makeKey(db, { scopes: ['admin'] })
  const code = huzhouAgency(3)
  await post(reportFor({ code, regionCode: '330502', year: 2022 }), wuxing.token)
  await post(reportFor({ code, regionCode: '330502', year: 2023 }), wuxing.token)
  const etag = (await app.inject({ url: '/v1/reports/2' })).headers.etag

  const moved = await app.inject({
    method: 'PUT', url: `/v1/admin/agencies/${code}/region`, headers: { ...bearer(admin.token), 'x-request-id': 'ops-7' }, payload: { regionCode: '330522', reason: '行政区划调整' }
  })
  t.same(moved.json(), { code, name: reportFor({}).agency.name, regionCode: '330522', previousRegionCode: '330502', movedReports: 2 })
  const report = await app.inject({ url: '/v1/reports/2' })
  t.equal(report.json().regionCode, '330522')
  t.not(report.headers.etag, etag, 'the ETag changed')
  t.equal(report.json().report.agency.regionCode, '330502', 'the stored revision is kept as it was sent')
  const listed = await app.inject({ url: '/v1/reports?region=330522' })
  t.equal(listed.json().items.length, 2)

  const feed = (await app.inject({ url: '/v1/feed' })).json().items.filter((event: { type: string }) => event.type === 'region_changed')
  t.match(feed, [{ reportId: 1, revision: 1 }, { reportId: 2, revision: 1 }])
  const audit = await app.inject({ url: `/v1/admin/audit?action=agency.moved&agencyCode=${code}`, headers: bearer(admin.token) })
  t.match(audit.json().items, [{
    action: 'agency.moved', keyId: admin.key.id, agencyCode: code, clientRequestId: 'ops-7', requestId: moved.headers['x-request-id'],
    details: { fromRegionCode: '330502', toRegionCode: '330522', reason: '行政区划调整' }
  }])

  const revise = async (token: string, regionCode: string) => await app.inject({
    method: 'PUT', url: '/v1/reports/2', headers: { ...bearer(token), 'if-match': '*' }, payload: { ...reportFor({ code, regionCode }), sections: { ...reportFor({}).sections, other: '修订' } }
  })
  t.equal((await revise(wuxing.token, '330502')).statusCode, 403, 'the old region\'s key is out')
  t.equal((await revise(changxing.token, '330522')).statusCode, 200, 'the new region\'s key is in')

  const again = await app.inject({
    method: 'PUT', url: `/v1/admin/agencies/${code}/region`, headers: bearer(admin.token), payload: { regionCode: '330522', reason: '重复' }
  })
  t.equal(again.json().movedReports, 0)
  t.equal((await app.inject({ url: '/v1/admin/audit?action=agency.moved', headers: bearer(admin.token) })).json().items.length, 1, 'placing it where it is is not a move')
})

t.test('bulk checks the stored report\'s region, as PUT does', async (t) => {
  const hangzhou = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['3301'] })
  const huzhou = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['3305'] })
  const code = creditCode('11330500MB7654321')
  const admin = await makeKey(db, { scopes: ['admin'] })
  await app.inject({ method: 'PUT', url: `/v1/admin/agencies/${code}/region`, headers: bearer(admin.token), payload: { regionCode: '330100', reason: '市直派驻', name: '派驻机构' } })
  t.equal((await post(reportFor({ code, regionCode: '330100', name: '派驻机构' }), hangzhou.token)).statusCode, 201)
  // An agency whose stored region and report's region came apart, as racing writes used to leave them.
  await sql`update agency set region_code = '330502' where code = ${code}`.execute(db)

  const lines = await bulk([{ ...reportFor({ code, regionCode: '330502', name: '派驻机构' }), sections: { ...reportFor({}).sections, other: '改写' } }], huzhou.token)
  t.match(lines, [{ line: 1, outcome: 'rejected', problem: { code: 'FORBIDDEN' } }, { summary: { rejected: 1 } }])
  t.equal((await counts()).revisions, 1, 'the report is not revised')
  const put = await app.inject({
    method: 'PUT', url: '/v1/reports/1', headers: { ...bearer(huzhou.token), 'if-match': '*' }, payload: { ...reportFor({ code, regionCode: '330502', name: '派驻机构' }), sections: { ...reportFor({}).sections, other: '改写' } }
  })
  t.equal(put.statusCode, 403, 'the same answer as PUT')
})

t.test('bulk judges each line alone: an out-of-scope line does not reject the others of its agency', async (t) => {
  const huzhou = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['3305'] })
  const code = huzhouAgency(4)
  const lines = await bulk([
    reportFor({ code, regionCode: '330502', year: 2023 }),
    reportFor({ code, regionCode: '330100', year: 2022 }),
    reportFor({ code, regionCode: '330522', year: 2021 }),
    reportFor({ code, regionCode: '330502', year: 2022, kind: 'government' }),
    reportFor({ code: creditCode('11330100MB0000001'), regionCode: '330502' })
  ], huzhou.token)
  t.match(lines, [
    { line: 1, outcome: 'stored' },
    { line: 2, outcome: 'rejected', problem: { code: 'FORBIDDEN' } },
    { line: 3, outcome: 'rejected', problem: { code: 'AGENCY_REGION_CONFLICT', storedRegionCode: '330502' } },
    { line: 4, outcome: 'stored' },
    { line: 5, outcome: 'rejected', problem: { code: 'AGENCY_REGION_MISMATCH', registeredRegion: '330100' } },
    { summary: { stored: 2, rejected: 3 } }
  ])
  t.same(await storedAgency(code), { name: reportFor({}).agency.name, region_code: '330502' })
  t.equal((await counts()).revisions, 2)
})

t.test('imports?store=true is judged as POST is, inside its transaction', async (t) => {
  const hangzhou = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['3301'] })
  const huzhou = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['3305'] })
  const page = readFileSync(new URL('../fixtures/html/seed-2023.html', import.meta.url), 'utf8')
  const importPage = async (token: string, regionCode: string) => await app.inject({
    method: 'POST',
    url: `/v1/imports?store=true&agencyCode=${reportFor({}).agency.code}&agencyName=${encodeURIComponent('吴兴区发改经信局')}&regionCode=${regionCode}&kind=agency`,
    headers: { ...bearer(token), 'content-type': 'text/html; charset=utf-8' },
    payload: page
  })
  t.equal((await importPage(hangzhou.token, '330502')).statusCode, 403)
  t.equal((await importPage(hangzhou.token, '330100')).json().code, 'AGENCY_REGION_MISMATCH')
  t.equal((await counts()).agencies, 0, 'nothing stored')
  const stored = await importPage(huzhou.token, '330502')
  t.equal(stored.statusCode, 200)
  t.equal(stored.json().stored.outcome, 'created')
  t.equal((await importPage(huzhou.token, '330522')).json().code, 'AGENCY_REGION_CONFLICT')
})

t.test('a review key reviews the findings of its agencies and regions only', async (t) => {
  const writer = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['33'] })
  await post(reportFor({}), writer.token)
  await post(reportFor({ code: creditCode('11330100MB7654321'), regionCode: '330100', name: '杭州市某局' }), writer.token)
  const findingOf = async (reportId: number) => (await app.inject({ url: `/v1/reports/${reportId}/findings` })).json().items[0].id as number
  const review = async (token: string, findingId: number) => await app.inject({
    method: 'PATCH', url: `/v1/findings/${findingId}`, headers: bearer(token), payload: { decision: 'acknowledged', reason: '已核实' }
  })
  const huzhouReviewer = await makeKey(db, { scopes: ['findings:review'], regionPrefixes: ['3305'] })
  const agencyReviewer = await makeKey(db, { scopes: ['findings:review'], agencyCodes: [reportFor({}).agency.code] })
  const hangzhouFinding = await findingOf(2)
  const refused = await review(huzhouReviewer.token, hangzhouFinding)
  t.equal(refused.statusCode, 403)
  t.equal(refused.json().code, 'FORBIDDEN')
  t.equal((await review(agencyReviewer.token, hangzhouFinding)).statusCode, 403)
  t.equal((await review(huzhouReviewer.token, await findingOf(1))).statusCode, 200)
  t.equal((await review(agencyReviewer.token, await findingOf(1))).statusCode, 200)
  const { rows } = await sql<{ count: string }>`select count(*) from finding_review`.execute(db)
  t.equal(Number(rows[0]?.count), 2, 'refused reviews store nothing')
  await t.rejects(makeKey(db, { scopes: ['findings:review'] }), { code: 'INVALID_GRANT' }, 'a review key must name agencies or regions')
})

t.test('the audit trail stores the server\'s request id, and the client\'s x-request-id beside it', async (t) => {
  const huzhou = await makeKey(db, { scopes: ['reports:write'], regionPrefixes: ['3305'] })
  const admin = await makeKey(db, { scopes: ['admin'] })
  const first = await post(reportFor({}), huzhou.token, { 'x-request-id': 'portal-42' })
  const second = await post(reportFor({ kind: 'government' }), huzhou.token, { 'x-request-id': 'portal-42' })
  const third = await post(reportFor({ year: 2022 }), huzhou.token)
  const ids = [first, second, third].map((res) => res.headers['x-request-id'])
  for (const id of ids) t.match(id, /^[0-9a-f-]{36}$/, 'the answer names the id this service gave the request')
  t.equal(new Set(ids).size, 3, 'one id per request, even when the client reuses its own')
  const audit = (await app.inject({ url: `/v1/admin/audit?keyId=${huzhou.key.id}`, headers: bearer(admin.token) })).json().items
  t.match(audit, [
    { requestId: ids[0], clientRequestId: 'portal-42' },
    { requestId: ids[1], clientRequestId: 'portal-42' },
    { requestId: ids[2], clientRequestId: null }
  ])
})
