import t from 'tap'
import type { AnnualReport } from '../../src/domain/report.js'
import { build, createTestDatabase, resetDb } from '../helper.js'
import { creditCode, reportFor } from '../fixtures.js'

const { url, db } = await createTestDatabase(t)
const app = await build(t, url)

t.beforeEach(async () => await resetDb(db))

const REGION = '330502'

/** Replaces every number in tables 三 and 四 by `cell(pointer, seed's value)`. */
function withTables (body: AnnualReport, cell: (pointer: string, value: number | null) => number | null): AnnualReport {
  const walk = (node: unknown, path: string): unknown => {
    if (node === null || typeof node === 'number') return cell(path, node)
    if (typeof node !== 'object') return node
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value, `${path}/${key}`)]))
  }
  return { ...body, requests: walk(body.requests, '/requests'), reviewLitigation: walk(body.reviewLitigation, '/reviewLitigation') } as AnnualReport
}

const scaled = (body: AnnualReport, factor: number) => withTables(body, (_, value) => value === null ? null : value * factor)

const summary = scaled(reportFor({ code: creditCode('11330502MB0000001'), name: '湖州市吴兴区人民政府', kind: 'government' }), 2)
const department = (stem: string, name: string) => reportFor({ code: creditCode(stem), name, regionCode: REGION })
const partA = department('11330502MB0000011', '吴兴区教育局')
const partB = department('11330502MB0000021', '吴兴区民政局')
/** Only 本年新收 (and 上年结转, 结转下年度 kept): the seed's requests received once more, nothing else. */
const partC = withTables(department('11330502MB0000031', '吴兴区自然资源和规划分局'),
  (pointer, value) => pointer.startsWith('/requests/newReceived/') ? value : 0)
const elsewhere = reportFor({ code: creditCode('11330503MB0000041'), name: '南浔区民政局', regionCode: '330503' })

interface FindingJson { id: number, ruleId: string, status: string, pointers: string[], expected: unknown, actual: unknown, difference: unknown, context: Record<string, unknown>, fingerprint: string, review: unknown }

async function store (body: AnnualReport): Promise<number> {
  const res = await app.inject({ method: 'POST', url: '/v1/reports', payload: body })
  t.equal(res.statusCode, 201, res.body)
  return res.json().id
}

async function idOf (body: AnnualReport): Promise<number> {
  const res = await app.inject({ url: `/v1/reports?agency=${body.agency.code}&kind=${body.kind}&year=${body.year}` })
  return res.json().items[0].id
}

async function govFindings (id: number): Promise<FindingJson[]> {
  return (await app.inject({ url: `/v1/reports/${id}/findings?rule=GOV-PARTS` })).json().items
}

/** What a reviewer compares: the summary's GOV-PARTS findings and its counts, without ids and times. */
async function summaryResult (): Promise<unknown> {
  const id = await idOf(summary)
  const findings = (await govFindings(id)).map(({ id: _id, review: _review, ...finding }) => finding)
  const report = (await app.inject({ url: `/v1/reports/${id}` })).json()
  const rules = (await app.inject({ url: `/v1/reports/${id}/findings` })).json().items.map((f: FindingJson) => f.ruleId)
  return { findings, rules, status: report.status, counts: report.counts }
}

const NEW_RECEIVED_CELLS = Object.entries(summary.requests.newReceived).filter(([, value]) => value !== null && value > 0).map(([column]) => `/requests/newReceived/${column}`)

t.test('the rule is in the catalogue, and says it is a lower bound', async (t) => {
  const rules = (await app.inject({ url: '/v1/rules' })).json().items
  const rule = rules.find((entry: { id: string }) => entry.id === 'GOV-PARTS')
  t.match(rule, { id: 'GOV-PARTS', severity: 'warning', needsPrevious: false })
  t.match(rule.description, /lower bound/)
})

t.test('parts after the summary: not assessable, then nothing while the parts fit, then a finding naming cell, sum, value and contributors', async (t) => {
  const id = await store(summary)
  t.match(await govFindings(id), [{ status: 'not_assessable', pointers: [] }], 'no department stored yet')

  await store(partA)
  await store(partB)
  t.same(await govFindings(id), [], 'two parts of the seed\'s size add up to the summary (twice the seed): equal is no finding')

  const before = (await app.inject({ url: `/v1/reports/${id}` })).json().counts
  await store(partC)
  const findings = await govFindings(id)
  t.same(findings.map((f) => f.pointers[0]), NEW_RECEIVED_CELLS, 'only the cells the third part pushed over the summary')
  const total = findings.find((f) => f.pointers[0] === '/requests/newReceived/total')
  const seedTotal = partA.requests.newReceived.total ?? 0
  t.match(total, {
    status: 'failed',
    expected: 3 * seedTotal,
    actual: 2 * seedTotal,
    difference: -seedTotal,
    context: { partsSum: 3 * seedTotal, summaryValue: 2 * seedTotal, departments: 3 }
  })
  // Ties are listed in agency-code order.
  t.same((total?.context.topContributors as Array<{ agencyCode: string }>).map((c) => c.agencyCode),
    [partA.agency.code, partB.agency.code, partC.agency.code])

  const after = (await app.inject({ url: `/v1/reports/${id}` })).json().counts
  t.same(after, { ...before, warning: before.warning + NEW_RECEIVED_CELLS.length, notAssessable: before.notAssessable }, 'the summary\'s counts follow')
  const feed = (await app.inject({ url: '/v1/feed' })).json().items
  t.same(feed.filter((event: { reportId: number }) => event.reportId === id).map((event: { type: string }) => event.type),
    ['revision_stored', 'findings_recomputed', 'findings_recomputed', 'findings_recomputed'],
    'every part stored recomputes the summary, in the feed')
})

t.test('a department of another region or year, and the summary itself, are never parts', async (t) => {
  const id = await store(summary)
  await store(elsewhere)
  await store(reportFor({ code: partA.agency.code, name: partA.agency.name, regionCode: REGION, year: 2022 }))
  t.match(await govFindings(id), [{ status: 'not_assessable' }])
  const parts = (await app.inject({ url: `/v1/reports/${id}/parts` })).json()
  t.equal(parts.departments.count, 0)
})

t.test('parts before the summary, revised parts and a reviewer\'s decision', async (t) => {
  await store(partA)
  await store(partB)
  const c = await store(partC)
  const id = await store(summary)
  const findings = await govFindings(id)
  t.same(findings.map((f) => f.pointers[0]), NEW_RECEIVED_CELLS, 'a summary stored last is checked against the parts already stored')
  const warningsWith = (await app.inject({ url: `/v1/reports/${id}` })).json().counts.warning

  const total = findings.find((f) => f.pointers[0] === '/requests/newReceived/total')
  const decided = await app.inject({ method: 'PATCH', url: `/v1/findings/${total?.id}`, payload: { decision: 'acknowledged', reason: '已请区政府办核实汇总口径' } })
  t.equal(decided.statusCode, 200, decided.body)

  const revise = async (body: AnnualReport) => {
    const etag = (await app.inject({ url: `/v1/reports/${c}` })).headers.etag as string
    t.equal((await app.inject({ method: 'PUT', url: `/v1/reports/${c}`, headers: { 'if-match': etag }, payload: body })).statusCode, 200)
  }
  // A revision of a part's prose leaves the summary's findings as they were.
  const reworded = { ...partC, sections: { ...partC.sections, other: '本机关无其他需要报告的事项。' } }
  await revise(reworded)
  t.equal((await govFindings(id)).find((f) => f.fingerprint === total?.fingerprint)?.id, total?.id, 'unchanged, so not rewritten')

  // A revision of its counts recomputes the summary's findings; the decision follows the finding by fingerprint.
  await revise(withTables(reworded, (pointer, value) => pointer === '/requests/newReceived/total' && value !== null ? value + 1 : value))
  const recomputed = (await govFindings(id)).find((f) => f.fingerprint === total?.fingerprint)
  t.not(recomputed?.id, total?.id, 'recomputed')
  t.match(recomputed, { expected: 3 * (partA.requests.newReceived.total ?? 0) + 1, review: { decision: 'acknowledged' } }, 'the decision survived')

  // A revision that takes the requests back out: the parts fit again.
  await revise(withTables(reworded, () => 0))
  t.same(await govFindings(id), [])
  t.equal((await app.inject({ url: `/v1/reports/${id}` })).json().counts.warning, warningsWith - NEW_RECEIVED_CELLS.length)
})

t.test('a department that moves to another region leaves its old summary', async (t) => {
  const id = await store(summary)
  const c = await store(partC)
  await store(partA)
  await store(partB)
  t.equal((await govFindings(id)).length, NEW_RECEIVED_CELLS.length)
  const moved = await app.inject({ method: 'PUT', url: `/v1/admin/agencies/${partC.agency.code}/region`, payload: { regionCode: '330503', reason: '机构改革划转南浔区' } })
  t.equal(moved.statusCode, 200, moved.body)
  t.same(await govFindings(id), [])
  const events = (await app.inject({ url: '/v1/feed' })).json().items
  t.match(events.at(-1), { type: 'findings_recomputed', reportId: id }, 'the feed records the summary it left')
  t.equal((await app.inject({ url: `/v1/reports/${c}` })).json().regionCode, '330503')
})

t.test('blanks count as 0, in the parts and in the summary', async (t) => {
  const blankSummary = withTables(summary, (pointer, value) => pointer === '/reviewLitigation/review/total' ? null : value)
  const id = await store(blankSummary)
  const blankPart = withTables(partA, (pointer, value) => pointer.startsWith('/requests/newReceived/') ? null : value)
  await store(blankPart)
  await store(partB)
  const reviewTotal = partA.reviewLitigation.review.total ?? 0
  const findings = await govFindings(id)
  // 本年新收 of A is blank: A + B = 1× the seed, within the summary's 2×. Its blank 复议 总计 is exceeded when any part has one.
  t.same(findings.map((f) => f.pointers[0]), reviewTotal > 0 ? ['/reviewLitigation/review/total'] : [])
  if (reviewTotal > 0) t.match(findings[0], { expected: 2 * reviewTotal, actual: 0, context: { summaryValue: null } })
  const parts = (await app.inject({ url: `/v1/reports/${id}/parts` })).json()
  t.match(parts.headline, { pointer: '/requests/newReceived/total', partsSum: partB.requests.newReceived.total })
})

/** A few orders of storing the summary and its parts, one by one or in one bulk upload, all ending alike. */
t.test('storing the summary and its parts in any order, one by one or in a batch, gives the same result', async (t) => {
  const bodies = [summary, partA, partB, partC, elsewhere]
  const orders = [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [1, 0, 3, 4, 2], [2, 3, 4, 0, 1], [3, 1, 4, 2, 0]]
  const results: unknown[] = []
  for (const order of orders) {
    await resetDb(db)
    for (const index of order) await store(bodies[index] as AnnualReport)
    results.push(await summaryResult())
  }
  for (const order of orders.slice(0, 2)) {
    await resetDb(db)
    const payload = order.map((index) => JSON.stringify(bodies[index])).join('\n')
    const res = await app.inject({ method: 'POST', url: '/v1/reports:bulk', headers: { 'content-type': 'application/x-ndjson' }, payload })
    t.equal(res.statusCode, 200, res.body)
    results.push(await summaryResult())
  }
  // Split over two batches: the summary in the second, the parts before and after it.
  await resetDb(db)
  for (const batch of [[partB, elsewhere], [partC, summary, partA]]) {
    const res = await app.inject({ method: 'POST', url: '/v1/reports:bulk', headers: { 'content-type': 'application/x-ndjson' }, payload: batch.map((body) => JSON.stringify(body)).join('\n') })
    t.equal(res.statusCode, 200, res.body)
  }
  results.push(await summaryResult())
  t.match(results[0], { findings: NEW_RECEIVED_CELLS.map((at) => ({ pointers: [at] })) })
  const rules = (results[0] as { rules: string[] }).rules
  t.same(rules.slice(-NEW_RECEIVED_CELLS.length), NEW_RECEIVED_CELLS.map(() => 'GOV-PARTS'), 'GOV-PARTS findings come last, as in the catalogue')
  t.notOk(rules.slice(0, -NEW_RECEIVED_CELLS.length).includes('GOV-PARTS'))
  for (const [position, result] of results.entries()) t.same(result, results[0], `run ${position} ends as the first`)
})

t.test('GET /v1/reports/{id}/parts: departments, coverage and problems', async (t) => {
  const id = await store(summary)
  const a = await store(partA)
  await store(partB)
  const res = await app.inject({ url: `/v1/reports/${id}/parts` })
  t.equal(res.statusCode, 200)
  t.ok(res.headers.etag, 'cacheable like the other reads')
  const body = res.json()
  t.equal(body.departments.count, 2)
  t.same(body.departments.items.map((item: { agencyCode: string }) => item.agencyCode), [partA.agency.code, partB.agency.code].sort())
  t.match(body.headline, { pointer: '/requests/newReceived/total', summaryValue: summary.requests.newReceived.total, partsSum: summary.requests.newReceived.total, ratio: 1 })
  const pointers = body.cells.map((cell: { pointer: string }) => cell.pointer)
  t.ok(pointers.includes('/proactive/licensing/decisions'), 'table 二 is shown as coverage')
  t.notOk(pointers.some((at: string) => at.endsWith('/inForce')), 'stocks are not')
  t.equal((await app.inject({ url: `/v1/reports/${id}/parts`, headers: { 'if-none-match': res.headers.etag as string } })).statusCode, 304)

  const agency = await app.inject({ url: `/v1/reports/${a}/parts` })
  t.equal(agency.statusCode, 400)
  t.match(agency.json(), { code: 'NOT_A_GOVERNMENT_REPORT' })
  t.match(agency.headers['content-type'], /application\/problem\+json/)
  t.equal((await app.inject({ url: '/v1/reports/999/parts' })).statusCode, 404)
})

t.test('validate checks a summary against the stored parts without storing it', async (t) => {
  await store(partA)
  await store(partB)
  await store(partC)
  const res = await app.inject({ method: 'POST', url: '/v1/validate', payload: summary })
  t.equal(res.statusCode, 200)
  const findings = res.json().findings.filter((f: { ruleId: string }) => f.ruleId === 'GOV-PARTS')
  t.same(findings.map((f: { pointers: string[] }) => f.pointers[0]), NEW_RECEIVED_CELLS)
})

t.test('rollups never add a summary to its own parts; groupBy=kind shows both; the CSV export says the kind', async (t) => {
  for (const body of [summary, partA, partB, partC]) await store(body)
  const sumOf = (rollup: { cells: Array<{ pointer: string, sum: number }> }) => rollup.cells.find((cell) => cell.pointer === '/requests/newReceived/total')?.sum
  const seedTotal = partA.requests.newReceived.total ?? 0

  const departments = (await app.inject({ url: `/v1/stats?region=${REGION}&year=2023` })).json()
  t.match(departments.current, { reports: 3, agencies: 3 }, 'kind defaults to agency: the departments only')
  t.equal(sumOf(departments.current), 3 * seedTotal)
  const governments = (await app.inject({ url: `/v1/stats?region=${REGION}&year=2023&kind=government` })).json()
  t.match(governments.current, { reports: 1 })
  t.equal(sumOf(governments.current), 2 * seedTotal, 'the summary alone, not summary + parts')

  const byKind = (await app.inject({ url: `/v1/stats?region=${REGION}&year=2023&groupBy=kind&cells=/requests/newReceived/total` })).json()
  t.equal(byKind.filters.groupBy, 'kind')
  t.same(byKind.groups.map((group: { key: string, reports: number }) => [group.key, group.reports]), [['agency', 3], ['government', 1]])
  t.same(byKind.groups.map(sumOf), [3 * seedTotal, 2 * seedTotal])
  t.same(byKind.groups.map((group: { href: string }) => group.href),
    [`/v1/stats?region=${REGION}&year=2023&kind=agency`, `/v1/stats?region=${REGION}&year=2023&kind=government`])

  const csv = (await app.inject({ url: `/v1/exports/reports.csv?region=${REGION}` })).body.replace(/^\uFEFF/, '').trim().split('\r\n')
  const header = csv[0]?.split(',') ?? []
  const kindColumn = header.indexOf('kind')
  t.ok(kindColumn >= 0, 'a kind column')
  t.same(csv.slice(1).map((line) => line.split(',')[kindColumn]).sort(), ['agency', 'agency', 'agency', 'government'])
})

t.test('a summary\'s page says how many departments are stored and how much of 本年新收 they cover', async (t) => {
  const id = await store(summary)
  await store(partA)
  const page = await app.inject({ url: `/v1/reports/${id}`, headers: { accept: 'text/html' } })
  t.equal(page.statusCode, 200)
  t.match(page.body, `departments stored: 1, covering 50.0 % of 本年新收 (<a href="/v1/reports/${id}/parts">parts</a>)`)
  const before = page.headers.etag
  await store(partB)
  const again = await app.inject({ url: `/v1/reports/${id}`, headers: { accept: 'text/html', 'if-none-match': before as string } })
  t.equal(again.statusCode, 200, 'a new part changes the summary\'s page')
  t.match(again.body, 'departments stored: 2, covering 100.0 %')
  const agencyPage = await app.inject({ url: `/v1/reports/${await idOf(partA)}`, headers: { accept: 'text/html' } })
  t.notMatch(agencyPage.body, 'departments stored')
})
